import { sha256Bytes } from '../crypto';
import { cosine, meanVec, normalise } from '../vec';
import { roundHalfEven } from '../roundHalfEven';
import { words } from './tokenise';
import {
  DEMO_TOPICS,
  POLARITY_CON_ANCHORS,
  POLARITY_PRO_ANCHORS,
  STANCE_CON_WORDS,
  STANCE_PRO_WORDS,
} from './wordLists';

/**
 * The small dense "demo embedding" of reference §2.7 and the stance audit of §2.5 Polarity.
 *
 * Cosine cannot tell "approve the budget change" from "reject the budget change": both are
 * about the budget. The stance audit projects each quorum member's sealed semantic vector on a
 * fixed approve↔reject direction and reports the share of topic-close pairs whose stances
 * oppose. It is diagnostic only: it never gates the commit, and it reads only sealed vectors
 * and a fixed direction, so it is resolver-independent too.
 */

/** Topic coordinates of the embedding, each 3.0 when the round's topic word is present. */
const topicCopies = 6;
const topicWeight = 3;
const stanceWeight = 0.5;
const hashCoordinates = 4;
/** Stances closer to 0 than this count as neutral, neither agreeing nor opposing. */
export const stanceDeadzone = 0.05;

/**
 * [0.5·(#pro − #con)] + [3.0 if topic ∈ words else 0] × 6 + [sha256(text)[i]/255 for i < 4]:
 * eleven coordinates, not normalised (the agent normalises its semantic axis).
 */
export function stanceEmbedding(text: string, topic: string): number[] {
  let pro = 0;
  let con = 0;
  let topicPresent = false;
  for (const word of words(text)) {
    if (STANCE_PRO_WORDS.has(word)) pro++;
    if (STANCE_CON_WORDS.has(word)) con++;
    if (word === topic) topicPresent = true;
  }
  const digest = sha256Bytes(text);
  const out = [stanceWeight * (pro - con)];
  for (let i = 0; i < topicCopies; i++) out.push(topicPresent ? topicWeight : 0);
  for (let i = 0; i < hashCoordinates; i++) out.push(digest[i]! / 255);
  return out;
}

/** The round's topic: the task's, else the first reference topic word of the description. */
export function roundTopic(description: string, topic?: string): string {
  if (topic) return topic.toLowerCase();
  const present = new Set(words(description));
  return DEMO_TOPICS.find((candidate) => present.has(candidate)) ?? '';
}

let cachedDirection: number[] | undefined;

/**
 * normalise(normalise(mean(embed(PRO))) − normalise(mean(embed(CON)))) over the antonym
 * anchors; `[]` if the two collapse to the same point. Fixed, so computed once.
 */
export function polarityDirection(): number[] {
  if (cachedDirection) return cachedDirection;
  const pro = normalise(meanVec(POLARITY_PRO_ANCHORS.map((anchor) => stanceEmbedding(anchor, ''))));
  const con = normalise(meanVec(POLARITY_CON_ANCHORS.map((anchor) => stanceEmbedding(anchor, ''))));
  const diff = pro.map((value, i) => value - (con[i] ?? 0));
  cachedDirection = diff.every((value) => Math.abs(value) < 1e-12) ? [] : normalise(diff);
  return cachedDirection;
}

/** Signed stance in [−1, 1]: positive approves, negative rejects; 0 without a direction. */
export function stanceOf(vector: readonly number[], direction: readonly number[]): number {
  if (direction.length === 0 || vector.length === 0) return 0;
  return cosine(vector, direction);
}

/**
 * Share of topic-close pairs (cosine ≥ `topicThreshold`) whose stances have opposite signs,
 * both outside the dead zone; 0 when no pair is close. Rounded to 5 places.
 */
export function falseAgreementRate(
  semantics: Readonly<Record<string, readonly number[]>>,
  topicThreshold: number,
  direction: readonly number[] = polarityDirection(),
): number {
  return stanceAudit(semantics, topicThreshold, direction).rate;
}

export interface StanceAudit {
  /** `falseAgreementRate`. */
  rate: number;
  /** The topic-close pairs of opposite stance, each sorted, in id order. */
  pairs: [string, string][];
  /** Each agent's stance, rounded to 4 places. */
  stances: Record<string, number>;
}

/** The whole stance audit of reference §2.5 Polarity: rate, false-agreement pairs, stances. */
export function stanceAudit(
  semantics: Readonly<Record<string, readonly number[]>>,
  topicThreshold: number,
  direction: readonly number[] = polarityDirection(),
): StanceAudit {
  const ids = Object.keys(semantics).sort();
  const stances = ids.map((id) => stanceOf(semantics[id]!, direction));
  const pairs: [string, string][] = [];
  let close = 0;
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      if (cosine(semantics[ids[a]!]!, semantics[ids[b]!]!) < topicThreshold) continue;
      close++;
      const sa = stances[a]!;
      const sb = stances[b]!;
      if (Math.abs(sa) < stanceDeadzone || Math.abs(sb) < stanceDeadzone) continue;
      if (sa > 0 !== sb > 0) pairs.push([ids[a]!, ids[b]!]);
    }
  }
  const rounded: Record<string, number> = {};
  ids.forEach((id, i) => (rounded[id] = roundHalfEven(stances[i]!, 4)));
  return { rate: close > 0 ? roundHalfEven(pairs.length / close, 5) : 0, pairs, stances: rounded };
}
