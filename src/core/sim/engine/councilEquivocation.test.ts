import { describe, expect, it } from 'vitest';
import { agentKeyPair, signHex, VerifyMemo } from '../../crypto';
import {
  findCouncilEquivocations,
  verifyCouncilEquivocationCertificate,
  type SignedVote,
} from './councilEquivocation';
import { voteDigest } from './councilVoting';

const seed = 11;
const keys = (id: string) => agentKeyPair(seed, id);
const pubkeyOf = (voter: string) => (/^a\d$/.test(voter) ? keys(voter).publicKeyHex : null);

function signed(voter: string, value: SignedVote['value'], signer = voter, proposalId = 'prop-0001'): SignedVote {
  const unsigned = { proposalId, voter, value, tick: 3 };
  return { ...unsigned, signature: signHex(voteDigest(unsigned), keys(signer).secretKey) };
}

describe('council equivocation certificates', () => {
  it('convicts a voter who signed approve and reject on one proposal, once', () => {
    const memo = new VerifyMemo();
    const votes = [signed('a3', 'approve'), signed('a1', 'approve'), signed('a3', 'reject'), signed('a3', 'approve')];
    const certificates = findCouncilEquivocations(votes, pubkeyOf, memo);
    expect(certificates).toHaveLength(1);
    const [cert] = certificates;
    expect(cert).toMatchObject({ kind: 'council-equivocation', proposalId: 'prop-0001', voter: 'a3' });
    expect(cert!.votes.map((vote) => vote.value)).toEqual(['approve', 'reject']);
    expect(verifyCouncilEquivocationCertificate(cert!, memo)).toBe(true);
  });

  it('does not convict for votes on different proposals or repeated values', () => {
    const votes = [signed('a3', 'approve'), signed('a3', 'reject', 'a3', 'prop-0002'), signed('a3', 'approve')];
    expect(findCouncilEquivocations(votes, pubkeyOf, new VerifyMemo())).toEqual([]);
  });

  it('never convicts the victim of a forged vote', () => {
    const votes = [signed('a5', 'approve'), signed('a5', 'reject', 'a2')];
    expect(findCouncilEquivocations(votes, pubkeyOf, new VerifyMemo())).toEqual([]);
  });

  it('refuses a certificate whose votes were altered or do not conflict', () => {
    const memo = new VerifyMemo();
    const [cert] = findCouncilEquivocations([signed('a3', 'approve'), signed('a3', 'reject')], pubkeyOf, memo);
    const [first, second] = cert!.votes;
    const altered = { ...cert!, votes: [first, { ...second, tick: 4 }] as [SignedVote, SignedVote] };
    expect(verifyCouncilEquivocationCertificate(altered, memo)).toBe(false);
    const same = { ...cert!, votes: [first, first] as [SignedVote, SignedVote] };
    expect(verifyCouncilEquivocationCertificate(same, memo)).toBe(false);
    const otherKey = { ...cert!, pubkey: keys('a4').publicKeyHex };
    expect(verifyCouncilEquivocationCertificate(otherKey, memo)).toBe(false);
  });
});
