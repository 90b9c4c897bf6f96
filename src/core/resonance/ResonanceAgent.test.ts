import { describe, expect, it } from 'vitest';
import { agentKeyPair, sha256Hex, verify } from '../crypto';
import { demoCluster, demoRound, demoTask, demoText } from './demoRound';
import { ResonanceAgent } from './ResonanceAgent';
import { beliefDigest, voteDigest } from './seal';
import type { Round } from './types';

describe('ResonanceAgent: keys and identifiers', () => {
  it('signs with the scenario key sha256(`bft-lab:key:{seed}:{id}`)', () => {
    const agent = new ResonanceAgent('a3', { seed: 42 });
    expect(agent.publicKey).toBe(agentKeyPair(42, 'a3').publicKeyHex);
  });

  it('derives round ids and nonces from the seed and its own id, so agents never collide', () => {
    const [a0, a1] = demoCluster(2);
    const round0 = a0!.propose(demoTask);
    expect(round0.id).toBe(sha256Hex('bft-lab:round:42:a0:0').slice(0, 32));
    expect(a0!.propose(demoTask).id).toBe(sha256Hex('bft-lab:round:42:a0:1').slice(0, 32));
    expect(a1!.propose(demoTask).id).not.toBe(round0.id);
    a0!.participate(round0, 'fine');
    a1!.participate(round0, 'fine');
    expect(round0.evaluations.a0!.nonce).toBe(sha256Hex('bft-lab:nonce:42:a0:0').slice(0, 16));
    expect(round0.evaluations.a1!.nonce).not.toBe(round0.evaluations.a0!.nonce);
  });

  it('is deterministic: the same seed gives byte-identical rounds', () => {
    expect(JSON.stringify(demoRound(5).round)).toBe(JSON.stringify(demoRound(5).round));
    const other = demoRound(5, { seed: 7 }).round;
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demoRound(5).round));
  });

  it('rejects a non-positive threshold, a bad membership and an unsafe id', () => {
    expect(() => new ResonanceAgent('a0', { seed: 1, threshold: 0 })).toThrow(/must be positive/);
    expect(() => new ResonanceAgent('a0', { seed: 1, threshold: Number.NaN })).toThrow(/threshold/);
    expect(() => new ResonanceAgent('a0', { seed: 1, expectedN: -1 })).toThrow(/expectedN/);
    expect(() => new ResonanceAgent('__proto__', { seed: 1 })).toThrow(/agent id/);
    expect(() => new ResonanceAgent('a 0', { seed: 1 })).toThrow(/agent id/);
    expect(() => new ResonanceAgent('', { seed: 1 })).toThrow(/agent id/);
  });
});

describe('ResonanceAgent: propose', () => {
  it('builds the vocabulary from the task text: words of 3+ letters, in order, at most 64', () => {
    const agent = new ResonanceAgent('a0', { seed: 1 });
    const round = agent.propose({
      description: 'Ratify the budget change for it',
      requirements: ['cost', 'budget'],
    });
    expect(round.vocab).toEqual(['ratify', 'budget', 'change', 'cost']);
    expect(agent.propose({ description: 'a an to' }).vocab).toEqual(['task']);
    const long = Array.from({ length: 80 }, (_, i) => `word${'x'.repeat(i)}`);
    expect(agent.propose({ description: long.join(' ') }).vocab).toHaveLength(64);
  });

  it('records the roster sorted, fixes the membership and invites every member', () => {
    const agent = new ResonanceAgent('a0', { seed: 1, expectedN: 3 });
    const round = agent.propose(demoTask, { roster: ['a2', 'a0', 'a1', 'a3'] });
    expect(round).toMatchObject({ roster: ['a0', 'a1', 'a2', 'a3'], expectedN: 4, proposer: 'a0' });
    expect(round.threshold).toBe(0.6);
    expect(agent.store.behaviorOf('a2')).toEqual({ invited: 1, participated: 0, tampered: 0 });
    expect(agent.propose(demoTask).expectedN).toBe(3);
  });

  it('hands view v > 0 to roster[v mod n]', () => {
    const agent = new ResonanceAgent('a0', { seed: 1 });
    const round = agent.propose(demoTask, { view: 5, roster: ['a0', 'a1', 'a2', 'a3'] });
    expect(round).toMatchObject({ proposer: 'a1', view: 5, viewChange: true });
  });

  it('is plain JSON data', () => {
    const { round } = demoRound(4);
    expect(JSON.parse(JSON.stringify(round))).toEqual(round);
    expect(structuredClone(round)).toEqual(round);
  });
});

describe('ResonanceAgent: participate', () => {
  it('seals the description and its evaluation, signed over (commitment, text, round, id)', () => {
    const { agents, round } = demoRound(4);
    const record = round.evaluations.a2!;
    expect(record.evalText).toBe(`${demoTask.description} ${demoText(2)}`);
    expect(record.pubkey).toBe(agents[2]!.publicKey);
    expect(record.commitment).toMatch(/^sha256:[0-9a-f]{64}$/);
    const digest = beliefDigest(record.commitment, record.evalText, round.id, 'a2');
    expect(verify(record.signature, digest, record.pubkey)).toBe(true);
    expect(record.affective).toHaveLength(2);
    expect(record.epistemic).toHaveLength(2);
    expect(record.behavioral).toHaveLength(2);
    expect(record.relationalSealed).toEqual(record.relational);
    expect(record.relationalSealed).toHaveLength(4);
  });

  it('seals a valid record even in a garbled round from a Byzantine proposer', () => {
    const [agent, resolver] = demoCluster(2);
    const garbled = { id: 'r', description: 7, roster: 'a0', vocab: null, evaluations: null };
    const round = garbled as unknown as Round;
    const { record } = agent!.participate(round, 'approve the cache');
    expect(round.evaluations.a0).toBe(record);
    expect(record.vocab).toEqual(['task', 'approve', 'cache']);
    expect(resolver!.resolve(round).tamperedAgents).toEqual([]);
  });

  it('trims the sealed text when the evaluation is empty', () => {
    const [agent] = demoCluster(1);
    const round = agent!.propose({ description: '  ship it  ' });
    agent!.participate(round, '');
    expect(round.evaluations.a0!.evalText).toBe('ship it');
  });

  it('returns the existing commitment on a second call and changes nothing (Sybil guard)', () => {
    const { agents, round } = demoRound(4);
    const before = JSON.stringify(round);
    const again = agents[1]!.participate(round, 'something completely different now');
    const existing = round.evaluations.a1!;
    expect(again).toEqual({ value: existing.commitment, record: existing, sybilGuard: true });
    expect(JSON.stringify(round)).toBe(before);
    expect(agents[1]!.store.behaviorOf('a1').participated).toBe(1);
  });

  it('appends at most 8 private terms to the shared vocabulary and records its own basis', () => {
    const agents = demoCluster(2);
    const round = agents[0]!.propose({ description: 'choose the cache' });
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    agents[0]!.participate(round, `${words.join(' ')} india juliet alpha`);
    expect(round.vocab).toEqual(['choose', 'cache', ...words]);
    expect(round.evaluations.a0!.vocab).toEqual(round.vocab);
    expect(round.evaluations.a0!.semantic).toHaveLength(10);
    agents[1]!.participate(round, 'cache kilo');
    expect(round.vocab.at(-1)).toBe('kilo');
    expect(round.evaluations.a0!.semantic).toHaveLength(10);
  });

  it('stops growing the vocabulary at 4096 terms', () => {
    const [agent] = demoCluster(1);
    const round = agent!.propose({ description: 'cap' });
    round.vocab = Array.from({ length: 4094 }, (_, i) => `term${i}`);
    agent!.participate(round, 'alpha bravo charlie delta');
    expect(round.vocab).toHaveLength(4096);
    expect(round.vocab.slice(-2)).toEqual(['alpha', 'bravo']);
  });

  it('derives the relational axis from its trust row over the roster, or earlier agents', () => {
    const agents = demoCluster(3);
    agents[2]!.store.setTrust('a2', 'a0', 3);
    const withRoster = agents[0]!.propose(demoTask, { roster: ['a0', 'a1', 'a2'] });
    agents[2]!.participate(withRoster, 'ok');
    const relational = withRoster.evaluations.a2!.relationalSealed;
    expect(relational[0]).toBeCloseTo(3 / Math.sqrt(11), 9);
    const noRoster = agents[0]!.propose(demoTask);
    agents[1]!.participate(noRoster, 'ok');
    expect(noRoster.evaluations.a1!.relationalSealed).toEqual([1]);
    agents[2]!.participate(noRoster, 'ok');
    expect(noRoster.evaluations.a2!.relationalSealed).toEqual([1]);
  });

  it('remembers its semantic vectors and participations for later axes', () => {
    const [agent] = demoCluster(1);
    for (let i = 0; i < 12; i++) agent!.participate(agent!.propose(demoTask), demoText(i));
    expect(agent!.store.pastSemantics('a0')).toHaveLength(10);
    expect(agent!.store.behaviorOf('a0').participated).toBe(12);
  });
});

describe('ResonanceAgent: commit and votes', () => {
  it('learns from a committed outcome: reputation up for the quorum', () => {
    const { agents, round } = demoRound(7);
    const outcome = agents[0]!.resolve(round);
    agents[0]!.commit(outcome);
    expect(agents[0]!.store.reputation('a3')).toBe(1.12);
    expect(agents[0]!.store.coCommits('a1', 'a2')).toBe(1);
  });

  it('signs prepare and commit votes anyone can check with its public key', () => {
    const agent = new ResonanceAgent('a1', { seed: 3 });
    const { signature, pubkey } = agent.signVote('r1', 2, 'prepare', 'a4');
    expect(verify(signature, voteDigest('r1', 2, 'prepare', 'a4'), pubkey)).toBe(true);
    expect(verify(signature, voteDigest('r1', 2, 'commit', 'a4'), pubkey)).toBe(false);
  });
});
