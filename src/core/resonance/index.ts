/**
 * ResonanceBFT (SPEC §3): sealed and signed five-axis evaluations, the n−f commit over a
 * trimmed-mean centroid, and Byzantine evidence.
 */
export { AXES, AXIS_EPSILON_MULTIPLIERS, AXIS_WEIGHTS, commitWeights, type Axis } from './axes';
export * from './constants';
export { affective, bagOfWords, behavioral, epistemic, relational } from './axisVectors';
export { checkRecords, type RecordVerdict, type TamperReason } from './checkRecords';
export { demoCluster, demoRound, demoTask, demoText, type DemoRoundOptions } from './demoRound';
export {
  certificateEntriesMax,
  findEquivocations,
  verifyEquivocationCertificate,
  type EquivocationCertificate,
  type EquivocationEntry,
} from './equivocation';
export { coordinateAbsMax, inspectRecord, type Inspection } from './inspectRecord';
export { alignmentBand, pentadicSummary } from './pentadicSummary';
export { bftSafetyLowerBound, faultBound, membershipFloor, quorumNeeded } from './quorum';
export {
  ResonanceAgent,
  type AgentResolveOptions,
  type Participation,
  type ResonanceAgentOptions,
} from './ResonanceAgent';
export { resolveRound, type ResolveConfig, type ResolveOptions } from './resolve';
export { ResolveMemo, type MemoEntry, type ResolveMemoOptions } from './ResolveMemo';
export { roundTo } from './roundTo';
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
  stanceEmbedding,
  stanceOf,
} from './stance';
export { sycophancyScore } from './sycophancyScore';
export { tokenise, words } from './tokenise';
export { pairKey, TrustStore, type BehaviorCounters, type TrustStoreData } from './TrustStore';
export type * from './types';
export { buildVocab, privateTerms } from './vocab';
export { isBoxValid, trimmedMean } from '../vec';
