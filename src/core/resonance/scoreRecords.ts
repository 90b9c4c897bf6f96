import { setBounded } from '../boundedMap';
import { dot, norm, normalise, TrimmedMeanTracker } from '../vec';
import { AXES, commitWeights, type Axis } from './axes';
import type { RecordVerdict } from './checkRecords';
import { scoreDecimals, vocabTermsMax } from './constants';
import { roundHalfEven } from '../roundHalfEven';
import type { AxisScores, EmbedMode } from './types';

/**
 * Steps 5 to 9 of reference §2.3 `resolve`: per-axis centroids over the records that passed the
 * tamper check, and each agent's similarity to them.
 *
 * Policy: nothing resolver-local enters here: no trust, no reputation, no learned weights or
 * threshold. The centroid is an unweighted trimmed mean of sealed vectors and the weights are
 * fixed, so every honest resolver scores every agent identically (resolver independence).
 */

export interface ScoreOptions {
  /** The round has a roster, so sealed relational vectors are comparable. */
  rosterKnown: boolean;
  embed: EmbedMode;
  /** The trim for a centroid built from k records. */
  trimFor: (k: number) => number;
}

export interface Scores {
  perAxis: Record<string, AxisScores>;
  /** Unrounded pentadic scores, which gate the quorum. */
  pentadic: Record<string, number>;
}

export function scoreRecords(verdicts: readonly RecordVerdict[], options: ScoreOptions): Scores {
  const formed = verdicts.filter((verdict) => verdict.inspection.wellFormed);
  const semantics = reconciledSemantics(formed, options.embed);
  const neutral = new Array<number>(verdicts.length).fill(1 / Math.sqrt(verdicts.length));
  const axisVector = (verdict: RecordVerdict, axis: Axis): number[] => {
    if (axis === 'semantic') return semantics.get(verdict.aid)!;
    if (axis === 'relational' && !options.rosterKnown) return neutral;
    return verdict.inspection.axes![axis];
  };
  // Tampered records never shape the centroid; if every record is tampered the round aborts
  // anyway, and the centroid falls back to the well-formed ones only to report scores.
  const honest = formed.filter((verdict) => !verdict.tampered);
  const sources = honest.length > 0 ? honest : formed;
  const trim = options.trimFor(sources.length);
  const centroids = {} as Record<Axis, number[]>;
  const centroidNorms = {} as Record<Axis, number>;
  for (const axis of AXES) {
    const mean = trackers[axis].mean(sources.map((verdict) => axisVector(verdict, axis)), trim);
    centroids[axis] = normalise(mean);
    centroidNorms[axis] = norm(centroids[axis]) || 1;
  }
  const weights = commitWeights(options.rosterKnown);
  const perAxis: Record<string, AxisScores> = {};
  const pentadic: Record<string, number> = {};
  for (const verdict of verdicts) {
    const scores = {} as AxisScores;
    let total = 0;
    for (const axis of AXES) {
      // Policy: a malformed record scores −1 on every axis (never NaN), so it can never join
      // a quorum and the outcome stays plain JSON.
      const similarity = verdict.inspection.wellFormed
        ? roundHalfEven(cosineTo(axisVector(verdict, axis), centroids[axis], centroidNorms[axis]), scoreDecimals)
        : -1;
      scores[axis] = similarity;
      total += weights[axis] * similarity;
    }
    scores.pentadic = roundHalfEven(total, scoreDecimals);
    perAxis[verdict.aid] = scores;
    pentadic[verdict.aid] = total;
  }
  return { perAxis, pentadic };
}

/**
 * The centroids' trimmed means, one tracker per axis. Policy: shared by every resolver on the
 * thread (a leader's repeated resolutions extend the same sets; anything else falls back to the
 * one-off computation with the same bits), and the vectors it holds are inspected records'
 * or their reconciled semantics, which are never changed once made.
 */
const trackers = Object.fromEntries(AXES.map((axis) => [axis, new TrimmedMeanTracker()])) as Record<
  Axis,
  TrimmedMeanTracker
>;

/**
 * `cosine(v, centroid)` bit for bit, given the centroid's norm (0 read as 1); a vector's own
 * norm is computed once per vector, since the same records are scored at every resolution.
 */
function cosineTo(v: readonly number[], centroid: readonly number[], centroidNorm: number): number {
  let size = norms.get(v);
  if (size === undefined) {
    size = norm(v) || 1;
    norms.set(v, size);
  }
  return dot(v, centroid) / (size * centroidNorm);
}

/** Norms of scored vectors by identity (the same immutable vectors `trackers` relies on). */
const norms = new WeakMap<readonly number[], number>();

/**
 * Each record's semantic vector in one shared basis (reference `_reconcile_bow_semantics`).
 *
 * Over a transport, agents may extend the vocabulary with different private words, so
 * coordinate k of two records can name different words. With at least two bag-of-words
 * records, every record's `semantic[i]` moves to the position of `vocab[i]` in the sorted
 * union of the records' vocabularies (capped at 4096 terms). With one shared append-only
 * vocabulary this only permutes coordinates, which changes no cosine.
 */
export function reconciledSemantics(
  formed: readonly RecordVerdict[],
  embed: EmbedMode,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const verdict of formed) out.set(verdict.aid, verdict.inspection.axes!.semantic);
  const withVocab = formed.filter((verdict) => verdict.inspection.vocab !== undefined);
  if (embed !== 'bow' || withVocab.length < 2) return out;
  const union = new Set<string>();
  for (const verdict of withVocab) for (const term of verdict.inspection.vocab!) union.add(term);
  const canonical = internedVocab([...union].sort().slice(0, vocabTermsMax));
  let index: Map<string, number> | undefined;
  for (const verdict of withVocab) {
    const { vocab, axes } = verdict.inspection;
    const known = reconciled.get(verdict.inspection);
    if (known !== undefined && known.canonical === canonical) {
      out.set(verdict.aid, known.vector);
      continue;
    }
    index ??= new Map(canonical.map((term, i) => [term, i]));
    const vector = new Array<number>(canonical.length).fill(0);
    for (let i = 0; i < vocab!.length; i++) {
      const position = index.get(vocab![i]!);
      if (position !== undefined) vector[position] = axes!.semantic[i]!;
    }
    reconciled.set(verdict.inspection, { canonical, vector });
    out.set(verdict.aid, vector);
  }
  return out;
}

/**
 * Each inspected record's semantic vector in the last shared basis it was placed in; a pure
 * cache by inspection identity (records are inspected once, `ResolveMemo`). Policy: a leader
 * resolves at each record it receives from n−f on, and the union of vocabularies rarely
 * changes between two arrivals, so every record already placed keeps its vector. Callers
 * only read these vectors (not frozen: a frozen array of numbers is slow to read in V8).
 */
const reconciled = new WeakMap<object, { canonical: readonly string[]; vector: number[] }>();

/** Recent shared bases by content, so an unchanged union is the same array. */
const vocabs = new Map<string, readonly string[]>();
const vocabsMax = 16;

function internedVocab(terms: readonly string[]): readonly string[] {
  const key = terms.join('\u0000');
  const known = vocabs.get(key);
  if (known !== undefined) return known;
  setBounded(vocabs, key, terms, vocabsMax);
  return terms;
}
