import type { Outcome, Round } from '../../resonance';
import type { ResonanceEngine } from './ResonanceEngine';
import type { ProposalPayload } from './replicaState';

/**
 * An equivocating leader (SPEC §4 `equivocate`, as leader): once every record is in, it looks
 * for two evaluation sets that each commit, with different winners: all records, and all but
 * the first winner's. It sends one value to each half of the honest replicas and both to its
 * fellow equivocators, who vote for anything. With f such agents, two 2f+1 vote quorums can
 * be filled on both sides (they share only Byzantine agents); two n−f quorums cannot.
 * Returns the two values sent, or null when no second committing value exists (the leader then
 * proposes normally).
 */
export function proposeTwoValues(
  engine: ResonanceEngine,
  agent: number,
  round: Round,
  resolve: (round: Round) => Outcome,
): ProposalPayload[] | null {
  const state = engine.replicas[agent]!;
  const first = resolve(round);
  if (first.status !== 'committed') return null;
  const rest = { ...round.evaluations };
  delete rest[first.winner!];
  const secondRound: Round = { ...round, evaluations: rest };
  const second = resolve(secondRound);
  if (second.status !== 'committed' || second.winner === first.winner) return null;

  const proposalOf = (r: Round, winner: string): ProposalPayload & { round: Round } => ({
    roundNo: state.roundNo, view: state.view, roundId: r.id, winner, evaluations: { ...r.evaluations }, round: r,
  });
  const values = [proposalOf(round, first.winner!), proposalOf(secondRound, second.winner!)];
  const colluders = (other: number) => engine.faults.of(other, 'equivocate') !== undefined;
  const honest = engine.roster.map((_, index) => index).filter((index) => index !== agent && !colluders(index));
  const half = Math.ceil(honest.length / 2);
  honest.forEach((to, position) => engine.send(agent, to, { type: 'P', ...values[position < half ? 0 : 1]! }));
  for (let to = 0; to < engine.scenario.n; to++) {
    if (to === agent || !colluders(to)) continue;
    for (const value of values) engine.send(agent, to, { type: 'P', ...value });
  }
  return values;
}
