import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonicalJson';
import { AuditChain } from './AuditChain';

describe('AuditChain', () => {
  it("stores each entry's data exactly as its canonical JSON parses, flat or nested", () => {
    const samples: Record<string, unknown>[] = [
      { value: 'approve', reason: null, hash: '0123456789abcdef' },
      { z: 1, a: -0, m: undefined, b: true, c: 'é 🙂' },
      JSON.parse('{"__proto__": "x", "a": 1}') as Record<string, unknown>,
      { nested: { b: 2, a: [1, { d: undefined, c: -0 }] }, a: 'x' },
      {},
    ];
    const chain = new AuditChain();
    samples.forEach((data, index) => chain.append('vote', 'prop-0001', `a${index}`, data, index));
    const stored = chain.entries().map((entry) => entry.data);
    samples.forEach((data, index) => {
      const expected = JSON.parse(canonicalJson(data)) as unknown;
      expect(stored[index], canonicalJson(data)).toStrictEqual(expected);
      expect(Object.keys(stored[index]!)).toEqual(Object.keys(expected as object));
      expect(Object.is((stored[index] as { a?: unknown }).a, -0)).toBe(false);
    });
    expect(chain.verify().valid).toBe(true);
  });

  it('never aliases the data it was given', () => {
    const data = { value: 'approve', reason: null };
    const chain = new AuditChain();
    chain.append('vote', 'prop-0001', 'a0', data, 0);
    data.value = 'reject';
    expect(chain.entries()[0]!.data.value).toBe('approve');
    expect(chain.verify().valid).toBe(true);
  });

  it('reads one entry as a copy, the same as the whole log holds, and nothing past the end', () => {
    const chain = new AuditChain();
    chain.append('vote', 'prop-0001', 'a0', { value: 'approve' }, 0);
    chain.append('execute', 'prop-0001', 'a1', { nested: { n: 1 } }, 1);
    expect(chain.entry(1)).toStrictEqual(chain.entries()[1]);
    (chain.entry(1)!.data.nested as { n: number }).n = 9;
    expect(chain.entry(1)!.data).toStrictEqual({ nested: { n: 1 } });
    expect(chain.entry(2)).toBeUndefined();
    expect(chain.verify().valid).toBe(true);
  });
});
