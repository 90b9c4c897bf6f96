import { CouncilEngine, type CouncilSnapshot } from '../core/sim/engine/CouncilEngine';
import { ResonanceEngine, type ResonanceSnapshot } from '../core/sim/engine/ResonanceEngine';
import { scenarioOpinions } from '../core/sim/engine/scenarioOpinions';
import { finishedRun, parseScenario, withDefaults, type ResolvedScenario, type Scenario, type ScenarioRun } from '../core/sim';
import type { SimEvent } from '../core/sim/engine/traceEvents';
import type { CouncilRunReport } from '../core/sim/runCouncilScenario';
import { agentCard, type AgentCardReply } from './agentCard';
import { streamsAggregates, type StreamEvent } from './streamEvents';
import { TraceStream } from './traceStream';
import { seedResult, type SeedResult } from './batchJobs';
import { setPath } from './setPath';

export type { SeedResult };
export { setPath };

/** Bytes of JSON per streamed batch while animating (SPEC §8: ≤ 10 KB per frame batch). */
export const batchBytesMax = 10_000;

export type LoadReply =
  | {
      epoch: number;
      ok: true;
      scenario: Scenario;
      /** The scenario with every default filled in: what the run uses (SPEC §5). */
      resolved: ResolvedScenario;
      protocol: Scenario['protocol'];
      n: number;
      rounds: number;
      /** True when the batches fold messages into per-tick aggregates (large n). */
      aggregated: boolean;
    }
  | { epoch: number; ok: false; message: string };

/** New events since the last reply, tagged with the run epoch they belong to. */
export interface EventBatch {
  epoch: number;
  /** Core events, with messages folded into per-tick aggregates for large n. */
  events: StreamEvent[];
  /** The engine's tick after this batch. */
  tick: number;
  done: boolean;
  /** The hash of every core event streamed (aggregated ones included), once the run is done. */
  traceHash: string | null;
  /** Core events the stream has covered so far: the run's `eventCount` once done. */
  coreEventCount: number;
}

export interface RunResult {
  epoch: number;
  summary: ScenarioRun['summary'];
  report: CouncilRunReport | null;
  eventCount: number;
}

export interface SweepPoint {
  value: unknown;
  runs: SeedResult[];
  /** Share of rounds committed over all seeds. */
  commitRate: number;
  /** Seeds with at least one failed invariant. */
  failedRuns: number;
}

export type Progress = (done: number, total: number) => void;

/** What the session needs of an engine: both protocols' engines step the same way. */
type Engine = ResonanceEngine | CouncilEngine;

/**
 * The engine at a tick, as plain data: its snapshot, and the trace it had then. Policy: the
 * trace is the engine's own array, by reference, not a copy: a trace only grows and its
 * events are never edited, so its first `snapshot.loop.eventCount` events stay those of the
 * checkpoint while the engine runs on, and restoring slices them.
 */
interface Checkpoint {
  tick: number;
  snapshot: ResonanceSnapshot | CouncilSnapshot;
  trace: readonly SimEvent[];
}

/** Simulated ticks between two checkpoints, at first. */
export const checkpointEveryTicks = 100;
/**
 * Checkpoints kept at most (each holds a snapshot of the engine). Policy: when a long run
 * would pass the bound, every other checkpoint is dropped and the interval doubles, so memory
 * stays bounded and a seek still replays at most two intervals.
 */
export const checkpointsMax = 24;

/**
 * Bytes all checkpoints of one run may hold. Policy: a ResonanceBFT snapshot grows as n² (every
 * replica's votes and trust row): measured at about 270 bytes × n², so 11 MB at n = 200 and
 * 261 MB (taking 12 s) at n = 1000. Large runs keep fewer checkpoints, further apart.
 */
export const checkpointBudgetBytes = 512e6;
const snapshotBytesPerAgentPair = 270;

/** How many checkpoints a run of n agents keeps at most, and the ticks between them at first. */
export function checkpointPlan(protocol: Scenario['protocol'], n: number): { max: number; intervalTicks: number } {
  if (protocol !== 'resonance') return { max: checkpointsMax, intervalTicks: checkpointEveryTicks };
  const fits = Math.floor(checkpointBudgetBytes / (snapshotBytesPerAgentPair * n * n));
  const max = Math.min(checkpointsMax, Math.max(2, fits));
  return { max, intervalTicks: checkpointEveryTicks * Math.ceil(checkpointsMax / max) };
}

/**
 * Bytes of JSON per batch while simulating ahead of the cursor. Policy: larger than an
 * animation batch (`batchBytesMax`), since these batches are not drawn as they arrive: at
 * 10 KB a 200-agent run took thousands of round trips before its first frame.
 */
export const aheadBytesMax = 256_000;
/** Wall time one `ahead` call simulates at most before answering, so the page sees progress. */
export const aheadWallMsMax = 50;
/** Core events simulated but not yet streamed above which `ahead` stops to hand them out. */
export const aheadEventsMax = 4_000;

/** A batch of the run simulated ahead: the events, and the tick the page may play up to. */
export interface AheadBatch extends EventBatch {
  /**
   * Every event at or before this tick has been handed out (the run's last tick once `done`):
   * the page's cursor may not pass it.
   */
  frontier: number;
}

/** Events in the largest trace the page exports (about 60 MB of JSON). */
export const exportEventsMax = 400_000;

export type CoreTraceReply =
  | { epoch: number; ok: true; events: SimEvent[] }
  | { epoch: number; ok: false; message: string };

export interface SeekReply {
  epoch: number;
  tick: number;
  /** Events up to and including `tick`: the time cursor's position in the trace. */
  eventCount: number;
  /** The engine's state at `tick` (per-agent state for ResonanceBFT, the ledger for Council). */
  state: unknown;
}

/**
 * One scenario being simulated in the worker (SPEC §5): simulate ahead, play back the trace.
 * `load` validates and starts a new epoch; `advance` runs to a tick and returns only the new
 * events; `batch` and `sweep` run many seeds or parameter values, reporting progress and
 * stopping early when cancelled. Plain TypeScript over the core, so it is tested in Node;
 * `worker.ts` exposes it with comlink.
 */
export class SimSession {
  private engine: Engine | null = null;
  private scenario: Scenario | null = null;
  /** Snapshots of the engine every `checkpointEveryTicks`, oldest first; the first at load. */
  private checkpoints: Checkpoint[] = [];
  private checkpointIntervalTicks = checkpointEveryTicks;
  private checkpointsKeptMax = checkpointsMax;
  private epoch = -1;
  /** The engine last rebuilt for the inspector, so selecting another agent at the same tick is free. */
  private inspected: { epoch: number; tick: number; engine: Engine } | null = null;
  private stream = new TraceStream(false);
  private readonly cancelled = new Set<number>();
  /** Every event at or before this tick has been simulated (`simulateTo` asked for it). */
  private simulatedTo = -1;
  /** The tick `ahead` last told the page it may play to. */
  private frontier = -1;

  load(input: unknown, epoch: number): LoadReply {
    const parsed = parseScenario(input);
    if (!parsed.ok) return { epoch, ok: false, message: parsed.error.message };
    const scenario = parsed.value;
    const resolved = withDefaults(scenario);
    this.scenario = scenario;
    this.epoch = epoch;
    const aggregated = scenario.protocol === 'resonance' && streamsAggregates(resolved.n);
    this.stream = new TraceStream(aggregated);
    this.engine =
      resolved.protocol === 'resonance'
        ? new ResonanceEngine(resolved, scenarioOpinions(resolved))
        : new CouncilEngine(resolved);
    this.checkpoints = [checkpointOf(this.engine, -1)];
    const plan = checkpointPlan(resolved.protocol, resolved.n);
    this.checkpointIntervalTicks = plan.intervalTicks;
    this.checkpointsKeptMax = plan.max;
    this.inspected = null;
    this.simulatedTo = -1;
    this.frontier = -1;
    const { protocol, n, rounds } = resolved;
    return { epoch, ok: true, scenario, resolved, protocol, n, rounds, aggregated };
  }

  /**
   * Simulates up to `tickMax` (Infinity: to the end) and returns the events not sent yet,
   * at most `bytesMax` of JSON of them; call again for the rest (`done` stays false until
   * every event has been handed out).
   *
   * Policy: the engine keeps the whole core trace even when the stream aggregates it: the
   * run's summary, `seek`, the determinism check and trace export are all built from it.
   */
  advance(epoch: number, tickMax: number, bytesMax = batchBytesMax): EventBatch {
    const engine = this.requireEngine(epoch);
    this.simulateTo(engine, tickMax);
    const { events } = engine;
    const stream = this.stream;
    const batch = stream.take(events, bytesMax);
    const done = engine.done && stream.drained(events);
    return {
      epoch,
      events: batch,
      tick: engine.tick,
      done,
      traceHash: done ? stream.traceHash() : null,
      coreEventCount: stream.coreEventCount,
    };
  }

  /**
   * Simulates run `epoch` a little further, tick by tick, for at most `wallMsMax` of wall time
   * or until `aheadEventsMax` events wait to be streamed, and returns the next events (at most
   * `bytesMax` of JSON) with the frontier the page may play to (SPEC §5: play while
   * simulating). The first call answers after the first ticks, not after the whole run.
   */
  ahead(epoch: number, bytesMax = aheadBytesMax, wallMsMax = aheadWallMsMax): AheadBatch {
    const engine = this.requireEngine(epoch);
    const started = performance.now();
    const unread = () => engine.events.length - this.stream.coreEventCount;
    // Policy: before the page has anything to draw, the first ticks with events are enough
    // (at n = 1000 the next tick alone seals 10³ evaluations): the first frame comes first.
    const firstFrame = this.frontier < 0;
    do {
      if (engine.done) break;
      this.simulateTo(engine, this.simulatedTo + 1);
    } while (
      unread() < aheadEventsMax &&
      performance.now() - started < wallMsMax &&
      !(firstFrame && unread() > 0)
    );
    const batch = this.advance(epoch, this.simulatedTo, bytesMax);
    const lastTick = batch.events.at(-1)?.t;
    if (this.stream.drained(engine.events)) {
      this.frontier = engine.done ? engine.tick : this.simulatedTo;
    } else if (lastTick !== undefined) {
      // Events of `lastTick` may still wait in the stream: only the ticks before it are whole.
      this.frontier = Math.max(this.frontier, lastTick - 1);
    }
    return { ...batch, frontier: this.frontier };
  }

  /**
   * The finished run of `epoch` (simulated to the end if it is not yet): the summary the
   * command line prints and, for the Council, the panels' report. Built from the engine the
   * events were streamed from, so nothing is simulated twice.
   */
  result(epoch: number): RunResult {
    const engine = this.requireEngine(epoch);
    this.simulateTo(engine, Infinity);
    // The stream hashed every event it handed out; once it has handed out the whole trace,
    // that is the run's hash (the same function over the same events).
    const streamedHash = this.stream.drained(engine.events) ? this.stream.traceHash() : undefined;
    const { run, report } = finishedRun(this.scenario!, engine, streamedHash);
    return { epoch, summary: run.summary, report, eventCount: run.trace.length };
  }

  /**
   * The whole core trace of run `epoch`, for export and for checking an imported trace: the
   * page holds the streamed trace, which above `aggregateAgentsAbove` agents folds messages into
   * per-tick aggregates. Refused, with the command line to use instead, above
   * `exportEventsMax` events, whose JSON would outgrow what a browser tab should hold.
   */
  coreTrace(epoch: number): CoreTraceReply {
    const engine = this.requireEngine(epoch);
    this.simulateTo(engine, Infinity);
    const count = engine.events.length;
    if (count > exportEventsMax) {
      const message =
        `This run has ${count.toLocaleString('en-US')} events, too many to export from the page ` +
        `(at most ${exportEventsMax.toLocaleString('en-US')}); the command line writes it: ` +
        'npm run sim -- --link "<share link>" --trace run.jsonl';
      return { epoch, ok: false, message };
    }
    return { epoch, ok: true, events: engine.events.slice() };
  }

  /**
   * The state at `tick`, rebuilt from the nearest checkpoint at or before it (never from
   * tick 0 unless that is the nearest), and the cursor's position in the trace.
   */
  seek(epoch: number, tick: number): SeekReply {
    this.requireEngine(epoch);
    const engine = this.rebuildAt(tick);
    this.engine = engine;
    this.simulatedTo = tick;
    // The rebuilt engine stops at `tick`; count back past any event after it, not a copy.
    let eventCount = engine.events.length;
    while (eventCount > 0 && engine.events[eventCount - 1]!.t > tick) eventCount -= 1;
    return { epoch, tick, eventCount, state: engine.inspect() };
  }

  /**
   * The agent inspector's card of `agent` at `tick` (its persona, latest sealed record and
   * whether that record's seal and signature verify), from an engine rebuilt at `tick` the way
   * `seek` rebuilds one. Unlike `seek` it leaves the session's engine where it is, so it never
   * disturbs a run being streamed, and it changes no trace.
   */
  inspectAgent(epoch: number, tick: number, agent: number): AgentCardReply {
    const n = this.requireEngine(epoch).scenario.n;
    if (!Number.isSafeInteger(agent) || agent < 0 || agent >= n) {
      throw new Error(`inspectAgent: agent ${agent} does not exist (n = ${n})`);
    }
    const at = Math.max(0, Math.floor(tick));
    let cached = this.inspected;
    if (cached === null || cached.epoch !== epoch || cached.tick !== at) {
      cached = { epoch, tick: at, engine: this.rebuildAt(at) };
      this.inspected = cached;
    }
    return { epoch, tick: at, agent, card: agentCard(cached.engine, agent) };
  }

  /** Runs the loaded scenario under each seed. */
  async batch(scenario: Scenario, seeds: number[], token: number, progress?: Progress): Promise<SeedResult[]> {
    const results: SeedResult[] = [];
    for (const seed of seeds) {
      if (this.cancelled.has(token)) break;
      results.push(seedResult({ ...scenario, seed }));
      progress?.(results.length, seeds.length);
      await yieldToMessages();
    }
    this.cancelled.delete(token);
    return results;
  }

  /** Runs each value of `param` (a dotted path such as `resonance.threshold`) under each seed. */
  async sweep(
    scenario: Scenario,
    param: string,
    values: unknown[],
    seeds: number[],
    token: number,
    progress?: Progress,
  ): Promise<SweepPoint[]> {
    const points: SweepPoint[] = [];
    const total = values.length * seeds.length;
    for (const value of values) {
      const edited = parseScenario(setPath(scenario, param, value));
      if (!edited.ok) throw new Error(`sweep ${param} = ${JSON.stringify(value)}: ${edited.error.message}`);
      const runs = await this.batch(edited.value, seeds, token, (done) =>
        progress?.(points.length * seeds.length + done, total),
      );
      points.push(summarisePoint(value, runs));
      if (runs.length < seeds.length) break;
    }
    return points;
  }

  /** Stops a running batch or sweep after its current run. */
  cancel(token: number): void {
    this.cancelled.add(token);
  }

  /** A fresh engine at `tick`, run on from the nearest checkpoint at or before it. */
  private rebuildAt(tick: number): Engine {
    let nearest = this.checkpoints[0]!;
    for (const checkpoint of this.checkpoints) if (checkpoint.tick <= tick) nearest = checkpoint;
    const engine = restoreCheckpoint(this.engine!, nearest);
    this.simulateTo(engine, tick);
    return engine;
  }

  /** Runs `engine` to `tickMax`, leaving a checkpoint at every multiple of the interval it passes. */
  private simulateTo(engine: Engine, tickMax: number): void {
    for (;;) {
      const last = this.checkpoints.at(-1)!.tick;
      const interval = this.checkpointIntervalTicks;
      const next = (Math.floor(Math.max(last, 0) / interval) + 1) * interval;
      if (engine.done || next > tickMax) break;
      engine.runUntil(next);
      if (engine.done) return;
      this.checkpoints.push(checkpointOf(engine, next));
      if (this.checkpoints.length > this.checkpointsKeptMax) this.thinCheckpoints();
    }
    engine.runUntil(tickMax);
    this.simulatedTo = Math.max(this.simulatedTo, tickMax);
  }

  /** Keeps the first checkpoint and those on the doubled interval (see `checkpointsMax`). */
  private thinCheckpoints(): void {
    this.checkpointIntervalTicks *= 2;
    const interval = this.checkpointIntervalTicks;
    this.checkpoints = this.checkpoints.filter((checkpoint, i) => i === 0 || checkpoint.tick % interval === 0);
  }

  /** How many checkpoints the session holds (a test of the bound). */
  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  private requireEngine(epoch: number): Engine {
    if (epoch !== this.epoch || this.engine === null) {
      throw new Error(`No scenario loaded for run ${epoch}; load one first.`);
    }
    return this.engine;
  }
}

function checkpointOf(engine: Engine, tick: number): Checkpoint {
  return { tick, snapshot: engine.snapshot(), trace: engine.events };
}

/**
 * The engine at `checkpoint`, sharing the caches of `engine` (an engine of the same run):
 * signature verdicts, outcomes and keys are pure functions of their inputs, so a seek does not
 * verify or derive them again.
 */
function restoreCheckpoint(engine: Engine, checkpoint: Checkpoint): Engine {
  const { snapshot, trace } = checkpoint;
  if (engine instanceof ResonanceEngine && snapshot.protocol === 'resonance') {
    return ResonanceEngine.restore(engine.scenario, snapshot, { trace, caches: engine.caches });
  }
  if (engine instanceof CouncilEngine && snapshot.protocol === 'council') {
    return CouncilEngine.restore(engine.scenario, snapshot, { trace, caches: engine.caches });
  }
  throw new Error(`a ${snapshot.protocol} checkpoint cannot restore into this run's engine`);
}

function summarisePoint(value: unknown, runs: SeedResult[]): SweepPoint {
  const rounds = runs.reduce((sum, run) => sum + run.committed + run.aborted, 0);
  const committed = runs.reduce((sum, run) => sum + run.committed, 0);
  return {
    value,
    runs,
    commitRate: rounds === 0 ? 0 : committed / rounds,
    failedRuns: runs.filter((run) => run.invariantsFailed.length > 0).length,
  };
}

/** Lets the worker handle queued messages (a cancel) between two runs of a batch. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
