import { AXES, AXIS_WEIGHTS } from './axes';
import type { Outcome } from './types';

/**
 * The pentadic alignment report of the seed's Appendix B (reference §2.2 `pentadic_summary`):
 * a box table, readable in a terminal, of every agent's similarity to each axis centroid, its
 * overall score against the threshold and an alignment band. Empty when the outcome has no
 * per-axis scores (an early abort).
 */

const bands: readonly [number, string][] = [
  [0.9, 'strong'],
  [0.75, 'moderate'],
  [0.6, 'borderline'],
];
const boxWidthMin = 54;
const title = 'ResonanceBFT — Pentadic Alignment Report';

/** strong ≥ 0.9, moderate ≥ 0.75, borderline ≥ 0.6, else weak. */
export function alignmentBand(score: number): string {
  return bands.find(([floor]) => score >= floor)?.[1] ?? 'weak';
}

export function pentadicSummary(outcome: Outcome): string {
  const ids = Object.keys(outcome.perAxis ?? {}).sort();
  if (ids.length === 0) return '';
  const threshold = outcome.threshold ?? 0.6;
  const idWidth = Math.max(12, ...ids.map((id) => id.length));
  const labels = ['Sem', 'Aff', 'Rel', 'Epi', 'Beh'].map((label) => label.padStart(6)).join(' ');
  const header = `  ${'Agent'.padEnd(idWidth)} ${labels}  ${'Overall'.padStart(8)}  Align`;
  const rows = ids.map((id) => {
    const scores = outcome.perAxis[id]!;
    const cells = AXES.map((axis) => scores[axis].toFixed(3).padStart(6)).join(' ');
    const overall = scores.pentadic.toFixed(4).padStart(8);
    const flag = scores.pentadic >= threshold ? '✓' : ' ';
    const band = alignmentBand(scores.pentadic);
    return `  ${id.padEnd(idWidth)} ${cells}  ${overall}  [${flag}] ${band}`;
  });
  const quorum = `${outcome.quorumSize}/${outcome.quorumNeeded}`;
  const status =
    `  Status: ${outcome.status.padEnd(10)}  Quorum: ${quorum}  ` +
    `Threshold: ${threshold.toFixed(2)}  `;
  const w = AXIS_WEIGHTS;
  const weights =
    `  Commit weights (fixed): sem=${w.semantic.toFixed(2)}  aff=${w.affective.toFixed(2)}  ` +
    `rel=${w.relational.toFixed(2)}  epi=${w.epistemic.toFixed(2)}  ` +
    `beh=${w.behavioral.toFixed(2)}  `;
  const tampered = outcome.tamperedAgents.length > 0
    ? [`  ⚠ Tampered: ${outcome.tamperedAgents.join(', ')}  `]
    : [];
  const contents = [header + ' ', status, weights, ...tampered, ...rows.map((row) => row + ' ')];
  const inner = Math.max(boxWidthMin - 2, ...contents.map((text) => text.length));
  const line = (text: string): string => `║${text.padEnd(inner)}║`;
  const rule = (left: string, right: string, fill = '═'): string =>
    left + fill.repeat(inner) + right;
  const titleLeft = Math.floor((inner - title.length) / 2);
  return [
    rule('╔', '╗'),
    line(' '.repeat(titleLeft) + title),
    rule('╠', '╣'),
    line(status),
    ...tampered.map(line),
    rule('╠', '╣'),
    line(header),
    rule('║', '║', '─'),
    ...rows.map(line),
    rule('╠', '╣'),
    line(weights),
    rule('╚', '╝'),
  ].join('\n');
}
