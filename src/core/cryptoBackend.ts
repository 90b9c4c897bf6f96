/**
 * The one interface both crypto backends implement (SPEC §8): @noble, pure TypeScript, the
 * reference and the fallback; and the WebAssembly one (libsodium for ed25519, hash-wasm for
 * sha256), several times faster. `crypto.ts` picks one; callers never see which.
 *
 * Both give the same bytes for every hash, key and signature (sha256 is a function, RFC 8032
 * signatures are deterministic), and the same verdict for every signature, because
 * `ed25519Strict.ts` refuses, before either is asked, every input on which they could differ.
 */

/** `noble`: @noble/ed25519 and @noble/hashes. `wasm`: libsodium-wrappers and hash-wasm. */
export type CryptoBackendName = 'noble' | 'wasm';

/** An incremental sha256 over UTF-8 text: the same digest as `sha256Hex` of the joined parts. */
export interface Sha256Stream {
  update(text: string): void;
  hex(): string;
}

export interface CryptoBackend {
  readonly name: CryptoBackendName;
  /** sha256; strings are hashed as UTF-8 (lone surrogates as U+FFFD, as TextEncoder does). */
  sha256(input: Uint8Array | string): Uint8Array;
  /** sha256 as lowercase hex. */
  sha256Hex(input: Uint8Array | string): string;
  sha256Stream(): Sha256Stream;
  /** The ed25519 public key of a 32-byte secret (RFC 8032 §5.1.5). */
  publicKey(secretKey: Uint8Array): Uint8Array;
  /** The deterministic RFC 8032 signature of `message` under a 32-byte secret. */
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array;
  /**
   * The cofactorless check [S]B = R + [k]A. Called only on inputs that passed
   * `passesStrictChecks`; may throw when A is not a curve point (the caller says false).
   */
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
}

/** Byte-wise equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
