import { hsl, interpolateCividis, scaleSequential } from 'd3';
import type { SimEvent, StreamEvent } from '../../../worker/api';

type ScoredEvent = Extract<SimEvent, { kind: 'roundScored' }>;
type ResolvedEvent = Extract<SimEvent, { kind: 'roundResolved' }>;

/** Column labels of the five axes, in the trace's `AXES` order. */
export const axisLabels = ['Sem', 'Aff', 'Rel', 'Epi', 'Beh'] as const;
export const axisNames = ['semantic', 'affective', 'relational', 'epistemic', 'behavioral'] as const;

/**
 * The alignment bands of the pentadic report (core `alignmentBand`; the page may not import
 * core values, so the four floors are repeated here and tested against the same cases).
 */
const bands: readonly [number, AlignmentBand][] = [
  [0.9, 'strong'],
  [0.75, 'moderate'],
  [0.6, 'borderline'],
];
export type AlignmentBand = 'strong' | 'moderate' | 'borderline' | 'weak';

export function alignmentBand(score: number): AlignmentBand {
  return bands.find(([floor]) => score >= floor)?.[1] ?? 'weak';
}

/** One scored (round, view), its chunks joined. */
export interface ScoredRound {
  key: string;
  roundNo: number;
  view: number;
  t: number;
  /** The leader that resolved. */
  agent: number;
  threshold: number;
  status: 'committed' | 'aborted' | null;
  tamperedAgents: number[];
  rows: number[][];
}

export interface PentadicRow {
  agentIndex: number;
  /** Five axis scores in `axisLabels` order; null for a tampered record the trace left unscored. */
  axes: (number | null)[];
  overall: number | null;
  passes: boolean;
  band: AlignmentBand | null;
  tampered: boolean;
}

export interface PentadicTable {
  round: ScoredRound;
  rows: PentadicRow[];
  /** Rows past the cap, when not all are shown. */
  hiddenCount: number;
}

/**
 * Every scored round up to `tick`, oldest first: the `roundScored` chunks of one (round, view)
 * joined, with the status and tampered agents of the `roundResolved` the same leader emitted
 * just before them.
 */
export function scoredRoundsUpTo(events: readonly StreamEvent[], tick: number): ScoredRound[] {
  const rounds = new Map<string, ScoredRound>();
  let resolved: ResolvedEvent | null = null;
  for (const event of events) {
    if (event.t > tick) break;
    if (event.kind === 'roundResolved') resolved = event;
    if (event.kind !== 'roundScored') continue;
    const key = `${event.roundNo}:${event.view}`;
    const round = rounds.get(key) ?? startRound(event, key, resolved);
    round.rows.push(...event.rows);
    rounds.set(key, round);
  }
  return [...rounds.values()];
}

function startRound(event: ScoredEvent, key: string, resolved: ResolvedEvent | null): ScoredRound {
  const same =
    resolved !== null &&
    resolved.roundNo === event.roundNo &&
    resolved.view === event.view &&
    resolved.agent === event.agent;
  return {
    key,
    roundNo: event.roundNo,
    view: event.view,
    t: event.t,
    agent: event.agent,
    threshold: event.threshold,
    status: same ? resolved.status : null,
    tamperedAgents: same ? resolved.tamperedAgents : [],
    rows: [],
  };
}

/**
 * The table of one scored round: a row per agent sorted by index, tampered agents flagged
 * (and listed even when unscored), capped at `rowsMax` rows unless `rowsMax` is Infinity.
 */
export function pentadicTable(round: ScoredRound, rowsMax: number): PentadicTable {
  const tampered = new Set(round.tamperedAgents);
  const byAgent = new Map<number, PentadicRow>();
  for (const row of round.rows) {
    const agentIndex = row[0]!;
    const overall = row[6] ?? null;
    byAgent.set(agentIndex, {
      agentIndex,
      axes: axisLabels.map((_, a) => row[a + 1] ?? null),
      overall,
      passes: overall !== null && overall >= round.threshold,
      band: overall === null ? null : alignmentBand(overall),
      tampered: tampered.has(agentIndex),
    });
  }
  for (const agentIndex of tampered) {
    if (byAgent.has(agentIndex)) continue;
    const axes = axisLabels.map(() => null);
    byAgent.set(agentIndex, { agentIndex, axes, overall: null, passes: false, band: null, tampered: true });
  }
  const rows = [...byAgent.values()].sort((a, b) => a.agentIndex - b.agentIndex);
  const shown = rows.slice(0, rowsMax);
  return { round, rows: shown, hiddenCount: rows.length - shown.length };
}

/**
 * Cividis over [0, 1] (similarities below 0 take the darkest colour), with a text colour that
 * stays readable on it: dark text on the light yellow end, light text on the dark blue end.
 */
export function scoreColour(score: number): { fill: string; text: string } {
  const scale = scaleSequential(interpolateCividis).domain([0, 1]).clamp(true);
  const fill = scale(score);
  return { fill, text: hsl(fill).l > 0.5 ? '#1d2330' : '#ffffff' };
}
