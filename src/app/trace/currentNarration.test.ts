import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../worker/api';
import { currentNarration } from './currentNarration';

const events: SimEvent[] = [
  { t: 0, kind: 'agentCrashed', agent: 4 },
  { t: 2, kind: 'messageSent', id: 1, from: 0, to: 3, type: 'R', roundNo: 1, view: 0, deliverAt: 4 },
  { t: 5, kind: 'agentRestarted', agent: 4 },
  { t: 5, kind: 'messageSent', id: 2, from: 1, to: 3, type: 'R', roundNo: 1, view: 0, deliverAt: 7 },
];

describe('currentNarration', () => {
  it('tells the latest important event at or before the cursor, skipping messages', () => {
    expect(currentNarration(events, 3.5)).toEqual({ tick: 0, text: expect.stringContaining('a4') });
    expect(currentNarration(events, 5)?.tick).toBe(5);
    expect(currentNarration(events, 99)?.text).toMatch(/a4/);
  });

  it('has nothing to tell before the first event', () => {
    expect(currentNarration(events.slice(1), 1)).toBeNull();
    expect(currentNarration([], 10)).toBeNull();
  });
});
