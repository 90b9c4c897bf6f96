/**
 * The word lists of reference §2.2 (`_vectors.py`) and the stance anchors of §2.5 and §2.7.
 *
 * Some lexicon words are also stop words ("might", "could"); stop words are removed before
 * counting, so those never count. That is the reference behaviour, kept on purpose.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but in on at to for of with by from is are was were be been being have has ' +
    'had do does did will would could should may might shall can need dare ought used it its ' +
    'this that these those').split(' '),
);

export const POSITIVE_WORDS: ReadonlySet<string> = new Set(
  ('good great excellent beneficial positive effective efficient optimal strong robust ' +
    'reliable superior outstanding promising favorable successful innovative accurate precise ' +
    'consistent').split(' '),
);

export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(
  ('bad poor ineffective negative weak unreliable inferior problematic concerning risky unstable ' +
    'inaccurate inconsistent limited inadequate flawed').split(' '),
);

export const HIGH_AROUSAL_WORDS: ReadonlySet<string> = new Set(
  ('urgent critical important significant essential crucial vital necessary must immediately ' +
    'now certainly definitely clearly strongly absolutely confidence confident sure ' +
    'certain').split(' '),
);

export const LOW_AROUSAL_WORDS: ReadonlySet<string> = new Set(
  ('perhaps maybe possibly uncertain unclear unsure doubtful questionable might could sometimes ' +
    'occasionally somewhat rather fairly generally usually').split(' '),
);

export const CERTAIN_WORDS: ReadonlySet<string> = new Set(
  ('definitely certainly clearly obviously undoubtedly absolutely necessarily always proven ' +
    'confirmed verified established demonstrated conclusively known').split(' '),
);

export const UNCERTAIN_WORDS: ReadonlySet<string> = new Set(
  ('perhaps maybe possibly uncertain unclear unsure ambiguous debatable questionable speculate ' +
    'estimate tentative preliminary approximate').split(' '),
);

/** Stance words of the demo embedding (reference §2.7). */
export const STANCE_PRO_WORDS: ReadonlySet<string> = new Set(
  'approve accept agree support endorse favor yes proceed keep'.split(' '),
);
export const STANCE_CON_WORDS: ReadonlySet<string> = new Set(
  'reject oppose deny refuse veto disagree no against block'.split(' '),
);

/** Antonym anchors of the polarity direction (reference §2.5 Polarity). */
export const POLARITY_PRO_ANCHORS: readonly string[] = [
  'approve', 'accept', 'agree', 'support', 'endorse', 'favor', 'yes', 'proceed',
  'keep it', 'ship it', 'in favor',
];
export const POLARITY_CON_ANCHORS: readonly string[] = [
  'reject', 'oppose', 'deny', 'refuse', 'veto', 'disagree', 'no', 'halt',
  'drop it', 'block it', 'against it',
];

/** The topics of the reference scenario's rounds (reference §2.7 Round task). */
export const DEMO_TOPICS: readonly string[] = [
  'budget', 'timeout', 'rollout', 'schema', 'indexing', 'caching',
];
