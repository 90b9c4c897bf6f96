import type { Scenario } from '../../../worker/api';

/**
 * The schema's defaults and bounds (SPEC §4), as the configuration panel needs them.
 *
 * Policy: the app imports only types from `src/core`, so the numbers the editors show are
 * mirrored here; `scenarioDefaults.test.ts` checks them against `withDefaults`,
 * `scenarioLimits` and `faultProtocols` of the core, so the two cannot drift apart unnoticed.
 * The worker's validator remains the judge of what a scenario may contain.
 */

type Fault = NonNullable<Scenario['faults']>[number];
export type FaultKind = Fault['kind'];
export type Protocol = Scenario['protocol'];
export type Axis = Extract<Fault, { kind: 'tamper' }>['axis'] & string;
export type UnsafeKey = keyof NonNullable<NonNullable<Scenario['resonance']>['unsafe']>;

export const limits = {
  nameCharsMax: 80,
  agentCountMax: 1000,
  seedMax: 2 ** 32 - 1,
  roundsMax: 10_000,
  ticksMax: 20_000_000,
  latencyTicksMax: 1000,
  partitionsMax: 100,
  faultsMax: 100,
  privateWordsMax: 8,
  viewTimeoutTicksMax: 10_000,
  viewChangesMax: 10_000,
  deliberationStepsMax: 64,
  epsilonMin: -1,
  epsilonMax: 2,
  tamperDeltaAbsMax: 1_000_000,
  weightMax: 1_000_000,
  councilActionsMax: 64,
  councilActionCharsMax: 32,
} as const;

export const axes: readonly Axis[] = ['semantic', 'affective', 'relational', 'epistemic', 'behavioral'];

export const faultProtocols: Readonly<Record<FaultKind, readonly Protocol[]>> = {
  silent: ['resonance', 'council'],
  tamper: ['resonance'],
  equivocate: ['resonance', 'council'],
  biased: ['resonance', 'council'],
  sycophant: ['resonance'],
  garble: ['resonance', 'council'],
  forge: ['resonance'],
  impersonate: ['resonance', 'council'],
  bloc: ['council'],
  twin: ['resonance'],
};

export const faultKinds = Object.keys(faultProtocols) as FaultKind[];

/** One line per kind, shown beside the fault: what the faulty agents do. */
export const faultExplanations: Readonly<Record<FaultKind, string>> = {
  silent: 'Crashed: sends and answers nothing from its start tick until it recovers (or ever).',
  tamper: 'Edits its sealed vector after sealing; the seal check should catch it.',
  equivocate: 'Signs two different evaluations and sends each to half of the peers.',
  biased: 'Valid and sealed, but extreme opposite opinions that pull the centroid.',
  sycophant: "Copies the leader's evaluation and drifts toward low-confidence peers.",
  garble: 'Corrupts the bytes of its outgoing messages at the chosen rate.',
  forge: "As leader: proposes a winner backed by copies of its own record filed under the others' ids.",
  impersonate: "Sends records under the victim's id, signed with its own key.",
  bloc: 'Council: colluding voters always vote together against the majority.',
  twin: 'Runs two honest copies under one key, each reaching half of the peers.',
};

export const defaults = {
  rounds: 5,
  maxTicksPerRound: 2000,
  latency: [1, 3] as const,
  drop: 0,
  silentFrom: 0,
  tamperAxis: 'semantic' as Axis,
  tamperDelta: 999,
  garbleRate: 0.3,
  support: 0.85,
  certainty: [0.3, 0.9] as const,
  privateWords: 0,
  carryOver: 0.3,
  threshold: 0.6,
  embed: 'bow' as const,
  viewTimeout: 40,
  viewChangesPerAgent: 2,
  steps: 3,
  stepSize: 0.3,
  epsilon: 0.15,
  classicStart: 'stances' as const,
  quorumFraction: 0.5,
  majorityThreshold: 0.5,
  supermajorityThreshold: 2 / 3,
  expiry: 0,
  allowVoteChange: false,
  weight: 1,
  councilActions: ['quarantine', 'terminate', 'escalate', 'release', 'restrict'] as const,
};

/** The hard stop when `maxTicks` is absent: 2000 ticks per round. */
export const defaultMaxTicks = (rounds: number): number => defaults.maxTicksPerRound * rounds;

/** The view-change bound when `maxViewChanges` is absent: 2n. */
export const defaultMaxViewChanges = (n: number): number => defaults.viewChangesPerAgent * n;
