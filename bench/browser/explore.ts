/**
 * `npm run bench -- explore [W,W…]`: the Explore page's sweep in headless chromium (issue 13
 * "Done when": a 10 × 10 × 5 sweep of `byzantine-tamper`-sized runs, its time to finish in the
 * page and runs per second per worker).
 *
 * Serves the built app (`dist/`, built when missing), opens the benchmark sweep of
 * `bench/sweep.bench.ts` by its `#x=1.…` link (the page runs it at once on its worker pool),
 * and waits for the progress bar to say done. The page's own clock times the sweep from its
 * start to its last run (`data-elapsed-ms`); the wall time from opening the link adds loading
 * the page and starting the workers. The pool has one worker per core minus one (one on two
 * cores); each W in the argument also runs it as if the machine had W + 1 cores, so the pool
 * has W workers (default: the page's own pool, then 2). Writes bench/results/explore.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { nodeCodec } from '../../src/cli/nodeCodec';
import { encodeSweepLink, sweepJobs } from '../../src/core/sim/sweep';
import { round } from '../harness';
import { benchSweep } from '../sweep.bench';
import { chromiumArgs, ensureBuilt, freePort, root, startPreview, systemChromium } from './preview';

/** A sweep of 500 runs on one slow worker takes minutes; beyond this something is wrong. */
const sweepTimeoutMs = 20 * 60_000;

export interface ExploreFigure {
  /** Workers in the page's pool. */
  workers: number;
  runs: number;
  /** From the sweep's start to its last run, by the page's clock. */
  sweepMs: number;
  /** From opening the link to the last run: the page loads, checks the sweep, starts workers. */
  wallMs: number;
  runsPerSecond: number;
  runsPerSecondPerWorker: number;
}

async function measureSweep(browser: Browser, url: string, workers: number | null): Promise<ExploreFigure> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    // The pool's size is one per core minus one: pretend to W + 1 cores for a pool of W.
    if (workers !== null) {
      await page.addInitScript({
        content: `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${workers + 1} });`,
      });
    }
    const started = Date.now();
    await page.goto(url);
    const progress = page.getByTestId('sweep-progress');
    await progress.and(page.locator('[data-status="done"]')).waitFor({ timeout: sweepTimeoutMs });
    const wallMs = Date.now() - started;
    const read = async (name: string) => Number(await progress.getAttribute(name));
    const runs = await read('data-done');
    const sweepMs = await read('data-elapsed-ms');
    const pool = await read('data-workers');
    const runsPerSecond = runs / (sweepMs / 1000);
    return {
      workers: pool, runs, sweepMs, wallMs,
      runsPerSecond: round(runsPerSecond, 1), runsPerSecondPerWorker: round(runsPerSecond / pool, 1),
    };
  } finally {
    await page.close();
  }
}

/** The command: pool sizes from the argument (`page,2` by default: the page's own pool, then 2). */
export async function main(argument: string | undefined): Promise<void> {
  const sizes = (argument ?? 'page,2').split(',').map((item) => (item === 'page' ? null : Number(item)))
    .filter((size) => size === null || size > 0);
  const definition = benchSweep();
  const link = await encodeSweepLink(definition, nodeCodec);
  const runs = sweepJobs(definition).length;
  await ensureBuilt();
  const port = await freePort();
  const preview = await startPreview(port);
  const browser = await chromium.launch({ executablePath: systemChromium() ?? undefined, args: chromiumArgs });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage1m: round(loadavg()[0] ?? 0, 2),
  };
  const figures: ExploreFigure[] = [];
  console.log(`${definition.name}: ${runs} byzantine-tamper runs in chromium, on ${machine.cores} × ${machine.cpu} (load ${machine.loadAverage1m})`);
  try {
    for (const size of sizes) {
      const figure = await measureSweep(browser, `http://127.0.0.1:${port}/${link}`, size);
      figures.push(figure);
      console.log(
        `${String(figure.workers).padStart(2)} worker${figure.workers === 1 ? ' ' : 's'}: ` +
          `${(figure.sweepMs / 1000).toFixed(1)} s for ${figure.runs} runs (${(figure.wallMs / 1000).toFixed(1)} s from ` +
          `opening the link), ${figure.runsPerSecond} runs/s, ${figure.runsPerSecondPerWorker} runs/s per worker`,
      );
    }
  } finally {
    await browser.close();
    if (preview.pid !== undefined) process.kill(-preview.pid);
  }
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', 'explore.json');
  writeFileSync(file, JSON.stringify({ machine, sweep: definition.name, runs, figures }, null, 2) + '\n');
  console.log(`written to ${file}`);
}
