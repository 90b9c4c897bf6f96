import { setBounded } from '../../../boundedMap';
import type { Outcome } from '../../../resonance';
import type { Certificate, Phase, ReplicaContext, Value, VoteTally } from './types';

/** The key of one phase's votes for one value in one view. */
export function voteKey(view: number, phase: Phase, digest: string): string {
  return `${view}:${phase}:${digest}`;
}

/** A certificate from the votes a replica collected (signers sorted by id; `ids`: the roster's). */
export function certificateOf(
  ids: readonly string[],
  value: Value,
  digest: string,
  view: number,
  phase: Phase,
  tally: VoteTally,
): Certificate {
  const votes: Certificate['votes'] = [];
  for (const index of idOrder(tally.signatures.length)) {
    const signature = tally.signatures[index]!;
    if (signature !== '') votes.push(certifiedVote(ids[index]!, signature));
  }
  return { roundNo: value.roundNo, view, phase, roundId: value.round.id, digest, votes };
}

type CertifiedVote = Certificate['votes'][number];

/**
 * One vote entry per (signer, signature), shared by every certificate that holds it (nothing
 * changes an entry once made). Policy: at n = 1000 each of 10³ replicas builds a prepare and
 * a commit certificate of ~10³ votes a round and keeps them to answer laggards: 10⁶ identical
 * small objects a round for the garbage collector to trace, where 2·10³ are enough.
 */
function certifiedVote(aid: string, signature: string): CertifiedVote {
  const known = certifiedVotes.get(signature);
  if (known !== undefined && known.aid === aid) return known;
  const vote = { aid, signature };
  setBounded(certifiedVotes, signature, vote, certifiedVotesMax);
  return vote;
}

const certifiedVotes = new Map<string, CertifiedVote>();
/** Entries kept (two a round per agent: a 1000-agent, 5-round run keeps them all). */
const certifiedVotesMax = 1 << 14;

/** Agent indices 0 … n−1 in the order of their ids as strings (a0, a1, a10, a100, …). */
const idOrders = new Map<number, readonly number[]>();
/** Roster sizes whose order is kept (a run has one; a test or a sweep a few). */
const idOrdersMax = 16;

function idOrder(n: number): readonly number[] {
  let order = idOrders.get(n);
  if (order === undefined) {
    const ids = Array.from({ length: n }, (_, index) => `a${index}`);
    order = ids.map((_, index) => index).sort((x, y) => (ids[x]! < ids[y]! ? -1 : 1));
    setBounded(idOrders, n, order, idOrdersMax);
  }
  return order;
}

/**
 * Whether `cert` proves a vote quorum of `phase` for `value`: it names this value (its digest,
 * computed here, and its round id), and at least `quorum` distinct roster members signed it
 * with their own keys. Never throws on malformed data: a bad certificate is just not valid.
 */
export function certifies(
  ctx: ReplicaContext,
  cert: unknown,
  value: Value,
  phase: Phase,
  outcome: Outcome,
): cert is Certificate {
  if (typeof cert !== 'object' || cert === null) return false;
  const c = cert as Partial<Certificate>;
  if (c.phase !== phase || !Number.isSafeInteger(c.view) || !Array.isArray(c.votes)) return false;
  if (c.roundId !== value.round.id || c.digest !== ctx.valueDigest(value)) return false;
  const signers = new Set<string>();
  for (const vote of c.votes as unknown[]) {
    if (typeof vote !== 'object' || vote === null) return false;
    const { aid, signature } = vote as { aid?: unknown; signature?: unknown };
    const index = ctx.indexOf(aid);
    if (index === null || typeof signature !== 'string' || signers.has(aid as string)) return false;
    const pubkey = ctx.publicKeys[index]!;
    if (!ctx.verifyVote({ pubkey, roundId: c.roundId, view: c.view!, phase, digest: c.digest, signature })) return false;
    signers.add(aid as string);
  }
  return signers.size >= ctx.voteQuorum(value, outcome);
}

/**
 * Whether re-resolving the value's evidence gives the value's decision: the winner it names,
 * or, for "no agreement", an abort for lack of similarity over at least the records a leader
 * needs (an abort for lack of records is no evidence that the round cannot agree).
 */
export function outcomeMatches(ctx: ReplicaContext, value: Value, outcome: Outcome): string | null {
  if (value.decision === 'commit') {
    if (outcome.status === 'committed' && outcome.winner === value.winner) return null;
    const mine = outcome.status === 'committed' ? outcome.winner : 'no commit';
    return `my resolve gives ${mine}, not ${String(value.winner)}`;
  }
  if (value.decision !== 'no-agreement') return 'unknown decision';
  const records = Object.keys(value.round.evaluations ?? {}).length;
  if (outcome.status === 'committed') return `my resolve commits ${outcome.winner}, so "no agreement" is wrong`;
  if (!String(outcome.reason ?? '').startsWith('no_quorum') || records < ctx.recordsNeeded()) {
    return `"no agreement" needs ${ctx.recordsNeeded()} records that do not agree; got ${records}`;
  }
  return null;
}

/** Whether an untrusted value has the shape a replica can re-resolve. */
export function wellFormedValue(value: unknown, roundNo: number): value is Value {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Value>;
  const round = v.round as unknown;
  if (typeof round !== 'object' || round === null) return false;
  const { id, evaluations } = round as { id?: unknown; evaluations?: unknown };
  if (typeof id !== 'string' || typeof evaluations !== 'object' || evaluations === null) return false;
  if (v.roundNo !== roundNo || v.roundId !== id) return false;
  if (v.decision === 'commit') return typeof v.winner === 'string';
  return v.decision === 'no-agreement' && v.winner === null;
}
