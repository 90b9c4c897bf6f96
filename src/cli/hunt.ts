/**
 * The fault-space search (SPEC §6, §9): runs random scenarios (or the exhaustive small
 * space) and prints each violation with a share link that replays it.
 *
 *   npm run --silent hunt -- [--seeds A..B] [--shard i/k] [--exhaustive] [--n 4|5]
 *                            [--unsafe NAME] [--jsonl FILE] [--limit N] [--workers N]
 *
 * `--workers N` runs the search on N worker threads (default: one per core minus one, at
 * least one; 1 runs it in this thread); the output is the same for any N.
 *
 * Exit 0 when nothing was found, 1 when a violation was found, 2 on bad input with one line
 * on stderr that names the problem and never a stack trace (3 if the search itself broke).
 */
import { closeSync, writeSync } from 'node:fs';
import { initFastCrypto } from '../core/crypto';
import { availableParallelism } from 'node:os';
import type { HuntViolation, RunVerdict } from '../core/sim/hunt/checkRun';
import type { HuntScenario } from '../core/sim/hunt/randomScenario';
import { encodeShareLink } from '../core/sim/shareLink';
import { poolSize } from '../pool/jobPool';
import { HuntTally } from './huntTally';
import { huntUsage, parseHuntArgs, type HuntOptions } from './huntArgs';
import { planOf, verdictOf, type Plan } from './huntPlan';
import { openJsonl, runWhenInvoked, secondsSince } from './commandLine';
import { nodeCodec } from './nodeCodec';
import { ThreadPool } from './threadPool';

/** The module each worker thread runs. */
const huntThread = new URL('./huntThread.ts', import.meta.url);

/** Wall-clock seconds between progress lines on stderr. */
const progressSecondsMin = 10;
/** Characters of an invariant's detail shown on a violation line. */
const detailCharsMax = 140;

export async function main(argv: string[]): Promise<number> {
  const options = parseHuntArgs(argv);
  if (options.help) {
    process.stdout.write(`${huntUsage}\n`);
    return 0;
  }
  await initFastCrypto();
  const plan = planOf(options);
  const jsonl = options.jsonl === undefined ? null : openJsonl(options.jsonl);
  const tally = new HuntTally();
  const started = process.hrtime.bigint();
  let lastProgress = started;
  /** Reads one run's verdict; called in id order, whichever thread ran it. */
  const record = async (id: number, verdict: RunVerdict) => {
    tally.add(verdict);
    if (verdict.violations.length > 0) {
      await printViolations(plan, id, plan.scenarioOf(id), verdict.violations);
    }
    if (jsonl !== null) writeSync(jsonl, `${jsonlLine(plan.key, id, verdict)}\n`);
    const now = process.hrtime.bigint();
    if (Number(now - lastProgress) / 1e9 >= progressSecondsMin) {
      lastProgress = now;
      process.stderr.write(`hunt: ${tally.runs}/${plan.ids.length} runs, ` +
        `${tally.violationCount} violations, ${Math.round(secondsSince(started))} s\n`);
    }
  };
  const workers = options.workers ?? poolSize(availableParallelism());
  try {
    if (workers === 1 || plan.ids.length <= 1) {
      for (const id of plan.ids) await record(id, verdictOf(plan.scenarioOf(id)));
    } else {
      await runOnThreads(options, plan.ids, workers, record);
    }
  } finally {
    if (jsonl !== null) closeSync(jsonl);
  }
  if (options.unsafe !== undefined) process.stdout.write(`${tally.selfTestLine(options.unsafe)}\n`);
  process.stdout.write(`${tally.summaryLine(secondsSince(started), plan.label)}\n`);
  return tally.violationCount > 0 ? 1 : 0;
}

/**
 * Runs the plan's ids over `workers` threads (`huntThread.ts`). Policy: verdicts are read in
 * id order, one after another, so the output and the tally are exactly a single thread's;
 * the pool keeps none of them, so memory stays bounded however long the search.
 */
async function runOnThreads(
  options: HuntOptions,
  ids: number[],
  workers: number,
  record: (id: number, verdict: RunVerdict) => Promise<void>,
): Promise<void> {
  const pool = new ThreadPool<number, RunVerdict>(huntThread, options, Math.min(workers, ids.length));
  let recorded = Promise.resolve();
  try {
    const run = pool.run(ids, {
      keepResults: false,
      onResult: (index, verdict) => {
        recorded = recorded.then(() => record(ids[index]!, verdict));
      },
    });
    await run.outcome;
    await recorded;
  } finally {
    await pool.close();
  }
}

async function printViolations(
  plan: Plan,
  id: number,
  hunt: HuntScenario,
  violations: HuntViolation[],
): Promise<void> {
  const link = await encodeShareLink(hunt.scenario, nodeCodec);
  for (const { invariant, detail } of violations) {
    const short =
      detail.length > detailCharsMax ? `${detail.slice(0, detailCharsMax - 1)}…` : detail;
    process.stdout.write(`${invariant} (${plan.key} ${id}): ${short} ${link}\n`);
  }
}

/** One JSON line per run; the key comes first so shards sort back into one file. */
function jsonlLine(key: 'seed' | 'index', id: number, verdict: RunVerdict): string {
  const { traceHash, violations, roundsDecided, rounds, drops, healing } = verdict;
  const line = { [key]: id, traceHash, violations, roundsDecided, rounds, drops, healing };
  return JSON.stringify(line);
}

runWhenInvoked(import.meta.url, 'hunt', main);
