import { describe, expect, it } from 'vitest';
import { agentKeyPair, signHex, toHex, verify } from '../../crypto';
import { Rng } from '../../rng';
import {
  againstMajority,
  collectionWindowTicks,
  drawLeans,
  equivocationValue,
  garbledPayload,
  proposalDigest,
  tallyDeadline,
  voteDigest,
  type VoteMessage,
} from './councilVoting';

const vote = { proposalId: 'prop-0001', voter: 'a3', value: 'approve' as const, tick: 4 };
const proposal = { roundNo: 1, proposalId: 'prop-0001', proposer: 'a0', action: 'quarantine', target: 'a6', tick: 0 };
const streams = (seed: number, n: number) => Array.from({ length: n }, (_, i) => Rng.stream(seed, `council:a${i}`));

describe('council vote and proposal digests', () => {
  it('binds every signed field of a vote', () => {
    const digest = toHex(voteDigest(vote));
    for (const change of [{ proposalId: 'prop-0002' }, { voter: 'a4' }, { value: 'reject' as const }, { tick: 5 }]) {
      expect(toHex(voteDigest({ ...vote, ...change }))).not.toBe(digest);
    }
    expect(toHex(voteDigest({ ...vote }))).toBe(digest);
  });

  it('binds every signed field of a proposal, and never equals a vote digest', () => {
    const digest = toHex(proposalDigest(proposal));
    for (const change of [{ action: 'terminate' }, { target: 'a5' }, { proposer: 'a1' }, { roundNo: 2 }, { tick: 1 }]) {
      expect(toHex(proposalDigest({ ...proposal, ...change }))).not.toBe(digest);
    }
    expect(digest).not.toBe(toHex(voteDigest(vote)));
  });

  it('makes a garbled signature fail verification', () => {
    const keys = agentKeyPair(1, 'a3');
    const message: VoteMessage = { type: 'CV', roundNo: 1, ...vote, signature: signHex(voteDigest(vote), keys.secretKey) };
    expect(verify(message.signature, voteDigest(message), keys.publicKeyHex)).toBe(true);
    const garbled = garbledPayload(message);
    expect(garbled.signature).not.toBe(message.signature);
    expect(garbled.signature).toHaveLength(message.signature.length);
    expect(verify(garbled.signature, voteDigest(garbled), keys.publicKeyHex)).toBe(false);
    expect(message.signature).toBe(signHex(voteDigest(vote), keys.secretKey));
  });
});

describe('council deadlines', () => {
  it('waits a worst-case round trip plus one tick without an expiry', () => {
    expect(collectionWindowTicks([1, 3])).toBe(7);
    expect(tallyDeadline(10, 0, [1, 3])).toBe(17);
  });

  it('tallies on the first tick an expiring proposal counts as expired', () => {
    expect(tallyDeadline(10, 6, [5, 8])).toBe(17);
  });
});

describe('council leans', () => {
  it('draws approve with probability support from each agent\'s own stream', () => {
    const { leans } = drawLeans(streams(3, 400), 0.8, new Array<boolean>(400).fill(true));
    const share = leans.filter((lean) => lean === 'approve').length / 400;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.88);
    expect(drawLeans(streams(3, 400), 0.8, []).leans).toEqual(leans);
  });

  it('never lets one agent\'s draws shift another\'s', () => {
    const four = drawLeans(streams(9, 4), 0.5, [true, true, true, true]).leans;
    const eight = drawLeans(streams(9, 8), 0.5, new Array<boolean>(8).fill(true)).leans;
    expect(eight.slice(0, 4)).toEqual(four);
  });

  it('takes the majority over honest agents only, a tie leaning to approve', () => {
    expect(drawLeans(streams(1, 4), 1, [true, true, false, false]).majority).toBe('approve');
    expect(drawLeans(streams(1, 4), 0, [true, true, false, false]).majority).toBe('reject');
    const tieSeed = Array.from({ length: 64 }, (_, seed) => seed).find((seed) => {
      const { leans } = drawLeans(streams(seed, 2), 0.5, []);
      return leans[0] !== leans[1];
    })!;
    expect(drawLeans(streams(tieSeed, 2), 0.5, [true, true]).majority).toBe('approve');
    expect(againstMajority({ leans: [], majority: 'approve' })).toBe('reject');
    expect(againstMajority({ leans: [], majority: 'reject' })).toBe('approve');
  });

  it('splits an equivocator\'s two values over the lower and upper halves of the roster', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((to) => equivocationValue(to, 7))).toEqual([
      'approve', 'approve', 'approve', 'approve', 'reject', 'reject', 'reject',
    ]);
  });
});
