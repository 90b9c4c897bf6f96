import type { ReactNode } from 'react';
import { overlapLayout, type Span } from './overlapLayout';
import { overlap, type QuorumRule } from './quorumState';

const width = 360;
const barHeight = 16;
const rowA = 18;
const rowB = 40;
const rowAgents = 64;
const height = 84;
const labelX = width + 8;

export interface OverlapDiagramProps {
  n: number;
  f: number;
  rule: QuorumRule;
}

/** Two quorums of size q over n agents, their minimum overlap, and the worst case inside it. */
export function OverlapDiagram({ n, f, rule }: OverlapDiagramProps) {
  const { quorumSize: q, overlapMin, honestGuaranteed } = overlap(n, f, rule);
  const g = overlapLayout(n, f, q, width);
  const sentence = overlapSentence(n, f, q, overlapMin, honestGuaranteed, rule);
  return (
    <figure
      className="quorum-overlap"
      data-testid="quorum-overlap"
      data-honest-guaranteed={honestGuaranteed}
    >
      <svg viewBox={`0 0 ${width + 70} ${height}`} role="img" aria-label={sentence}>
        <title>{sentence}</title>
        <SpanRect className="overlap-bar overlap-a" span={g.a} y={rowA} />
        <RowLabel y={rowA}>quorum A</RowLabel>
        <SpanRect className="overlap-bar overlap-b" span={g.b} y={rowB} />
        <RowLabel y={rowB}>quorum B</RowLabel>
        <SpanRect className="overlap-agents" span={{ x: 0, width }} y={rowAgents} />
        <SpanRect className="overlap-honest" span={g.honest} y={rowAgents} />
        <SpanRect className="overlap-byzantine" span={g.byzantine} y={rowAgents} />
        {g.dividers.map((x) => (
          <line
            key={x}
            className="overlap-divider"
            x1={x}
            x2={x}
            y1={rowAgents}
            y2={rowAgents + barHeight}
          />
        ))}
        <RowLabel y={rowAgents}>{n} agents</RowLabel>
        {g.overlap && <Bracket span={g.overlap} label={`both: ${overlapMin}`} />}
      </svg>
      <p className="quorum-note">
        <span className="swatch swatch-byzantine" aria-hidden="true" /> worst case: up to{' '}
        f = {f} Byzantine agents inside the overlap{' '}
        <span className="swatch swatch-honest" aria-hidden="true" /> honest agents the overlap must
        still hold
      </p>
      <figcaption className={honestGuaranteed ? 'overlap-safe' : 'overlap-unsafe'}>
        <span aria-hidden="true">{honestGuaranteed ? '✓ ' : '✗ '}</span>
        {sentence}
      </figcaption>
    </figure>
  );
}

function SpanRect({ span, y, className }: { span: Span | null; y: number; className: string }) {
  if (span === null) return null;
  return <rect className={className} x={span.x} y={y} width={span.width} height={barHeight} />;
}

function RowLabel({ y, children }: { y: number; children: ReactNode }) {
  return <text className="overlap-label" x={labelX} y={y + 12}>{children}</text>;
}

/** Dashed lines down both edges of the overlap, through all three rows, with its size on top. */
function Bracket({ span, label }: { span: Span; label: string }) {
  const right = span.x + span.width;
  const bottom = rowAgents + barHeight;
  return (
    <g className="overlap-bracket">
      <line x1={span.x} x2={span.x} y1={rowA - 4} y2={bottom} />
      <line x1={right} x2={right} y1={rowA - 4} y2={bottom} />
      <text x={span.x + span.width / 2} y={rowA - 6} textAnchor="middle">{label}</text>
    </g>
  );
}

/** The diagram's one-sentence reading, also its text alternative. */
export function overlapSentence(
  n: number,
  f: number,
  q: number,
  overlapMin: number,
  honestGuaranteed: boolean,
  rule: QuorumRule,
): string {
  const sizes = `Two quorums of q = ${q} among n = ${n}`;
  if (honestGuaranteed) {
    return `${sizes}: at least 2q−n = ${overlapMin} agents are in both; more than f = ${f}, ` +
      'so at least one honest agent saw both, and two conflicting values cannot both ' +
      'gather a quorum.';
  }
  const why = rule === '2f+1' && n > 3 * f + 1
    ? 'the overlap may be all Byzantine, which is how the fork happens ' +
      '(2f+1 is only safe at n = 3f+1).'
    : 'the overlap may be all Byzantine, so two quorums can commit different values.';
  return `${sizes}: only 2q−n = ${overlapMin} ≤ f = ${f}: ${why}`;
}
