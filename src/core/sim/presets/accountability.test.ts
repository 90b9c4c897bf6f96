import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../engine/traceEvents';
import { parseScenario } from '../parseScenario';
import { runScenario, type ScenarioRun } from '../runScenario';
import type { Scenario } from '../scenario';
import { randomScenario, withAccountability } from '../hunt/randomScenario';
import { preset } from './index';

/** The accountability presets' paragraphs, claim by claim (SPEC §5 "Accountability"). */
const runs = new Map<string, ScenarioRun>();
function runOf(name: 'evidence-to-quarantine' | 'false-accusation'): ScenarioRun {
  if (!runs.has(name)) runs.set(name, runScenario(preset(name).scenario));
  return runs.get(name)!;
}
const eventsOf = (run: ScenarioRun) => run.trace as SimEvent[];
function only<K extends SimEvent['kind']>(run: ScenarioRun, kind: K): Extract<SimEvent, { kind: K }>[] {
  return eventsOf(run).filter((event): event is Extract<SimEvent, { kind: K }> => event.kind === kind);
}

describe('evidence-to-quarantine', () => {
  it('a4 submits an equivocation proof against a3 in round 1, built from records a3 signed', () => {
    const [proof, ...more] = only(runOf('evidence-to-quarantine'), 'proofSubmitted');
    expect(more).toEqual([]);
    expect(proof).toMatchObject({ accuser: 4, accused: 3, roundNo: 1, proofKind: 'equivocation' });
    expect(proof!.forged).toBeUndefined();
    const sealed = only(runOf('evidence-to-quarantine'), 'evaluationSealed').filter((e) => e.agent === 3 && e.roundNo === 1);
    expect(proof!.records.map((r) => r.commitment).sort()).toEqual(sealed.map((e) => e.commitment).sort());
    expect(proof!.holds).toBe(true);
    expect(proof!.records.map((r) => r.verifies)).toEqual([true, true]);
  });

  it('every voter checks the proof: six approve on the proof, a3 alone rejects', () => {
    const votes = only(runOf('evidence-to-quarantine'), 'accusationVoteCast');
    expect(votes).toHaveLength(7);
    for (const vote of votes) {
      if (vote.voter === 3) expect(vote).toMatchObject({ value: 'reject', basis: 'accused' });
      else expect(vote).toMatchObject({ value: 'approve', basis: 'proof', proofValid: true });
    }
    const [tally] = only(runOf('evidence-to-quarantine'), 'accusationTallied');
    expect(tally).toMatchObject({ decision: 'approved', approveCount: 6, rejectCount: 1, hashChainValid: true });
  });

  it('the quarantine executes in round 1 and honest replicas ignore a3 from round 2 on', () => {
    const run = runOf('evidence-to-quarantine');
    const [quarantine] = only(run, 'quarantineExecuted');
    expect(quarantine).toMatchObject({ accused: 3, accuser: 4, roundNo: 1, fromRound: 2 });
    const ignored = only(run, 'messageRejected').filter((e) => e.reason === 'sender is quarantined');
    expect(ignored.length).toBeGreaterThan(0);
    for (const round of run.summary.rounds) {
      expect(round.status).toBe('committed');
      if (round.round >= 2) expect(round.quorumAgents).not.toContain('a3');
      expect([round.n, round.f]).toEqual([7, 2]);
    }
    expect(run.summary.invariants.every((inv) => inv.ok)).toBe(true);
    expect(run.summary.accountability).toEqual({
      accusations: [expect.objectContaining({ accuser: 'a4', accused: 'a3', round: 1, decision: 'approved', forged: false })],
      quarantines: [expect.objectContaining({ agent: 'a3', by: 'a4', round: 1, fromRound: 2 })],
      auditChainValid: true,
    });
  });
});

describe('false-accusation', () => {
  it('a6 submits a forged proof against a2; every other voter finds it false and rejects', () => {
    const run = runOf('false-accusation');
    const [proof] = only(run, 'proofSubmitted');
    expect(proof).toMatchObject({ accuser: 6, accused: 2, forged: true, holds: false });
    expect(proof!.records.map((r) => r.verifies)).toEqual([false, false]);
    for (const vote of only(run, 'accusationVoteCast')) {
      if (vote.voter === 6) expect(vote).toMatchObject({ value: 'approve', basis: 'accuser' });
      else if (vote.voter === 2) expect(vote).toMatchObject({ value: 'reject', basis: 'accused' });
      else expect(vote).toMatchObject({ value: 'reject', basis: 'proof', proofValid: false });
    }
    const [tally] = only(run, 'accusationTallied');
    expect(tally).toMatchObject({ decision: 'rejected', approveCount: 1, rejectCount: 6, hashChainValid: true });
    expect(only(run, 'quarantineExecuted')).toEqual([]);
  });

  it('the audit chain records it, a2 keeps taking part, and honest stores lower a6 to 0.72', () => {
    const run = runOf('false-accusation');
    expect(run.summary.accountability!.auditChainValid).toBe(true);
    expect(run.summary.accountability!.quarantines).toEqual([]);
    expect(run.summary.rounds.some((round) => round.quorumAgents.includes('a2'))).toBe(true);
    const [penalty] = only(run, 'accuserPenalised');
    expect(penalty!.reputation.slice(0, 6)).toEqual([0.72, 0.72, 0.72, 0.72, 0.72, 0.72]);
    expect(run.summary.invariants.every((inv) => inv.ok)).toBe(true);
  });

  it('with the proof check off the same vote quarantines honest a2, and no-honest-quarantine turns red', () => {
    const base = preset('false-accusation').scenario;
    const unsafe: Scenario = { ...base, resonance: { ...base.resonance, unsafe: { proofCheck: 'off' } } };
    const run = runScenario(unsafe);
    expect(run.summary.accountability!.quarantines).toEqual([expect.objectContaining({ agent: 'a2', by: 'a6' })]);
    const monitor = run.summary.invariants.find((inv) => inv.name === 'no-honest-quarantine')!;
    expect(monitor.ok).toBe(false);
    expect(monitor.detail).toMatch(/honest a2 was quarantined/);
    expect(only(run, 'invariantViolated').map((e) => e.name)).toContain('no-honest-quarantine');
  });
});

describe('accountability in the schema', () => {
  const base = { v: 1, seed: 1, protocol: 'resonance', n: 4 };

  it('is off by default, and then neither lists its monitor nor adds a summary section', () => {
    const run = runScenario({ ...base, rounds: 1 } as Scenario);
    expect(run.summary.invariants.map((inv) => inv.name)).not.toContain('no-honest-quarantine');
    expect(run.summary.accountability).toBeUndefined();
  });

  it('rejects an accuse fault and the proof-check switch without accountability, naming the field', () => {
    const accuse = parseScenario({ ...base, faults: [{ kind: 'accuse', agents: [1], victim: 2 }] });
    expect(accuse.ok ? '' : accuse.error.message).toMatch(/^faults\[0\]\.kind: .*accountability/);
    const unchecked = parseScenario({ ...base, resonance: { unsafe: { proofCheck: 'off' } } });
    expect(unchecked.ok ? '' : unchecked.error.message).toMatch(/^resonance\.unsafe\.proofCheck: /);
  });

  it('rejects an accuser that accuses itself, a missing victim and a non-boolean switch', () => {
    const on = { resonance: { accountability: true } };
    const self = parseScenario({ ...base, ...on, faults: [{ kind: 'accuse', agents: [1], victim: 1 }] });
    expect(self.ok ? '' : self.error.message).toMatch(/^faults\[0\]\.victim: agent 1 is one of the accusers/);
    const missing = parseScenario({ ...base, ...on, faults: [{ kind: 'accuse', agents: [1] }] });
    expect(missing.ok ? '' : missing.error.message).toMatch(/^faults\[0\]\.victim/);
    const wrong = parseScenario({ ...base, resonance: { accountability: 'yes' } });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/^resonance\.accountability: /);
  });
});

describe('a quarantine approved by too few voters', () => {
  it('is withheld when drops leave the forger\'s approval tying the accused\'s rejection (hunt seed 877)', () => {
    const run = runScenario(withAccountability(randomScenario(877)).scenario);
    const [tally] = only(run, 'accusationTallied');
    expect(tally).toMatchObject({ decision: 'approved', approveCount: 1, rejectCount: 1 });
    expect(only(run, 'quarantineWithheld')).toEqual([
      expect.objectContaining({ accuser: 1, accused: 0, approveCount: 1, approversNeeded: 2 }),
    ]);
    expect(only(run, 'quarantineExecuted')).toEqual([]);
    expect(only(run, 'accuserPenalised')).toHaveLength(1);
  });
});
