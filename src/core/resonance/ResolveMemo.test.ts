import { describe, expect, it } from 'vitest';
import { VerifyMemo } from '../crypto';
import { memoOutcomesMax } from './constants';
import { demoRound } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import type { Round } from './types';

describe('ResolveMemo', () => {
  it('verifies each signed record once across resolvers sharing it', () => {
    const { agents, round } = demoRound(7);
    const memo = new ResolveMemo({ verify: new VerifyMemo() });
    for (const agent of agents) agent.resolve(structuredClone(round), { memo });
    expect(memo.verify.size).toBe(7);
    expect(memo.outcomeHits).toBe(6);
  });

  it('with immutable records, remembers inspections and signature checks per record object', () => {
    const { agents, round } = demoRound(7);
    const memo = new ResolveMemo({ immutableRecords: true });
    agents[0]!.resolve(round, { memo });
    const verifications = memo.verify.size + memo.verify.hits;
    // A replica's own round object holding the same (shared, frozen) records.
    const replica: Round = { ...structuredClone({ ...round, evaluations: {} }), evaluations: round.evaluations };
    expect(agents[1]!.resolve(replica, { memo }).status).toBe('committed');
    expect(memo.verify.size + memo.verify.hits).toBe(verifications);
    expect(Object.isFrozen(round.evaluations.a1!.semantic)).toBe(true);
  });

  it('still rejects a shared record replayed into another round', () => {
    const first = demoRound(7);
    const second = demoRound(7, { seed: 'other' });
    const memo = new ResolveMemo({ immutableRecords: true });
    first.agents[0]!.resolve(first.round, { memo });
    second.round.evaluations.a3 = first.round.evaluations.a3!;
    expect(second.agents[0]!.resolve(second.round, { memo }).tamperedAgents).toEqual(['a3']);
  });

  it('forgets the oldest outcome beyond its bound', () => {
    const memo = new ResolveMemo();
    const { agents, round } = demoRound(4);
    const outcome = agents[0]!.resolve(round);
    for (let i = 0; i <= memoOutcomesMax; i++) memo.remember(`key${i}`, { outcome });
    expect(memo.outcome('key0')).toBeUndefined();
    expect(memo.outcome(`key${memoOutcomesMax}`)).toBeDefined();
  });
});
