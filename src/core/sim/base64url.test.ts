import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

describe('base64url', () => {
  it('encodes exactly as Node does (RFC 4648 §5, no padding)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64url(encodeBase64url(bytes))).toEqual({ ok: true, bytes });
      }),
      { numRuns: 300 },
    );
  });

  it('encodes the RFC 4648 test vectors', () => {
    const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'];
    const expected = ['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'];
    expect(vectors.map((text) => encodeBase64url(new TextEncoder().encode(text)))).toEqual(expected);
  });

  it('uses - and _ where base64 uses + and /', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('refuses characters outside the alphabet, naming their position', () => {
    expect(decodeBase64url('Zm9v+g')).toEqual({ ok: false, reason: 'character 5 is not base64url' });
    expect(decodeBase64url('Zm9v=')).toMatchObject({ ok: false });
    expect(decodeBase64url('Zm9vYg==')).toMatchObject({ ok: false });
    expect(decodeBase64url('Zmé9')).toMatchObject({ ok: false });
  });

  it('refuses an impossible length', () => {
    expect(decodeBase64url('Zm9vY')).toEqual({ ok: false, reason: 'a length of 5 characters is impossible' });
  });

  it('refuses unused bits that are set, so every byte string has one text', () => {
    expect(decodeBase64url('Zh')).toEqual({ ok: false, reason: 'the last character has unused bits set' });
    expect(decodeBase64url('Zg')).toMatchObject({ ok: true });
  });
});
