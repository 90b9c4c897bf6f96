import { AXES, AXIS_WEIGHTS, type Axis } from './axes';
import { semanticHistoryMax } from './constants';
import { roundTo } from './roundTo';
import type { ConsensusType, Outcome } from './types';

/**
 * An agent's memory (reference §2.6 `TrustStore`): reputation, scalar and per-axis trust,
 * behavioural counters, semantic history and the co-commit ledger.
 *
 * It is plain data: every field is JSON, `snapshot()` is a deep copy and `restore()` takes
 * one back, so a replica's store can be checkpointed with its state. Layer 1 reads only the
 * agent's own counters, history and trust row when it seals; nothing here ever enters a
 * commit. Layer 3 (adaptive ε, threshold and axis weights) extends this class.
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
  /** Co-commit counts by `pairKey(a, b)`. */
  coCommitLedger: Record<string, number>;
  /** Round clock of each pair's last co-commit, by `pairKey(a, b)`. */
  lastInteraction: Record<string, number>;
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

export class TrustStore implements TrustStoreData {
  reputations: Record<string, number> = {};
  trustRows: Record<string, Record<string, number>> = {};
  axisTrustRows: Record<string, Record<string, Partial<Record<Axis, number>>>> = {};
  roundClock = 0;
  behavior: Record<string, BehaviorCounters> = {};
  peerEncounters: Record<string, number> = {};
  semanticHistory: Record<string, number[][]> = {};
  coCommitLedger: Record<string, number> = {};
  lastInteraction: Record<string, number> = {};
  /** Layer-2 deliberation radius (adapted by the trust-adaptation issue). */
  baseEpsilon = 0.15;
  /** Layer-2 adaptive threshold; shapes deliberation only, never the commit. */
  threshold = 0.6;
  /** Layer-3 learned axis weights; shape deliberation only, never the commit. */
  axisWeights: Record<Axis, number> = { ...AXIS_WEIGHTS };
  similarityHistory: number[] = [];
  consensusTypeHistory: ConsensusType[] = [];

  reputation(id: string): number {
    return this.reputations[id] ?? reputationInit;
  }

  updateReputation(id: string, delta: number): void {
    this.reputations[id] = roundTo(Math.max(this.reputation(id) + delta, trustFloor), 4);
  }

  /** a's trust in b; 1.0 for a pair never updated. */
  trust(a: string, b: string): number {
    return this.trustRows[a]?.[b] ?? trustInit;
  }

  setTrust(a: string, b: string, value: number): void {
    (this.trustRows[a] ??= {})[b] = roundTo(Math.max(value, trustFloor), 4);
  }

  /** a's trust in b on one axis, falling back to the scalar trust. */
  axisTrust(a: string, b: string, axis: Axis): number {
    return this.axisTrustRows[a]?.[b]?.[axis] ?? this.trust(a, b);
  }

  updateAxisTrust(a: string, b: string, axis: Axis, delta: number): void {
    const value = Math.min(Math.max(this.axisTrust(a, b, axis) + delta, trustFloor), axisTrustCap);
    ((this.axisTrustRows[a] ??= {})[b] ??= {})[axis] = roundTo(value, 4);
  }

  coCommits(a: string, b: string): number {
    return this.coCommitLedger[pairKey(a, b)] ?? 0;
  }

  /** Counts a co-commit for every pair of `ids` and stamps the pair with the round clock. */
  recordCoCommit(ids: readonly string[]): void {
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = pairKey(sorted[i]!, sorted[j]!);
        this.coCommitLedger[key] = (this.coCommitLedger[key] ?? 0) + 1;
        this.lastInteraction[key] = this.roundClock;
      }
    }
  }

  /**
   * The pair's retention per round, in [0.80, 0.99]: long silence forgets faster, many
   * co-commits remember longer (reference `dyad_decay`).
   */
  dyadDecay(a: string, b: string): number {
    const key = pairKey(a, b);
    const silence = Math.max(this.roundClock - (this.lastInteraction[key] ?? this.roundClock), 0);
    const strength = 0.04 * Math.min((this.coCommitLedger[key] ?? 0) / 15, 1);
    return roundTo(Math.max(Math.min(trustDecay - 0.015 * silence + strength, 0.99), 0.8), 4);
  }

  /**
   * Per-pair trust step sizes: gain = (1 − decay)·0.7/(1 + co/20), so gain < 1 − decay by
   * construction, and loss = 2.25·gain (loss aversion). A fresh pair: 0.056 and 0.126.
   */
  dyadParams(a: string, b: string): { gain: number; loss: number; decay: number } {
    const decay = this.dyadDecay(a, b);
    const gain = roundTo(((1 - decay) * 0.7) / (1 + this.coCommits(a, b) / 20), 5);
    return { gain, loss: roundTo(gain * lossAversion, 5), decay };
  }

  /** One round of forgetting: every stored trust value decays toward its floor. */
  decay(): void {
    for (const [a, row] of Object.entries(this.trustRows)) {
      for (const b of Object.keys(row)) {
        row[b] = roundTo(Math.max(row[b]! * this.dyadDecay(a, b), trustFloor), 4);
      }
    }
    for (const [a, row] of Object.entries(this.axisTrustRows)) {
      for (const [b, axes] of Object.entries(row)) {
        const retention = this.dyadDecay(a, b);
        for (const axis of Object.keys(axes) as Axis[]) {
          axes[axis] = roundTo(Math.max(axes[axis]! * retention, trustFloor), 4);
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
    const tampered = new Set(outcome.tamperedAgents);
    const penalised = [...new Set([...outcome.outlierAgents, ...outcome.tamperedAgents])].filter(
      (id) => committed || tampered.has(id),
    );
    const punishable = (id: string): boolean =>
      id !== me && (tampered.has(id) || (this.peerEncounters[id] ?? 0) >= newcomerGraceEncounters);
    this.decay();
    for (const id of quorum) this.updateReputation(id, reputationGain);
    for (const id of penalised) this.updateReputation(id, -reputationLoss);
    for (const id of quorum) {
      if (id !== me) this.setTrust(me, id, this.trust(me, id) + this.dyadParams(me, id).gain);
    }
    for (const id of penalised) {
      if (punishable(id)) this.setTrust(me, id, this.trust(me, id) - this.dyadParams(me, id).loss);
    }
    for (const id of quorum) {
      if (id === me) continue;
      const { gain } = this.dyadParams(me, id);
      for (const axis of AXES) {
        const bonus = outcome.axisContributors?.[axis]?.includes(id) ? axisContributorBonus : 1;
        this.updateAxisTrust(me, id, axis, gain * bonus);
      }
    }
    for (const id of penalised) {
      if (!punishable(id)) continue;
      const { loss } = this.dyadParams(me, id);
      for (const axis of AXES) this.updateAxisTrust(me, id, axis, -loss);
    }
    for (const id of outcome.tamperedAgents) this.recordTamper(id);
    if (committed && quorum.length >= 2) this.recordCoCommit(quorum);
    const { quorumAgents, outlierAgents, tamperedAgents } = outcome;
    for (const id of new Set([...quorumAgents, ...outlierAgents, ...tamperedAgents])) {
      if (id !== me) this.peerEncounters[id] = (this.peerEncounters[id] ?? 0) + 1;
    }
  }

  /** A deep copy of every layer, as plain JSON. */
  snapshot(): TrustStoreData {
    return JSON.parse(JSON.stringify(this.data())) as TrustStoreData;
  }

  /** Replaces every layer with a deep copy of `snapshot`. */
  restore(snapshot: TrustStoreData): void {
    Object.assign(this, JSON.parse(JSON.stringify(snapshot)) as TrustStoreData);
  }

  private data(): TrustStoreData {
    const {
      reputations, trustRows, axisTrustRows, roundClock, behavior, peerEncounters, semanticHistory,
      coCommitLedger, lastInteraction, baseEpsilon, threshold, axisWeights, similarityHistory,
      consensusTypeHistory,
    } = this;
    return {
      reputations, trustRows, axisTrustRows, roundClock, behavior, peerEncounters, semanticHistory,
      coCommitLedger, lastInteraction, baseEpsilon, threshold, axisWeights, similarityHistory,
      consensusTypeHistory,
    };
  }
}
