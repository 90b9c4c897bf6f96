import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import sodium from 'libsodium-wrappers';
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { sha256Bytes, sign, useCryptoBackend, verify, type CryptoBackendName } from './crypto';
import { nobleBackend } from './cryptoNoble';
import { hasSmallOrder, isCanonicalPoint, isReducedScalar, passesStrictChecks } from './ed25519Strict';

/**
 * Edge-case vectors for strict verification (SPEC §3, §8): RFC 8032 §7.1, the eight small-order
 * points, non-canonical encodings, S ≥ L, small-order and mixed-order R and A (the cases of
 * "Taming the many EdDSAs", Chalkias et al. 2020). Each vector states the policy's verdict, and
 * both backends must give exactly it.
 */

const backends: CryptoBackendName[] = ['noble', 'wasm'];
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const p = 2n ** 255n - 19n;

afterEach(() => void useCryptoBackend('wasm'));

interface Vector {
  name: string;
  signature: Uint8Array;
  message: Uint8Array;
  publicKey: Uint8Array;
  valid: boolean;
}

function le(value: bigint): Uint8Array {
  return hexToBytes(value.toString(16).padStart(64, '0')).reverse();
}

function leNumber(bytes: Uint8Array): bigint {
  return BigInt('0x' + bytesToHex(bytes.slice().reverse()));
}

function challenge(r: Uint8Array, publicKey: Uint8Array, message: Uint8Array): bigint {
  return leNumber(sha512(concatBytes(r, publicKey, message))) % L;
}

/** Verdicts of every backend for one vector. */
function verdicts(vector: Vector): Record<CryptoBackendName, boolean> {
  const result = {} as Record<CryptoBackendName, boolean>;
  for (const name of backends) {
    useCryptoBackend(name);
    result[name] = verify(vector.signature, vector.message, vector.publicKey);
  }
  return result;
}

const torsion8 = ed.Point.fromBytes(hexToBytes('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'));
const smallOrderPoints = Array.from({ length: 8 }, (_, index) =>
  index === 0 ? ed.Point.ZERO : torsion8.multiply(BigInt(index)),
);

const rfc8032 = [
  {
    test: 1,
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    test: 2,
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    test: 3,
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

/** A signer whose scalar we know, so the tests can build signatures no honest signer makes. */
const signer = ed.utils.getExtendedPublicKey(sha256Bytes('bft-lab:test:edge-signer'));
const a = signer.scalar;
const A = signer.point;
const message = utf8ToBytes('a3 seals its evaluation');

/** S = r + k·a for a chosen R, public key and message: the equation holds by construction. */
function forge(r: bigint, rPoint: ed.Point, publicKey: Uint8Array, msg: Uint8Array): Uint8Array {
  const rBytes = rPoint.toBytes();
  const k = challenge(rBytes, publicKey, msg);
  return concatBytes(rBytes, le((r + k * a) % L));
}

/** y-coordinates below 19 that are on the curve, encoded non-canonically as y + p. */
function nonCanonicalEncodings(): Uint8Array[] {
  const found: Uint8Array[] = [];
  for (let y = 2n; y < 19n; y++) {
    try {
      ed.Point.fromBytes(le(y));
      found.push(le(y + p));
    } catch {
      // not on the curve
    }
  }
  return found;
}

/** An encoding whose y has no x on the curve. */
function offCurveEncoding(): Uint8Array {
  for (let y = 2n; ; y++) {
    try {
      ed.Point.fromBytes(le(y));
    } catch {
      return le(y);
    }
  }
}

function honestVectors(): Vector[] {
  const vectors: Vector[] = rfc8032.map((v) => ({
    name: `RFC 8032 §7.1 test ${v.test}`,
    signature: hexToBytes(v.signature),
    message: hexToBytes(v.message),
    publicKey: hexToBytes(v.publicKey),
    valid: true,
  }));
  const rng = Rng.stream(11, 'test:ed25519-messages');
  for (const length of [0, 1, 63, 64, 1023, 4096]) {
    const msg = Uint8Array.from({ length }, () => rng.int(0, 255));
    useCryptoBackend('noble');
    vectors.push({ name: `a ${length}-byte message`, signature: sign(msg, sha256Bytes('k')), message: msg,
      publicKey: ed.getPublicKey(sha256Bytes('k')), valid: true });
  }
  return vectors;
}

function tamperedVectors(): Vector[] {
  useCryptoBackend('noble');
  const good = sign(message, sha256Bytes('bft-lab:test:edge-signer'));
  const sPlusL = concatBytes(good.subarray(0, 32), le(leNumber(good.subarray(32)) + L));
  const flipped = good.slice();
  flipped[40]! ^= 1;
  const offCurve = offCurveEncoding();
  return [
    { name: 'the honest signature', signature: good, message, publicKey: A.toBytes(), valid: true },
    { name: 'another message', signature: good, message: utf8ToBytes('x'), publicKey: A.toBytes(), valid: false },
    { name: 'a flipped bit in S', signature: flipped, message, publicKey: A.toBytes(), valid: false },
    { name: 'S + L (malleated)', signature: sPlusL, message, publicKey: A.toBytes(), valid: false },
    { name: 'S = L', signature: concatBytes(good.subarray(0, 32), le(L)), message, publicKey: A.toBytes(), valid: false },
    { name: 'S = 2^256 − 1', signature: concatBytes(good.subarray(0, 32), new Uint8Array(32).fill(0xff)), message,
      publicKey: A.toBytes(), valid: false },
    { name: 'A off the curve', signature: good, message, publicKey: offCurve, valid: false },
    { name: 'R off the curve', signature: concatBytes(offCurve, good.subarray(32)), message, publicKey: A.toBytes(), valid: false },
    { name: 'a 63-byte signature', signature: good.subarray(0, 63), message, publicKey: A.toBytes(), valid: false },
    { name: 'a 31-byte key', signature: good, message, publicKey: A.toBytes().subarray(0, 31), valid: false },
  ];
}

function smallOrderVectors(): Vector[] {
  const vectors: Vector[] = [];
  const encodings: Uint8Array[] = smallOrderPoints.map((point) => point.toBytes());
  // The sign-bit variants of the identity and of the order-2 point (x = 0 with x_0 = 1), and
  // the non-canonical aliases y = p (of y = 0) and y = p + 1 (of the identity).
  encodings.push(le(1n | (1n << 255n)), le(p - 1n + (1n << 255n)), le(p), le(p + 1n));
  encodings.forEach((encoding, index) => {
    const zeroS = concatBytes(encoding, new Uint8Array(32));
    vectors.push({ name: `small-order A #${index}, R = A, S = 0`, signature: zeroS, message, publicKey: encoding, valid: false });
    const identityR = concatBytes(le(1n), new Uint8Array(32));
    vectors.push({ name: `small-order A #${index}, R = identity, S = 0`, signature: identityR, message, publicKey: encoding,
      valid: false });
  });
  smallOrderPoints.forEach((point, index) => {
    // The equation [S]B = R + [k]A holds for R = identity (S = k·a); cofactored, it holds for all.
    const rBytes = point.toBytes();
    const k = challenge(rBytes, A.toBytes(), message);
    const signature = concatBytes(rBytes, le((k * a) % L));
    vectors.push({ name: `small-order R #${index} with S = k·a`, signature, message, publicKey: A.toBytes(), valid: false });
  });
  return vectors;
}

function mixedOrderVectors(): Vector[] {
  const vectors: Vector[] = [];
  const r = 0x1234567890abcdefn;
  const mixedR = ed.Point.BASE.multiply(r).add(torsion8);
  vectors.push({ name: 'mixed-order R = rB + T8', signature: forge(r, mixedR, A.toBytes(), message), message,
    publicKey: A.toBytes(), valid: false });
  // A' = aB + T8: [S]B − [k]A' = R − [k]T8, which is R exactly when 8 divides k.
  const mixedA = A.add(torsion8).toBytes();
  const rPoint = ed.Point.BASE.multiply(r);
  for (const wantDivisible of [false, true]) {
    for (let counter = 0; ; counter++) {
      const msg = utf8ToBytes(`mixed-order key ${counter}`);
      const k = challenge(rPoint.toBytes(), mixedA, msg);
      if ((k % 8n === 0n) !== wantDivisible) continue;
      vectors.push({ name: `mixed-order A = aB + T8, k ${wantDivisible ? '' : 'not '}divisible by 8`,
        signature: forge(r, rPoint, mixedA, msg), message: msg, publicKey: mixedA, valid: wantDivisible });
      break;
    }
  }
  return vectors;
}

function nonCanonicalVectors(): Vector[] {
  useCryptoBackend('noble');
  const good = sign(message, sha256Bytes('bft-lab:test:edge-signer'));
  return nonCanonicalEncodings().flatMap((encoding, index) => [
    { name: `non-canonical A #${index} (y + p)`, signature: good, message, publicKey: encoding, valid: false },
    { name: `non-canonical R #${index} (y + p)`, signature: concatBytes(encoding, good.subarray(32)), message,
      publicKey: A.toBytes(), valid: false },
  ]);
}

describe('strict ed25519 verification on both backends', () => {
  it('signs the RFC 8032 §7.1 vectors byte for byte on both backends', () => {
    for (const name of backends) {
      useCryptoBackend(name);
      for (const v of rfc8032) {
        expect(bytesToHex(sign(hexToBytes(v.message), hexToBytes(v.secret))), `${name}: test ${v.test}`).toBe(v.signature);
      }
    }
  });

  const groups: [string, () => Vector[]][] = [
    ['honest signatures, the RFC 8032 ones and long messages', honestVectors],
    ['tampered signatures, S ≥ L and points off the curve', tamperedVectors],
    ['the eight small-order points as A or as R', smallOrderVectors],
    ['mixed-order R and A', mixedOrderVectors],
    ['non-canonical encodings of A and R', nonCanonicalVectors],
  ];
  for (const [title, build] of groups) {
    it(`gives the policy's verdict, the same on both backends, for ${title}`, () => {
      const vectors = build();
      expect(vectors.length).toBeGreaterThan(0);
      for (const vector of vectors) {
        expect(verdicts(vector), vector.name).toEqual({ noble: vector.valid, wasm: vector.valid });
      }
    });
  }

  it('needs the small-order R check: the bare equation accepts R = identity, libsodium does not', async () => {
    await sodium.ready;
    const [vector] = smallOrderVectors().filter((v) => v.name === 'small-order R #0 with S = k·a');
    expect(nobleBackend.verify(vector!.signature, vector!.message, vector!.publicKey)).toBe(true);
    expect(sodium.crypto_sign_verify_detached(vector!.signature, vector!.message, vector!.publicKey)).toBe(false);
    expect(passesStrictChecks(vector!.signature, vector!.publicKey)).toBe(false);
  });

  it('lists exactly the eight small-order points, whatever the sign bit', () => {
    for (const point of smallOrderPoints) {
      const bytes = point.toBytes();
      expect(hasSmallOrder(bytes), bytesToHex(bytes)).toBe(true);
      bytes[31]! ^= 0x80;
      expect(hasSmallOrder(bytes)).toBe(true);
    }
    expect(new Set(smallOrderPoints.map((point) => point.toHex())).size).toBe(8);
    expect(hasSmallOrder(ed.Point.BASE.toBytes())).toBe(false);
    expect(hasSmallOrder(A.toBytes())).toBe(false);
    expect(hasSmallOrder(A.add(torsion8).toBytes())).toBe(false);
  });

  it('checks canonical encodings and reduced scalars at their exact bounds', () => {
    expect(isCanonicalPoint(le(p - 1n))).toBe(true);
    expect(isCanonicalPoint(le(p))).toBe(false);
    expect(isCanonicalPoint(le(p | (1n << 255n)))).toBe(false);
    expect(isCanonicalPoint(le((p - 1n) | (1n << 255n)))).toBe(true);
    expect(isReducedScalar(le(L - 1n))).toBe(true);
    expect(isReducedScalar(le(L))).toBe(false);
    expect(isReducedScalar(le(0n))).toBe(true);
  });
});
