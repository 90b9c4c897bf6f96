import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit';
import { preset } from './presets';
import { runCouncilScenario, simulateCouncil } from './runCouncilScenario';

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
    expect(report.byzantine).toEqual([6]);
  });

  it('records every step in an audit chain that verifies', () => {
    const report = runCouncilScenario(preset('council-quarantine').scenario);
    expect(report.audit).toHaveLength(20);
    expect(report.audit.map((entry) => entry.eventType).slice(0, 10)).toEqual([
      'propose', 'vote', 'vote', 'vote', 'vote', 'vote', 'vote', 'vote', 'tally', 'execute',
    ]);
    expect(report.auditChain).toEqual({ valid: true, firstInvalid: null });
    expect(verifyChain(report.audit).valid).toBe(true);
  });

  it('stamps votes with the tick they reached the coordinator, after the proposal', () => {
    const report = runCouncilScenario(preset('council-quarantine').scenario);
    for (const proposal of report.proposals) {
      const proposedAt = report.audit.find((e) => e.eventType === 'propose' && e.proposalId === proposal.id)!.timestamp;
      const own = proposal.votes.find((vote) => vote.voterId === proposal.proposerId)!;
      expect(own.tick).toBe(proposedAt);
      for (const vote of proposal.votes) expect(vote.tick).toBeGreaterThanOrEqual(proposedAt);
      expect(proposal.votes.some((vote) => vote.tick > proposedAt)).toBe(true);
    }
  });

  it('detects a colluding bloc', () => {
    const report = runCouncilScenario(preset('council-bloc').scenario);
    expect(report.blocs).toContainEqual(['a6', 'a7', 'a8']);
    expect(report.agreement['a6']!['a8']).toBe(1);
  });

  it('is deterministic in the seed and changes with it', () => {
    const scenario = { ...preset('council-quarantine').scenario, rounds: 4 };
    const first = simulateCouncil(scenario);
    const again = simulateCouncil(scenario);
    expect(again.report.audit).toEqual(first.report.audit);
    expect(again.traceHash).toBe(first.traceHash);
    const other = simulateCouncil({ ...scenario, seed: scenario.seed + 1 });
    expect(other.report.audit.at(-1)!.hash).not.toBe(first.report.audit.at(-1)!.hash);
    expect(other.traceHash).not.toBe(first.traceHash);
  });

  it('leaves silent voters out of every vote and every proposer seat', () => {
    const report = runCouncilScenario({
      v: 1, seed: 1, protocol: 'council', n: 5, rounds: 3, faults: [{ kind: 'silent', agents: [0, 4] }],
    });
    expect(report.silent).toEqual([0, 4]);
    expect(report.proposals.map((proposal) => proposal.proposerId)).toEqual(['a1', 'a2', 'a3']);
    for (const proposal of report.proposals) {
      expect(proposal.votes.map((vote) => vote.voterId)).toEqual(['a1', 'a2', 'a3']);
    }
  });

  it('leaves out a proposal still open when the run hits maxTicks', () => {
    const report = runCouncilScenario({
      v: 1, seed: 1, protocol: 'council', n: 5, rounds: 2, maxTicks: 10, network: { latency: [20, 20] },
      council: { expiry: 100 },
    });
    expect(report.proposals).toEqual([]);
    expect(report.audit.map((entry) => entry.eventType)).toEqual(['propose', 'vote']);
  });

  it('refuses a ResonanceBFT scenario', () => {
    expect(() => runCouncilScenario({ v: 1, seed: 1, protocol: 'resonance', n: 4 })).toThrow(/council scenario/);
  });
});
