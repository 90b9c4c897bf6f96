import { scenarioDefaults } from '../../core/values';
import type { PresetName } from '../../worker/api';
import { useCompare } from '../store/compareStore';
import { useExplore } from '../store/exploreStore';
import { useRun } from '../store/runStore';
import { useCursorTrace, useEnded, usePlayback } from '../store/playbackStore';
import { cursorStatus } from '../trace/cursorStatus';
import './chrome.css';
import { FileMenu } from './FileMenu';
import { LessonPicker } from '../lessons/LessonPicker';
import { ViewControls } from './ViewControls';
import { performAction } from './performAction';

const customValue = 'custom';

/**
 * Title, preset picker, share and file controls, the run status line at the time cursor, and
 * the view controls (theme, presenter mode, help).
 */
export function Header() {
  const presets = useRun((state) => state.presets);
  const presetName = useRun((state) => state.presetName);
  const scenario = useRun((state) => state.scenario);
  const selectPreset = useRun((state) => state.selectPreset);
  const exploring = useExplore((state) => state.open);
  const comparing = useCompare((state) => state.open);
  // A preset picked or Explore opened while comparing leaves the comparison first.
  const leaveCompare = async () => {
    if (useCompare.getState().open) await useCompare.getState().close();
  };

  return (
    <header className="app-header">
      <h1>BFT Lab</h1>
      <label className="preset-picker">
        <span className="visually-hidden">Preset</span>
        <select
          data-testid="preset-select"
          value={presetName ?? customValue}
          disabled={presets.length === 0}
          onChange={(event) => {
            const name = event.target.value as PresetName;
            void leaveCompare().then(() => selectPreset(name));
          }}
        >
          {presetName === null && <option value={customValue}>{scenario?.name ?? 'Scenario from a link'}</option>}
          {presets.map((preset) => (
            <option key={preset.name} value={preset.name}>
              {preset.name} — {preset.title}
            </option>
          ))}
        </select>
      </label>
      <LessonPicker />
      {scenario && <span className="tag">{scenario.protocol === 'council' ? 'Council' : 'ResonanceBFT'}</span>}
      <button type="button" data-testid="share-button" disabled={scenario === null} onClick={() => void performAction({ id: 'share' })}>
        Share link
      </button>
      <FileMenu />
      <button type="button" data-testid="explore-open" aria-pressed={exploring}
        onClick={() => (exploring
          ? useExplore.getState().close()
          : void leaveCompare().then(() => useExplore.getState().openExplore()))}>
        Explore
      </button>
      {/* The status line is the simulator's run; the compare view says where both runs are. */}
      {comparing ? <span className="run-status" /> : <RunStatus />}
      <ViewControls />
    </header>
  );
}

function RunStatus() {
  const scenario = useRun((state) => state.scenario);
  const status = useRun((state) => state.status);
  // The trace as the cursor shows it: after a step inside a tick, the counts of those events.
  const trace = useCursorTrace();
  // The whole tick: the line changes when a tick passes, so it re-renders once per tick.
  const cursor = usePlayback((state) => Math.floor(state.cursor));
  const ended = useEnded();
  const presetName = useRun((state) => state.presetName);
  // Nothing simulated yet (the cursor's trace may be empty while the run's is not).
  const nothingYet = useRun((state) => state.trace.length === 0);
  let text = '';
  let tickShown: number | null = null;
  const simulating = status === 'simulating';
  if (status === 'starting') text = 'starting the simulation worker…';
  else if (simulating && nothingYet) text = 'simulating…';
  else if (scenario !== null) {
    const rounds = scenario.rounds ?? scenarioDefaults.rounds;
    const council = scenario.protocol === 'council';
    if (status === 'ready') {
      const unit = council ? 'proposal' : 'round';
      text = `${scenario.n} agents · ${rounds} ${unit}${rounds === 1 ? '' : 's'} · seed ${scenario.seed} · ready`;
    } else {
      const at = cursorStatus(scenario, trace, cursor, ended);
      tickShown = at.tick;
      text = council
        ? `${at.decided + at.aborted}/${rounds} proposals · ✓${at.decided} approved · ✗${at.aborted} not approved · tick ${at.tick}`
        : `round ${Math.min(at.decided + at.noAgreement + 1, rounds)}/${rounds} · view ${at.view} · tick ${at.tick} · ` +
          `✓${at.decided}${at.noAgreement > 0 ? ` ⊘${at.noAgreement}` : ''} ✗${at.aborted}`;
      if (ended) text += ' · ended';
      if (simulating) text += ' · simulating ahead…';
      if (status === 'stopped') text += ' · simulation stopped';
    }
  }
  return (
    // The scenario's name and the tick are also data: an exported panel image is titled with them.
    <p
      className="run-status"
      data-testid="run-status"
      aria-live="polite"
      title={text || undefined}
      data-scenario-name={scenario ? scenario.name || presetName || `${scenario.n} agents, seed ${scenario.seed}` : undefined}
      data-tick={tickShown ?? undefined}
    >
      {text}
    </p>
  );
}
