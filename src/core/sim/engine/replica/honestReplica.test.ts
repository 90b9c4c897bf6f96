import { describe, expect, it } from 'vitest';
import { VerifyMemo } from '../../../crypto';
import { ResolveMemo, ResonanceAgent } from '../../../resonance';
import { withDefaults } from '../../scenario';
import { replicaContext } from '../replicaContext';
import { honestReplica } from './honestReplica';
import { freshReplica } from './out';
import type { Certificate, Effect, ReplicaState, Value } from './types';

const scenario = withDefaults({ v: 1, seed: 1, protocol: 'resonance', n: 4, rounds: 2 });
const agents = ['a0', 'a1', 'a2', 'a3'].map((id) => new ResonanceAgent(id, { seed: 1, expectedN: 4 }));
const verifyMemo = new VerifyMemo();
const ctx = replicaContext({
  scenario, agents, verifyMemo, memo: new ResolveMemo({ verify: verifyMemo, immutableRecords: true }),
  indexOf: (id) => (typeof id === 'string' && /^a[0-3]$/.test(id) ? Number(id.slice(1)) : null),
  now: () => 0,
});
const kinds = (effects: Effect[]) => effects.map((effect) => effect.kind);

/** A replica that decided round 1 (value and certificate made up: only its shape matters here). */
function decidedReplica(): ReplicaState {
  const state = freshReplica(2);
  const round = agents[0]!.propose({ description: 'test' }, { view: 0, roster: ['a0', 'a1', 'a2', 'a3'] });
  const value: Value = { roundNo: 1, roundId: round.id, decision: 'no-agreement', winner: null, round };
  const cert: Certificate = { roundNo: 1, view: 0, phase: 'commit', roundId: round.id, digest: 'd', votes: [] };
  return { ...state, roundNo: 2, committedRounds: 1, decided: { 1: { value, cert } } };
}

describe('the honest replica as a state machine', () => {
  it('as the first leader, arms its view timer and asks the engine to mint a round', () => {
    const { effects } = honestReplica(freshReplica(0), { kind: 'start' }, ctx);
    expect(effects).toEqual([
      { kind: 'timer', timer: 'view', roundNo: 1, view: 0, afterTicks: 40 },
      { kind: 'propose', roundNo: 1, view: 0 },
    ]);
  });

  it('as a follower, only arms its view timer', () => {
    expect(kinds(honestReplica(freshReplica(1), { kind: 'start' }, ctx).effects)).toEqual(['timer']);
  });

  it('on its view timeout, moves to the next view and announces it with the lock it holds (none)', () => {
    const { state, effects } = honestReplica(freshReplica(1), { kind: 'timer', timer: 'view', roundNo: 1, view: 0 }, ctx);
    expect(state.view).toBe(1);
    const announce = effects.find((effect) => effect.kind === 'broadcast');
    expect(announce).toEqual({ kind: 'broadcast', payload: { type: 'NV', roundNo: 1, view: 1, by: 'a1', lock: null } });
    expect(state.current.newViews['1']).toEqual({ a1: null });
  });

  it('ignores a stale timer: its state and effects are unchanged', () => {
    const before = freshReplica(1);
    const { state, effects } = honestReplica(structuredClone(before), { kind: 'timer', timer: 'view', roundNo: 1, view: 7 }, ctx);
    expect(state).toEqual(before);
    expect(effects).toEqual([]);
  });

  it('answers a lagging peer\'s new-view with the commit certificate, once per view it asks in', () => {
    const nv = (view: number) => ({ kind: 'message' as const, from: 3, id: 9, payload: { type: 'NV' as const, roundNo: 1, view, by: 'a3', lock: null } });
    let state = decidedReplica();
    const first = honestReplica(state, nv(1), ctx);
    state = first.state;
    expect(first.effects).toEqual([{ kind: 'send', to: 3, payload: { type: 'C', roundNo: 1, ...state.decided['1']! } }]);
    expect(honestReplica(state, nv(1), ctx).effects).toEqual([]);
    expect(kinds(honestReplica(state, nv(2), ctx).effects)).toEqual(['send']);
  });

  it('is a function of (state, input): the same state and input give the same effects', () => {
    const input = { kind: 'timer' as const, timer: 'view' as const, roundNo: 1, view: 0 };
    const a = honestReplica(freshReplica(2), input, ctx);
    const b = honestReplica(freshReplica(2), input, ctx);
    expect(a).toEqual(b);
    expect(structuredClone(a.state)).toEqual(a.state);
  });
});
