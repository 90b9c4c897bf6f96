import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsensusProtocol } from './ConsensusProtocol';
import { compareBlocs, detectVotingBlocs } from './detectVotingBlocs';
import { VoteValue, type VoteValueT } from './types';

/** Runs `times` proposals on which each listed voter votes as given. */
function rounds(
  protocol: ConsensusProtocol,
  times: number,
  votes: Record<string, VoteValueT>,
): void {
  for (let round = 0; round < times; round++) {
    const id = protocol.propose(protocol.voterIds[0]!, 'quarantine');
    for (const [voterId, value] of Object.entries(votes)) protocol.vote(id, voterId, value);
    protocol.tally(id);
  }
}

const five = () => new ConsensusProtocol(['a', 'b', 'c', 'd', 'e']);

describe('detectVotingBlocs', () => {
  it('finds {a, b, c} and {d, e} when they always vote together', () => {
    const protocol = five();
    rounds(protocol, 3, { a: 'approve', b: 'approve', c: 'approve', d: 'reject', e: 'reject' });
    expect(protocol.detectVotingBlocs(0.9)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it.each([[['a', 'b', 'c']], [['c', 'b', 'a']]])(
    'finds both {a, b} and {b, c} at 90%% when a and c agree only 80%%, registered as %j',
    (order) => {
      const protocol = new ConsensusProtocol(order);
      rounds(protocol, 10, { a: 'approve', b: 'approve', c: 'reject' });
      rounds(protocol, 10, { a: 'approve', b: 'reject', c: 'reject' });
      rounds(protocol, 80, { a: 'approve', b: 'approve', c: 'approve' });
      expect(protocol.voterAgreementMatrix().a!.c).toBeCloseTo(0.8, 12);
      expect(protocol.detectVotingBlocs(0.9)).toEqual([['a', 'b'], ['b', 'c']]);
    },
  );

  it('finds a and c, who always agree, whatever the others do', () => {
    const protocol = five();
    rounds(protocol, 5, { a: 'approve', b: 'approve', c: 'approve', d: 'reject', e: 'reject' });
    rounds(protocol, 5, { a: 'approve', b: 'reject', c: 'approve', d: 'approve', e: 'reject' });
    expect(protocol.detectVotingBlocs(0.9)).toEqual([['a', 'c']]);
    expect(protocol.detectVotingBlocs(0.5)).toEqual([
      ['a', 'b', 'c'],
      ['a', 'c', 'd'],
      ['b', 'e'],
      ['d', 'e'],
    ]);
  });

  it('sorts blocs largest first, then by sorted members, whatever the registration order', () => {
    const ids = ['z', 'y', 'x', 'b', 'a', 'c', 'w'];
    const group: Record<string, number> = { a: 0, b: 0, c: 0, x: 1, y: 1, w: 2, z: 2 };
    const rate = (i: number, j: number) => (group[ids[i]!] === group[ids[j]!] ? 1 : 0);
    const blocs = detectVotingBlocs(ids, rate, 0.9);
    expect(blocs).toEqual([['a', 'b', 'c'], ['w', 'z'], ['x', 'y']]);
  });

  it('finds no bloc among voters who never voted', () => {
    expect(five().detectVotingBlocs()).toEqual([]);
  });

  it('refuses a threshold outside (0, 1]', () => {
    for (const threshold of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => five().detectVotingBlocs(threshold)).toThrow('Threshold must be in (0, 1]');
    }
    expect(() => five().detectVotingBlocs(1)).not.toThrow();
  });

  it('reports exactly the maximal cliques of two or more at the threshold (property)', () => {
    const pattern = fc.integer({ min: 2, max: 8 }).chain((voterCount) =>
      fc.record({
        voterCount: fc.constant(voterCount),
        rows: fc.array(
          fc.array(fc.constantFrom<VoteValueT | null>(...Object.values(VoteValue), null), {
            minLength: voterCount,
            maxLength: voterCount,
          }),
          { maxLength: 6 },
        ),
        threshold: fc.oneof(
          fc.constantFrom(0.5, 2 / 3, 0.75, 0.9, 1),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
        shuffle: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(pattern, ({ voterCount, rows, threshold, shuffle }) => {
        const ids = Array.from({ length: voterCount }, (_, index) => `v${index}`);
        const protocol = new ConsensusProtocol(shuffle ? [...ids].reverse() : ids);
        for (const row of rows) {
          const id = protocol.propose(ids[0]!, 'quarantine');
          row.forEach((value, index) => value && protocol.vote(id, ids[index]!, value));
          protocol.tally(id);
        }
        const matrix = protocol.voterAgreementMatrix();
        const linked = (a: string, b: string) => matrix[a]![b]! >= threshold;
        const blocs = protocol.detectVotingBlocs(threshold);
        for (const bloc of blocs) {
          expect(bloc).toEqual([...bloc].sort());
          expect(bloc.every((a) => bloc.every((b) => a === b || linked(a, b)))).toBe(true);
          expect(ids.some((v) => !bloc.includes(v) && bloc.every((b) => linked(v, b)))).toBe(false);
        }
        const expected = bruteForceBlocs(ids, linked);
        expect(blocs.map((bloc) => bloc.join())).toEqual(expected.map((bloc) => bloc.join()));
      }),
    );
  });
});

/** Every maximal clique of two or more, by trying all subsets, in the documented order. */
function bruteForceBlocs(ids: string[], linked: (a: string, b: string) => boolean): string[][] {
  const cliques: string[][] = [];
  for (let mask = 0; mask < 1 << ids.length; mask++) {
    const members = ids.filter((_, index) => mask & (1 << index));
    if (members.length < 2) continue;
    if (!members.every((a) => members.every((b) => a === b || linked(a, b)))) continue;
    if (ids.some((v) => !members.includes(v) && members.every((b) => linked(v, b)))) continue;
    cliques.push([...members].sort());
  }
  return cliques.sort(compareBlocs);
}
