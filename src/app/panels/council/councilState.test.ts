import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { simulateCouncil } from '../../../core/sim/runCouncilScenario';
import type { SimEvent } from '../../../worker/api';
import { auditAt, councilAt, lastTallyTick } from './councilState';

const run = simulateCouncil(preset('council-quarantine').scenario);
const firstTally = run.events.find((event) => event.kind === 'councilTallied')!;
const firstProposal = run.events.find((event) => event.kind === 'councilProposed')!;

describe('councilAt', () => {
  it('shows a proposal only from the tick it was made', () => {
    expect(councilAt(run.events, firstProposal.t - 1, run.report.weights)).toEqual([]);
    const [proposal] = councilAt(run.events, firstProposal.t, run.report.weights);
    expect(proposal).toMatchObject({ id: 'prop-0001', action: 'quarantine', decision: 'pending', decidedTick: null });
  });

  it('fills the tally with the recorded votes, weighted, before any decision', () => {
    const [proposal] = councilAt(run.events, firstTally.t - 1, run.report.weights);
    const recorded = run.events.filter(
      (e) => e.kind === 'councilVoteRecorded' && e.proposalId === 'prop-0001' && e.t < firstTally.t,
    );
    expect(proposal!.decision).toBe('pending');
    expect(proposal!.votes).toHaveLength(recorded.length);
    const weight = (voter: number) => run.report.weights[voter]!;
    const approve = proposal!.votes.filter((vote) => vote.value === 'approve').reduce((sum, v) => sum + weight(v.voter), 0);
    expect(proposal!.tally.approveWeight).toBe(approve);
    expect(proposal!.tally.quorumRequired).toBe(run.report.proposals[0]!.tally.quorumRequired);
  });

  it('takes the decision and the counts from the tally event once the cursor reaches it', () => {
    const proposals = councilAt(run.events, run.report.ticks, run.report.weights);
    expect(proposals.map((p) => p.decision)).toEqual(run.report.proposals.map((p) => p.tally.decision));
    expect(proposals[0]!.tally).toMatchObject({
      approveWeight: run.report.proposals[0]!.tally.approveWeight,
      rejectWeight: run.report.proposals[0]!.tally.rejectWeight,
    });
    expect(proposals[0]).toMatchObject({ executed: true, quorumMet: true, decidedTick: firstTally.t });
  });
});

describe('auditAt', () => {
  it('shows each entry from its tick', () => {
    const at = auditAt(run.events, firstTally.t - 1);
    expect(at.entries.length).toBeGreaterThan(0);
    expect(at.entries.length).toBeLessThan(run.report.audit.length);
    expect(at.entries.every((entry) => entry.timestamp < firstTally.t)).toBe(true);
  });

  it('turns the chain broken only from the tampering tick on', () => {
    const tampered: SimEvent = { t: 9, kind: 'auditTampered', index: 3, agent: null, applied: true, firstInvalid: 3 };
    const events = [...run.events.filter((e) => e.t < 9), tampered, ...run.events.filter((e) => e.t >= 9)];
    expect(auditAt(events, 8).firstInvalid).toBeNull();
    expect(auditAt(events, 9)).toMatchObject({ firstInvalid: 3, tamperedTick: 9 });
  });

  it('ignores a tampering that found no entry to edit', () => {
    const missed: SimEvent = { t: 0, kind: 'auditTampered', index: 99, agent: null, applied: false, firstInvalid: null };
    expect(auditAt([missed], 5).firstInvalid).toBeNull();
  });

  it('shows the whole chain at the end, entry for entry as the ledger appended it', () => {
    expect(auditAt(run.events, run.report.ticks).entries).toEqual(run.report.audit);
  });

  it('keeps an entry as appended when it is tampered with later (the report holds the edit)', () => {
    const tampered = simulateCouncil({
      ...preset('council-quarantine').scenario, actions: [{ tick: 9, do: 'tamper-audit', index: 1 }],
    });
    const before = auditAt(tampered.events, 8);
    expect(before.entries[1]).toEqual(run.report.audit[1]);
    expect(tampered.report.audit[1]).not.toEqual(run.report.audit[1]);
    expect(auditAt(tampered.events, tampered.report.ticks).firstInvalid).toBe(1);
  });
});

describe('lastTallyTick', () => {
  it('is the tick of the run’s last tally, after which blocs are shown', () => {
    const tallies = run.events.filter((event) => event.kind === 'councilTallied');
    expect(lastTallyTick(run.events)).toBe(tallies.at(-1)!.t);
    expect(lastTallyTick([])).toBeNull();
  });
});
