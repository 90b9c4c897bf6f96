/**
 * The thread side of `ThreadPool`: `serveChunks(runChunk)` answers each chunk request with
 * its results, in order, and lets a cancel in between two jobs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { initFastCrypto } from '../core/crypto';

export type ChunkRequest<Job> =
  | { kind: 'run'; token: number; jobs: Job[] }
  | { kind: 'cancel'; token: number };

export type ChunkReply<Result> =
  | { kind: 'results'; token: number; results: Result[] }
  | { kind: 'error'; token: number; message: string };

/** How a chunk runner is told to stop, and lets messages in. */
export interface ThreadControl {
  cancelled(): boolean;
  yieldToMessages(): Promise<void>;
}

/** The `data` the pool gave every thread. */
export function threadData<T>(): T {
  return (workerData as { data: T }).data;
}

/** Serves chunk requests on this thread until the pool stops it. */
export function serveChunks<Job, Result>(
  runChunk: (jobs: Job[], control: ThreadControl) => Result[] | Promise<Result[]>,
): void {
  const port = parentPort;
  if (port === null) throw new Error('serveChunks: not on a worker thread');
  const cancelled = new Set<number>();
  // Every chunk runs on the fast crypto backend, as the single-threaded command does.
  const cryptoReady = initFastCrypto();
  const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));
  const serve = async (request: ChunkRequest<Job>) => {
    if (request.kind === 'cancel') {
      cancelled.add(request.token);
      return;
    }
    const { token } = request;
    let reply: ChunkReply<Result>;
    try {
      const control = { cancelled: () => cancelled.has(token), yieldToMessages };
      await cryptoReady;
      reply = { kind: 'results', token, results: await runChunk(request.jobs, control) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reply = { kind: 'error', token, message: message.split('\n')[0]! };
    } finally {
      cancelled.delete(token);
    }
    port.postMessage(reply);
  };
  port.on('message', (request: ChunkRequest<Job>) => void serve(request));
}
