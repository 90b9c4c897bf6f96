import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit';
import { preset } from './presets';
import { runCouncilScenario } from './runCouncilScenario';

describe('runCouncilScenario', () => {
  it('approves quarantine and terminate with one Byzantine voter rejecting everything', () => {
    const report = runCouncilScenario(preset('council-quarantine').scenario);
    expect(report.proposals.map((p) => [p.action, p.tally.decision, p.executed])).toEqual([
      ['quarantine', 'approved', true],
      ['terminate', 'approved', true],
    ]);
    const [quarantine, terminate] = report.proposals;
    expect(quarantine!.tally.approveWeight).toBe(7);
    expect(quarantine!.tally.rejectWeight).toBe(1);
    expect(terminate!.tally.isCritical).toBe(true);
    expect(report.proposals.every((p) => p.votes.find((v) => v.voterId === 'a6')?.value === 'reject')).toBe(true);
  });

  it('records every step in an audit chain that verifies', () => {
    const report = runCouncilScenario(preset('council-quarantine').scenario);
    expect(report.audit.map((entry) => entry.eventType).slice(0, 10)).toEqual([
      'propose', 'vote', 'vote', 'vote', 'vote', 'vote', 'vote', 'vote', 'tally', 'execute',
    ]);
    expect(report.auditChain).toEqual({ valid: true, firstInvalid: null });
    expect(verifyChain(report.audit).valid).toBe(true);
  });

  it('detects a colluding bloc', () => {
    const report = runCouncilScenario(preset('council-bloc').scenario);
    expect(report.blocs).toContainEqual(['a6', 'a7', 'a8']);
    expect(report.agreement['a6']!['a8']).toBe(1);
  });

  it('is deterministic in the seed and changes with it', () => {
    const scenario = { ...preset('council-bloc').scenario };
    const first = runCouncilScenario(scenario);
    expect(runCouncilScenario(scenario).audit).toEqual(first.audit);
    const other = runCouncilScenario({ ...scenario, seed: scenario.seed + 1 });
    expect(other.audit.at(-1)!.hash).not.toBe(first.audit.at(-1)!.hash);
  });

  it('leaves silent voters out of every vote', () => {
    const report = runCouncilScenario({
      v: 1, seed: 1, protocol: 'council', n: 5, rounds: 3, faults: [{ kind: 'silent', agents: [0, 4] }],
    });
    for (const proposal of report.proposals) {
      expect(proposal.votes.map((vote) => vote.voterId)).toEqual(['a1', 'a2', 'a3']);
      expect(proposal.proposerId).not.toBe('a0');
    }
  });
});
