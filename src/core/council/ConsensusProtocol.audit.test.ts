import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exhaustive } from '../assert';
import { canonicalJson } from '../canonicalJson';
import { ConsensusProtocol } from './ConsensusProtocol';
import { VoteValue, type VoteValueT } from './types';

/** propose, two votes, tally: the reference's smallest audited run. */
function decidedRun(): ConsensusProtocol {
  const protocol = new ConsensusProtocol(['a', 'b', 'c']);
  const id = protocol.propose('a', 'quarantine', { target: 'w1', evidence: { drift: 0.87 } });
  protocol.vote(id, 'a', 'approve', 'High drift');
  protocol.vote(id, 'b', 'approve');
  protocol.tally(id);
  return protocol;
}

/** One step of a random council run; indices are taken modulo what exists. */
type Step =
  | { kind: 'propose'; voter: number; action: number; expiry: number }
  | { kind: 'vote'; proposal: number; voter: number; value: VoteValueT; reason: string | undefined }
  | { kind: 'tally' | 'execute'; proposal: number }
  | { kind: 'tick'; ticks: number };

const actions = ['quarantine', 'terminate', 'escalate', 'release', 'restrict'];
const voterIds = ['m1', 'm2', 'm3', 'm4', 'm5'];

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('propose' as const),
    voter: fc.nat(4),
    action: fc.nat(4),
    expiry: fc.nat(6),
  }),
  fc.record({
    kind: fc.constant('vote' as const),
    proposal: fc.nat(9),
    voter: fc.nat(4),
    value: fc.constantFrom(...Object.values(VoteValue)),
    reason: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constantFrom('tally' as const, 'execute' as const), proposal: fc.nat(9) }),
  fc.record({ kind: fc.constant('tick' as const), ticks: fc.nat(3) }),
);

const runs = (size: { minLength?: number; maxLength: number }) => fc.array(stepArbitrary, size);

/**
 * Plays the steps and returns the protocol and every call's outcome; refused calls (expired,
 * already voted, …) are part of the outcome, since they must be deterministic too.
 */
function play(steps: readonly Step[], allowVoteChange = false) {
  let now = 0;
  const protocol = new ConsensusProtocol(voterIds, {
    weights: { m1: 2, m3: 0.5 },
    config: { allowVoteChange, maxActiveProposals: 3 },
    clock: () => now,
  });
  const ids: string[] = [];
  const outcomes: unknown[] = [];
  const pick = (index: number) => ids[index % Math.max(ids.length, 1)] ?? 'prop-none';
  const apply = (step: Step): unknown => {
    switch (step.kind) {
      case 'tick':
        return (now += step.ticks);
      case 'propose': {
        const { expiry } = step;
        return ids.push(protocol.propose(voterIds[step.voter]!, actions[step.action]!, { expiry }));
      }
      case 'vote':
        return protocol.vote(pick(step.proposal), voterIds[step.voter]!, step.value, step.reason);
      case 'tally':
        return protocol.tally(pick(step.proposal));
      case 'execute':
        return protocol.execute(pick(step.proposal));
      default:
        return exhaustive(step);
    }
  };
  for (const step of steps) {
    try {
      outcomes.push(apply(step));
    } catch (error) {
      outcomes.push((error as Error).message);
    }
  }
  return { protocol, outcomes };
}

describe('ConsensusProtocol audit chain', () => {
  it('records propose, votes and tally: at least 4 entries, numbered 0..n-1 and linked', () => {
    const log = decidedRun().auditLog();
    expect(log.length).toBeGreaterThanOrEqual(4);
    expect(log.map((entry) => entry.eventType)).toEqual(['propose', 'vote', 'vote', 'tally']);
    log.forEach((entry, index) => {
      expect(entry.sequence).toBe(index);
      expect(entry.prevHash).toBe(index === 0 ? '' : log[index - 1]!.hash);
    });
  });

  it('writes the reference’s data keys, with null for an absent target or reason', () => {
    const protocol = new ConsensusProtocol(['a', 'b']);
    const id = protocol.propose('a', 'quarantine');
    const vote = protocol.vote(id, 'a', 'approve');
    protocol.tally(id);
    const rows = protocol.auditLog().map((e) => [e.eventType, e.proposalId, e.actorId, e.data]);
    expect(rows).toEqual([
      ['propose', id, 'a', { action: 'quarantine', target: null, evidence: {} }],
      ['vote', id, 'a', { value: 'approve', reason: null, hash: vote.hash }],
      ['tally', id, 'system', {
        decision: 'approved', approve: 1, reject: 0, abstain: 0, quorumMet: true,
      }],
    ]);
  });

  it('verifies an empty log and an untouched one', () => {
    expect(new ConsensusProtocol(['a']).verifyAuditChain()).toBe(true);
    expect(decidedRun().verifyAuditChain()).toBe(true);
    expect(decidedRun().verifyAuditChainDetailed()).toEqual({ valid: true, firstInvalid: null });
  });

  it('detects a tampered hash and reports the index of the broken entry', () => {
    const protocol = decidedRun();
    expect(protocol.verifyAuditChain()).toBe(true);
    protocol.tamperAudit(2, { hash: 'tampered' });
    expect(protocol.verifyAuditChain()).toBe(false);
    expect(protocol.verifyAuditChainDetailed()).toEqual({ valid: false, firstInvalid: 2 });
  });

  it('refuses to tamper with an entry that does not exist', () => {
    expect(() => decidedRun().tamperAudit(99, { hash: 'x' })).toThrow(RangeError);
  });

  it('hands out deep copies: editing them changes nothing inside', () => {
    const protocol = decidedRun();
    const log = protocol.auditLog();
    log[0]!.hash = 'edited';
    (log[0]!.data as { evidence: { drift: number } }).evidence.drift = 0;
    expect(protocol.verifyAuditChain()).toBe(true);
    expect(protocol.auditLog()[0]!.data).toMatchObject({ evidence: { drift: 0.87 } });
  });

  it('keeps the hashes of a fixed run stable (golden value; update only on purpose)', () => {
    const head = decidedRun().auditLog().at(-1)!.hash;
    expect(head).toMatchInlineSnapshot(`"8f479a9821be200410e7d1f3b4b31955"`);
  });

  it('detects any single edited field of any entry at that entry’s index (property)', () => {
    const replacements = {
      sequence: fc.integer(),
      timestamp: fc.integer(),
      eventType: fc.string(),
      proposalId: fc.string(),
      actorId: fc.string(),
      prevHash: fc.string(),
      hash: fc.string(),
      data: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(null))),
    };
    const edit = fc.oneof(
      ...Object.entries(replacements).map(([field, value]) =>
        fc.record({ field: fc.constant(field), value: value as fc.Arbitrary<unknown> }),
      ),
    );
    fc.assert(
      fc.property(runs({ minLength: 1, maxLength: 30 }), fc.nat(), edit, (steps, pick, edited) => {
        const { field, value } = edited;
        const { protocol } = play([{ kind: 'propose', voter: 0, action: 0, expiry: 0 }, ...steps]);
        const log = protocol.auditLog();
        const index = pick % log.length;
        const original = (log[index] as unknown as Record<string, unknown>)[field];
        // The edit must change what the hash covers: data by its canonical JSON, the rest as
        // the text the payload contains (so 7 → '7' is no edit at all).
        const render = (x: unknown) => (field === 'data' ? canonicalJson(x) : String(x));
        fc.pre(render(original) !== render(value));
        expect(protocol.verifyAuditChainDetailed()).toEqual({ valid: true, firstInvalid: null });
        protocol.tamperAudit(index, { [field]: value });
        expect(protocol.verifyAuditChainDetailed()).toEqual({ valid: false, firstInvalid: index });
      }),
    );
  });

  it('is deterministic: the same calls give the same audit hashes and results (property)', () => {
    fc.assert(
      fc.property(runs({ maxLength: 60 }), fc.boolean(), (steps, allowVoteChange) => {
        const first = play(steps, allowVoteChange);
        const second = play(steps, allowVoteChange);
        expect(second.protocol.auditLog()).toEqual(first.protocol.auditLog());
        expect(second.outcomes).toEqual(first.outcomes);
        expect(second.protocol.summary()).toEqual(first.protocol.summary());
        expect(first.protocol.verifyAuditChain()).toBe(true);
      }),
    );
  });
});
