import { useEffect } from 'react';
import type { PresetName } from '../../worker/api';
import { useLab } from '../store/labStore';

const customValue = 'custom';

/** Title, preset picker, play and share controls, and the run status line. */
export function Header() {
  const presets = useLab((state) => state.presets);
  const presetName = useLab((state) => state.presetName);
  const scenario = useLab((state) => state.scenario);
  const status = useLab((state) => state.status);
  const summary = useLab((state) => state.summary);
  const selectPreset = useLab((state) => state.selectPreset);
  const play = useLab((state) => state.play);
  const share = useLab((state) => state.share);

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

  return (
    <header className="app-header">
      <h1>BFT Lab</h1>
      <label className="preset-picker">
        <span className="visually-hidden">Preset</span>
        <select
          data-testid="preset-select"
          value={presetName ?? customValue}
          disabled={presets.length === 0}
          onChange={(event) => void selectPreset(event.target.value as PresetName)}
        >
          {presetName === null && <option value={customValue}>{scenario?.name ?? 'Scenario from a link'}</option>}
          {presets.map((preset) => (
            <option key={preset.name} value={preset.name}>
              {preset.name} — {preset.title}
            </option>
          ))}
        </select>
      </label>
      {scenario && <span className="tag">{scenario.protocol === 'council' ? 'Council' : 'ResonanceBFT'}</span>}
      <button
        type="button"
        className="primary"
        data-testid="play"
        disabled={scenario === null || status === 'running'}
        onClick={() => void play()}
      >
        {status === 'done' ? '↻ Run again' : '▶ Play'}
      </button>
      <button type="button" data-testid="share-button" disabled={scenario === null} onClick={() => void share()}>
        Share link
      </button>
      <p className="run-status" data-testid="run-status" aria-live="polite">
        {statusLine(status, scenario, summary)}
      </p>
    </header>
  );
}

function statusLine(
  status: ReturnType<typeof useLab.getState>['status'],
  scenario: ReturnType<typeof useLab.getState>['scenario'],
  summary: ReturnType<typeof useLab.getState>['summary'],
): string {
  if (status === 'starting') return 'starting the simulation worker…';
  if (status === 'running') return 'running…';
  if (scenario === null) return '';
  const rounds = scenario.rounds ?? 5;
  const unit = scenario.protocol === 'council' ? 'proposals' : 'rounds';
  if (status !== 'done' || summary === null) return `${scenario.n} agents · ${rounds} ${unit} · seed ${scenario.seed} · ready`;
  if (summary.council) {
    const approved = summary.council.proposals.filter((p) => p.decision === 'approved').length;
    const total = summary.council.proposals.length;
    return `${total} proposals · ✓${approved} approved · ✗${total - approved} not approved · tick ${summary.ticks}`;
  }
  const commits = summary.rounds.filter((round) => round.status === 'committed').length;
  const lastView = Math.max(0, ...summary.rounds.map((round) => round.view));
  return `round ${commits}/${rounds} · view ${lastView} · tick ${summary.ticks} · ✓${commits} ✗${rounds - commits}`;
}
