import { describe, expect, it } from 'vitest';
import { cosine } from '../vec';
import { checkRecords } from './checkRecords';
import { demoCluster } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import { reconciledSemantics, scoreRecords } from './scoreRecords';
import type { Round } from './types';

/** Two agents extend copies of one round with different private words, as over a transport. */
function divergentRound(): Round {
  const agents = demoCluster(4);
  const roster = agents.map((agent) => agent.id);
  const round = agents[0]!.propose({ description: 'choose the cache' }, { roster });
  const copies = agents.map(() => structuredClone(round));
  agents[0]!.participate(copies[0]!, 'alpha bravo');
  agents[1]!.participate(copies[1]!, 'yankee zulu');
  agents[2]!.participate(copies[2]!, 'cache');
  agents[3]!.participate(copies[3]!, 'cache');
  for (const copy of copies) Object.assign(round.evaluations, copy.evaluations);
  return round;
}

describe('scoreRecords', () => {
  it('aligns records that extended the vocabulary differently on one sorted basis', () => {
    const round = divergentRound();
    const [a0, a1] = [round.evaluations.a0!, round.evaluations.a1!];
    expect(a0.vocab!.slice(-2)).toEqual(['alpha', 'bravo']);
    expect(a1.vocab!.slice(-2)).toEqual(['yankee', 'zulu']);
    const naive = cosine(a0.semantic, a1.semantic);
    const verdicts = checkRecords(round, new ResolveMemo(), true);
    expect(verdicts.every((v) => !v.tampered)).toBe(true);
    const aligned = reconciledSemantics(verdicts, 'bow');
    expect(aligned.get('a0')).toHaveLength(6);
    expect(cosine(aligned.get('a0')!, aligned.get('a1')!)).toBeLessThan(naive);
    expect(cosine(aligned.get('a0')!, aligned.get('a1')!)).toBeCloseTo(2 / 4, 9);
  });

  it('leaves a single shared vocabulary’s cosines unchanged', () => {
    const agents = demoCluster(4);
    const round = agents[0]!.propose({ description: 'choose the cache' });
    const texts = ['cache', 'alpha', 'cache bravo', 'alpha cache'];
    agents.forEach((agent, i) => agent.participate(round, texts[i]!));
    const verdicts = checkRecords(round, new ResolveMemo(), true);
    const aligned = reconciledSemantics(verdicts, 'bow');
    const raw = round.evaluations;
    const before = cosine(raw.a1!.semantic, raw.a3!.semantic);
    expect(cosine(aligned.get('a1')!, aligned.get('a3')!)).toBeCloseTo(before, 12);
  });

  it('drops the relational axis and renormalises without a roster', () => {
    const agents = demoCluster(4);
    const round = agents[0]!.propose({ description: 'choose the cache' });
    agents.forEach((agent) => agent.participate(round, 'cache'));
    const verdicts = checkRecords(round, new ResolveMemo(), true);
    const options = { rosterKnown: false, embed: 'bow', trimFor: () => 1 } as const;
    const { perAxis, pentadic } = scoreRecords(verdicts, options);
    const scores = perAxis.a2!;
    expect(scores.relational).toBe(1);
    const { semantic, affective, epistemic, behavioral } = scores;
    const expected = (semantic * 0.25 + affective * 0.2 + epistemic * 0.15 + behavioral * 0.15) / 0.75;
    expect(pentadic.a2).toBeCloseTo(expected, 12);
  });
});
