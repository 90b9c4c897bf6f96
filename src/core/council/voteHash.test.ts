import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto';
import { voteHash } from './voteHash';

describe('voteHash', () => {
  it('is the first 16 hex characters of sha256(voterId:value:timestamp)', () => {
    expect(voteHash('a', 'approve', 7, null)).toBe(sha256Hex('a:approve:7').slice(0, 16));
    expect(voteHash('a', 'approve', 7, null)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('appends the reason only when there is a non-empty one', () => {
    const expected = sha256Hex('a:reject:0:High drift').slice(0, 16);
    expect(voteHash('a', 'reject', 0, 'High drift')).toBe(expected);
    expect(voteHash('a', 'reject', 0, '')).toBe(voteHash('a', 'reject', 0, null));
  });

  it('changes with every input', () => {
    const base = voteHash('a', 'approve', 1, null);
    expect(voteHash('b', 'approve', 1, null)).not.toBe(base);
    expect(voteHash('a', 'abstain', 1, null)).not.toBe(base);
    expect(voteHash('a', 'approve', 2, null)).not.toBe(base);
  });
});
