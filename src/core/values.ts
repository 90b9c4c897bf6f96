/**
 * The numbers every layer shares (SPEC §5): the scenario's limits and defaults, the fault
 * kinds and the protocols they apply to, the quorum arithmetic, and agent ids. The one module
 * of `src/core` the app may import as values, so it imports nothing: a page that needs
 * `rounds`' default or n − f reads it here instead of keeping a copy.
 */

export const protocols = ['resonance', 'council'] as const;
export type Protocol = (typeof protocols)[number];

/** The five belief axes, in the order of every vector. */
export const scenarioAxes = ['semantic', 'affective', 'relational', 'epistemic', 'behavioral'] as const;
export type Axis = (typeof scenarioAxes)[number];

/** Each fault kind and the protocols it applies to (SPEC §4). */
const faultProtocolList = {
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
  accuse: ['resonance'],
} as const satisfies Record<string, readonly Protocol[]>;
export type FaultKind = keyof typeof faultProtocolList;
export const faultProtocols: Readonly<Record<FaultKind, readonly Protocol[]>> = faultProtocolList;
export const faultKinds = Object.keys(faultProtocols) as FaultKind[];

/** The manual actions a scenario can record (SPEC §4 `actions`). */
export const manualActionKinds = ['drop-next', 'crash', 'restart', 'tamper-audit'] as const;
export type ManualActionKind = (typeof manualActionKinds)[number];

/** Bounds that `parseScenario` enforces; sliders and editors use the same numbers. */
export const scenarioLimits = {
  nameCharsMax: 80,
  agentCountMax: 1000,
  seedMax: 2 ** 32 - 1,
  roundsMax: 10_000,
  /** 2000 × roundsMax: the largest default hard stop. Bounds every tick in a scenario. */
  ticksMax: 20_000_000,
  latencyTicksMax: 1000,
  partitionsMax: 100,
  faultsMax: 100,
  privateWordsMax: 8,
  textCharsMax: 2000,
  viewTimeoutTicksMax: 10_000,
  viewChangesMax: 10_000,
  /** The bound `deliberate` asserts, so a valid scenario never trips it. */
  deliberationStepsMax: 64,
  epsilonMin: -1,
  epsilonMax: 2,
  tamperDeltaAbsMax: 1_000_000,
  weightMax: 1_000_000,
  councilActionsMax: 64,
  councilActionCharsMax: 32,
  manualActionsMax: 1000,
  auditIndexMax: 1_000_000,
} as const;

/**
 * Every default of SPEC §4 that is a plain value; `withDefaults` fills a scenario from these,
 * and the defaults that depend on n or rounds are the functions below.
 */
export const scenarioDefaults = {
  rounds: 5,
  maxTicksPerRound: 2000,
  latency: [1, 3] as readonly [number, number],
  drop: 0,
  silentFrom: 0,
  tamperAxis: 'semantic' as Axis,
  tamperDelta: 999,
  /** Policy: the SPEC gives no default garble rate; 0.3 is close to the reference's 0.28. */
  garbleRate: 0.3,
  support: 0.85,
  certainty: [0.3, 0.9] as readonly [number, number],
  privateWords: 0,
  carryOver: 0.3,
  threshold: 0.6,
  embed: 'bow' as 'bow' | 'stance',
  viewTimeout: 40,
  /** Proofs against an agent go to a Council quarantine vote (SPEC §5); off by default. */
  accountability: false,
  viewChangesPerAgent: 2,
  steps: 3,
  stepSize: 0.3,
  epsilon: 0.15,
  classicStart: 'stances' as 'stances' | 'uniform',
  quorumFraction: 0.5,
  majorityThreshold: 0.5,
  supermajorityThreshold: 2 / 3,
  expiry: 0,
  allowVoteChange: false,
  weight: 1,
  councilActions: ['quarantine', 'terminate', 'escalate', 'release', 'restrict'] as readonly string[],
} as const;

/** The hard stop when `maxTicks` is absent: 2000 ticks per round. */
export function defaultMaxTicks(rounds: number): number {
  return scenarioDefaults.maxTicksPerRound * rounds;
}

/** The view-change bound when `maxViewChanges` is absent: 2n. */
export function defaultMaxViewChanges(n: number): number {
  return scenarioDefaults.viewChangesPerAgent * n;
}

/** f = ⌊(n−1)/3⌋, the faults a cluster of n tolerates; 0 for an empty cluster. */
export function faultBound(n: number): number {
  return n > 0 ? Math.floor((n - 1) / 3) : 0;
}

/** The commit quorum's rule: n − f (safe), or the textbook 2f+1 of the teaching switch. */
export type QuorumRule = 'n-f' | '2f+1';

/**
 * Records needed to commit among n agents: n − f.
 *
 * Policy: not the textbook 2f+1, which is right only at n = 3f+1. For n > 3f+1 two 2f+1
 * quorums can share only f agents, all of them possibly Byzantine; two n−f quorums always
 * share at least n − 2f ≥ f+1, so at least one honest agent. The teaching switch
 * `quorum: '2f+1'` restores the textbook rule to show the fork.
 */
export function quorumNeeded(n: number, rule: QuorumRule = 'n-f'): number {
  const f = faultBound(n);
  return rule === '2f+1' ? 2 * f + 1 : n - f;
}

/** The smallest n a ResonanceBFT run can decide with: 3f + 1 for f = 1. */
export const resonanceAgentsMin = 4;

/** An agent's id: `a0` .. `a{n-1}`. */
export function agentId(index: number): string {
  return `a${index}`;
}

/** The index of an agent id (`a7` → 7), or null when it is not one. */
export function agentIndex(id: string): number | null {
  const match = /^a(0|[1-9][0-9]*)$/.exec(id);
  return match === null ? null : Number(match[1]);
}

/** The ids of agents given by index, joined for a sentence: "a1, a2". */
export function agentList(indices: readonly number[]): string {
  return indices.map(agentId).join(', ');
}

/** A `silent` fault as a scenario states it (`from` defaults to 0; no `until`: never recovers). */
export interface SilentPeriod {
  kind: string;
  agents: readonly number[];
  from?: number | null;
  until?: number | null;
}

/**
 * True when `agent` is crashed by a `silent` fault at `tick`: the first silent fault naming it,
 * over [from, until), as the engine applies it. The page draws an agent "silent" from this.
 */
export function silentAt(faults: readonly SilentPeriod[] | undefined, agent: number, tick: number): boolean {
  const fault = faults?.find((candidate) => candidate.kind === 'silent' && candidate.agents.includes(agent));
  if (fault === undefined) return false;
  return tick >= (fault.from ?? scenarioDefaults.silentFrom) && (fault.until == null || tick < fault.until);
}
