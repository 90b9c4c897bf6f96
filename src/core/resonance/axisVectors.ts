import { cosine, meanVec, normalise, zeroNormMax } from '../vec';
import {
  CERTAIN_WORDS,
  HIGH_AROUSAL_WORDS,
  LOW_AROUSAL_WORDS,
  NEGATIVE_WORDS,
  POSITIVE_WORDS,
  UNCERTAIN_WORDS,
} from './wordLists';

/**
 * The axis constructors of reference §2.2. Each takes the tokens of the evaluation text
 * (`tokenise`), so one evaluation is tokenised once.
 */

/** Term frequencies of `tokens` over `vocab`, L2-normalised; all zeros when nothing hits. */
export function bagOfWords(tokens: readonly string[], vocab: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const out = new Array<number>(vocab.length);
  let squares = 0;
  for (let i = 0; i < vocab.length; i++) {
    const count = counts.get(vocab[i]!) ?? 0;
    out[i] = count;
    squares += count * count;
  }
  const size = Math.sqrt(squares) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= size;
  return out;
}

/** (valence, arousal) from the sentiment lexicons, normalised; [0, 0] without affect. */
export function affective(tokens: readonly string[]): number[] {
  if (tokens.length === 0) return [0, 0];
  const valence = (count(tokens, POSITIVE_WORDS) - count(tokens, NEGATIVE_WORDS)) / tokens.length;
  const arousal =
    (count(tokens, HIGH_AROUSAL_WORDS) - count(tokens, LOW_AROUSAL_WORDS)) / tokens.length;
  // Policy: neutral text stays the zero vector. Normalising it would give the uniform
  // [0.707, 0.707], a spurious positive affect that aligns it with enthusiastic agents.
  if (valence === 0 && arousal === 0) return [0, 0];
  return normalise([valence, arousal]);
}

/**
 * (confidence, stability), normalised; [0, 0] when both are 0. Stability is the cosine of
 * the current semantic vector with the mean of the agent's past ones, floored at 0.
 *
 * Policy: with no history, stability is 0.5, a neutral prior; 1.0 would hand a newcomer
 * epistemic authority it has not earned.
 */
export function epistemic(
  tokens: readonly string[],
  pastSemantics: readonly (readonly number[])[],
  currentSemantic: readonly number[],
): number[] {
  const confidence =
    tokens.length === 0
      ? 0
      : (count(tokens, CERTAIN_WORDS) - count(tokens, UNCERTAIN_WORDS)) / tokens.length;
  const stability =
    pastSemantics.length > 0 && currentSemantic.length > 0
      ? Math.max(cosine(currentSemantic, meanVec(pastSemantics)), 0)
      : 0.5;
  if (Math.abs(confidence) < zeroNormMax && Math.abs(stability) < zeroNormMax) return [0, 0];
  return normalise([confidence, stability]);
}

/**
 * (integrity, engagement), normalised: integrity = ok/total (1 with no history), engagement
 * = engaged/invited (1 when never invited). An agent calls it with its own counters as
 * `behavioral(participated − tampered, participated, participated, invited)`.
 */
export function behavioral(
  integrityOk: number,
  integrityTotal: number,
  engaged: number,
  invited: number,
): number[] {
  const integrity = integrityTotal > 0 ? integrityOk / integrityTotal : 1;
  const engagement = invited > 0 ? engaged / invited : 1;
  return normalise([integrity, engagement]);
}

/**
 * The agent's trust in each peer over the sorted peers, normalised; `[1]` with no peers.
 * `trustIn(peer)` is the agent's own trust row (1.0 for a peer it knows nothing about).
 */
export function relational(peers: readonly string[], trustIn: (peer: string) => number): number[] {
  if (peers.length === 0) return [1];
  return normalise([...peers].sort().map(trustIn));
}

function count(tokens: readonly string[], lexicon: ReadonlySet<string>): number {
  let hits = 0;
  for (const token of tokens) if (lexicon.has(token)) hits++;
  return hits;
}
