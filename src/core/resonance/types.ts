import type { Axis } from './axes';

/**
 * The plain data of ResonanceBFT (SPEC §3). Everything here survives `JSON.stringify` and
 * `structuredClone` unchanged: no class instances, no Maps, no undefined-valued keys that
 * matter, no non-finite numbers. Replicas snapshot rounds and outcomes by cloning them.
 */

/** How the semantic axis is embedded: bag-of-words over the round vocabulary, or the small
 * dense topic + stance embedding of reference §2.7 ("demo embedding"). */
export type EmbedMode = 'bow' | 'stance';

export interface Task {
  description: string;
  requirements?: string[];
  /** The round's topic word for the stance embedding; found in the description when absent. */
  topic?: string;
}

/** One agent's sealed and signed evaluation of a round. */
export interface SealedRecord {
  aid: string;
  /** `sha256:<hex>` over the five sealed axes, the nonce and (bag-of-words) the vocabulary. */
  commitment: string;
  nonce: string;
  /** ed25519 signature (hex) over sha256(commitment ␀ evalText ␀ roundId ␀ aid). */
  signature: string;
  /** ed25519 public key (hex). */
  pubkey: string;
  /** The full text embedded, sealed and signed: `(description + ' ' + evaluation).trim()`. */
  evalText: string;
  semantic: number[];
  affective: number[];
  /** Current relational view: deliberation may rewrite it, the commit never reads it. */
  relational: number[];
  /** The relational axis as sealed at participation; this is what the commit reads. */
  relationalSealed: number[];
  epistemic: number[];
  behavioral: number[];
  /** The vocabulary the semantic axis was embedded over (bag-of-words only). */
  vocab?: string[];
}

export interface RoundAbort {
  view: number;
  quorumSize: number;
  quorumNeeded: number;
}

export interface Round {
  id: string;
  /** The view number; every abort moves it on by one. */
  view: number;
  viewChange: boolean;
  proposer: string;
  /** The task text every evaluation is prefixed with. */
  description: string;
  topic?: string;
  /** The cluster roster, sorted; empty when the proposer did not know it. */
  roster: string[];
  /** The shared, append-only bag-of-words vocabulary. */
  vocab: string[];
  /** The proposer's commit threshold, for display; `resolve` gates with its own. */
  threshold: number;
  /** The membership the proposer knew (0 when unknown); it can raise n, never lower it. */
  expectedN: number;
  /** Width of the dense semantic axis when the stance embedding is used. */
  semanticDim?: number;
  evaluations: Record<string, SealedRecord>;
  /** Public keys bound to agent ids by an identity layer. */
  identityPubkeys?: Record<string, string>;
  /** Fail closed: reject any record whose agent has no bound key. */
  requireIdentityBinding?: boolean;
  aborts: RoundAbort[];
  /** Set by deliberation (layer 2); `resolve` reports its consensus type. */
  trajectory?: Trajectory;
}

export type ConsensusType =
  | 'genuine'
  | 'fragile'
  | 'capitulated'
  | 'coerced'
  | 'logrolled'
  | 'coalitional'
  | 'deadlock'
  | 'polarized'
  | 'unknown';

/** The deliberation trajectory of layer 2 (reference §2.4; built by the deliberation issue). */
export interface Trajectory {
  steps: number;
  velocities: number[];
  axisDeltas: Record<Axis, number[]>;
  concessionSymmetry: number;
  consensusType: ConsensusType;
  depth: number;
  evidenceDelta: Record<string, number[]>;
  consensusQuality: {
    independenceRate: number;
    capitulationRate: number;
    disagreementCollapse: number;
  };
  /** `positions[step][agentIndex]`: each step's combined vectors, for the opinion panel. */
  positions?: number[][][];
}

/**
 * Teaching switches (SPEC §4 `resonance.unsafe`). Each removes exactly one safety rule so the
 * simulator can show why the rule is there; with none set, everything is safe.
 */
export interface UnsafeSwitches {
  /** Commit at 2f+1 instead of n−f. */
  quorum?: '2f+1';
  /** Plain mean centroid instead of the trimmed mean. */
  centroid?: 'mean';
  /** Trim by ⌊(k−1)/3⌋ of the k records in the centroid instead of the configured f. */
  trim?: 'arrived';
  /** Skip the seal and signature checks (malformed records are still rejected). */
  seal?: 'off';
  /** n from the records present instead of the configured membership. */
  membership?: 'present';
  /** A replica rule (prepare lock); `resolve` ignores it. */
  lock?: 'off';
}

export type OutcomeStatus = 'committed' | 'aborted';

export type AxisScores = Record<Axis | 'pentadic', number>;

/** The result of `resolve`: a pure function of the sealed round and the cluster config. */
export interface Outcome {
  roundId: string;
  status: OutcomeStatus;
  reason?: string;
  /** The membership floor the quorum was computed from, and f = ⌊(n−1)/3⌋. */
  n: number;
  f: number;
  quorumSize: number;
  quorumNeeded: number;
  /** Sorted agent ids. */
  quorumAgents: string[];
  outlierAgents: string[];
  tamperedAgents: string[];
  tamperedExceedsF: boolean;
  /** A quorum agent id, when committed. */
  winner?: string;
  /** Similarity to each axis centroid and the weighted pentadic score, rounded to 4 places. */
  perAxis: Record<string, AxisScores>;
  /** Quorum agents whose similarity on an axis reaches the threshold. */
  axisContributors: Record<Axis, string[]>;
  /** The threshold that gated this outcome (the resolver's own). */
  threshold: number;
  viewNumber: number;
  consensusType: ConsensusType;
  /** Stance audit (stance embedding only; diagnostic, never part of the commit). */
  falseAgreementRate?: number;
}
