import { create } from 'zustand';
import type { Lesson, LessonStep } from '../lessons/lesson';
import { builtInLessons, lessonById } from '../lessons/builtInLessons';
import { lessonFragment, parseLessonAddress } from '../lessons/lessonAddress';
import { momentTick, type MomentTick } from '../lessons/moment';
import { evaluatePredicate, type Verdict } from '../lessons/predicates';
import { scenarioWith, valueAt, sameValue } from '../lessons/scenarioPath';
import { stepSource } from '../lessons/stepSource';
import { playbackSpeeds, usePlayback } from './playbackStore';
import { labClient, useRun } from './runStore';
import { parseLesson } from '../lessons/parseLesson';

/**
 * `loading`: the step's scenario is being loaded and simulated; `showing`: the step is shown
 * at its moment; `asking`: its question waits for a prediction; `revealing`: the run plays to
 * the moment; `revealed`: the prediction is compared with what the run shows; `failed`: the
 * step could not be shown (`problem` says why).
 */
export type LessonPhase = 'loading' | 'showing' | 'asking' | 'revealing' | 'revealed' | 'failed';

export interface LessonState {
  lesson: Lesson | null;
  /** The `#l=1.…` link of an open teacher-made lesson, or null (built-in, or too large for a link). */
  link: string | null;
  stepIndex: number;
  phase: LessonPhase;
  /** The choice the learner predicted, once asked. */
  chosen: number | null;
  /** Each choice's verdict at the step's moment (computed from the run, shown after the reveal). */
  verdicts: Verdict[] | null;
  /** Where the step's moment fell in the run. */
  moment: MomentTick | null;
  /** Why the step could not be shown as written (its scenario refused, its moment missed). */
  problem: string | null;
  /** Opens a built-in lesson at a step (from 0), writing its link in the address bar. */
  openLesson(id: string, stepIndex?: number): Promise<void>;
  /**
   * Opens a teacher-made lesson (from the lesson maker or a file), validated first, and writes
   * its `#l=1.…` link in the address bar; the message if it was refused.
   */
  openCustom(candidate: unknown): Promise<string | null>;
  /** Opens what a `#l=` fragment names; a mangled link is explained and the page stays as it was. */
  openAddress(fragment: string): Promise<void>;
  goTo(stepIndex: number): Promise<void>;
  next(): Promise<void>;
  back(): Promise<void>;
  /** The learner's prediction: the run then plays to the step's moment and reveals. */
  choose(choiceIndex: number): Promise<void>;
  /** Plays the step's question again on the run as it is now (after a "try this" change). */
  askAgain(): Promise<void>;
  /** Makes the step's "try this" change to the running scenario. */
  applyTry(): Promise<void>;
  /**
   * Closes the lesson; `clearAddress` takes its link out of the address bar (the picker and ✕
   * do; a link the user opened instead has already replaced it).
   */
  close(clearAddress?: boolean): void;
}

/** Seconds a reveal takes to play to the moment (at least the learner's own speed). */
const revealSeconds = 2.5;

function prefersReducedMotion(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export const useLesson = create<LessonState>()((set, get) => {
  const run = useRun.getState;
  /** Bumped for every step shown; work for an older step stops. */
  let showing = 0;
  /** The scenario object the lesson loaded, and what it was loaded from. */
  let loaded: { source: unknown; scenario: unknown } | null = null;
  /** Stops watching a reveal's playback. */
  let stopWatching = () => {};
  /**
   * The lesson fragment this store last wrote or opened: setting `location.hash` fires both
   * popstate and hashchange, and the second must not open the lesson again.
   */
  let written = '';

  const writeAddress = (lesson: Lesson, stepIndex: number, mode: 'push' | 'replace') => {
    const fragment = lesson.id === undefined ? get().link : lessonFragment(lesson.id, stepIndex);
    if (fragment === null || typeof history === 'undefined') return;
    if (location.hash === fragment) return;
    const url = `${location.pathname}${location.search}${fragment}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    written = fragment;
    run().adoptAddress(fragment);
  };

  /** Loads and simulates the step's scenario unless it is the one on the page; false on failure. */
  const ensureScenario = async (lesson: Lesson, stepIndex: number, token: number): Promise<boolean> => {
    const source = stepSource(lesson, stepIndex);
    const current = run().scenario;
    if (loaded === null || loaded.source !== source || loaded.scenario !== current) {
      const refused = await run().showForLesson(source);
      if (token !== showing) return false;
      if (refused !== null) {
        set({ phase: 'failed', problem: `This step's scenario could not be loaded: ${refused}` });
        return false;
      }
      loaded = { source, scenario: run().scenario };
    }
    const simulated = await run().ensureSimulated();
    if (token !== showing) return false;
    if (!simulated) {
      set({ phase: 'failed', problem: run().error ?? 'The run could not be simulated.' });
      return false;
    }
    return true;
  };

  /**
   * The tick a question's run starts from: the previous step's moment on the same scenario when
   * it comes before this step's, else tick 0, so the page never shows the answer before it is asked.
   */
  const askFrom = (lesson: Lesson, stepIndex: number, target: number): number => {
    if (stepIndex === 0 || stepSource(lesson, stepIndex - 1) !== stepSource(lesson, stepIndex)) return 0;
    const { trace, endTick } = run();
    const previous = momentTick(lesson.steps[stepIndex - 1]!.at, trace, endTick).tick;
    return previous < target ? previous : 0;
  };

  const verdictsAt = (step: LessonStep, tick: number): Verdict[] | null => {
    const { trace } = run();
    return step.question ? step.question.choices.map((choice) => evaluatePredicate(choice.when, trace, tick)) : null;
  };

  /** Shows step `stepIndex` of the open lesson: its scenario, simulated, at its moment. */
  const show = async (stepIndex: number) => {
    const { lesson } = get();
    if (lesson === null) return;
    const step = lesson.steps[stepIndex];
    if (step === undefined) return;
    stopWatching();
    const token = ++showing;
    set({ stepIndex, phase: 'loading', chosen: null, verdicts: null, moment: null, problem: null });
    if (!(await ensureScenario(lesson, stepIndex, token))) return;
    const { trace, endTick } = run();
    const moment = momentTick(step.at, trace, endTick);
    const problem = moment.missed ? 'This step\'s moment does not happen in this run: it shows the run\'s end.' : null;
    if (step.question) {
      usePlayback.getState().seek(askFrom(lesson, stepIndex, moment.tick));
      set({ phase: 'asking', moment, problem, verdicts: verdictsAt(step, moment.tick) });
    } else {
      usePlayback.getState().seek(moment.tick);
      set({ phase: 'showing', moment, problem });
    }
  };

  const reveal = (token: number) => {
    if (token !== showing) return;
    stopWatching();
    const { moment } = get();
    if (moment !== null) usePlayback.getState().seek(moment.tick);
    set({ phase: 'revealed' });
  };

  /** Validates a teacher-made lesson: its format here, each inline scenario when its step opens. */
  const checkCustom = async (candidate: unknown): Promise<{ ok: true; value: Lesson } | { ok: false; message: string }> => {
    const presets = run().presets.length > 0 ? run().presets : await labClient.presets();
    const parsed = parseLesson(candidate, presets.map((known) => known.name));
    if (!parsed.ok) return parsed;
    // Policy: a teacher's lesson never takes a built-in lesson's place, so its id is dropped.
    const { id: _id, ...lesson } = parsed.value;
    return { ok: true, value: lesson };
  };

  return {
    lesson: null,
    link: null,
    stepIndex: 0,
    phase: 'loading',
    chosen: null,
    verdicts: null,
    moment: null,
    problem: null,

    async openLesson(id, stepIndex = 0) {
      const lesson = lessonById(id);
      if (lesson === null) return;
      const index = Math.min(Math.max(stepIndex, 0), lesson.steps.length - 1);
      set({ lesson, link: null });
      writeAddress(lesson, index, 'push');
      await show(index);
    },

    async openCustom(candidate) {
      const checked = await checkCustom(candidate);
      if (!checked.ok) return `The lesson was not opened: ${checked.message}`;
      const encoded = await labClient.encodeLessonLink(checked.value);
      set({ lesson: checked.value, link: encoded.ok ? encoded.link : null });
      writeAddress(checked.value, 0, 'push');
      await show(0);
      if (!encoded.ok) run().warn(`This lesson has no link: ${encoded.message}. Export it as a file instead.`);
      return null;
    },

    async openAddress(fragment) {
      if (fragment === written && get().lesson !== null) return;
      written = fragment;
      const address = parseLessonAddress(fragment);
      if (!address.ok) {
        run().warn(`This lesson link could not be opened: ${address.message}.`);
        return;
      }
      if ('link' in address) {
        const decoded = await labClient.decodeLessonLink(address.link);
        const checked = decoded.ok ? await checkCustom(decoded.value) : decoded;
        if (!checked.ok) {
          run().warn(`This lesson link could not be opened: ${checked.message}.`);
          return;
        }
        set({ lesson: checked.value, link: address.link });
        run().adoptAddress(address.link);
        await show(0);
        return;
      }
      const lesson = lessonById(address.id);
      if (lesson === null) {
        const ids = builtInLessons.map((known) => known.id).join(', ');
        run().warn(`This lesson link could not be opened: there is no lesson "${address.id}" (lessons: ${ids}).`);
        return;
      }
      const asked = (address.step ?? 1) - 1;
      const index = asked < lesson.steps.length ? asked : 0;
      set({ lesson, link: null });
      writeAddress(lesson, index, 'replace');
      await show(index);
      // Said once the step is shown: starting its simulation clears earlier messages.
      if (asked !== index) {
        run().warn(`"${lesson.title}" has ${lesson.steps.length} steps, so there is no step ${asked + 1}: showing the first.`);
      }
    },

    async goTo(stepIndex) {
      const { lesson } = get();
      if (lesson === null || stepIndex < 0 || stepIndex >= lesson.steps.length) return;
      writeAddress(lesson, stepIndex, 'replace');
      await show(stepIndex);
    },

    next: () => get().goTo(get().stepIndex + 1),
    back: () => get().goTo(get().stepIndex - 1),

    async choose(choiceIndex) {
      const { phase, moment, lesson } = get();
      if (phase !== 'asking' || moment === null || lesson === null) return;
      const token = showing;
      set({ chosen: choiceIndex, phase: 'revealing' });
      const playback = usePlayback.getState();
      const distance = moment.tick - playback.cursor;
      if (distance <= 0 || prefersReducedMotion()) {
        reveal(token);
        return;
      }
      // The run plays on to the moment, fast enough to take a couple of seconds.
      const speedBefore = playback.speed;
      const wanted = distance / revealSeconds;
      const fast = playbackSpeeds.find((speed) => speed >= wanted) ?? playbackSpeeds.at(-1)!;
      playback.setSpeed(Math.max(speedBefore, fast));
      const unsubscribe = usePlayback.subscribe((state) => {
        if (state.cursor >= moment.tick || !state.playing) reveal(token);
      });
      stopWatching = () => {
        unsubscribe();
        usePlayback.getState().setSpeed(speedBefore);
        stopWatching = () => {};
      };
      await playback.play();
      if (!usePlayback.getState().playing) reveal(token);
    },

    async askAgain() {
      const { lesson, stepIndex } = get();
      const step = lesson?.steps[stepIndex];
      if (lesson === null || step?.question === undefined) return;
      stopWatching();
      const token = ++showing;
      set({ phase: 'loading', chosen: null, verdicts: null, problem: null });
      const simulated = await run().ensureSimulated();
      if (token !== showing) return;
      if (!simulated) {
        set({ phase: 'failed', problem: run().error ?? 'The run could not be simulated.' });
        return;
      }
      // The changed scenario is now the step's: moving away and back reloads the lesson's own.
      const { trace, endTick } = run();
      const moment = momentTick(step.at, trace, endTick);
      usePlayback.getState().seek(0);
      set({
        phase: 'asking',
        moment,
        verdicts: verdictsAt(step, moment.tick),
        problem: moment.missed ? 'This step\'s moment does not happen in this run: it shows the run\'s end.' : null,
      });
    },

    async applyTry() {
      const { lesson, stepIndex } = get();
      const change = lesson?.steps[stepIndex]?.try;
      const scenario = run().scenario;
      if (change === undefined || scenario === null) return;
      if (sameValue(valueAt(scenario, change.set.path), change.set.value)) return;
      const refused = await run().applyScenario(scenarioWith(scenario, change.set.path, change.set.value), { simulate: true });
      if (refused !== null) set({ problem: `The change could not be made: ${refused}` });
    },

    close(clearAddress = true) {
      written = '';
      if (clearAddress && typeof history !== 'undefined' && location.hash.startsWith('#l=')) {
        history.replaceState(null, '', `${location.pathname}${location.search}`);
        run().adoptAddress('');
      }
      stopWatching();
      showing += 1;
      loaded = null;
      set({ lesson: null, link: null, stepIndex: 0, phase: 'loading', chosen: null, verdicts: null, moment: null, problem: null });
    },
  };
});
