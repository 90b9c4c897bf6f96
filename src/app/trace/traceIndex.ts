import type { StreamEvent } from '../../worker/api';
import { lowerBound, upperBound } from './tickSearch';

export type EventKind = StreamEvent['kind'];
export type EventOf<K extends EventKind> = Extract<StreamEvent, { kind: K }>;

/**
 * What one panel needs from a trace, read event by event as the trace grows: the panel's
 * folder declares it, the run's one `TraceIndex` builds it (SPEC §5). `read` is called once per
 * event, in trace order, for every event from the first, with the event's position in the
 * trace; the state it builds only grows. A section covers the whole run, so a panel bounds
 * what it reads by the index it is given (`countUpTo`): an index may end inside a tick when the
 * cursor steps event by event.
 */
export interface TraceSection<S> {
  readonly name: string;
  create(): S;
  read(state: S, event: StreamEvent, position: number): void;
}

/** The events of one kind and their ticks (ascending), for binary search. */
interface KindList {
  events: StreamEvent[];
  ticks: number[];
  /** Each event's position in the whole trace. */
  positions: number[];
}

/** The storage one run's indexes share; only ever appended to. */
interface IndexData {
  readonly events: StreamEvent[];
  /** Each event's tick: `end` searches numbers, not events of many shapes. */
  readonly ticks: number[];
  readonly kinds: Map<EventKind, KindList>;
  readonly sections: Map<TraceSection<unknown>, unknown>;
  /** The index `prefix` made last: asked again for the same length, it is the same object. */
  lastPrefix: TraceIndex | null;
}

const noEvents: readonly never[] = [];
const noTicks: readonly number[] = [];

/**
 * The page's one index of a run's trace (SPEC §5): the events in trace order, by tick and by
 * kind, plus the sections panels declare, all extended as batches arrive. Every panel is a
 * selector over (index, tick).
 *
 * Policy: `extend` returns a new object over the same storage, so React and zustand see a new
 * value per batch while nothing is copied; the older objects stay valid for any tick they
 * cover (a later extension only adds events after their last), so only the newest one of a run
 * may be extended. `prefix` makes the same kind of object over fewer events: the run as it
 * stood after exactly those, which is what the panels draw while the cursor steps through the
 * events of one tick.
 */
export class TraceIndex {
  private constructor(
    private readonly data: IndexData,
    /** How many events this index holds. */
    readonly length: number,
  ) {}

  /** An index of `events` (a whole trace, or none for a run not simulated yet). */
  static of(events: readonly StreamEvent[] = noEvents): TraceIndex {
    const empty = new TraceIndex({ events: [], ticks: [], kinds: new Map(), sections: new Map(), lastPrefix: null }, 0);
    return events.length === 0 ? empty : empty.extend(events);
  }

  /** This run's trace with `more` events appended (ticks never decrease). */
  extend(more: readonly StreamEvent[]): TraceIndex {
    const { data } = this;
    if (this.length !== data.events.length) {
      throw new Error('Only the newest index of a run can be extended.');
    }
    const sections = [...data.sections] as [TraceSection<unknown>, unknown][];
    for (const event of more) {
      data.events.push(event);
      data.ticks.push(event.t);
      let list = data.kinds.get(event.kind);
      if (list === undefined) {
        list = { events: [], ticks: [], positions: [] };
        data.kinds.set(event.kind, list);
      }
      list.events.push(event);
      list.ticks.push(event.t);
      const position = data.events.length - 1;
      list.positions.push(position);
      for (const [section, state] of sections) section.read(state, event, position);
    }
    return more.length === 0 ? this : new TraceIndex(data, data.events.length);
  }

  /**
   * The run after its first `length` events only (clamped to this index), over the same storage:
   * every query answers as if the trace ended there, even inside a tick.
   *
   * Policy: asked for the length it was last asked for, by any index of the run, it returns the
   * same object (two indexes of one run with one length answer every query alike), so a panel
   * memoised on its index is not redrawn when a later batch arrives past the cursor.
   */
  prefix(length: number): TraceIndex {
    const clamped = Math.min(Math.max(Math.floor(length), 0), this.length);
    const cached = this.data.lastPrefix;
    if (cached !== null && cached.length === clamped) return cached;
    const made = clamped === this.length ? this : new TraceIndex(this.data, clamped);
    this.data.lastPrefix = made;
    return made;
  }

  /**
   * Every event of the run in trace order. The array is shared with later indexes of the run,
   * so read it through `end(tick)` or `length`, never to its own end.
   */
  get events(): readonly StreamEvent[] {
    return this.data.events;
  }

  /** The tick of the last event, or 0 for an empty trace. */
  get lastTick(): number {
    return this.length === 0 ? 0 : this.data.events[this.length - 1]!.t;
  }

  /** The position just past the last event at or before `tick`. */
  end(tick: number): number {
    return Math.min(upperBound(this.data.ticks, tick), this.length);
  }

  /** The events at or before `tick`, in trace order (a copy: for small slices and exports). */
  upTo(tick: number): StreamEvent[] {
    return this.data.events.slice(0, this.end(tick));
  }

  /** The first event after `tick`, or null. */
  after(tick: number): StreamEvent | null {
    const position = this.end(tick);
    return position < this.length ? this.data.events[position]! : null;
  }

  /**
   * The events of one kind, in trace order, and their ticks. Shared arrays: read the first
   * `countOf(kind, tick)` of them.
   */
  ofKind<K extends EventKind>(kind: K): { events: readonly EventOf<K>[]; ticks: readonly number[] } {
    const list = this.data.kinds.get(kind);
    if (list === undefined) return { events: noEvents, ticks: noTicks };
    return { events: list.events as EventOf<K>[], ticks: list.ticks };
  }

  /**
   * The events of the given kinds, in trace order (a fresh array): what a panel that draws a
   * few kinds picks out of a run, without reading the rest of it.
   */
  ofKinds<K extends EventKind>(kinds: Iterable<K>): EventOf<K>[] {
    const positions: number[] = [];
    for (const kind of kinds) {
      const list = this.data.kinds.get(kind);
      if (list === undefined) continue;
      for (const position of list.positions) {
        if (position >= this.length) break;
        positions.push(position);
      }
    }
    positions.sort((a, b) => a - b);
    return positions.map((position) => this.data.events[position] as EventOf<K>);
  }

  /** How many events of `kind` happen at or before `tick` (within this index). */
  countOf(kind: EventKind, tick: number): number {
    const list = this.data.kinds.get(kind);
    if (list === undefined) return 0;
    return this.countUpTo(list.positions, tick);
  }

  /**
   * How many entries of a list kept by trace position (ascending, as a section records them)
   * stand at or before `tick` within this index: one search, exact even when this index ends
   * inside a tick.
   */
  countUpTo(positions: readonly number[], tick: number): number {
    return lowerBound(positions, this.end(tick));
  }

  /** The events of `kind` at or before `tick`, in trace order (a fresh array). */
  kindUpTo<K extends EventKind>(kind: K, tick: number): EventOf<K>[] {
    const list = this.data.kinds.get(kind);
    if (list === undefined) return [];
    return list.events.slice(0, this.countOf(kind, tick)) as EventOf<K>[];
  }

  /** The last event of `kind` at or before `tick`, or null. */
  lastOf<K extends EventKind>(kind: K, tick: number): EventOf<K> | null {
    const count = this.countOf(kind, tick);
    return count === 0 ? null : (this.data.kinds.get(kind)!.events[count - 1] as EventOf<K>);
  }

  /** The first event of `kind` (at any tick of this index), or null. */
  firstOf<K extends EventKind>(kind: K): EventOf<K> | null {
    const list = this.data.kinds.get(kind);
    const first = list?.events[0];
    return first === undefined || list!.positions[0]! >= this.length ? null : (first as EventOf<K>);
  }

  /**
   * A panel's section of this run, built on first use from the events so far and extended
   * with every later batch. Its state may hold events past this index's last: read it by tick.
   */
  section<S>(definition: TraceSection<S>): S {
    const { data } = this;
    let state = data.sections.get(definition as TraceSection<unknown>) as S | undefined;
    if (state === undefined) {
      const created = definition.create();
      data.events.forEach((event, position) => definition.read(created, event, position));
      data.sections.set(definition as TraceSection<unknown>, created);
      state = created;
    }
    return state;
  }

}
