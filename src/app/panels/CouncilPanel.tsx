import type { CouncilProposalReport, CouncilRunReport } from '../../worker/api';
import { EmptyState, Panel } from '../components/Panel';
import { formatNumber, percent } from '../format';
import { councilTallyLayout, type BarSegment } from './councilTallyLayout';

const barWidth = 360;
const labelWidth = 110;

const decisionText = {
  approved: { glyph: '✓', label: 'approved' },
  rejected: { glyph: '✗', label: 'rejected' },
  no_quorum: { glyph: '∅', label: 'no quorum' },
  pending: { glyph: '…', label: 'pending' },
} as const;

/** Proposals, weighted tally bars against the quorum and (super)majority lines, and blocs. */
export function CouncilPanel({ report }: { report: CouncilRunReport | null }) {
  return (
    <Panel
      testId="council-view"
      title="Council"
      caption="Each proposal's weighted votes against its quorum and its majority line."
      info={
        <p>
          The Agent Consensus Protocol decides safety actions by weighted vote. A decision needs a
          quorum of voters taking part (abstentions do not count), then approve weight at or above
          the majority line: half of the cast weight, or two thirds for critical actions
          (terminate, escalate). Every step is appended to a tamper-evident audit chain.
        </p>
      }
      legend={<CouncilLegend />}
    >
      {report === null ? (
        <EmptyState>Press play: each proposal and its tally will appear here as the council votes.</EmptyState>
      ) : (
        <>
          <ol className="proposal-list">
            {report.proposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} report={report} />
            ))}
          </ol>
          <Blocs blocs={report.blocs} />
        </>
      )}
    </Panel>
  );
}

function ProposalCard({ proposal, report }: { proposal: CouncilProposalReport; report: CouncilRunReport }) {
  const { tally } = proposal;
  const totalWeight = report.weights.reduce((sum, weight) => sum + weight, 0);
  const geometry = councilTallyLayout(tally, totalWeight, barWidth);
  const decision = decisionText[tally.decision];
  return (
    <li className="proposal" data-testid={`proposal-${proposal.id}`} data-decision={tally.decision}>
      <div className="proposal-title">
        <span className="proposal-id">{proposal.id}</span>
        <strong className="proposal-action">{proposal.action}</strong>
        <span>→ {proposal.target}</span>
        {tally.isCritical && <span className="tag">critical</span>}
        <span className={`decision decision-${tally.decision}`} data-testid="decision">
          {decision.glyph} {decision.label}
        </span>
        {proposal.executed && <span className="tag tag-executed">executed</span>}
      </div>
      <p className="proposal-meta">
        proposed by {proposal.proposerId} · approve weight {formatNumber(tally.approveWeight)} vs reject{' '}
        {formatNumber(tally.rejectWeight)} · turnout {percent(tally.participationRate)} ·{' '}
        {tally.quorumMet ? 'quorum met' : 'quorum missed'}
      </p>
      <svg
        className="tally-bars"
        viewBox={`0 0 ${barWidth + labelWidth} 44`}
        role="img"
        aria-label={`${proposal.id}: ${geometry.weightSegments.map((s) => s.label).join(', ')}; ${geometry.thresholdLabel}; ${geometry.quorumLabel}`}
      >
        <Bar y={2} segments={geometry.weightSegments} />
        <line className="threshold-line" x1={geometry.thresholdX} x2={geometry.thresholdX} y1={0} y2={20}>
          <title>{geometry.thresholdLabel}</title>
        </line>
        <text className="bar-label" x={barWidth + 8} y={15}>
          weight {formatNumber(tally.approveWeight + tally.rejectWeight)} of {formatNumber(totalWeight)}
        </text>
        <Bar y={26} segments={geometry.turnoutSegments} height={10} />
        <text className="bar-label" x={barWidth + 8} y={35}>
          voters {tally.approveCount + tally.rejectCount} of {tally.totalVoters}
        </text>
        <line className="quorum-line" x1={geometry.quorumX} x2={geometry.quorumX} y1={24} y2={40}>
          <title>{geometry.quorumLabel}</title>
        </line>
      </svg>
      <ul className="vote-chips" aria-label="votes">
        {proposal.votes.map((vote) => (
          <li
            key={vote.voterId}
            className={`vote-chip vote-${vote.value}${report.byzantine.includes(Number(vote.voterId.slice(1))) ? ' byzantine' : ''}`}
            title={`${vote.voterId} voted ${vote.value} at tick ${vote.tick}`}
          >
            {vote.voterId} {vote.value === 'approve' ? '✓' : vote.value === 'reject' ? '✗' : '–'}
          </li>
        ))}
      </ul>
    </li>
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

function Blocs({ blocs }: { blocs: string[][] }) {
  return (
    <div className="blocs" data-testid="voting-blocs">
      <h3>Voting blocs (agreement ≥ 90%)</h3>
      {blocs.length === 0 ? (
        <p>No group of voters agreed on at least 90% of the proposals they shared.</p>
      ) : (
        <ul>
          {blocs.map((bloc) => (
            <li key={bloc.join(',')}>{`{${bloc.join(', ')}}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CouncilLegend() {
  return (
    <ul className="legend">
      <li><span className="swatch bar-approve" /> approve</li>
      <li><span className="swatch bar-reject" /> reject</li>
      <li><span className="swatch line threshold" /> majority line</li>
      <li><span className="swatch line quorum" /> quorum (voters)</li>
      <li><span className="swatch byzantine-chip" /> Byzantine voter</li>
    </ul>
  );
}
