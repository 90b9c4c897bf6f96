import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotOf } from './denseTable';
import { coCommitCount, internMembers, lastCoCommitClock, PairStats, type CoCommitEntry } from './coCommitLog';

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
