/**
 * Protocol constants of ResonanceBFT layer 1 (reference §2.1–2.3, SPEC §3).
 */

/** The fixed commit threshold on the pentadic score (reference `_DEFAULT_THRESHOLD`). */
export const defaultThreshold = 0.6;

/** Clusters smaller than this cannot tolerate a fault (n ≥ 3f + 1 with f ≥ 1). */
export const membershipMin = 4;

/** A sealed axis longer than this is malformed (reference `_axes_well_formed`). */
export const axisLengthMax = 4096;

/** The bag-of-words vocabulary never grows past this many terms (SPEC §3). */
export const vocabTermsMax = 4096;

/** At most this many terms come from the task text (reference `_build_vocab`). */
export const taskVocabTermsMax = 64;

/** At most this many private terms an agent appends when it participates. */
export const privateTermsMax = 8;

/** Vocabulary terms are longer than this many characters. */
export const termLengthMin = 3;

/** Semantic vectors an agent remembers for its epistemic stability. */
export const semanticHistoryMax = 10;

/** Outcomes a `ResolveMemo` keeps before it forgets the oldest. */
export const memoOutcomesMax = 1024;

/** Decimal places of a per-axis similarity and of a pentadic score in an outcome. */
export const scoreDecimals = 4;
