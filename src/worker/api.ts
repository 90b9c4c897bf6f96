/**
 * The worker's API and the types it shares with the app. The app imports only types from
 * here (and from core through here); protocol work never runs on the main thread.
 */
import type { Scenario } from '../core/sim/scenario';
import type { CouncilRunReport } from '../core/sim/runCouncilScenario';
import type { PresetName } from '../core/sim/presets';

export type { Scenario, CouncilRunReport, PresetName };
export type { CouncilProposalReport, CouncilVoteReport } from '../core/sim/runCouncilScenario';
export type { ResolvedScenario } from '../core/sim/scenario';
export type { AuditEntry } from '../core/audit';
export type { TallyResult } from '../core/council';
export type { RunSummary, RoundSummary } from '../core/sim/engine/summarizeRun';
export type { InvariantStatus } from '../core/sim/engine/monitors';
export type {
  Comparison, ForkChange, ForkFaultKind, ForkUnsafeRule, OpenedComparison,
} from '../core/sim/fork';

/** A fork or a compare link, checked in the worker: the pair and its caption, or a message. */
export type ComparisonReply =
  | { ok: true; value: import('../core/sim/fork').OpenedComparison }
  | { ok: false; message: string };

/** A validation result that crosses the worker boundary: the scenario, or a message. */
export type LinkResult = { ok: true; value: Scenario } | { ok: false; message: string };

/** An opened link: its scenario and, when the scenario is exactly a preset's, that preset. */
export type OpenedLink = { ok: true; value: Scenario; preset: PresetName | null } | { ok: false; message: string };

/** A lesson link made, or why not (over 8 KB). */
export type LessonLinkText = { ok: true; link: string } | { ok: false; message: string };
/** The JSON a lesson link carries, or why it cannot be read. */
export type LessonLinkValue = { ok: true; value: unknown } | { ok: false; message: string };

export interface RunSummaryReply {
  summary: import('../core/sim/engine/summarizeRun').RunSummary & {
    council?: import('../core/sim/runScenario').CouncilSummary;
  };
  eventCount: number;
}

export interface PresetSummary {
  name: PresetName;
  title: string;
  protocol: 'council' | 'resonance';
  explanation: string;
}

/** Replies carry the run epoch they answer, so the bridge can drop stale ones (STYLE: Worker). */
export interface EpochReply<T> {
  epoch: number;
  value: T;
}

/**
 * An `AheadBatch` whose events cross the worker boundary as one transferred buffer of UTF-8
 * JSON (an array of stream events), not as thousands of structured-cloned objects.
 */
export type EncodedBatch = Omit<import('./SimSession').AheadBatch, 'events'> & { eventsJson: Uint8Array };

export type { AheadBatch, CoreTraceReply, EventBatch, LoadReply, SeedResult, SeekReply, SweepPoint } from './SimSession';
export type { AgentCard, AgentCardReply, PersonaCard, SealedRecordCard } from './agentCard';
export type { SimEvent } from '../core/sim/engine/traceEvents';
export type { MessagesAggregated, StreamEvent, MessageKey as StreamMessageKey } from './streamEvents';

export interface WorkerApi {
  /** Validates a scenario (object or JSON text) and starts run `epoch` from tick 0. */
  load(input: unknown, epoch: number): import('./SimSession').LoadReply;
  /** The next batch of events (≤ 10 KB) of run `epoch`, simulating ahead to the end. */
  run(epoch: number): import('./SimSession').EventBatch;
  /**
   * Simulates run `epoch` a little further (a wall-time budget) and returns the next events as
   * UTF-8 JSON in a transferred buffer, with the frontier the page may play to: the page plays
   * while the worker simulates (SPEC §5).
   */
  ahead(epoch: number): EncodedBatch;
  /** Simulates `ticks` more ticks of run `epoch` and returns the new events (≤ 10 KB). */
  step(epoch: number, ticks: number): import('./SimSession').EventBatch;
  /** The finished run of `epoch`: its summary and, for the Council, the panels' report. */
  result(epoch: number): import('./SimSession').RunResult;
  /** The whole core trace of run `epoch` (export, import checks), or why it is too large. */
  coreTrace(epoch: number): import('./SimSession').CoreTraceReply;
  /** The state at `tick` of run `epoch`, rebuilt from the nearest checkpoint. */
  seek(epoch: number, tick: number): import('./SimSession').SeekReply;
  /**
   * The agent inspector's card of `agent` at `tick` of run `epoch`: persona, latest sealed
   * record, seal and signature verdicts (hidden state the trace does not carry).
   */
  inspectAgent(epoch: number, tick: number, agent: number): import('./agentCard').AgentCardReply;
  /** Runs `scenario` under every seed; `progress(done, total)` after each; cancellable by token. */
  batch(
    scenario: Scenario,
    seeds: number[],
    token: number,
    progress?: (done: number, total: number) => void,
  ): Promise<import('./SimSession').SeedResult[]>;
  /** Runs each value of a dotted scenario field under every seed. */
  sweep(
    scenario: Scenario,
    param: string,
    values: unknown[],
    seeds: number[],
    token: number,
    progress?: (done: number, total: number) => void,
  ): Promise<import('./SimSession').SweepPoint[]>;
  /** Stops the batch or sweep started with `token` after its current run. */
  cancel(token: number): void;
  /** Preset names and titles, for the picker. */
  presets(): PresetSummary[];
  /** The scenario of a preset, for the configuration panel and share links. */
  preset(name: PresetName): Scenario;
  /** A scenario (object or JSON text) checked against the schema; never throws on bad input. */
  validate(input: unknown): LinkResult;
  /** The share-link fragment (`#s=1.…`) of a scenario. */
  encodeLink(scenario: Scenario): Promise<string>;
  /** A scenario from a link or fragment, validated; never throws on bad input. */
  decodeLink(text: string): Promise<OpenedLink>;
  /**
   * The `#l=1.…` link of a lesson the page has validated, or why there is none (over 8 KB).
   * The same encoder as scenario links; the lesson format itself is the page's (app/lessons).
   */
  encodeLessonLink(lesson: unknown): Promise<LessonLinkText>;
  /** The JSON value of a lesson link, for the page to validate; never throws on bad input. */
  decodeLessonLink(text: string): Promise<LessonLinkValue>;
  /**
   * The "what if" pair of `base` forked at tick `at` with one change (SPEC §7 Compare): the
   * fork scenario and the change in words; never throws on bad input.
   */
  fork(base: Scenario, at: number, change: import('../core/sim/fork').ForkChange): ComparisonReply;
  /** The pair link (`#c=1.…`) of a comparison; rejects when it is invalid or over 8 KB. */
  encodeCompareLink(comparison: import('../core/sim/fork').Comparison): Promise<string>;
  /** The comparison of a `#c=` link or fragment, with its fork; never throws on bad input. */
  decodeCompareLink(text: string): Promise<ComparisonReply>;
}
