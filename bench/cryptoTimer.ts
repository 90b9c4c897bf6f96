import { performance } from 'node:perf_hooks';
import { useCryptoBackend, type CryptoBackend, type CryptoBackendName } from '../src/core/crypto';

/** Wall time spent inside the crypto backend, by kind, in milliseconds. */
export interface CryptoTimes {
  signMs: number;
  verifyMs: number;
  hashMs: number;
  signCount: number;
  verifyCount: number;
}

function timed<A extends unknown[], R>(call: (...args: A) => R, add: (ms: number) => void) {
  return (...args: A): R => {
    const start = performance.now();
    try {
      return call(...args);
    } finally {
      add(performance.now() - start);
    }
  };
}

/** `inner` with every call timed into `times` (a clock read costs well under 1% of a verify). */
function timedBackend(inner: CryptoBackend, times: CryptoTimes): CryptoBackend {
  const sign = (ms: number) => ((times.signMs += ms), times.signCount++);
  const verify = (ms: number) => ((times.verifyMs += ms), times.verifyCount++);
  const hash = (ms: number) => void (times.hashMs += ms);
  return {
    name: inner.name,
    sha256: timed(inner.sha256, hash),
    sha256Hex: timed(inner.sha256Hex, hash),
    sha256Stream: inner.sha256Stream,
    publicKey: timed(inner.publicKey, sign),
    sign: timed(inner.sign, sign),
    verify: timed(inner.verify, verify),
  };
}

/**
 * Runs `work` on `backend`, timing signing (key derivation included), verifying and one-shot
 * hashing; restores the backend that was in use.
 */
export function withCryptoTimes<T>(backend: CryptoBackendName, work: () => T): { result: T; times: CryptoTimes } {
  const times: CryptoTimes = { signMs: 0, verifyMs: 0, hashMs: 0, signCount: 0, verifyCount: 0 };
  const previous = useCryptoBackend(backend);
  // Switching back returns the backend object just selected by name: the one to wrap.
  const selected = useCryptoBackend(previous);
  useCryptoBackend(timedBackend(selected, times));
  try {
    return { result: work(), times };
  } finally {
    useCryptoBackend(previous);
  }
}
