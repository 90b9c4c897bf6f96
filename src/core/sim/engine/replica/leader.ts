import type { Outcome, Round, SealedRecord } from '../../../resonance';
import { certifies, wellFormedValue } from './certificates';
import { copyRound, rejectMessage, type Out } from './out';
import { acceptProposal } from './proposals';
import type { DecisionKind, Lock, Payload, ReplicaContext, ReplicaState, Value } from './types';

/**
 * The leader's part (reference §2.7, SPEC §3). In the first view of a round, or when no
 * certified lock is known, it collects fresh records: R → n−f sealed evaluations → resolve →
 * propose the commit, or "no agreement" when its records honestly do not agree. In a later
 * view it first waits for n−f new-view messages and re-proposes the highest certified lock
 * they carry (the reference rule, `unsafe.viewChange: 'reference'`, always collects afresh).
 */

/**
 * Ticks a leader whose records resolve to an abort waits for the rest before it proposes
 * "no agreement". Policy: a quarter of the view timeout leaves the proposal and both vote
 * phases time to finish within the view.
 */
export function collectTicks(ctx: ReplicaContext): number {
  return Math.max(1, Math.ceil(ctx.viewTimeoutTicks / 4));
}

/** Called whenever this replica may have to lead its current view; idempotent per view. */
export function lead(state: ReplicaState, ctx: ReplicaContext, out: Out): void {
  const c = state.current;
  const view = state.view;
  if (ctx.leaderOf(view) !== state.index || state.roundNo > ctx.rounds) return;
  if (c.proposedView === view || c.collectingView === view || c.exhausted) return;
  if (view === state.roundStartView || ctx.unsafe.viewChange === 'reference') return collectFresh(state, out);
  const carried = c.newViews[String(view)] ?? {};
  if (Object.keys(carried).length < ctx.newViewsNeeded()) return;
  const own = ctx.unsafe.lock === 'off' ? null : c.lock;
  const highest = highestLock(state, ctx, [own, ...Object.values(carried)]);
  if (highest === null) return collectFresh(state, out);
  c.proposedView = view;
  const payload: Payload = { type: 'P', roundNo: state.roundNo, view, value: highest.value, justify: highest.cert };
  out.broadcast(payload);
  acceptProposal(state, ctx, out, state.index, -1, payload);
}

/** The certified lock of the highest view among `locks` (untrusted ones verified here). */
function highestLock(state: ReplicaState, ctx: ReplicaContext, locks: readonly unknown[]): Lock | null {
  let best: Lock | null = null;
  for (const candidate of locks) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const lock = candidate as Lock;
    if (!wellFormedValue(lock.value, state.roundNo) || typeof lock.cert !== 'object' || lock.cert === null) continue;
    if (best !== null && lock.cert.view <= best.cert.view) continue;
    const outcome = ctx.outcomeOf(state.index, lock.value);
    if (certifies(ctx, lock.cert, lock.value, 'prepare', outcome)) best = lock;
  }
  return best;
}

function collectFresh(state: ReplicaState, out: Out): void {
  state.current.collectingView = state.view;
  out.push({ kind: 'propose', roundNo: state.roundNo, view: state.view });
}

/** The engine minted the round and sealed this leader's own evaluation: send R, then wait. */
export function onProposed(state: ReplicaState, ctx: ReplicaContext, out: Out, round: Round, records: SealedRecord[]): void {
  const c = state.current;
  if (c.collectingView !== round.view || state.view !== round.view) return;
  const own = records.find((record) => record.aid === state.id);
  if (own && !Object.hasOwn(round.evaluations, state.id)) round.evaluations[state.id] = own;
  c.collecting = round;
  c.round = round;
  c.participatedView = round.view;
  out.broadcast({ type: 'R', roundNo: state.roundNo, round: copyRound(round) });
  maybeResolve(state, ctx, out);
}

/** A sealed evaluation sent to this leader: filed under its sender's id only. */
export function onEvaluation(state: ReplicaState, ctx: ReplicaContext, out: Out, from: number, id: number, payload: Extract<Payload, { type: 'E' }>): void {
  const round = collectingRound(state);
  if (!round || payload.roundId !== round.id || payload.roundNo !== state.roundNo) return;
  if (payload.aid !== ctx.ids[from] || typeof payload.record !== 'object' || payload.record === null) {
    return rejectMessage(state, out, id, `sender a${from} does not match record ${String(payload.aid)}`);
  }
  if (Object.hasOwn(round.evaluations, payload.aid)) return;
  round.evaluations[payload.aid] = payload.record;
  maybeResolve(state, ctx, out);
}

/** The round this leader collects records for in its current view, before it proposed. */
export function collectingRound(state: ReplicaState): Round | null {
  const c = state.current;
  if (c.collecting === null || c.collectingView !== state.view || c.proposedView === state.view) return null;
  return c.collecting;
}

/**
 * From n−f records on, the leader resolves at each arrival: a commit is proposed at once; an
 * abort for lack of similarity waits `collectTicks` (or for every record) and is then
 * proposed as "no agreement"; an abort for lack of records waits for more.
 */
export function maybeResolve(state: ReplicaState, ctx: ReplicaContext, out: Out): void {
  const round = collectingRound(state);
  if (!round || !enoughRecords(round, ctx)) return;
  // Decided first without the diagnostics; resolved in full only when it will be proposed.
  const decision = ctx.decide(state.index, round);
  const everyRecord = Object.keys(round.evaluations).length >= ctx.n;
  if (proposable(decision, everyRecord)) {
    proposeResolved(state, ctx, out, round, ctx.resolve(state.index, round), everyRecord);
    return;
  }
  if (!disagrees(decision)) return;
  if (state.current.deadlineView !== state.view) {
    state.current.deadlineView = state.view;
    out.timer('collect', state.roundNo, state.view, collectTicks(ctx));
  }
}

/** The collection deadline: whatever the records resolve to now is proposed. */
export function onCollectDeadline(state: ReplicaState, ctx: ReplicaContext, out: Out, roundNo: number, view: number): void {
  const round = collectingRound(state);
  if (!round || roundNo !== state.roundNo || view !== state.view || !enoughRecords(round, ctx)) return;
  proposeResolved(state, ctx, out, round, ctx.resolve(state.index, round), true);
}

/** The leader has the records it needs before it resolves: n−f (1 with unsafe membership). */
function enoughRecords(round: Round, ctx: ReplicaContext): boolean {
  return Object.keys(round.evaluations).length >= Math.max(ctx.recordsNeeded(), 1);
}

/**
 * Proposes what the records resolve to: a commit at once; "no agreement" only when `final`
 * (every record is in, or the collection deadline came).
 */
function proposeResolved(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  round: Round,
  outcome: Outcome,
  final: boolean,
): void {
  if (!proposable(outcome, final)) return;
  proposeValue(state, ctx, out, round, outcome, outcome.status === 'committed' ? 'commit' : 'no-agreement');
}

/** A commit is proposed at once; "no agreement" only when `final`. */
function proposable(outcome: Outcome, final: boolean): boolean {
  return outcome.status === 'committed' || (final && disagrees(outcome));
}

/** An abort for lack of similarity (not for lack of records): evidence the round cannot agree. */
function disagrees(outcome: Outcome): boolean {
  return outcome.status !== 'committed' && String(outcome.reason ?? '').startsWith('no_quorum');
}

/** Proposes the value its records resolve to, and prepares it itself. */
export function proposeValue(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  round: Round,
  outcome: Outcome,
  decision: DecisionKind,
): void {
  const view = state.view;
  state.current.proposedView = view;
  out.push({ kind: 'resolved', roundNo: state.roundNo, view, outcome });
  const evidence: Round = { ...round, evaluations: { ...round.evaluations }, aborts: [] };
  const winner = decision === 'commit' ? outcome.winner! : null;
  const value: Value = { roundNo: state.roundNo, roundId: round.id, decision, winner, round: evidence };
  out.push({ kind: 'deliberate', roundNo: state.roundNo, round: evidence });
  const payload: Payload = { type: 'P', roundNo: state.roundNo, view, value, justify: null };
  out.broadcast(payload);
  acceptProposal(state, ctx, out, state.index, -1, payload);
}

/**
 * At its view timeout, a leader that held enough records but proposed nothing (an abort for
 * lack of records, say) reports its resolution, so the trace says why the view failed.
 */
export function reportAbortedView(state: ReplicaState, ctx: ReplicaContext, out: Out): void {
  const round = collectingRound(state);
  if (!round || !enoughRecords(round, ctx)) return;
  const outcome = ctx.resolve(state.index, round);
  if (outcome.status !== 'committed') out.push({ kind: 'resolved', roundNo: state.roundNo, view: state.view, outcome });
}
