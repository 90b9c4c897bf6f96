import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementMatrix, countAgreement } from './agreementMatrix';
import { ConsensusProtocol } from './ConsensusProtocol';
import { VoteValue, type Vote, type VoteValueT } from './types';

/** Random councils: per proposal, each voter's value or no vote at all. */
const votePatterns = fc
  .integer({ min: 1, max: 7 })
  .chain((voterCount) =>
    fc.record({
      voterCount: fc.constant(voterCount),
      rows: fc.array(
        fc.array(fc.constantFrom<VoteValueT | null>(...Object.values(VoteValue), null), {
          minLength: voterCount,
          maxLength: voterCount,
        }),
        { maxLength: 12 },
      ),
    }),
  );

function councilFrom({ voterCount, rows }: { voterCount: number; rows: (VoteValueT | null)[][] }) {
  const ids = Array.from({ length: voterCount }, (_, index) => `v${index}`);
  const protocol = new ConsensusProtocol(ids, { config: { maxActiveProposals: 1 } });
  for (const row of rows) {
    const id = protocol.propose(ids[0]!, 'quarantine');
    row.forEach((value, index) => value && protocol.vote(id, ids[index]!, value));
    protocol.tally(id);
  }
  return protocol;
}

/** The reference's triple loop, verbatim: the oracle for the one-pass version. */
function naiveMatrix(voterIds: string[], proposals: (readonly Vote[])[]) {
  const matrix: Record<string, Record<string, number>> = {};
  for (const a of voterIds) {
    matrix[a] = {};
    for (const b of voterIds) {
      if (a === b) {
        matrix[a][b] = 1;
        continue;
      }
      let agree = 0;
      let total = 0;
      for (const votes of proposals) {
        const va = votes.find((vote) => vote.voterId === a);
        const vb = votes.find((vote) => vote.voterId === b);
        if (va && vb && va.value !== VoteValue.ABSTAIN && vb.value !== VoteValue.ABSTAIN) {
          total++;
          if (va.value === vb.value) agree++;
        }
      }
      matrix[a][b] = total > 0 ? agree / total : 0;
    }
  }
  return matrix;
}

describe('voter agreement matrix', () => {
  it('gives 1 for voters who agreed, 0 for voters who disagreed, and 1 on the diagonal', () => {
    const protocol = new ConsensusProtocol(['a', 'b', 'c']);
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'approve');
    protocol.vote(id, 'b', 'approve');
    protocol.vote(id, 'c', 'reject');
    protocol.tally(id);
    expect(protocol.voterAgreementMatrix()).toEqual({
      a: { a: 1, b: 1, c: 0 },
      b: { a: 1, b: 1, c: 0 },
      c: { a: 0, b: 0, c: 1 },
    });
  });

  it('gives 0 for a pair that never both cast a non-abstain vote', () => {
    const protocol = new ConsensusProtocol(['a', 'b', 'c']);
    const id = protocol.propose('a', 'quarantine');
    protocol.vote(id, 'a', 'approve');
    protocol.vote(id, 'b', 'abstain');
    expect(protocol.voterAgreementMatrix().a).toEqual({ a: 1, b: 0, c: 0 });
  });

  it('counts each pair only over the proposals both voted on', () => {
    const counts = countAgreement(['a', 'b'], [
      new Map([['a', vote('a', 'approve')], ['b', vote('b', 'approve')]]),
      new Map([['a', vote('a', 'approve')], ['b', vote('b', 'reject')]]),
      new Map([['a', vote('a', 'reject')]]),
    ]);
    expect(agreementMatrix(['a', 'b'], counts).a!.b).toBe(0.5);
  });

  it('cannot be steered by a voter id that names a prototype key', () => {
    const protocol = new ConsensusProtocol(['__proto__', 'constructor']);
    const id = protocol.propose('__proto__', 'quarantine');
    protocol.vote(id, '__proto__', 'approve');
    protocol.vote(id, 'constructor', 'approve');
    const matrix = protocol.voterAgreementMatrix();
    expect(Object.keys(matrix)).toEqual(['__proto__', 'constructor']);
    expect(matrix['__proto__']!['constructor']).toBe(1);
    expect(({} as Record<string, unknown>).approve).toBeUndefined();
  });

  it('is symmetric, in [0, 1], 1 on the diagonal, and equals the reference loop (property)', () => {
    fc.assert(
      fc.property(votePatterns, (pattern) => {
        const protocol = councilFrom(pattern);
        const ids = protocol.voterIds;
        const matrix = protocol.voterAgreementMatrix();
        for (const a of ids) {
          expect(matrix[a]![a]).toBe(1);
          for (const b of ids) {
            expect(matrix[a]![b]).toBe(matrix[b]![a]);
            expect(matrix[a]![b]).toBeGreaterThanOrEqual(0);
            expect(matrix[a]![b]).toBeLessThanOrEqual(1);
          }
        }
        const proposals = protocol.listProposals().map((proposal) => proposal.votes);
        expect(matrix).toEqual(naiveMatrix(ids, proposals));
      }),
    );
  });
});

function vote(voterId: string, value: VoteValueT): Vote {
  return { voterId, value, timestamp: 0, reason: null, hash: '' };
}
