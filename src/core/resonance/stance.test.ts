import { describe, expect, it } from 'vitest';
import { cosine } from '../vec';
import { demoCluster, demoRound } from './demoRound';
import {
  falseAgreementRate,
  polarityDirection,
  roundTopic,
  stanceAudit,
  stanceEmbedding,
  stanceOf,
} from './stance';

const task = { description: 'ratify the budget change for the next release' };

describe('stance embedding', () => {
  it('has a stance coordinate, six topic coordinates and four hash coordinates', () => {
    const vector = stanceEmbedding('approve and support the budget, no veto', 'budget');
    expect(vector).toHaveLength(11);
    expect(vector[0]).toBe(0.5 * (2 - 2));
    expect(vector.slice(1, 7)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(vector.slice(7).every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(stanceEmbedding('approve', 'budget').slice(1, 7)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('finds the round topic in the description unless the task names it', () => {
    expect(roundTopic(task.description)).toBe('budget');
    expect(roundTopic('pick a lunch')).toBe('');
    expect(roundTopic('anything', 'Rollout')).toBe('rollout');
  });

  it('points the polarity direction from reject to approve', () => {
    const direction = polarityDirection();
    expect(direction).toHaveLength(11);
    expect(cosine(direction, direction)).toBeCloseTo(1, 12);
    expect(stanceOf(stanceEmbedding('approve it', ''), direction)).toBeGreaterThan(0.05);
    expect(stanceOf(stanceEmbedding('reject it', ''), direction)).toBeLessThan(-0.05);
    expect(stanceOf([1, 2], [])).toBe(0);
  });
});

describe('false agreement', () => {
  it('is the share of topic-close pairs whose stances oppose', () => {
    const approve = stanceEmbedding('approve the budget change', 'budget');
    const reject = stanceEmbedding('reject the budget change', 'budget');
    expect(falseAgreementRate({ a: approve, b: reject }, 0.6)).toBe(1);
    expect(falseAgreementRate({ a: approve, b: approve, c: reject }, 0.6)).toBe(0.66667);
    expect(falseAgreementRate({ a: approve, b: approve }, 0.6)).toBe(0);
    expect(falseAgreementRate({ a: approve, b: reject }, 1.01)).toBe(0);
  });

  it('names the opposed pairs and each stance', () => {
    const approve = stanceEmbedding('approve the budget change', 'budget');
    const reject = stanceEmbedding('reject the budget change', 'budget');
    const audit = stanceAudit({ c: reject, a: approve, b: approve }, 0.6);
    expect(audit.rate).toBe(0.66667);
    expect(audit.pairs).toEqual([['a', 'c'], ['b', 'c']]);
    expect(audit.stances.a).toBeGreaterThan(0.05);
    expect(audit.stances.c).toBeLessThan(-0.05);
  });

  it('flags a split round whose quorum forms on topic alone, and never changes the commit', () => {
    const split = demoRound(12, {
      embed: 'stance',
      task,
      text: (i) => (i % 2 === 0 ? 'approve the budget change' : 'reject the budget change'),
    });
    const record = split.round.evaluations.a1!;
    expect(record.vocab).toBeUndefined();
    expect(record.semantic).toHaveLength(11);
    expect(split.round.semanticDim).toBe(11);
    const outcome = split.agents[0]!.resolve(split.round);
    expect(outcome.status).toBe('committed');
    expect(outcome.falseAgreementRate).toBeGreaterThan(0.3);
    expect(outcome.falseAgreementPairs).toContainEqual(['a0', 'a1']);
    expect(outcome.stances!.a1).toBeLessThan(0);

    const text = (): string => 'approve the budget change';
    const unanimous = demoRound(12, { embed: 'stance', task, text });
    expect(unanimous.agents[0]!.resolve(unanimous.round).falseAgreementRate).toBe(0);
  });

  it('is absent from bag-of-words outcomes', () => {
    const { agents, round } = demoRound(4);
    expect(agents[0]!.resolve(round).falseAgreementRate).toBeUndefined();
    expect(demoCluster(1)[0]!.embed).toBe('bow');
  });
});
