/** Protocol parameters (reference §1.2, `ConsensusConfig`). */
export interface ConsensusConfig {
  /** Share of all voters that must cast a non-abstain vote, in (0, 1]. Default 0.5. */
  quorumFraction: number;
  /** Approve share of the cast weight that approves a routine action, in (0, 1]. Default 0.5. */
  majorityThreshold: number;
  /** Approve share of the cast weight that approves a critical action, in (0, 1]. Default 2/3. */
  supermajorityThreshold: number;
  /** Ticks until a new proposal expires; 0 (or less) means never. Default 0. */
  defaultExpiry: number;
  /** Whether a voter may overwrite its vote while the proposal is open. Default false. */
  allowVoteChange: boolean;
  /** Open proposals one proposer may have at a time, at least 1. Default 10. */
  maxActiveProposals: number;
}

export const defaultConsensusConfig: Readonly<ConsensusConfig> = Object.freeze({
  quorumFraction: 0.5,
  majorityThreshold: 0.5,
  supermajorityThreshold: 2 / 3,
  defaultExpiry: 0,
  allowVoteChange: false,
  maxActiveProposals: 10,
});

/**
 * The defaults overlaid with the given fields (an `undefined` field keeps its default), then
 * validated with the reference's checks and messages. NaN fails every range check.
 */
export function resolveConsensusConfig(partial: Partial<ConsensusConfig> = {}): ConsensusConfig {
  const config: ConsensusConfig = {
    quorumFraction: partial.quorumFraction ?? defaultConsensusConfig.quorumFraction,
    majorityThreshold: partial.majorityThreshold ?? defaultConsensusConfig.majorityThreshold,
    supermajorityThreshold:
      partial.supermajorityThreshold ?? defaultConsensusConfig.supermajorityThreshold,
    defaultExpiry: partial.defaultExpiry ?? defaultConsensusConfig.defaultExpiry,
    allowVoteChange: partial.allowVoteChange ?? defaultConsensusConfig.allowVoteChange,
    maxActiveProposals: partial.maxActiveProposals ?? defaultConsensusConfig.maxActiveProposals,
  };
  for (const field of ['quorumFraction', 'majorityThreshold', 'supermajorityThreshold'] as const) {
    if (!inUnitInterval(config[field])) throw new Error(`${field} must be in (0, 1]`);
  }
  if (!(config.maxActiveProposals >= 1)) throw new Error('maxActiveProposals must be >= 1');
  return config;
}

function inUnitInterval(value: number): boolean {
  return value > 0 && value <= 1;
}
