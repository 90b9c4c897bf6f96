import { describe, expect, it } from 'vitest';
import { AXIS_WEIGHTS } from './axes';
import { demoRound } from './demoRound';
import { historyMax, TrustStore } from './TrustStore';
import type { ConsensusType } from './types';

/** Advances the store's clock by one round and records its outcome, as `commit` does. */
function round(store: TrustStore, type: ConsensusType, n?: number, f?: number): void {
  store.decay();
  store.recordRoundOutcome(type, [0.8, 0.9], n, f);
}

describe('TrustStore: per-dyad ε', () => {
  it('scales the co-commit sigmoid by the axis and clamps it to [0.05, 0.5]', () => {
    const store = new TrustStore();
    expect(store.getEpsilon(0.25, 'a', 'b')).toBe(0.287);
    for (let k = 0; k < 3; k++) store.recordCoCommit(['a', 'b']);
    expect(store.getEpsilon(0.25, 'b', 'a')).toBe(0.333);
    store.recordCoCommit(['a', 'b']);
    expect(store.getEpsilon(0.25, 'a', 'b')).toBe(0.3533);
    for (let k = 0; k < 30; k++) store.recordCoCommit(['a', 'b']);
    expect(store.getEpsilon(0.25, 'a', 'b')).toBe(0.5);
    expect(store.getEpsilon(0.25, 'a', 'c', 'epistemic')).toBe(0.2583);
    expect(store.getEpsilon(0, 'a', 'b')).toBe(0);
    expect(store.getEpsilon(-1, 'a', 'b')).toBe(0);
  });

  it('uses the learned base ε instead of the caller’s once 20 rounds are recorded', () => {
    const store = new TrustStore();
    store.baseEpsilon = 0.05;
    for (let k = 0; k < 19; k++) round(store, 'genuine');
    expect(store.getEpsilon(0.25, 'a', 'b')).toBe(0.287);
    round(store, 'genuine');
    expect(store.getEpsilon(0.25, 'a', 'b')).toBe(0.087);
  });
});

describe('TrustStore: layers 2 and 3', () => {
  it('runs layer 2 every 50 rounds: fragmentation widens ε and lowers θ', () => {
    const store = new TrustStore();
    for (let k = 0; k < 49; k++) round(store, 'deadlock');
    expect(store.baseEpsilon).toBe(0.15);
    round(store, 'deadlock');
    expect(store.baseEpsilon).toBe(0.16);
    expect(store.threshold).toBe(0.58);
  });

  it('runs layer 2 the other way: false consensus raises θ, homogenisation narrows ε', () => {
    const store = new TrustStore();
    for (let k = 0; k < 50; k++) round(store, 'capitulated');
    expect(store.threshold).toBe(0.62);
    expect(store.baseEpsilon).toBe(0.14);
  });

  it('clamps θ to the BFT safety bound after each epoch', () => {
    const store = new TrustStore();
    store.threshold = 0.1;
    for (let k = 0; k < 50; k++) round(store, 'genuine', 7, 2);
    expect(store.threshold).toBe(0.2);
    store.clampThreshold(10, 3);
    expect(store.threshold).toBe(0.2);
    store.clampThreshold(100, 10);
    expect(store.threshold).toBe(0.7778);
  });

  it('runs layer 3 every 200 rounds, keeping the weights on the simplex above the floor', () => {
    const store = new TrustStore();
    for (let k = 0; k < 199; k++) round(store, 'genuine');
    expect(store.axisWeights).toEqual(AXIS_WEIGHTS);
    round(store, 'genuine');
    expect(store.axisWeights).not.toEqual(AXIS_WEIGHTS);
    const total = Object.values(store.axisWeights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 4);
    for (const weight of Object.values(store.axisWeights)) {
      expect(weight).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('caps both histories at 400 entries', () => {
    const store = new TrustStore();
    for (let k = 0; k < 450; k++) round(store, 'genuine');
    expect(store.consensusTypeHistory).toHaveLength(historyMax);
    store.recordRoundOutcome('genuine', new Array<number>(1000).fill(0.5));
    expect(store.similarityHistory).toHaveLength(historyMax);
  });
});

describe('TrustStore: coalitions and weights', () => {
  it('takes the upper median co-commit count over every pair', () => {
    const store = new TrustStore();
    expect(store.medianCoCommits(['a', 'b', 'c'])).toBe(0);
    store.recordCoCommit(['a', 'b', 'c']);
    store.recordCoCommit(['a', 'b']);
    // Pairs ab = 2, ac = 1, bc = 1: the median is 1; with d, three of six pairs are 0.
    expect(store.medianCoCommits(['c', 'a', 'b'])).toBe(1);
    expect(store.medianCoCommits(['a', 'b', 'c', 'd'])).toBe(1);
    expect(store.medianCoCommits(['a', 'b', 'c', 'd', 'e'])).toBe(0);
    expect(store.medianCoCommits(['a'])).toBe(0);
  });

  it('weighs a peer by reputation × trust, at least 0.01', () => {
    const store = new TrustStore();
    store.setTrust('me', 'p', 0.5);
    store.updateReputation('p', 0.5);
    expect(store.asymmetricWeight('me', 'p')).toBe(0.75);
    store.setTrust('me', 'q', 0.01);
    store.updateReputation('q', -0.99);
    expect(store.asymmetricWeight('me', 'q')).toBe(0.01);
  });
});

describe('TrustStore: snapshot and restore of the adaptive layers', () => {
  it('round-trips ε, θ, the axis weights and both histories, and fills missing layers', () => {
    const store = new TrustStore();
    for (let k = 0; k < 200; k++) round(store, k % 3 ? 'genuine' : 'deadlock', 7, 2);
    const snapshot = store.snapshot();
    expect(snapshot.consensusTypeHistory).toHaveLength(200);
    for (let k = 0; k < 60; k++) round(store, 'capitulated');
    store.restore(snapshot);
    expect(store.snapshot()).toEqual(snapshot);
    const { axisWeights: _w, similarityHistory: _s, ...partial } = snapshot;
    const other = new TrustStore();
    other.restore(partial as typeof snapshot);
    expect(other.axisWeights).toEqual(AXIS_WEIGHTS);
    expect(other.similarityHistory).toEqual([]);
    expect(other.roundClock).toBe(200);
  });
});

describe('ResonanceAgent.commit feeds the adaptive layers', () => {
  it('records the consensus type and pentadic scores of each outcome', () => {
    const { agents, round: demo } = demoRound(7);
    const agent = agents[0]!;
    const outcome = agent.resolve(demo);
    agent.commit(outcome);
    expect(agent.store.consensusTypeHistory).toEqual([outcome.consensusType]);
    expect(agent.store.similarityHistory).toHaveLength(7);
    expect(agent.store.roundClock).toBe(1);
    expect(outcome.adaptiveThreshold).toBe(0.6);
  });
});
