import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCodec } from '../../../cli/nodeCodec';
import { initFastCrypto } from '../../crypto';
import { preset } from '../presets';
import { runScenario } from '../runScenario';
import { parseSweep } from './parseSweep';
import { decodeSweepLink } from './sweepLink';
import { metricNames, sweepMetrics } from './sweepMetrics';

describe('sweepMetrics', () => {
  beforeAll(async () => {
    await initFastCrypto();
  });

  it('reads a ResonanceBFT run: every round committed, no Council numbers', () => {
    const metrics = sweepMetrics(runScenario(preset('byzantine-tamper').scenario));
    expect(Object.keys(metrics)).toEqual([...metricNames]);
    expect(metrics).toMatchObject({
      decided: 1, committed: 5, viewChangesPerRound: 0, anyInvariantRed: 0, approvals: null, criticalApprovals: null,
    });
    expect(metrics.ticksToCommit).toBeGreaterThan(0);
    expect(metrics.opinionClusters).toBeGreaterThanOrEqual(1);
    expect(metrics.trustInFaulty).toBeGreaterThanOrEqual(0);
  });

  it('reads a Council run: approvals, critical approvals, and n/a for the rounds of ResonanceBFT', () => {
    const run = runScenario(preset('council-bloc').scenario);
    const metrics = sweepMetrics(run);
    const approved = run.summary.council!.proposals.filter((p) => p.decision === 'approved');
    expect(metrics.approvals).toBe(approved.length);
    expect(metrics.criticalApprovals).toBe(approved.filter((p) => p.action === 'terminate' || p.action === 'escalate').length);
    expect(metrics).toMatchObject({ committed: null, ticksToCommit: null, opinionClusters: null, 'consensus.genuine': null });
  });

  it('marks the red invariant of an unsafe run', () => {
    const metrics = sweepMetrics(runScenario(preset('unsafe-2f1-fork').scenario));
    expect(metrics).toMatchObject({ anyInvariantRed: 1, 'invariant.agreement': 1, 'invariant.validity': 0 });
  });
});

describe('hostile sweep input', () => {
  it('never throws on random values, text or links, and leaves Object.prototype alone', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), async (input) => {
      expect(parseSweep(input).ok).toBe(false);
      const link = typeof input === 'string' ? `#x=1.${input}` : input;
      expect((await decodeSweepLink(link, nodeCodec)).ok).toBe(false);
    }), { numRuns: 200 });
    expect(Object.prototype).not.toHaveProperty('v');
  });
});
