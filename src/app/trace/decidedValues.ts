import type { SimEvent, StreamEvent } from '../../worker/api';

type Committed = Extract<SimEvent, { kind: 'committed' }>;

/** One value some honest replica committed for a round: the commits of one side of a fork. */
export interface DecidedValue {
  roundNo: number;
  /** 0 for the round's first committed value, 1 for a conflicting second, …: the fork's side. */
  side: number;
  /** `A`, `B`, …: the side's name on the page. */
  sideName: string;
  roundId: string;
  view: number;
  winner: number | null;
  /** The tick of this value's first commit. */
  firstTick: number;
  /** The agents that committed this value, with the tick of each commit. */
  commits: { agent: number; t: number }[];
}

/**
 * The values committed per round, from the trace. Two commits are of one value when they agree
 * on the round id, the winner and the counted records (what the proposal's digest covers); two
 * values for one round are a fork, which is what the agreement invariant forbids. Cached per
 * trace array (rebuilt if the array has grown).
 */
export function decidedValues(events: readonly StreamEvent[]): Map<number, DecidedValue[]> {
  const cached = byTrace.get(events);
  if (cached && cached.length === events.length) return cached.values;
  const values = new Map<number, DecidedValue[]>();
  const byKey = new Map<string, DecidedValue>();
  for (const event of events) {
    if (event.kind !== 'committed') continue;
    const key = valueKey(event);
    let value = byKey.get(key);
    if (value === undefined) {
      const round = values.get(event.roundNo) ?? [];
      value = {
        roundNo: event.roundNo, side: round.length, sideName: sideName(round.length), roundId: event.roundId,
        view: event.view, winner: event.winner, firstTick: event.t, commits: [],
      };
      round.push(value);
      values.set(event.roundNo, round);
      byKey.set(key, value);
    }
    value.commits.push({ agent: event.agent, t: event.t });
  }
  byTrace.set(events, { length: events.length, values });
  return values;
}

/** The rounds with two or more committed values by `tick`, each with its values seen by then. */
export function forksAt(events: readonly StreamEvent[], tick: number): DecidedValue[][] {
  const forks: DecidedValue[][] = [];
  for (const round of decidedValues(events).values()) {
    const seen = round.filter((value) => value.firstTick <= tick);
    if (seen.length > 1) forks.push(seen);
  }
  return forks;
}

const byTrace = new WeakMap<readonly StreamEvent[], { length: number; values: Map<number, DecidedValue[]> }>();

function valueKey(event: Committed): string {
  return `${event.roundNo}|${event.roundId}|${event.winner}|${[...event.quorumAgents].sort((a, b) => a - b).join(',')}`;
}

function sideName(side: number): string {
  return side < 26 ? String.fromCharCode(65 + side) : `#${side + 1}`;
}
