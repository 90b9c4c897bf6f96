import { useId, useState } from 'react';
import type { Scenario } from '../../../worker/api';
import { useRun } from '../../store/runStore';
import { useSelection } from '../../store/selectionStore';
import { evaluationTextCharsMax, fixedText, withEvaluationText } from './evaluationEdit';

export interface EvaluationEditorProps {
  scenario: Scenario;
  agent: number;
  /** The agent's latest own text (without the round description), from the worker's card. */
  generatedText: string | null;
}

/**
 * "Edit evaluation text": the agent's text becomes `opinions.texts[agent]` in the scenario,
 * validated by the worker and simulated again; a refused edit keeps the current run and says
 * why here. The text is the user's: it is only ever rendered as text.
 */
export function EvaluationEditor({ scenario, agent, generatedText }: EvaluationEditorProps) {
  const applyScenario = useRun((state) => state.applyScenario);
  const selectAgent = useSelection((state) => state.selectAgent);
  const dismissError = useRun((state) => state.dismissError);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const fixed = fixedText(scenario, agent);

  const apply = async (text: string | null) => {
    setBusy(true);
    setMessage(null);
    const error = await applyScenario(withEvaluationText(scenario, agent, text), { simulate: true });
    setBusy(false);
    if (error !== null) {
      // Shown here, next to the text that caused it, rather than twice.
      dismissError();
      setMessage(error);
      return;
    }
    // A new run clears the selection; the user is still looking at this agent.
    selectAgent(agent);
  };

  if (draft === null) {
    return (
      <div className="inspector-edit">
        <button type="button" data-testid="edit-evaluation" onClick={() => setDraft(fixed ?? generatedText ?? '')}>
          Edit evaluation text
        </button>
        {fixed !== undefined && (
          <>
            <span className="muted">fixed by the scenario (opinions.texts)</span>
            <button type="button" disabled={busy} data-testid="reset-evaluation" onClick={() => void apply(null)}>
              Reset to generated
            </button>
          </>
        )}
        {message && <p className="edit-error" role="alert">{message}</p>}
      </div>
    );
  }
  const tooLong = draft.length > evaluationTextCharsMax;
  return (
    <form
      className="inspector-edit editing"
      onSubmit={(event) => {
        event.preventDefault();
        void apply(draft);
      }}
    >
      <label htmlFor={fieldId}>
        a{agent}&apos;s evaluation in every round (<code>opinions.texts</code>); leave out the round&apos;s
        description, which is sealed before it
      </label>
      <textarea
        id={fieldId}
        data-testid="evaluation-text"
        value={draft}
        rows={4}
        onChange={(event) => setDraft(event.target.value)}
      />
      <p className={`char-count${tooLong ? ' over' : ''}`} aria-live="polite">
        {draft.length} / {evaluationTextCharsMax} characters{tooLong ? ' (too long)' : ''}
      </p>
      <div className="edit-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="save-evaluation">
          {busy ? 'Simulating…' : 'Save and run'}
        </button>
        <button type="button" disabled={busy} onClick={() => { setDraft(null); setMessage(null); }}>
          Cancel
        </button>
        {fixed !== undefined && (
          <button type="button" disabled={busy} data-testid="reset-evaluation" onClick={() => void apply(null)}>
            Reset to generated
          </button>
        )}
      </div>
      {message && <p className="edit-error" role="alert" data-testid="edit-error">{message}</p>}
    </form>
  );
}
