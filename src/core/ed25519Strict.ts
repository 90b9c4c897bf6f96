/**
 * The checks every ed25519 verification passes before a backend is asked (SPEC §8): they make
 * the verdicts of the reference backend (@noble) and the fast one (libsodium) identical by
 * construction, whatever bytes a Byzantine agent sends.
 *
 * Policy: a signature is rejected before any curve arithmetic when
 * - the signature is not 64 bytes or the public key not 32;
 * - the public key A or the signature's R is a non-canonical encoding (y ≥ p, RFC 8032 §5.1.3);
 * - S ≥ L (RFC 8032 §5.1.7: S must be reduced);
 * - A has small order (noble's strict mode and libsodium both refuse it: a small-order key
 *   lets one signature verify under many messages);
 * - R has small order. libsodium refuses it and noble does not, so both backends see the
 *   signature rejected here: a signature with a small-order R is invalid under either.
 * With canonical encodings, a non-small-order A and S < L, the two backends evaluate the same
 * cofactorless equation [S]B = R + [k]A (see `cryptoNoble.ts`).
 */

export const signatureBytes = 64;
export const publicKeyBytes = 32;

/**
 * The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian: the bound
 * S must stay under.
 */
const orderLittleEndian = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
]);

/**
 * The y-coordinates (sign bit cleared) of the eight points of small order, as canonical
 * little-endian encodings: the identity (y = 1), the point of order 2 (y = p − 1), the two of
 * order 4 (y = 0, both signs of x) and the four of order 8 (two y values, both signs of x).
 * Their non-canonical aliases (y + p < 2^255, which exist for y = 0 and y = 1 only) are already
 * refused by the canonical-encoding check.
 */
const smallOrderYs: readonly Uint8Array[] = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
].map(hexBytes);

/** True when the signature and public key pass every check of the policy above. */
export function passesStrictChecks(signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== signatureBytes || publicKey.length !== publicKeyBytes) return false;
  const r = signature.subarray(0, 32);
  if (!isCanonicalPoint(publicKey) || !isCanonicalPoint(r)) return false;
  if (!isReducedScalar(signature.subarray(32, 64))) return false;
  return !hasSmallOrder(publicKey) && !hasSmallOrder(r);
}

/**
 * True when the 32-byte point encoding's y (sign bit cleared) is below p = 2^255 − 19. The
 * only y ≥ p are p … 2^255 − 1: bytes 1..30 all 0xff, byte 31 0x7f or 0xff, byte 0 ≥ 0xed.
 */
export function isCanonicalPoint(encoding: Uint8Array): boolean {
  if ((encoding[31]! & 0x7f) !== 0x7f) return true;
  for (let index = 30; index >= 1; index--) if (encoding[index] !== 0xff) return true;
  return encoding[0]! < 0xed;
}

/** True when the 32-byte little-endian scalar is below the group order L. */
export function isReducedScalar(scalar: Uint8Array): boolean {
  for (let index = 31; index >= 0; index--) {
    const byte = scalar[index]!;
    const bound = orderLittleEndian[index]!;
    if (byte !== bound) return byte < bound;
  }
  return false;
}

/** True when a canonical point encoding is one of the eight points of small order. */
export function hasSmallOrder(encoding: Uint8Array): boolean {
  return smallOrderYs.some((y) => sameYCoordinate(encoding, y));
}

function sameYCoordinate(encoding: Uint8Array, y: Uint8Array): boolean {
  for (let index = 0; index < 31; index++) if (encoding[index] !== y[index]) return false;
  return (encoding[31]! & 0x7f) === y[31];
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}
