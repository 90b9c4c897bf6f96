import { bytesToHex } from '@noble/hashes/utils.js';
import { createSHA256 } from 'hash-wasm';
import sodium from 'libsodium-wrappers';
import { sameBytes, type CryptoBackend, type Sha256Stream } from './cryptoBackend';

/**
 * The fast backend: libsodium (ed25519) and hash-wasm (sha256), both WebAssembly. Compiling
 * WebAssembly is asynchronous, so `loadWasmBackend` is too; once it resolves every call is
 * synchronous, and the core stays synchronous. `crypto.ts` imports this module dynamically, so
 * a bundle that never calls `initFastCrypto` carries neither library, and one that does loads
 * them as a separate chunk (hash-wasm tree-shaken to its sha256).
 *
 * The only core module that may import libsodium-wrappers or hash-wasm (eslint.config.js).
 */

type Sodium = typeof sodium;
type Hasher = Awaited<ReturnType<typeof createSHA256>>;

export async function loadWasmBackend(): Promise<CryptoBackend> {
  const [hasher] = await Promise.all([createSHA256(), sodium.ready]);
  return wasmBackend(sodium, hasher);
}

function wasmBackend(sodium: Sodium, hasher: Hasher): CryptoBackend {
  const secretKeys = new SecretKeyCache(sodium);
  return {
    name: 'wasm',
    sha256: (input) => hasher.init().update(input).digest('binary'),
    // noble's table-driven hex is faster than hash-wasm's own (measured: 44 vs 51 ms per 20,000).
    sha256Hex: (input) => bytesToHex(hasher.init().update(input).digest('binary')),
    sha256Stream: () => wasmStream(hasher),
    publicKey: (secretKey) => secretKeys.expand(secretKey).subarray(32, 64).slice(),
    sign: (message, secretKey) =>
      sodium.crypto_sign_detached(message, secretKeys.expand(secretKey)),
    verify: (signature, message, publicKey) =>
      sodium.crypto_sign_verify_detached(signature, message, publicKey),
  };
}

/** Text a stream buffers before hashing it, in UTF-16 code units: 64 K. */
const streamPendingCharsMax = 1 << 16;

/**
 * A stream over the one shared hasher: between updates its state lives outside (hash-wasm's
 * `save`/`load`), so streams and one-shot hashes can interleave freely, as they do while the
 * engine hashes its trace. Saving and loading cost more than hashing one short event, so
 * updates are buffered and hashed together, up to `streamPendingCharsMax` at a time.
 *
 * Policy: every part is encoded as UTF-8 on its own, as @noble's stream does, so a surrogate
 * pair split across two updates gives two U+FFFD, not the character it would form joined: a
 * part that ends in a high surrogate is hashed before the next part is added.
 */
function wasmStream(hasher: Hasher): Sha256Stream {
  let state = hasher.init().save();
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = () => {
    if (pending.length === 0) return;
    state = hasher.load(state).update(pending.join('')).save();
    pending = [];
    pendingChars = 0;
  };
  return {
    update(text) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= streamPendingCharsMax || endsInHighSurrogate(text)) flush();
    },
    hex() {
      flush();
      return bytesToHex(hasher.load(state).digest('binary'));
    },
  };
}

function endsInHighSurrogate(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

/**
 * libsodium signs with a 64-byte secret, seed ‖ public key, and deriving the public key costs a
 * scalar multiplication, so each 32-byte seed's expansion is kept, keyed by the array object (an
 * agent signs with the same `KeyPair.secretKey` all run long). A copy of the seed is kept too,
 * so an array whose bytes changed since is expanded again rather than signed with a stale key.
 */
interface ExpandedKey {
  seed: Uint8Array;
  secretKey: Uint8Array;
}

class SecretKeyCache {
  private readonly expanded = new WeakMap<Uint8Array, ExpandedKey>();

  constructor(private readonly sodium: Sodium) {}

  expand(seed: Uint8Array): Uint8Array {
    const known = this.expanded.get(seed);
    if (known !== undefined && sameBytes(known.seed, seed)) return known.secretKey;
    const secretKey = this.sodium.crypto_sign_seed_keypair(seed).privateKey;
    this.expanded.set(seed, { seed: seed.slice(), secretKey });
    return secretKey;
  }
}
