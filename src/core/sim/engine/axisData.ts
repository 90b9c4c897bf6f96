import { AXES, type Outcome, type TrustStore } from '../../resonance';
import type { EngineView } from './engineView';

/** What scoring reads of the engine. */
type ScoringEngine = Pick<EngineView, 'emit' | 'index' | 'scoredRounds' | 'tick'>;

/** Decimals of every per-axis number in the trace (as `Outcome.perAxis` already is). */
const axisDecimals = 4;
/** Agents per `roundScored` event: 7 numbers a row, about 6 KB of JSON at most. */
export const scoredRowsMax = 200;
/**
 * Largest n whose `trustUpdated` carries per-axis trust and whose `deliberated` carries
 * per-axis diameters.
 * Policy: above it the trust heat map cannot draw one cell per pair anyway, per-axis trust
 * would grow the trace by 5n² numbers a round (at n = 200 a `trustUpdated` is already about
 * 10 KB), and the diameters cost O(n²·d) a step (about 20 ms a step at n = 200, against
 * seconds for the round); the panels say the data is absent and why.
 */
export const axisDataAgentsMax = 200;

/** A trace number kept to 4 decimals: scores, trust, positions (quantised before hashing). */
export function round4(value: number): number {
  // The fast path of `quantiseNumber`, at 4 places: trust and reputation are already rounded
  // to 4 places, and a trust row at n = 1000 is 10³ of them per commit.
  if (value === 0) return 0;
  if (Math.abs(value) < 1e8 && Math.round(value * 1e4) / 1e4 === value) return value;
  return Number(value.toFixed(axisDecimals));
}

/**
 * The resolver's per-agent, per-axis similarity to the committed centroids, right after its
 * `roundResolved`: rows `[agentIndex, semantic, affective, relational, epistemic, behavioral,
 * pentadic]` sorted by agent index, chunked by `scoredRowsMax` so no event outgrows a streamed
 * batch (SPEC §8). Once per (round, view): an outcome without scores (an early abort) emits none.
 */
export function emitScored(
  engine: ScoringEngine,
  agent: number,
  roundNo: number,
  view: number,
  outcome: Outcome,
): void {
  const key = `${roundNo}:${view}`;
  if (engine.scoredRounds.has(key)) return;
  const rows = scoreRows(outcome, (id) => engine.index(id));
  if (rows.length === 0) return;
  engine.scoredRounds.add(key);
  for (let from = 0; from < rows.length; from += scoredRowsMax) {
    engine.emit({
      t: engine.tick, kind: 'roundScored', agent, roundNo, view, threshold: outcome.threshold,
      from, rows: rows.slice(from, from + scoredRowsMax),
    });
  }
}

/** `Outcome.perAxis` as index rows, sorted by agent index, 4 decimals. */
export function scoreRows(outcome: Outcome, index: (id: string) => number): number[][] {
  return Object.entries(outcome.perAxis ?? {})
    .map(([id, scores]) => [
      index(id),
      ...AXES.map((axis) => round4(scores[axis])),
      round4(scores.pentadic),
    ])
    .sort((a, b) => a[0]! - b[0]!);
}

/**
 * `me`'s per-axis trust in every peer, `[axisIndex][peerIndex]` in `AXES` order, 4 decimals;
 * undefined above `axisDataAgentsMax` agents.
 */
export function axisTrustRows(
  store: TrustStore,
  me: string,
  roster: readonly string[],
): number[][] | undefined {
  if (roster.length > axisDataAgentsMax) return undefined;
  return AXES.map((axis) => roster.map((peer) => round4(store.axisTrust(me, peer, axis))));
}

/**
 * Per step, per axis: the largest pairwise Euclidean distance among the agents on that axis's
 * slice of the combined vector (`[step][axisIndex]`, 4 decimals). A full combined vector is
 * semantic (S), affective (2), relational (n), epistemic (2), behavioral (2), so S is what
 * the other slices leave. Undefined above `axisDataAgentsMax` agents.
 */
export function axisDiameters(
  positions: readonly (readonly (readonly number[])[])[],
): number[][] | undefined {
  const agentCount = positions[0]?.length ?? 0;
  if (agentCount === 0 || agentCount > axisDataAgentsMax) return undefined;
  const width = positions[0]![0]!.length;
  const widths = [width - 6 - agentCount, 2, agentCount, 2, 2];
  if (widths[0]! < 0) return undefined;
  const bounds = [0];
  for (const w of widths) bounds.push(bounds.at(-1)! + w);
  return positions.map((rows) => stepDiameters(rows, bounds));
}

/**
 * One step's five diameters. The rows are copied into one typed array first: the pair loop
 * is O(n²·d) (about 5M multiply-adds a step at n = 200), and flat typed reads keep it a few ms.
 */
function stepDiameters(rows: readonly (readonly number[])[], bounds: readonly number[]): number[] {
  const n = rows.length;
  const dim = bounds[AXES.length]!;
  const flat = new Float64Array(n * dim);
  rows.forEach((row, i) => flat.set(row.length === dim ? row : row.slice(0, dim), i * dim));
  const out: number[] = [];
  for (let axis = 0; axis < AXES.length; axis++) {
    const lo = bounds[axis]!;
    const hi = bounds[axis + 1]!;
    let best = 0;
    for (let i = 0; i < n; i++) {
      const a = i * dim;
      for (let j = i + 1; j < n; j++) {
        const b = j * dim;
        let squares = 0;
        for (let c = lo; c < hi; c++) {
          const d = flat[a + c]! - flat[b + c]!;
          squares += d * d;
        }
        if (squares > best) best = squares;
      }
    }
    out.push(round4(Math.sqrt(best)));
  }
  return out;
}
