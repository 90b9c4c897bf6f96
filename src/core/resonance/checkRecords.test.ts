import { describe, expect, it } from 'vitest';
import { agentKeyPair } from '../crypto';
import { checkRecords } from './checkRecords';
import { demoCluster, demoRound, demoTask, demoText } from './demoRound';
import { ResolveMemo } from './ResolveMemo';
import { computeCommitment, sealRecord } from './seal';
import type { Round, SealedRecord } from './types';

function verdictOf(round: Round, aid: string, { sealChecks = true } = {}): string | undefined {
  const verdict = checkRecords(round, new ResolveMemo(), sealChecks).find((v) => v.aid === aid);
  return verdict?.tampered ? verdict.reason : 'valid';
}

function sealedRound(): Round {
  return demoRound(7).round;
}

describe('tamper check: honest records', () => {
  it('accepts every honest record, sorted by agent id', () => {
    const round = sealedRound();
    const verdicts = checkRecords(round, new ResolveMemo(), true);
    expect(verdicts.map((v) => v.aid)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(verdicts.every((v) => !v.tampered)).toBe(true);
  });

  it('survives a JSON round trip of the round', () => {
    const round = JSON.parse(JSON.stringify(sealedRound())) as Round;
    expect(checkRecords(round, new ResolveMemo(), true).every((v) => !v.tampered)).toBe(true);
  });

  it('does not flag a late vocabulary extension by an honest agent', () => {
    const agents = demoCluster(5);
    const round = agents[0]!.propose(demoTask, { roster: agents.map((a) => a.id) });
    agents.slice(0, 4).forEach((agent, i) => agent.participate(round, demoText(i)));
    const before = round.vocab.length;
    agents[4]!.participate(round, `${demoText(4)} with telemetry dashboards and alerting`);
    expect(round.vocab.length).toBeGreaterThan(before);
    expect(round.evaluations.a0!.semantic.length).toBeLessThan(round.vocab.length);
    expect(round.evaluations.a3!.semantic).toHaveLength(before);
    expect(checkRecords(round, new ResolveMemo(), true).every((v) => !v.tampered)).toBe(true);
    expect(agents[0]!.resolve(round).status).toBe('committed');
  });

  it('ignores edits to the unsealed relational copy that deliberation may rewrite', () => {
    const round = sealedRound();
    round.evaluations.a2!.relational = [0.1, 0.2];
    expect(verdictOf(round, 'a2')).toBe('valid');
  });
});

describe('tamper check: every axis is sealed', () => {
  it.each(['semantic', 'affective', 'relationalSealed', 'epistemic', 'behavioral'] as const)(
    'flags a record whose %s axis was edited after sealing',
    (field) => {
      const round = sealedRound();
      const record = round.evaluations.a3!;
      record[field] = record[field].map((x, i) => (i === 0 ? x + 0.01 : x));
      expect(verdictOf(round, 'a3')).toBe('seal');
    },
  );

  it('flags an edited nonce', () => {
    const round = sealedRound();
    round.evaluations.a3!.nonce = '0000000000000000';
    expect(verdictOf(round, 'a3')).toBe('seal');
  });

  it('flags a relabelled vocabulary basis, even with the semantic values untouched', () => {
    const round = sealedRound();
    const vocab = round.evaluations.a3!.vocab!;
    [vocab[0], vocab[1]] = [vocab[1]!, vocab[0]!];
    expect(verdictOf(round, 'a3')).toBe('seal');
  });
});

describe('tamper check: attacks', () => {
  it('catches a vector swap re-sealed without the key (the signature binds the commitment)', () => {
    const round = sealedRound();
    const record = round.evaluations.a3!;
    record.semantic = round.evaluations.a1!.semantic.slice();
    record.vocab = round.evaluations.a1!.vocab!.slice();
    record.commitment = computeCommitment(
      { ...record, relational: record.relationalSealed },
      record.nonce,
      record.vocab,
    );
    expect(verdictOf(round, 'a3')).toBe('signature');
  });

  it('catches a record moved to another agent', () => {
    const round = sealedRound();
    round.evaluations.a2 = { ...structuredClone(round.evaluations.a1!), aid: 'a2' };
    expect(verdictOf(round, 'a2')).toBe('signature');
    round.evaluations.a2 = structuredClone(round.evaluations.a1!);
    expect(verdictOf(round, 'a2')).toBe('malformed');
  });

  it('catches a record replayed from another round', () => {
    const first = sealedRound();
    const { round: second } = demoRound(7, { seed: 'other' });
    second.evaluations.a3 = structuredClone(first.evaluations.a3!);
    expect(verdictOf(second, 'a3')).toBe('signature');
  });

  it('catches a substituted public key when an identity layer binds the keys', () => {
    const round = sealedRound();
    const impostor = agentKeyPair('attacker', 'a3');
    const original = round.evaluations.a3!;
    const fields = { ...original, relational: original.relationalSealed };
    round.evaluations.a3 = sealRecord(fields, impostor, round.id);
    // Self-signed: seal and signature are internally consistent.
    expect(verdictOf(round, 'a3')).toBe('valid');
    round.identityPubkeys = Object.fromEntries(
      Object.entries(round.evaluations).map(([aid]) => [aid, agentKeyPair(42, aid).publicKeyHex]),
    );
    expect(verdictOf(round, 'a3')).toBe('identity');
  });

  it('fails closed when identity binding is required and an agent has no bound key', () => {
    const round = sealedRound();
    round.requireIdentityBinding = true;
    round.identityPubkeys = { a0: agentKeyPair(42, 'a0').publicKeyHex };
    expect(verdictOf(round, 'a0')).toBe('valid');
    expect(verdictOf(round, 'a1')).toBe('identity');
  });

  it('checks identity binding even with the seal switched off', () => {
    const round = sealedRound();
    round.identityPubkeys = { a1: agentKeyPair(42, 'a0').publicKeyHex };
    round.evaluations.a2!.semantic[0] = 0.5;
    expect(verdictOf(round, 'a1', { sealChecks: false })).toBe('identity');
    expect(verdictOf(round, 'a2', { sealChecks: false })).toBe('valid');
  });
});

describe('tamper check: malformed records are tampered, never a crash', () => {
  const cases: [string, (record: Record<string, unknown>) => void][] = [
    ['a NaN coordinate', (r) => ((r.semantic as number[])[0] = Number.NaN)],
    ['an infinite coordinate', (r) => ((r.affective as number[])[1] = Number.POSITIVE_INFINITY)],
    ['a −infinite coordinate', (r) => ((r.epistemic as number[])[0] = Number.NEGATIVE_INFINITY)],
    ['a huge coordinate', (r) => ((r.semantic as number[])[0] = 1e300)],
    ['a three-coordinate affective axis', (r) => (r.affective = [0.5, 0.5, 0.5])],
    ['a one-coordinate behavioral axis', (r) => (r.behavioral = [1])],
    ['an empty semantic axis', (r) => (r.semantic = [])],
    ['an oversized semantic axis', (r) => (r.semantic = new Array(4097).fill(0.01))],
    ['a missing epistemic axis', (r) => delete r.epistemic],
    ['a missing sealed relational axis', (r) => delete r.relationalSealed],
    ['a string coordinate', (r) => ((r.semantic as unknown[])[0] = '0.5')],
    ['a boolean coordinate', (r) => ((r.behavioral as unknown[])[0] = true)],
    ['a null axis', (r) => (r.affective = null)],
    ['a missing signature', (r) => delete r.signature],
    ['a numeric commitment', (r) => (r.commitment = 42)],
    ['a vocabulary shorter than the semantic axis', (r) => (r.vocab = ['one'])],
    ['a vocabulary of numbers', (r) => (r.vocab = (r.vocab as unknown[]).map((_, i) => i))],
    ['an oversized vocabulary', (r) => (r.vocab = new Array(4097).fill('word'))],
  ];

  it.each(cases)('flags a record with %s', (_, edit) => {
    const round = sealedRound();
    edit(round.evaluations.a4 as unknown as Record<string, unknown>);
    expect(verdictOf(round, 'a4')).toBe('malformed');
    expect(() => demoCluster(1)[0]!.resolve(round)).not.toThrow();
  });

  it.each([[null], [42], ['text'], [[]], [[1, 2]]])('flags a record that is %j', (value) => {
    const round = sealedRound();
    (round.evaluations as Record<string, unknown>).a4 = value;
    expect(verdictOf(round, 'a4')).toBe('malformed');
    const outcome = demoCluster(7)[0]!.resolve(round);
    expect(outcome.tamperedAgents).toEqual(['a4']);
  });

  it('gives the reason a record is malformed', () => {
    const round = sealedRound();
    (round.evaluations.a4 as SealedRecord).affective = [1, 2, 3];
    const verdict = checkRecords(round, new ResolveMemo(), true).find((v) => v.aid === 'a4')!;
    expect(verdict.inspection.problem).toBe('affective has 3 coordinates, not 2');
  });
});
