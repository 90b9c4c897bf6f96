import { exhaustive } from '../assert';
import { defaultConsensusConfig } from '../council/consensusConfig';
import { deliberationStepsMax } from '../resonance/deliberate';
import type { UnsafeSwitches } from '../resonance/types';

/**
 * Scenario schema version 1 (SPEC §4): one plain-data object that fully determines a run.
 * Untrusted text or values become a `Scenario` only through `parseScenario`; `withDefaults`
 * then fills in every default so the engine never has to know one.
 *
 * Agents are referred to by index 0 .. n−1 (agent ids are `a0` .. `a{n-1}`). Every time is an
 * integer tick.
 */

/**
 * The five belief axes. Policy: defined here rather than imported from `core/resonance`, so
 * the schema does not depend on the protocol code; a test checks the two lists agree.
 */
export const scenarioAxes = [
  'semantic',
  'affective',
  'relational',
  'epistemic',
  'behavioral',
] as const;
export type Axis = (typeof scenarioAxes)[number];

export const protocols = ['resonance', 'council'] as const;
export type Protocol = (typeof protocols)[number];

export interface Partition {
  /**
   * Disjoint groups of agent indices. Agents listed in no group form one more group of their
   * own, so `[[0, 1, 2]]` splits {0, 1, 2} from everyone else.
   */
  groups: number[][];
  /** Tick at which the partition starts. */
  from: number;
  /** Tick at which it heals, after `from`; absent: it never heals. */
  healAt?: number;
}

export interface NetworkConfig {
  /** Ticks per message, [min, max], uniform over the integers; default [1, 3]. */
  latency?: [number, number];
  /** Probability that a message is dropped, 0 .. 1; default 0. */
  drop?: number;
  /** Applied together: a message is blocked when any active partition separates its ends. */
  partitions?: Partition[];
}

/** Crashed: sends and answers nothing in [from, until). */
export interface SilentFault { kind: 'silent'; agents: number[]; from?: number; until?: number }
/** Edits its sealed vector after sealing (default axis semantic, delta +999). */
export interface TamperFault { kind: 'tamper'; agents: number[]; axis?: Axis; delta?: number }
/** Signs two different evaluations and sends each to half of the peers. */
export interface EquivocateFault { kind: 'equivocate'; agents: number[] }
/** Valid, sealed, but extreme opposite opinions. */
export interface BiasedFault { kind: 'biased'; agents: number[] }
/** Copies the leader's evaluation and moves toward low-confidence peers. */
export interface SycophantFault { kind: 'sycophant'; agents: number[] }
/** Corrupts outgoing payload bytes with probability `rate` (default 0.3). */
export interface GarbleFault { kind: 'garble'; agents: number[]; rate?: number }
/**
 * As leader: proposes a winner with no real quorum, backed by copies of its own sealed record
 * filed under the other agents' ids (two values in one view are the `equivocate` leader's).
 */
export interface ForgeFault { kind: 'forge'; agents: number[] }
/** Sends records under the victim's id with its own key. */
export interface ImpersonateFault { kind: 'impersonate'; agents: number[]; victim: number }
/** Council: colluding voters always vote together against the majority. */
export interface BlocFault { kind: 'bloc'; agents: number[] }
/**
 * Runs two honest copies of the replica under one key, each reaching half of the peers (the
 * "Twins" fault model): every message it sends is one its key could honestly sign, yet the
 * two copies may vote differently in one view.
 */
export interface TwinFault { kind: 'twin'; agents: number[] }

export type Fault =
  | SilentFault
  | TamperFault
  | EquivocateFault
  | BiasedFault
  | SycophantFault
  | GarbleFault
  | ForgeFault
  | ImpersonateFault
  | BlocFault
  | TwinFault;

export type FaultKind = Fault['kind'];

/**
 * The protocols each fault kind acts in. Policy: a fault that cannot act in the scenario's
 * protocol is rejected rather than ignored, so a scenario never claims a fault it lacks.
 * Tampering with a sealed vector, copying the leader's evaluation and forging a leader's
 * proposal only exist in ResonanceBFT; a voting bloc only exists in the Council.
 */
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

export interface OpinionsConfig {
  /** Share of honest agents leaning to approve, 0 .. 1; default 0.85. */
  support?: number;
  /** Range of persona certainty, [low, high] within 0 .. 1; default [0.3, 0.9]. */
  certainty?: [number, number];
  /** Private vocabulary terms per agent, 0 .. 8; default 0. */
  privateWords?: number;
  /** Persona drift toward its deliberated position between rounds, 0 .. 1; default 0.3. */
  carryOver?: number;
  /** Fixed evaluation text by agent index ("0" .. "n-1"), overriding the generator. */
  texts?: Record<string, string>;
}

export interface DeliberationConfig {
  /** HK steps per round; default 3. */
  steps?: number;
  /** Fraction of the way to the neighbours' mean per step; default 0.3. */
  stepSize?: number;
  /** Confidence radius; < 0 full connectivity, 0 the store's default; default 0.15. */
  epsilon?: number;
  /**
   * What the classic 1-D HK chart (the trace's `hk1d`) starts from: the agents' stances read
   * from their texts (default), or opinions drawn uniformly in [0, 1] from the seeded stream
   * `hk1d:r{round}`, the textbook setting in which ε sets the number of clusters. Only the
   * chart changes: the protocol's deliberation and the carry-over read the agents' texts.
   */
  classicStart?: ClassicStart;
}

/** See `DeliberationConfig.classicStart`. */
export type ClassicStart = 'stances' | 'uniform';

/** Teaching switches; each removes one safety rule (absent: safe). One type with `resolve`'s. */
export type { UnsafeSwitches };

export interface ResonanceConfig {
  /** Commit threshold, (0, 1]; default 0.6. */
  threshold?: number;
  /** Semantic axis: bag-of-words (default) or the dense topic+stance demo embedding. */
  embed?: 'bow' | 'stance';
  /** Ticks; default 40. */
  viewTimeout?: number;
  /** Default 2n. */
  maxViewChanges?: number;
  deliberation?: DeliberationConfig;
  unsafe?: UnsafeSwitches;
}

export interface CouncilConfig {
  /** (0, 1]; default 0.5. */
  quorumFraction?: number;
  /** (0, 1]; default 0.5. */
  majorityThreshold?: number;
  /** (0, 1]; default 2/3. */
  supermajorityThreshold?: number;
  /** Ticks until a proposal expires; 0 never (the default). */
  expiry?: number;
  /** Default false. */
  allowVoteChange?: boolean;
  /** One positive weight per agent; default 1 each. */
  weights?: number[];
  /** One proposal per round, cycling; default the five reference actions. */
  actions?: string[];
}

export const manualActionKinds = ['drop-next', 'crash', 'restart', 'tamper-audit'] as const;
export type ManualActionKind = (typeof manualActionKinds)[number];

/**
 * A manual action recorded from the UI. `drop-next`, `crash` and `restart` need `agent` and
 * take no `index`; `tamper-audit` needs `index` (the audit entry) and may name the `agent`
 * whose copy of the chain is edited. The engine applies actions in (tick, array order).
 */
export interface ManualAction {
  tick: number;
  do: ManualActionKind;
  agent?: number;
  index?: number;
}

export interface Scenario {
  v: 1;
  /** At most 80 characters, one line. */
  name?: string;
  /** Integer 0 .. 2^32−1. */
  seed: number;
  protocol: Protocol;
  /** Agents, 1 .. 1000. */
  n: number;
  /** Decisions to reach, 1 .. 10000; default 5. */
  rounds?: number;
  /** Hard stop in ticks; default 2000 × rounds. */
  maxTicks?: number;
  network?: NetworkConfig;
  faults?: Fault[];
  opinions?: OpinionsConfig;
  /** Only with protocol 'resonance'. */
  resonance?: ResonanceConfig;
  /** Only with protocol 'council'. */
  council?: CouncilConfig;
  actions?: ManualAction[];
}

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
  // The bound `deliberate` asserts, so a valid scenario never trips it.
  deliberationStepsMax,
  epsilonMin: -1,
  epsilonMax: 2,
  tamperDeltaAbsMax: 1_000_000,
  weightMax: 1_000_000,
  councilActionsMax: 64,
  councilActionCharsMax: 32,
  manualActionsMax: 1000,
  auditIndexMax: 1_000_000,
} as const;

export const defaultCouncilActionList: readonly string[] = Object.freeze([
  'quarantine',
  'terminate',
  'escalate',
  'release',
  'restrict',
]);

/** Policy: the SPEC gives no default garble rate; 0.3 is close to the reference's 0.28. */
export const defaultGarbleRate = 0.3;
export const defaultTamperAxis: Axis = 'semantic';
export const defaultTamperDelta = 999;

export type ResolvedFault =
  | (Omit<SilentFault, 'from' | 'until'> & { from: number; until: number | null })
  | Required<TamperFault>
  | EquivocateFault
  | BiasedFault
  | SycophantFault
  | Required<GarbleFault>
  | ForgeFault
  | ImpersonateFault
  | BlocFault
  | TwinFault;

export interface ResolvedPartition {
  groups: number[][];
  from: number;
  /** null: never heals. */
  healAt: number | null;
}

/**
 * A scenario with every default of SPEC §4 filled in. Both protocol sections are resolved
 * whatever the protocol, so code that reads them never meets `undefined`.
 */
export interface ResolvedScenario {
  v: 1;
  /** '' when the scenario has no name. */
  name: string;
  seed: number;
  protocol: Protocol;
  n: number;
  rounds: number;
  maxTicks: number;
  network: { latency: [number, number]; drop: number; partitions: ResolvedPartition[] };
  faults: ResolvedFault[];
  opinions: {
    support: number;
    certainty: [number, number];
    privateWords: number;
    carryOver: number;
    texts: Record<string, string>;
  };
  resonance: {
    threshold: number;
    embed: 'bow' | 'stance';
    viewTimeout: number;
    maxViewChanges: number;
    deliberation: Required<DeliberationConfig>;
    unsafe: UnsafeSwitches;
  };
  council: Required<CouncilConfig>;
  actions: ManualAction[];
}

/**
 * Fills in every default (SPEC §4). Expects a scenario that `parseScenario` accepted; the
 * result shares no arrays or objects with its input.
 */
export function withDefaults(scenario: Scenario): ResolvedScenario {
  const rounds = scenario.rounds ?? 5;
  const network = scenario.network ?? {};
  const opinions = scenario.opinions ?? {};
  return {
    v: 1,
    name: scenario.name ?? '',
    seed: scenario.seed,
    protocol: scenario.protocol,
    n: scenario.n,
    rounds,
    maxTicks: scenario.maxTicks ?? 2000 * rounds,
    network: {
      latency: copyPair(network.latency ?? [1, 3]),
      drop: network.drop ?? 0,
      partitions: (network.partitions ?? []).map((partition) => ({
        groups: partition.groups.map((group) => [...group]),
        from: partition.from,
        healAt: partition.healAt ?? null,
      })),
    },
    faults: (scenario.faults ?? []).map(resolveFault),
    opinions: {
      support: opinions.support ?? 0.85,
      certainty: copyPair(opinions.certainty ?? [0.3, 0.9]),
      privateWords: opinions.privateWords ?? 0,
      carryOver: opinions.carryOver ?? 0.3,
      texts: { ...opinions.texts },
    },
    resonance: resolveResonance(scenario.resonance ?? {}, scenario.n),
    council: resolveCouncil(scenario.council ?? {}, scenario.n),
    // Stable sort: the engine applies actions in (tick, array order), however they were listed.
    actions: (scenario.actions ?? []).map((action) => ({ ...action })).sort((a, b) => a.tick - b.tick),
  };
}

function resolveFault(fault: Fault): ResolvedFault {
  const agents = [...fault.agents];
  switch (fault.kind) {
    case 'silent':
      return { kind: 'silent', agents, from: fault.from ?? 0, until: fault.until ?? null };
    case 'tamper':
      return {
        kind: 'tamper',
        agents,
        axis: fault.axis ?? defaultTamperAxis,
        delta: fault.delta ?? defaultTamperDelta,
      };
    case 'garble':
      return { kind: 'garble', agents, rate: fault.rate ?? defaultGarbleRate };
    case 'impersonate':
      return { kind: 'impersonate', agents, victim: fault.victim };
    case 'equivocate':
    case 'biased':
    case 'sycophant':
    case 'forge':
    case 'bloc':
    case 'twin':
      return { kind: fault.kind, agents };
    default:
      return exhaustive(fault);
  }
}

function resolveResonance(config: ResonanceConfig, n: number): ResolvedScenario['resonance'] {
  const deliberation = config.deliberation ?? {};
  return {
    threshold: config.threshold ?? 0.6,
    embed: config.embed ?? 'bow',
    viewTimeout: config.viewTimeout ?? 40,
    maxViewChanges: config.maxViewChanges ?? 2 * n,
    deliberation: {
      steps: deliberation.steps ?? 3,
      stepSize: deliberation.stepSize ?? 0.3,
      epsilon: deliberation.epsilon ?? 0.15,
      classicStart: deliberation.classicStart ?? 'stances',
    },
    unsafe: { ...config.unsafe },
  };
}

function resolveCouncil(config: CouncilConfig, n: number): ResolvedScenario['council'] {
  return {
    quorumFraction: config.quorumFraction ?? defaultConsensusConfig.quorumFraction,
    majorityThreshold: config.majorityThreshold ?? defaultConsensusConfig.majorityThreshold,
    supermajorityThreshold:
      config.supermajorityThreshold ?? defaultConsensusConfig.supermajorityThreshold,
    expiry: config.expiry ?? defaultConsensusConfig.defaultExpiry,
    allowVoteChange: config.allowVoteChange ?? defaultConsensusConfig.allowVoteChange,
    weights: config.weights ? [...config.weights] : new Array<number>(n).fill(1),
    actions: [...(config.actions ?? defaultCouncilActionList)],
  };
}

function copyPair(pair: readonly [number, number]): [number, number] {
  return [pair[0], pair[1]];
}
