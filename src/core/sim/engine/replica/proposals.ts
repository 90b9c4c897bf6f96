import type { Outcome } from '../../../resonance';
import { certifies, outcomeMatches, wellFormedValue } from './certificates';
import { answerLaggard } from './laggard';
import { moveToView, rejectMessage, type Out } from './out';
import type { Certificate, Payload, ReplicaContext, ReplicaState, Value } from './types';
import { castVote, checkVotes } from './votes';

type Proposal = Extract<Payload, { type: 'P' }>;

/**
 * Checks a proposed value and, if it holds, prepares it (SPEC §3): the proposer leads the view;
 * the view is not old; it is the only value of that view; this replica's own resolve of the
 * evidence gives the proposed decision; and it respects the lock: a locked replica prepares
 * only its locked value, unless the proposal carries a prepare certificate for its value from
 * a higher view than the lock. `id` is −1 for the leader's own proposal.
 */
export function acceptProposal(state: ReplicaState, ctx: ReplicaContext, out: Out, from: number, id: number, p: Proposal): void {
  if (p.roundNo < state.roundNo) return void answerLaggard(state, ctx, out, from, p.roundNo, p.view);
  if (p.roundNo !== state.roundNo) return;
  const reject = (reason: string) => rejectMessage(state, out, id, reason);
  if (!Number.isSafeInteger(p.view) || ctx.leaderOf(p.view) !== from) return reject(`a${from} is not the leader of view ${p.view}`);
  if (p.view < state.view) return reject(`proposal for old view ${p.view}`);
  if (!wellFormedValue(p.value, state.roundNo)) return reject('malformed proposal');
  const value = p.value;
  const digest = ctx.valueDigest(value);
  const known = state.current.prepared[String(p.view)];
  if (known && known.digest !== digest) return reject(`a second value in view ${p.view}: the leader equivocated`);
  if (known) return;
  const outcome = ctx.outcomeOf(state.index, value);
  const mismatch = outcomeMatches(ctx, value, outcome);
  if (mismatch) return reject(mismatch);
  const locked = lockRefusal(state, ctx, value, digest, p.justify, outcome);
  if (locked) return reject(locked);
  if (p.view > state.view) moveToView(state, ctx, out, p.view, 'proposal');
  state.current.prepared[String(p.view)] = { digest, value };
  state.current.values[digest] = value;
  castVote(state, ctx, out, 'prepare', p.view, value, digest);
  checkVotes(state, ctx, out, p.view, digest);
}

/** Why the lock forbids preparing `value`, or null when it does not. */
function lockRefusal(
  state: ReplicaState,
  ctx: ReplicaContext,
  value: Value,
  digest: string,
  justify: Certificate | null,
  outcome: Outcome,
): string | null {
  if (ctx.unsafe.lock === 'off') return null;
  const c = state.current;
  if (ctx.unsafe.viewChange === 'reference') {
    const held = c.lockedWinner;
    if (held === null || held.winner === value.winner) return null;
    return `locked on ${held.winner ?? 'no agreement'} since view ${held.view}`;
  }
  const held = c.lock;
  if (held === null || held.digest === digest) return null;
  const unlocks = justify !== null && certifies(ctx, justify, value, 'prepare', outcome) && justify.view > held.view;
  if (unlocks) return null;
  const what = held.value.decision === 'commit' ? `${held.value.winner}` : 'no agreement';
  return `locked on ${what} (round ${held.value.round.id.slice(0, 8)}) since view ${held.view}`;
}
