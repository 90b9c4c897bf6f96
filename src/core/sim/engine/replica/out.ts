import type { Round } from '../../../resonance';
import type {
  Effect,
  Payload,
  ReplicaContext,
  ReplicaEvent,
  ReplicaState,
  RoundState,
  Timer,
} from './types';

/** The effects one input produces, in order; the engine applies them after the handler returns. */
export class Out {
  readonly effects: Effect[] = [];

  emit(event: ReplicaEvent): void {
    this.effects.push({ kind: 'emit', event });
  }

  send(to: number, payload: Payload): void {
    this.effects.push({ kind: 'send', to, payload });
  }

  broadcast(payload: Payload): void {
    this.effects.push({ kind: 'broadcast', payload });
  }

  timer(timer: Timer, roundNo: number, view: number, afterTicks: number): void {
    this.effects.push({ kind: 'timer', timer, roundNo, view, afterTicks });
  }

  push(effect: Effect): void {
    this.effects.push(effect);
  }
}

export function freshRoundState(): RoundState {
  return {
    round: null,
    participatedView: null,
    collecting: null,
    collectingView: null,
    proposedView: null,
    deadlineView: null,
    prepared: {},
    values: {},
    votes: {},
    voted: {},
    lock: null,
    lockedWinner: null,
    newViews: {},
    exhausted: false,
  };
}

export function freshReplica(index: number): ReplicaState {
  return {
    index,
    id: `a${index}`,
    roundNo: 1,
    view: 0,
    roundStartView: 0,
    current: freshRoundState(),
    buffered: [],
    committedRounds: 0,
    decided: {},
    answered: {},
  };
}

/** How many times the view timeout doubles at most (8× the configured timeout). */
export const viewTimeoutDoublingsMax = 3;

/**
 * The view timeout of the replica's current view. Policy: it doubles after every n views of
 * one round without a decision (a full rotation of leaders), up to 8×, as PBFT doubles its
 * timer: with a fixed timeout shorter than a round's real delays (latency 8 gives five hops of
 * 40 ticks against a 40-tick timeout) every view would time out forever; a longer timeout
 * eventually fits, so the round is decided.
 */
export function viewTimeoutTicks(state: ReplicaState, ctx: ReplicaContext): number {
  const rotations = Math.floor(Math.max(0, state.view - state.roundStartView) / ctx.n);
  return ctx.viewTimeoutTicks * 2 ** Math.min(rotations, viewTimeoutDoublingsMax);
}

/** The view timer of the replica's current (round, view). */
export function armViewTimer(state: ReplicaState, ctx: ReplicaContext, out: Out): void {
  out.timer('view', state.roundNo, state.view, viewTimeoutTicks(state, ctx));
}

export function moveToView(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  view: number,
  reason: 'timeout' | 'new-view' | 'proposal' | 'next-round',
): void {
  state.view = view;
  out.emit({ kind: 'viewChanged', agent: state.index, roundNo: state.roundNo, view, reason });
  armViewTimer(state, ctx, out);
}

export function isLeader(state: ReplicaState, ctx: ReplicaContext): boolean {
  return ctx.leaderOf(state.view) === state.index;
}

/** Rounds travel as JSON-shaped data; each replica works on its own copy of the metadata. */
export function copyRound(round: Round): Round {
  return {
    ...round,
    roster: [...round.roster],
    vocab: [...round.vocab],
    evaluations: { ...round.evaluations },
    aborts: [...(round.aborts ?? [])],
  };
}

/** A rejected message, reported in the trace with the replica's reason (not for own inputs). */
export function rejectMessage(state: ReplicaState, out: Out, id: number, reason: string): void {
  if (id >= 0) out.emit({ kind: 'messageRejected', id, agent: state.index, reason });
}

/** The trace's agent index of a winner id (null: no agreement). */
export function winnerIndex(ctx: ReplicaContext, winner: string | null): number | null {
  return winner === null ? null : ctx.indexOf(winner);
}
