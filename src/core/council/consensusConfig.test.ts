import { describe, expect, it } from 'vitest';
import { defaultConsensusConfig, resolveConsensusConfig } from './consensusConfig';

describe('consensus config', () => {
  it('defaults to half quorum, simple majority, two-thirds supermajority, no expiry', () => {
    expect(resolveConsensusConfig()).toEqual({
      quorumFraction: 0.5,
      majorityThreshold: 0.5,
      supermajorityThreshold: 2 / 3,
      defaultExpiry: 0,
      allowVoteChange: false,
      maxActiveProposals: 10,
    });
    expect(resolveConsensusConfig({})).toEqual(defaultConsensusConfig);
  });

  it('overlays the given fields and keeps the default for a field given as undefined', () => {
    const config = resolveConsensusConfig({ quorumFraction: 0.75, majorityThreshold: undefined });
    expect(config.quorumFraction).toBe(0.75);
    expect(config.majorityThreshold).toBe(0.5);
  });

  it('accepts the upper bound 1 for every fraction', () => {
    expect(() =>
      resolveConsensusConfig({
        quorumFraction: 1,
        majorityThreshold: 1,
        supermajorityThreshold: 1,
      }),
    ).not.toThrow();
  });

  it.each([
    ['quorumFraction', 0],
    ['quorumFraction', 1.5],
    ['quorumFraction', Number.NaN],
    ['majorityThreshold', 0],
    ['majorityThreshold', -0.1],
    ['supermajorityThreshold', 0],
    ['supermajorityThreshold', 1.01],
  ] as const)('rejects %s = %s as outside (0, 1]', (field, value) => {
    expect(() => resolveConsensusConfig({ [field]: value })).toThrow(`${field} must be in (0, 1]`);
  });

  it('rejects fewer than one active proposal per proposer', () => {
    const limit = (maxActiveProposals: number) => () =>
      resolveConsensusConfig({ maxActiveProposals });
    expect(limit(0)).toThrow('maxActiveProposals must be >= 1');
    expect(limit(Number.NaN)).toThrow('maxActiveProposals must be >= 1');
  });

  it('cannot be changed through the shared defaults', () => {
    expect(Object.isFrozen(defaultConsensusConfig)).toBe(true);
  });
});
