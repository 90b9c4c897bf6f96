import type { PresetName } from '../../worker/api';
import { paramsForBase, useExplore, type BaseChoice } from '../store/exploreStore';
import { useRun } from '../store/runStore';
import { metricInfos } from './metricInfo';
import type { SweepParamInfo } from './sweepParams';
import { paramLabel, sweepParams } from './sweepParams';

/**
 * The sweep editor (UI.md Explore, left): the base scenario, the axes as "parameter · values"
 * rows with default ranges, seeds per cell, the metric drawn first; Run and Cancel.
 */
export function SweepEditor() {
  const draft = useExplore((state) => state.draft);
  const presets = useExplore((state) => state.presets);
  const sweepBase = useExplore((state) => state.sweepBase);
  const status = useExplore((state) => state.status);
  const setDraft = useExplore((state) => state.setDraft);
  const setAxis = useExplore((state) => state.setAxis);
  const setMetric = useExplore((state) => state.setMetric);
  const run = useExplore((state) => state.run);
  const cancel = useExplore((state) => state.cancel);
  const current = useRun((state) => state.scenario);
  const base = draft.baseChoice === 'current' ? current : draft.baseChoice === 'sweep' ? sweepBase
    : presets.find((entry) => entry.name === draft.baseChoice)?.scenario ?? null;
  const params = paramsForBase(base);
  const running = status === 'running' || status === 'checking';
  const pickParam = (axis: 'x' | 'y', param: string) => {
    const info = sweepParams.find((entry) => entry.param === param);
    setAxis(axis, { param, valuesText: info?.values ?? '' });
  };
  const metrics = metricInfos.filter((info) => info.protocol === null || info.protocol === base?.protocol);

  return (
    <form className="sweep-editor" onSubmit={(event) => { event.preventDefault(); void run(); }}>
      <h2>Sweep</h2>
      <label>
        <span>Base scenario</span>
        <select data-testid="sweep-base" value={draft.baseChoice}
          onChange={(event) => setDraft({ baseChoice: event.target.value as BaseChoice })}>
          <option value="current">The simulator's scenario{current?.name ? ` (${current.name})` : ''}</option>
          {sweepBase !== null && <option value="sweep">This sweep's base{sweepBase.name ? ` (${sweepBase.name})` : ''}</option>}
          {presets.map((entry) => (
            <option key={entry.name} value={entry.name as PresetName}>Preset: {entry.name}</option>
          ))}
        </select>
      </label>
      <label>
        <span>Name</span>
        <input data-testid="sweep-name" value={draft.name} maxLength={80} placeholder="(optional)"
          onChange={(event) => setDraft({ name: event.target.value })} />
      </label>
      <AxisRow axis="x" title="x axis" param={draft.x.param} valuesText={draft.x.valuesText} params={params}
        onParam={(param) => pickParam('x', param)} onValues={(valuesText) => setAxis('x', { valuesText })} />
      {draft.y === null ? (
        <button type="button" data-testid="sweep-add-y" onClick={() => pickParam('y', params.find((p) => p.param !== draft.x.param)?.param ?? 'n')}>
          Add a y axis (heatmap)
        </button>
      ) : (
        <>
          <AxisRow axis="y" title="y axis" param={draft.y.param} valuesText={draft.y.valuesText} params={params}
            onParam={(param) => pickParam('y', param)} onValues={(valuesText) => setAxis('y', { valuesText })} />
          <button type="button" data-testid="sweep-remove-y" onClick={() => setAxis('y', null)}>Remove the y axis (line chart)</button>
        </>
      )}
      <label>
        <span>Seeds per cell</span>
        <input data-testid="sweep-seeds" inputMode="numeric" value={draft.seedsText}
          onChange={(event) => setDraft({ seedsText: event.target.value })} />
      </label>
      <label>
        <span>Metric</span>
        <select data-testid="sweep-metric" value={draft.metric} onChange={(event) => void setMetric(event.target.value)}>
          {metrics.map((info) => <option key={info.name} value={info.name}>{info.label}</option>)}
        </select>
      </label>
      <div className="sweep-actions">
        <button type="submit" className="primary" data-testid="sweep-run" disabled={running}>Run sweep</button>
        <button type="button" data-testid="sweep-cancel" disabled={status !== 'running'} onClick={cancel}>Cancel</button>
      </div>
      <p className="sweep-hint">Values: a list (<code>0, 0.1, 0.2</code>), words, <code>true, false</code>,
        or a range <code>0..0.9 ×10</code>.</p>
    </form>
  );
}

interface AxisRowProps {
  axis: 'x' | 'y';
  title: string;
  param: string;
  valuesText: string;
  params: SweepParamInfo[];
  onParam(param: string): void;
  onValues(text: string): void;
}

function AxisRow({ axis, title, param, valuesText, params, onParam, onValues }: AxisRowProps) {
  const known = params.some((info) => info.param === param);
  return (
    <fieldset className="sweep-axis">
      <legend>{title}</legend>
      <select data-testid={`sweep-${axis}-param`} aria-label={`${title}: parameter`} value={param}
        onChange={(event) => onParam(event.target.value)}>
        {!known && <option value={param}>{paramLabel(param)}</option>}
        {params.map((info) => <option key={info.param} value={info.param}>{info.label}</option>)}
      </select>
      <input data-testid={`sweep-${axis}-values`} aria-label={`${title}: values`} value={valuesText}
        onChange={(event) => onValues(event.target.value)} />
    </fieldset>
  );
}
