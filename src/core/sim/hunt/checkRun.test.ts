import { describe, expect, it } from 'vitest';
import type { ScenarioRun } from '../runScenario';
import type { Scenario } from '../scenario';
import { checkRun, quarantineLiveness } from './checkRun';
import type { HuntScenario } from './randomScenario';

const base: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 4, rounds: 2 };

function hunt(network: Scenario['network'] = {}): HuntScenario {
  const drops = (network.drop ?? 0) > 0;
  return { scenario: { ...base, network }, drops, healing: (network.partitions ?? []).length > 0 };
}

/** A run as `runScenario` reports it, reduced to what the verdict reads. */
function run(statuses: string[], reason: string, red: { name: string; detail: string }[] = []) {
  const invariants = ['agreement', 'validity', 'certified-commits'].map((name) => {
    const failed = red.find((item) => item.name === name);
    return { name, ok: failed === undefined, detail: failed?.detail ?? 'fine' };
  });
  const rounds = statuses.map((status, index) => ({ round: index + 1, status }));
  const summary = { traceHash: 'abc', ticks: 99, rounds, invariants };
  return { summary, trace: [{ kind: 'runEnded', reason }] } as unknown as ScenarioRun;
}

describe('checkRun', () => {
  it('passes a run that decided every round and completed', () => {
    const verdict = checkRun(hunt(), run(['committed', 'committed'], 'completed'));
    expect(verdict).toEqual({
      violations: [], roundsDecided: 2, rounds: 2, drops: false, healing: false, traceHash: 'abc',
    });
  });

  it('counts a round decided as "no agreement" as decided', () => {
    const verdict = checkRun(hunt(), run(['no-agreement', 'committed'], 'completed'));
    expect(verdict.violations).toEqual([]);
    expect(verdict.roundsDecided).toBe(2);
  });

  it('reports every red invariant with its detail', () => {
    const red = [{ name: 'agreement', detail: 'round 1: a1 committed a2 but a3 committed a0' }];
    const verdict = checkRun(hunt(), run(['committed', 'committed'], 'completed', red));
    expect(verdict.violations).toEqual([{ invariant: 'agreement', detail: red[0]!.detail }]);
  });

  it('reports liveness when a round is undecided with no drops and a healed partition', () => {
    const partitions = [{ groups: [[0]], from: 3, healAt: 40 }];
    const verdict = checkRun(hunt({ partitions }), run(['committed', 'aborted'], 'stalled'));
    expect(verdict.violations).toEqual([
      { invariant: 'liveness', detail: 'round 2 undecided (1/2); the run ended stalled at tick 99' },
    ]);
    expect(verdict.healing).toBe(true);
  });

  it('reports liveness when every round is decided but the run did not complete', () => {
    const verdict = checkRun(hunt(), run(['committed', 'committed'], 'stalled'));
    expect(verdict.violations.map((v) => v.invariant)).toEqual(['liveness']);
  });

  it('only counts undecided rounds when the network drops messages', () => {
    const verdict = checkRun(hunt({ drop: 0.1 }), run(['committed', 'aborted'], 'stalled'));
    expect(verdict).toMatchObject({ violations: [], roundsDecided: 1, rounds: 2, drops: true });
  });

  it('does not judge liveness while a partition never heals', () => {
    const partitions = [{ groups: [[0]], from: 3 }];
    const verdict = checkRun(hunt({ partitions }), run(['aborted', 'aborted'], 'stalled'));
    expect(verdict.violations).toEqual([]);
  });
});

describe('quarantineLiveness', () => {
  const accountable = (network: Scenario['network'] = {}): HuntScenario => {
    const h = hunt(network);
    return { ...h, scenario: { ...h.scenario, resonance: { accountability: true } } };
  };
  const proof = { t: 5, kind: 'proofSubmitted', accuser: 1, accused: 2, proposalId: 'prop-0001', holds: true, deadline: 20 };
  const withTrace = (events: object[], ticks = 99) =>
    ({ summary: { ticks }, trace: events }) as unknown as ScenarioRun;

  it('passes a holding proof whose quarantine executed by its deadline', () => {
    const executed = { t: 12, kind: 'quarantineExecuted', accused: 2, proposalId: 'prop-0001', fromRound: 2 };
    expect(quarantineLiveness(accountable(), withTrace([proof, executed]))).toEqual([]);
  });

  it('reports a holding proof whose vote failed or never came', () => {
    const rejected = { t: 18, kind: 'accusationTallied', proposalId: 'prop-0001', decision: 'no_quorum' };
    const [failed] = quarantineLiveness(accountable(), withTrace([proof, rejected]));
    expect(failed).toMatchObject({ invariant: 'quarantine-liveness' });
    expect(failed!.detail).toContain('tallied no_quorum at tick 18; its deadline was tick 20');
    expect(quarantineLiveness(accountable(), withTrace([proof]))[0]!.detail).toContain('never tallied');
  });

  it('judges neither a forged proof, nor a deadline past the run, nor a lossy or split network', () => {
    const empty = withTrace([proof]);
    expect(quarantineLiveness(accountable(), withTrace([{ ...proof, holds: false }]))).toEqual([]);
    expect(quarantineLiveness(accountable(), withTrace([proof], 15))).toEqual([]);
    expect(quarantineLiveness(accountable({ drop: 0.1 }), empty)).toEqual([]);
    const split = { partitions: [{ groups: [[0]], from: 0, healAt: 9 }] };
    expect(quarantineLiveness(accountable(split), empty)).toEqual([]);
    expect(quarantineLiveness(hunt(), empty)).toEqual([]);
  });
});
