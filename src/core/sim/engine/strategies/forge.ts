import type { Round, SealedRecord } from '../../../resonance';
import { honestReplica } from '../replica/honestReplica';
import type { Handler, ReplicaContext, ReplicaState, StepResult, Value } from '../replica/types';

/**
 * A `forge` agent (SPEC §4): as leader it proposes a winner with no real quorum. It files a
 * copy of its own sealed record under every other agent's id (with that agent's public key but
 * its own signature) and claims whatever winner that forged evidence resolves to. Honest
 * replicas re-resolve the evidence: every forged record fails its seal and signature check,
 * nothing is left to commit, they refuse the proposal and the view changes. With the seal
 * checks off (`unsafe.seal`) the forged records count, the replicas commit a quorum nobody
 * signed, and the validity monitor says so. Everything else is honest.
 */
export const forgeStrategy: Handler<ReplicaState> = (state, input, ctx) => {
  if (input.kind !== 'proposed' || state.current.collectingView !== input.round.view) {
    return honestReplica(state, input, ctx);
  }
  // Marked as proposed first, so the honest part only broadcasts R and never resolves.
  state.current.proposedView = input.round.view;
  const result: StepResult<ReplicaState> = honestReplica(state, input, ctx);
  const own = input.round.evaluations[state.id];
  if (own === undefined) return result;
  const evidence: Round = { ...input.round, evaluations: forgedEvaluations(state, ctx, input.round, own), aborts: [] };
  const outcome = ctx.resolve(state.index, evidence);
  const winner = outcome.status === 'committed' ? outcome.winner! : state.id;
  const value: Value = { roundNo: state.roundNo, roundId: evidence.id, decision: 'commit', winner, round: evidence };
  result.effects.push({ kind: 'broadcast', payload: { type: 'P', roundNo: state.roundNo, view: evidence.view, value, justify: null } });
  return result;
};

function forgedEvaluations(state: ReplicaState, ctx: ReplicaContext, round: Round, own: SealedRecord): Record<string, SealedRecord> {
  const evaluations: Record<string, SealedRecord> = { [state.id]: own };
  for (let index = 0; index < ctx.n; index++) {
    const aid = `a${index}`;
    if (aid !== state.id) evaluations[aid] = { ...own, aid, pubkey: ctx.publicKeys[index]! };
  }
  return { ...round.evaluations, ...evaluations };
}
