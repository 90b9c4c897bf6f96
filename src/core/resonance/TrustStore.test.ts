import { describe, expect, it } from 'vitest';
import { TrustStore } from './TrustStore';
import type { Outcome } from './types';

const none = { semantic: [], affective: [], relational: [], epistemic: [], behavioral: [] };

function outcome(
  status: Outcome['status'],
  quorum: string[],
  outliers: string[],
  tampered: string[] = [],
): Outcome {
  return {
    roundId: 'r', status, n: 7, f: 2, quorumSize: quorum.length, quorumNeeded: 5,
    quorumAgents: quorum, outlierAgents: [...outliers, ...tampered], tamperedAgents: tampered,
    tamperedExceedsF: false, perAxis: {}, axisContributors: { ...none, semantic: ['a1'] },
    threshold: 0.6, viewNumber: 0, consensusType: 'unknown',
  };
}

describe('TrustStore: defaults', () => {
  it('starts every newcomer at reputation 1 and every pair at trust 1', () => {
    const store = new TrustStore();
    expect(store.reputation('x')).toBe(1);
    expect(store.trust('a', 'b')).toBe(1);
    expect(store.axisTrust('a', 'b', 'affective')).toBe(1);
    store.setTrust('a', 'b', 1.5);
    expect(store.axisTrust('a', 'b', 'affective')).toBe(1.5);
    expect(store.behaviorOf('a')).toEqual({ invited: 0, participated: 0, tampered: 0 });
  });

  it('gives a fresh pair gain 0.056, loss 0.126, decay 0.92, and always gain < 1 − decay', () => {
    const store = new TrustStore();
    expect(store.dyadParams('a', 'b')).toEqual({ gain: 0.056, loss: 0.126, decay: 0.92 });
    for (let co = 0; co < 40; co++) {
      store.recordCoCommit(['a', 'b']);
      const { gain, decay } = store.dyadParams('b', 'a');
      expect(gain).toBeLessThan(1 - decay);
    }
    expect(store.coCommits('b', 'a')).toBe(40);
  });

  it('rounds stored trust like Python round(x, 4): 1.77525 is stored as 1.7752', () => {
    // 1.77525 is 1.77524999999999999467… in binary, so the reference stores 1.7752.
    const store = new TrustStore();
    store.setTrust('a', 'b', 1.77525);
    expect(store.trust('a', 'b')).toBe(1.7752);
  });

  it('decays stored trust by the pair retention and advances the clock', () => {
    const store = new TrustStore();
    store.setTrust('a', 'b', 2);
    store.updateAxisTrust('a', 'b', 'semantic', 0.5);
    store.decay();
    expect(store.trust('a', 'b')).toBe(1.84);
    expect(store.axisTrust('a', 'b', 'semantic')).toBe(2 * 0.92);
    expect(store.roundClock).toBe(1);
    expect(store.trust('a', 'c')).toBe(1);
  });
});

describe('TrustStore: applyOutcome', () => {
  it('rewards the quorum of a commit and penalises its outliers', () => {
    const store = new TrustStore();
    store.applyOutcome('a0', outcome('committed', ['a0', 'a1', 'a2', 'a3', 'a4'], ['a5']));
    expect(store.reputation('a1')).toBe(1.12);
    expect(store.reputation('a0')).toBe(1.12);
    expect(store.reputation('a5')).toBe(0.72);
    expect(store.trust('a0', 'a2')).toBe(1.056);
    // Per-axis trust starts from the (already raised) scalar trust; contributors gain ×1.3.
    expect(store.axisTrust('a0', 'a1', 'semantic')).toBe(roundTo4(1.056 + 0.056 * 1.3));
    expect(store.axisTrust('a0', 'a1', 'affective')).toBe(1.112);
    expect(store.coCommits('a1', 'a4')).toBe(1);
    expect(store.peerEncounters).toMatchObject({ a1: 1, a5: 1 });
    expect(store.peerEncounters.a0).toBeUndefined();
  });

  it('spares a newcomer outlier its trust for three encounters, then penalises it', () => {
    const store = new TrustStore();
    const quorum = ['a0', 'a1', 'a2', 'a3', 'a4'];
    for (let round = 0; round < 3; round++) {
      store.applyOutcome('a0', outcome('committed', quorum, ['a5']));
    }
    expect(store.trust('a0', 'a5')).toBe(1);
    store.applyOutcome('a0', outcome('committed', quorum, ['a5']));
    expect(store.trust('a0', 'a5')).toBe(0.874);
    expect(store.reputation('a5')).toBe(0.01);
  });

  it('penalises a tamperer at once, and only once though it is also an outlier', () => {
    const store = new TrustStore();
    store.applyOutcome('a0', outcome('committed', ['a0', 'a1', 'a2', 'a3', 'a4'], [], ['a6']));
    expect(store.reputation('a6')).toBe(0.72);
    expect(store.trust('a0', 'a6')).toBe(0.874);
    expect(store.axisTrust('a0', 'a6', 'behavioral')).toBe(0.748);
    expect(store.behaviorOf('a6').tampered).toBe(1);
  });

  it('penalises nobody but tamperers on an abort', () => {
    const store = new TrustStore();
    store.applyOutcome('a0', outcome('aborted', ['a1', 'a2'], ['a3', 'a4', 'a5'], ['a6']));
    expect(store.reputation('a1')).toBe(1);
    expect(store.reputation('a3')).toBe(1);
    expect(store.reputation('a6')).toBe(0.72);
    expect(store.coCommits('a1', 'a2')).toBe(0);
    expect(store.peerEncounters).toMatchObject({ a1: 1, a3: 1, a6: 1 });
  });
});

describe('TrustStore: snapshot and restore', () => {
  it('keeps ε at least 0.05 after restoring a warm store whose learned base ε is ≤ 0', () => {
    // Reference get_epsilon: 0 only when the caller's base is ≤ 0; otherwise the radius is
    // clamped to [0.05, 0.5] whatever the learned base ε.
    const warm = new TrustStore();
    warm.baseEpsilon = 0;
    warm.consensusTypeHistory = Array.from({ length: 20 }, () => 'genuine' as const);
    const store = new TrustStore();
    store.restore(warm.snapshot());
    expect(store.getEpsilon(0.15, 'a', 'b')).toBe(0.05);
    store.baseEpsilon = -0.1;
    for (let k = 0; k < 10; k++) store.recordCoCommit(['a', 'b']);
    // (−0.1 + 0.25/(1 + e^(−0.35·5)))·MULT, as Python computes it: 0.113 and 0.2034.
    expect(store.getEpsilon(0.15, 'a', 'b')).toBe(0.113);
    expect(store.getEpsilon(0.15, 'a', 'b', 'affective')).toBe(0.2034);
    expect(store.getEpsilon(0, 'a', 'b')).toBe(0);
  });

  it('round-trips every layer as plain JSON, deep-copied', () => {
    const store = new TrustStore();
    store.applyOutcome('a0', outcome('committed', ['a0', 'a1', 'a2', 'a3', 'a4'], ['a5'], ['a6']));
    store.pushSemantic('a0', [0.6, 0.8]);
    store.recordInvitation('a1');
    const snapshot = store.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    store.applyOutcome('a0', outcome('committed', ['a0', 'a1', 'a2', 'a3', 'a4'], ['a5']));
    store.pastSemantics('a0')[0]![0] = 9;
    expect(store.snapshot()).not.toEqual(snapshot);
    store.restore(snapshot);
    expect(store.snapshot()).toEqual(snapshot);
    snapshot.reputations.a1 = 99;
    expect(store.reputation('a1')).toBe(1.12);
  });

  it('gives back the data it took, values exact and peers in the order they were written', () => {
    const data = new TrustStore().data();
    data.reputations = { z9: 0.123456789, b: 1.5, a: 0.01 };
    data.trustRows = { me: { q: 2.0001, p: 1e-9 }, other: { me: 0.3 } };
    data.axisTrustRows = { me: { q: { affective: 1.25, semantic: 0.75 }, r: { behavioral: 0.5 } } };
    const store = new TrustStore();
    store.adopt(structuredClone(data));
    const back = store.data();
    expect(back).toEqual({ ...data, axisTrustRows: { me: { q: { semantic: 0.75, affective: 1.25 }, r: { behavioral: 0.5 } } } });
    expect(Object.keys(back.reputations)).toEqual(['z9', 'b', 'a']);
    expect(Object.keys(back.trustRows.me!)).toEqual(['q', 'p']);
    expect(store.trust('me', 'p')).toBe(1e-9);
    // A peer with no axis trust of its own falls back to the scalar trust, as before.
    expect(store.axisTrust('me', 'p', 'semantic')).toBe(1e-9);
    expect(store.axisTrust('me', 'r', 'semantic')).toBe(1);
    expect(store.hasTrustRow('other')).toBe(true);
    expect(store.hasAxisTrustRow('other')).toBe(false);
  });
});

function roundTo4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
