import { create } from 'zustand';
import type { PresetName, Scenario } from '../../worker/api';
import type {
  GalleryExperiment, LinkText, PresetScenario, SweepCheck, SweepDefinition, SweepRow,
} from '../../worker/poolApi';
import { PoolError, WorkerPool, type PoolRun } from '../bridge/WorkerPool';
import { defaultMetric } from '../explore/metricInfo';
import { jobsOf } from '../explore/sweepJobList';
import { paramsFor } from '../explore/sweepParams';
import { parseValuesText, valuesToText } from '../explore/valuesText';
import { useRun } from './runStore';

/** One axis as the editor holds it: the text is kept as typed, whatever it says. */
export interface AxisDraft {
  param: string;
  valuesText: string;
}

/** `current`: the simulator's scenario; `sweep`: the base of an opened link or experiment. */
export type BaseChoice = 'current' | 'sweep' | PresetName;

export interface ExploreDraft {
  name: string;
  baseChoice: BaseChoice;
  x: AxisDraft;
  /** null: one axis (a line chart). */
  y: AxisDraft | null;
  seedsText: string;
  metric: string;
}

export type ExploreStatus = 'idle' | 'checking' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunLink {
  seed: number;
  link: string | null;
  message?: string;
}

export interface ExploreState {
  open: boolean;
  presets: PresetScenario[];
  gallery: GalleryExperiment[];
  draft: ExploreDraft;
  /** The base of an opened link or gallery experiment (`baseChoice: 'sweep'`). */
  sweepBase: Scenario | null;
  /** The sweep the results are of; null before the first run. */
  definition: SweepDefinition | null;
  link: string | null;
  status: ExploreStatus;
  done: number;
  total: number;
  elapsedMs: number;
  /** Finished runs in job order (partial, and kept, after a cancel). */
  rows: SweepRow[];
  error: string | null;
  workerCount: number;
  selected: { xi: number; yi: number } | null;
  runLinks: RunLink[] | null;
  openExplore(): Promise<void>;
  close(): void;
  setDraft(change: Partial<ExploreDraft>): void;
  setAxis(axis: 'x' | 'y', change: Partial<AxisDraft> | null): void;
  /** Draws another metric (every metric was computed); the link follows. */
  setMetric(metric: string): Promise<void>;
  /** Loads a gallery experiment into the editor and runs it. */
  loadExperiment(id: string): Promise<void>;
  run(): Promise<void>;
  cancel(): void;
  select(xi: number, yi: number): Promise<void>;
  /** Opens a `#x=` link: the editor shows its sweep and it runs (SPEC §7: as a fresh page would). */
  openLink(fragment: string): Promise<void>;
  /** Shows a run in the simulator through its own `#s=` link. */
  openRun(link: string): void;
}

const initialDraft: ExploreDraft = {
  name: '',
  baseChoice: 'current',
  x: { param: 'network.drop', valuesText: '0, 0.05, 0.1, 0.15, 0.2' },
  y: null,
  seedsText: '5',
  metric: 'decided',
};

/** Runs listed for a clicked cell at most (their links are made on demand). */
export const cellRunsMax = 50;

/**
 * The Explore page (issue 13, SPEC §7): the sweep editor's draft, the run on the worker pool
 * with progress and cancel, the rows, the selected cell and its runs' links, and the page's
 * `#x=` address. Its own store, beside the lab's; the pool's workers check definitions and
 * make links, so the page never runs core code.
 */
export const useExplore = create<ExploreState>()((set, get) => {
  let pool: WorkerPool | null = null;
  let run: PoolRun<SweepRow> | null = null;
  /** The simulator's address when Explore opened from the header, restored on close. */
  let simulatorAddress = '';
  const getPool = () => (pool ??= new WorkerPool());

  const loadLists = async () => {
    if (get().presets.length > 0) return;
    const [presets, gallery] = await Promise.all([
      getPool().ask((api) => api.presetScenarios()),
      getPool().ask((api) => api.gallery()),
    ]);
    set({ presets, gallery });
  };

  const writeAddress = (link: string | null) => {
    if (link === null || typeof history === 'undefined' || location.hash === link) return;
    history.pushState(null, '', `${location.pathname}${location.search}${link}`);
  };

  /** The definition the draft describes, or the message saying what is wrong with it. */
  const definitionOfDraft = (): { ok: true; value: unknown } | { ok: false; message: string } => {
    const { draft, presets, sweepBase } = get();
    const base = draft.baseChoice === 'current' ? useRun.getState().scenario
      : draft.baseChoice === 'sweep' ? sweepBase
        : presets.find((entry) => entry.name === draft.baseChoice)?.scenario ?? null;
    if (base === null) return { ok: false, message: 'There is no base scenario yet: pick a preset.' };
    const x = parseValuesText(draft.x.valuesText);
    if (!x.ok) return { ok: false, message: `x values: ${x.message}` };
    const y = draft.y === null ? null : parseValuesText(draft.y.valuesText);
    if (y !== null && !y.ok) return { ok: false, message: `y values: ${y.message}` };
    if (!/^\d{1,7}$/.test(draft.seedsText.trim())) {
      return { ok: false, message: `seeds: "${draft.seedsText}" is not a whole number of runs per cell` };
    }
    return {
      ok: true,
      value: {
        v: 1,
        ...(draft.name.trim() === '' ? {} : { name: draft.name.trim() }),
        base,
        x: { param: draft.x.param, values: x.values },
        ...(draft.y === null || y === null || !y.ok ? {} : { y: { param: draft.y.param, values: y.values } }),
        seeds: Number(draft.seedsText.trim()),
        metric: draft.metric,
      },
    };
  };

  const draftOf = (definition: SweepDefinition): ExploreDraft => ({
    name: definition.name ?? '',
    baseChoice: 'sweep',
    x: { param: definition.x.param, valuesText: valuesToText(definition.x.values) },
    y: definition.y ? { param: definition.y.param, valuesText: valuesToText(definition.y.values) } : null,
    seedsText: String(definition.seeds),
    metric: definition.metric ?? defaultMetric(definition.base.protocol),
  });

  return {
    open: false,
    presets: [],
    gallery: [],
    draft: initialDraft,
    sweepBase: null,
    definition: null,
    link: null,
    status: 'idle',
    done: 0,
    total: 0,
    elapsedMs: 0,
    rows: [],
    error: null,
    workerCount: 0,
    selected: null,
    runLinks: null,
    async openExplore() {
      if (!get().open) simulatorAddress = typeof location === 'undefined' ? '' : location.hash;
      set({ open: true });
      writeAddress(get().link);
      try {
        await loadLists();
      } catch (error) {
        set({ error: `Explore could not start its workers: ${messageOf(error)}` });
      }
    },

    close() {
      run?.cancel();
      set({ open: false });
      if (typeof history !== 'undefined' && location.hash.startsWith('#x=')) {
        history.pushState(null, '', `${location.pathname}${location.search}${simulatorAddress}`);
      }
    },

    setDraft: (change) => set((state) => ({ draft: { ...state.draft, ...change } })),

    setAxis(axis, change) {
      const { draft } = get();
      if (axis === 'y' && change === null) {
        set({ draft: { ...draft, y: null } });
        return;
      }
      const current = axis === 'x' ? draft.x : draft.y ?? { param: '', valuesText: '' };
      set({ draft: { ...draft, [axis]: { ...current, ...change } } });
    },

    async setMetric(metric) {
      set((state) => ({ draft: { ...state.draft, metric } }));
      const { definition } = get();
      if (definition === null || definition.metric === metric) return;
      const next = { ...definition, metric };
      set({ definition: next });
      try {
        const linkText = await getPool().ask<LinkText>((api) => api.encodeSweepLink(next));
        if (!linkText.ok || get().definition !== next) return;
        set({ link: linkText.link });
        if (get().open && typeof history !== 'undefined') {
          history.replaceState(null, '', `${location.pathname}${location.search}${linkText.link}`);
        }
      } catch {
        // The drawing changed; the address keeps the previous metric.
      }
    },

    async loadExperiment(id) {
      const experiment = get().gallery.find((entry) => entry.id === id);
      if (experiment === undefined) return;
      set({ draft: draftOf(experiment.definition), sweepBase: experiment.definition.base });
      await get().run();
    },

    async run() {
      if (get().status === 'running' || get().status === 'checking') return;
      const candidate = definitionOfDraft();
      if (!candidate.ok) {
        set({ error: `The sweep was not run: ${candidate.message}` });
        return;
      }
      set({ status: 'checking', error: null });
      let definition: SweepDefinition;
      let linkText: LinkText;
      try {
        const checked = await getPool().ask<SweepCheck>((api) => api.checkSweep(candidate.value));
        if (!checked.ok) {
          set({ status: get().rows.length > 0 ? 'done' : 'idle', error: `The sweep was not run: ${checked.message}` });
          return;
        }
        definition = checked.value;
        linkText = await getPool().ask<LinkText>((api) => api.encodeSweepLink(definition));
      } catch (error) {
        set({ status: 'failed', error: `The sweep could not start: ${messageOf(error)}` });
        return;
      }
      const link = linkText.ok ? linkText.link : null;
      if (link !== null && get().open) writeAddress(link);
      const jobs = jobsOf(definition);
      const started = performance.now();
      const rows: SweepRow[] = [];
      set({
        definition, link, status: 'running', done: 0, total: jobs.length, elapsedMs: 0, rows: [],
        selected: null, runLinks: null, workerCount: getPool().size,
        error: linkText.ok ? null : `This sweep has no link: ${linkText.message}`,
      });
      run = getPool().sweepRuns(definition, jobs, {
        onResult: (_, row) => rows.push(row),
        onProgress: (done) => set({ done, elapsedMs: performance.now() - started, rows: [...rows] }),
      });
      try {
        const outcome = await run.outcome;
        set({ status: outcome.cancelled ? 'cancelled' : 'done', rows: outcome.results, done: outcome.done,
          elapsedMs: performance.now() - started });
      } catch (error) {
        const kept = error instanceof PoolError ? (error.partial.results as SweepRow[]) : rows;
        set({ status: 'failed', rows: kept, error: `The sweep stopped: ${messageOf(error)}` });
      } finally {
        run = null;
      }
    },

    cancel: () => run?.cancel(),

    async select(xi, yi) {
      const { definition, rows } = get();
      if (definition === null) return;
      set({ selected: { xi, yi }, runLinks: null });
      const cellRows = rows.filter((row) => row.xi === xi && row.yi === yi).slice(0, cellRunsMax);
      const jobs = cellRows.map(({ seed }) => ({ xi, yi, seed }));
      try {
        const links = await getPool().ask<LinkText[]>((api) => api.runLinks(definition, jobs));
        if (get().selected?.xi !== xi || get().selected?.yi !== yi) return;
        set({ runLinks: links.map((link, i) => ({
          seed: jobs[i]!.seed, link: link.ok ? link.link : null, ...(link.ok ? {} : { message: link.message }),
        })) });
      } catch (error) {
        set({ error: `The runs' links could not be made: ${messageOf(error)}` });
      }
    },

    async openLink(fragment) {
      if (!get().open) simulatorAddress = '';
      set({ open: true });
      try {
        await loadLists();
        const decoded = await getPool().ask<SweepCheck>((api) => api.decodeSweepLink(fragment));
        if (!decoded.ok) {
          set({ error: `This sweep link could not be opened: ${decoded.message}` });
          return;
        }
        run?.cancel();
        set({ draft: draftOf(decoded.value), sweepBase: decoded.value.base, link: fragment });
        await get().run();
      } catch (error) {
        set({ error: `This sweep link could not be opened: ${messageOf(error)}` });
      }
    },

    openRun(link) {
      run?.cancel();
      set({ open: false });
      location.hash = link;
    },
  };
});

/** Parameters the editor offers for the draft's base. */
export function paramsForBase(base: Scenario | null) {
  if (base === null) return [];
  return paramsFor(base.protocol, (base.faults ?? []).length > 0, (base.network?.partitions ?? []).length > 0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
