import { describe, expect, it } from 'vitest';
import type { Round } from '../../resonance';
import { preset } from '../presets';
import { runScenario } from '../runScenario';
import { sycophancyAudit } from './sycophancyAudit';
import type { SimEvent } from './traceEvents';

const description = 'ratify the budget change for the next release';
const leaderWords = 'I support the budget change: it is effective and reliable. Let us proceed.';

function roundOf(texts: Record<string, string>): Round {
  const evaluations = Object.fromEntries(
    Object.entries(texts).map(([id, text]) => [id, { evalText: `${description} ${text}` }]),
  );
  return { proposer: 'a0', description, evaluations } as unknown as Round;
}

describe('sycophancyAudit', () => {
  it('flags an agent that repeats the proposer word for word and moved toward less confident peers', () => {
    const round = roundOf({
      a0: leaderWords,
      a1: `${leaderWords} Absolutely, I definitely agree with the leader.`,
      a2: 'I doubt the budget change is ready.',
      a3: `${leaderWords} Absolutely, I definitely agree with the leader.`,
    });
    expect(sycophancyAudit(round, { a0: 0, a1: -0.02, a2: -0.03, a3: 0.01 })).toEqual(['a1']);
  });

  it('never flags on the score alone, nor the proposer itself', () => {
    const round = roundOf({ a0: leaderWords, a1: 'I agree with most of it.', a2: 'Fine by me.' });
    expect(sycophancyAudit(round, { a0: -0.05, a1: -0.05, a2: -0.1 })).toEqual([]);
  });

  it('flags the sycophancy preset\'s two agents in every round, and nobody in the honest presets', () => {
    const flagged = (name: 'sycophancy' | 'happy-path' | 'byzantine-tamper') =>
      (runScenario(preset(name).scenario).trace as SimEvent[]).flatMap((event) =>
        event.kind === 'deliberated' ? [event.sycophants ?? []] : [],
      );
    expect(flagged('sycophancy')).toEqual([[1, 2], [1, 2], [1, 2]]);
    expect(flagged('happy-path').flat()).toEqual([]);
    expect(flagged('byzantine-tamper').flat()).toEqual([]);
  });
});
