import { AXES, AXIS_WEIGHTS, type Axis } from './axes';
import { axisWeightUpdate, slowEpochRounds } from './axisWeightUpdate';
import { semanticHistoryMax } from './constants';
import { epochRounds, epochUpdate } from './epochUpdate';
import { epsilonRadius } from './epsilonRadius';
import { bftSafetyLowerBound } from './quorum';
import { roundHalfEven } from '../roundHalfEven';
import { coCommitGroups, internMembers, PairStats, type CoCommitEntry } from './coCommitLog';
import type { ConsensusType, Outcome } from './types';
import { DenseRow, DenseTable, idOfSlot, knownSlot, slotOf } from './denseTable';

/**
 * An agent's memory (reference §2.6 `TrustStore`): reputation, scalar and per-axis trust,
 * behavioural counters, semantic history and the co-commit ledger.
 *
 * It is plain data: every field is JSON, `snapshot()` is a deep copy and `restore()` takes
 * one back, so a replica's store can be checkpointed with its state. Layer 1 reads only the
 * agent's own counters, history and trust row when it seals; nothing here ever enters a
 * commit. On top sit the adaptive layers (reference §2.6): per-dyad decay, gain and loss and
 * the per-dyad ε (`getEpsilon`) every round; ε and the threshold every 50 rounds (layer 2);
 * the axis weights every 200 rounds (layer 3). They shape deliberation and its audit only.
 */

const reputationInit = 1;
const reputationGain = 0.12;
const reputationLoss = 0.28;
const trustInit = 1;
const trustFloor = 0.01;
const axisTrustCap = 2;
const trustDecay = 0.92;
const newcomerGraceEncounters = 3;
const lossAversion = 2.25;
const axisContributorBonus = 1.3;
/** The consensus-type and similarity histories keep at most this many entries. */
export const historyMax = 400;
/** After this many recorded rounds, deliberation uses the learned base ε (`getEpsilon`). */
const warmHistoryRounds = 20;
/** An asymmetric weight never falls below this. */
const asymmetricWeightMin = 0.01;

/** [invited, participated, tampered], the behavioural axis's counters. */
export type BehaviorCounters = [number, number, number];

export interface TrustStoreData {
  reputations: Record<string, number>;
  trustRows: Record<string, Record<string, number>>;
  axisTrustRows: Record<string, Record<string, Partial<Record<Axis, number>>>>;
  roundClock: number;
  behavior: Record<string, BehaviorCounters>;
  peerEncounters: Record<string, number>;
  semanticHistory: Record<string, number[][]>;
  /**
   * Every co-commit recorded, oldest first: the pair counts and last interactions of the
   * reference's `co_commit_ledger` and `last_interaction` are read off it (`coCommitLog.ts`).
   */
  coCommitLog: CoCommitEntry[];
  baseEpsilon: number;
  threshold: number;
  axisWeights: Record<Axis, number>;
  similarityHistory: number[];
  consensusTypeHistory: ConsensusType[];
}

/** The ledger key of an unordered pair: "min,max" (reference snapshot encoding). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}

export class TrustStore {
  /**
   * Gives `ids` their places in the dense rows of every store on this thread before any is
   * written, so a row made for some of them has room for all. Changes nothing a store holds.
   * Policy: an engine names its roster; at n = 1000 the first commit writes only the agents
   * its leader heard (~770), and every row grew again, 3,000 copies, when the rest were first
   * written a round later.
   */
  static expectPeers(ids: Iterable<string>): void {
    for (const id of ids) slotOf(id);
  }

  /** Reputations, trust rows and axis trust rows, dense by peer (`denseTable.ts`). */
  private reputationRow = new DenseRow(1);
  private trustTable = new DenseTable(1);
  private axisTrustTable = new DenseTable(axisCount);
  /** `pairStats` answers for `pairStatsLog` at `pairStatsLength` entries. */
  private readonly pairStatsByAgent = new Map<string, PairStats>();
  private pairStatsLog: readonly CoCommitEntry[] | null = null;
  private pairStatsLength = 0;
  roundClock = 0;
  behavior: Record<string, BehaviorCounters> = {};
  /**
   * Outcomes this store has met each peer in, dense by peer slot. Policy: as a record it was a
   * growing hash table of 10³ keys per replica at n = 1000, rebuilt as it grew, a third of the
   * collector's work at a first commit.
   */
  private encounterRow = new DenseRow(1);
  semanticHistory: Record<string, number[][]> = {};
  coCommitLog: CoCommitEntry[] = [];
  /** Layer-2 deliberation radius (adapted by the trust-adaptation issue). */
  baseEpsilon = 0.15;
  /** Layer-2 adaptive threshold; shapes deliberation only, never the commit. */
  threshold = 0.6;
  /** Layer-3 learned axis weights; shape deliberation only, never the commit. */
  axisWeights: Record<Axis, number> = { ...AXIS_WEIGHTS };
  similarityHistory: number[] = [];
  consensusTypeHistory: ConsensusType[] = [];

  reputation(id: string): number {
    return this.reputationAt(knownSlot(id));
  }

  updateReputation(id: string, delta: number): void {
    this.updateReputationAt(slotOf(id), delta);
  }

  /** a's trust in b; 1.0 for a pair never updated. */
  trust(a: string, b: string): number {
    return this.trustAt(a, knownSlot(b));
  }

  setTrust(a: string, b: string, value: number): void {
    this.setTrustAt(a, slotOf(b), value);
  }

  /** a's trust in b on one axis, falling back to the scalar trust. */
  axisTrust(a: string, b: string, axis: Axis): number {
    return this.axisTrustAt(a, knownSlot(b), axisIndex[axis]);
  }

  updateAxisTrust(a: string, b: string, axis: Axis, delta: number): void {
    this.updateAxisTrustAt(a, slotOf(b), axisIndex[axis], delta);
  }

  // The same by peer slot (`denseTable.ts`): a commit at n = 1000 reads and writes 10⁴ values
  // per replica, and looked its peers' ids up for every one of them.

  private reputationAt(slot: number | undefined): number {
    return (slot === undefined ? undefined : this.reputationRow.get(slot)) ?? reputationInit;
  }

  private updateReputationAt(slot: number, delta: number): void {
    this.reputationRow.set(slot, roundHalfEven(Math.max(this.reputationAt(slot) + delta, trustFloor), 4));
  }

  private trustAt(a: string, slot: number | undefined): number {
    return (slot === undefined ? undefined : this.trustTable.row(a)?.get(slot)) ?? trustInit;
  }

  private setTrustAt(a: string, slot: number, value: number): void {
    this.trustTable.rowFor(a).set(slot, roundHalfEven(Math.max(value, trustFloor), 4));
  }

  private axisTrustAt(a: string, slot: number | undefined, k: number): number {
    const stored = slot === undefined ? undefined : this.axisTrustTable.row(a)?.get(slot, k);
    return stored ?? this.trustAt(a, slot);
  }

  private updateAxisTrustAt(a: string, slot: number, k: number, delta: number): void {
    const value = Math.min(Math.max(this.axisTrustAt(a, slot, k) + delta, trustFloor), axisTrustCap);
    this.axisTrustTable.rowFor(a).set(slot, roundHalfEven(value, 4), k);
  }

  /** Whether a has a trust row (some trust in a peer was ever updated). */
  hasTrustRow(a: string): boolean {
    return this.trustTable.row(a) !== undefined;
  }

  /** Whether a has an axis trust row. */
  hasAxisTrustRow(a: string): boolean {
    return this.axisTrustTable.row(a) !== undefined;
  }

  coCommits(a: string, b: string): number {
    return this.pairStats(a).count(knownSlot(b));
  }

  /**
   * The co-commit statistics of a's pairs for the log as it is now (`PairStats`), kept per agent
   * until the log grows or is replaced.
   */
  private pairStats(a: string): PairStats {
    const log = this.coCommitLog;
    if (this.pairStatsLog !== log || this.pairStatsLength !== log.length) {
      this.pairStatsByAgent.clear();
      this.pairStatsLog = log;
      this.pairStatsLength = log.length;
    }
    let stats = this.pairStatsByAgent.get(a);
    if (stats === undefined) {
      stats = new PairStats(log, a, slotOf);
      this.pairStatsByAgent.set(a, stats);
    }
    return stats;
  }

  /** Counts a co-commit for every pair of `ids` and stamps the pair with the round clock. */
  recordCoCommit(ids: readonly string[]): void {
    this.coCommitLog.push([internMembers(ids), this.roundClock]);
  }

  /**
   * The pair's retention per round, in [0.80, 0.99]: long silence forgets faster, many
   * co-commits remember longer (reference `dyad_decay`).
   */
  dyadDecay(a: string, b: string): number {
    return this.dyadStepsOf(this.pairStats(a), knownSlot(b)).decay;
  }

  /**
   * Per-pair trust step sizes: gain = (1 − decay)·0.7/(1 + co/20), so gain < 1 − decay by
   * construction, and loss = 2.25·gain (loss aversion). A fresh pair: 0.056 and 0.126.
   */
  dyadParams(a: string, b: string): { gain: number; loss: number; decay: number } {
    return { ...this.dyadStepsOf(this.pairStats(a), knownSlot(b)) };
  }

  /**
   * The retention and step sizes of a's pair with `slot`, from a's pair statistics: a pure
   * function of (silence, co-commits), so `known` keeps those already worked out at this clock
   * and a commit at n = 1000 rounds a few distinct values instead of 10³ per replica.
   */
  private dyadStepsOf(stats: PairStats, slot: number | undefined, known?: Map<number, DyadSteps>): DyadSteps {
    const last = stats.lastClock(slot);
    const silence = Math.max(this.roundClock - (last ?? this.roundClock), 0);
    const count = stats.count(slot);
    const keyed = Number.isInteger(silence) && Number.isInteger(count) && count < 2 ** 20;
    const key = keyed ? silence * 2 ** 20 + count : undefined;
    const remembered = key === undefined ? undefined : known?.get(key);
    if (remembered !== undefined) return remembered;
    const strength = 0.04 * Math.min(count / 15, 1);
    const decay = roundHalfEven(Math.max(Math.min(trustDecay - 0.015 * silence + strength, 0.99), 0.8), 4);
    const gain = roundHalfEven(((1 - decay) * 0.7) / (1 + count / 20), 5);
    const steps = { gain, loss: roundHalfEven(gain * lossAversion, 5), decay };
    if (key !== undefined) known?.set(key, steps);
    return steps;
  }

  /** One round of forgetting: every stored trust value decays toward its floor. */
  decay(): void {
    for (const [a, row] of this.trustTable.rows) {
      const stats = this.pairStats(a);
      const known = new Map<number, DyadSteps>();
      for (const slot of row.order) {
        const decayed = row.get(slot)! * this.dyadStepsOf(stats, slot, known).decay;
        row.set(slot, roundHalfEven(Math.max(decayed, trustFloor), 4));
      }
    }
    for (const [a, row] of this.axisTrustTable.rows) {
      const stats = this.pairStats(a);
      const known = new Map<number, DyadSteps>();
      for (const slot of row.order) {
        const retention = this.dyadStepsOf(stats, slot, known).decay;
        for (let k = 0; k < axisCount; k++) {
          const value = row.get(slot, k);
          if (value !== undefined) row.set(slot, roundHalfEven(Math.max(value * retention, trustFloor), 4), k);
        }
      }
    }
    this.roundClock += 1;
  }

  behaviorOf(id: string): { invited: number; participated: number; tampered: number } {
    const [invited, participated, tampered] = this.behavior[id] ?? [0, 0, 0];
    return { invited, participated, tampered };
  }

  recordInvitation(id: string): void {
    (this.behavior[id] ??= [0, 0, 0])[0] += 1;
  }

  recordParticipation(id: string): void {
    (this.behavior[id] ??= [0, 0, 0])[1] += 1;
  }

  recordTamper(id: string): void {
    (this.behavior[id] ??= [0, 0, 0])[2] += 1;
  }

  /** The agent's last semantic vectors, oldest first (at most 10). */
  pastSemantics(id: string): number[][] {
    return this.semanticHistory[id] ?? [];
  }

  pushSemantic(id: string, semantic: readonly number[]): void {
    const history = (this.semanticHistory[id] ??= []);
    if (history.length >= semanticHistoryMax) history.shift();
    history.push([...semantic]);
  }

  /**
   * The bounded-confidence radius between a and b on `axis` (reference `get_epsilon`): 0 when
   * the caller's `base` ≤ 0; otherwise `epsilonRadius` of the effective base (the caller's, or
   * the learned `baseEpsilon` once 20 rounds are recorded) and the pair's co-commits, in
   * [0.05, 0.5] even when the learned base ε is ≤ 0.
   */
  getEpsilon(base: number, a: string, b: string, axis: Axis = 'semantic'): number {
    if (!(base > 0)) return 0;
    return epsilonRadius(this.effectiveBaseEpsilon(base), this.coCommits(a, b), axis);
  }

  /** The base ε `getEpsilon` scales: the learned one once the store is warm, else `base`. */
  effectiveBaseEpsilon(base: number): number {
    return this.consensusTypeHistory.length >= warmHistoryRounds ? this.baseEpsilon : base;
  }

  /**
   * The median co-commit count over every pair of `ids`, the upper middle for an even number
   * of pairs; 0 with fewer than two ids. Reads the ledger, not the pairs, so it costs the
   * ledger's size whatever the number of agents.
   */
  medianCoCommits(ids: readonly string[]): number {
    const { groups, shared } = coCommitGroups(this.coCommitLog, ids);
    const pairsByCount = new Map<number, number>();
    let pairCount = 0;
    groups.forEach((g, i) => {
      for (let j = i; j < groups.length; j++) {
        const pairs = i === j ? (g.size * (g.size - 1)) / 2 : g.size * groups[j]!.size;
        const count = shared[i]![j]!;
        pairsByCount.set(count, (pairsByCount.get(count) ?? 0) + pairs);
        pairCount += pairs;
      }
    });
    if (pairCount === 0) return 0;
    // The value at position ⌊pairs/2⌋ of every pair's count in ascending order.
    const middle = Math.floor(pairCount / 2);
    let seen = 0;
    for (const [count, pairs] of [...pairsByCount].sort((x, y) => x[0] - y[0])) {
      seen += pairs;
      if (seen > middle) return count;
    }
    return 0;
  }

  /** How much `me` weighs `id`'s position: reputation × trust, at least 0.01. */
  asymmetricWeight(me: string, id: string): number {
    return Math.max(this.reputation(id) * this.trust(me, id), asymmetricWeightMin);
  }

  /** True while this store has met `id` in fewer than three outcomes (newcomer grace). */
  isNewcomer(id: string): boolean {
    const slot = knownSlot(id);
    return ((slot === undefined ? undefined : this.encounterRow.get(slot)) ?? 0) < newcomerGraceEncounters;
  }

  /** Outcomes met per peer, as a new record in the order peers were first met. */
  get peerEncounters(): Record<string, number> {
    return rowRecord(this.encounterRow, (value) => value);
  }

  /**
   * Feeds one round to the adaptive layers (reference `record_round_outcome`), after
   * `applyOutcome` advanced the clock: the consensus type and the pentadic similarities go
   * into the histories (each capped at 400); every 50 rounds layer 2 moves ε and the
   * threshold, then the threshold is clamped to the BFT safety bound of (n, f) when given;
   * every 200 rounds layer 3 moves the axis weights.
   */
  recordRoundOutcome(
    consensusType: ConsensusType,
    pentadicSimilarities: readonly number[],
    n?: number,
    f?: number,
  ): void {
    this.consensusTypeHistory.push(consensusType);
    this.similarityHistory.push(...pentadicSimilarities.slice(-historyMax));
    if (this.consensusTypeHistory.length > historyMax) {
      this.consensusTypeHistory = this.consensusTypeHistory.slice(-historyMax);
    }
    if (this.similarityHistory.length > historyMax) {
      this.similarityHistory = this.similarityHistory.slice(-historyMax);
    }
    if (this.roundClock > 0 && this.roundClock % epochRounds === 0) {
      const params = { baseEpsilon: this.baseEpsilon, threshold: this.threshold };
      const next = epochUpdate(params, this.consensusTypeHistory, this.similarityHistory);
      this.baseEpsilon = next.baseEpsilon;
      this.threshold = next.threshold;
      if (n !== undefined && f !== undefined) this.clampThreshold(n, f);
    }
    if (this.roundClock > 0 && this.roundClock % slowEpochRounds === 0) {
      this.axisWeights = axisWeightUpdate(this.axisWeights, this.consensusTypeHistory);
    }
  }

  /** Raises the adaptive threshold to `bftSafetyLowerBound(n, f)` if it fell below. */
  clampThreshold(n: number, f: number): void {
    this.threshold = Math.max(this.threshold, bftSafetyLowerBound(n, f));
  }

  /**
   * Learns from an outcome as agent `me` (reference §2.6 `apply_outcome`): decay; reputation
   * +0.12 for the quorum of a commit and −0.28 for every penalised agent (all outliers of a
   * commit, only the tampered of an abort); trust gains toward the quorum and losses toward the
   * penalised, per axis too (×1.3 for axis contributors); tampering counted; co-commits.
   *
   * Policy: a peer this store has met fewer than three times keeps its trust when it is merely
   * an outlier (newcomer grace, so honest newcomers are not frozen out); tampering is never
   * forgiven, and reputation is never waived.
   */
  applyOutcome(
    me: string,
    outcome: Pick<Outcome, 'status' | 'quorumAgents' | 'outlierAgents' | 'tamperedAgents'> &
      Partial<Pick<Outcome, 'axisContributors'>>,
  ): void {
    const committed = outcome.status === 'committed';
    const quorum = committed ? outcome.quorumAgents : [];
    const { tampered, penalised, contributors, encountered } = outcomeSets(outcome);
    const punishable = (id: string): boolean =>
      id !== me && (tampered.has(id) || !this.isNewcomer(id));
    this.decay();
    const quorumSlots = quorum.map(slotOf);
    const penalisedSlots = penalised.map(slotOf);
    for (const slot of quorumSlots) this.updateReputationAt(slot, reputationGain);
    for (const slot of penalisedSlots) this.updateReputationAt(slot, -reputationLoss);
    // Nothing below changes the log or the clock before `recordCoCommit`, so each peer's dyad
    // parameters are read once, into arrays by position (no object per peer: n = 1000);
    // contributors are looked up in sets, not lists.
    const gains = new Float64Array(quorum.length);
    const losses = new Float64Array(penalised.length);
    const stats = this.pairStats(me);
    const known = new Map<number, DyadSteps>();
    quorum.forEach((id, k) => {
      if (id !== me) gains[k] = this.dyadStepsOf(stats, quorumSlots[k], known).gain;
    });
    penalised.forEach((id, k) => {
      if (punishable(id)) losses[k] = this.dyadStepsOf(stats, penalisedSlots[k], known).loss;
    });
    // me's rows, looked up once (made at their first write, as `setTrust` would make them).
    let trustRow = this.trustTable.row(me);
    let axisRow = this.axisTrustTable.row(me);
    const trustIn = (slot: number): number => trustRow?.get(slot) ?? trustInit;
    const setTrust = (slot: number, value: number): void => {
      trustRow ??= this.trustTable.rowFor(me);
      trustRow.set(slot, roundHalfEven(Math.max(value, trustFloor), 4));
    };
    const updateAxisTrust = (slot: number, k: number, delta: number): void => {
      const value = Math.min(Math.max((axisRow?.get(slot, k) ?? trustIn(slot)) + delta, trustFloor), axisTrustCap);
      axisRow ??= this.axisTrustTable.rowFor(me);
      axisRow.set(slot, roundHalfEven(value, 4), k);
    };
    quorum.forEach((id, k) => {
      const slot = quorumSlots[k]!;
      if (id !== me) setTrust(slot, trustIn(slot) + gains[k]!);
    });
    penalised.forEach((id, k) => {
      const slot = penalisedSlots[k]!;
      if (punishable(id)) setTrust(slot, trustIn(slot) - losses[k]!);
    });
    quorum.forEach((id, k) => {
      if (id === me) return;
      for (let a = 0; a < axisCount; a++) {
        const bonus = contributors[a]!.has(id) ? axisContributorBonus : 1;
        updateAxisTrust(quorumSlots[k]!, a, gains[k]! * bonus);
      }
    });
    penalised.forEach((id, k) => {
      if (!punishable(id)) return;
      for (let a = 0; a < axisCount; a++) updateAxisTrust(penalisedSlots[k]!, a, -losses[k]!);
    });
    for (const id of outcome.tamperedAgents) this.recordTamper(id);
    if (committed && quorum.length >= 2) this.recordCoCommit(quorum);
    for (const id of encountered) {
      if (id === me) continue;
      const slot = slotOf(id);
      this.encounterRow.set(slot, (this.encounterRow.get(slot) ?? 0) + 1);
    }
  }

  /** A deep copy of every layer, as plain JSON. */
  snapshot(): TrustStoreData {
    return JSON.parse(JSON.stringify(this.data())) as TrustStoreData;
  }

  /**
   * Replaces every layer with a deep copy of `snapshot`; a layer the snapshot lacks starts
   * fresh (reference `restore` defaults).
   */
  restore(snapshot: TrustStoreData): void {
    const fresh = new TrustStore().data();
    this.adopt({ ...fresh, ...(JSON.parse(JSON.stringify(snapshot)) as TrustStoreData) });
  }

  /**
   * Takes `data` over as every layer: for a caller that already holds a private copy, such as
   * an engine restoring its own snapshot (`restore` copies). The reputation and trust tables
   * are read into this store's own form; every other layer is taken by reference.
   */
  adopt(data: TrustStoreData): void {
    const { reputations, trustRows, axisTrustRows, peerEncounters, ...rest } = data;
    Object.assign(this, rest);
    this.encounterRow = new DenseRow(1);
    for (const [id, value] of Object.entries(peerEncounters)) this.encounterRow.set(slotOf(id), value);
    this.reputationRow = new DenseRow(1);
    for (const [id, value] of Object.entries(reputations)) this.reputationRow.set(slotOf(id), value);
    this.trustTable = new DenseTable(1);
    for (const [a, row] of Object.entries(trustRows)) {
      const dense = this.trustTable.rowFor(a);
      for (const [b, value] of Object.entries(row)) dense.set(slotOf(b), value);
    }
    this.axisTrustTable = new DenseTable(axisCount);
    for (const [a, row] of Object.entries(axisTrustRows)) {
      const dense = this.axisTrustTable.rowFor(a);
      for (const [b, axes] of Object.entries(row)) {
        for (const axis of AXES) {
          const value = axes[axis];
          if (value !== undefined) dense.set(slotOf(b), value, axisIndex[axis]);
        }
      }
    }
  }

  /**
   * Every layer: the reputation and trust tables as new plain records of their values, every
   * other layer by reference (not a copy), for a caller that copies it anyway.
   */
  data(): TrustStoreData {
    const {
      roundClock, behavior, semanticHistory,
      coCommitLog, baseEpsilon, threshold, axisWeights, similarityHistory,
      consensusTypeHistory,
    } = this;
    return {
      reputations: rowRecord(this.reputationRow, (value) => value),
      trustRows: tableRecord(this.trustTable, (value) => value),
      axisTrustRows: tableRecord(this.axisTrustTable, (_, slot, row) => {
        const axes: Partial<Record<Axis, number>> = {};
        AXES.forEach((axis, k) => {
          const value = row.get(slot, k);
          if (value !== undefined) axes[axis] = value;
        });
        return axes;
      }),
      roundClock, behavior, peerEncounters: this.peerEncounters, semanticHistory,
      coCommitLog, baseEpsilon, threshold, axisWeights, similarityHistory,
      consensusTypeHistory,
    };
  }
}

type AppliedOutcome = Parameters<TrustStore['applyOutcome']>[1];

/** A pair's trust step sizes and retention (`dyadParams`). */
interface DyadSteps {
  gain: number;
  loss: number;
  decay: number;
}

/** What `applyOutcome` reads of an outcome as sets and lists, whoever applies it. */
interface OutcomeSets {
  tampered: ReadonlySet<string>;
  /** Penalised: every outlier and tampered agent of a commit, only the tampered of an abort. */
  penalised: readonly string[];
  /** The axis contributors, by axis in AXES order. */
  contributors: readonly ReadonlySet<string>[];
  /** Every agent the outcome names, once each, in the order named. */
  encountered: readonly string[];
}

/** A pure cache by outcome identity: outcomes are never edited once resolved. */
const outcomeSetsCache = new WeakMap<object, OutcomeSets>();

/**
 * The sets of an outcome. Policy: remembered per outcome object, since every replica that
 * commits a value applies the one outcome its evidence resolves to: at n = 1000 that was 10³
 * replicas each building seven sets of up to 10³ ids.
 */
function outcomeSets(outcome: AppliedOutcome): OutcomeSets {
  let sets = outcomeSetsCache.get(outcome);
  if (sets === undefined) {
    const committed = outcome.status === 'committed';
    const tampered = new Set(outcome.tamperedAgents);
    const penalised = [...new Set([...outcome.outlierAgents, ...outcome.tamperedAgents])].filter(
      (id) => committed || tampered.has(id),
    );
    const contributors = AXES.map((axis) => new Set(outcome.axisContributors?.[axis] ?? []));
    const { quorumAgents, outlierAgents, tamperedAgents } = outcome;
    const encountered = [...new Set([...quorumAgents, ...outlierAgents, ...tamperedAgents])];
    sets = { tampered, penalised, contributors, encountered };
    outcomeSetsCache.set(outcome, sets);
  }
  return sets;
}

/** Axis positions in an axis trust row (AXES order). */
const axisCount = AXES.length;
const axisIndex = Object.fromEntries(AXES.map((axis, k) => [axis, k])) as Record<Axis, number>;

/** A dense row as a record by peer id, in the order peers were first written. */
function rowRecord<W>(row: DenseRow, read: (value: number, slot: number, row: DenseRow) => W): Record<string, W> {
  const out: Record<string, W> = {};
  for (const slot of row.order) out[idOfSlot(slot)] = read(row.get(slot) ?? Number.NaN, slot, row);
  return out;
}

function tableRecord<W>(
  table: DenseTable,
  read: (value: number, slot: number, row: DenseRow) => W,
): Record<string, Record<string, W>> {
  const out: Record<string, Record<string, W>> = {};
  for (const [a, row] of table.rows) out[a] = rowRecord(row, read);
  return out;
}
