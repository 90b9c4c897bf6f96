import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  sameBytes, type CryptoBackend, type CryptoBackendName, type Sha256Stream,
} from './cryptoBackend';
import { nobleBackend } from './cryptoNoble';
import { passesStrictChecks } from './ed25519Strict';

/**
 * Hashing and ed25519 signatures for both protocols, behind one synchronous interface with two
 * backends (SPEC §8): @noble (the reference, always available) and WebAssembly (libsodium and
 * hash-wasm, about 6× faster at signing and 12× at verifying), which `initFastCrypto` loads.
 * Every digest, key, signature and verdict is the same with either, so the trace hash is too.
 *
 * Policy: signatures are verified in strict RFC 8032 mode, which also rejects every small-order
 * public key and every small-order R (`ed25519Strict.ts`), so a Byzantine agent cannot pick a
 * key for which one signature verifies under many messages (SPEC §3).
 *
 * Policy: `verify` is called on protocol data that Byzantine agents control, so it never
 * throws: malformed hex, wrong lengths and invalid points all give `false`.
 */

export { publicKeyBytes, signatureBytes } from './ed25519Strict';
export type { CryptoBackend, CryptoBackendName, Sha256Stream } from './cryptoBackend';
export { bytesToHex as toHex, utf8ToBytes as utf8 };

let backend: CryptoBackend = nobleBackend;
let wasmLoading: Promise<CryptoBackend | null> | null = null;
let wasm: CryptoBackend | null = null;

/**
 * Loads the WebAssembly backend and switches to it; resolves to the backend now in use and never
 * rejects: where WebAssembly cannot load (a CSP without 'wasm-unsafe-eval', an old runtime) it
 * stays on @noble. Call it where runs start (worker, CLI, bench, test setup) and await it before
 * the first run; calling it again costs nothing. Until it resolves, @noble answers, with the
 * same results, so even a switch in the middle of a run would change nothing but the speed.
 */
export async function initFastCrypto(): Promise<CryptoBackendName> {
  wasmLoading ??= import('./cryptoWasm')
    .then((module) => module.loadWasmBackend())
    .catch(() => null);
  wasm = await wasmLoading;
  if (wasm !== null) backend = wasm;
  return backend.name;
}

/**
 * Forces a backend, for the tests that compare them and for the bench: `noble`, `wasm` (which
 * requires a resolved `initFastCrypto` that loaded it), or any implementation of the interface
 * (the bench wraps one with timers). Returns the backend that was in use, to restore it.
 */
export function useCryptoBackend(choice: CryptoBackendName | CryptoBackend): CryptoBackend {
  const previous = backend;
  if (typeof choice === 'object') backend = choice;
  else if (choice === 'noble') backend = nobleBackend;
  else if (wasm !== null) backend = wasm;
  else throw new Error('useCryptoBackend: wasm is not loaded (await initFastCrypto() first)');
  return previous;
}

/** The backend answering now. */
export function cryptoBackendName(): CryptoBackendName {
  return backend.name;
}

/** sha256 as raw bytes; strings are hashed as UTF-8. */
export function sha256Bytes(input: string | Uint8Array): Uint8Array {
  return backend.sha256(input);
}

/** sha256 as lowercase hex; strings are hashed as UTF-8. */
export function sha256Hex(input: string | Uint8Array): string {
  return backend.sha256Hex(input);
}

/** An incremental sha256 over UTF-8 text, on the backend in use when it is created. */
export function sha256Stream(): Sha256Stream {
  return backend.sha256Stream();
}

/** Hex to bytes, or null when the text is not even-length lowercase or uppercase hex. */
export function fromHex(hex: string): Uint8Array | null {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  return hexToBytes(hex);
}

export interface KeyPair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly publicKeyHex: string;
}

/** A key pair whose 32-byte secret is sha256 of `seedText`. */
export function keyPairFromSeedText(seedText: string): KeyPair {
  const secretKey = sha256Bytes(seedText);
  const publicKey = backend.publicKey(secretKey);
  return { secretKey, publicKey, publicKeyHex: bytesToHex(publicKey) };
}

/** The key pair of an agent in a scenario: secret = sha256(`bft-lab:key:{seed}:{agentId}`). */
export function agentKeyPair(seed: number | string, agentId: string): KeyPair {
  return keyPairFromSeedText(`bft-lab:key:${seed}:${agentId}`);
}

/** A deterministic ed25519 signature (RFC 8032 signatures are a function of key and message). */
export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return backend.sign(message, secretKey);
}

export function signHex(message: Uint8Array, secretKey: Uint8Array): string {
  return bytesToHex(sign(message, secretKey));
}

/**
 * Strict verification. Accepts bytes or hex for the signature and the public key, since
 * records carry hex; anything malformed is simply invalid.
 */
export function verify(
  signature: Uint8Array | string,
  message: Uint8Array,
  publicKey: Uint8Array | string,
): boolean {
  const sig = typeof signature === 'string' ? fromHex(signature) : signature;
  const pub = typeof publicKey === 'string' ? fromHex(publicKey) : publicKey;
  if (!(sig instanceof Uint8Array) || !(pub instanceof Uint8Array)) return false;
  if (!(message instanceof Uint8Array) || !passesStrictChecks(sig, pub)) return false;
  try {
    return backend.verify(sig, message, pub);
  } catch {
    return false;
  }
}

/**
 * Verifies each distinct (public key, message, signature) once. The result is identical to
 * verifying at every replica because verification is a pure function of its inputs; the memo
 * only removes repeated work when n replicas check the same signed record (SPEC §3).
 *
 * Keyed by signature and public key (128 hex characters); the message, often a long evaluation
 * text, is compared byte by byte against the few messages seen under that key, rather than
 * hex-encoded into the key on every call.
 */
export class VerifyMemo {
  private readonly results = new Map<string, { message: Uint8Array; valid: boolean }[]>();
  private entryCount = 0;
  private hitCount = 0;

  verify(
    signature: Uint8Array | string,
    message: Uint8Array,
    publicKey: Uint8Array | string,
  ): boolean {
    if (!isBytesOrText(signature) || !isBytesOrText(publicKey)) return false;
    if (!(message instanceof Uint8Array)) return false;
    const key = memoKey(signature) + '|' + memoKey(publicKey);
    const seen = this.results.get(key);
    const known = seen?.find((entry) => sameBytes(entry.message, message));
    if (known !== undefined) {
      this.hitCount++;
      return known.valid;
    }
    const valid = verify(signature, message, publicKey);
    const entry = { message: message.slice(), valid };
    if (seen === undefined) this.results.set(key, [entry]);
    else seen.push(entry);
    this.entryCount++;
    return valid;
  }

  /** Distinct signed objects verified so far. */
  get size(): number {
    return this.entryCount;
  }

  /** Verifications answered from the memo. */
  get hits(): number {
    return this.hitCount;
  }
}

function isBytesOrText(value: unknown): value is Uint8Array | string {
  return typeof value === 'string' || value instanceof Uint8Array;
}

function memoKey(value: Uint8Array | string): string {
  return typeof value === 'string' ? value.toLowerCase() : bytesToHex(value);
}
