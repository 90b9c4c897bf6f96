/// <reference lib="webworker" />
/**
 * The Web Worker entry: the only place, with src/app/bridge, that imports comlink.
 * Everything here is a thin adapter over src/core, which does the work.
 */
import { expose, transfer } from 'comlink';
import { initFastCrypto } from '../core/crypto';
import { createWorkerApi } from './workerApi';

/**
 * The fast WebAssembly crypto backend starts loading at once, and every call waits for it
 * (a few milliseconds, once), so a run never switches backend halfway. If it cannot load, the
 * calls run on @noble: the same results, slower.
 */
const cryptoReady = initFastCrypto();

type AfterCryptoReady<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : T[K];
};

/** `api` with every method first awaiting `cryptoReady` (comlink callers await anyway). */
function afterCryptoReady<T extends object>(api: T): AfterCryptoReady<T> {
  const entries = Object.entries(api).map(([name, method]) => [
    name,
    async (...args: unknown[]) => {
      await cryptoReady;
      return (method as (...args: unknown[]) => unknown)(...args);
    },
  ]);
  return Object.fromEntries(entries) as AfterCryptoReady<T>;
}

expose(afterCryptoReady(createWorkerApi({ transfer })));
