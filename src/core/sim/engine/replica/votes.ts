import { certificateOf } from './certificates';
import { freshRoundState, winnerIndex, type Out } from './out';
import type { Certificate, Phase, ReplicaContext, ReplicaState, Value, VotePayload, VoteTally } from './types';

/**
 * The vote phases (reference §2.7, SPEC §3): a vote quorum of prepares for the value a replica
 * prepared locks it (keeping the prepare certificate) and sends a commit vote; a vote quorum of
 * commits decides the round. Votes are kept with their signatures, so a replica can hand on
 * the certificates they form.
 */

/** Signs and broadcasts this replica's vote, once per (view, phase), and counts it itself. */
export function castVote(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  phase: Phase,
  view: number,
  value: Value,
  digest: string,
  votedKey = `${view}:${phase}`,
): void {
  const c = state.current;
  if (c.voted[votedKey]) return;
  c.voted[votedKey] = true;
  const roundId = value.round.id;
  const signature = ctx.signVote(state.index, roundId, view, phase, digest);
  const vote: VotePayload = {
    roundNo: value.roundNo, view, roundId, phase, digest, winner: value.winner, aid: state.id, signature,
    pubkey: ctx.publicKeys[state.index]!,
  };
  out.emit({
    kind: 'voteCast', agent: state.index, roundNo: value.roundNo, view, phase,
    winner: winnerIndex(ctx, value.winner), decision: value.decision,
  });
  out.broadcast({ type: 'V', ...vote });
  addVote(state, ctx, state.index, vote);
}

/** Files a vote under its (view, phase, digest), by its signer's index (ids are `a${index}`). */
export function addVote(state: ReplicaState, ctx: ReplicaContext, signer: number, vote: VotePayload): void {
  const tallies = (state.current.votes[vote.digest] ??= []);
  let tally = tallyOf(tallies, vote.view, vote.phase);
  if (tally === undefined) {
    tally = { view: vote.view, phase: vote.phase, signatures: new Array<string>(ctx.n).fill(''), count: 0 };
    tallies.push(tally);
  }
  if (tally.signatures[signer] === '') tally.count += 1;
  tally.signatures[signer] = vote.signature;
}

/** The tally of (view, phase) among one digest's tallies (few: one per view and phase seen). */
function tallyOf(tallies: readonly VoteTally[] | undefined, view: number, phase: Phase): VoteTally | undefined {
  if (tallies === undefined) return undefined;
  for (const tally of tallies) if (tally.view === view && tally.phase === phase) return tally;
  return undefined;
}

/**
 * The form of `valueDigest` (32 lowercase hex digits). A vote for anything else can never
 * match a value; refusing it also keeps keys such as `__proto__` out of `votes`.
 */
function isDigest(digest: unknown): digest is string {
  if (digest === lastDigest) return true;
  if (typeof digest !== 'string' || !digestPattern.test(digest)) return false;
  lastDigest = digest;
  return true;
}
const digestPattern = /^[0-9a-f]{32}$/;
/**
 * The last digest that passed (a pure cache: the pattern's answer for it never changes). A
 * vote phase at n = 1000 checks 10⁶ votes, nearly all for one value.
 */
let lastDigest: string | null = null;

/** A vote from a peer: counted only when it is the sender's own, under its key, and verifies. */
export function onVote(state: ReplicaState, ctx: ReplicaContext, out: Out, from: number, vote: VotePayload): void {
  if (vote.roundNo !== state.roundNo || vote.aid !== ctx.ids[from]) return;
  if (vote.phase !== 'prepare' && vote.phase !== 'commit') return;
  if (!isDigest(vote.digest) || typeof vote.roundId !== 'string' || !Number.isSafeInteger(vote.view)) return;
  if (vote.pubkey !== ctx.publicKeys[from]) return;
  if (!ctx.verifyVote(vote)) return;
  addVote(state, ctx, from, vote);
  checkVotes(state, ctx, out, vote.view, vote.digest);
}


/** A prepare quorum for the value this replica prepared locks it; a commit quorum decides. */
export function checkVotes(state: ReplicaState, ctx: ReplicaContext, out: Out, view: number, digest: string): void {
  const c = state.current;
  const value = c.values[digest];
  if (value === undefined) return;
  const outcome = ctx.outcomeOf(state.index, value);
  const quorum = ctx.voteQuorum(value, outcome);
  const tallies = c.votes[digest];
  const prepares = tallyOf(tallies, view, 'prepare');
  const prepared = prepares !== undefined && prepares.count >= quorum;
  if (prepared && c.prepared[String(view)]?.digest === digest && !c.voted[`${view}:commit`]) {
    lock(state, ctx, out, view, value, digest, prepares);
    castVote(state, ctx, out, 'commit', view, value, digest);
  }
  const commits = tallyOf(tallies, view, 'commit');
  if (commits !== undefined && commits.count >= quorum) {
    decide(state, ctx, out, value, certificateOf(ctx.ids, value, digest, view, 'commit', commits), 'votes');
  }
}

function lock(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  view: number,
  value: Value,
  digest: string,
  prepares: VoteTally,
): void {
  const c = state.current;
  // Policy: a lock only moves up; a prepare quorum of an older view never replaces a newer lock.
  if (c.lock === null || c.lock.view <= view) {
    c.lock = { view, value, digest, cert: certificateOf(ctx.ids, value, digest, view, 'prepare', prepares) };
  }
  if (c.lockedWinner === null || c.lockedWinner.view <= view) c.lockedWinner = { view, winner: value.winner };
  out.emit({
    kind: 'locked', agent: state.index, roundNo: state.roundNo, view,
    winner: winnerIndex(ctx, value.winner), decision: value.decision,
  });
}

/**
 * Decides the round on a commit certificate (its own votes or a peer's certificate): the
 * engine learns from the outcome and tells the monitors; the replica keeps the certificate
 * for lagging peers and moves to the next round, starting in the view that decided this one,
 * so every replica that decides a round starts the next one in the same view.
 */
export function decide(
  state: ReplicaState,
  ctx: ReplicaContext,
  out: Out,
  value: Value,
  cert: Certificate,
  via: 'votes' | 'certificate',
): void {
  if (value.roundNo !== state.roundNo || state.roundNo > ctx.rounds) return;
  const outcome = ctx.outcomeOf(state.index, value);
  out.push({ kind: 'decide', roundNo: state.roundNo, view: cert.view, value, outcome, cert, via });
  state.decided[String(state.roundNo)] = { value, cert };
  state.committedRounds += 1;
  state.roundNo += 1;
  state.current = freshRoundState();
}
