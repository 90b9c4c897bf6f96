import { useMemo } from 'react';
import type { AgentCard } from '../../../worker/api';
import { useRun } from '../../store/runStore';
import { useCursorTrace, usePlayback } from '../../store/playbackStore';
import { useSelection } from '../../store/selectionStore';
import { EmptyState, Panel } from '../../components/Panel';
import { AccountabilityFacts } from './AccountabilityFacts';
import { EvaluationEditor } from './EvaluationEditor';
import { indexAgentEvents, inspectorFacts } from './inspectorFacts';
import { CouncilFacts, HiddenState, RoleLine, TraceFacts } from './InspectorSections';
import './inspector.css';

/**
 * The agent inspector (issue #6): the selected agent's role, faults, sealed evaluation, votes,
 * rejections and trust as the trace shows them at the cursor, and on demand its hidden state
 * from the worker: persona, nonce, signature, and whether its seal and signature verify.
 */
export function AgentInspector() {
  const scenario = useRun((state) => state.scenario);
  const trace = useCursorTrace();
  // The whole tick: the card changes only when an event tick passes, not every frame.
  const tick = usePlayback((state) => Math.floor(state.cursor));
  const report = useRun((state) => state.report);
  const epoch = useRun((state) => state.epoch);
  const status = useRun((state) => state.status);
  const agent = useSelection((state) => state.selectedAgent);
  const inspection = useSelection((state) => state.inspection);
  const selectAgent = useSelection((state) => state.selectAgent);

  const index = useMemo(() => (agent === null ? null : indexAgentEvents(trace, agent)), [trace, agent]);
  const facts = useMemo(
    () => (index === null || scenario === null ? null : inspectorFacts(index, tick, scenario, report)),
    [index, tick, scenario, report],
  );
  // A card from the worker is shown only for this run and agent; one for an earlier tick stays
  // up, marked, until the next arrives, so the panel does not flicker while playing.
  const card: AgentCard | null =
    inspection !== null && inspection.epoch === epoch && inspection.agent === agent ? inspection.card : null;
  const cardTick = card === null ? null : inspection!.tick;
  const council = scenario?.protocol === 'council';

  return (
    <Panel
      testId="agent-inspector"
      title="Agent inspector"
      caption={
        agent === null
          ? 'One agent at the time cursor: its role, what it sealed and voted, and whether its signature holds.'
          : `a${agent} at tick ${tick}: what the trace shows, then its hidden state.`
      }
      info={
        <p>
          The first part comes from the trace, like every panel. The hidden state (the persona the agent
          writes from, its sealed record's nonce and signature) is not in the trace: the worker rebuilds
          the run at this tick and checks the record as a leader does, recomputing the seal (the hash of
          the sealed vectors and nonce) and verifying the ed25519 signature with the agent&apos;s public key.
          A tamperer edits its vectors after sealing, so its seal no longer matches.
        </p>
      }
    >
      {agent === null || scenario === null || facts === null ? (
        <EmptyState>Click an agent in the ring (or any panel) to inspect it.</EmptyState>
      ) : (
        <div className="inspector-body">
          <div className="inspector-head">
            <strong className="inspector-id">a{agent}</strong>
            <RoleLine facts={facts} council={council} />
            <button type="button" className="icon-button" aria-label="Clear the selection" onClick={() => selectAgent(null)}>
              ✕
            </button>
          </div>
          {status !== 'loaded' && <p className="muted">Run the scenario to see what this agent does.</p>}
          {council ? (
            <CouncilFacts facts={facts} />
          ) : (
            <TraceFacts facts={facts} ownText={sealedOwnText(card, facts.sealed?.commitment)} />
          )}
          {!council && scenario.resonance?.accountability === true && (
            <AccountabilityFacts trace={trace} tick={tick} agent={agent} />
          )}
          <HiddenState card={card} cardTick={cardTick} tick={tick} loaded={status === 'loaded'} />
          {!council && status === 'loaded' && (
            <EvaluationEditor
              key={`${epoch}:${agent}`}
              scenario={scenario}
              agent={agent}
              generatedText={card?.protocol === 'resonance' ? (card.record?.ownText ?? null) : null}
            />
          )}
        </div>
      )}
    </Panel>
  );
}

/** The worker's split of the sealed text, when its record is the one the trace shows. */
function sealedOwnText(card: AgentCard | null, commitment: string | undefined): string | null {
  if (card?.protocol !== 'resonance' || card.record === null) return null;
  return card.record.commitment === commitment ? card.record.ownText : null;
}
