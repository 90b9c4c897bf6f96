/**
 * The Council part of scenario schema v1 (SPEC §4), as far as the first end-to-end slice
 * needs it. TODO(issue 5): replaced by the full schema with `parseScenario` and validation.
 */
export interface CouncilFault {
  kind: 'biased' | 'bloc' | 'silent';
  /** Agent indices. */
  agents: number[];
}

export interface CouncilScenario {
  v: 1;
  name?: string;
  seed: number;
  protocol: 'council';
  /** Voters a0 .. a{n-1}. */
  n: number;
  /** Proposals to decide, one per round. Default 5. */
  rounds?: number;
  faults?: CouncilFault[];
  opinions?: {
    /** Share of honest votes that approve, 0 .. 1. Default 0.85. */
    support?: number;
  };
  council?: {
    quorumFraction?: number;
    majorityThreshold?: number;
    supermajorityThreshold?: number;
    /** Ticks until a proposal expires; 0 never. */
    expiry?: number;
    allowVoteChange?: boolean;
    /** Per agent, default 1. */
    weights?: number[];
    /** One proposal per round, cycling. */
    actions?: string[];
  };
}

export const defaultCouncilActions = ['quarantine', 'terminate', 'escalate', 'release', 'restrict'];
