import type { ReactNode } from 'react';
import { formatNumber, percent } from '../../format';
import type { ProposalState } from './councilState';
import { councilTallyLayout, type BarSegment } from './councilTallyLayout';

const barWidth = 360;
const labelWidth = 120;
/** The weight bar's top, below the majority line's label. */
const weightBarY = 13;
const turnoutBarY = 38;

const decisionText = {
  approved: { glyph: '✓', label: 'approved' },
  rejected: { glyph: '✗', label: 'rejected' },
  no_quorum: { glyph: '∅', label: 'no quorum' },
  pending: { glyph: '…', label: 'voting' },
  expired: { glyph: '⌛', label: 'expired' },
} as const;

/** Who voted with what weight, and which voters are Byzantine (marked on their vote chips). */
export interface VoterRoll {
  weights: readonly number[];
  byzantine: readonly number[];
}

/** One proposal at the cursor: its tally bars with both lines, and the votes recorded so far. */
export function ProposalCard({ proposal, voters, children }: { proposal: ProposalState; voters: VoterRoll; children?: ReactNode }) {
  const { tally } = proposal;
  const totalWeight = voters.weights.reduce((sum, weight) => sum + weight, 0);
  const geometry = councilTallyLayout(tally, totalWeight, barWidth);
  const decision = decisionText[proposal.decision];
  const decided = proposal.decidedTick !== null;
  const taking = tally.approveCount + tally.rejectCount;
  return (
    <li className="proposal" data-testid={`proposal-${proposal.id}`} data-decision={proposal.decision}>
      <div className="proposal-title">
        <span className="proposal-id">{proposal.id}</span>
        <strong className="proposal-action">{proposal.action}</strong>
        <span>→ a{proposal.target}</span>
        {proposal.critical && <span className="tag">critical</span>}
        <span className={`decision decision-${proposal.decision}`} data-testid="decision">
          {decision.glyph} {decision.label}
        </span>
        {proposal.executed && <span className="tag tag-executed">executed</span>}
      </div>
      <p className="proposal-meta">
        proposed by a{proposal.proposer} at tick {proposal.proposedTick} ·{' '}
        {decided ? `tallied at tick ${proposal.decidedTick}` : `tally by tick ${proposal.deadline}`} · approve
        weight {formatNumber(tally.approveWeight)} vs reject {formatNumber(tally.rejectWeight)} · turnout{' '}
        {percent(taking / Math.max(tally.totalVoters, 1))}
        {proposal.quorumMet !== null
          ? ` · ${proposal.quorumMet ? 'quorum met' : 'quorum missed'}`
          : tally.quorumRequired !== null && ` · ${taking} voters so far, quorum ${tally.quorumRequired}`}
      </p>
      <svg
        className="tally-bars"
        viewBox={`0 0 ${barWidth + labelWidth} 64`}
        role="img"
        aria-label={`${proposal.id}: ${geometry.weightSegments.map((s) => s.label).join(', ')}; ${geometry.thresholdLabel}; ${geometry.quorumLabel}`}
      >
        <Bar y={weightBarY} segments={geometry.weightSegments} />
        <text className="bar-label" x={barWidth + 8} y={weightBarY + 13}>
          weight {formatNumber(tally.approveWeight + tally.rejectWeight)} of {formatNumber(totalWeight)}
        </text>
        <Bar y={turnoutBarY} segments={geometry.turnoutSegments} height={10} />
        <text className="bar-label" x={barWidth + 8} y={turnoutBarY + 9}>
          voters {taking} of {tally.totalVoters}
        </text>
        <Rule x={geometry.thresholdX} y1={weightBarY - 3} y2={weightBarY + 21} className="threshold-line"
          label={geometry.thresholdLabel} textY={weightBarY - 4} />
        <Rule x={geometry.quorumX} y1={turnoutBarY - 3} y2={turnoutBarY + 13} className="quorum-line"
          label={geometry.quorumLabel} textY={turnoutBarY + 24} />
      </svg>
      <VoteChips proposal={proposal} voters={voters} />
      {children}
    </li>
  );
}

/** A threshold line on a bar, with its name written beside it (not only in a tooltip). */
function Rule(props: { x: number | null; y1: number; y2: number; className: string; label: string; textY: number }) {
  const { x, y1, y2, className, label, textY } = props;
  if (x === null) return null;
  const anchor = x > barWidth * 0.6 ? 'end' : 'start';
  return (
    <g>
      <line className={className} x1={x} x2={x} y1={y1} y2={y2}>
        <title>{label}</title>
      </line>
      <text className={`rule-label ${className}-label`} x={anchor === 'end' ? x - 3 : x + 3} y={textY} textAnchor={anchor}>
        {label}
      </text>
    </g>
  );
}

function VoteChips({ proposal, voters }: { proposal: ProposalState; voters: VoterRoll }) {
  const missing = proposal.tally.totalVoters - proposal.votes.length;
  return (
    <ul className="vote-chips" aria-label="votes">
      {proposal.votes.map((vote) => (
        <li
          key={vote.voter}
          className={`vote-chip vote-${vote.value}${voters.byzantine.includes(vote.voter) ? ' byzantine' : ''}`}
          title={`a${vote.voter} voted ${vote.value} (weight ${formatNumber(voters.weights[vote.voter] ?? 1)}), recorded at tick ${vote.tick}`}
        >
          a{vote.voter} {vote.value === 'approve' ? '✓' : vote.value === 'reject' ? '✗' : '–'}
        </li>
      ))}
      {proposal.refused.map((refused, index) => (
        <li key={`refused-${index}`} className="vote-chip vote-refused" title={`Refused at tick ${refused.tick}: ${refused.reason}`}>
          {refused.voter === null ? '?' : `a${refused.voter}`} ⊘ refused
        </li>
      ))}
      {missing > 0 && proposal.decidedTick === null && (
        <li className="vote-chip vote-waiting">{missing} vote{missing === 1 ? '' : 's'} not in yet</li>
      )}
    </ul>
  );
}

function Bar({ y, segments, height = 18 }: { y: number; segments: BarSegment[]; height?: number }) {
  return (
    <g>
      <rect className="bar-track" x={0} y={y} width={barWidth} height={height} rx={3} />
      {segments.map((segment) => (
        <rect key={segment.kind} className={`bar-${segment.kind}`} x={segment.x} y={y} width={segment.width} height={height}>
          <title>{segment.label}</title>
        </rect>
      ))}
    </g>
  );
}
