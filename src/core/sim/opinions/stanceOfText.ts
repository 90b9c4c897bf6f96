import { roundHalfEven } from '../../roundHalfEven';
import { words } from '../../resonance/tokenise';
import {
  NEGATIVE_WORDS,
  POSITIVE_WORDS,
  STANCE_CON_WORDS,
  STANCE_PRO_WORDS,
} from '../../resonance/wordLists';

/** A stance word weighs this many adjectives: deciding says more than describing. */
export const stanceWordWeight = 2;

/** The net word score at which the stance reaches tanh(1) ≈ 0.76. */
export const stanceScale = 6;

/**
 * The stance a text expresses, in [−1, 1], so the engine can turn a deliberated position
 * (or any text) back into a persona stance:
 *
 *   net    = 2·(#STANCE_PRO − #STANCE_CON) + (#POSITIVE − #NEGATIVE)
 *   stance = tanh(net / 6), rounded to 4 decimals
 *
 * Words are counted as the demo embedding counts them (whole lowercased words, no
 * negation: "no" is a reject word, as in reference §2.7). So "approve" alone gives 0.32,
 * "I support it: effective and reliable" 0.58, a firm "support … effective, reliable and
 * robust … approve it" 0.83, and a text with no such words 0.
 */
export function stanceOfText(text: string): number {
  let net = 0;
  for (const word of words(text)) {
    if (STANCE_PRO_WORDS.has(word)) net += stanceWordWeight;
    if (STANCE_CON_WORDS.has(word)) net -= stanceWordWeight;
    if (POSITIVE_WORDS.has(word)) net += 1;
    if (NEGATIVE_WORDS.has(word)) net -= 1;
  }
  return roundHalfEven(Math.tanh(net / stanceScale), 4);
}
