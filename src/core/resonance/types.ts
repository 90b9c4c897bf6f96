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
  /**
   * Set by deliberation (layer 2), without its per-step positions; `resolve` reports its
   * diagnostics and then skips its own trust-free deliberation.
   */
  trajectory?: Trajectory;
  /** What the first deliberation of the round started from; later ones restart from it. */
  preDeliberation?: DeliberationStart;
}

/**
 * The starting point of a round's deliberation (reference `_pre_deliberation_snapshot`), in
 * compact form: a position is the record's sealed axes plus a relational row, and every row
 * not listed here is uniform (the agent has no stored trust). Restoring it makes `deliberate`
 * idempotent even after the deliberator's trust has moved on.
 */
export interface DeliberationStart {
  /** The agents that took part, sorted: records that passed the tamper check. */
  agents: string[];
  /** Width S of the semantic slice. */
  semanticWidth: number;
  /** Normalised relational rows over `agents`, for agents whose row is not uniform. */
  relational: Record<string, number[]>;
}

/**
 * A logrolling offer (reference `Offer`): `fromAgent` concedes toward its neighbourhood's
 * centroid on each `give` axis by the given fraction, but only once its neighbours have come
 * at least the `want` fraction (mean cosine to that centroid) on each wanted axis. It applies
 * for `expiresIn` steps.
 */
export interface Offer {
  fromAgent: string;
  give: Partial<Record<Axis, number>>;
  want: Partial<Record<Axis, number>>;
  expiresIn: number;
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

/** The consensus families of reference §2.5. */
export type ConsensusFamily = 'authentic' | 'pressured' | 'alliance' | 'failed' | 'unknown';

/** The genuine-vs-superficial audit of a deliberation (reference `consensus_quality_metrics`). */
export interface ConsensusQuality {
  /** Share of agents that held their position (moved < 0.02). */
  independenceRate: number;
  /** Share that moved while pulled toward less confident peers (mean evidence delta < −0.005). */
  capitulationRate: number;
  /** 1 − final spread / initial spread, in [0, 1]. */
  disagreementCollapse: number;
}

/** The deliberation trajectory of layer 2 (reference §2.4). */
export interface Trajectory {
  /** HK steps run. */
  steps: number;
  /** Per step: change of the mean pairwise cosine distance (negative = converging). */
  velocities: number[];
  /** Per axis and step: mean signed change of the distance to the neighbourhood centroid. */
  axisDeltas: Record<Axis, number[]>;
  /** Least over most total movement of any agent, in [0, 1]. */
  concessionSymmetry: number;
  consensusType: ConsensusType;
  /** Final mean similarity to the centroid minus the classification threshold. */
  depth: number;
  /** Per agent and step: step size × (neighbours' confidence − own confidence). */
  evidenceDelta: Record<string, number[]>;
  consensusQuality: ConsensusQuality;
  /** The deliberating agents, sorted: the order of `positions[step]`. */
  agents?: string[];
  /**
   * `positions[step][agentIndex]` for step 0 … steps: each step's combined vectors (semantic,
   * affective, relational, epistemic, behavioral), quantised to 1e-9, for the opinion panel.
   */
  positions?: number[][][];
}

export type ConflictType = 'axis_deadlock' | 'partial_consensus' | 'persistent_dissent' | 'none';

/** Two opposed clusters on one axis (reference `_detect_axis_polarization`). */
export interface AxisPolarization {
  axis: Axis;
  clusterA: string[];
  clusterB: string[];
  /** Cosine of the two cluster means, ≤ −0.1. */
  interClusterSim: number;
  centroidA: number[];
  centroidB: number[];
}

/** Per-axis agreement and structural conflict (reference `_compute_conflict_report`). */
export interface ConflictReport {
  conflictType: ConflictType;
  /** Share of agents at or above the threshold on each axis, to 3 places. */
  axisAgreement: Record<Axis, number>;
  agreedAxes: Axis[];
  disagreedAxes: Axis[];
  deadlockedAxes: AxisPolarization[];
  /** Agents below the threshold on all five axes. */
  persistentDissenters: string[];
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
  /**
   * A replica rule: the reference view change (a lock binds the winner only, NV carries no
   * lock, a new leader never re-proposes a locked value); `resolve` ignores it.
   */
  viewChange?: 'reference';
  /**
   * An accountability rule (`resonance.accountability`): Council voters approve a quarantine
   * without checking the proof attached to it, so a forged accusation can quarantine an honest
   * agent (the `no-honest-quarantine` monitor turns red); `resolve` ignores it.
   */
  proofCheck?: 'off';
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
  /**
   * Diagnostics (reference §2.3 step 12). None enters the commit above. They come from the
   * round's trajectory when it carries one, else from `resolve`'s own trust-free deliberation
   * (resolver-independent); early aborts carry none but the consensus type.
   */
  consensusType: ConsensusType;
  consensusQuality?: ConsensusQuality;
  /** Mean evidence delta per agent (`sycophancyScore`). */
  sycophancy?: Record<string, number>;
  /** The trajectory the diagnostics come from, without positions. */
  deliberation?: Trajectory;
  conflict?: ConflictReport;
  /** Stance audit (stance embedding only; diagnostic, never part of the commit). */
  falseAgreementRate?: number;
  /** Quorum pairs that are topic-close but of opposite stance, sorted. */
  falseAgreementPairs?: [string, string][];
  /** Each quorum member's stance in [−1, 1], to 4 places. */
  stances?: Record<string, number>;
  /** The resolver's own learned threshold and axis weights: reported, never used above. */
  adaptiveThreshold?: number;
  adaptiveAxisWeights?: Record<Axis, number>;
}

/** The config every honest resolver of a cluster shares (`resolveRound`). */
export interface ResolveConfig {
  /** The fixed commit threshold on the pentadic score (> 0; above 1 always aborts). */
  threshold: number;
  /** The membership this resolver was configured with (0 when unknown). */
  expectedN: number;
  embed: EmbedMode;
}
