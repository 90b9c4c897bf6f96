import { agentKeyPair } from '../../crypto';
import { sealEvaluation, type Round, type SealedRecord } from '../../resonance';
import type { EngineView } from './engineView';

/** What sealing reads of the engine. */
type SealingEngine = Pick<EngineView, 'agents' | 'faults' | 'opinions' | 'scenario' | 'tick'>;

/**
 * What an agent seals for `round`, by its faults (SPEC §4): an honest agent seals its own
 * opinion; `biased` seals a valid but extreme opposite one; `sycophant` copies the leader's
 * text; `equivocate` seals two different evaluations; `tamper` edits its sealed vector after
 * sealing, without re-sealing, so every honest resolver flags it.
 */
export function byzantineEvaluations(engine: SealingEngine, agent: number, round: Round, roundNo: number): SealedRecord[] {
  const resonanceAgent = engine.agents[agent]!;
  const { opinions, faults } = engine;
  let text = opinions.text(agent, roundNo);
  if (faults.of(agent, 'biased')) text = opinions.biased(agent, roundNo);
  const leaderRecord = round.evaluations[round.proposer];
  if (faults.of(agent, 'sycophant') && leaderRecord && round.proposer !== resonanceAgent.id) {
    const leaderText = leaderRecord.evalText.slice(round.description.length).trim();
    text = opinions.sycophant(agent, roundNo, leaderText);
  }
  if (faults.of(agent, 'equivocate')) {
    const [first, second] = opinions.equivocation(agent, roundNo);
    const other: Round = { ...round, vocab: [...round.vocab], evaluations: { ...round.evaluations } };
    const a = resonanceAgent.participate(round, first).record;
    const b = resonanceAgent.participate(other, second).record;
    return [a, b];
  }
  const { record } = resonanceAgent.participate(round, text);
  const tamper = faults.of(agent, 'tamper');
  if (!tamper) return [record];
  const edited: SealedRecord = { ...record, [tamper.axis]: record[tamper.axis].map((x) => x + tamper.delta) };
  if (tamper.axis === 'relational') edited.relationalSealed = edited.relational;
  round.evaluations[resonanceAgent.id] = edited;
  return [edited];
}

/**
 * An `impersonate` agent's extra record: filed under the victim's id but sealed and signed with
 * the impersonator's own key, so the seal check (or the leader's sender check) catches it.
 */
export function impersonation(engine: SealingEngine, agent: number, round: Round, roundNo: number): SealedRecord | null {
  const fault = engine.faults.of(agent, 'impersonate');
  if (!fault) return null;
  const store = engine.agents[agent]!.store;
  const { record } = sealEvaluation({
    aid: `a${fault.victim}`,
    keys: agentKeyPair(engine.scenario.seed, `a${agent}`),
    nonce: `imp${engine.tick}a${agent}`,
    round,
    evalText: engine.opinions.biased(agent, roundNo),
    embed: engine.scenario.resonance.embed,
    behavior: store.behaviorOf(`a${agent}`),
    pastSemantics: [],
    trustIn: () => 1,
  });
  return record;
}
