import { honestReplica } from '../replica/honestReplica';
import type { Effect, Input, ReplicaContext, ReplicaState, StepResult } from '../replica/types';

/** Two honest copies of one replica, sharing its key. */
export interface TwinState {
  copies: [ReplicaState, ReplicaState];
}

/** Which copy reaches a peer: copy 0 the lower half of the roster, copy 1 the upper half. */
export function twinCopyFor(peer: number, n: number): 0 | 1 {
  return peer < n / 2 ? 0 : 1;
}

/**
 * A `twin` agent (SPEC §4; the "Twins" model of Bano et al.): two honest copies of the replica
 * under one key. Both hear everything sent to the agent; each copy's messages reach only its
 * half of the peers, so each half sees a perfectly honest replica, but the two halves may see
 * different evaluations, proposals and votes signed by the same key. The trace shows copy 0's
 * view of itself; both copies' votes are real messages and appear as votes.
 */
export function twinStep(state: TwinState, input: Input, ctx: ReplicaContext): StepResult<TwinState> {
  const effects: Effect[] = [];
  ([0, 1] as const).forEach((which) => {
    const copy = state.copies[which];
    if ((input.kind === 'proposed' || input.kind === 'sealed') && input.copy !== undefined && input.copy !== which) return;
    const result = honestReplica(copy, input, ctx);
    state.copies[which] = result.state;
    for (const effect of result.effects) effects.push(...routed(effect, which, copy.index, ctx.n));
  });
  return { state, effects };
}

function routed(effect: Effect, which: 0 | 1, self: number, n: number): Effect[] {
  switch (effect.kind) {
    case 'send':
      return twinCopyFor(effect.to, n) === which ? [effect] : [];
    case 'broadcast': {
      const sends: Effect[] = [];
      for (let to = 0; to < n; to++) {
        if (to !== self && twinCopyFor(to, n) === which) sends.push({ kind: 'send', to, payload: effect.payload });
      }
      return sends;
    }
    case 'propose':
    case 'seal':
      return [{ ...effect, copy: which }];
    case 'emit':
      return which === 0 || effect.event.kind === 'voteCast' ? [effect] : [];
    case 'decide':
    case 'resolved':
    case 'deliberate':
      return which === 0 ? [effect] : [];
    case 'timer':
      return [effect];
  }
}
