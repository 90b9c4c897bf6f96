import { certifies, outcomeMatches, wellFormedValue } from './certificates';
import { rejectMessage, type Out } from './out';
import type { Payload, ReplicaContext, ReplicaState } from './types';
import { decide } from './votes';

/**
 * Catching up (SPEC §3): a replica that decided a round answers a lagging peer's R, P or NV
 * for that round with the commit certificate, and the peer that verifies it decides the same
 * value. Policy: once per peer, round and view of the request, so an answer lost to the
 * network is sent again when the laggard tries its next view, and the answers stay bounded
 * by the view changes. Returns whether this replica had decided that round.
 */
export function answerLaggard(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  peer: number,
  roundNo: number,
  view: number,
): boolean {
  const decided = state.decided[String(roundNo)];
  if (decided === undefined) return false;
  // The reference rule has no commit certificates to hand on: a lagging replica stays behind.
  if (ctx.unsafe.viewChange === 'reference') return true;
  const key = `${roundNo}:${peer}:${view}`;
  if (!state.answered[key] && peer !== state.index) {
    state.answered[key] = true;
    out.send(peer, { type: 'C', roundNo, value: decided.value, cert: decided.cert });
  }
  return true;
}

/** A peer's commit certificate for this replica's current round: verified, then decided. */
export function onCertificate(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  id: number,
  payload: Extract<Payload, { type: 'C' }>,
): void {
  if (payload.roundNo !== state.roundNo) return;
  if (!wellFormedValue(payload.value, state.roundNo)) return rejectMessage(state, out, id, 'malformed certificate');
  const value = payload.value;
  const outcome = ctx.outcomeOf(state.index, value);
  const mismatch = outcomeMatches(ctx, value, outcome);
  if (mismatch) return rejectMessage(state, out, id, mismatch);
  if (!certifies(ctx, payload.cert, value, 'commit', outcome)) {
    return rejectMessage(state, out, id, 'the commit certificate does not verify');
  }
  state.current.values[ctx.valueDigest(value)] = value;
  decide(state, ctx, out, value, payload.cert, 'certificate');
}
