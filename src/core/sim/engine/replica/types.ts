import type { Outcome, Round, SealedRecord, UnsafeSwitches } from '../../../resonance';
import type { SimEvent } from '../traceEvents';

/**
 * The data of the ResonanceBFT replica state machine (SPEC §3, §5): what a replica knows, what
 * it can be told (inputs), and what it asks the engine to do (effects). All plain data: a
 * replica's state survives `structuredClone`, and a handler's effects can be inspected in a test.
 */

export type Phase = 'prepare' | 'commit';

/** What a round decides: a commit of the winner, or an agreed "no agreement". */
export type DecisionKind = 'commit' | 'no-agreement';

/**
 * A proposal: the whole value a round decides (SPEC §3). The evaluation set is the evidence
 * every replica re-resolves; for `no-agreement` it is the n−f records that did not reach the
 * threshold. Its identity is `valueDigest` (round id, every record's commitment and signature,
 * the decision and the winner), which the replicas compute themselves and never take from the
 * wire.
 */
export interface Value {
  roundNo: number;
  roundId: string;
  decision: DecisionKind;
  /** The committed winner; null for `no-agreement`. */
  winner: string | null;
  /** The round metadata with the evaluation set (shared, never edited after it is sent). */
  round: Round;
}

/** A vote as it travels (reference §2.7 `V`): signed over (round id, view, phase, digest). */
export interface VotePayload {
  roundNo: number;
  view: number;
  roundId: string;
  phase: Phase;
  /** The value's digest the vote is for. */
  digest: string;
  /** The value's winner (null: no agreement), for the trace only; never trusted. */
  winner: string | null;
  aid: string;
  signature: string;
  pubkey: string;
}

/** What a vote signature covers, with the signature and the key it claims. */
export interface SignedVote {
  pubkey: string;
  roundId: string;
  view: number;
  phase: Phase;
  digest: string;
  signature: string;
}

/** 2f+1 (n−f) signed votes of one phase for one value in one view. */
export interface Certificate {
  roundNo: number;
  view: number;
  phase: Phase;
  roundId: string;
  digest: string;
  /** Signers, sorted by id, with their signatures. */
  votes: { aid: string; signature: string }[];
}

/**
 * One phase's votes for one value in one view, indexed by signer (agent index). Policy: an
 * array of n signatures and a count, not an object keyed by signer id, found under the digest
 * the vote carries (a string every receiver of the broadcast shares) without building a key,
 * so that counting a vote at n = 1000 costs an index (a round adds 2n² of them).
 */
export interface VoteTally {
  view: number;
  phase: Phase;
  /** Signatures by agent index; '' where that agent's vote has not arrived. */
  signatures: string[];
  /** How many signatures are present. */
  count: number;
}

/** A replica's lock: the value it saw prepared by a vote quorum, with that prepare certificate. */
export interface Lock {
  view: number;
  value: Value;
  digest: string;
  cert: Certificate;
}

/** What a new-view message carries: the sender's highest lock (null under the reference rule). */
export type CarriedLock = Lock | null;

export type Payload =
  | { type: 'R'; roundNo: number; round: Round }
  | { type: 'E'; roundNo: number; view: number; aid: string; roundId: string; record: SealedRecord }
  | { type: 'P'; roundNo: number; view: number; value: Value; justify: Certificate | null }
  | ({ type: 'V' } & VotePayload)
  | { type: 'NV'; roundNo: number; view: number; by: string; lock: CarriedLock }
  | { type: 'C'; roundNo: number; value: Value; cert: Certificate };

/** Everything of one round a replica knows; reset when it moves to the next round. */
export interface RoundState {
  /** The round this replica evaluated (its own copy), once it saw the leader's R. */
  round: Round | null;
  /** The view in which this replica last sealed an evaluation (one evaluation per view). */
  participatedView: number | null;
  /** Leader: the round it is collecting records for, in `collectingView`. */
  collecting: Round | null;
  collectingView: number | null;
  /** Leader: the view in which it sent its proposal (once per view). */
  proposedView: number | null;
  /** Leader: the view whose collection deadline is armed. */
  deadlineView: number | null;
  /** `${view}` → the value this replica prepared in that view (one value per view). */
  prepared: Record<string, { digest: string; value: Value }>;
  /** Values it was shown, by digest, so votes that arrive first can still lock and commit. */
  values: Record<string, Value>;
  /** Value digest → the tallies of its votes, one per (view, phase) seen. */
  votes: Record<string, VoteTally[]>;
  /** `${view}:${phase}` keys this replica already voted in. */
  voted: Record<string, true>;
  lock: Lock | null;
  /** The reference rule's lock: the winner only. */
  lockedWinner: { view: number; winner: string | null } | null;
  /** `${view}` → NV senders → the lock each carried. */
  newViews: Record<string, Record<string, CarriedLock>>;
  /** Set once its view changes are used up: it waits without a timer. */
  exhausted: boolean;
}

/** What one replica knows, as plain data. */
export interface ReplicaState {
  index: number;
  id: string;
  /** 1-based; rounds + 1 once every round is decided. */
  roundNo: number;
  view: number;
  roundStartView: number;
  current: RoundState;
  /** R messages for a later round, kept until this replica gets there. */
  buffered: { from: number; round: Round; roundNo: number }[];
  /** Rounds decided: how many. */
  committedRounds: number;
  /** Each decided round's value and commit certificate, to answer a lagging peer. */
  decided: Record<string, { value: Value; cert: Certificate }>;
  /** `${roundNo}:${peer}:${view}`: requests of lagging peers already answered. */
  answered: Record<string, true>;
}

/** An event as a handler reports it; the engine stamps the tick. */
export type ReplicaEvent = SimEvent extends infer E ? (E extends { t: number } ? Omit<E, 't'> : never) : never;

export type Timer = 'view' | 'collect';

export type Input =
  | { kind: 'start' }
  | { kind: 'restart' }
  | { kind: 'message'; from: number; id: number; payload: Payload }
  | { kind: 'timer'; timer: Timer; roundNo: number; view: number }
  /** After a `propose` effect: the round the engine minted, with this leader's own records. */
  | { kind: 'proposed'; round: Round; records: SealedRecord[]; copy?: 0 | 1 }
  /** After a `seal` effect: this replica's sealed record(s) of `round`. */
  | { kind: 'sealed'; round: Round; leader: number; records: SealedRecord[]; copy?: 0 | 1 };

export type Effect =
  | { kind: 'send'; to: number; payload: Payload }
  | { kind: 'broadcast'; payload: Payload }
  | { kind: 'timer'; timer: Timer; roundNo: number; view: number; afterTicks: number }
  | { kind: 'emit'; event: ReplicaEvent }
  /** Mint a round for (roundNo, view), seal own evaluation; answered by a `proposed` input. */
  | { kind: 'propose'; roundNo: number; view: number; copy?: 0 | 1 }
  /** Seal own evaluation(s) of `round`; answered by a `sealed` input. */
  | { kind: 'seal'; round: Round; roundNo: number; leader: number; copy?: 0 | 1 }
  /** Report a leader's resolution (trace: `roundResolved`, `roundScored`). */
  | { kind: 'resolved'; roundNo: number; view: number; outcome: Outcome }
  /** Deliberate the round a leader proposes (layer 2, once per round). */
  | { kind: 'deliberate'; roundNo: number; round: Round }
  /** Decide the round: learn from the outcome, tell the monitors. */
  | { kind: 'decide'; roundNo: number; view: number; value: Value; outcome: Outcome; cert: Certificate; via: 'votes' | 'certificate' };

export interface StepResult<S> {
  state: S;
  effects: Effect[];
}

/**
 * What a replica may consult: the fixed configuration and deterministic oracles. Signing,
 * verifying and resolving are pure functions of their inputs (ed25519 signatures are
 * deterministic; `resolve` is resolver-independent, SPEC §3), so a handler that calls them
 * stays a function of (state, input). The engine memoises them and may compute them ahead in
 * batches.
 */
export interface ReplicaContext {
  readonly n: number;
  readonly f: number;
  readonly rounds: number;
  readonly viewTimeoutTicks: number;
  readonly viewChangesMax: number;
  readonly unsafe: UnsafeSwitches;
  /** Agent public keys (hex) by index. */
  readonly publicKeys: readonly string[];
  /** Roster ids by index (`a0`, `a1`, …), so hot paths compare ids without building them. */
  readonly ids: readonly string[];
  leaderOf(view: number): number;
  /** The index of a roster id, or null for anything else. */
  indexOf(id: unknown): number | null;
  /** Votes that lock and commit `value`: n−f (2f+1 with the unsafe quorum). */
  voteQuorum(value: Value, outcome: Outcome): number;
  /** Records a leader needs before it resolves: n−f (1 with unsafe membership). */
  recordsNeeded(): number;
  /** New-view messages a leader of a later view waits for: n−f (1 with unsafe membership). */
  newViewsNeeded(): number;
  /** Resolves a round whose records may still grow (a leader collecting). */
  resolve(agent: number, round: Round): Outcome;
  /**
   * What `resolve` would decide (status, quorum, winner, reason), without the diagnostics that
   * only describe it: what a leader asks at each arrival before it resolves in full. Shared
   * with the memo: read it, never edit it.
   */
  decide(agent: number, round: Round): Readonly<Outcome>;
  /** The outcome of a value's evidence (values are never edited, so it is remembered per value). */
  outcomeOf(agent: number, value: Value): Outcome;
  valueDigest(value: Value): string;
  signVote(agent: number, roundId: string, view: number, phase: Phase, digest: string): string;
  /** Verifies one vote; `vote` may be a shared message object, remembered by identity. */
  verifyVote(vote: SignedVote): boolean;
}

export type Handler<S> = (state: S, input: Input, ctx: ReplicaContext) => StepResult<S>;
