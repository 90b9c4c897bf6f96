/**
 * The worker's API and the types it shares with the app. The app imports only types from
 * here (and from core through here); protocol work never runs on the main thread.
 */
import type { Scenario } from '../core/sim/scenario';
import type { CouncilRunReport } from '../core/sim/runCouncilScenario';
import type { PresetName } from '../core/sim/presets';

export type { Scenario, CouncilRunReport, PresetName };
export type { CouncilProposalReport, CouncilVoteReport } from '../core/sim/runCouncilScenario';
export type { AuditEntry } from '../core/audit';
export type { TallyResult } from '../core/council';

export interface PresetSummary {
  name: PresetName;
  title: string;
  protocol: 'council' | 'resonance';
}

/** Replies carry the run epoch they answer, so the bridge can drop stale ones (STYLE: Worker). */
export interface EpochReply<T> {
  epoch: number;
  value: T;
}

export interface WorkerApi {
  /** Preset names and titles, for the picker. */
  presets(): PresetSummary[];
  /** The scenario of a preset, for the configuration panel and share links. */
  preset(name: PresetName): Scenario;
  /** Runs a council scenario to the end and reports it, tagged with the caller's epoch. */
  runCouncil(scenario: Scenario, epoch: number): EpochReply<CouncilRunReport>;
}
