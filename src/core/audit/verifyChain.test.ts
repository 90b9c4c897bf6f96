import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditChain } from './AuditChain';
import type { AuditEntry } from './auditEntry';
import { verifyChain } from './verifyChain';

function sampleChain(length: number): AuditChain {
  const chain = new AuditChain();
  for (let i = 0; i < length; i++) {
    chain.append(i % 2 ? 'vote' : 'propose', `prop-${String(i).padStart(4, '0')}`, `a${i % 5}`, { value: i, tags: ['x', i] }, i * 3);
  }
  return chain;
}

describe('audit chain', () => {
  it('verifies an empty chain and a freshly appended one', () => {
    expect(verifyChain([])).toEqual({ valid: true, firstInvalid: null });
    expect(sampleChain(6).verify()).toEqual({ valid: true, firstInvalid: null });
  });

  it('links each entry to the previous hash with sequence numbers 0..n-1', () => {
    const entries = sampleChain(5).entries();
    entries.forEach((entry, index) => {
      expect(entry.sequence).toBe(index);
      expect(entry.prevHash).toBe(index === 0 ? '' : entries[index - 1]!.hash);
      expect(entry.hash).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  it('hashes data canonically, whatever the key order', () => {
    const a = new AuditChain();
    const b = new AuditChain();
    a.append('propose', 'p', 'x', { action: 'quarantine', target: 'a1' }, 0);
    b.append('propose', 'p', 'x', { target: 'a1', action: 'quarantine' }, 0);
    expect(a.entries()[0]!.hash).toBe(b.entries()[0]!.hash);
  });

  it('returns copies: editing them never touches the chain', () => {
    const chain = sampleChain(3);
    const copy = chain.entries();
    copy[1]!.hash = 'bad';
    (copy[1]!.data as { value: number }).value = 99;
    expect(chain.verify().valid).toBe(true);
    expect(chain.entries()[1]!.data).toEqual({ value: 1, tags: ['x', 1] });
  });

  it('catches a tampered hash, and re-verifies from the tampered index', () => {
    const chain = sampleChain(6);
    expect(chain.verify().valid).toBe(true);
    chain.tamper(2, { hash: 'bad' });
    expect(chain.verify()).toEqual({ valid: false, firstInvalid: 2 });
  });

  it('still catches a tamper made between appends, after entries joined the verified prefix', () => {
    const chain = sampleChain(4);
    chain.tamper(1, { actorId: 'mallory' });
    chain.append('vote', 'prop-0009', 'a1', { value: 9 }, 40);
    expect(chain.verify()).toEqual({ valid: false, firstInvalid: 1 });
  });

  it('catches a stored prevHash that no longer links, which the reference would miss', () => {
    const entries = sampleChain(4).entries();
    entries[2]!.prevHash = 'f'.repeat(32);
    expect(verifyChain(entries)).toEqual({ valid: false, firstInvalid: 2 });
  });

  it('catches a removed or reordered entry', () => {
    const entries = sampleChain(5).entries();
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)]).firstInvalid).toBe(2);
    expect(verifyChain([entries[1]!, entries[0]!]).firstInvalid).toBe(0);
  });

  it('treats malformed entries as invalid, never as a crash', () => {
    const entries = sampleChain(3).entries() as unknown[];
    entries[1] = null;
    expect(verifyChain(entries as AuditEntry[]).firstInvalid).toBe(1);
    const withNaN = sampleChain(2).entries();
    withNaN[1]!.data = { value: Number.NaN };
    expect(verifyChain(withNaN).firstInvalid).toBe(1);
  });

  it('detects any single edited field of any entry at that index (property)', () => {
    const fields = ['sequence', 'eventType', 'proposalId', 'actorId', 'data', 'timestamp', 'prevHash', 'hash'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.constantFrom(...fields),
        fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.integer())),
        (length, pick, field, replacement) => {
          const entries = sampleChain(length).entries();
          const index = pick % length;
          const entry = entries[index]! as unknown as Record<string, unknown>;
          fc.pre(JSON.stringify(entry[field]) !== JSON.stringify(replacement));
          entry[field] = replacement;
          expect(verifyChain(entries).firstInvalid).toBe(index);
        },
      ),
    );
  });
});
