import type { Scenario, SimEvent } from '../../worker/api';
import type { TraceIndex } from './traceIndex';

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
 * values for one round are a fork, which is what the agreement invariant forbids. Only honest
 * agents' commits count (a Byzantine replica may "commit" anything): pass the agents with a
 * Byzantine fault (`byzantineAgents`). Reads only the trace's commits (about n per round).
 */
export function decidedValues(
  trace: TraceIndex,
  byzantine: ReadonlySet<number> = noAgents,
): Map<number, DecidedValue[]> {
  const values = new Map<number, DecidedValue[]>();
  const byKey = new Map<string, DecidedValue>();
  for (const event of trace.kindUpTo('committed', Infinity)) {
    if (byzantine.has(event.agent)) continue;
    const valueId = valueKey(event);
    let value = byKey.get(valueId);
    if (value === undefined) {
      const round = values.get(event.roundNo) ?? [];
      value = {
        roundNo: event.roundNo, side: round.length, sideName: sideName(round.length), roundId: event.roundId,
        view: event.view, winner: event.winner, firstTick: event.t, commits: [],
      };
      round.push(value);
      values.set(event.roundNo, round);
      byKey.set(valueId, value);
    }
    value.commits.push({ agent: event.agent, t: event.t });
  }
  return values;
}

/** The agents with a Byzantine fault (silent agents are merely down, and honest). */
export function byzantineAgents(scenario: Scenario | null): ReadonlySet<number> {
  const agents = new Set<number>();
  for (const fault of scenario?.faults ?? []) {
    if (fault.kind !== 'silent') for (const agent of fault.agents) agents.add(agent);
  }
  return agents;
}

const noAgents: ReadonlySet<number> = new Set();

/** The rounds with two or more committed values by `tick`, each with its values seen by then. */
export function forksAt(
  trace: TraceIndex,
  tick: number,
  byzantine: ReadonlySet<number> = noAgents,
): DecidedValue[][] {
  const forks: DecidedValue[][] = [];
  for (const round of decidedValues(trace, byzantine).values()) {
    const seen = round.filter((value) => value.firstTick <= tick);
    if (seen.length > 1) forks.push(seen);
  }
  return forks;
}

/**
 * Policy: a commit's value key is cached per event (trace events never change). The ring, its
 * fork legend and the timeline ask for the decided values at every tick, and sorting each
 * commit's quorum again every time was a visible share of a tick's work at n = 100.
 */
const valueKeys = new WeakMap<Committed, string>();

function valueKey(event: Committed): string {
  let key = valueKeys.get(event);
  if (key === undefined) {
    key = `${event.roundNo}|${event.roundId}|${event.winner}|${[...event.quorumAgents].sort((a, b) => a - b).join(',')}`;
    valueKeys.set(event, key);
  }
  return key;
}

/** `A`, `B`, …: how the page names the values of a fork, in the order they were committed. */
export function sideName(side: number): string {
  return side < 26 ? String.fromCharCode(65 + side) : `#${side + 1}`;
}
