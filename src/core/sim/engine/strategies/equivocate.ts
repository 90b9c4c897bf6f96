import type { Round } from '../../../resonance';
import { wellFormedValue } from '../replica/certificates';
import { honestReplica } from '../replica/honestReplica';
import { collectingRound, maybeResolve } from '../replica/leader';
import { Out } from '../replica/out';
import type { Handler, Payload, ReplicaContext, ReplicaState, Value } from '../replica/types';
import { castVote } from '../replica/votes';

/**
 * An `equivocate` agent (SPEC §4): it seals two different evaluations and sends each to half
 * of its peers; it votes for every value it is shown, in both phases at once; and as leader,
 * once every record is in, it proposes two values that both commit with different winners
 * (all records, and all but the first winner's), one to each half of the honest replicas and
 * both to its fellow equivocators. With f such agents two 2f+1 vote quorums can both fill
 * (they share only Byzantine agents); two n−f quorums cannot. Everything else is honest.
 */
export function equivocateStrategy(colluders: readonly number[]): Handler<ReplicaState> {
  return (state, input, ctx) => {
    const out = new Out();
    if (input.kind === 'sealed' && input.records.length > 1) {
      for (let to = 0; to < ctx.n; to++) {
        if (to === state.index) continue;
        const record = to < ctx.n / 2 ? input.records[0]! : input.records[1]!;
        const { id, view } = input.round;
        out.send(to, { type: 'E', roundNo: state.roundNo, view, aid: record.aid, roundId: id, record });
      }
      return { state, effects: out.effects };
    }
    if (input.kind !== 'message') return honestReplica(state, input, ctx);
    const { payload } = input;
    if (payload.type === 'P' && payload.roundNo === state.roundNo && wellFormedValue(payload.value, state.roundNo)) {
      voteBoth(state, ctx, out, payload.view, payload.value);
      return { state, effects: out.effects };
    }
    if (payload.type === 'E' && collectingRound(state) !== null) {
      collect(state, ctx, out, input.from, payload, colluders);
      return { state, effects: out.effects };
    }
    return honestReplica(state, input, ctx);
  };
}

function voteBoth(state: ReplicaState, ctx: ReplicaContext, out: Out, view: number, value: Value): void {
  const digest = ctx.valueDigest(value);
  state.current.values[digest] = value;
  castVote(state, ctx, out, 'prepare', view, value, digest, `${view}:prepare:${digest}`);
  castVote(state, ctx, out, 'commit', view, value, digest, `${view}:commit:${digest}`);
}

function collect(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  from: number,
  payload: Extract<Payload, { type: 'E' }>,
  colluders: readonly number[],
): void {
  const round = collectingRound(state)!;
  if (payload.roundId !== round.id || payload.aid !== `a${from}` || typeof payload.record !== 'object') return;
  if (payload.record === null || Object.hasOwn(round.evaluations, payload.aid)) return;
  round.evaluations[payload.aid] = payload.record;
  if (Object.keys(round.evaluations).length < ctx.n) return;
  const values = twoValues(state, ctx, round);
  if (values === null) return maybeResolve(state, ctx, out);
  state.current.proposedView = state.view;
  // Both resolutions go in the trace, so the page can show the leader resolving twice; the
  // round is deliberated once, on all the records, as an honest leader's would be.
  for (const value of values) {
    out.push({ kind: 'resolved', roundNo: state.roundNo, view: state.view, outcome: ctx.resolve(state.index, value.round) });
  }
  out.push({ kind: 'deliberate', roundNo: state.roundNo, round: values[0].round });
  const honest = Array.from({ length: ctx.n }, (_, i) => i).filter((i) => i !== state.index && !colluders.includes(i));
  const half = Math.ceil(honest.length / 2);
  honest.forEach((to, position) => out.send(to, proposal(state, values[position < half ? 0 : 1]!)));
  for (const to of colluders) {
    if (to === state.index) continue;
    for (const value of values) out.send(to, proposal(state, value));
  }
  for (const value of values) voteBoth(state, ctx, out, state.view, value);
}

function proposal(state: ReplicaState, value: Value): Payload {
  return { type: 'P', roundNo: state.roundNo, view: state.view, value, justify: null };
}

/** Two evidence sets of one round that both commit, with different winners; null if none. */
function twoValues(state: ReplicaState, ctx: ReplicaContext, round: Round): [Value, Value] | null {
  const first = ctx.resolve(state.index, round);
  if (first.status !== 'committed') return null;
  const rest = { ...round.evaluations };
  delete rest[first.winner!];
  const secondRound: Round = { ...round, evaluations: rest };
  const second = ctx.resolve(state.index, secondRound);
  if (second.status !== 'committed' || second.winner === first.winner) return null;
  const valueOf = (r: Round, winner: string): Value => ({
    roundNo: state.roundNo, roundId: r.id, decision: 'commit', winner, round: { ...r, evaluations: { ...r.evaluations } },
  });
  return [valueOf(round, first.winner!), valueOf(secondRound, second.winner!)];
}
