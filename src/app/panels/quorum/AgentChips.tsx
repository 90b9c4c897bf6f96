import { evaluationStatuses, type EvaluationStatus } from './quorumState';

/** Glyph and words for each status: colour is never the only cue (UI.md). */
export const statusText: Readonly<Record<EvaluationStatus, { glyph: string; label: string }>> = {
  waiting: { glyph: '○', label: 'waiting' },
  inFlight: { glyph: '…', label: 'in flight' },
  arrived: { glyph: '●', label: 'arrived' },
  inQuorum: { glyph: '✓', label: 'in quorum' },
  tampered: { glyph: '⊘', label: 'tampered (seal broken)' },
  lost: { glyph: '✗', label: 'lost' },
  rejected: { glyph: '⚠', label: 'rejected by the leader' },
};

/** Above this many agents a chip per agent stops being readable; the counts remain. */
const chipAgentsMax = 100;

export interface AgentChipsProps {
  statuses: readonly EvaluationStatus[];
  /** The trace's reason for each refused evaluation, by agent. */
  rejections?: ReadonlyMap<number, string>;
  leader: number;
  selectedAgent?: number | null;
  onSelectAgent?(agent: number | null): void;
}

/** One chip per agent, coloured and marked by where its evaluation stands at the leader. */
export function AgentChips(props: AgentChipsProps) {
  const { statuses, rejections, leader, selectedAgent = null, onSelectAgent } = props;
  if (statuses.length > chipAgentsMax) {
    return <p className="quorum-note">{statuses.length} agents: see the counts in the legend.</p>;
  }
  return (
    <ul className="quorum-chips" aria-label="Each agent's evaluation at the leader">
      {statuses.map((status, agent) => {
        const { glyph, label } = statusText[status];
        const role = agent === leader ? ' (leader)' : '';
        const reason = status === 'rejected' ? rejections?.get(agent) : undefined;
        const name = `a${agent}${role}: ${label}${reason ? ` (${reason})` : ''}`;
        const className =
          `quorum-chip status-${status}` +
          (agent === leader ? ' is-leader' : '') +
          (agent === selectedAgent ? ' is-selected' : '');
        const content = (
          <>
            <span className="chip-glyph" aria-hidden="true">{glyph}</span>a{agent}
            {agent === leader && <span className="chip-leader" aria-hidden="true">★</span>}
          </>
        );
        return (
          <li key={agent} data-agent={agent} data-status={status}>
            {onSelectAgent ? (
              <button
                type="button"
                className={className}
                title={name}
                aria-label={name}
                aria-pressed={agent === selectedAgent}
                onClick={() => onSelectAgent(agent === selectedAgent ? null : agent)}
              >
                {content}
              </button>
            ) : (
              <span className={className} title={name} aria-label={name}>{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The legend: every status's glyph, name and, when a round is shown, how many agents have it. */
export function QuorumLegend({ statuses }: { statuses: readonly EvaluationStatus[] | null }) {
  return (
    <ul className="quorum-legend">
      {evaluationStatuses.map((status) => {
        const count = statuses?.filter((s) => s === status).length;
        return (
          <li key={status}>
            <span className={`quorum-chip legend-chip status-${status}`} aria-hidden="true">
              {statusText[status].glyph}
            </span>
            {statusText[status].label}
            {count !== undefined && <span className="legend-count"> {count}</span>}
          </li>
        );
      })}
      <li>
        <span className="quorum-chip legend-chip is-leader" aria-hidden="true">★</span>
        leader (gold ring)
      </li>
    </ul>
  );
}
