import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../audit';
import { parseScenario } from '../parseScenario';
import { preset } from '../presets';
import { simulateCouncil, type CouncilSimulation } from '../runCouncilScenario';
import { runScenario } from '../runScenario';
import { withDefaults, type Scenario } from '../scenario';
import { CouncilEngine } from './CouncilEngine';
import type { SimEvent, SimEventKind } from './traceEvents';
import { checkProperty } from '../../../testing/checkProperty';

const base: Scenario = { v: 1, seed: 5, protocol: 'council', n: 7, rounds: 3 };

function eventsOf<K extends SimEventKind>(sim: CouncilSimulation, kind: K): Extract<SimEvent, { kind: K }>[] {
  return sim.events.filter((event): event is Extract<SimEvent, { kind: K }> => event.kind === kind);
}

const failed = (sim: CouncilSimulation) => sim.invariants.filter((inv) => !inv.ok).map((inv) => inv.name);

/** Runs a fast-check property with a printed seed: set FC_SEED to replay a failure. */

const councilFaultKinds = ['silent', 'equivocate', 'biased', 'garble', 'impersonate', 'bloc'] as const;

/** Council scenarios with at most f faulty agents, each with one fault of a council kind. */
const councilScenario: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.nat(1000),
    n: fc.integer({ min: 4, max: 10 }),
    rounds: fc.integer({ min: 1, max: 3 }),
    latencyMin: fc.integer({ min: 1, max: 3 }),
    latencySpan: fc.nat(4),
    drop: fc.constantFrom(0, 0.1, 0.3),
    expiry: fc.constantFrom(0, 0, 4, 20),
    kinds: fc.array(fc.constantFrom(...councilFaultKinds), { maxLength: 3 }),
  })
  .map((r) => {
    const f = Math.floor((r.n - 1) / 3);
    const faults = r.kinds.slice(0, f).map((kind, i) => {
      const agents = [r.n - 1 - i];
      if (kind === 'impersonate') return { kind, agents, victim: 0 };
      if (kind === 'garble') return { kind, agents, rate: 0.5 };
      return { kind, agents };
    });
    const parsed = parseScenario({
      v: 1, seed: r.seed, protocol: 'council', n: r.n, rounds: r.rounds, faults,
      network: { latency: [r.latencyMin, r.latencyMin + r.latencySpan], drop: r.drop },
      council: { expiry: r.expiry },
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  });

describe('CouncilEngine', () => {
  it('approves both council-quarantine proposals over one Byzantine voter, chain intact', () => {
    const sim = simulateCouncil(preset('council-quarantine').scenario);
    const tallies = eventsOf(sim, 'councilTallied');
    expect(tallies.map((t) => [t.proposalId, t.decision, t.approveWeight, t.rejectWeight, t.trigger])).toEqual([
      ['prop-0001', 'approved', 7, 1, 'all-votes'],
      ['prop-0002', 'approved', 7, 1, 'all-votes'],
    ]);
    expect(eventsOf(sim, 'councilExecuted')).toHaveLength(2);
    expect(sim.report.auditChain).toEqual({ valid: true, firstInvalid: null });
    expect(failed(sim)).toEqual([]);
  });

  it('detects the council-bloc colluders as a bloc that always votes together', () => {
    const sim = simulateCouncil(preset('council-bloc').scenario);
    expect(sim.report.blocs).toContainEqual(['a6', 'a7', 'a8']);
    const blocVotes = eventsOf(sim, 'councilVoteCast').filter((vote) => vote.agent >= 6);
    for (const roundNo of new Set(blocVotes.map((vote) => vote.roundNo))) {
      expect(new Set(blocVotes.filter((vote) => vote.roundNo === roundNo).map((vote) => vote.value)).size).toBe(1);
    }
  });

  it('sends every proposal and vote as a message with its send and delivery ticks', () => {
    const sim = simulateCouncil(base);
    const sent = eventsOf(sim, 'messageSent');
    expect(new Set(sent.map((message) => message.type))).toEqual(new Set(['CP', 'CV']));
    for (const message of sent) {
      expect(message.view).toBe(0);
      if (message.deliverAt !== null) expect(message.deliverAt).toBeGreaterThan(message.t);
      else expect(message.lost).toBeDefined();
    }
    // Each proposal goes to the six others; each non-proposer answers with one vote.
    expect(sent.filter((m) => m.type === 'CP')).toHaveLength(3 * 6);
    expect(sent.filter((m) => m.type === 'CV')).toHaveLength(3 * 6);
  });

  it('never hears from a silent voter, and tallies at the deadline without it', () => {
    const sim = simulateCouncil({ ...base, faults: [{ kind: 'silent', agents: [0, 4] }] });
    expect(eventsOf(sim, 'councilVoteCast').some((vote) => vote.agent === 0 || vote.agent === 4)).toBe(false);
    expect(eventsOf(sim, 'messageSent').some((m) => m.from === 0 || m.from === 4)).toBe(false);
    expect(eventsOf(sim, 'councilTallied').every((t) => t.trigger === 'deadline')).toBe(true);
    for (const proposal of sim.report.proposals) {
      expect(proposal.votes.map((vote) => vote.voterId)).toEqual(['a1', 'a2', 'a3', 'a5', 'a6']);
      expect(['a0', 'a4']).not.toContain(proposal.proposerId);
    }
  });

  it('rejects garbled votes on their signature, and counts the rest', () => {
    const sim = simulateCouncil({ ...base, faults: [{ kind: 'garble', agents: [3], rate: 1 }] });
    const garbled = eventsOf(sim, 'messageSent').filter((m) => m.garbled);
    expect(garbled.length).toBeGreaterThan(0);
    expect(garbled.every((m) => m.from === 3)).toBe(true);
    const rejected = eventsOf(sim, 'councilVoteRejected');
    expect(rejected.map((r) => r.voter)).toEqual([3, 3, 3]);
    expect(rejected.every((r) => /signature does not verify under a3's key/.test(r.reason))).toBe(true);
    expect(sim.report.proposals.every((p) => p.votes.every((vote) => vote.voterId !== 'a3'))).toBe(true);
  });

  it('rejects a garbled proposal, so its recipients do not vote on it', () => {
    const sim = simulateCouncil({ ...base, rounds: 1, faults: [{ kind: 'garble', agents: [0], rate: 1 }] });
    const rejected = eventsOf(sim, 'messageRejected');
    expect(rejected).toHaveLength(6);
    expect(rejected.every((r) => /proposal's signature does not verify under a0's key/.test(r.reason))).toBe(true);
    expect(sim.report.proposals[0]!.votes.map((vote) => vote.voterId)).toEqual(['a0']);
    expect(sim.report.proposals[0]!.tally.decision).toBe('no_quorum');
  });

  it('rejects a vote sent under a victim\'s id and signed with the impersonator\'s key', () => {
    const sim = simulateCouncil({ ...base, faults: [{ kind: 'impersonate', agents: [2], victim: 5 }] });
    const forged = eventsOf(sim, 'councilVoteCast').filter((vote) => vote.fault === 'impersonate');
    expect(forged).toHaveLength(3);
    expect(forged.every((vote) => vote.agent === 2 && vote.voter === 5)).toBe(true);
    const rejected = eventsOf(sim, 'councilVoteRejected');
    expect(rejected).toHaveLength(3);
    expect(rejected.every((r) => r.voter === 5 && /does not verify under a5's key/.test(r.reason))).toBe(true);
    // The victim's own vote still counts.
    expect(sim.report.proposals.every((p) => p.votes.some((vote) => vote.voterId === 'a5'))).toBe(true);
  });

  it('convicts an equivocating voter with a certificate per proposal that verifies', () => {
    const sim = simulateCouncil({ ...base, faults: [{ kind: 'equivocate', agents: [3] }] });
    const cast = eventsOf(sim, 'councilVoteCast').filter((vote) => vote.agent === 3);
    expect(cast.map((vote) => vote.value)).toEqual(['approve', 'reject', 'approve', 'reject', 'approve', 'reject']);
    const certificates = eventsOf(sim, 'certificateFound');
    expect(certificates.map((c) => [c.accused, c.roundId, c.valid])).toEqual([
      [3, 'prop-0001', true],
      [3, 'prop-0002', true],
      [3, 'prop-0003', true],
    ]);
    // Each shows the two conflicting signed votes, both verifying under a3's key.
    for (const certificate of certificates) {
      expect(certificate.records.map((record) => record.says.split(' ')[0])).toEqual(['approve', 'reject']);
      expect(certificate.records.every((record) => record.verifies)).toBe(true);
    }
    // The coordinator recorded exactly one of the two votes.
    expect(eventsOf(sim, 'councilVoteRecorded').filter((vote) => vote.voter === 3)).toHaveLength(3);
    expect(failed(sim)).toEqual([]);
    expect(runScenario({ ...base, faults: [{ kind: 'equivocate', agents: [3] }] }).summary.certificates).toEqual([
      { kind: 'equivocation', agent: 'a3', round: 1, valid: true },
      { kind: 'equivocation', agent: 'a3', round: 2, valid: true },
      { kind: 'equivocation', agent: 'a3', round: 3, valid: true },
    ]);
  });

  it('breaks integrity at the tampered index when a tamper-audit action edits an entry', () => {
    const sim = simulateCouncil({ ...base, actions: [{ tick: 12, do: 'tamper-audit', index: 3 }] });
    expect(eventsOf(sim, 'auditTampered')).toEqual([
      { t: 12, kind: 'auditTampered', index: 3, agent: null, applied: true, firstInvalid: 3 },
    ]);
    expect(sim.report.auditChain).toEqual({ valid: false, firstInvalid: 3 });
    expect(verifyChain(sim.report.audit)).toEqual({ valid: false, firstInvalid: 3 });
    const integrity = sim.invariants.find((inv) => inv.name === 'integrity')!;
    expect(integrity.ok).toBe(false);
    expect(integrity.detail).toContain('entry 3');
    expect(eventsOf(sim, 'invariantViolated')).toHaveLength(1);
    // Tallies after the tamper see the broken chain.
    expect(eventsOf(sim, 'councilTallied').filter((t) => t.t > 12).every((t) => !t.hashChainValid)).toBe(true);
  });

  it('records a tamper-audit of an entry that does not exist yet as not applied', () => {
    const sim = simulateCouncil({ ...base, actions: [{ tick: 0, do: 'tamper-audit', index: 50, agent: 2 }] });
    expect(eventsOf(sim, 'auditTampered')).toEqual([
      { t: 0, kind: 'auditTampered', index: 50, agent: 2, applied: false, firstInvalid: null },
    ]);
    expect(failed(sim)).toEqual([]);
  });

  it('expires a proposal whose votes are slower than its expiry, as the core rules say', () => {
    const sim = simulateCouncil({ ...base, network: { latency: [5, 8] }, council: { expiry: 6 } });
    expect(eventsOf(sim, 'councilExpired')).toHaveLength(3);
    for (const proposal of sim.report.proposals) {
      expect(proposal.tally.decision).toBe('no_quorum');
      expect(proposal.executed).toBe(false);
    }
    const first = eventsOf(sim, 'councilProposed')[0]!;
    expect(first.expiresAt).toBe(6);
    expect(eventsOf(sim, 'councilTallied')[0]!.t).toBe(7);
    expect(eventsOf(sim, 'councilVoteRejected').some((r) => /expired, not open/.test(r.reason))).toBe(true);
    expect(sim.report.audit.filter((entry) => entry.eventType === 'expired')).toHaveLength(3);
  });

  it('decides normally when the votes beat the expiry', () => {
    const sim = simulateCouncil({ ...base, council: { expiry: 50 } });
    expect(eventsOf(sim, 'councilExpired')).toHaveLength(0);
    expect(eventsOf(sim, 'councilTallied').every((t) => t.trigger === 'all-votes')).toBe(true);
  });

  it('blocks votes across a partition until it heals', () => {
    const scenario: Scenario = { ...base, network: { partitions: [{ groups: [[0, 1, 2, 3]], from: 0, healAt: 12 }] } };
    const sim = simulateCouncil(scenario);
    const side = (agent: number) => (agent <= 3 ? 0 : 1);
    for (const message of eventsOf(sim, 'messageSent')) {
      if (side(message.from) !== side(message.to)) expect(message.lost === 'partition').toBe(message.t < 12);
    }
    const [first, , last] = sim.report.proposals;
    expect(first!.votes.map((vote) => vote.voterId)).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(last!.votes).toHaveLength(7);
    expect(eventsOf(sim, 'councilTallied')[0]!.trigger).toBe('deadline');
  });

  it('loses the votes sent to a crashed coordinator and still tallies at the deadline', () => {
    const sim = simulateCouncil({ ...base, actions: [{ tick: 1, do: 'crash', agent: 0 }] });
    expect(eventsOf(sim, 'agentCrashed')).toEqual([{ t: 1, kind: 'agentCrashed', agent: 0 }]);
    expect(sim.report.proposals[0]!.votes.map((vote) => vote.voterId)).toEqual(['a0']);
    expect(sim.report.proposals[0]!.tally.decision).toBe('no_quorum');
    expect(sim.report.proposals.slice(1).every((p) => p.proposerId !== 'a0')).toBe(true);
  });

  it('waits for an agent to come back when every agent is down, and stalls if none ever does', () => {
    const waking = simulateCouncil({ ...base, rounds: 1, faults: [{ kind: 'silent', agents: [0, 1, 2, 3, 4, 5, 6], until: 30 }] });
    expect(eventsOf(waking, 'councilProposed').map((p) => [p.t, p.agent])).toEqual([[30, 0]]);
    const dead = simulateCouncil({ ...base, rounds: 1, faults: [{ kind: 'silent', agents: [0, 1, 2, 3, 4, 5, 6] }] });
    expect(dead.events).toEqual([{ t: 0, kind: 'runEnded', reason: 'stalled', commits: 0, viewChanges: 0 }]);
    expect(dead.report.proposals).toEqual([]);
  });

  it('drops the next message of an agent on a drop-next action', () => {
    const sim = simulateCouncil({ ...base, rounds: 1, actions: [{ tick: 0, do: 'drop-next', agent: 0 }] });
    const lost = eventsOf(sim, 'messageSent').filter((m) => m.lost === 'manual');
    expect(lost.map((m) => [m.from, m.to, m.type])).toEqual([[0, 1, 'CP']]);
    expect(sim.report.proposals[0]!.votes.some((vote) => vote.voterId === 'a1')).toBe(false);
  });

  it('gives the same trace hash for the same scenario and a different one for another seed', () => {
    const scenario = preset('council-bloc').scenario;
    const hash = simulateCouncil(scenario).traceHash;
    expect(simulateCouncil(scenario).traceHash).toBe(hash);
    expect(simulateCouncil({ ...scenario, seed: scenario.seed + 1 }).traceHash).not.toBe(hash);
  });

  it('steps to a tick and resumes to the same trace as one run', () => {
    const scenario = withDefaults(preset('council-bloc').scenario);
    const whole = new CouncilEngine(scenario).run();
    const stepped = new CouncilEngine(scenario);
    for (let tick = 0; !stepped.done; tick += 7) stepped.runUntil(tick);
    expect(stepped.result().traceHash).toBe(whole.traceHash);
  });

  it('over random scenarios with up to f faults: every round tallied, no forged or garbled vote counted', () => {
    checkProperty(
      fc.property(councilScenario, (scenario) => {
        const sim = simulateCouncil(scenario);
        expect(sim.events.at(-1)).toMatchObject({ kind: 'runEnded', reason: 'completed' });
        expect(eventsOf(sim, 'councilTallied')).toHaveLength(scenario.rounds!);
        const garbled = new Set(eventsOf(sim, 'messageSent').filter((m) => m.garbled).map((m) => m.id));
        const cast = new Set(eventsOf(sim, 'councilVoteCast').filter((v) => v.agent === v.voter).map((v) => `${v.proposalId}:${v.voter}:${v.value}`));
        for (const vote of eventsOf(sim, 'councilVoteRecorded')) {
          expect(vote.id === null || !garbled.has(vote.id)).toBe(true);
          expect(cast.has(`${vote.proposalId}:${vote.voter}:${vote.value}`)).toBe(true);
        }
        expect(failed(sim)).toEqual([]);
        expect(verifyChain(sim.report.audit).valid).toBe(true);
        expect(simulateCouncil(scenario).traceHash).toBe(sim.traceHash);
      }),
      12,
    );
  });

  it('ends the trace with runEnded, counting executed proposals', () => {
    const sim = simulateCouncil(preset('council-quarantine').scenario);
    expect(sim.events.at(-1)).toMatchObject({ kind: 'runEnded', reason: 'completed', commits: 2, viewChanges: 0 });
  });
});
