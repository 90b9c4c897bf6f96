import { answerLaggard } from './laggard';
import { lead, reportAbortedView } from './leader';
import { moveToView, type Out } from './out';
import type { CarriedLock, Payload, ReplicaContext, ReplicaState } from './types';

/**
 * View changes (reference §2.7, SPEC §3): a view that times out moves the replica to the next
 * view; every replica entering a view by timeout or by joining announces it with a new-view
 * message carrying its highest lock and that lock's prepare certificate; f+1 announcements of a
 * higher view pull a replica up to it. View changes per round are bounded; a replica that runs
 * out of them stays where it is, and the run reports the round as stalled.
 */

export function onViewTimeout(state: ReplicaState, ctx: ReplicaContext, out: Out, roundNo: number, view: number): void {
  if (state.roundNo !== roundNo || state.view !== view || roundNo > ctx.rounds) return;
  reportAbortedView(state, ctx, out);
  out.emit({ kind: 'timedOut', agent: state.index, roundNo, view });
  const next = view + 1;
  if (next - state.roundStartView > ctx.viewChangesMax) {
    if (!state.current.exhausted) out.emit({ kind: 'viewsExhausted', agent: state.index, roundNo, view });
    state.current.exhausted = true;
    return;
  }
  startView(state, ctx, out, next, 'timeout');
}

/** Enters `view`, announces it with this replica's lock, and leads it if it is the leader. */
export function startView(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  view: number,
  reason: 'timeout' | 'new-view',
): void {
  moveToView(state, ctx, out, view, reason);
  // Under either teaching switch the new-view message carries nothing: the reference rule has
  // no certified locks, and with `lock: 'off'` a replica keeps none worth announcing.
  const carries = ctx.unsafe.viewChange !== 'reference' && ctx.unsafe.lock !== 'off';
  const lock: CarriedLock = carries ? state.current.lock : null;
  out.broadcast({ type: 'NV', roundNo: state.roundNo, view, by: state.id, lock });
  (state.current.newViews[String(view)] ??= {})[state.id] = lock;
  lead(state, ctx, out);
}

export function onNewView(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  from: number,
  payload: Extract<Payload, { type: 'NV' }>,
): void {
  if (payload.roundNo < state.roundNo) return void answerLaggard(state, ctx, out, from, payload.roundNo, payload.view);
  if (payload.roundNo !== state.roundNo || payload.by !== ctx.ids[from] || !Number.isSafeInteger(payload.view)) return;
  const c = state.current;
  const senders = (c.newViews[String(payload.view)] ??= {});
  senders[payload.by] = payload.lock ?? null;
  const withinBound = payload.view - state.roundStartView <= ctx.viewChangesMax;
  if (payload.view > state.view && Object.keys(senders).length >= ctx.f + 1 && withinBound && !c.exhausted) {
    startView(state, ctx, out, payload.view, 'new-view');
  } else if (payload.view === state.view) {
    lead(state, ctx, out);
  }
}
