import type { AuditEntry } from '../../audit';

/**
 * The trace: every event of a run, in order (SPEC §5). Events are past-tense tagged unions of
 * plain data; they carry what the panels need to draw, so the UI never asks the worker for
 * hidden state. Agents are indices (agent id `a{index}`); `t` is the tick.
 */
/**
 * ResonanceBFT messages: `R` round, `E` sealed evaluation, `P` proposal, `V` vote, `NV` new
 * view (with the sender's lock), `C` a commit certificate sent to a lagging replica.
 */
export type MessageType = 'R' | 'E' | 'P' | 'V' | 'NV' | 'C' | CouncilMessageType;

/** Council messages: `CP` a signed proposal (proposer → every voter), `CV` a signed vote. */
export type CouncilMessageType = 'CP' | 'CV';

/** A council vote's value, as `core/council` spells it. */
export type CouncilVoteValue = 'approve' | 'reject' | 'abstain';

/**
 * Why a committed centroid breaks validity, on the coordinate where it lies farthest outside
 * the box of the honest agents' vectors (values to 4 decimals).
 */
export interface ValidityBox {
  axis: string;
  /** The coordinate of the axis's vector (0-based). */
  coordinate: number;
  /** The honest box on that coordinate, [min, max]. */
  box: [number, number];
  centroid: number;
  /** Each counted agent's value there, `[agent, value]`, by agent index. */
  values: [number, number][];
  /** The counted agents with a Byzantine fault. */
  byzantine: number[];
}

/** One of the conflicting records of an equivocation certificate, as the trace shows it. */
export interface CertificateRecord {
  /** The sealed commitment (ResonanceBFT) or the vote digest (Council), hex. */
  commitment: string;
  /** What the record says: the signed evaluation text, or the vote's value. */
  says: string;
  /** The ed25519 signature, hex. */
  signature: string;
  /** Whether the signature verifies under the certificate's `pubkey`. */
  verifies: boolean;
  /** The first honest agent that received this record; null when none did (or the ledger holds it). */
  heldBy: number | null;
}

export type SimEvent =
  | {
      t: number;
      kind: 'messageSent';
      id: number;
      from: number;
      to: number;
      type: MessageType;
      roundNo: number;
      view: number;
      /** Delivery tick, or null when the message is lost. */
      deliverAt: number | null;
      lost?: LostReason;
      garbled?: true;
      /** Prepare or commit, for V messages. */
      phase?: 'prepare' | 'commit';
    }
  | MessageBroadcast
  | { t: number; kind: 'messageRejected'; id: number; agent: number; reason: string }
  | { t: number; kind: 'roundProposed'; agent: number; roundNo: number; view: number; roundId: string; topic: string; forged?: true }
  | { t: number; kind: 'evaluationSealed'; agent: number; roundNo: number; view: number; commitment: string; text: string; fault?: string }
  | {
      t: number;
      kind: 'roundResolved';
      agent: number;
      roundNo: number;
      view: number;
      status: 'committed' | 'aborted';
      quorumSize: number;
      quorumNeeded: number;
      n: number;
      f: number;
      quorumAgents: number[];
      tamperedAgents: number[];
      winner: number | null;
      reason: string | null;
      /**
       * The false-agreement audit of the quorum (stance embedding only; a diagnostic, never
       * part of the commit): the share of topic-close quorum pairs whose stances are opposed,
       * those pairs, and each member's stance in [−1, 1]. Absent with other embeddings.
       */
      stanceAudit?: { rate: number; pairs: [number, number][]; stances: [number, number][] };
    }
  | {
      t: number;
      kind: 'roundScored';
      /** The leader that resolved; its `roundResolved` comes just before. */
      agent: number;
      roundNo: number;
      view: number;
      /** The resolver's commit threshold. */
      threshold: number;
      /** The position of this event's first row among the round's rows (large n is chunked). */
      from: number;
      /**
       * `[agentIndex, semantic, affective, relational, epistemic, behavioral, pentadic]` per
       * scored agent, sorted by index: similarity to each axis centroid (4 decimals).
       */
      rows: number[][];
    }
  | {
      t: number;
      kind: 'deliberationStep';
      roundNo: number;
      /** 0 is the starting position; `steps` is the last. */
      step: number;
      /** The position in the round's `agents` of this event's first row (large n is chunked). */
      from: number;
      /** `positions[i]`: agent `from + i`'s combined vector at this step, projected to 2-D (PCA). */
      positions: number[][];
      /** Classic 1-D HK of the same agents' stances in [0, 1], at this step. */
      hk1d: number[];
    }
  | {
      t: number;
      kind: 'deliberated';
      roundNo: number;
      view: number;
      steps: number;
      consensusType: string;
      /** The deliberating agents: the order of every `deliberationStep` row of this round. */
      agents: number[];
      /** Per agent: mean evidence delta (negative: moved toward less confident peers). */
      sycophancy: number[];
      /**
       * The agents the sycophancy audit flags (`sycophancyAudit`): they repeated the
       * proposer's evaluation word for word and moved toward less confident peers. Absent
       * when it flags nobody.
       */
      sycophants?: number[];
      /**
       * `[step][axisIndex]` for step 0 … steps, axes in `AXES` order: the largest pairwise
       * distance among the agents on that axis's slice (4 decimals); absent when n > 200.
       */
      axisDiameters?: number[][];
    }
  | {
      t: number;
      kind: 'voteCast';
      agent: number;
      roundNo: number;
      view: number;
      phase: 'prepare' | 'commit';
      /** The value's winner; null when the value is "no agreement". */
      winner: number | null;
      decision: 'commit' | 'no-agreement';
    }
  | {
      t: number;
      kind: 'locked';
      agent: number;
      roundNo: number;
      view: number;
      winner: number | null;
      decision: 'commit' | 'no-agreement';
    }
  | {
      t: number;
      kind: 'committed';
      agent: number;
      roundNo: number;
      view: number;
      roundId: string;
      winner: number;
      quorumAgents: number[];
      /** Distinct agents whose verified commit votes certified this commit. */
      commitVoters: number[];
      /** `certificate`: a lagging replica committed on a peer's commit certificate. */
      via: 'votes' | 'certificate';
    }
  | {
      t: number;
      /** The round was decided as "no agreement": its n−f records did not reach the threshold. */
      kind: 'decidedNoAgreement';
      agent: number;
      roundNo: number;
      view: number;
      roundId: string;
      /** The agents whose records are the evidence. */
      evidenceAgents: number[];
      /** How many of them reached the threshold, and how many were needed. */
      quorumSize: number;
      quorumNeeded: number;
      commitVoters: number[];
      via: 'votes' | 'certificate';
    }
  | {
      t: number;
      kind: 'trustUpdated';
      /** The replica whose trust store learned from its commit. */
      agent: number;
      roundNo: number;
      /** Its trust in each agent, by index (layer 3; never part of the commit). */
      trust: number[];
      /** The reputation it holds for each agent, by index. */
      reputation: number[];
      /** `[axisIndex][peerIndex]`: its per-axis trust, axes in `AXES` order; absent when n > 200. */
      axisTrust?: number[][];
    }
  | { t: number; kind: 'timedOut'; agent: number; roundNo: number; view: number }
  | {
      t: number;
      kind: 'viewChanged';
      agent: number;
      roundNo: number;
      view: number;
      /** `next-round`: a new round starts in the view that decided the last one. */
      reason: 'timeout' | 'new-view' | 'proposal' | 'next-round';
    }
  /** A replica used up its view changes for the round: it waits without a timer. */
  | { t: number; kind: 'viewsExhausted'; agent: number; roundNo: number; view: number }
  | { t: number; kind: 'agentCrashed'; agent: number }
  | { t: number; kind: 'agentRestarted'; agent: number }
  | {
      t: number;
      kind: 'certificateFound';
      /** The agent the certificate convicts: it signed every record below under one key. */
      accused: number;
      roundNo: number;
      /** The round (ResonanceBFT) or proposal (Council) both records are about. */
      roundId: string;
      valid: boolean;
      /** The accused's public key (hex), under which every signature below verifies. */
      pubkey: string;
      /** The conflicting signed records, side by side: what each says and who received it. */
      records: CertificateRecord[];
    }
  | {
      t: number;
      kind: 'invariantViolated';
      name: InvariantName;
      detail: string;
      roundNo: number | null;
      /** For a centroid outside the honest box: the evidence on one coordinate, to draw it. */
      box?: ValidityBox;
    }
  | {
      t: number;
      kind: 'runEnded';
      reason: 'completed' | 'maxTicks' | 'stalled' | 'eventsMax';
      /** Rounds committed (distinct rounds an honest replica committed); Council: proposals executed. */
      commits: number;
      /** Distinct (round, view) pairs entered by a view change; 0 for the Council. */
      viewChanges: number;
      /** When the run did not complete: the first undecided round and why, in words. */
      stalledRound?: number;
      detail?: string;
    }
  | CouncilEvent
  | AccountabilityEvent;

/**
 * Accountability (SPEC §5, `resonance.accountability`): a proof against an agent goes to a
 * Council quarantine vote inside the ResonanceBFT run. `accuser` is the agent that submitted
 * the proof and coordinates the vote; `accused` the agent the proof names; `voter` the agent
 * voting. Its messages are `messageSent` events of type `CP` (the proposal with the proof)
 * and `CV` (a vote), with `view: 0`.
 */
export type AccountabilityEvent =
  | {
      t: number;
      kind: 'proofSubmitted';
      accuser: number;
      accused: number;
      /** The accuser's round when it submitted. */
      roundNo: number;
      proposalId: string;
      /** What the proof is: an equivocation certificate (two signed records, one round). */
      proofKind: 'equivocation';
      /** The round the proof's records are about. */
      proofRoundId: string;
      /**
       * The proof's records as submitted: what each says, its commitment and signature, and
       * whether the signature verifies under the accused's roster key (anyone can check it).
       */
      records: { commitment: string; says: string; signature: string; verifies: boolean }[];
      /** Whether the whole proof holds (`proofHolds`): what an honest voter's check finds. */
      holds: boolean;
      /** Set when the accuser forged the proof (an `accuse` fault). */
      forged?: true;
      /** Ledger expiry tick, or null; and the tick at which the accuser tallies. */
      expiresAt: number | null;
      deadline: number;
      /** What the tally will need (configuration, known from the proposal on): voters taking part, approve's share of the cast weight, and the roster size. */
      quorumRequired: number;
      thresholdUsed: number;
      totalVoters: number;
    }
  | {
      t: number;
      kind: 'accusationVoteCast';
      voter: number;
      accuser: number;
      accused: number;
      roundNo: number;
      proposalId: string;
      value: CouncilVoteValue;
      /** The voter's own verdict on the proof; null when it did not check it. */
      proofValid: boolean | null;
      /** Why it voted so: it checked the proof, it is the accused, or its fault. */
      basis: 'proof' | 'unchecked' | 'accused' | 'accuser' | 'contrarian';
    }
  | {
      t: number;
      kind: 'accusationVoteRecorded';
      /** The vote message, or null for the accuser's own vote. */
      id: number | null;
      accuser: number;
      voter: number;
      roundNo: number;
      proposalId: string;
      value: CouncilVoteValue;
      /** Why the ledger refused it; absent when recorded. */
      rejected?: string;
    }
  | {
      t: number;
      kind: 'accusationTallied';
      accuser: number;
      accused: number;
      roundNo: number;
      proposalId: string;
      decision: 'approved' | 'rejected' | 'no_quorum' | 'pending';
      approveWeight: number;
      rejectWeight: number;
      approveCount: number;
      rejectCount: number;
      abstainCount: number;
      quorumRequired: number;
      quorumMet: boolean;
      thresholdUsed: number;
      critical: boolean;
      hashChainValid: boolean;
      trigger: 'all-votes' | 'deadline';
      /** The audit chain's length after the tally (every step is an entry). */
      auditEntries: number;
    }
  | {
      t: number;
      kind: 'quarantineExecuted';
      accuser: number;
      accused: number;
      roundNo: number;
      proposalId: string;
      /** Honest replicas ignore the accused from this round on. */
      fromRound: number;
    }
  | {
      t: number;
      /**
       * The Council approved, but too few voters approved for one of them to be surely honest
       * (`approveCount` < f + 1): the quarantine is not executed. Approvals lost to drops can
       * leave a forger's vote tying the accused's; only a count above f proves an honest check.
       */
      kind: 'quarantineWithheld';
      accuser: number;
      accused: number;
      roundNo: number;
      proposalId: string;
      approveCount: number;
      approversNeeded: number;
    }
  | {
      t: number;
      /** A rejected accusation cost its accuser reputation in every honest voter's store. */
      kind: 'accuserPenalised';
      accuser: number;
      accused: number;
      proposalId: string;
      /** The reputation each agent's store now holds for the accuser, by agent index. */
      reputation: number[];
    };

/**
 * The Council in the simulated network (SPEC §5). `agent` is the agent acting; `voter` the
 * voter a vote claims to be from (an impersonated vote names its victim). Council messages
 * reuse `messageSent` with `view: 0` (the Council has no views) and the round's `roundNo`.
 */
export type CouncilEvent =
  | {
      t: number;
      kind: 'councilProposed';
      agent: number;
      roundNo: number;
      proposalId: string;
      action: string;
      target: number;
      critical: boolean;
      /** Ledger expiry tick (expired once the tick is past it), or null: never. */
      expiresAt: number | null;
      /** The tick at which the coordinator tallies whatever votes it holds. */
      deadline: number;
      /** What the tally will need (configuration, known from the proposal on): voters taking part, approve's share of the cast weight, and the roster size. */
      quorumRequired: number;
      thresholdUsed: number;
      totalVoters: number;
    }
  | {
      t: number;
      kind: 'councilVoteCast';
      agent: number;
      voter: number;
      roundNo: number;
      proposalId: string;
      value: CouncilVoteValue;
      /** Set on a Byzantine vote: both halves of an equivocation, or a vote under a victim's id. */
      fault?: 'equivocate' | 'impersonate';
    }
  | {
      t: number;
      kind: 'councilVoteRecorded';
      /** The vote message, or null for the coordinator's own vote (never sent). */
      id: number | null;
      /** The coordinator. */
      agent: number;
      voter: number;
      roundNo: number;
      proposalId: string;
      value: CouncilVoteValue;
    }
  | {
      t: number;
      kind: 'councilVoteRejected';
      id: number | null;
      /** The coordinator. */
      agent: number;
      /** Null when the vote names no voter of the roster. */
      voter: number | null;
      roundNo: number;
      proposalId: string;
      reason: string;
    }
  | {
      t: number;
      kind: 'councilTallied';
      roundNo: number;
      proposalId: string;
      decision: 'approved' | 'rejected' | 'no_quorum' | 'pending';
      approveWeight: number;
      rejectWeight: number;
      approveCount: number;
      rejectCount: number;
      abstainCount: number;
      quorumRequired: number;
      quorumMet: boolean;
      thresholdUsed: number;
      critical: boolean;
      hashChainValid: boolean;
      /** Why the tally happened now: every voter's vote was in, or the deadline came. */
      trigger: 'all-votes' | 'deadline';
    }
  | {
      t: number;
      kind: 'councilExecuted';
      roundNo: number;
      proposalId: string;
      action: string;
      target: number;
    }
  | { t: number; kind: 'councilExpired'; roundNo: number; proposalId: string }
  | {
      t: number;
      /** An entry appended to the audit chain, exactly as appended (a later tampering edits the log, not this). */
      kind: 'auditAppended';
      entry: AuditEntry;
    }
  | {
      t: number;
      kind: 'auditTampered';
      /** The audit entry the manual action edits. */
      index: number;
      /** The agent the action names, if any. */
      agent: number | null;
      /** False when the log had no entry `index` yet at that tick (nothing changed). */
      applied: boolean;
      /** What the chain verification reports right after: the first broken entry. */
      firstInvalid: number | null;
    };

export type SimEventKind = SimEvent['kind'];

/** Why a message never arrived: the network dropped it, a partition cut it, or an action. */
export type LostReason = 'drop' | 'partition' | 'silent' | 'manual';

/**
 * One message sent to every other agent, as one event (SPEC §5, issue 11): at n = 1000 an
 * all-to-all vote phase is 10⁶ messages, too many to record one by one. Each copy's fate is
 * in the arrays, so the per-message `messageSent` events stay derivable (`broadcastCopies`).
 * The copies go to every agent but the sender, in index order; the copy to the i-th
 * recipient has the message id `id + i`.
 */
export interface MessageBroadcast {
  t: number;
  kind: 'messageBroadcast';
  id: number;
  from: number;
  type: MessageType;
  roundNo: number;
  view: number;
  /** Prepare or commit, for V messages. */
  phase?: 'prepare' | 'commit';
  /** Each copy's delivery tick, or null when it was lost. */
  deliverAt: (number | null)[];
  /** Why each lost copy was lost: `[recipient, reason]`, in recipient order. */
  lost?: [number, LostReason][];
  /** The recipients whose copy a `garble` sender corrupted on the way. */
  garbled?: number[];
}

export const invariantNames = [
  'agreement',
  'validity',
  'integrity',
  'equivocation',
  'certified-commits',
  'liveness-after-heal',
] as const;

/** The monitor accountability adds (reported only when `resonance.accountability` is on). */
export const accountabilityInvariantName = 'no-honest-quarantine';

export type InvariantName = (typeof invariantNames)[number] | typeof accountabilityInvariantName;

/** Decimal places kept in any float that enters the trace (STYLE: quantise before hashing). */
export const traceDecimals = 6;

/** Rounds every float in a JSON-shaped value to `traceDecimals` places, in a fresh copy. */
export function quantise<T>(value: T): T {
  if (typeof value === 'number') return quantiseNumber(value) as T;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = quantise(value[i] as unknown);
    return out as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = quantise((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

const traceScale = 10 ** traceDecimals;
/** Below this magnitude a double is far finer than 10^−6, so the fast path below is exact. */
const fastMagnitudeMax = 1e8;

/**
 * `Number(value.toFixed(traceDecimals))`, without formatting a string when `value` already is
 * the double nearest a 6-place decimal (most trace floats are rounded before they get here).
 *
 * Policy (why the fast path is exact): if `round(v·10⁶)/10⁶` is `v`, then `v` is the double
 * nearest k/10⁶ for that integer k, so k/10⁶ is the 6-place decimal nearest `v` (below 10⁸ a
 * double's spacing is under 1.5·10⁻⁸), which `toFixed` prints and `Number` reads back as `v`.
 */
export function quantiseNumber(value: number): number {
  if (Number.isInteger(value)) return value;
  if (Math.abs(value) < fastMagnitudeMax && Math.round(value * traceScale) / traceScale === value) return value;
  return Number(value.toFixed(traceDecimals));
}
