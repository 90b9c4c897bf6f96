import type { RunSummaryReply } from '../../worker/api';
import { EmptyState, Panel } from '../components/Panel';

/** One row per round: committed or aborted, k of the n−f needed, tampered agents, view, tick. */
export function RoundsPanel({
  summary,
  tick,
  ended,
  onSeek,
}: {
  summary: RunSummaryReply['summary'] | null;
  tick: number;
  ended: boolean;
  /** Moves the time cursor (to a round's commit). */
  onSeek(tick: number): void;
}) {
  return (
    <Panel
      testId="commit-timeline"
      title="Commits"
      caption="Every round's decision: the quorum it reached against the n−f it needed."
      info={
        <p>
          A round commits when at least n−f agents' sealed evaluations lie close enough to the trimmed-mean
          centroid, and 2f+1 replicas vote to prepare and then to commit. Tampered records never count.
        </p>
      }
    >
      {summary === null || summary.rounds.length === 0 ? (
        <EmptyState>Run the scenario: every commit lands here with its quorum.</EmptyState>
      ) : (
        <table className="rounds">
          <thead>
            <tr>
              <th scope="col">round</th>
              <th scope="col">decision</th>
              <th scope="col">quorum</th>
              <th scope="col">tampered</th>
              <th scope="col">view</th>
              <th scope="col">winner</th>
              <th scope="col">tick</th>
            </tr>
          </thead>
          <tbody>
            {summary.rounds.map((round) => {
              const status = visibleStatus(round.status, round.commitTick, tick, ended);
              return (
              <tr key={round.round} data-testid={`round-${round.round}`} data-status={status}>
                <td>
                  {round.commitTick === null ? (
                    round.round
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Jump to the commit of round ${round.round} (tick ${round.commitTick})`}
                      onClick={() => onSeek(round.commitTick!)}
                    >
                      {round.round}
                    </button>
                  )}
                </td>
                <td className={`decision-${status}`}>
                  {status === 'committed' ? '✓ committed' : status === 'aborted' ? '✗ aborted' : '… pending'}
                </td>
                <td>
                  {status === 'pending' ? `need ${round.quorumNeeded}` : `${round.quorumSize}/${round.quorumNeeded}`}{' '}
                  <span className="muted">(n={round.n}, f={round.f})</span>
                </td>
                <td>{status === 'pending' ? '' : round.tamperedAgents.length > 0 ? round.tamperedAgents.join(', ') : '—'}</td>
                <td>{status === 'pending' ? '' : round.view}</td>
                <td>{status === 'pending' ? '' : (round.winner ?? '—')}</td>
                <td>{status === 'pending' ? '' : (round.commitTick ?? '—')}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** A round is shown as decided only once the time cursor has reached its decision. */
function visibleStatus(status: 'committed' | 'aborted', commitTick: number | null, tick: number, ended: boolean) {
  if (status === 'committed' && commitTick !== null && commitTick <= tick) return 'committed';
  if (status === 'aborted' && ended) return 'aborted';
  return 'pending';
}
