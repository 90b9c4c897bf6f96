import { useRef, useState } from 'react';
import { canonicalText } from '../files/canonicalText';
import { downloadText } from '../files/download';
import { importSizeProblem } from '../files/parseImport';
import { useLesson } from '../store/lessonStore';
import { useLessonMaker } from '../store/lessonMakerStore';
import { usePlayback } from '../store/playbackStore';
import { useRun } from '../store/runStore';
import { useSelection } from '../store/selectionStore';
import { highlightPanels, lessonInvariantNames, type Highlight, type HighlightPanel, type LessonStep } from './lesson';
import { claimText, questionTemplates, yesNoChoices } from './questionTemplates';

const noPanel = '';
const noQuestion = '';

/**
 * "Make a lesson" (issue 14): each step is recorded from the live page (the scenario on it, the
 * cursor's tick, the selected agent), with the teacher's text, a highlight and an optional
 * question whose answer the player will compute from the run. Preview opens it in the player
 * and puts its `#l=1.…` link in the address bar; export and import keep it as a file.
 */
export function LessonMaker() {
  const maker = useLessonMaker();
  const scenario = useRun((state) => state.scenario);
  const presetName = useRun((state) => state.presetName);
  const tick = usePlayback((state) => Math.floor(state.cursor));
  const selected = useSelection((state) => state.selectedAgent);
  const [say, setSay] = useState('');
  const [panel, setPanel] = useState<HighlightPanel | typeof noPanel>(noPanel);
  const [template, setTemplate] = useState(noQuestion);
  const [ask, setAsk] = useState('');
  const [params, setParams] = useState({ agent: 0, round: 1, invariant: 'agreement' as (typeof lessonInvariantNames)[number] });
  const [message, setMessage] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const chosen = questionTemplates.find((known) => known.id === template);

  const addStep = () => {
    if (scenario === null || say.trim() === '') return;
    const highlight: Highlight = {};
    if (selected !== null) highlight.agents = [selected];
    if (panel !== noPanel) highlight.panel = panel;
    const step: LessonStep = {
      scenario: presetName ?? (JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>),
      at: { tick },
      say: say.trim(),
    };
    if (Object.keys(highlight).length > 0) step.highlight = highlight;
    if (chosen) {
      const claim = claimText(chosen, params);
      step.question = { ask: ask.trim() || `At tick ${tick}: ${claim}?`, choices: yesNoChoices(claim, chosen.predicate(params)) };
    }
    maker.addStep(step);
    setSay('');
    setAsk('');
    setMessage(null);
  };

  const preview = async () => setMessage(await useLesson.getState().openCustom(maker.lesson()));

  const importLesson = async (file: File) => {
    const tooLarge = importSizeProblem(file.size);
    if (tooLarge !== null) return setMessage(tooLarge);
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      return setMessage(`${file.name} is not JSON.`);
    }
    const refused = await useLesson.getState().openCustom(value);
    setMessage(refused);
    const opened = useLesson.getState().lesson;
    if (refused === null && opened !== null) maker.load(opened);
  };

  return (
    <section className="panel lesson-maker" data-testid="lesson-maker" aria-labelledby="lesson-maker-title">
      <header className="panel-header">
        <h2 id="lesson-maker-title">Make a lesson</h2>
        <button type="button" className="icon-button" aria-label="Close the lesson maker" onClick={() => maker.setOpen(false)}>
          ✕
        </button>
      </header>
      <p className="panel-caption">
        Scrub to a moment, select an agent to point at, say what happens, and add the step. Step {maker.steps.length + 1} will
        show {presetName ?? 'this scenario'} at tick {tick}.
      </p>
      <label className="maker-field">
        Title
        <input data-testid="maker-title" value={maker.title} maxLength={80} onChange={(event) => maker.setTitle(event.target.value)} />
      </label>
      <label className="maker-field">
        What this step says
        <textarea data-testid="maker-say" rows={3} maxLength={600} value={say} onChange={(event) => setSay(event.target.value)} />
      </label>
      <p className="maker-note">Points at: {selected === null ? 'no agent (click one on the ring)' : `a${selected}`}</p>
      <label className="maker-field">
        and the panel
        <select data-testid="maker-panel" value={panel} onChange={(event) => setPanel(event.target.value as HighlightPanel)}>
          <option value={noPanel}>none</option>
          {highlightPanels.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="maker-field">
        Ask the class to predict whether…
        <select data-testid="maker-question" value={template} onChange={(event) => setTemplate(event.target.value)}>
          <option value={noQuestion}>no question</option>
          {questionTemplates.map((known) => (
            <option key={known.id} value={known.id}>
              {known.label.replace('a{agent}', 'agent A').replace('{round}', 'R').replace('{invariant}', 'X')}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <div className="maker-params">
          {chosen.needs.includes('agent') && (
            <label>
              agent a
              <input type="number" min={0} max={999} data-testid="maker-agent" value={params.agent}
                onChange={(event) => setParams({ ...params, agent: Math.max(0, Math.floor(Number(event.target.value) || 0)) })} />
            </label>
          )}
          {chosen.needs.includes('round') && (
            <label>
              round
              <input type="number" min={1} max={10000} data-testid="maker-round" value={params.round}
                onChange={(event) => setParams({ ...params, round: Math.max(1, Math.floor(Number(event.target.value) || 1)) })} />
            </label>
          )}
          {chosen.needs.includes('invariant') && (
            <select data-testid="maker-invariant" value={params.invariant}
              onChange={(event) => setParams({ ...params, invariant: event.target.value as typeof params.invariant })}>
              {lessonInvariantNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
          <input data-testid="maker-ask" placeholder="The question in your words (optional)" maxLength={600} value={ask}
            onChange={(event) => setAsk(event.target.value)} />
        </div>
      )}
      <button type="button" data-testid="maker-add" disabled={scenario === null || say.trim() === '' || maker.steps.length >= 40} onClick={addStep}>
        Add this moment as step {maker.steps.length + 1}
      </button>
      <ol className="maker-steps">
        {maker.steps.map((step, index) => (
          <li key={index} data-testid="maker-step">
            <span>
              {typeof step.scenario === 'string' ? step.scenario : 'scenario'}
              {'tick' in step.at ? ` · tick ${step.at.tick}` : ''}: {step.say}
              {step.question ? ' (asks)' : ''}
            </span>
            <button type="button" aria-label={`Remove step ${index + 1}`} onClick={() => maker.removeStep(index)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="maker-actions">
        <button type="button" data-testid="maker-preview" disabled={maker.steps.length === 0} onClick={() => void preview()}>
          Preview and link
        </button>
        <button type="button" data-testid="maker-export" disabled={maker.steps.length === 0}
          onClick={() => downloadText(`${canonicalText(maker.lesson(), 2)}\n`, 'lesson.json')}>
          Export (.json)
        </button>
        <button type="button" data-testid="maker-import" onClick={() => fileRef.current?.click()}>
          Import (.json)
        </button>
        <input ref={fileRef} type="file" accept="application/json,.json" hidden data-testid="maker-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importLesson(file);
          }} />
      </div>
      {message !== null && (
        <p className="lesson-problem" role="alert" data-testid="maker-message">
          {message}
        </p>
      )}
    </section>
  );
}
