import { useEffect } from 'react';
import type { PresetName } from '../../worker/api';
import { useLab } from '../store/labStore';

/** Title, preset picker, play control and the run status line. */
export function Header() {
  const presets = useLab((state) => state.presets);
  const presetName = useLab((state) => state.presetName);
  const scenario = useLab((state) => state.scenario);
  const status = useLab((state) => state.status);
  const report = useLab((state) => state.report);
  const selectPreset = useLab((state) => state.selectPreset);
  const play = useLab((state) => state.play);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== ' ' || target?.closest('input, select, textarea, button')) return;
      event.preventDefault();
      void play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [play]);

  const decided = report?.proposals ?? [];
  const approved = decided.filter((p) => p.tally.decision === 'approved').length;
  return (
    <header className="app-header">
      <h1>BFT Lab</h1>
      <label className="preset-picker">
        <span className="visually-hidden">Preset</span>
        <select
          data-testid="preset-select"
          value={presetName}
          disabled={presets.length === 0}
          onChange={(event) => void selectPreset(event.target.value as PresetName)}
        >
          {presets.map((preset) => (
            <option key={preset.name} value={preset.name}>
              {preset.name} — {preset.title}
            </option>
          ))}
        </select>
      </label>
      {scenario && <span className="tag">{scenario.protocol}</span>}
      <button
        type="button"
        className="primary"
        data-testid="play"
        disabled={scenario === null || status === 'running'}
        onClick={() => void play()}
      >
        {status === 'done' ? '↻ Run again' : '▶ Play'}
      </button>
      <p className="run-status" data-testid="run-status" aria-live="polite">
        {status === 'starting' && 'starting the simulation worker…'}
        {status === 'ready' && scenario && `${scenario.n} voters · ${scenario.rounds ?? 5} proposals · ready`}
        {status === 'running' && 'running…'}
        {status === 'done' &&
          report &&
          `${decided.length} proposals · ✓${approved} approved · ✗${decided.length - approved} not approved · tick ${report.ticks}`}
      </p>
    </header>
  );
}
