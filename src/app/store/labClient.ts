import type {
  AgentCardReply,
  Comparison,
  ComparisonReply,
  CoreTraceReply,
  ForkChange,
  CouncilRunReport,
  EncodedBatch,
  LessonLinkText,
  LessonLinkValue,
  LinkResult,
  LoadReply,
  OpenedLink,
  PresetName,
  PresetSummary,
  ResolvedScenario,
  RunSummaryReply,
  Scenario,
  SimEvent,
  StreamEvent,
} from '../../worker/api';
import type { WorkerCaller } from '../bridge/WorkerBridge';

/** A run simulated to its end and checked: what the panels show once the trace is whole. */
export interface SimulatedRun {
  resolved: ResolvedScenario;
  summary: RunSummaryReply['summary'];
  report: CouncilRunReport | null;
  /** The tick of the last event. */
  endTick: number;
}

export interface SimulateListener {
  /** The run with every default filled in, as soon as the worker has loaded it. */
  onLoaded?(resolved: ResolvedScenario): void;
  /** The next events, in trace order, and the tick up to which every event has been handed over. */
  onEvents(events: StreamEvent[], frontier: number): void;
  /** False once the run is replaced: the simulation stops and resolves null. */
  isCurrent(): boolean;
}

const decoder = new TextDecoder();

/**
 * The page's conversation with the simulation worker (SPEC §5): every call the stores make,
 * with the worker's replies checked and turned into plain results. The stores keep state; this
 * keeps none but the bridge, so it is tested against a fake bridge that runs the worker's API
 * in-process (`labClient.test.ts`).
 */
export class LabClient {
  constructor(private readonly bridge: WorkerCaller) {}

  presets(): Promise<PresetSummary[]> {
    return this.bridge.call((api) => api.presets());
  }

  preset(name: PresetName): Promise<Scenario> {
    return this.bridge.call((api) => api.preset(name));
  }

  /** A scenario checked against the schema; never throws on bad input. */
  validate(candidate: unknown): Promise<LinkResult> {
    return this.bridge.call<LinkResult>((api) => api.validate(candidate));
  }

  /** A validated lesson's `#l=1.…` link, or why there is none. */
  encodeLessonLink(lesson: unknown): Promise<LessonLinkText> {
    return this.bridge.call<LessonLinkText>((api) => api.encodeLessonLink(lesson));
  }

  /** The JSON a lesson link carries, for the page to validate; never throws on bad input. */
  decodeLessonLink(fragment: string): Promise<LessonLinkValue> {
    return this.bridge.call<LessonLinkValue>((api) => api.decodeLessonLink(fragment));
  }

  /** The scenario a link's fragment names, validated; never throws on bad input. */
  decodeLink(fragment: string): Promise<OpenedLink> {
    return this.bridge.call<OpenedLink>((api) => api.decodeLink(fragment));
  }

  /** The share-link fragment of a scenario; rejects when it is over the link size limit. */
  encodeLink(scenario: Scenario): Promise<string> {
    return this.bridge.call((api) => api.encodeLink(scenario));
  }

  /**
   * Simulates `scenario` as run `epoch`, handing each batch to `listener` as it arrives so the
   * page plays while the worker simulates, then checks determinism: the streamed trace's hash
   * and event count must be the run's. Resolves null if the run was replaced meanwhile; rejects
   * with a readable message if the worker refused the scenario or the check failed.
   */
  async simulate(scenario: Scenario, epoch: number, listener: SimulateListener): Promise<SimulatedRun | null> {
    const loaded = await this.bridge.call<LoadReply>((api) => api.load(scenario, epoch));
    if (!loaded.ok) throw new Error(loaded.message);
    if (!listener.isCurrent()) return null;
    listener.onLoaded?.(loaded.resolved);
    let batch: EncodedBatch;
    let endTick = 0;
    const ahead = () => this.bridge.call<EncodedBatch>((api) => api.ahead(epoch));
    // Policy: the next batch is asked for before this one is read and drawn, so the worker
    // simulates while the page parses and renders instead of waiting for it (on two cores
    // that overlap is most of the page's simulation time).
    let next = ahead();
    do {
      batch = await next;
      if (!batch.done) next = ahead();
      if (batch.epoch !== epoch || !listener.isCurrent()) {
        // A request still in flight for a run the page no longer shows answers into nothing.
        next.catch(() => undefined);
        return null;
      }
      const events = JSON.parse(decoder.decode(batch.eventsJson)) as StreamEvent[];
      if (events.length > 0) endTick = events[events.length - 1]!.t;
      listener.onEvents(events, batch.frontier);
    } while (!batch.done);
    const result = await this.bridge.call((api) => api.result(epoch));
    if (result.epoch !== epoch || !listener.isCurrent()) return null;
    // The stream hashed every core event it read, aggregated or not, and the run reports that
    // hash once the stream has read it all: what must agree is how many events each counted.
    if (result.summary.traceHash !== batch.traceHash || result.eventCount !== batch.coreEventCount) {
      throw new Error(
        `Determinism check failed: the streamed trace (${batch.coreEventCount} events) hashes to ` +
          `${batch.traceHash}, the run (${result.eventCount} events) to ${result.summary.traceHash}.`,
      );
    }
    return { resolved: loaded.resolved, summary: result.summary, report: result.report, endTick };
  }

  /** The "what if" pair of `base` forked at `at` with `change`, checked; never throws on bad input. */
  fork(base: Scenario, at: number, change: ForkChange): Promise<ComparisonReply> {
    return this.bridge.call<ComparisonReply>((api) => api.fork(base, at, change));
  }

  /** The pair link (`#c=1.…`) of a comparison; rejects when it is over the link size limit. */
  encodeCompareLink(comparison: Comparison): Promise<string> {
    return this.bridge.call((api) => api.encodeCompareLink(comparison));
  }

  /** The comparison a `#c=` fragment names, with its fork; never throws on bad input. */
  decodeCompareLink(fragment: string): Promise<ComparisonReply> {
    return this.bridge.call<ComparisonReply>((api) => api.decodeCompareLink(fragment));
  }

  /** The agent inspector's card of `agent` at `tick` of run `epoch`. */
  inspectAgent(epoch: number, tick: number, agent: number): Promise<AgentCardReply> {
    return this.bridge.call((api) => api.inspectAgent(epoch, tick, agent));
  }

  /** The whole core trace of run `epoch` (export, import checks), or why it cannot be had. */
  async coreTrace(epoch: number): Promise<{ ok: true; events: SimEvent[] } | { ok: false; message: string }> {
    try {
      const reply = await this.bridge.call<CoreTraceReply>((api) => api.coreTrace(epoch));
      if (reply.epoch !== epoch) return { ok: false, message: 'the run changed meanwhile' };
      return reply.ok ? { ok: true, events: reply.events } : { ok: false, message: reply.message };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
}
