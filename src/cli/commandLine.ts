import { openSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What the commands (`sim`, `hunt`, `sweep`) share: their options, their JSON-lines output
 * file, elapsed time, and how a command run from the shell ends (exit 2 on bad input with one
 * line, never a stack trace).
 */

/** Bad input: the command exits 2 with this one-line message. */
export class InputError extends Error {}

/** The values of `argv` under `options` (no positionals); an unknown option is bad input. */
export function parseOptions<const Options extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: Options,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${usage}`);
  }
}

/** Opens `--jsonl FILE` for writing, or explains in one line why it cannot. */
export function openJsonl(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`--jsonl: cannot write ${path} (${code})`);
  }
}

/** Wall seconds since `process.hrtime.bigint()` said `started`. */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Runs `main` when the module at `moduleUrl` is the script node was started with: exits with
 * its code, 2 on bad input and `failureCode` on anything else, printing the first line only.
 */
export function runWhenInvoked(
  moduleUrl: string,
  name: string,
  main: (argv: string[]) => Promise<number>,
  failureCode = 3,
): void {
  const script = process.argv[1];
  if (script === undefined || !moduleUrl.endsWith(script.replace(/\\/g, '/'))) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${name}: ${message.split('\n')[0]}\n`);
      process.exit(error instanceof InputError ? 2 : failureCode);
    },
  );
}
