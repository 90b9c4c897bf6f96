import { describe, expect, it } from 'vitest';
import {
  CERTAIN_WORDS,
  DEMO_TOPICS,
  HIGH_AROUSAL_WORDS,
  LOW_AROUSAL_WORDS,
  NEGATIVE_WORDS,
  POSITIVE_WORDS,
  STANCE_CON_WORDS,
  STANCE_PRO_WORDS,
  STOP_WORDS,
  UNCERTAIN_WORDS,
} from '../../resonance/wordLists';
import { words } from '../../resonance/tokenise';
import { ENGINEERING_NOUNS } from './engineeringNouns';
import * as phrases from './phrases';

/** Every word any sentence part can contribute. */
function phraseWords(): Set<string> {
  return new Set(words(JSON.stringify(Object.values(phrases))));
}

describe('engineering nouns', () => {
  it('offers about sixty distinct lowercase nouns longer than two letters', () => {
    expect(ENGINEERING_NOUNS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(ENGINEERING_NOUNS).size).toBe(ENGINEERING_NOUNS.length);
    for (const noun of ENGINEERING_NOUNS) expect(noun).toMatch(/^[a-z]{3,14}$/);
  });

  it('never moves an axis other than the semantic one', () => {
    const lexicons = [
      STOP_WORDS, POSITIVE_WORDS, NEGATIVE_WORDS, HIGH_AROUSAL_WORDS, LOW_AROUSAL_WORDS,
      CERTAIN_WORDS, UNCERTAIN_WORDS, STANCE_PRO_WORDS, STANCE_CON_WORDS, new Set(DEMO_TOPICS),
    ];
    for (const noun of ENGINEERING_NOUNS) {
      for (const lexicon of lexicons) expect(lexicon.has(noun), noun).toBe(false);
    }
  });

  it('shares no word with the sentence templates, so a text names one only if it is owned', () => {
    const used = phraseWords();
    expect(used.has('design')).toBe(true);
    expect(ENGINEERING_NOUNS.filter((noun) => used.has(noun))).toEqual([]);
  });
});
