import type { VoteValueT } from '../../council';
import type { VerifyMemo } from '../../crypto';
import { voteDigest } from './councilVoting';

/** A vote as signed, with what is needed to check it again later. */
export interface SignedVote {
  proposalId: string;
  voter: string;
  value: VoteValueT;
  tick: number;
  signature: string;
}

/**
 * Proof that a voter signed two different values on one proposal: anyone holding the voter's
 * public key can check both signatures, so the certificate convicts without trusting whoever
 * collected it.
 */
export interface CouncilEquivocationCertificate {
  kind: 'council-equivocation';
  proposalId: string;
  voter: string;
  pubkey: string;
  /** Two votes with different values, in the order they were cast. */
  votes: [SignedVote, SignedVote];
}

/**
 * Every (proposal, voter) with two validly signed votes of different values, in the order
 * the first of them was cast. Only votes whose signature verifies under the voter's own key
 * count: a vote forged under someone else's id convicts nobody.
 */
export function findCouncilEquivocations(
  votes: readonly SignedVote[],
  pubkeyOf: (voter: string) => string | null,
  memo: VerifyMemo,
): CouncilEquivocationCertificate[] {
  const firstByKey = new Map<string, SignedVote>();
  const certificates: CouncilEquivocationCertificate[] = [];
  const convicted = new Set<string>();
  for (const vote of votes) {
    const pubkey = pubkeyOf(vote.voter);
    if (pubkey === null || !memo.verify(vote.signature, voteDigest(vote), pubkey)) continue;
    const key = `${vote.proposalId}|${vote.voter}`;
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, vote);
    else if (first.value !== vote.value && !convicted.has(key)) {
      convicted.add(key);
      const { proposalId, voter } = vote;
      const votes: [SignedVote, SignedVote] = [first, vote];
      certificates.push({ kind: 'council-equivocation', proposalId, voter, pubkey, votes });
    }
  }
  return certificates;
}

/** True when both votes are on the certificate's proposal and voter, differ, and verify. */
export function verifyCouncilEquivocationCertificate(
  cert: CouncilEquivocationCertificate,
  memo: VerifyMemo,
): boolean {
  const [a, b] = cert.votes;
  const matches = (vote: SignedVote) =>
    vote.proposalId === cert.proposalId && vote.voter === cert.voter;
  if (!matches(a) || !matches(b) || a.value === b.value) return false;
  const signed = (vote: SignedVote) => memo.verify(vote.signature, voteDigest(vote), cert.pubkey);
  return signed(a) && signed(b);
}
