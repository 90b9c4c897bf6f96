import { describe, expect, it } from 'vitest';
import { buildVocab, privateTerms } from './vocab';

describe('vocabulary', () => {
  it('takes distinct words of at least three letters from the task, in order', () => {
    expect(buildVocab('Pick the DB; pick a cache', ['db cost'])).toEqual(['pick', 'cache', 'cost']);
    expect(buildVocab('a b')).toEqual(['task']);
  });

  it('lets an agent add at most 8 new private terms', () => {
    expect(privateTerms('cache alpha alpha bravo xy', ['cache'])).toEqual(['alpha', 'bravo']);
    const many = 'one two three four five six seven eight nine ten eleven twelve';
    const first8 = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
    expect(privateTerms(many, [])).toEqual(first8);
  });

  it('stops at 4096 terms', () => {
    const full = Array.from({ length: 4096 }, (_, i) => `t${i}`);
    expect(privateTerms('alpha bravo', full)).toEqual([]);
    expect(privateTerms('alpha bravo', full.slice(1))).toEqual(['alpha']);
  });
});
