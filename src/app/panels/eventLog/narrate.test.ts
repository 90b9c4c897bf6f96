import { describe, expect, it } from 'vitest';
import { preset, type PresetName } from '../../../core/sim/presets';
import { runScenario } from '../../../core/sim/runScenario';
import type { Scenario, SimEvent } from '../../../worker/api';
import { narrate, quote, shortCommitment } from './narrate';

function traceOf(name: PresetName, actions: Scenario['actions'] = []): SimEvent[] {
  const scenario = preset(name).scenario;
  // The headless runner types its trace as unknown[]; it is the engine's SimEvent list.
  const run = runScenario({ ...scenario, actions: [...(scenario.actions ?? []), ...actions] });
  return run.trace as SimEvent[];
}

const equivocation = traceOf('equivocation');
const traces: Record<string, SimEvent[]> = {
  'crash-leader (with a manual crash and restart)': traceOf('crash-leader', [
    { tick: 5, do: 'crash', agent: 3 },
    { tick: 20, do: 'restart', agent: 3 },
  ]),
  equivocation,
  'unsafe-mean': traceOf('unsafe-mean'),
  'council-bloc (with a tamper-audit action)': traceOf('council-bloc', [{ tick: 40, do: 'tamper-audit', index: 0 }]),
};

describe('narrate on real traces', () => {
  for (const [name, trace] of Object.entries(traces)) {
    it(`tells every event of ${name} in a sentence without undefined or NaN`, () => {
      for (const event of trace) {
        const narration = narrate(event);
        if (event.kind === 'deliberationStep') {
          expect(narration).toBeNull();
          continue;
        }
        expect(narration, event.kind).not.toBeNull();
        expect(narration!.text.length, event.kind).toBeGreaterThan(8);
        expect(narration!.text, JSON.stringify(event)).not.toMatch(/undefined|NaN|null|\[object/);
        expect(narration!.agents.every(Number.isInteger)).toBe(true);
      }
    });
  }

  it('covers the kinds the brief names, across the four traces', () => {
    const kinds = new Set(Object.values(traces).flatMap((trace) => trace.map((event) => event.kind)));
    for (const kind of ['roundProposed', 'evaluationSealed', 'roundResolved', 'voteCast', 'locked', 'committed',
      'timedOut', 'viewChanged', 'agentCrashed', 'agentRestarted', 'invariantViolated', 'runEnded',
      'councilProposed', 'councilTallied', 'auditTampered'] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('hides messages sent by default and lists everything else', () => {
    const sent = equivocation.find((event) => event.kind === 'messageSent')!;
    expect(narrate(sent)!.important).toBe(false);
    const committed = equivocation.find((event) => event.kind === 'committed')!;
    expect(narrate(committed)!.important).toBe(true);
  });
});

describe('narrate, sentence by sentence', () => {
  const text = (event: SimEvent) => narrate(event)!.text;

  it('names the leader, view, round and topic of a proposal', () => {
    expect(text({ t: 12, kind: 'roundProposed', agent: 0, roundNo: 2, view: 1, roundId: 'r', topic: 'caching' }))
      .toBe('a0 (leader of view 1) proposed round 2 on the caching change');
  });

  it('quotes the sealed evaluation in the agent’s own words, shortened', () => {
    const event: SimEvent = {
      t: 3, kind: 'evaluationSealed', agent: 3, roundNo: 1, view: 0,
      commitment: 'sha256:3f2a9c1e00000000000000000000000000000000000000000000000000009c1e',
      text: 'I definitely support the caching change.',
    };
    expect(text(event)).toBe('a3 sealed its evaluation (sha256:3f2a…) and signed it: “I definitely support the caching change.”');
  });

  it('keeps user text as plain text, markup included, and cuts long text', () => {
    const hostile = '<img src=x onerror="alert(1)"> I agree';
    const event: SimEvent = {
      t: 3, kind: 'evaluationSealed', agent: 1, roundNo: 1, view: 0, commitment: 'sha256:abcdef0123456789', text: hostile,
    };
    expect(text(event)).toContain(`“${hostile}”`);
    expect(quote('x'.repeat(200))).toHaveLength(82);
    expect(quote('two\nlines')).toBe('“two lines”');
    expect(shortCommitment('sha256:abc')).toBe('sha256:abc');
  });

  it('states the outcome, quorum and tampered agents of a resolved round', () => {
    expect(text({
      t: 9, kind: 'roundResolved', agent: 5, roundNo: 1, view: 0, status: 'committed', quorumSize: 5, quorumNeeded: 5,
      n: 7, f: 2, quorumAgents: [0, 3, 4, 5, 6], tamperedAgents: [1, 2], winner: 5, reason: null,
    })).toBe('a5 resolved round 1: committed, quorum 5 of 5 needed (n = 7, f = 2), winner a5, tampered a1, a2');
  });

  it('counts the scored agents at or above the threshold and names the lowest', () => {
    const rows = [[0, 0.9, 0.9, 1, 1, 1, 0.95], [1, 0.5, 0.6, 1, 0.9, 0.7, 0.512], [4, 0.8, 1, 1, 1, 1, 0.9]];
    const event: SimEvent = { t: 4, kind: 'roundScored', agent: 0, roundNo: 2, view: 1, threshold: 0.6, from: 0, rows };
    expect(narrate(event)).toMatchObject({
      text: 'a0 scored round 2 on five axes: 2 of 3 agents at or above the threshold 0.60; lowest a1 at 0.512',
      agents: [0],
      category: 'protocol',
    });
    expect(text({ ...event, from: 200 })).toContain('scored round 2 on five axes (rows from 201)');
  });

  it('tells locks, commits, timeouts and view changes', () => {
    expect(text({ t: 1, kind: 'locked', agent: 2, roundNo: 1, view: 0, winner: 5, decision: 'commit' })).toBe('a2 locked on a5 in view 0');
    expect(text({
      t: 1, kind: 'committed', agent: 4, roundNo: 1, view: 0, roundId: 'r', winner: 5, quorumAgents: [],
      commitVoters: [0, 1, 2, 3, 4], via: 'votes',
    })).toBe('a4 committed round 1: winner a5, certified by 5 commit votes');
    expect(text({ t: 1, kind: 'timedOut', agent: 6, roundNo: 1, view: 0 })).toBe('a6 timed out in view 0 and moves to view 1');
    expect(text({ t: 1, kind: 'viewChanged', agent: 6, roundNo: 1, view: 1, reason: 'new-view' }))
      .toBe('a6 entered view 1 on a new-view certificate (round 1)');
  });

  it('tells messages, delivered and lost', () => {
    const base = { t: 4, kind: 'messageSent', id: 9, from: 3, to: 0, type: 'E', roundNo: 1, view: 0 } as const;
    expect(text({ ...base, deliverAt: null, lost: 'partition' })).toBe('message E (evaluation) a3 → a0 lost (partition)');
    expect(text({ ...base, type: 'V', phase: 'commit', deliverAt: 7, garbled: true }))
      .toBe('message V (vote commit) a3 → a0 sent, arrives at tick 7, garbled on the way');
    expect(text({ t: 5, kind: 'messageRejected', id: 9, agent: 0, reason: 'garbled payload' }))
      .toBe('a0 rejected message #9: garbled payload');
  });

  it('marks violations, faults and the end of the run', () => {
    const violation = narrate({ t: 1, kind: 'invariantViolated', name: 'agreement', detail: 'a1 and a2 committed different winners', roundNo: 1 })!;
    expect(violation).toMatchObject({ text: 'invariant agreement violated: a1 and a2 committed different winners', category: 'invariant' });
    expect(narrate({ t: 1, kind: 'agentCrashed', agent: 3 })).toMatchObject({ text: 'a3 crashed', category: 'fault', agents: [3] });
    expect(text({ t: 1, kind: 'runEnded', reason: 'stalled', commits: 1, viewChanges: 4 }))
      .toBe('run ended (no progress was possible): 1 committed, 4 view changes');
    const record = (heldBy: number | null) => ({ commitment: 'c', says: 'yes', signature: 's', verifies: true, heldBy });
    expect(text({
      t: 1, kind: 'certificateFound', accused: 2, roundNo: 3, roundId: 'r', valid: true, pubkey: 'k',
      records: [record(1), record(5)],
    })).toBe(
      'The equivocation monitor put 2 records signed by a2 for round 3 side by side (held by a1 and a5): ' +
        'a valid certificate that a2 equivocated',
    );
  });

  it('tells the council’s proposals, votes and tallies', () => {
    expect(text({
      t: 0, kind: 'councilProposed', agent: 0, roundNo: 1, proposalId: 'prop-0001', action: 'quarantine', target: 5,
      critical: true, expiresAt: 50, deadline: 7, quorumRequired: 4, thresholdUsed: 0.6667, totalVoters: 7,
    })).toBe('a0 proposed prop-0001 (critical): quarantine a5, tally at tick 7, expires after tick 50');
    expect(narrate({ t: 1, kind: 'councilVoteCast', agent: 6, voter: 2, roundNo: 1, proposalId: 'p', value: 'approve', fault: 'impersonate' }))
      .toMatchObject({ text: 'a6 forged a vote as a2: approve on p', category: 'fault', agents: [6, 2] });
    expect(text({ t: 1, kind: 'councilVoteRejected', id: 4, agent: 0, voter: null, roundNo: 1, proposalId: 'p', reason: 'bad signature' }))
      .toBe('coordinator a0 rejected a vote naming no voter of the roster on p: bad signature');
    expect(text({
      t: 6, kind: 'councilTallied', roundNo: 1, proposalId: 'prop-0001', decision: 'no_quorum', approveWeight: 1.5,
      rejectWeight: 0.25, approveCount: 2, rejectCount: 1, abstainCount: 0, quorumRequired: 5, quorumMet: false,
      thresholdUsed: 2 / 3, critical: false, hashChainValid: false, trigger: 'deadline',
    })).toBe(
      'prop-0001 failed for lack of quorum, tallied at the deadline: approve 2 (weight 1.5), reject 1 (weight 0.25), ' +
        'abstain 0; quorum 5 required, not met; threshold 66.7%; the audit chain is broken',
    );
    expect(text({ t: 9, kind: 'councilExpired', roundNo: 1, proposalId: 'p' })).toBe('p expired');
    expect(text({ t: 40, kind: 'auditTampered', index: 0, agent: 3, applied: true, firstInvalid: 0 }))
      .toBe("audit entry 0 tampered in a3's copy (manual action): the chain breaks from entry 0");
  });
});
