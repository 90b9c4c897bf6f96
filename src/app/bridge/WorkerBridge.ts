import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../../worker/api';
import { asError, watchWorker } from './watchWorker';

/** The worker's API as the page calls it: every method answers with a promise. */
export type RemoteApi = Remote<WorkerApi>;

/** What the store's client needs of a bridge: calls into the worker (a fake one in tests). */
export interface WorkerCaller {
  call<T>(invoke: (api: RemoteApi) => Promise<T>): Promise<T>;
}

/**
 * Owns the simulation worker: the only place in the app that imports comlink.
 *
 * If the worker throws outside a call or dies, every pending call is rejected with a clear
 * message, a fresh worker is started, and `onFailure` tells the store, which keeps the
 * scenario and shows the error (SPEC §9: worker failure).
 */
export class WorkerBridge implements WorkerCaller {
  private worker!: Worker;
  private api!: Remote<WorkerApi>;
  private readonly pending = new Set<(reason: Error) => void>();

  constructor(
    private readonly onFailure: (message: string) => void,
    private readonly createWorker: () => Worker = defaultWorker,
  ) {
    this.start();
  }

  /** Calls the worker; rejects with a readable Error if the call throws or the worker dies. */
  call<T>(invoke: (api: Remote<WorkerApi>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onDeath = (reason: Error) => reject(reason);
      this.pending.add(onDeath);
      invoke(this.api)
        .then(resolve, (error: unknown) => reject(asError(error, 'The simulation worker failed.')))
        .finally(() => this.pending.delete(onDeath));
    });
  }

  /** Stops the current worker, rejects its pending calls and starts a new one. */
  restart(reason: string): void {
    this.worker.terminate();
    const error = new Error(reason);
    for (const reject of this.pending) reject(error);
    this.pending.clear();
    this.start();
    this.onFailure(reason);
  }

  dispose(): void {
    this.worker.terminate();
  }

  private start(): void {
    this.worker = this.createWorker();
    watchWorker(this.worker, 'The simulation worker', (reason) => this.restart(`${reason}; it was restarted.`));
    this.api = wrap<WorkerApi>(this.worker);
  }
}

function defaultWorker(): Worker {
  return new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'bft-lab-sim' });
}
