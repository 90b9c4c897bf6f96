import { describe, expect, it } from 'vitest';
import { invariantNames, type SimEvent } from '../engine/traceEvents';
import { traceHash } from '../engine/traceHash';
import { runScenario, type ScenarioRun } from '../runScenario';
import type { Scenario } from '../scenario';
import { preset, presetMatching, presetNames, type PresetName } from './index';

const runs = new Map<PresetName, ScenarioRun>();
function runWhole(name: PresetName): ScenarioRun {
  if (!runs.has(name)) runs.set(name, runScenario(preset(name).scenario));
  return runs.get(name)!;
}
const run = (name: PresetName) => runWhole(name).summary;
const deliberations = (name: PresetName) =>
  (runWhole(name).trace as SimEvent[]).flatMap((event) => (event.kind === 'deliberated' ? [event] : []));
const failed = (name: PresetName) => run(name).invariants.filter((inv) => !inv.ok).map((inv) => inv.name);
/** The classic chart's rows (`hk1d`, or the 2-D `positions`), put together from the chunks. */
function classicRows(trace: readonly SimEvent[], field: 'hk1d' | 'positions' = 'hk1d'): number[][] {
  const chunks = trace.flatMap((e) => (e.kind === 'deliberationStep' && e.roundNo === 1 ? [e] : []));
  const steps = Math.max(...chunks.map((chunk) => chunk.step)) + 1;
  return Array.from({ length: steps }, (_, step) =>
    chunks
      .filter((chunk) => chunk.step === step)
      .sort((a, b) => a.from - b.from)
      .flatMap((chunk) => chunk[field] as number[]),
  );
}

/** Opinions more than `gap` apart (sorted) belong to different clusters. */
function clusterCount(row: readonly number[], gap = 0.01): number {
  const sorted = [...row].sort((a, b) => a - b);
  return 1 + sorted.slice(1).filter((x, i) => x - sorted[i]! > gap).length;
}
const committed = (name: PresetName) => run(name).rounds.filter((round) => round.status === 'committed');

describe('presets', () => {
  it.each(presetNames)('%s is a valid scenario with a title and an explanation', (name) => {
    const entry = preset(name);
    expect(entry.title.length).toBeGreaterThan(0);
    expect(entry.explanation.length).toBeGreaterThan(60);
  });

  it.each(presetNames.filter((name) => !name.startsWith('unsafe-')))('%s keeps every invariant green', (name) => {
    expect(failed(name)).toEqual([]);
  });

  it('happy-path commits every round at 5/5 without a view change', () => {
    expect(committed('happy-path')).toHaveLength(5);
    expect(run('happy-path').viewChanges).toBe(0);
  });

  it('silent-two commits every round at exactly 5/5', () => {
    expect(committed('silent-two').map((round) => `${round.quorumSize}/${round.quorumNeeded}`)).toEqual(Array(5).fill('5/5'));
  });

  it('unsafe-mean: each validity violation carries its evidence, a centroid outside the honest box', () => {
    const violations = (runWhole('unsafe-mean').trace as SimEvent[]).flatMap((event) =>
      event.kind === 'invariantViolated' && event.name === 'validity' ? [event] : [],
    );
    expect(violations.length).toBeGreaterThan(0);
    for (const { box } of violations) {
      expect(box).toBeDefined();
      const [min, max] = box!.box;
      expect(box!.centroid < min || box!.centroid > max).toBe(true);
      expect(box!.byzantine.length).toBeGreaterThan(0);
      expect(box!.byzantine.every((agent) => [5, 6].includes(agent))).toBe(true);
    }
  });

  it('split-stance: every resolution carries the false-agreement audit; other embeddings carry none', () => {
    const resolutions = (name: PresetName) =>
      (runWhole(name).trace as SimEvent[]).flatMap((event) => (event.kind === 'roundResolved' ? [event] : []));
    for (const resolved of resolutions('split-stance')) {
      expect(resolved.stanceAudit?.rate).toBeGreaterThan(0);
      const members = resolved.stanceAudit!.stances.map(([agent]) => agent);
      expect(members).toEqual([...resolved.quorumAgents].sort((a, b) => a - b));
      for (const [a, b] of resolved.stanceAudit!.pairs) {
        const stanceOf = (agent: number) => resolved.stanceAudit!.stances.find(([id]) => id === agent)![1];
        expect(Math.sign(stanceOf(a))).toBe(-Math.sign(stanceOf(b)));
      }
    }
    expect(resolutions('happy-path').every((resolved) => resolved.stanceAudit === undefined)).toBe(true);
  });

  it('equivocation: each certificate names the accused, and shows two verifying records held by honest agents', () => {
    const certificates = (runWhole('equivocation').trace as SimEvent[]).flatMap((event) =>
      event.kind === 'certificateFound' ? [event] : [],
    );
    expect(certificates.length).toBeGreaterThan(0);
    for (const certificate of certificates) {
      expect(certificate.accused).toBe(3);
      expect(certificate.valid).toBe(true);
      expect(certificate.records).toHaveLength(2);
      expect(new Set(certificate.records.map((record) => record.says)).size).toBe(2);
      for (const record of certificate.records) {
        expect(record.verifies).toBe(true);
        expect(record.heldBy).not.toBeNull();
        expect(record.heldBy).not.toBe(3);
      }
    }
  });

  it('crash-leader: the crashed a0 sends, seals and counts nothing; messages to it are refused as down', () => {
    const trace = runWhole('crash-leader').trace as SimEvent[];
    const sends = (event: SimEvent) => event.kind === 'messageSent' || event.kind === 'messageBroadcast';
    expect(trace.some((event) => sends(event) && event.from === 0)).toBe(false);
    expect(trace.some((event) => 'agent' in event && event.agent === 0 && event.kind !== 'messageRejected')).toBe(false);
    const refused = trace.flatMap((event) => (event.kind === 'messageRejected' ? [event] : []));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((event) => event.agent === 0 && event.reason === 'recipient is down')).toBe(true);
    for (const event of trace) {
      if (event.kind === 'roundResolved') expect(event.quorumAgents).not.toContain(0);
    }
  });

  it('crash-leader changes view and then commits under the next leader', () => {
    expect(run('crash-leader').viewChanges).toBeGreaterThan(0);
    expect(committed('crash-leader')).toHaveLength(3);
    expect(committed('crash-leader').every((round) => round.view >= 1)).toBe(true);
  });

  it('byzantine-tamper commits with both tamperers flagged', () => {
    expect(committed('byzantine-tamper')).toHaveLength(5);
    for (const round of committed('byzantine-tamper')) expect(round.tamperedAgents).toEqual(['a1', 'a2']);
  });

  it('partition-heal commits nothing before the heal at tick 200 and every round after it', () => {
    const rounds = committed('partition-heal');
    expect(rounds).toHaveLength(3);
    expect(Math.min(...rounds.map((round) => round.commitTick!))).toBeGreaterThanOrEqual(200);
  });

  it('equivocation yields certificates against a3 that verify', () => {
    const certificates = run('equivocation').certificates;
    expect(certificates.length).toBeGreaterThan(0);
    expect(certificates.every((cert) => cert.agent === 'a3' && cert.valid)).toBe(true);
  });

  it('split-stance forms a quorum that the false-agreement audit flags', () => {
    for (const round of committed('split-stance')) expect(round.falseAgreementRate).toBeGreaterThan(0);
  });

  it('sycophancy shows the pressured agents with a negative evidence delta, the others not', () => {
    const rounds = deliberations('sycophancy');
    expect(rounds.length).toBe(3);
    for (const event of rounds) {
      event.agents.forEach((agent, i) => {
        if (agent === 1 || agent === 2) expect(event.sycophancy[i]).toBeLessThan(0);
      });
      expect(Math.max(...event.sycophancy)).toBeGreaterThan(0);
    }
  });

  it('hk-classic draws the classic 1-D chart from uniform starts, streamed in small events', () => {
    const [event] = deliberations('hk-classic');
    const trace = runWhole('hk-classic').trace as SimEvent[];
    const hk = classicRows(trace);
    expect(hk).toHaveLength(event!.steps + 1);
    expect(classicRows(trace, 'positions').every((row) => row.length === event!.agents.length)).toBe(true);
    expect(hk[0]!.length).toBeGreaterThan(100);
    // Uniform in [0, 1]: every tenth of the interval holds some starts, not two bands.
    const tenths = new Set(hk[0]!.map((x) => Math.min(Math.floor(x * 10), 9)));
    expect(tenths.size).toBe(10);
    const spread = (row: number[]) => Math.max(...row) - Math.min(...row);
    expect(spread(hk.at(-1)!)).toBeLessThan(spread(hk[0]!));
    const chunks = trace.filter((e) => e.kind === 'deliberationStep');
    expect(Math.max(...chunks.map((chunk) => JSON.stringify(chunk).length))).toBeLessThan(10_000);
  });

  it('hk-classic: the uniform start changes the classic chart and nothing else', () => {
    const base = preset('hk-classic').scenario;
    const { classicStart: _uniform, ...deliberation } = base.resonance!.deliberation!;
    const fromStances = runScenario({ ...base, resonance: { ...base.resonance, deliberation } }).trace as SimEvent[];
    const withoutChart = (trace: readonly SimEvent[]) =>
      trace.map((e) => (e.kind === 'deliberationStep' ? { ...e, hk1d: [] } : e));
    expect(withoutChart(runWhole('hk-classic').trace as SimEvent[])).toEqual(withoutChart(fromStances));
    expect(classicRows(fromStances)[0]).not.toEqual(classicRows(runWhole('hk-classic').trace as SimEvent[])[0]);
  });

  it('hk-classic: a wider ε leaves fewer clusters (6 at 0.05, 2 at 0.15, 1 at 0.4)', () => {
    const clustersAt = (epsilon: number) => {
      const base = preset('hk-classic').scenario;
      const deliberation = { ...base.resonance?.deliberation, epsilon };
      const trace = runScenario({ ...base, resonance: { ...base.resonance, deliberation } }).trace as SimEvent[];
      return clusterCount(classicRows(trace).at(-1)!);
    };
    const counts = [0.05, 0.15, 0.4].map(clustersAt);
    expect(counts[0]).toBeGreaterThanOrEqual(4);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThan(counts[2]!);
    expect(counts[2]).toBe(1);
    // The numbers the preset's paragraph quotes.
    expect(counts).toEqual([6, 2, 1]);
  });

  it('scale-49 commits at 33 of 49', () => {
    expect(committed('scale-49').map((round) => round.quorumNeeded)).toEqual([33, 33]);
  });

  it('unsafe-mean drags the centroid out of the honest box', () => {
    expect(failed('unsafe-mean')).toContain('validity');
  });

  it('unsafe-2f1-fork commits two different values in one round with f equivocators', () => {
    expect(failed('unsafe-2f1-fork')).toEqual(['agreement']);
  });

  it('the same f equivocators cannot fork the safe n−f quorum', () => {
    const { resonance: _unsafe, ...safe } = preset('unsafe-2f1-fork').scenario;
    const summary = runScenario(safe).summary;
    expect(summary.invariants.every((inv) => inv.ok)).toBe(true);
    expect(summary.rounds[0]!.status).toBe('committed');
  });

  it('unsafe-membership lets each side of a partition commit alone, and they disagree', () => {
    expect(failed('unsafe-membership')).toContain('agreement');
  });

  it('unsafe-view-change stalls after the heal: the reference locks refuse every fresh proposal', () => {
    expect(failed('unsafe-view-change')).toEqual(['liveness-after-heal']);
    const summary = run('unsafe-view-change');
    expect(summary.rounds.map((round) => round.status)).toEqual(['committed', 'aborted', 'aborted']);
    expect(summary.stalled?.detail).toBe('stalled in round 2: view changes exhausted');
  });

  it('the same partition with the lock-carrying view change decides every round', () => {
    const { resonance: _unsafe, ...safe } = preset('unsafe-view-change').scenario;
    const summary = runScenario(safe).summary;
    expect(summary.invariants.every((inv) => inv.ok)).toBe(true);
    expect(summary.rounds.map((round) => round.status)).toEqual(['committed', 'committed', 'committed']);
    expect(summary.stalled).toBeUndefined();
  });

  it('unsafe-lock-off: only a0 commits a1 before the crashes; the restarted three commit a3 and agreement breaks', () => {
    expect(failed('unsafe-lock-off')).toEqual(['agreement']);
    const commits = (runWhole('unsafe-lock-off').trace as SimEvent[]).flatMap((event) =>
      event.kind === 'committed' && event.roundNo === 1 ? [[event.t, event.agent, event.winner, event.view]] : []);
    expect(commits).toEqual([[5, 0, 1, 0], [45, 2, 3, 1], [45, 1, 3, 1], [45, 3, 3, 1]]);
  });

  it('the same crashes with locks and the lock-carrying view change: the three commit a1 from a0\'s certificate', () => {
    const { resonance: _unsafe, ...safe } = preset('unsafe-lock-off').scenario;
    const { summary, trace } = runScenario(safe);
    expect(summary.invariants.every((inv) => inv.ok)).toBe(true);
    const round1 = (trace as SimEvent[]).flatMap((event) =>
      event.kind === 'committed' && event.roundNo === 1 ? [[event.agent, event.winner, event.via]] : []);
    expect(round1).toEqual([[0, 1, 'votes'], [1, 1, 'certificate'], [2, 1, 'certificate'], [3, 1, 'certificate']]);
  });

  it('unsafe-trim-arrivals: five records trimmed by one at each end leave a biased value in; validity breaks in rounds 1 and 2', () => {
    const trace = runWhole('unsafe-trim-arrivals').trace as SimEvent[];
    const broken = trace.flatMap((event) => (event.kind === 'invariantViolated' ? [event] : []));
    expect(broken.map((event) => [event.name, event.roundNo])).toEqual([['validity', 1], ['validity', 2]]);
    const first = trace.find((event) => event.kind === 'roundResolved' && event.roundNo === 1);
    expect(first).toMatchObject({ quorumAgents: [0, 2, 3, 5, 6] });
    expect(broken[0]!.box).toMatchObject({ axis: 'semantic', coordinate: 1, box: [0, 0], centroid: 0.0745 });
    const { resonance: _unsafe, ...safe } = preset('unsafe-trim-arrivals').scenario;
    expect(runScenario(safe).summary.invariants.every((inv) => inv.ok)).toBe(true);
  });

  it('council-bloc detects the colluding bloc, its chain intact', () => {
    expect(run('council-bloc').council!.blocs).toContainEqual(['a6', 'a7', 'a8']);
    expect(run('council-bloc').council!.proposals).toHaveLength(12);
    expect(run('council-bloc').council!.auditChainValid).toBe(true);
  });

  it('council-quarantine approves both actions over one Byzantine voter, its chain intact', () => {
    const council = run('council-quarantine').council!;
    expect(council.proposals.map((p) => [p.action, p.decision, p.approveWeight, p.rejectWeight, p.quorumMet])).toEqual([
      ['quarantine', 'approved', 7, 1, true],
      ['terminate', 'approved', 7, 1, true],
    ]);
    expect(council.auditChainValid).toBe(true);
  });

  it.each(['council-quarantine', 'council-bloc'] as const)('%s hashes the council engine\'s event trace', (name) => {
    const { summary, trace } = runScenario(preset(name).scenario);
    expect(summary.traceHash).toBe(traceHash(trace as SimEvent[]));
    expect((trace as SimEvent[]).at(-1)!.kind).toBe('runEnded');
    expect(summary.invariants.map((inv) => inv.name)).toEqual([...invariantNames]);
    expect(summary.invariants.find((inv) => inv.name === 'integrity')!.detail).toMatch(/audit chain verifies/);
  });
});

describe('presetMatching', () => {
  it('names the preset of an unedited preset scenario, also after a share-link round trip', () => {
    for (const name of presetNames) {
      const scenario = JSON.parse(JSON.stringify(preset(name).scenario)) as Scenario;
      expect(presetMatching(scenario)).toBe(name);
    }
  });

  it('names no preset once anything is edited', () => {
    const scenario = preset('crash-leader').scenario;
    expect(presetMatching({ ...scenario, seed: scenario.seed + 1 })).toBeNull();
    expect(presetMatching({ ...scenario, name: 'my crash' })).toBeNull();
  });
});
