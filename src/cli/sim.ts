/**
 * The command line (SPEC §6): run a preset, a scenario file or a share link headlessly.
 *
 *   npm run --silent sim -- (--preset NAME | --scenario FILE | --link URL_OR_FRAGMENT)
 *                           [--seed N] [--rounds N] [--json] [--trace FILE] [--print-link]
 *
 * Exit 0 when the run completed (a failed invariant is a result, not an error); exit 2 on
 * bad input, with one line on stderr that names the problem and never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  decodeShareLink,
  encodeShareLink,
  isPresetName,
  parseScenario,
  preset,
  presetNames,
  runScenario,
  type Scenario,
} from '../core/sim';
import { initFastCrypto } from '../core/crypto';
import { InputError, parseOptions, runWhenInvoked } from './commandLine';
import { nodeCodec } from './nodeCodec';
import { formatSummary } from './formatSummary';

export { InputError };

const usage =
  'usage: npm run --silent sim -- (--preset NAME | --scenario FILE | --link URL_OR_FRAGMENT) ' +
  '[--seed N] [--rounds N] [--json] [--trace FILE] [--print-link]';

export async function main(argv: string[]): Promise<number> {
  const args = parseOptions(
    argv,
    {
      preset: { type: 'string' },
      scenario: { type: 'string' },
      link: { type: 'string' },
      seed: { type: 'string' },
      rounds: { type: 'string' },
      json: { type: 'boolean', default: false },
      trace: { type: 'string' },
      'print-link': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    usage,
  );
  if (args.help) {
    process.stdout.write(`${usage}\npresets: ${presetNames.join(', ')}\n`);
    return 0;
  }
  // The WebAssembly crypto backend: the same results as @noble, several times faster.
  await initFastCrypto();
  const scenario = withOverrides(await loadScenario(args), args.seed, args.rounds);
  if (args['print-link']) {
    process.stdout.write(`${await encodeShareLink(scenario, nodeCodec)}\n`);
    return 0;
  }
  const { summary, trace } = runScenario(scenario);
  if (args.trace) writeTrace(args.trace, trace);
  process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
  return 0;
}

async function loadScenario(args: { preset?: string; scenario?: string; link?: string }): Promise<Scenario> {
  const given = [args.preset, args.scenario, args.link].filter((value) => value !== undefined);
  if (given.length !== 1) throw new InputError(`give exactly one of --preset, --scenario, --link\n${usage}`);
  if (args.preset !== undefined) {
    if (!isPresetName(args.preset)) {
      throw new InputError(`--preset: unknown preset "${args.preset}"; known: ${presetNames.join(', ')}`);
    }
    return preset(args.preset).scenario;
  }
  if (args.scenario !== undefined) {
    let text: string;
    try {
      text = readFileSync(args.scenario, 'utf8');
    } catch (error) {
      throw new InputError(`--scenario: cannot read ${args.scenario} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new InputError(`--scenario ${args.scenario}: ${parsed.error.message}`);
    return parsed.value;
  }
  const decoded = await decodeShareLink(args.link!, nodeCodec);
  if (!decoded.ok) throw new InputError(`--link: ${decoded.error.message}`);
  return decoded.value;
}

function withOverrides(scenario: Scenario, seed?: string, rounds?: string): Scenario {
  if (seed === undefined && rounds === undefined) return scenario;
  const edited: Record<string, unknown> = { ...scenario };
  if (seed !== undefined) edited.seed = integerArg('--seed', seed);
  if (rounds !== undefined) edited.rounds = integerArg('--rounds', rounds);
  const parsed = parseScenario(edited);
  if (!parsed.ok) throw new InputError(parsed.error.message);
  return parsed.value;
}

function integerArg(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new InputError(`${flag}: "${text}" is not an integer`);
  return Number(text);
}

function writeTrace(path: string, trace: readonly unknown[]): void {
  try {
    writeFileSync(path, trace.map((event) => JSON.stringify(event)).join('\n') + '\n');
  } catch (error) {
    throw new InputError(`--trace: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

runWhenInvoked(import.meta.url, 'sim', main, 1);
