/**
 * `npm run bench -- browser [spec,spec…]`: the page measured in headless chromium (SPEC §8:
 * first frame of a 1000-agent run ≤ 1 s after Play, the whole run simulated ≤ 8 s, `hk-classic`
 * ≤ 3 s, 60 fps at n = 100, ≥ 30 fps at n = 1000, no main-thread task over 50 ms).
 *
 * Uses the built app in `dist/` (built first when missing), serves it with `vite preview` on a
 * free port, opens each scenario by share link (`N`: N agents, 1 round; `NxR`: R rounds; or a
 * preset's name), presses play and times the first frame and the whole simulation, and samples
 * requestAnimationFrame deltas and `longtask` entries while the run plays back, and, from a
 * Chrome trace of the same time, each main-thread task's CPU time: on a machine shared with
 * other work a task's wall time stretches while the thread waits for a core, its CPU time does
 * not. Writes bench/results/browser.json and prints a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { median, round } from '../harness';
import { encodeShareLink } from '../../src/core/sim/shareLink';
import { isPresetName, preset } from '../../src/core/sim/presets';
import { nodeCodec } from '../../src/cli/nodeCodec';
import { chromiumArgs, ensureBuilt, freePort, root, startPreview, systemChromium } from './preview';

/** Longest wall time of playback sampled per scenario (a 1-round run at 2 ticks/s is ~6 s). */
const playbackSampleMs = 6_000;
/** The simulation of 1000 agents takes many minutes on a small machine. */
const simulationTimeoutMs = 45 * 60_000;

export interface BrowserFigure {
  /** What ran: `n` agents for `rounds` rounds (`1000x5`), or a preset by name. */
  scenario: string;
  n: number;
  /** From pressing Play to the first frame of playback (the pause button shows). */
  firstFrameMs: number;
  /** From pressing Play until the whole run is simulated (the progress note goes). */
  simulationMs: number;
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  framesOver50Ms: number;
  longTasks: number;
  longTaskMaxMs: number;
  /** Long tasks between pressing play and the first frame of playback (loading the trace). */
  loadLongTasks: number;
  loadLongTaskMaxMs: number;
  /** Main-thread tasks during playback with over 50 ms of CPU time, and the most CPU of one. */
  cpuLongTasks: number;
  cpuLongestMs: number;
}

/** A trace event of Chrome's `Tracing` domain, as far as the bench reads it. */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start, wall time and thread (CPU) time, in microseconds. */
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string } };
}

/** The trace's mark of the first frame of playback (`console.timeStamp`). */
const playingMark = 'bench-playing';

/** Starts a trace of the page's tasks; the returned function ends it and gives its events. */
async function traceTasks(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** The CPU time of the renderer's main-thread tasks from the playing mark on, in ms. */
export function mainThreadTaskCpuMs(events: readonly TraceEvent[]): number[] {
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const mark = events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === playingMark);
  if (main === undefined || mark === undefined) return [];
  return events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.pid === main.pid && event.tid === main.tid)
    .filter((event) => event.ts >= mark.ts)
    .map((event) => (event.tdur ?? 0) / 1000);
}

/**
 * Installed before the page loads: collects long tasks and frame deltas while `sampling`.
 * Plain JavaScript text: tsx would wrap a named function in a helper the page lacks.
 */
const probeScript = `
  const probe = { longTasks: [], frames: [], sampling: false };
  window.benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  requestAnimationFrame(function onFrame(now) {
    if (probe.sampling && last > 0) probe.frames.push(now - last);
    last = now;
    requestAnimationFrame(onFrame);
  });
`;

/** A bench scenario by its argument: `N` (1 round), `NxR` (R rounds) or a preset name. */
async function scenarioLink(spec: string): Promise<{ link: string; n: number }> {
  const sized = /^(\d+)(?:x(\d+))?$/.exec(spec);
  if (!sized) {
    if (!isPresetName(spec)) throw new Error(`bench browser: "${spec}" is neither N, NxR nor a preset`);
    const { scenario } = preset(spec);
    return { link: await encodeShareLink(scenario, nodeCodec), n: scenario.n };
  }
  const n = Number(sized[1]);
  const rounds = Number(sized[2] ?? 1);
  const scenario = { v: 1, name: `bench ${spec}`, seed: 7, protocol: 'resonance', n, rounds } as const;
  return { link: await encodeShareLink(scenario, nodeCodec), n };
}

async function measureScenario(page: Page, baseUrl: string, spec: string): Promise<BrowserFigure> {
  const { link, n } = await scenarioLink(spec);
  await page.goto(`${baseUrl}/${link}`);
  await page.getByTestId('network-view').waitFor();
  await page.getByTestId('speed').selectOption('2');
  const endTrace = await traceTasks(await page.context().newCDPSession(page));
  const pressedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('play').click();
  // The whole run is simulated when the progress note goes, timed in the page as it happens.
  const simulated = page
    .getByTestId('simulation-progress')
    .waitFor({ state: 'detached', timeout: simulationTimeoutMs })
    .then(() => page.evaluate(() => performance.now()));
  await page.getByTestId('pause').waitFor({ timeout: simulationTimeoutMs });
  const playingAt = await page.evaluate(() => {
    const probe = (window as unknown as { benchProbe: { sampling: boolean } }).benchProbe;
    probe.sampling = true;
    return performance.now();
  });
  await page.evaluate((mark) => console.timeStamp(mark), playingMark);
  // Until the run ends (the play button returns) or the sample time is up.
  await page.getByTestId('play').waitFor({ timeout: playbackSampleMs }).catch(() => undefined);
  const sampled = await page.evaluate(() => {
    const probe = (window as unknown as { benchProbe: { sampling: boolean; frames: number[]; longTasks: { start: number; duration: number }[] } }).benchProbe;
    probe.sampling = false;
    return { frames: probe.frames, longTasks: probe.longTasks, endedAt: performance.now() };
  });
  // Still playing after the sample: paused (a run that ended shows Play, and has no Pause).
  if (await page.getByTestId('pause').isVisible()) await page.getByTestId('pause').click();
  const during = sampled.longTasks.filter((task) => task.start >= playingAt);
  const loading = sampled.longTasks.filter((task) => task.start >= pressedAt && task.start < playingAt);
  const taskCpuMs = mainThreadTaskCpuMs(await endTrace());
  const simulatedAt = await simulated;
  const sorted = [...sampled.frames].sort((a, b) => a - b);
  return {
    scenario: spec,
    n,
    firstFrameMs: round(playingAt - pressedAt, 0),
    simulationMs: round(simulatedAt - pressedAt, 0),
    frames: sampled.frames.length,
    medianFrameMs: round(median(sampled.frames), 2),
    p95FrameMs: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0, 2),
    framesOver50Ms: sampled.frames.filter((delta) => delta > 50).length,
    longTasks: during.length,
    longTaskMaxMs: round(Math.max(0, ...during.map((task) => task.duration)), 0),
    loadLongTasks: loading.length,
    loadLongTaskMaxMs: round(Math.max(0, ...loading.map((task) => task.duration)), 0),
    cpuLongTasks: taskCpuMs.filter((cpuMs) => cpuMs > 50).length,
    cpuLongestMs: round(Math.max(0, ...taskCpuMs), 0),
  };
}

export async function runBrowserBench(specs: string[]): Promise<BrowserFigure[]> {
  await ensureBuilt();
  const port = await freePort();
  const preview = await startPreview(port);
  const browser = await chromium.launch({ executablePath: systemChromium() ?? undefined, args: chromiumArgs });
  const figures: BrowserFigure[] = [];
  try {
    for (const spec of specs) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript({ content: probeScript });
      figures.push(await measureScenario(page, `http://127.0.0.1:${port}`, spec));
      console.log(formatRow(figures.at(-1)!));
      await page.close();
    }
  } finally {
    await browser.close();
    if (preview.pid !== undefined) process.kill(-preview.pid);
  }
  return figures;
}

const columns: [keyof BrowserFigure, string][] = [
  ['scenario', 'scenario'],
  ['firstFrameMs', 'first frame ms'],
  ['simulationMs', 'simulate ms'],
  ['frames', 'frames'],
  ['medianFrameMs', 'median frame ms'],
  ['p95FrameMs', 'p95 frame ms'],
  ['framesOver50Ms', 'frames >50 ms'],
  ['longTasks', 'long tasks'],
  ['longTaskMaxMs', 'longest ms'],
  ['loadLongTasks', 'load long tasks'],
  ['loadLongTaskMaxMs', 'load longest ms'],
  ['cpuLongTasks', 'CPU >50 ms'],
  ['cpuLongestMs', 'most CPU ms'],
];

export function formatRow(figure: BrowserFigure): string {
  return columns.map(([key]) => String(figure[key]).padStart(key === 'scenario' ? 12 : 16)).join('');
}

export function formatHeader(): string {
  return columns.map(([key, label]) => label.padStart(key === 'scenario' ? 12 : 16)).join('');
}

/**
 * The command: scenarios from the argument, comma-separated: `N` agents for 1 round, `NxR`
 * for R rounds, or a preset name (default `100,1000x5,hk-classic`, the SPEC §8 figures).
 */
export async function main(argument: string | undefined): Promise<void> {
  const specs = (argument ?? '100,1000x5,hk-classic').split(',').filter((spec) => spec !== '');
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  console.log(formatHeader());
  const figures = await runBrowserBench(specs);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', 'browser.json');
  writeFileSync(file, JSON.stringify({ machine, playbackSampleMs, figures }, null, 2) + '\n');
  console.log(`\n${figures.length} scenarios on ${machine.cores} × ${machine.cpu}; written to ${file}`);
}
