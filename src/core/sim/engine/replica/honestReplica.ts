import { exhaustive } from '../../../assert';
import type { Round } from '../../../resonance';
import { answerLaggard, onCertificate } from './laggard';
import { lead, onCollectDeadline, onEvaluation, onProposed } from './leader';
import { armViewTimer, copyRound, moveToView, Out, rejectMessage } from './out';
import { acceptProposal } from './proposals';
import type { Handler, Input, Payload, ReplicaContext, ReplicaState } from './types';
import { onViewTimeout, onNewView } from './viewChange';
import { onVote } from './votes';

/**
 * The honest ResonanceBFT replica as a state machine (SPEC §5): `(state, input) → (state,
 * effects)`. It reads top to bottom without fault branches; Byzantine behaviours are strategy
 * modules that wrap it (`strategies/`). Policy: the state is owned by the handler for the
 * duration of the call and updated in place (copying every vote set on every vote would make a
 * round O(n³) at n = 1000); the engine never aliases it, and its snapshots copy it whole.
 */
export const honestReplica: Handler<ReplicaState> = (state, input, ctx) => {
  const out = new Out();
  let roundNo = state.roundNo;
  handle(state, input, ctx, out);
  // A decision moves the replica on; entering the next round may decide it at once (n = 1).
  while (state.roundNo !== roundNo) {
    roundNo = state.roundNo;
    enterRound(state, ctx, out);
  }
  return { state, effects: out.effects };
};

function handle(state: ReplicaState, input: Input, ctx: ReplicaContext, out: Out): void {
  switch (input.kind) {
    case 'start':
      armViewTimer(state, ctx, out);
      return lead(state, ctx, out);
    case 'restart':
      if (state.roundNo > ctx.rounds) return;
      armViewTimer(state, ctx, out);
      return lead(state, ctx, out);
    case 'message':
      return onMessage(state, ctx, out, input.from, input.id, input.payload);
    case 'timer':
      if (input.timer === 'view') return onViewTimeout(state, ctx, out, input.roundNo, input.view);
      return onCollectDeadline(state, ctx, out, input.roundNo, input.view);
    case 'proposed':
      return onProposed(state, ctx, out, input.round, input.records);
    case 'sealed':
      for (const record of input.records) {
        const { roundNo, view, id } = { roundNo: state.roundNo, view: input.round.view, id: input.round.id };
        out.send(input.leader, { type: 'E', roundNo, view, aid: record.aid, roundId: id, record });
      }
      return;
    default:
      return exhaustive(input);
  }
}

export function onMessage(state: ReplicaState, ctx: ReplicaContext, out: Out, from: number, id: number, payload: Payload): void {
  switch (payload.type) {
    case 'R':
      return onRound(state, ctx, out, from, id, payload.roundNo, payload.round);
    case 'E':
      return onEvaluation(state, ctx, out, from, id, payload);
    case 'P':
      return acceptProposal(state, ctx, out, from, id, payload);
    case 'V':
      return onVote(state, ctx, out, from, payload);
    case 'NV':
      return onNewView(state, ctx, out, from, payload);
    case 'C':
      return onCertificate(state, ctx, out, id, payload);
    default:
      return exhaustive(payload);
  }
}

/** A leader's R: buffered if it is for a later round, answered with a certificate if older. */
function onRound(state: ReplicaState, ctx: ReplicaContext, out: Out, from: number, id: number, roundNo: number, round: Round): void {
  if (roundNo > state.roundNo && roundNo <= ctx.rounds) {
    state.buffered.push({ from, round, roundNo });
    return;
  }
  if (roundNo < state.roundNo && answerLaggard(state, ctx, out, from, roundNo, Number(round?.view))) return;
  const reason = roundRejection(state, ctx, from, roundNo, round);
  if (reason) return rejectMessage(state, out, id, reason);
  if (round.view > state.view) moveToView(state, ctx, out, round.view, 'proposal');
  if (state.current.participatedView === round.view) return;
  const copy = copyRound(round);
  state.current.round = copy;
  state.current.participatedView = round.view;
  out.push({ kind: 'seal', round: copy, roundNo: state.roundNo, leader: from });
}

function roundRejection(state: ReplicaState, ctx: ReplicaContext, from: number, roundNo: number, round: Round): string | null {
  if (roundNo !== state.roundNo) return `round ${roundNo} is not my current round ${state.roundNo}`;
  if (typeof round !== 'object' || round === null || typeof round.id !== 'string') return 'malformed round';
  if (typeof round.evaluations !== 'object' || round.evaluations === null) return 'malformed round';
  if (!Number.isSafeInteger(round.view) || round.view < state.view) return `view ${round.view} is older than mine (${state.view})`;
  if (ctx.leaderOf(round.view) !== from) return `a${from} is not the leader of view ${round.view}`;
  if (round.view - state.roundStartView > ctx.viewChangesMax) return 'too many view changes';
  return null;
}

/**
 * The first step of a new round after a decision: it starts in the view that decided the last
 * round, so all replicas that decided it agree on the new round's first leader; the leader
 * proposes; R messages that arrived early are replayed.
 */
function enterRound(state: ReplicaState, ctx: ReplicaContext, out: Out): void {
  if (state.roundNo > ctx.rounds) return;
  const decidedView = state.decided[String(state.roundNo - 1)]?.cert.view ?? state.view;
  state.roundStartView = decidedView;
  if (decidedView !== state.view) moveToView(state, ctx, out, decidedView, 'next-round');
  else armViewTimer(state, ctx, out);
  lead(state, ctx, out);
  const due = state.buffered.filter((item) => item.roundNo === state.roundNo);
  state.buffered = state.buffered.filter((item) => item.roundNo > state.roundNo);
  for (const item of due) onRound(state, ctx, out, item.from, -1, item.roundNo, item.round);
}

