/**
 * The public face of the simulator core (SPEC §5): what the command line, the worker and tests
 * import. Scenarios come in only through `parseScenario` (a Result, never a throw on bad
 * input); `runScenario` runs one headlessly, and its `summary` is the CLI's `--json` object;
 * presets are named scenario files; share links encode a whole scenario.
 */
export { parseScenario, type ScenarioResult } from './parseScenario';
export { runScenario, finishedRun, type ScenarioRun, type CouncilSummary } from './runScenario';
export { presetNames, preset, presetMatching, isPresetName, type Preset, type PresetName } from './presets';
export {
  encodeShareLink,
  decodeShareLink,
  InflatedTooLargeError,
  type RawDeflateCodec,
} from './shareLink';
export { encodeLessonLink, decodeLessonLink, type LessonLinkResult } from './lessonLink';
export { withDefaults, type Scenario, type ResolvedScenario, type Fault, type FaultKind } from './scenario';
export type { RunSummary, RoundSummary } from './engine/summarizeRun';
export type { SimEvent } from './engine/traceEvents';
