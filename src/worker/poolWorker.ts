/// <reference lib="webworker" />
/**
 * A pool worker's entry (SPEC §5: batch, sweep): one of the page's `WorkerPool` workers. It
 * holds no session and streams nothing; it runs chunks of independent jobs and returns
 * compact results. With `worker.ts`, the only places in src/worker that import comlink.
 */
import { expose } from 'comlink';
import { initFastCrypto } from '../core/crypto';
import { runBatchJobs } from './batchJobs';
import { exploreApi } from './exploreApi';
import { runSweepJobs } from './sweepJobs';
import type { PoolWorkerApi } from './poolApi';

/** Tokens cancelled before or while their chunk ran; a chunk forgets its token when it ends. */
const cancelled = new Set<number>();

/** The fast crypto backend, loading from the start; every chunk waits for it (see worker.ts). */
const cryptoReady = initFastCrypto();

/**
 * Lets a queued cancel in between two runs. Policy: a MessageChannel message, not
 * `setTimeout(0)`, which browsers clamp to 4 ms once nested: 10% of a 40 ms run.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

const api: PoolWorkerApi = {
  ...exploreApi,
  async runJobs(spec, jobs, token) {
    try {
      await cryptoReady;
      return await runBatchJobs(spec, jobs, { cancelled: () => cancelled.has(token), yieldToMessages });
    } finally {
      cancelled.delete(token);
    }
  },
  async runSweepJobs(definition, jobs, token) {
    try {
      await cryptoReady;
      return await runSweepJobs(definition, jobs, { cancelled: () => cancelled.has(token), yieldToMessages });
    } finally {
      cancelled.delete(token);
    }
  },
  cancel(token) {
    cancelled.add(token);
  },
};

expose(api);
