import { useMemo } from 'react';
import type { TraceIndex } from '../../trace/traceIndex';
import { formatNumber, quorumCount } from '../../format';
import { proposalRows, roundRows, type ProposalRow, type RoundRow } from './timelineRows';

export interface TimelineListProps {
  council: boolean;
  trace: TraceIndex;
  tick: number;
  ended: boolean;
  roundCount: number;
  /** Agents with a Byzantine fault: their commits do not make a fork. */
  byzantine: ReadonlySet<number>;
  onSeek(tick: number): void;
}

/** The timeline in words, one row per round or proposal: its text alternative. */
export function TimelineList({ council, trace, tick, ended, roundCount, byzantine, onSeek }: TimelineListProps) {
  const rows = useMemo(
    () => (council ? proposalRows(trace, tick) : roundRows(trace, tick, ended, roundCount, byzantine)),
    [council, trace, tick, ended, roundCount, byzantine],
  );
  return council ? (
    <ProposalTable rows={rows as ProposalRow[]} onSeek={onSeek} />
  ) : (
    <RoundTable rows={rows as RoundRow[]} onSeek={onSeek} />
  );
}

const statusText = {
  committed: '✓ committed', 'no-agreement': '⊘ no agreement', aborted: '✗ undecided', pending: '… pending',
} as const;

function RoundTable({ rows, onSeek }: { rows: RoundRow[]; onSeek(tick: number): void }) {
  return (
    <table className="rounds timeline-list">
      <caption className="visually-hidden">Rounds at the time cursor</caption>
      <thead>
        <tr>
          <th scope="col">round</th>
          <th scope="col">decision</th>
          <th scope="col">quorum</th>
          <th scope="col">tampered</th>
          <th scope="col">view</th>
          <th scope="col">consensus</th>
          <th scope="col">commit tick</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { resolution } = row;
          return (
            <tr
              key={`${row.roundNo}:${row.conflict?.side ?? ''}`}
              data-testid={row.conflict ? 'timeline-conflict' : `round-${row.roundNo}`}
              data-round={row.roundNo}
              data-status={row.status}
              className={row.conflict ? 'timeline-conflict' : undefined}
            >
              <td>
                {row.commitTick === null ? (
                  row.roundNo
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Jump to the commit of round ${row.roundNo} (tick ${row.commitTick})`}
                    onClick={() => onSeek(row.commitTick!)}
                  >
                    {row.roundNo}
                  </button>
                )}
              </td>
              <td className={`decision-${row.status}`}>
                {statusText[row.status]}
                {row.conflict && (
                  <span className="conflict-note">
                    {' '}· fork, value {row.conflict.side}: winner {row.winner === null ? '—' : `a${row.winner}`}, by{' '}
                    {row.conflict.agents.map((agent) => `a${agent}`).join(', ')}
                  </span>
                )}
              </td>
              <td>
                {resolution === null ? (
                  '—'
                ) : (
                  <>
                    {quorumCount(resolution.quorumSize, resolution.quorumNeeded)}{' '}
                    <span className="muted">(n={resolution.n}, f={resolution.f})</span>
                  </>
                )}
              </td>
              <td>{resolution === null || resolution.tamperedAgents.length === 0
                ? '—'
                : resolution.tamperedAgents.map((agent) => `a${agent}`).join(', ')}</td>
              <td>{row.view}</td>
              <td>{row.consensusType ?? '—'}</td>
              <td>{row.commitTick ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const decisionText = {
  approved: '✓ approved',
  rejected: '✗ rejected',
  no_quorum: '∅ no quorum',
  pending: '… voting',
  expired: '⌛ expired',
} as const;

function ProposalTable({ rows, onSeek }: { rows: ProposalRow[]; onSeek(tick: number): void }) {
  return (
    <table className="rounds timeline-list">
      <caption className="visually-hidden">Proposals at the time cursor</caption>
      <thead>
        <tr>
          <th scope="col">proposal</th>
          <th scope="col">action</th>
          <th scope="col">decision</th>
          <th scope="col">weights</th>
          <th scope="col">tally tick</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.proposalId} data-testid={`timeline-${row.proposalId}`} data-status={row.decision}>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={`Jump to ${row.proposalId} (tick ${row.decidedTick ?? row.proposedTick})`}
                onClick={() => onSeek(row.decidedTick ?? row.proposedTick)}
              >
                {row.proposalId}
              </button>
            </td>
            <td>{row.action} → a{row.target}</td>
            <td className={`decision-${row.decision}`}>{decisionText[row.decision]}</td>
            <td>
              {row.approveWeight === null || row.rejectWeight === null
                ? '—'
                : `approve ${formatNumber(row.approveWeight)} vs reject ${formatNumber(row.rejectWeight)}`}
            </td>
            <td>{row.decidedTick ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
