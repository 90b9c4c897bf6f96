import { describe, expect, it } from 'vitest';
import { preset } from '../../../core/sim/presets';
import { CouncilEngine } from '../../../core/sim/engine/CouncilEngine';
import { ResonanceEngine } from '../../../core/sim/engine/ResonanceEngine';
import { scenarioOpinions } from '../../../core/sim/engine/scenarioOpinions';
import { finishedRun } from '../../../core/sim/runScenario';
import { withDefaults } from '../../../core/sim/scenario';
import type { Scenario, SimEvent } from '../../../worker/api';
import { faultNotes, indexAgentEvents, inspectorFacts, votesShownMax } from './inspectorFacts';
import { TraceIndex } from '../../trace/traceIndex';

function run(name: Parameters<typeof preset>[0]) {
  const scenario = preset(name).scenario;
  const resolved = withDefaults(scenario);
  const engine =
    resolved.protocol === 'council' ? new CouncilEngine(resolved) : new ResonanceEngine(resolved, scenarioOpinions(resolved));
  engine.run();
  const { run: { trace }, report } = finishedRun(scenario, engine);
  const events = trace as SimEvent[];
  return { scenario, events, end: events.at(-1)!.t, report };
}

describe('inspectorFacts', () => {
  const tamper = run('byzantine-tamper');

  it('shows a tamperer sealed, flagged by the leader and left out of its quorum', () => {
    const facts = inspectorFacts(indexAgentEvents(TraceIndex.of(tamper.events), 1), tamper.end, tamper.scenario);
    expect(facts.faults).toEqual(['tamper (semantic +999)']);
    expect(facts.sealed).toMatchObject({ roundNo: 5, verdict: { counted: false, flagged: true, status: 'committed' } });
    expect(facts.sealed!.commitment).toMatch(/^sha256:/);
  });

  it('shows an honest agent counted, with its votes, commits, trust row and reputation', () => {
    const facts = inspectorFacts(indexAgentEvents(TraceIndex.of(tamper.events), 3), tamper.end, tamper.scenario);
    expect(facts.faults).toEqual([]);
    expect(facts.sealed!.verdict).toMatchObject({ counted: true, flagged: false });
    expect(facts.committedRounds).toEqual([1, 2, 3, 4, 5]);
    expect(facts.locked).toBeNull();
    expect(facts.votes).toHaveLength(votesShownMax);
    expect(facts.votes[0]!.t).toBeGreaterThanOrEqual(facts.votes[1]!.t);
    expect(facts.trust).toMatchObject({ roundNo: 5 });
    expect(facts.trust!.row).toHaveLength(7);
    // Honest replicas lower their trust in the tamperers (agents 1 and 2).
    expect(facts.trust!.row[1]!).toBeLessThan(facts.trust!.row[4]!);
    expect(facts.reputation).toEqual(expect.any(Number));
  });

  it('knows nothing of an agent before it acts, and nothing that happens after the cursor', () => {
    const index = indexAgentEvents(TraceIndex.of(tamper.events), 3);
    const sealed = index.events.find((event) => event.kind === 'evaluationSealed')!;
    const before = inspectorFacts(index, sealed.t - 1, tamper.scenario);
    expect(before).toMatchObject({ sealed: null, committedRounds: [], votes: [], trust: null, reputation: null });
    const at = inspectorFacts(index, sealed.t, tamper.scenario);
    expect(at.sealed).toMatchObject({ t: sealed.t, roundNo: 1, verdict: null });
  });

  it('holds a lock between the prepare quorum and the commit of that round', () => {
    const index = indexAgentEvents(TraceIndex.of(tamper.events), 3);
    const lock = index.events.find((event) => event.kind === 'locked')!;
    const commit = index.events.find((event) => event.kind === 'committed')!;
    expect(inspectorFacts(index, lock.t, tamper.scenario).locked).toMatchObject({ roundNo: 1 });
    expect(inspectorFacts(index, commit.t, tamper.scenario).locked).toBeNull();
  });

  it('marks the leader of the agent\'s view, and a crashed first leader as silent', () => {
    const crash = run('crash-leader');
    const leader0 = inspectorFacts(indexAgentEvents(TraceIndex.of(crash.events), 0), 0, crash.scenario);
    expect(leader0.isLeader).toBe(true);
    expect(leader0.down).toBe('silent');
    const after = inspectorFacts(indexAgentEvents(TraceIndex.of(crash.events), 1), crash.end, crash.scenario);
    expect(after.view).toBeGreaterThan(0);
    expect(after.isLeader).toBe(after.view % 7 === 1);
  });

  it('lists the rejections of the agent\'s own messages, newest first', () => {
    const events: SimEvent[] = [
      { t: 1, kind: 'messageSent', id: 1, from: 2, to: 0, type: 'E', roundNo: 1, view: 0, deliverAt: 2 },
      { t: 1, kind: 'messageSent', id: 2, from: 3, to: 0, type: 'E', roundNo: 1, view: 0, deliverAt: 2 },
      { t: 2, kind: 'messageRejected', id: 1, agent: 0, reason: 'garbled payload' },
      { t: 2, kind: 'messageRejected', id: 2, agent: 0, reason: 'recipient is down' },
      { t: 5, kind: 'messageSent', id: 3, from: 2, to: 4, type: 'V', roundNo: 1, view: 0, deliverAt: 6 },
      { t: 6, kind: 'messageRejected', id: 3, agent: 4, reason: 'bad signature' },
    ];
    const scenario: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 7 };
    const facts = inspectorFacts(indexAgentEvents(TraceIndex.of(events), 2), 6, scenario);
    expect(facts.rejections).toEqual([
      { t: 6, by: 4, reason: 'bad signature', type: 'V' },
      { t: 2, by: 0, reason: 'garbled payload', type: 'E' },
    ]);
    expect(inspectorFacts(indexAgentEvents(TraceIndex.of(events), 2), 5, scenario).rejectionCount).toBe(1);
  });

  it('gives a council voter its weight, its votes per proposal and its bloc', () => {
    const bloc = run('council-bloc');
    const report = bloc.report;
    const member = Number(report!.blocs[0]![0]!.slice(1));
    const facts = inspectorFacts(indexAgentEvents(TraceIndex.of(bloc.events), member), bloc.end, bloc.scenario, report);
    expect(facts.isLeader).toBe(false);
    expect(facts.sealed).toBeNull();
    expect(facts.council!.weight).toBe(bloc.scenario.council?.weights?.[member] ?? 1);
    expect(facts.council!.bloc).toContain(member);
    expect(facts.council!.votes.length).toBeGreaterThan(0);
    expect(new Set(facts.council!.votes.map((vote) => vote.proposalId)).size).toBe(facts.council!.votes.length);
  });
});

describe('faultNotes', () => {
  it('names each configured fault of the agent with its parameters', () => {
    const scenario: Scenario = {
      v: 1, seed: 1, protocol: 'resonance', n: 7,
      faults: [
        { kind: 'silent', agents: [2], from: 10, until: 50 },
        { kind: 'garble', agents: [2, 3], rate: 0.5 },
        { kind: 'impersonate', agents: [4], victim: 2 },
      ],
    };
    expect(faultNotes(scenario, 2)).toEqual(['silent from tick 10 until tick 50', 'garble (rate 0.5)']);
    expect(faultNotes(scenario, 4)).toEqual(['impersonate a2']);
    expect(faultNotes(scenario, 5)).toEqual([]);
  });
});
