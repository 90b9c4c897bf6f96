import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotOf } from './denseTable';
import { internMembers, PairStats, type CoCommitEntry } from './coCommitLog';

// The literal definitions, one walk of the log per pair (the reference's ledger lookups).
const holdsBoth = ([members]: CoCommitEntry, a: string, b: string) => members.includes(a) && members.includes(b);
const coCommitCount = (log: readonly CoCommitEntry[], a: string, b: string): number =>
  log.filter((entry) => holdsBoth(entry, a, b)).length;
const lastCoCommitClock = (log: readonly CoCommitEntry[], a: string, b: string): number | undefined =>
  log.filter((entry) => holdsBoth(entry, a, b)).at(-1)?.[1];

const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

describe('PairStats', () => {
  it("answers every pair of an agent as the log's own walks do (property)", () => {
    const entry = fc.tuple(fc.subarray(ids, { minLength: 1 }), fc.integer({ min: 0, max: 50 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.constantFrom(...ids), (raw, agent) => {
        const log: CoCommitEntry[] = raw.map(([members, clock]) => [internMembers(members), clock]);
        const stats = new PairStats(log, agent, slotOf);
        for (const peer of [...ids, 'never-recorded']) {
          const slot = peer === 'never-recorded' ? undefined : slotOf(peer);
          expect(stats.count(slot)).toBe(coCommitCount(log, agent, peer));
          expect(stats.lastClock(slot)).toBe(lastCoCommitClock(log, agent, peer));
        }
      }),
    );
  });
});
