import * as ed from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Hashing and ed25519 signatures for both protocols.
 *
 * Policy: signatures are verified in strict RFC 8032 mode (`zip215: false`), which also
 * rejects every small-order public key, so a Byzantine agent cannot pick a key for which
 * one signature verifies under many messages (SPEC §3).
 *
 * Policy: `verify` is called on protocol data that Byzantine agents control, so it never
 * throws: malformed hex, wrong lengths and invalid points all give `false`.
 */

// The synchronous sign/verify of @noble/ed25519 v3 need a sha512; every module that signs
// imports this one, so setting it here once is enough (in Node, the worker and the page).
ed.hashes.sha512 = sha512;

export const signatureBytes = 64;
export const publicKeyBytes = 32;

export { bytesToHex as toHex, utf8ToBytes as utf8 };

/** sha256 as raw bytes; strings are hashed as UTF-8. */
export function sha256Bytes(input: string | Uint8Array): Uint8Array {
  return sha256(typeof input === 'string' ? utf8ToBytes(input) : input);
}

/** sha256 as lowercase hex; strings are hashed as UTF-8. */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256Bytes(input));
}

/** An incremental sha256 over UTF-8 text: the same digest as `sha256Hex` of the joined parts. */
export interface Sha256Stream {
  update(text: string): void;
  hex(): string;
}

export function sha256Stream(): Sha256Stream {
  const hash = sha256.create();
  return {
    update: (text) => void hash.update(utf8ToBytes(text)),
    hex: () => bytesToHex(hash.digest()),
  };
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
  const publicKey = ed.getPublicKey(secretKey);
  return { secretKey, publicKey, publicKeyHex: bytesToHex(publicKey) };
}

/** The key pair of an agent in a scenario: secret = sha256(`bft-lab:key:{seed}:{agentId}`). */
export function agentKeyPair(seed: number | string, agentId: string): KeyPair {
  return keyPairFromSeedText(`bft-lab:key:${seed}:${agentId}`);
}

/** A deterministic ed25519 signature (RFC 8032 signatures are a function of key and message). */
export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed.sign(message, secretKey);
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
  if (!(sig instanceof Uint8Array) || sig.length !== signatureBytes) return false;
  if (!(pub instanceof Uint8Array) || pub.length !== publicKeyBytes) return false;
  if (!(message instanceof Uint8Array)) return false;
  try {
    return ed.verify(sig, message, pub, { zip215: false });
  } catch {
    return false;
  }
}

/**
 * Verifies each distinct (public key, message, signature) once. The result is identical to
 * verifying at every replica because verification is a pure function of its inputs; the memo
 * only removes repeated work when n replicas check the same signed record (SPEC §3).
 */
export class VerifyMemo {
  private readonly results = new Map<string, boolean>();
  private hitCount = 0;

  verify(signature: Uint8Array | string, message: Uint8Array, publicKey: Uint8Array | string): boolean {
    if (!isBytesOrText(signature) || !isBytesOrText(publicKey) || !(message instanceof Uint8Array)) {
      return false;
    }
    const key = memoKey(signature) + '|' + bytesToHex(message) + '|' + memoKey(publicKey);
    const known = this.results.get(key);
    if (known !== undefined) {
      this.hitCount++;
      return known;
    }
    const result = verify(signature, message, publicKey);
    this.results.set(key, result);
    return result;
  }

  /** Distinct signed objects verified so far. */
  get size(): number {
    return this.results.size;
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
