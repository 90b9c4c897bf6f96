/**
 * What the browser benches share: the built app served by `vite preview` on a free port, and
 * the chromium the tests use (Debian's when installed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module shared with the npm scripts, typed by use.
import { chromiumArgs as args, systemChromium as chromium } from '../../scripts/browser.mjs';

export const root = join(import.meta.dirname, '..', '..');
export const chromiumArgs = args as string[];
export const systemChromium = chromium as () => string | null;

/** Builds the app into `dist/` unless it is there. */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(root, 'dist', 'index.html'))) return;
  await new Promise<void>((resolve, reject) => {
    const build = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code})`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `vite preview` on `port`, once it answers; stop it with `process.kill(-preview.pid)`. */
export async function startPreview(port: number): Promise<ChildProcess> {
  const preview = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return preview;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not start on port ${port}`);
}
