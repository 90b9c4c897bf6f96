import { describe, expect, it } from 'vitest';
import { DEMO_TOPICS } from '../../resonance/wordLists';
import { roundTask } from './roundTask';

describe('roundTask', () => {
  it('asks to ratify the round topic for the next release', () => {
    expect(roundTask(1)).toEqual({
      description: 'ratify the budget change for the next release',
      topic: 'budget',
      requirements: [],
    });
  });

  it('cycles budget, timeout, rollout, schema, indexing, caching', () => {
    const topics = Array.from({ length: 13 }, (_, i) => roundTask(i + 1).topic);
    expect(topics).toEqual([...DEMO_TOPICS, ...DEMO_TOPICS, 'budget']);
    expect(roundTask(6).description).toBe('ratify the caching change for the next release');
  });

  it('counts rounds from 1', () => {
    expect(() => roundTask(0)).toThrow(/round 0/);
    expect(() => roundTask(1.5)).toThrow(/round 1.5/);
  });
});
