import * as ed from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sameBytes, type CryptoBackend, type Sha256Stream } from './cryptoBackend';

/**
 * The reference backend: @noble/ed25519 and @noble/hashes, pure TypeScript and synchronous.
 * It runs before `initFastCrypto` resolves, wherever WebAssembly is unavailable, and in the
 * tests that cross-check the fast backend.
 */

// The synchronous sign of @noble/ed25519 v3 needs a sha512; every module that signs imports
// this one (through crypto.ts), so setting it here once is enough (Node, the worker, the page).
ed.hashes.sha512 = sha512;

/** The order L of the prime-order subgroup. */
const groupOrder = 2n ** 252n + 27742317777372353535851937790883648493n;

function utf8IfText(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? utf8ToBytes(input) : input;
}

function nobleStream(): Sha256Stream {
  const hash = sha256.create();
  return {
    update: (text) => void hash.update(utf8ToBytes(text)),
    hex: () => bytesToHex(hash.digest()),
  };
}

function littleEndianNumber(bytes: Uint8Array): bigint {
  return BigInt('0x' + bytesToHex(bytes.slice().reverse()));
}

/**
 * Policy: the group equation is the cofactorless [S]B = R + [k]A, checked by encoding
 * [S]B − [k]A and comparing it with R's bytes: exactly what libsodium computes. (noble's own
 * `verify` uses the cofactored [8][S]B = [8]R + [8][k]A, which RFC 8032 also allows but which
 * accepts a signature whose R or A carries a small-order component where libsodium does not.)
 * S < L, canonical R and A and their small-order checks were done by `passesStrictChecks`.
 */
function verifyCofactorless(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  const r = signature.subarray(0, 32);
  const a = ed.Point.fromBytes(publicKey, false);
  const k = littleEndianNumber(sha512(concatBytes(r, publicKey, message))) % groupOrder;
  const s = littleEndianNumber(signature.subarray(32, 64));
  const expectedR = ed.Point.BASE.multiply(s, false).subtract(a.multiply(k, false));
  return sameBytes(expectedR.toBytes(), r);
}

export const nobleBackend: CryptoBackend = {
  name: 'noble',
  sha256: (input) => sha256(utf8IfText(input)),
  sha256Hex: (input) => bytesToHex(sha256(utf8IfText(input))),
  sha256Stream: nobleStream,
  publicKey: (secretKey) => ed.getPublicKey(secretKey),
  sign: (message, secretKey) => ed.sign(message, secretKey),
  verify: verifyCofactorless,
};
