import { agentKeyPair, sha256Hex, signHex, type KeyPair } from '../crypto';
import { defaultThreshold } from './constants';
import { deliberate, type DeliberateOptions } from './deliberate';
import { applyResolution, resolveRound, type ResolveConfig } from './resolve';
import { ResolveMemo } from './ResolveMemo';
import { voteDigest } from './seal';
import { sealEvaluation } from './sealEvaluation';
import { roundTopic } from './stance';
import { TrustStore, type TrustStoreData } from './TrustStore';
import type {
  EmbedMode,
  Outcome,
  Round,
  SealedRecord,
  Task,
  Trajectory,
  UnsafeSwitches,
} from './types';
import { buildVocab } from './vocab';

export interface ResonanceAgentOptions {
  /** The scenario seed; keys, nonces and round ids derive from it and the agent id. */
  seed: number | string;
  /** The fixed commit threshold, identical cluster-wide (default 0.6; > 0). */
  threshold?: number;
  /** The configured cluster membership, a floor no round metadata can lower. */
  expectedN?: number;
  /** Semantic axis: bag-of-words (default) or the dense stance embedding. */
  embed?: EmbedMode;
  /**
   * The agent's key pair when the caller derived it already (an engine restoring a snapshot
   * shares its agents' keys); it must be `agentKeyPair(seed, id)`. Default: derived here.
   */
  keys?: KeyPair;
}

/** What changes in an agent as it works, as plain data: its counters and its memory. */
export interface ResonanceAgentState {
  nonceCount: number;
  roundCount: number;
  store: TrustStoreData;
}

export interface Participation {
  /** The commitment, `sha256:<hex>`. */
  value: string;
  record: SealedRecord;
  /** Set when the agent had already participated: nothing changed. */
  sybilGuard?: boolean;
}

export interface AgentResolveOptions {
  unsafe?: UnsafeSwitches;
  /** Share signature checks and outcomes with other resolvers. */
  memo?: ResolveMemo;
}

const agentIdPattern = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Ids that would reach an object's prototype when used as a key of `round.evaluations`. */
const reservedIds: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * One ResonanceBFT agent (SPEC §3): it proposes rounds, seals and signs its evaluation,
 * resolves the n−f commit and learns from outcomes. It is the library face of the pure
 * functions the engine's replicas use (`sealEvaluation`, `resolveRound`).
 *
 * Policy: nonces and round ids derive from the scenario seed *and the agent id*
 * (sha256(`bft-lab:nonce:{seed}:{id}:{n}`) and sha256(`bft-lab:round:{seed}:{id}:{n}`), as
 * the keys do, SPEC §2), where the reference uses the seed alone: every agent of a scenario
 * shares one seed, and two proposers must never mint the same round id.
 */
export class ResonanceAgent {
  readonly id: string;
  /** ed25519 public key, hex. */
  readonly publicKey: string;
  readonly store = new TrustStore();
  readonly threshold: number;
  readonly expectedN: number;
  readonly embed: EmbedMode;
  private readonly seed: number | string;
  private readonly keys: KeyPair;
  private readonly memo = new ResolveMemo();
  private nonceCount = 0;
  private roundCount = 0;

  constructor(id: string, options: ResonanceAgentOptions) {
    if (!agentIdPattern.test(id) || reservedIds.has(id)) {
      const shown = JSON.stringify(id);
      throw new Error(`agent id must be 1–64 of [A-Za-z0-9_.:-], not reserved; got ${shown}`);
    }
    const threshold = options.threshold ?? defaultThreshold;
    if (!(threshold > 0) || !Number.isFinite(threshold)) {
      throw new Error(`threshold must be positive (values above 1 always abort), got ${threshold}`);
    }
    const expectedN = options.expectedN ?? 0;
    if (!Number.isSafeInteger(expectedN) || expectedN < 0) {
      throw new Error(`expectedN must be a non-negative integer, got ${expectedN}`);
    }
    this.id = id;
    this.seed = options.seed;
    this.threshold = threshold;
    this.expectedN = expectedN;
    this.embed = options.embed ?? 'bow';
    this.keys = options.keys ?? agentKeyPair(options.seed, id);
    this.publicKey = this.keys.publicKeyHex;
    // The adaptive threshold starts at the commit threshold; it never gates the commit.
    this.store.threshold = threshold;
  }

  /**
   * A new round for `task` in `view`. With a roster, the proposer of view v > 0 is
   * roster[v mod n], every roster member is recorded as invited, and the roster fixes the
   * membership floor and the width of every relational axis.
   */
  propose(task: Task, { view = 0, roster }: { view?: number; roster?: string[] } = {}): Round {
    const members = roster && roster.length > 0 ? [...new Set(roster)] : [];
    const topic = roundTopic(task.description, task.topic);
    const round: Round = {
      id: sha256Hex(`bft-lab:round:${this.seed}:${this.id}:${this.roundCount++}`).slice(0, 32),
      view,
      viewChange: view > 0,
      proposer: view > 0 && members.length > 0 ? members[view % members.length]! : this.id,
      description: task.description,
      ...(topic ? { topic } : {}),
      roster: [...members].sort(),
      vocab: buildVocab(task.description, task.requirements),
      threshold: this.threshold,
      expectedN: members.length > 0 ? members.length : this.expectedN,
      evaluations: {},
      aborts: [],
    };
    for (const member of members) this.store.recordInvitation(member);
    return round;
  }

  /**
   * Seals and signs this agent's evaluation of `round` and files it under its id. The sealed
   * text is `(round.description + ' ' + evalText).trim()`.
   *
   * Policy: a second call returns the existing commitment with `sybilGuard: true` and changes
   * nothing, so one identity cannot vote twice or overwrite what it sealed.
   */
  participate(round: Round, evalText: string): Participation {
    if (typeof round.evaluations !== 'object' || round.evaluations === null) round.evaluations = {};
    if (Object.hasOwn(round.evaluations, this.id)) {
      const existing = round.evaluations[this.id]!;
      return { value: String(existing.commitment), record: existing, sybilGuard: true };
    }
    const nonceText = `bft-lab:nonce:${this.seed}:${this.id}:${this.nonceCount++}`;
    const nonce = sha256Hex(nonceText).slice(0, 16);
    const { record, vocab } = sealEvaluation({
      aid: this.id,
      keys: this.keys,
      nonce,
      round,
      evalText,
      embed: this.embed,
      behavior: this.store.behaviorOf(this.id),
      pastSemantics: this.store.pastSemantics(this.id),
      trustIn: (peer) => this.store.trust(this.id, peer),
    });
    if (this.embed === 'bow') round.vocab = vocab;
    else round.semanticDim = record.semantic.length;
    round.evaluations[this.id] = record;
    this.store.recordParticipation(this.id);
    this.store.pushSemantic(this.id, record.semantic);
    return { value: record.commitment, record };
  }

  /**
   * The layer-1 commit of `round` under this agent's fixed config (see `resolveRound`), with
   * the diagnostics, and this agent's learned threshold and axis weights reported beside them.
   */
  resolve(round: Round, options: AgentResolveOptions = {}): Outcome {
    const resolution = resolveRound(round, this.resolveConfig(), {
      memo: options.memo ?? this.memo,
      ...(options.unsafe ? { unsafe: options.unsafe } : {}),
      adaptive: { threshold: this.store.threshold, axisWeights: this.store.axisWeights },
    });
    applyResolution(round, resolution);
    return resolution.outcome;
  }

  /**
   * Hegselmann–Krause deliberation of `round` weighted by this agent's trust (reference §2.4;
   * see `deliberate`). Call between `participate` and `resolve`; it never changes the commit.
   */
  deliberate(round: Round, options: DeliberateOptions = {}): Trajectory {
    return deliberate(round, options, {
      threshold: this.threshold,
      embed: this.embed,
      me: this.id,
      store: this.store,
      memo: this.memo,
    });
  }

  /**
   * Learns from `outcome`: `applyOutcome` (reference §2.6 `apply_outcome`), then the adaptive
   * layers (`recordRoundOutcome`) with its consensus type, pentadic scores and (n, f).
   */
  commit(outcome: Outcome): void {
    this.store.applyOutcome(this.id, outcome);
    this.store.recordRoundOutcome(outcome.consensusType, pentadicScores(outcome), outcome.n, outcome.f);
  }

  /** Signs a prepare or commit vote for `winner` in (round, view). */
  signVote(
    roundId: string,
    view: number,
    phase: string,
    winner: string,
  ): { signature: string; pubkey: string } {
    const signature = signHex(voteDigest(roundId, view, phase, winner), this.keys.secretKey);
    return { signature, pubkey: this.publicKey };
  }

  /**
   * Everything that changes as the agent works, by reference (not a copy): for an engine
   * snapshot, which copies it. The resolve memo is a cache, not state.
   */
  state(): ResonanceAgentState {
    return { nonceCount: this.nonceCount, roundCount: this.roundCount, store: this.store.data() };
  }

  /** Takes `state` over (not a copy), as the same agent had it when it was saved. */
  adopt(state: ResonanceAgentState): void {
    this.nonceCount = state.nonceCount;
    this.roundCount = state.roundCount;
    this.store.adopt(state.store);
  }

  /** The config every honest resolver of the cluster shares. */
  resolveConfig(): ResolveConfig {
    return { threshold: this.threshold, expectedN: this.expectedN, embed: this.embed };
  }
}

/** Each outcome's pentadic scores, by agent id in order; a pure cache by `perAxis` identity. */
const pentadicByScores = new WeakMap<object, readonly number[]>();

/**
 * The outcome's finite pentadic scores by sorted agent id. Policy: remembered per scores
 * object, since every replica committing one value learns from the same outcome (n sorts of n
 * ids at n = 1000); `recordRoundOutcome` copies what it keeps.
 */
function pentadicScores(outcome: Outcome): readonly number[] {
  const perAxis = outcome.perAxis ?? {};
  let scores = pentadicByScores.get(perAxis);
  if (scores === undefined) {
    scores = Object.keys(perAxis)
      .sort()
      .map((aid) => perAxis[aid]!.pentadic)
      .filter((score) => Number.isFinite(score));
    pentadicByScores.set(perAxis, scores);
  }
  return scores;
}
