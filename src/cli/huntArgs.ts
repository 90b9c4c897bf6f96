import {
  exhaustiveAgentCounts,
  type ExhaustiveAgentCount,
} from '../core/sim/hunt/exhaustiveSpace';
import type { Shard } from '../core/sim/hunt/selection';
import {
  isUnsafeSwitchName,
  unsafeSwitchNames,
  type UnsafeSwitchName,
} from '../core/sim/hunt/unsafeSwitch';
import { scenarioLimits } from '../core/sim/scenario';
import { InputError, parseOptions } from './commandLine';

export { InputError };

export const huntUsage =
  'usage: npm run --silent hunt -- [--seeds A..B] [--shard i/k] [--exhaustive] [--n 4|5] ' +
  '[--unsafe NAME] [--accountability] [--jsonl FILE] [--limit N] [--workers N]';

export interface HuntOptions {
  /** Random seeds first..last (inclusive); null with --exhaustive. */
  seeds: { first: number; last: number } | null;
  exhaustive: boolean;
  n?: ExhaustiveAgentCount;
  shard?: Shard;
  unsafe?: UnsafeSwitchName;
  /** Random scenarios with accountability on and forged accusations among the faults. */
  accountability?: boolean;
  jsonl?: string;
  limit?: number;
  /** Worker threads (default: one per core minus one, at least one; 1 runs in this thread). */
  workers?: number;
  help: boolean;
}

/** The default search: random seeds 1..200. */
export const defaultSeeds = { first: 1, last: 200 };

export function parseHuntArgs(argv: string[]): HuntOptions {
  const values = parseOptions(
    argv,
    {
      seeds: { type: 'string' },
      shard: { type: 'string' },
      exhaustive: { type: 'boolean', default: false },
      n: { type: 'string' },
      unsafe: { type: 'string' },
      accountability: { type: 'boolean', default: false },
      jsonl: { type: 'string' },
      limit: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    huntUsage,
  );
  const exhaustive = values.exhaustive;
  if (exhaustive && values.seeds !== undefined) {
    const instead = 'with --exhaustive use --n, --limit, --shard';
    throw new InputError(`--seeds picks random scenarios; ${instead}`);
  }
  if (exhaustive && values.accountability) {
    throw new InputError('--accountability draws accusers into random scenarios; it does not apply to --exhaustive');
  }
  if (!exhaustive && values.n !== undefined) {
    throw new InputError('--n picks a block of the exhaustive space; it needs --exhaustive');
  }
  const options: HuntOptions = {
    seeds: exhaustive ? null : values.seeds === undefined ? defaultSeeds : seedRange(values.seeds),
    exhaustive,
    help: values.help,
  };
  if (values.n !== undefined) options.n = agentCount(values.n);
  if (values.shard !== undefined) options.shard = shard(values.shard);
  if (values.unsafe !== undefined) options.unsafe = unsafeName(values.unsafe);
  if (values.accountability) options.accountability = true;
  if (values.jsonl !== undefined) options.jsonl = values.jsonl;
  if (values.limit !== undefined) options.limit = positiveInteger('--limit', values.limit);
  if (values.workers !== undefined) options.workers = workerCount(values.workers);
  return options;
}

function seedRange(text: string): { first: number; last: number } {
  const match = /^(\d+)(?:\.\.(\d+))?$/.exec(text);
  if (!match) throw new InputError(`--seeds: "${text}" is not a range like 1..200`);
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  const seedMax = scenarioLimits.seedMax;
  if (last > seedMax) throw new InputError(`--seeds: ${last} is above the largest seed ${seedMax}`);
  if (first > last) {
    throw new InputError(`--seeds: ${first}..${last} is empty (${first} > ${last})`);
  }
  return { first, last };
}

export function shard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new InputError(`--shard: "${text}" is not like 2/4 (shard 2 of 4)`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: ${text} needs 1 <= i <= k`);
  }
  return { index, count };
}

function agentCount(text: string): ExhaustiveAgentCount {
  const found = exhaustiveAgentCounts.find((n) => String(n) === text);
  if (found === undefined) {
    throw new InputError(`--n: "${text}" is not one of ${exhaustiveAgentCounts.join(', ')}`);
  }
  return found;
}

function unsafeName(text: string): UnsafeSwitchName {
  if (!isUnsafeSwitchName(text)) {
    const known = unsafeSwitchNames.join(', ');
    throw new InputError(`--unsafe: unknown switch "${text}"; known: ${known}`);
  }
  return text;
}

/** Worker threads at most: more than any machine this runs on has cores. */
export const huntWorkersMax = 64;

export function workerCount(text: string): number {
  const count = positiveInteger('--workers', text);
  if (count > huntWorkersMax) throw new InputError(`--workers: ${count} is above ${huntWorkersMax}`);
  return count;
}

function positiveInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new InputError(`${flag}: "${text}" is not a positive integer`);
  }
  return Number(text);
}
