import { describe, expect, it } from 'vitest';
import type { ReplicaState } from './replica/types';
import { stallDetail } from './stall';

/** Replicas reduced to what `stallDetail` reads: index, round and whether views ran out. */
function sources(rounds: number[], exhausted = false) {
  const replicas = rounds.map((roundNo, index) => ({ index, roundNo, current: { exhausted } }) as unknown as ReplicaState);
  return { replicas, scenario: { rounds: 3 }, isHonest: () => true };
}

describe('stallDetail', () => {
  it('names the first undecided round and why the run ended there', () => {
    expect(stallDetail(sources([2, 3, 2]), 'maxTicks')).toEqual({
      stalledRound: 2, detail: 'stalled in round 2: the tick limit (maxTicks) came first',
    });
    expect(stallDetail(sources([2, 2], true), 'stalled')?.detail).toBe('stalled in round 2: view changes exhausted');
  });

  it("says so in words when the simulator's own limit on trace events ended the run", () => {
    expect(stallDetail(sources([1, 1]), 'eventsMax')?.detail).toBe(
      "stalled in round 1: the simulator's limit of 2,000,000 trace events came first",
    );
  });

  it('says nothing once every round is decided', () => {
    expect(stallDetail(sources([4, 4]), 'stalled')).toBeNull();
  });
});
