export {
  ConsensusProtocol,
  type ConsensusProtocolOptions,
  type ConsensusProtocolState,
  type ProposeOptions,
} from './ConsensusProtocol';
export {
  defaultConsensusConfig,
  resolveConsensusConfig,
  type ConsensusConfig,
} from './consensusConfig';
export { defaultBlocThreshold } from './detectVotingBlocs';
export {
  Decision,
  isCritical,
  ProposalAction,
  ProposalStatus,
  VoteValue,
  type AuditEntry,
  type ConsensusSummary,
  type DecisionT,
  type Proposal,
  type ProposalActionT,
  type ProposalStatusT,
  type TallyResult,
  type Vote,
  type VoteValueT,
} from './types';
