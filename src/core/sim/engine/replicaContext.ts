import { sha256Hex, type VerifyMemo } from '../../crypto';
import { faultBound, quorumNeeded, resolveRound, type ResolveMemo, type ResonanceAgent, type Round } from '../../resonance';
import { voteDigest } from '../../resonance/seal';
import type { ResolvedScenario } from '../scenario';
import type { Outcome } from '../../resonance';
import type { ReplicaContext, SignedVote, Value } from './replica/types';
import { unsafeAt, unsafeKey } from './unsafeAt';

/** What the context needs of the engine: the agents (keys, resolvers) and the shared memos. */
export interface ContextSources {
  scenario: ResolvedScenario;
  agents: readonly ResonanceAgent[];
  memo: ResolveMemo;
  verifyMemo: VerifyMemo;
  indexOf(id: unknown): number | null;
  /** The engine's clock: unsafe switches may start at a tick (`resonance.unsafeFrom`). */
  now(): number;
}

/**
 * The replicas' context: configuration and deterministic oracles. Policy: the verdict, digest
 * and outcome caches are keyed by object identity in WeakMaps outside engine state (a
 * broadcast message is one object all n receivers check), so snapshots never hold them; an
 * engine restored from a snapshot builds its own context, and its copied messages simply miss
 * and are computed again, with the same result.
 */
export function replicaContext(sources: ContextSources): ReplicaContext {
  const { scenario, agents, memo, verifyMemo } = sources;
  const { n } = scenario;
  // Policy: without start ticks the switches are one constant object, read as before.
  const timed = Object.keys(scenario.resonance.unsafeFrom).length > 0;
  const constant = scenario.resonance.unsafe;
  const unsafeNow = timed ? () => unsafeAt(scenario.resonance, sources.now()) : () => constant;
  const digests = new WeakMap<Value, string>();
  // A value's outcome depends on the switches that apply when it is resolved: one cache per set.
  const outcomesBySwitches = new Map<string, WeakMap<Value, Outcome>>();
  const verdicts = new WeakMap<SignedVote, boolean>();
  // `resolveRound` mutates nothing, so the replica's round is resolved as it is, uncopied.
  const resolve = (agent: number, round: Round): Outcome => {
    const resolver = agents[agent]!;
    const adaptive = { threshold: resolver.store.threshold, axisWeights: resolver.store.axisWeights };
    return resolveRound(round, resolver.resolveConfig(), { memo, unsafe: unsafeNow(), adaptive }).outcome;
  };
  // A decision is only read (`maybeResolve`), and the learned parameters are only reported in
  // an outcome, never used: it is the memo's outcome itself, uncopied.
  const decide = (agent: number, round: Round): Outcome => {
    const options = { memo, unsafe: unsafeNow(), decisionOnly: true, readOnly: true };
    return resolveRound(round, agents[agent]!.resolveConfig(), options).outcome;
  };
  const outcomesNow = (): WeakMap<Value, Outcome> => {
    const key = timed ? unsafeKey(unsafeNow()) : '';
    let outcomes = outcomesBySwitches.get(key);
    if (outcomes === undefined) {
      outcomes = new WeakMap();
      outcomesBySwitches.set(key, outcomes);
    }
    return outcomes;
  };
  return {
    n,
    f: faultBound(n),
    rounds: scenario.rounds,
    viewTimeoutTicks: scenario.resonance.viewTimeout,
    viewChangesMax: scenario.resonance.maxViewChanges,
    get unsafe() {
      return unsafeNow();
    },
    publicKeys: agents.map((agent) => agent.publicKey),
    ids: agents.map((agent) => agent.id),
    leaderOf: (view) => view % n,
    indexOf: (id) => sources.indexOf(id),
    // Policy: votes lock and commit at n−f, like the records a commit needs, not the
    // reference's 2f+1, which equals n−f only at n = 3f+1 (preset `unsafe-2f1-fork`).
    // `membership: 'present'` takes n from the outcome, so a partitioned minority finishes
    // what its resolve started.
    voteQuorum: (_value, outcome) => {
      const unsafe = unsafeNow();
      return quorumNeeded(unsafe.membership === 'present' ? outcome.n : n, unsafe);
    },
    recordsNeeded: () => {
      const unsafe = unsafeNow();
      return unsafe.membership === 'present' ? 1 : quorumNeeded(n, unsafe);
    },
    newViewsNeeded: () => (unsafeNow().membership === 'present' ? 1 : n - faultBound(n)),
    resolve,
    decide,
    outcomeOf(agent, value) {
      const outcomes = outcomesNow();
      let outcome = outcomes.get(value);
      if (outcome === undefined) {
        outcome = resolve(agent, value.round);
        outcomes.set(value, outcome);
      }
      return outcome;
    },
    valueDigest(value) {
      let digest = digests.get(value);
      if (digest === undefined) {
        digest = computeValueDigest(value);
        digests.set(value, digest);
      }
      return digest;
    },
    signVote: (agent, roundId, view, phase, digest) => agents[agent]!.signVote(roundId, view, phase, digest).signature,
    verifyVote(vote) {
      let verdict = verdicts.get(vote);
      if (verdict === undefined) {
        const message = voteDigest(String(vote.roundId), vote.view, vote.phase, String(vote.digest));
        verdict = typeof vote.signature === 'string' && verifyMemo.verify(vote.signature, message, String(vote.pubkey));
        verdicts.set(vote, verdict);
      }
      return verdict;
    },
  };
}

/**
 * A value's identity: sha256 over its round number and id, decision, winner and every record's
 * id, commitment and signature (sorted by id), 32 hex digits. Two values differ exactly when a
 * replica could resolve them differently. Never throws on malformed records.
 */
export function computeValueDigest(value: Value): string {
  const evaluations = value.round.evaluations as Record<string, unknown>;
  const records = Object.keys(evaluations)
    .sort()
    .map((aid) => {
      const record = evaluations[aid] as { commitment?: unknown; signature?: unknown } | null;
      return `${aid}:${String(record?.commitment)}:${String(record?.signature)}`;
    });
  const parts = ['value', String(value.roundNo), value.round.id, value.decision, value.winner ?? '', ...records];
  return sha256Hex(parts.join('\u0000')).slice(0, 32);
}
