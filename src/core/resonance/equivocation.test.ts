import { describe, expect, it } from 'vitest';
import { demoRound, demoTask } from './demoRound';
import {
  findEquivocations,
  verifyEquivocationCertificate,
  type EquivocationCertificate,
} from './equivocation';
import { ResonanceAgent } from './ResonanceAgent';
import type { Round } from './types';

/** The two sides of a partition each received a different evaluation signed by a2. */
function equivocatedRounds(): [Round, Round] {
  const { agents, round } = demoRound(7);
  delete round.evaluations.a2;
  const left = structuredClone(round);
  const right = structuredClone(round);
  new ResonanceAgent('a2', { seed: 42 }).participate(left, 'approve, clearly effective');
  new ResonanceAgent('a2', { seed: 42 }).participate(right, 'reject, risky and flawed');
  expect(agents).toHaveLength(7);
  return [left, right];
}

describe('findEquivocations', () => {
  it('finds nothing in honest rounds, even seen twice', () => {
    const { round } = demoRound(7);
    expect(findEquivocations([round, structuredClone(round)])).toEqual([]);
  });

  it('certifies an agent that signed two evaluations of one round', () => {
    const [left, right] = equivocatedRounds();
    const certificates = findEquivocations([left, right]);
    expect(certificates).toHaveLength(1);
    const [certificate] = certificates;
    expect(certificate).toMatchObject({ kind: 'equivocation', roundId: left.id, aid: 'a2' });
    expect(certificate!.pubkey).toBe(left.evaluations.a2!.pubkey);
    expect(certificate!.entries.map((entry) => entry.commitment).sort()).toEqual(
      [left.evaluations.a2!.commitment, right.evaluations.a2!.commitment].sort(),
    );
    expect(verifyEquivocationCertificate(certificate)).toBe(true);
    expect(JSON.parse(JSON.stringify(certificate))).toEqual(certificate);
  });

  it('ignores a second record whose seal or signature does not verify', () => {
    const [left, right] = equivocatedRounds();
    right.evaluations.a2!.semantic[0] = 0.123;
    expect(findEquivocations([left, right])).toEqual([]);
    const [, fresh] = equivocatedRounds();
    fresh.evaluations.a2!.signature = left.evaluations.a2!.signature;
    expect(findEquivocations([left, fresh])).toEqual([]);
  });

  it('does not mix up different rounds or different keys', () => {
    const [left] = equivocatedRounds();
    const other = demoRound(7, { seed: 9 }).round;
    expect(findEquivocations([left, other])).toEqual([]);
    const impostor = structuredClone(left);
    delete impostor.evaluations.a2;
    new ResonanceAgent('a2', { seed: 'attacker' }).participate(impostor, 'reject');
    expect(findEquivocations([left, impostor])).toEqual([]);
  });
});

describe('verifyEquivocationCertificate', () => {
  const certificate = (): EquivocationCertificate => findEquivocations(equivocatedRounds())[0]!;

  it('rejects a forged certificate', () => {
    const swapped = certificate();
    const other = swapped.entries[1]!.commitment;
    swapped.entries[0]!.commitment = other.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(verifyEquivocationCertificate(swapped)).toBe(false);
    const retold = certificate();
    retold.entries[0]!.evalText += ' (edited)';
    expect(verifyEquivocationCertificate(retold)).toBe(false);
    const reattributed = certificate();
    reattributed.aid = 'a3';
    expect(verifyEquivocationCertificate(reattributed)).toBe(false);
    const moved = certificate();
    moved.roundId = 'another-round';
    expect(verifyEquivocationCertificate(moved)).toBe(false);
  });

  it('needs two distinct signed commitments', () => {
    const single = certificate();
    single.entries = [single.entries[0]!];
    expect(verifyEquivocationCertificate(single)).toBe(false);
    const repeated = certificate();
    repeated.entries = [repeated.entries[0]!, repeated.entries[0]!];
    expect(verifyEquivocationCertificate(repeated)).toBe(false);
  });

  it('never throws on garbage', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    const garbage: unknown[] = [
      null, undefined, 42, 'cert', [], {}, { kind: 'equivocation' }, hostile,
      { ...certificate(), entries: 'nope' },
      { ...certificate(), entries: [null, 1] },
      { ...certificate(), pubkey: 7 },
      { ...certificate(), entries: [{ commitment: 1, evalText: 2, signature: 3 }, {}] },
      { ...certificate(), entries: new Array(65).fill(certificate().entries[0]) },
    ];
    for (const value of garbage) expect(verifyEquivocationCertificate(value)).toBe(false);
  });
});

describe('equivocation with the demo task', () => {
  it('keeps the task description in the signed text', () => {
    const [left] = equivocatedRounds();
    expect(left.evaluations.a2!.evalText.startsWith(demoTask.description)).toBe(true);
  });
});
