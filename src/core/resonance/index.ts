/**
 * ResonanceBFT (SPEC §3): sealed and signed five-axis evaluations, the n−f commit over a
 * trimmed-mean centroid, and Byzantine evidence.
 */
export { AXES, AXIS_EPSILON_MULTIPLIERS, AXIS_WEIGHTS, commitWeights, type Axis } from './axes';
export * from './constants';
export { affective, bagOfWords, behavioral, epistemic, relational } from './axisVectors';
export { axisWeightMin, axisWeightUpdate, CONSENSUS_TYPE_SCORES } from './axisWeightUpdate';
export { checkRecords, type RecordVerdict, type TamperReason } from './checkRecords';
export {
  classifyTrajectory,
  coalitionCoCommitsMin,
  CONSENSUS_FAMILIES,
  consensusFamily,
  meanEvidenceDelta,
  type ClassifiableTrajectory,
} from './classifyTrajectory';
export { axisPolarization, conflictReport } from './conflictReport';
export { consensusQuality, type QualityInput } from './consensusQuality';
export {
  deliberate,
  deliberateVerdicts,
  deliberationStepsMax,
  type DeliberateOptions,
  type DeliberationContext,
} from './deliberate';
export {
  craftedRound,
  demoCluster,
  demoRound,
  demoTask,
  demoText,
  type CraftedAxes,
  type DemoRoundOptions,
} from './demoRound';
export {
  certificateEntriesMax,
  findEquivocations,
  verifyEquivocationCertificate,
  type EquivocationCertificate,
  type EquivocationEntry,
} from './equivocation';
export { epochRounds, epochUpdate, type EpochParams } from './epochUpdate';
export { coCommitBoost, epsilonMax, epsilonMin, epsilonRadius } from './epsilonRadius';
export { trustFreeEpsilon } from './hkContext';
export { coordinateAbsMax, inspectRecord, type Inspection } from './inspectRecord';
export { alignmentBand, pentadicSummary } from './pentadicSummary';
export { bftSafetyLowerBound, faultBound, membershipFloor, quorumNeeded } from './quorum';
export {
  ResonanceAgent,
  type AgentResolveOptions,
  type Participation,
  type ResonanceAgentOptions,
  type ResonanceAgentState,
} from './ResonanceAgent';
export { applyResolution, resolveRound, type Resolution, type ResolveConfig, type ResolveOptions } from './resolve';
export { resolveDiagnostics, trajectoryDiagnostics } from './resolveDiagnostics';
export { ResolveMemo, type MemoEntry, type ResolveMemoOptions } from './ResolveMemo';
export { roundHalfEven } from '../roundHalfEven';
export {
  beliefDigest,
  commitmentPayload,
  computeCommitment,
  quantise,
  quantiseVector,
  sealRecord,
  voteDigest,
  type SealedAxes,
  type UnsealedRecord,
} from './seal';
export { sealEvaluation, type EvaluationInput, type SealedEvaluation } from './sealEvaluation';
export { scoreRecords, reconciledSemantics, type ScoreOptions, type Scores } from './scoreRecords';
export {
  falseAgreementRate,
  polarityDirection,
  roundTopic,
  stanceAudit,
  stanceEmbedding,
  stanceOf,
  type StanceAudit,
} from './stance';
export { sycophancyScore } from './sycophancyScore';
export { tokenise, words } from './tokenise';
export { readTrajectory, trajectorySummary } from './trajectorySummary';
export {
  historyMax,
  pairKey,
  TrustStore,
  type BehaviorCounters,
  type TrustStoreData,
} from './TrustStore';
export type * from './types';
export { buildVocab, privateTerms } from './vocab';
export { diameter, isBoxValid, pca2, trimmedMean } from '../vec';
