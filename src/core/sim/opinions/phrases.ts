/**
 * The sentence parts an evaluation is built from. Every lexicon word in them is deliberate:
 * the affective, epistemic and stance axes read exactly these words (reference §2.2, §2.7).
 *
 * - Certainty markers are in both the certainty and the arousal lexicons ("definitely" is
 *   CERTAIN and HIGH_AROUSAL, "perhaps" UNCERTAIN and LOW_AROUSAL), so sounding sure also
 *   sounds energetic.
 * - Each stance clause and each tail carries exactly one stance word of its direction
 *   (STANCE_PRO_WORDS or STANCE_CON_WORDS) and none of the other; nothing else does.
 *   Policy: no "no", "keep" or "against" outside their direction.
 * - Adjectives come from POSITIVE_WORDS and NEGATIVE_WORDS; nothing else carries valence.
 * - No part uses a word of `ENGINEERING_NOUNS`.
 *
 * Placeholders: {topic}, {verb} (after "I"), {inf} (after "would"/"should"), {prep} (after
 * "I am"), {sure} and {hedge} (one certainty marker each), {adjs}.
 */

export interface DirectionWords {
  verbs: readonly string[];
  infinitives: readonly string[];
  prep: string;
  /** The stance word inside `prep`. */
  prepWord: string;
  /** A second stance word for a firm stance; each holds one stance word. */
  tails: readonly string[];
  adjectives: readonly string[];
  /** A clause of the other valence, for a mood at odds with the decision. */
  concessions: readonly string[];
}

export const approveWords: DirectionWords = {
  verbs: ['support', 'endorse', 'favor', 'approve'],
  infinitives: ['approve', 'accept', 'support', 'endorse'],
  prep: 'in favor of',
  prepWord: 'favor',
  tails: [
    'I would approve it.',
    'Let us proceed.',
    'I support shipping it.',
    'We should accept it.',
  ],
  adjectives: [
    'effective', 'reliable', 'robust', 'efficient', 'promising', 'beneficial', 'consistent',
  ],
  concessions: [
    ', although the scope is limited',
    ', while the write-up is weak',
    ', even if the draft was poor',
  ],
};

export const rejectWords: DirectionWords = {
  verbs: ['oppose', 'reject'],
  infinitives: ['reject', 'block', 'veto', 'oppose'],
  prep: 'against',
  prepWord: 'against',
  tails: ['I would veto it.', 'We should block it.', 'I am against it.', 'I would reject it.'],
  adjectives: [
    'risky', 'unstable', 'flawed', 'problematic', 'unreliable', 'inadequate', 'concerning',
    'inconsistent',
  ],
  concessions: [
    ', although the idea is good',
    ', even if the goal is promising',
    ', while the intent is positive',
  ],
};

/** Stance clauses of a decided agent, by how sure it sounds (one marker, or none). */
export const decidedClauses = {
  sure: ['I {sure} {verb} the {topic} change', 'I am {sure} {prep} the {topic} change'],
  plain: [
    'I {verb} the {topic} change',
    'We should {inf} the {topic} change',
    'I would {inf} the {topic} change',
    'I am {prep} the {topic} change',
  ],
  /** Added to the plain clauses for a firm stance ("strongly" is arousal, not certainty). */
  plainFirm: ['I strongly {verb} the {topic} change'],
  hedged: [
    '{hedge} we should {inf} the {topic} change',
    'I am unsure, yet I would {inf} the {topic} change',
  ],
} as const;

/** Stance clauses of an undecided agent; the hedged ones carry one marker. */
export const undecidedClauses = {
  plain: [
    'I am undecided on the {topic} change',
    'I am torn on the {topic} change',
    'I have mixed feelings about the {topic} change',
  ],
  hedged: ['I am unsure about the {topic} change', 'I am uncertain about the {topic} change'],
} as const;

export const sureAdverbs: readonly string[] = ['definitely', 'certainly', 'absolutely'];
export const hedgeOpeners: readonly string[] = ['Perhaps', 'Maybe'];

export interface AssessmentTemplate {
  text: string;
  /** Reads well after "because" (no inner "but"). */
  afterBecause: boolean;
}

/** The assessment after the stance clause; {sure} here is a second marker. */
export type AssessmentKind = 'sure' | 'plain' | 'hedged';

export const assessments: Readonly<
  Record<AssessmentKind, readonly AssessmentTemplate[]>
> = {
  sure: [
    { text: 'it is {sure} {adjs}', afterBecause: true },
    { text: 'it {sure} looks {adjs}', afterBecause: true },
    { text: 'the design is {sure} {adjs}', afterBecause: true },
  ],
  plain: [
    { text: 'it is {adjs}', afterBecause: true },
    { text: 'it looks {adjs}', afterBecause: true },
    { text: 'it seems {adjs}', afterBecause: true },
    { text: 'the design is {adjs}', afterBecause: true },
    { text: 'the plan looks {adjs}', afterBecause: true },
    { text: 'the approach seems {adjs}', afterBecause: true },
  ],
  hedged: [
    { text: 'it is possibly {adjs}', afterBecause: true },
    { text: 'the case is unclear, but it looks {adjs}', afterBecause: false },
  ],
};

/** Markers of the second kind, used after a clause that already used one of `sureAdverbs`. */
export const assessmentAdverbs: readonly string[] = ['clearly', 'certainly', 'definitely'];

export const separators: readonly string[] = [': ', '; ', ' because '];

/** A sentence that mentions the persona's private nouns ({list}). */
export const privateSentences: readonly string[] = [
  'It touches {list}.',
  'This matters for {list}.',
  'I looked closely at {list}.',
  'Mind the {list} impact.',
];
