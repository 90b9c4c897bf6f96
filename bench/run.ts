/**
 * `npm run bench [-- FILTER]`: runs every bench/*.bench.ts (or those whose file name contains
 * FILTER), prints a table, and writes bench/results/latest.json with the machine noted.
 * Speed is measured here, never by timed assertions in tests.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { initFastCrypto } from '../src/core/crypto';
import type { BenchResult } from './harness';

const dir = import.meta.dirname;
const filter = process.argv[2] ?? '';
if (filter === 'browser') {
  // `npm run bench -- browser [100,1000]`: the page in chromium, not the Node benches.
  const { main } = await import('./browser/playback');
  await main(process.argv[3]);
  process.exit(0);
}
if (filter === 'explore') {
  // `npm run bench -- explore [page,2]`: the Explore page's 10 × 10 × 5 sweep in chromium.
  const { main } = await import('./browser/explore');
  await main(process.argv[3]);
  process.exit(0);
}
// The benches measure the fast WebAssembly backend unless they switch to @noble themselves.
const cryptoBackend = await initFastCrypto();
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  cryptoBackend,
};

const results: (BenchResult & { file: string })[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchResult[]> };
  for (const result of await module.run()) {
    results.push({ file, ...result });
    const target = result.targetMs === undefined ? '' : `  (target ≤ ${result.targetMs} ms: ${result.medianMs <= result.targetMs ? 'met' : 'MISSED'})`;
    const extra = result.extra ? '  ' + Object.entries(result.extra).map(([k, v]) => `${k}=${v}`).join(' ') : '';
    console.log(`${result.name.padEnd(52)} median ${result.medianMs.toFixed(3).padStart(10)} ms${target}${extra}`);
  }
}

mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify({ machine, results }, null, 2) + '\n');
console.log(`\n${results.length} figures on ${machine.cores} × ${machine.cpu}, ${machine.node}; written to bench/results/latest.json`);
