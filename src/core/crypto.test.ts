import { describe, expect, it } from 'vitest';
import { agentKeyPair, fromHex, sha256Hex, sign, signHex, toHex, utf8, verify, VerifyMemo } from './crypto';

const message = utf8('a3 seals its evaluation');

describe('crypto', () => {
  it('hashes with sha256 (FIPS 180-2 test vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('derives the same key pair for the same seed and agent, and different ones otherwise', () => {
    expect(agentKeyPair(42, 'a0').publicKeyHex).toBe(agentKeyPair(42, 'a0').publicKeyHex);
    expect(agentKeyPair(42, 'a0').publicKeyHex).not.toBe(agentKeyPair(42, 'a1').publicKeyHex);
    expect(agentKeyPair(42, 'a0').publicKeyHex).not.toBe(agentKeyPair(43, 'a0').publicKeyHex);
    expect(agentKeyPair(42, 'a0').secretKey).toEqual(fromHex(sha256Hex('bft-lab:key:42:a0')));
  });

  it('signs deterministically and verifies its own signatures', () => {
    const keys = agentKeyPair(1, 'a0');
    expect(signHex(message, keys.secretKey)).toBe(signHex(message, keys.secretKey));
    expect(verify(sign(message, keys.secretKey), message, keys.publicKey)).toBe(true);
    expect(verify(signHex(message, keys.secretKey), message, keys.publicKeyHex)).toBe(true);
  });

  it('matches the RFC 8032 test vector 1', () => {
    const secret = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60')!;
    const keys = { secretKey: secret };
    const sig = signHex(new Uint8Array(0), keys.secretKey);
    expect(sig).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
        '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('rejects a wrong message, key or flipped signature bit', () => {
    const keys = agentKeyPair(1, 'a0');
    const sig = sign(message, keys.secretKey);
    expect(verify(sig, utf8('something else'), keys.publicKey)).toBe(false);
    expect(verify(sig, message, agentKeyPair(1, 'a1').publicKey)).toBe(false);
    const flipped = sig.slice();
    flipped[10]! ^= 1;
    expect(verify(flipped, message, keys.publicKey)).toBe(false);
  });

  it('never throws on malformed protocol data', () => {
    const keys = agentKeyPair(1, 'a0');
    const sig = signHex(message, keys.secretKey);
    expect(verify('zz', message, keys.publicKeyHex)).toBe(false);
    expect(verify(sig.slice(2), message, keys.publicKeyHex)).toBe(false);
    expect(verify(sig, message, 'ff'.repeat(32))).toBe(false);
    expect(verify(sig, message, keys.publicKeyHex.slice(1))).toBe(false);
    expect(verify(null as unknown as string, message, keys.publicKeyHex)).toBe(false);
    expect(verify(sig, 'text' as unknown as Uint8Array, keys.publicKeyHex)).toBe(false);
  });

  it('rejects small-order public keys in strict mode', () => {
    // The identity point (y = 1) has order 1: with zip215 semantics the signature (R = identity,
    // s = 0) verifies for every message under this key. Strict mode must refuse it.
    const identity = '01' + '00'.repeat(31);
    const forged = identity + '00'.repeat(32);
    expect(verify(forged, message, identity)).toBe(false);
    expect(verify(forged, utf8('any other message'), identity)).toBe(false);
  });

  it('memoises verification without changing any result', () => {
    const keys = agentKeyPair(2, 'a4');
    const sig = signHex(message, keys.secretKey);
    const memo = new VerifyMemo();
    expect(memo.verify(sig, message, keys.publicKeyHex)).toBe(true);
    expect(memo.verify(sig.toUpperCase(), message, toHex(keys.publicKey))).toBe(true);
    expect(memo.verify(sig, utf8('other'), keys.publicKeyHex)).toBe(false);
    expect(memo.size).toBe(2);
    expect(memo.hits).toBe(1);
    expect(memo.verify(42 as unknown as string, message, keys.publicKeyHex)).toBe(false);
  });
});
