import { honestReplica } from '../replica/honestReplica';
import type { Handler, ReplicaState, StepResult, Value } from '../replica/types';

/**
 * A `forge` agent (SPEC §4): as leader it claims a winner with no quorum, and a different one
 * to half of the peers, each backed by nothing but its own record. Honest replicas re-resolve
 * the evidence, refuse both, and the view changes. Everything else is honest.
 */
export const forgeStrategy: Handler<ReplicaState> = (state, input, ctx) => {
  if (input.kind !== 'proposed' || state.current.collectingView !== input.round.view) {
    return honestReplica(state, input, ctx);
  }
  // Marked as proposed first, so the honest part only broadcasts R and never resolves.
  state.current.proposedView = input.round.view;
  const result: StepResult<ReplicaState> = honestReplica(state, input, ctx);
  const round = input.round;
  const evidence = { ...round, evaluations: { ...round.evaluations }, aborts: [] };
  const other = `a${(state.index + 1) % ctx.n}`;
  for (let to = 0; to < ctx.n; to++) {
    if (to === state.index) continue;
    const winner = to < ctx.n / 2 ? state.id : other;
    const value: Value = { roundNo: state.roundNo, roundId: round.id, decision: 'commit', winner, round: evidence };
    result.effects.push({ kind: 'send', to, payload: { type: 'P', roundNo: state.roundNo, view: round.view, value, justify: null } });
  }
  return result;
};
