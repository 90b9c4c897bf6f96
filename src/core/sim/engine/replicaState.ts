import type { Outcome, Round, SealedRecord } from '../../resonance';

/** A prepare or commit vote as it travels (reference §2.7 `V`). */
export interface VotePayload {
  roundNo: number;
  view: number;
  roundId: string;
  phase: 'prepare' | 'commit';
  winner: string;
  aid: string;
  signature: string;
  pubkey: string;
}

export interface ProposalPayload {
  roundNo: number;
  view: number;
  roundId: string;
  winner: string;
  evaluations: Record<string, SealedRecord>;
}

export type Payload =
  | { type: 'R'; roundNo: number; round: Round }
  | { type: 'E'; roundNo: number; view: number; aid: string; roundId: string; record: SealedRecord }
  | ({ type: 'P'; round: Round } & ProposalPayload)
  | ({ type: 'V' } & VotePayload)
  | { type: 'NV'; roundNo: number; view: number; by: string };

/** A value a replica accepted in a view, with the outcome its own resolve computed. */
export interface AcceptedValue {
  roundId: string;
  winner: string;
  evaluations: Record<string, SealedRecord>;
  /** The round as this replica resolved it. */
  round: Round;
  outcome: Outcome;
}

/**
 * What one replica knows, as plain data (reference §2.7 replica rules). Per-round fields are
 * reset when the replica moves to the next round.
 */
export interface ReplicaState {
  index: number;
  id: string;
  /** 1-based; rounds + 1 once every round committed. */
  roundNo: number;
  view: number;
  roundStartView: number;
  /** The round this replica evaluated (its own copy), once it saw the leader's R. */
  round: Round | null;
  /** Views in which this replica already participated (one evaluation per view). */
  participatedView: number | null;
  /** Leader only: the round it proposed in `proposedView` and the records it collected. */
  proposedView: number | null;
  leaderRound: Round | null;
  proposalSent: boolean;
  /** (view) → the one value this replica accepted in that view. */
  accepted: Record<string, AcceptedValue>;
  locked: { view: number; winner: string } | null;
  /** `${view}:${phase}:${roundId}:${winner}` → agent ids whose valid votes arrived (a set: O(1) per vote). */
  votes: Record<string, Set<string>>;
  /** `${view}:${phase}` keys this replica already voted in. */
  voted: Record<string, true>;
  /** `${view}` → distinct NV senders. */
  newViews: Record<string, Set<string>>;
  /** R messages for a later round, kept until this replica gets there. */
  buffered: { from: number; payload: Extract<Payload, { type: 'R' }> }[];
  committedRounds: number;
}

export function freshReplica(index: number): ReplicaState {
  return {
    index,
    id: `a${index}`,
    roundNo: 1,
    view: 0,
    roundStartView: 0,
    round: null,
    participatedView: null,
    proposedView: null,
    leaderRound: null,
    proposalSent: false,
    accepted: {},
    locked: null,
    votes: {},
    voted: {},
    newViews: {},
    buffered: [],
    committedRounds: 0,
  };
}

/** Clears everything that belongs to one round; views carry over. */
export function advanceRound(state: ReplicaState): void {
  state.roundNo += 1;
  state.roundStartView = state.view;
  state.round = null;
  state.participatedView = null;
  state.proposedView = null;
  state.leaderRound = null;
  state.proposalSent = false;
  state.accepted = {};
  state.locked = null;
  state.votes = {};
  state.voted = {};
  state.newViews = {};
}
