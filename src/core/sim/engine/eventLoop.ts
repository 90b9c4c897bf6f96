import { assert, AssertionError } from '../../assert';
import { canonicalJson } from '../../canonicalJson';
import { sha256Hex } from '../../crypto';
import type { ManualAction, ResolvedScenario } from '../scenario';
import { EventQueue, type QueueState } from './EventQueue';
import { quantise, type SimEvent } from './traceEvents';
import { traceHash } from './traceHash';

/** Events kept in one run; a run that would exceed it stops with `runEnded: stalled`. */
export const eventsMax = 2_000_000;

/**
 * Why a run ended: every round decided, the scenario's tick limit, nothing left to happen, or
 * the trace reached `eventsMax` (a limit of the simulator, said as such, never as a stall).
 */
export type EndReason = 'completed' | 'maxTicks' | 'stalled' | 'eventsMax';

/** The event loop's part of an engine snapshot: the clock, the queue and the loop's place. */
export interface LoopState<I> {
  tick: number;
  /** The next manual action to apply, as an index into the scenario's `actions`. */
  actionIndex: number;
  finished: boolean;
  /** How many events the trace held; the trace itself is not in the snapshot (see `SimEngine`). */
  eventCount: number;
  queue: QueueState<I>;
}

/** What rebuilding an engine from a snapshot takes besides the scenario. */
export interface RestoreSources<C> {
  /**
   * The run's trace up to the snapshot or beyond: any trace of the same run whose first
   * `eventCount` events are there (a run's trace only grows, so a later one will do).
   */
  trace: readonly SimEvent[];
  /** Caches to share with the engine the snapshot came from; default: fresh ones. */
  caches?: C;
}

/**
 * What both engines share (SPEC §5): the trace, the virtual clock, the queue of scheduled
 * items, the manual actions in (tick, array order), and the discrete-event loop. Each loop
 * step takes the next tick at which a queued item or a manual action is due, applies the
 * actions, processes one item and lets the protocol check for the end; `runUntil` stops at
 * `tickMax` (to resume later), and the run ends when nothing is left to happen ("stalled"),
 * the scenario's `maxTicks` is passed, or the trace reaches `eventsMax`.
 *
 * Engine state (SPEC §5) is one plain-data snapshot: each engine's `snapshot()` gathers every
 * part's state by reference and copies the whole with one structured clone, so an object two
 * parts share (a round in a queued message and in a replica's state) stays shared in the
 * copy; `restore` copies it again, so one snapshot restores any number of independent engines.
 *
 * Policy: the trace is not in the snapshot, only its length (`LoopState.eventCount`). Events
 * are immutable once recorded and the trace only grows, so a restored engine takes a slice of
 * the run's trace instead: a checkpoint never copies events, of which a run may hold
 * `eventsMax`.
 */
export abstract class SimEngine<I extends { kind: string }> {
  /** The trace so far. Append-only; events are never edited after they are recorded. */
  events: SimEvent[];
  tick: number;
  protected readonly queue: EventQueue<I>;
  private finished: boolean;
  private actionIndex: number;
  /** Roster ids to indices, made on first use (`indexOf`). */
  private rosterIndex: Map<string, number> | undefined;

  /** A run at tick 0, or, with `from`, the loop of a restored engine (its state taken over). */
  constructor(
    readonly scenario: ResolvedScenario,
    from?: { loop: LoopState<I>; trace: readonly SimEvent[] },
  ) {
    const loop = from?.loop;
    if (from) {
      const { trace } = from;
      const needed = from.loop.eventCount;
      const got = trace.length;
      assert(got >= needed, `restore: the snapshot needs ${needed} trace events, not ${got}`);
    }
    this.events = from ? from.trace.slice(0, from.loop.eventCount) : [];
    this.tick = loop?.tick ?? 0;
    this.queue = new EventQueue<I>(loop?.queue);
    this.finished = loop?.finished ?? false;
    this.actionIndex = loop?.actionIndex ?? 0;
  }

  /** The index of a roster id the engine itself wrote (`a3` → 3). */
  index(id: string): number {
    return Number(id.slice(1));
  }

  /** The loop's state, by reference (not a copy): part of the engine's snapshot. */
  protected loopState(): LoopState<I> {
    const { tick, actionIndex, finished } = this;
    const eventCount = this.events.length;
    return { tick, actionIndex, finished, eventCount, queue: this.queue.state() };
  }

  /** The roster index of an id like `a3`, or null for anything else. */
  indexOf(id: unknown): number | null {
    if (typeof id !== 'string') return null;
    // Policy: a lookup among the roster's own ids (`a0` … `a(n−1)`, written once), not a
    // pattern test per call: monitors and certificate checks ask for every vote.
    this.rosterIndex ??= new Map(Array.from({ length: this.scenario.n }, (_, index) => [`a${index}`, index]));
    return this.rosterIndex.get(id) ?? null;
  }

  /**
   * An engine invariant (STYLE: assert): a failure is a bug in the engine, reported with what
   * replays it: the seed, the scenario's hash and the tick.
   */
  check(condition: boolean, message: string): asserts condition {
    if (!condition) this.fail(message);
  }

  /**
   * `check` for hot paths, where building the message of a check that holds would cost a
   * string per event: `if (!condition) this.fail(message)`.
   */
  fail(message: string): never {
    const hash = sha256Hex(canonicalJson(this.scenario)).slice(0, 12);
    throw new AssertionError(`engine: ${message} (seed ${this.scenario.seed}, scenario ${hash}, tick ${this.tick})`);
  }

  get done(): boolean {
    return this.finished;
  }

  emit(event: SimEvent): void {
    this.events.push(quantise(event));
  }

  /**
   * `emit` without the quantising copy, for an event the engine built itself whose floats are
   * already rounded to at most `traceDecimals` places and whose arrays nothing will edit (fresh,
   * or shared only with other recorded events). Policy: at n = 1000 a commit records rows of
   * 10³ numbers per replica, and copying them was a tenth of the commit's allocation.
   */
  protected emitRounded(event: SimEvent): void {
    this.events.push(event);
  }

  /** Processes everything due up to and including `tickMax`. */
  runUntil(tickMax: number): void {
    while (!this.finished) {
      const next = Math.min(this.queue.peekTick(), this.nextActionTick());
      // A run with nothing left to do has stalled whatever `tickMax` is: checked first, or a
      // caller stepping to a finite tick (the worker) would wait forever for it to end.
      if (next !== Infinity && next > tickMax) return;
      const pastMax = next !== Infinity && next > this.scenario.maxTicks;
      if (next === Infinity || pastMax || this.events.length > eventsMax) {
        this.finish(pastMax ? 'maxTicks' : next === Infinity ? 'stalled' : 'eventsMax');
        return;
      }
      if (next < this.tick) this.fail(`the clock went back from ${this.tick} to ${next}`);
      this.tick = next;
      this.applyActionsDue();
      const item = this.queue.peekTick() === next ? this.queue.pop()! : null;
      if (item) this.dispatch(item);
      if (this.afterItem()) this.finish('completed');
    }
  }

  /**
   * The trace and its hash so far. `knownHash`: the hash of exactly these events, already
   * computed while they were streamed (the worker), so the trace is not hashed twice.
   */
  traceResult(knownHash?: string): { events: SimEvent[]; traceHash: string; ticks: number } {
    return { events: this.events, traceHash: knownHash ?? traceHash(this.events), ticks: this.tick };
  }

  protected abstract dispatch(item: I): void;
  protected abstract applyAction(action: ManualAction): void;
  /** After each processed item (monitors); true when the run is complete. */
  protected abstract afterItem(): boolean;
  /** The last word of a run: end-of-run monitors and the `runEnded` event. */
  protected abstract onRunEnd(reason: EndReason): void;

  /** The tick of the next manual action, or Infinity when none is left. */
  protected nextActionTick(): number {
    return this.scenario.actions[this.actionIndex]?.tick ?? Infinity;
  }

  private applyActionsDue(): void {
    const actions = this.scenario.actions;
    while (this.actionIndex < actions.length && actions[this.actionIndex]!.tick <= this.tick) {
      this.applyAction(actions[this.actionIndex++]!);
    }
  }

  private finish(reason: EndReason): void {
    this.finished = true;
    this.onRunEnd(reason);
  }
}
