// Starts a worker thread on a TypeScript module: `new Worker(tsThread, { workerData: { entry,
// data } })`. Policy: Node 20 ignores `--import tsx` in a worker's execArgv, so the thread
// registers tsx itself before importing `entry` (a file URL); this works the same under
// `tsx`, `node --import tsx` and vitest.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
