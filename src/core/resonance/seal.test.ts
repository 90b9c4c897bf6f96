import { describe, expect, it } from 'vitest';
import { agentKeyPair, sha256Hex, toHex, verify } from '../crypto';
import {
  beliefDigest,
  commitmentPayload,
  computeCommitment,
  quantise,
  sealRecord,
  type SealedAxes,
} from './seal';

const axes: SealedAxes = {
  semantic: [0.6, 0.8],
  affective: [1, 0],
  relational: [0.5, 0.5, 0.5, 0.5],
  epistemic: [0, 1],
  behavioral: [Math.SQRT1_2, Math.SQRT1_2],
};

describe('seal', () => {
  it('quantises to the 1e-9 grid without producing −0', () => {
    expect(quantise(0.1234567894)).toBe(0.123456789);
    expect(quantise(Math.SQRT1_2)).toBe(0.707106781);
    expect(Object.is(quantise(-1e-12), 0)).toBe(true);
    expect(quantise(quantise(0.3))).toBe(quantise(0.3));
  });

  it('hashes the five axes in reference order, the nonce and the NUL-joined basis', () => {
    expect(commitmentPayload(axes, 'n0', ['cache', 'cost'])).toBe(
      '[600000000,800000000,1000000000,0,0,1000000000,707106781,707106781,' +
        '500000000,500000000,500000000,500000000]:n0:cache\u0000cost',
    );
    expect(commitmentPayload(axes, 'n0', [])).toBe(commitmentPayload(axes, 'n0'));
    // −0 is written 0; a forged record's NaN is written as the reference writes it.
    const odd = { ...axes, semantic: [-1e-12, Number.NaN] };
    expect(commitmentPayload(odd, 'n0')).toMatch(/^\[0,NaN,1000000000,/);
    const expected = `sha256:${sha256Hex(commitmentPayload(axes, 'n0'))}`;
    expect(computeCommitment(axes, 'n0')).toBe(expected);
  });

  it('changes with every axis, the nonce and the basis', () => {
    const base = computeCommitment(axes, 'n0', ['a', 'b']);
    for (const axis of Object.keys(axes) as (keyof SealedAxes)[]) {
      const edited = { ...axes, [axis]: axes[axis].map((x, i) => (i === 0 ? x + 1e-6 : x)) };
      expect(computeCommitment(edited, 'n0', ['a', 'b'])).not.toBe(base);
    }
    expect(computeCommitment(axes, 'n1', ['a', 'b'])).not.toBe(base);
    expect(computeCommitment(axes, 'n0', ['b', 'a'])).not.toBe(base);
  });

  it('ignores differences below the quantum', () => {
    const nudged = { ...axes, semantic: [0.6 + 1e-12, 0.8] };
    expect(computeCommitment(nudged, 'n0')).toBe(computeCommitment(axes, 'n0'));
  });

  it('signs a digest that binds the commitment, the text, the round and the agent', () => {
    const digest = (...fields: [string, string, string, string]): string =>
      toHex(beliefDigest(...fields));
    const base = digest('c', 't', 'r', 'a');
    expect(base).toBe(sha256Hex('c\u0000t\u0000r\u0000a'));
    const variants = [
      digest('x', 't', 'r', 'a'),
      digest('c', 'x', 'r', 'a'),
      digest('c', 't', 'x', 'a'),
      digest('c', 't', 'r', 'x'),
    ];
    expect(new Set([base, ...variants]).size).toBe(5);
  });

  it('stores quantised vectors and an unaliased sealed relational copy', () => {
    const keys = agentKeyPair(1, 'a0');
    const record = sealRecord(
      { aid: 'a0', nonce: 'n', evalText: 'text', ...axes, semantic: [0.1234567894, 1] },
      keys,
      'round-1',
    );
    expect(record.semantic).toEqual([0.123456789, 1]);
    expect(record.relational).not.toBe(record.relationalSealed);
    expect(record.relational).toEqual(record.relationalSealed);
    expect(record.vocab).toBeUndefined();
    const digest = beliefDigest(record.commitment, 'text', 'round-1', 'a0');
    expect(verify(record.signature, digest, keys.publicKey)).toBe(true);
  });
});
