/**
 * The sweep command (SPEC §6): runs a sweep definition (a file, or an `#x=1.…` link) and
 * writes one JSON line per run, `{ xi, yi, x, y, seed, traceHash, metrics }`, sorted by
 * (xi, yi, seed): the rows the Explore page computes.
 *
 *   npm run --silent sweep -- (--file FILE | --link URL_OR_FRAGMENT) [--shard i/k]
 *                             [--jsonl FILE] [--workers N]
 *
 * `--shard i/k` runs every k-th run from the i-th, so the k shards' lines, concatenated and
 * sorted, are exactly the unsharded output. `--workers N` runs on N worker threads (default:
 * one per core minus one, at least one; 1 runs in this thread); the output is the same for
 * any N. Exit 0 when every run finished, 2 on bad input with one line on stderr naming the
 * problem (never a stack trace), 3 if the sweep itself broke.
 */
import { closeSync, readFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { initFastCrypto } from '../core/crypto';
import type { Shard } from '../core/sim/hunt/selection';
import {
  decodeSweepLink, parseSweep, SweepRunner, sweepJobs, type SweepDefinition, type SweepJob, type SweepRow,
} from '../core/sim/sweep';
import { poolSize } from '../pool/jobPool';
import { shard as readShard, workerCount } from './huntArgs';
import { InputError, openJsonl, parseOptions, runWhenInvoked, secondsSince } from './commandLine';
import { nodeCodec } from './nodeCodec';
import { ThreadPool } from './threadPool';

export { InputError };

const usage =
  'usage: npm run --silent sweep -- (--file FILE | --link URL_OR_FRAGMENT) [--shard i/k] ' +
  '[--jsonl FILE] [--workers N]';

const sweepThread = new URL('./sweepThread.ts', import.meta.url);
/** Wall-clock seconds between progress lines on stderr. */
const progressSecondsMin = 10;

export interface SweepOptions {
  file?: string;
  link?: string;
  shard?: Shard;
  jsonl?: string;
  workers?: number;
  help: boolean;
}

export function parseSweepArgs(argv: string[]): SweepOptions {
  const values = parseOptions(
    argv,
    {
      file: { type: 'string' },
      link: { type: 'string' },
      shard: { type: 'string' },
      jsonl: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    usage,
  );
  const options: SweepOptions = { help: values.help };
  if (values.help) return options;
  if ((values.file === undefined) === (values.link === undefined)) {
    throw new InputError(`give exactly one of --file, --link\n${usage}`);
  }
  if (values.file !== undefined) options.file = values.file;
  if (values.link !== undefined) options.link = values.link;
  if (values.shard !== undefined) options.shard = readShard(values.shard);
  if (values.jsonl !== undefined) options.jsonl = values.jsonl;
  if (values.workers !== undefined) options.workers = workerCount(values.workers);
  return options;
}

export async function main(argv: string[]): Promise<number> {
  const options = parseSweepArgs(argv);
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const definition = await loadDefinition(options);
  await initFastCrypto();
  const jobs = sweepJobs(definition, options.shard);
  const out = options.jsonl === undefined ? null : openJsonl(options.jsonl);
  const write = (row: SweepRow) => {
    const line = `${JSON.stringify(row)}\n`;
    if (out === null) process.stdout.write(line);
    else writeSync(out, line);
  };
  const started = process.hrtime.bigint();
  let lastProgress = started;
  let done = 0;
  const record = (row: SweepRow) => {
    write(row);
    done += 1;
    const now = process.hrtime.bigint();
    if (Number(now - lastProgress) / 1e9 >= progressSecondsMin) {
      lastProgress = now;
      process.stderr.write(`sweep: ${done}/${jobs.length} runs, ${Math.round(secondsSince(started))} s\n`);
    }
  };
  const workers = Math.min(options.workers ?? poolSize(availableParallelism()), Math.max(1, jobs.length));
  try {
    if (workers === 1) {
      const runner = new SweepRunner(definition);
      for (const job of jobs) record(runner.run(job));
    } else {
      await runOnThreads(definition, jobs, workers, record);
    }
  } finally {
    if (out !== null) closeSync(out);
  }
  if (out !== null) {
    const shardText = options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : '';
    const seconds = secondsSince(started).toFixed(1);
    process.stdout.write(`sweep: ${jobs.length} runs${shardText} in ${seconds} s on ${workers} ` +
      `worker${workers === 1 ? '' : 's'}, written to ${options.jsonl}\n`);
  }
  return 0;
}

async function loadDefinition(options: SweepOptions): Promise<SweepDefinition> {
  if (options.link !== undefined) {
    const decoded = await decodeSweepLink(options.link, nodeCodec);
    if (!decoded.ok) throw new InputError(`--link: ${decoded.error.message}`);
    return decoded.value;
  }
  const file = options.file!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`--file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseSweep(text);
  if (!parsed.ok) throw new InputError(`--file ${file}: ${parsed.error.message}`);
  return parsed.value;
}

/** Runs the jobs on threads; rows arrive in job order, so the output is one thread's. */
async function runOnThreads(
  definition: SweepDefinition,
  jobs: SweepJob[],
  workers: number,
  record: (row: SweepRow) => void,
): Promise<void> {
  const pool = new ThreadPool<SweepJob, SweepRow>(sweepThread, definition, workers);
  try {
    await pool.run(jobs, { keepResults: false, onResult: (_, row) => record(row) }).outcome;
  } finally {
    await pool.close();
  }
}

runWhenInvoked(import.meta.url, 'sweep', main);
