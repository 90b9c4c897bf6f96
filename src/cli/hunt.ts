/**
 * The fault-space search (SPEC §6, §9): runs random scenarios (or the exhaustive small
 * space) and prints each violation with a share link that replays it.
 *
 *   npm run --silent hunt -- [--seeds A..B] [--shard i/k] [--exhaustive] [--n 4|5]
 *                            [--unsafe NAME] [--jsonl FILE] [--limit N]
 *
 * Exit 0 when nothing was found, 1 when a violation was found, 2 on bad input with one line
 * on stderr that names the problem and never a stack trace (3 if the search itself broke).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { initFastCrypto } from '../core/crypto';
import { checkRun, type HuntViolation, type RunVerdict } from '../core/sim/hunt/checkRun';
import { exhaustiveSpace } from '../core/sim/hunt/exhaustiveSpace';
import { randomScenario, type HuntScenario } from '../core/sim/hunt/randomScenario';
import { selectPositions } from '../core/sim/hunt/selection';
import { withUnsafeSwitch } from '../core/sim/hunt/unsafeSwitch';
import { runScenario } from '../core/sim/runScenario';
import { encodeShareLink } from '../core/sim/shareLink';
import { HuntTally } from './huntTally';
import { huntUsage, InputError, parseHuntArgs, type HuntOptions } from './huntArgs';
import { nodeCodec } from './nodeCodec';

/** Wall-clock seconds between progress lines on stderr. */
const progressSecondsMin = 10;
/** Characters of an invariant's detail shown on a violation line. */
const detailCharsMax = 140;

/** The runs of one invocation: how many, and the scenario at each selected place. */
interface Plan {
  label: string;
  key: 'seed' | 'index';
  /** The seed or exhaustive index of each run, ascending. */
  ids: number[];
  scenarioOf(id: number): HuntScenario;
}

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
  try {
    for (const id of plan.ids) {
      const hunt = plan.scenarioOf(id);
      const verdict = verdictOf(hunt);
      tally.add(verdict);
      if (verdict.violations.length > 0) await printViolations(plan, id, hunt, verdict.violations);
      if (jsonl !== null) writeSync(jsonl, `${jsonlLine(plan.key, id, verdict)}\n`);
      const now = process.hrtime.bigint();
      if (Number(now - lastProgress) / 1e9 >= progressSecondsMin) {
        lastProgress = now;
        process.stderr.write(`hunt: ${tally.runs}/${plan.ids.length} runs, ` +
          `${tally.violationCount} violations, ${Math.round(secondsSince(started))} s\n`);
      }
    }
  } finally {
    if (jsonl !== null) closeSync(jsonl);
  }
  if (options.unsafe !== undefined) process.stdout.write(`${tally.selfTestLine(options.unsafe)}\n`);
  process.stdout.write(`${tally.summaryLine(secondsSince(started), plan.label)}\n`);
  return tally.violationCount > 0 ? 1 : 0;
}

function planOf(options: HuntOptions): Plan {
  const selection = { ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.shard === undefined ? {} : { shard: options.shard }) };
  const unsafe = options.unsafe;
  const notes = [
    options.limit === undefined ? '' : `, limit ${options.limit}`,
    options.shard === undefined ? '' : `, shard ${options.shard.index}/${options.shard.count}`,
    unsafe === undefined ? '' : `, unsafe ${unsafe}`,
  ].join('');
  if (options.exhaustive) {
    const space = exhaustiveSpace({ ...(options.n === undefined ? {} : { n: options.n }),
      ...(unsafe === undefined ? {} : { unsafe }) });
    const last = space.firstIndex + space.size - 1;
    const counts = options.n === undefined ? 'n=4,5' : `n=${options.n}`;
    return {
      label: `exhaustive ${counts}, indices ${space.firstIndex}..${last} of ${space.size}${notes}`,
      key: 'index',
      ids: selectPositions(space.size, selection).map((position) => space.firstIndex + position),
      scenarioOf: (index) => space.scenarioAt(index),
    };
  }
  const { first, last } = options.seeds!;
  return {
    label: `seeds ${first}..${last}${notes}`,
    key: 'seed',
    ids: selectPositions(last - first + 1, selection).map((position) => first + position),
    scenarioOf: (seed) => {
      const hunt = randomScenario(seed);
      return unsafe === undefined ? hunt : withUnsafeSwitch(hunt, unsafe);
    },
  };
}

/**
 * The verdict on one run. The trace is dropped as soon as it is judged, so memory stays
 * bounded however long the search. An engine that throws (a failed assertion) is a finding
 * too, reported like a red invariant, and the search goes on.
 */
function verdictOf(hunt: HuntScenario): RunVerdict {
  try {
    return checkRun(hunt, runScenario(hunt.scenario));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      violations: [{ invariant: 'engine-error', detail: message.split('\n')[0]! }],
      roundsDecided: 0,
      rounds: hunt.scenario.rounds ?? 5,
      drops: hunt.drops,
      healing: hunt.healing,
      traceHash: '',
    };
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

function openJsonl(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`--jsonl: cannot write ${path} (${code})`);
  }
}

function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`hunt: ${message.split('\n')[0]}\n`);
      process.exit(error instanceof InputError ? 2 : 3);
    },
  );
}
