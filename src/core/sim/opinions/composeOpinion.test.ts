import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { composeOpinion, evaluationCharsMax, joinWords, type OpinionSpec } from './composeOpinion';
import { ENGINEERING_NOUNS } from './engineeringNouns';
import { approveWords, rejectWords } from './phrases';
import { DEMO_TOPICS } from '../../resonance/wordLists';

const longestNouns = [...ENGINEERING_NOUNS].sort((a, b) => b.length - a.length).slice(0, 8);

describe('composeOpinion', () => {
  it('stays within 200 characters even with a long topic and the longest nouns', () => {
    const spec: OpinionSpec = {
      topic: 'internationalisation',
      direction: -1,
      firm: true,
      certaintyLevel: -2,
      moodTone: -1,
      privateWords: longestNouns,
    };
    for (let stream = 0; stream < 500; stream++) {
      const text = composeOpinion(spec, Rng.stream(1, `long:${stream}`));
      expect(text.length).toBeLessThanOrEqual(evaluationCharsMax);
      expect(text).toContain('internationalisation');
    }
  });

  it('always keeps a private noun and the concession with the reference topics', () => {
    const concessions = [...approveWords.concessions, ...rejectWords.concessions];
    for (const topic of DEMO_TOPICS) {
      for (const direction of [-1, 0, 1] as const) {
        for (const moodTone of [-1, 0, 1] as const) {
          for (const certaintyLevel of [-2, -1, 0, 1, 2]) {
            for (let stream = 0; stream < 20; stream++) {
              const spec = { topic, direction, firm: true, certaintyLevel, moodTone };
              const text = composeOpinion(
                { ...spec, privateWords: longestNouns },
                Rng.stream(stream, topic),
              );
              expect(longestNouns.some((noun) => text.includes(noun)), text).toBe(true);
              const conceded = concessions.some((concession) => text.includes(concession));
              expect(conceded, text).toBe(direction !== 0 && moodTone === -1);
            }
          }
        }
      }
    }
  });

  it('words the same spec the same way from the same stream', () => {
    const spec: OpinionSpec = {
      topic: 'budget',
      direction: 1,
      firm: false,
      certaintyLevel: 1,
      moodTone: 0,
      privateWords: ['latency'],
    };
    expect(composeOpinion(spec, Rng.stream(3, 'x'))).toBe(composeOpinion(spec, Rng.stream(3, 'x')));
  });

  it('refuses a topic that is not one lowercase word', () => {
    const spec: OpinionSpec = {
      topic: 'two words',
      direction: 1,
      firm: false,
      certaintyLevel: 0,
      moodTone: 0,
      privateWords: [],
    };
    expect(() => composeOpinion(spec, Rng.stream(1, 'x'))).toThrow(/two words/);
  });
});

describe('joinWords', () => {
  it('lists words as English does', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
