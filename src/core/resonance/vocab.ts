import { privateTermsMax, taskVocabTermsMax, termLengthMin, vocabTermsMax } from './constants';
import { tokenise } from './tokenise';

/**
 * The round vocabulary from the task text (reference `_build_vocab`): tokens of at least
 * three letters, deduplicated in order, at most 64; `['task']` when none qualify.
 */
export function buildVocab(description: string, requirements: readonly string[] = []): string[] {
  const source = `${description} ${requirements.join(' ')}`;
  const terms = distinctTerms(tokenise(source), new Set()).slice(0, taskVocabTermsMax);
  return terms.length > 0 ? terms : ['task'];
}

/**
 * The private terms an agent appends when it participates: tokens of its own evaluation text
 * of at least three letters that the vocabulary lacks, deduplicated, at most 8.
 *
 * Policy: the vocabulary stops growing at 4096 terms (SPEC §3), so a flood of private words
 * cannot make every later record oversized (and thereby malformed).
 */
export function privateTerms(privateText: string, vocab: readonly string[]): string[] {
  const room = Math.max(0, Math.min(privateTermsMax, vocabTermsMax - vocab.length));
  return distinctTerms(tokenise(privateText), new Set(vocab)).slice(0, room);
}

function distinctTerms(tokens: readonly string[], known: Set<string>): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.length < termLengthMin || known.has(token)) continue;
    known.add(token);
    out.push(token);
  }
  return out;
}
