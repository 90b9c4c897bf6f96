import { describe, expect, it } from 'vitest';
import { affective, bagOfWords, behavioral, epistemic, relational } from './axisVectors';
import { tokenise } from './tokenise';

const close = (actual: readonly number[], expected: readonly number[]): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 12));
};

describe('axis vectors', () => {
  it('embeds term frequencies over the vocabulary, normalised, zeros when nothing hits', () => {
    expect(bagOfWords(['cache', 'cache', 'cost'], ['cache', 'cost', 'risk'])).toEqual([
      2 / Math.sqrt(5),
      1 / Math.sqrt(5),
      0,
    ]);
    expect(bagOfWords(['other'], ['cache', 'cost'])).toEqual([0, 0]);
  });

  it('reads valence and arousal from the lexicons, normalised', () => {
    const [valence, arousal] = affective(tokenise('a great and robust plan, urgent'));
    expect(valence).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(arousal).toBeCloseTo(1 / Math.sqrt(5), 12);
    close(affective(tokenise('bad, maybe')), [-Math.SQRT1_2, -Math.SQRT1_2]);
  });

  it('keeps neutral text at the zero affect vector', () => {
    expect(affective(tokenise('the plan is a plan'))).toEqual([0, 0]);
    expect(affective([])).toEqual([0, 0]);
  });

  it('never counts stop words, even those in a lexicon ("might", "could")', () => {
    expect(affective(tokenise('it might, it could'))).toEqual([0, 0]);
  });

  it('gives a newcomer a neutral stability of 0.5', () => {
    const [confidence, stability] = epistemic(tokenise('clearly proven'), [], [1, 0]);
    expect(confidence! / stability!).toBeCloseTo(1 / 0.5, 12);
    expect(epistemic(tokenise('plan'), [], [1, 0])).toEqual([0, 1]);
  });

  it('measures stability as the cosine to the mean of past semantics, floored at 0', () => {
    expect(epistemic(tokenise('plan'), [[1, 0], [1, 0]], [1, 0])).toEqual([0, 1]);
    expect(epistemic(tokenise('plan'), [[-1, 0]], [1, 0])).toEqual([0, 0]);
    const [confidence] = epistemic(tokenise('perhaps'), [[0, 1]], [1, 0]);
    expect(confidence).toBe(-1);
  });

  it('derives integrity and engagement from the counters, 1 with no history', () => {
    close(behavioral(0, 0, 0, 0), [Math.SQRT1_2, Math.SQRT1_2]);
    expect(behavioral(0, 0, 0, 1)).toEqual([1, 0]);
    close(behavioral(3, 4, 4, 4), [0.6, 0.8]);
  });

  it('lists trust over the sorted peers, normalised, [1] without peers', () => {
    const trust: Record<string, number> = { b: 2 };
    const expected = [1, 2, 1].map((x) => x / Math.sqrt(6));
    close(relational(['c', 'b', 'a'], (peer) => trust[peer] ?? 1), expected);
    expect(relational([], () => 5)).toEqual([1]);
  });
});
