import type { PresetName, Scenario } from '../../worker/api';
import { downloadText } from '../files/download';
import { importSizeProblem, parseImport } from '../files/parseImport';
import {
  fileStem, firstTraceDifference, scenarioFileText, traceFileText, type TraceFile,
} from '../files/traceFile';
import { shortHash } from '../format';
import { useRun } from './runStore';
import { usePlayback } from './playbackStore';

/**
 * Export and import of scenario and trace files. Everything a file asks for goes through the
 * lab store's own actions (the worker validates every scenario); these functions only read
 * files, write them, and say what happened.
 */
const lab = useRun.getState;
const playback = usePlayback.getState;
const tell = (notice: string) => lab().tell(notice);
const warn = (error: string) => lab().warn(error);

export const traceMismatchMessage =
  'This trace does not match its scenario: edited, or made by another version';

/** Saves the current scenario as `<name>.scenario.json` (canonical JSON, indented). */
export function exportScenarioFile(): void {
  const { scenario } = lab();
  if (scenario === null) return;
  downloadText(scenarioFileText(scenario), `${fileStem(scenario.name)}.scenario.json`);
}

/** Saves the whole run as `<name>.trace.json`, simulating it to the end first if needed. */
export async function exportTraceFile(): Promise<void> {
  if (lab().status !== 'loaded') await playback().runToEnd();
  const { scenario, summary, status } = lab();
  if (scenario === null || summary === null || status !== 'loaded') return;
  const core = await lab().coreTrace();
  if (!core.ok) return warn(`The trace was not exported: ${core.message}.`);
  const text = traceFileText(scenario, summary.traceHash, core.events);
  downloadText(text, `${fileStem(scenario.name)}.trace.json`);
}

/** Opens a scenario or trace file chosen or dropped; the current run is kept on any problem. */
export async function importFile(file: File): Promise<void> {
  const tooBig = importSizeProblem(file.size);
  if (tooBig !== null) return warn(tooBig);
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return warn(`${file.name} could not be read: ${reason}`);
  }
  await importText(text, file.name);
}

export async function importText(text: string, fileName: string): Promise<void> {
  const parsed = parseImport(text);
  if (!parsed.ok) return warn(`${fileName} was not opened. ${parsed.message}`);
  if (parsed.value.kind === 'trace') return importTrace(parsed.value.trace, fileName);
  const problem = await lab().applyScenario(parsed.value.scenario, { simulate: true });
  if (problem === null) tell(`Opened the scenario from ${fileName}.`);
}

interface RunSnapshot {
  scenario: Scenario | null;
  presetName: PresetName | null;
  loaded: boolean;
  cursor: number;
}

/**
 * Runs a trace's scenario and compares the run with the file, event by event and by hash.
 * Policy: a trace that does not match is not shown (it would show events that never
 * happened); the run the user had comes back, at the same tick.
 */
async function importTrace(file: TraceFile, fileName: string): Promise<void> {
  const { scenario, presetName, status } = lab();
  const { cursor } = playback();
  const before: RunSnapshot = { scenario, presetName, loaded: status === 'loaded', cursor };
  const problem = await lab().applyScenario(file.scenario, { simulate: true });
  if (problem !== null) return warn(`${fileName} was not opened. ${problem}`);
  const { summary } = lab();
  const core = lab().status === 'loaded' ? await lab().coreTrace() : null;
  if (summary === null || core === null || !core.ok) {
    const reason = core?.ok === false ? core.message : (lab().error ?? 'the run did not finish');
    await restore(before);
    return warn(`${fileName} could not be checked: ${reason}`);
  }
  const trace = core.events;
  const difference = firstTraceDifference(file.events, trace);
  if (difference === null && summary.traceHash === file.traceHash) {
    return tell(`Trace verified: same hash (${shortHash(summary.traceHash)}) from ${fileName}.`);
  }
  const [fileHash, runHash] = [shortHash(file.traceHash), shortHash(summary.traceHash)];
  const counts = `the file has ${file.events.length} events, the run ${trace.length}`;
  const where =
    difference === null
      ? `its events match, but its hash ${fileHash} is not the run's ${runHash}`
      : `event ${difference} differs (${counts})`;
  await restore(before);
  warn(`${traceMismatchMessage} (${fileName}: ${where}). Your previous run is unchanged.`);
}

async function restore(before: RunSnapshot): Promise<void> {
  if (before.scenario === null) return;
  if (before.presetName !== null) await lab().selectPreset(before.presetName);
  else await lab().applyScenario(before.scenario);
  if (!before.loaded) return;
  await playback().runToEnd();
  playback().setCursor(before.cursor);
}
