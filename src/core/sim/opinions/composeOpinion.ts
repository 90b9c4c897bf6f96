import { assert } from '../../assert';
import type { Rng } from '../../rng';
import {
  approveWords,
  assessmentAdverbs,
  assessments,
  decidedClauses,
  hedgeOpeners,
  privateSentences,
  rejectWords,
  separators,
  sureAdverbs,
  undecidedClauses,
  type AssessmentTemplate,
  type DirectionWords,
} from './phrases';

/** −1 reject, 0 undecided, 1 approve. */
export type Direction = -1 | 0 | 1;

/**
 * What an evaluation says, before any wording is chosen. Every field maps to a word count
 * that an axis reads, so the axes respond monotonically to the persona.
 */
export interface OpinionSpec {
  topic: string;
  direction: Direction;
  /** A firm stance: two stance words instead of one. */
  firm: boolean;
  /**
   * Net certainty markers: 2 and 1 sure ("definitely"), −1 and −2 hedged ("perhaps"), 0 none.
   * An undecided agent uses at most one sure marker.
   */
  certaintyLevel: number;
  /**
   * The mood relative to the direction: 1 adds a third adjective of the same valence, −1 a
   * concession of the other valence (one word, so the decision still sets the sign), 0
   * neither. For an undecided agent it is the valence of the extra adjective.
   */
  moodTone: Direction;
  /** Private nouns the agent owns; the text mentions up to three of them. */
  privateWords: readonly string[];
}

/** The longest evaluation the generator writes, in characters. */
export const evaluationCharsMax = 200;

/** Private nouns mentioned in one evaluation, at most: more would not read naturally. */
export const privateWordsMentionedMax = 3;

/**
 * Uniform draws taken up front, one per wording choice, so the choices stay put when a
 * persona drifts: the same agent in the same round keeps its sentence shape.
 */
const slotCount = 10;

/**
 * A few short sentences that say `spec`, worded by `rng`: a stance clause with an
 * assessment of two or three adjectives and an optional concession; for a firm stance a
 * second short sentence with another stance word; then one naming the private nouns. Starts with a capital, ends with a full stop,
 * at most `evaluationCharsMax` characters.
 */
export function composeOpinion(spec: OpinionSpec, rng: Rng): string {
  assert(/^[a-z]{1,24}$/.test(spec.topic), `composeOpinion: topic "${spec.topic}" is not one word`);
  const slots = Array.from({ length: slotCount }, () => rng.next());
  const pick = <T>(items: readonly T[], slot: number): T =>
    items[Math.floor(slots[slot]! * items.length)]!;
  const mentioned = rng
    .shuffle(spec.privateWords)
    .slice(0, Math.min(privateWordsMentionedMax, 2 + Math.floor(slots[9]! * 2)));
  const words = spec.direction === -1 ? rejectWords : approveWords;
  const adjectives = adjectivesOf(spec, rng);

  const clause = stanceClause(spec, words, pick);
  const assessment = assessmentOf(spec, pick, clause.adverb);
  const separator = pick(assessment.afterBecause ? separators : separators.slice(0, 2), 3);
  const concession = spec.direction !== 0 && spec.moodTone === -1 ? pick(words.concessions, 6) : '';
  const first = `${clause.text}${separator}${assessment.text.replace('{adjs}', adjectives)}`;
  const tail =
    spec.direction !== 0 && spec.firm
      ? ` ${tailOf(words, clause.stanceWord, spec.certaintyLevel < 0, pick)}`
      : '';

  return fitted(first, concession, tail, privateSentencesOf(mentioned, pick));
}

/**
 * The first variant within `evaluationCharsMax`. Policy: when the text runs long, the
 * private nouns give way one by one down to the last (in the shortest sentence), then the
 * concession, then the last noun; stance and certainty words never do, since the axes read
 * them. With the reference topics the nouns alone always make room (a test checks it).
 */
function fitted(first: string, concession: string, tail: string, privates: string[]): string {
  const candidates = [
    ...privates.map((sentence) => `${first}${concession}.${tail} ${sentence}`),
    ...privates.slice(-1).map((sentence) => `${first}.${tail} ${sentence}`),
    `${first}${concession}.${tail}`,
    `${first}.${tail}`,
  ];
  const text = candidates.find((candidate) => candidate.length <= evaluationCharsMax);
  assert(text !== undefined, `composeOpinion: "${candidates.at(-1)!}" is too long`);
  return text;
}

/** Sentences naming all of `nouns`, then fewer, then the first alone in the shortest form. */
function privateSentencesOf(nouns: readonly string[], pick: Pick): string[] {
  if (nouns.length === 0) return [];
  const fewer = nouns.map((_, i) => privateSentence(nouns.slice(0, nouns.length - i), pick));
  return [...fewer, privateSentences[0]!.replace('{list}', nouns[0]!)];
}

type Pick = <T>(items: readonly T[], slot: number) => T;

interface Clause {
  text: string;
  /** The stance word the clause used, so a tail can use another. */
  stanceWord: string;
  /** The sure adverb the clause used, so the assessment can use another. */
  adverb: string;
}

function stanceClause(spec: OpinionSpec, words: DirectionWords, pick: Pick): Clause {
  const { topic, certaintyLevel: level } = spec;
  if (spec.direction === 0) {
    const template = pick(level < 0 ? undecidedClauses.hedged : undecidedClauses.plain, 0);
    return { text: template.replace('{topic}', topic), stanceWord: '', adverb: '' };
  }
  const templates =
    level >= 1
      ? decidedClauses.sure
      : level <= -1
        ? decidedClauses.hedged
        : spec.firm
          ? [...decidedClauses.plain, ...decidedClauses.plainFirm]
          : decidedClauses.plain;
  const template: string = pick(templates, 0);
  const verb = pick(words.verbs, 1);
  const infinitive = pick(words.infinitives, 1);
  const adverb = level >= 1 ? pick(sureAdverbs, 2) : '';
  const stanceWord = template.includes('{verb}')
    ? verb
    : template.includes('{inf}')
      ? infinitive
      : words.prepWord;
  const text = template
    .replace('{topic}', topic)
    .replace('{verb}', verb)
    .replace('{inf}', infinitive)
    .replace('{prep}', words.prep)
    .replace('{sure}', adverb)
    .replace('{hedge}', pick(hedgeOpeners, 2));
  return { text, stanceWord, adverb };
}

function assessmentOf(spec: OpinionSpec, pick: Pick, clauseAdverb: string): AssessmentTemplate {
  const level = spec.certaintyLevel;
  // A decided agent puts its first marker in the stance clause and its second here; an
  // undecided one has no marker in a plain clause, so its one sure marker goes here.
  const sure = spec.direction === 0 ? level >= 1 : level >= 2;
  const hedged = level <= -2;
  const kind = sure ? 'sure' : hedged ? 'hedged' : 'plain';
  let templates = assessments[kind];
  // "…undecided…, but it looks promising yet risky" stacks two contrasts.
  if (spec.direction === 0) templates = templates.filter((template) => template.afterBecause);
  const template = pick(templates, 4);
  const adverb = pick(
    assessmentAdverbs.filter((candidate) => candidate !== clauseAdverb),
    5,
  );
  return { ...template, text: template.text.replace('{sure}', adverb) };
}

function adjectivesOf(spec: OpinionSpec, rng: Rng): string {
  const positive = rng.shuffle(approveWords.adjectives);
  const negative = rng.shuffle(rejectWords.adjectives);
  if (spec.direction === 0) {
    const good = positive.slice(0, spec.moodTone === 1 ? 2 : 1);
    const bad = negative.slice(0, spec.moodTone === -1 ? 2 : 1);
    return `${joinWords(good)} yet ${joinWords(bad)}`;
  }
  const aligned = spec.direction === 1 ? positive : negative;
  return joinWords(aligned.slice(0, spec.moodTone === 1 ? 3 : 2));
}

/** A second stance word, unlike the clause's; weighed ("Still, …") after a hedge. */
function tailOf(words: DirectionWords, clauseWord: string, hedged: boolean, pick: Pick): string {
  const others = words.tails.filter((tail) => !new RegExp(`\\b${clauseWord}\\b`).test(tail));
  const tail = pick(others.length > 0 ? others : words.tails, 7);
  if (!hedged) return tail;
  return `Still, ${tail.startsWith('I ') ? tail : tail[0]!.toLowerCase() + tail.slice(1)}`;
}

function privateSentence(nouns: readonly string[], pick: Pick): string {
  return pick(privateSentences, 8).replace('{list}', joinWords(nouns));
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
