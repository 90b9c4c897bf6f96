import { spawnSync } from 'node:child_process';
import { vi } from 'vitest';

/**
 * Runs a command's `main` in this process (no child process to start, which costs more
 * than the runs themselves), with what it writes to stdout captured and stderr silenced.
 */
export async function inProcess(run: (argv: string[]) => Promise<number>, ...args: string[]) {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await run(args);
    return { code, stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Runs a command line as a user would, in a child process. */
export function cli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
