import { useId, useMemo, useState } from 'react';
import type { Scenario } from '../../../worker/api';
import { EmptyState, Panel } from '../../components/Panel';
import { useRun } from '../../store/runStore';
import { prepareForApply } from './applyDraft';
import { DerivedNumbers } from './DerivedNumbers';
import { isEdited } from './draftEdits';
import { FaultEditor } from './FaultEditor';
import { CouncilSection } from './CouncilSection';
import { NetworkSection } from './NetworkSection';
import { OpinionsSection } from './OpinionsSection';
import { ResonanceSection } from './ResonanceSection';
import { RunSection } from './RunSection';
import { UnsafeSection } from './UnsafeSection';
import './config.css';

/**
 * The configuration column (UI.md): edits a draft of the current scenario, section by
 * section; Apply & run hands it to the store, whose worker validates it against the schema.
 * A rejected draft stays as it is, with the validator's message beside the button, and the
 * current run stays on screen.
 */
export function ConfigPanel() {
  const scenario = useRun((state) => state.scenario);
  const [collapsed, setCollapsed] = useState(false);
  const bodyId = useId();
  return (
    <aside className={`config-column${collapsed ? ' collapsed' : ''}`} aria-label="Configuration">
      <button
        type="button"
        className="config-toggle"
        aria-expanded={!collapsed}
        aria-controls={bodyId}
        data-testid="config-toggle"
        onClick={() => setCollapsed((value) => !value)}
      >
        <span aria-hidden="true">{collapsed ? '▸' : '◂'}</span> {collapsed ? 'Configuration' : 'Hide'}
      </button>
      <div id={bodyId} hidden={collapsed}>
        <Panel
          testId="config-panel"
          title="Configuration"
          caption="Edit the scenario, then Apply & run. Nothing changes until you apply."
          info={
            <p>
              Every field is part of the scenario schema (version 1). Fields you leave at their default are not
              written, so the share link holds only your changes. The simulation worker checks the scenario on
              Apply; a mistake is named by its field and the current run stays as it is.
            </p>
          }
        >
          {scenario === null ? (
            <EmptyState>The scenario appears here once the simulation worker has loaded it.</EmptyState>
          ) : (
            <ConfigDraft scenario={scenario} />
          )}
        </Panel>
      </div>
    </aside>
  );
}

/** The draft of `scenario`, reset whenever the scenario changes from outside (preset, link). */
function ConfigDraft({ scenario }: { scenario: Scenario }) {
  const applyScenario = useRun((state) => state.applyScenario);
  const dismissError = useRun((state) => state.dismissError);
  const [base, setBase] = useState(scenario);
  const [draft, setDraft] = useState(scenario);
  const [message, setMessage] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  if (base !== scenario) {
    // Adjusting state while rendering (React's pattern for a prop change): no stale frame.
    setBase(scenario);
    setDraft(scenario);
    setMessage(null);
  }
  const edited = isEdited(draft, base);
  const prepared = useMemo(() => prepareForApply(draft, base), [draft, base]);
  const change = (next: Scenario) => {
    setDraft(next);
    setMessage(null);
  };
  const apply = async () => {
    setApplying(true);
    const error = await applyScenario(prepared.scenario, { simulate: true });
    setApplying(false);
    setMessage(error);
    // The inline message says it beside the button; the same words in the banner add nothing.
    if (error !== null && useRun.getState().error === error) dismissError();
  };
  const sections = { draft, onChange: change };
  return (
    <div className="config-body" data-edited={edited}>
      <DerivedNumbers draft={draft} />
      <RunSection {...sections} />
      <NetworkSection {...sections} />
      <FaultEditor {...sections} />
      {draft.protocol === 'resonance' ? (
        <>
          <ResonanceSection {...sections} />
          <UnsafeSection {...sections} />
        </>
      ) : (
        <CouncilSection {...sections} />
      )}
      <OpinionsSection {...sections} />
      <div className="config-actions">
        {prepared.removals.length > 0 && (
          <div className="config-removals" data-testid="config-removals">
            <p>On Apply, to fit n = {draft.n} and the protocol:</p>
            <ul>
              {prepared.removals.map((removal) => <li key={removal}>{removal}</li>)}
            </ul>
          </div>
        )}
        <div className="config-buttons">
          {edited && <span className="tag config-edited" data-testid="config-edited">edited</span>}
          <button
            type="button"
            className="primary"
            disabled={!edited || applying}
            data-testid="config-apply"
            onClick={() => void apply()}
          >
            {applying ? 'Running…' : 'Apply & run'}
          </button>
          <button type="button" disabled={!edited || applying} data-testid="config-discard" onClick={() => change(base)}>
            Discard
          </button>
        </div>
        {message !== null && (
          <p className="config-error" role="alert" data-testid="config-error">
            <span aria-hidden="true">✗ </span>
            {message}
          </p>
        )}
      </div>
    </div>
  );
}
