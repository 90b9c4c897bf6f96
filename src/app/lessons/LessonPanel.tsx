import { useLayoutEffect, useRef, type RefObject } from 'react';
import { useRun } from '../store/runStore';
import { useLesson } from '../store/lessonStore';
import type { Lesson, LessonStep } from './lesson';
import { valueAt, sameValue } from './scenarioPath';
import type { Verdict } from './predicates';
import './lessons.css';

/**
 * The lesson player (SPEC §7, UI.md "Lessons"): the step's text, its question as big buttons,
 * the reveal (what the run shows and why), a "try this" change, progress, back and next. The
 * text is a live region, so a screen reader hears each step as it changes.
 */
export function LessonPanel() {
  const lesson = useLesson((state) => state.lesson);
  const stepIndex = useLesson((state) => state.stepIndex);
  const phase = useLesson((state) => state.phase);
  const problem = useLesson((state) => state.problem);
  const bodyRef = useRef<HTMLDivElement>(null);
  useBodyScroll(bodyRef, stepIndex, phase);
  if (lesson === null) return null;
  const step = lesson.steps[stepIndex]!;
  const last = stepIndex === lesson.steps.length - 1;
  const { next, back, close } = useLesson.getState();
  return (
    <section className="panel lesson-panel" data-testid="lesson-panel" aria-labelledby="lesson-title" data-step={stepIndex + 1} data-phase={phase}>
      <header className="panel-header lesson-header">
        <h2 id="lesson-title">
          <span className="lesson-kicker">Lesson</span> {lesson.title}
        </h2>
        <button type="button" className="icon-button" data-testid="lesson-close" aria-label="Close the lesson" onClick={() => close()}>
          ✕
        </button>
      </header>
      {/* On a phone this part scrolls inside the panel; elsewhere it is no box of its own. */}
      <div className="lesson-body" ref={bodyRef}>
        <p className="lesson-say" data-testid="lesson-say" aria-live="polite">
          {step.say}
        </p>
        {phase === 'loading' && <p className="lesson-status">Simulating this step's run…</p>}
        {problem !== null && (
          <p className="lesson-problem" role="alert" data-testid="lesson-problem">
            {problem}
          </p>
        )}
        {step.question && <LessonQuestion step={step} />}
        {step.try && <LessonTry step={step} />}
      </div>
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" data-testid="lesson-back" disabled={stepIndex === 0} onClick={() => void back()}>
          ← Back
        </button>
        <LessonProgress lesson={lesson} stepIndex={stepIndex} />
        <button type="button" data-testid="lesson-next" disabled={last} onClick={() => void next()}>
          Next →
        </button>
      </nav>
    </section>
  );
}

/**
 * On a phone the step's text, question and feedback scroll inside the panel (lessons.css): a new
 * step starts at its text, and an answer's feedback scrolls into the panel's view, its top
 * first when it is taller than the view. Only the panel scrolls, never the page; where the body
 * is no scrolling box (wider screens) there is nothing to do.
 */
function useBodyScroll(bodyRef: RefObject<HTMLDivElement | null>, stepIndex: number, phase: string): void {
  useLayoutEffect(() => {
    if (bodyRef.current !== null) bodyRef.current.scrollTop = 0;
  }, [bodyRef, stepIndex]);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (phase !== 'revealed' || body === null || body.scrollHeight <= body.clientHeight) return;
    const reveal = body.querySelector('[data-testid="lesson-reveal"]');
    if (reveal === null) return;
    const view = body.getBoundingClientRect();
    const shown = reveal.getBoundingClientRect();
    const by = Math.min(shown.bottom - view.bottom, shown.top - view.top);
    if (by > 0) body.scrollTop += by;
  }, [bodyRef, phase]);
}

function LessonProgress({ lesson, stepIndex }: { lesson: Lesson; stepIndex: number }) {
  const { goTo } = useLesson.getState();
  return (
    <div className="lesson-progress" data-testid="lesson-progress">
      <span className="lesson-progress-text">
        step {stepIndex + 1} of {lesson.steps.length}
      </span>
      <ol className="lesson-dots">
        {lesson.steps.map((_, index) => (
          <li key={index}>
            <button
              type="button"
              className={index === stepIndex ? 'current' : index < stepIndex ? 'done' : ''}
              aria-label={`Step ${index + 1}`}
              aria-current={index === stepIndex ? 'step' : undefined}
              onClick={() => void goTo(index)}
            >
              {index < stepIndex ? '●' : index === stepIndex ? '◉' : '○'}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function LessonQuestion({ step }: { step: LessonStep }) {
  const phase = useLesson((state) => state.phase);
  const chosen = useLesson((state) => state.chosen);
  const verdicts = useLesson((state) => state.verdicts);
  const moment = useLesson((state) => state.moment);
  const question = step.question!;
  const revealed = phase === 'revealed' && verdicts !== null;
  const { choose } = useLesson.getState();
  return (
    <div className="lesson-question" data-testid="lesson-question">
      <p className="lesson-ask">
        <span aria-hidden="true">? </span>
        {question.ask}
      </p>
      <div className="lesson-choices" role="group" aria-label="Your prediction">
        {question.choices.map((choice, index) => {
          const happened = revealed ? verdicts[index]!.holds : null;
          return (
            <button
              key={index}
              type="button"
              className={`lesson-choice${chosen === index ? ' chosen' : ''}${happened === true ? ' happened' : ''}`}
              data-testid="lesson-choice"
              data-happened={happened === null ? undefined : String(happened)}
              aria-pressed={chosen === index}
              disabled={phase !== 'asking'}
              onClick={() => void choose(index)}
            >
              <span className="lesson-choice-mark" aria-hidden="true">
                {happened === true ? '✓' : chosen === index ? '◆' : String.fromCharCode(65 + index)}
              </span>
              {choice.say}
              {happened === true && <span className="visually-hidden"> (what the run shows)</span>}
            </button>
          );
        })}
      </div>
      {phase === 'revealing' && <p className="lesson-status">Playing the run to the moment…</p>}
      {revealed && chosen !== null && <LessonReveal step={step} chosen={chosen} verdicts={verdicts} tick={moment?.tick ?? 0} />}
    </div>
  );
}

function LessonReveal({ step, chosen, verdicts, tick }: { step: LessonStep; chosen: number; verdicts: Verdict[]; tick: number }) {
  const choices = step.question!.choices;
  const held = verdicts.flatMap((verdict, index) => (verdict.holds ? [index] : []));
  const matched = verdicts[chosen]!.holds;
  return (
    <div className={`lesson-reveal ${matched ? 'matched' : 'missed'}`} data-testid="lesson-reveal" data-matched={String(matched)} role="status">
      <p className="lesson-verdict">
        <span aria-hidden="true">{matched ? '✓ ' : '✗ '}</span>
        {matched ? 'Your prediction matches the run.' : 'The run shows something else.'}
        {' '}At tick {tick}:
      </p>
      {held.length === 0 ? (
        <p>None of the choices happened in this run: {verdicts.map((verdict) => verdict.evidence).join('; ')}.</p>
      ) : (
        held.map((index) => (
          <p key={index} data-testid="lesson-why">
            <strong>{choices[index]!.say}</strong> {choices[index]!.why} <span className="lesson-evidence">({verdicts[index]!.evidence}.)</span>
          </p>
        ))
      )}
      <button type="button" data-testid="lesson-retry" onClick={() => void useLesson.getState().goTo(useLesson.getState().stepIndex)}>
        Predict again
      </button>
    </div>
  );
}

function LessonTry({ step }: { step: LessonStep }) {
  const change = step.try!;
  const scenario = useRun((state) => state.scenario);
  const phase = useLesson((state) => state.phase);
  const done = scenario !== null && sameValue(valueAt(scenario, change.set.path), change.set.value);
  const { applyTry, askAgain } = useLesson.getState();
  return (
    <div className="lesson-try" data-testid="lesson-try" data-done={String(done)}>
      <p>
        <strong>Try this:</strong> {change.say}
      </p>
      {done ? (
        <p className="lesson-tried" role="status">
          <span aria-hidden="true">✓ </span>You made the change: the run on the page is the changed one.
          {step.question && phase !== 'asking' && phase !== 'loading' && (
            <>
              {' '}
              <button type="button" data-testid="lesson-ask-again" onClick={() => void askAgain()}>
                Predict again on this run
              </button>
            </>
          )}
        </p>
      ) : (
        <button type="button" data-testid="lesson-try-apply" onClick={() => void applyTry()}>
          Make this change
        </button>
      )}
    </div>
  );
}
