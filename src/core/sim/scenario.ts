import { exhaustive } from '../assert';
import type { UnsafeSwitches } from '../resonance/types';
import {
  defaultMaxTicks,
  defaultMaxViewChanges,
  faultKinds,
  faultProtocols,
  manualActionKinds,
  protocols,
  scenarioAxes,
  scenarioDefaults as defaults,
  scenarioLimits,
  type Axis,
  type FaultKind,
  type ManualActionKind,
  type Protocol,
} from '../values';

// Policy: the limits, defaults and kind lists live in the dependency-free `core/values`, which
// the app may import; they are re-exported here for the core code that reads the schema.
export { faultKinds, faultProtocols, manualActionKinds, protocols, scenarioAxes, scenarioLimits };
export type { Axis, FaultKind, ManualActionKind, Protocol };

/**
 * Scenario schema version 1 (SPEC §4): one plain-data object that fully determines a run.
 * Untrusted text or values become a `Scenario` only through `parseScenario`; `withDefaults`
 * then fills in every default so the engine never has to know one.
 *
 * Agents are referred to by index 0 .. n−1 (agent ids are `a0` .. `a{n-1}`). Every time is an
 * integer tick.
 */

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

/**
 * From which tick a fault acts (SPEC §4 addition, for "what if" forks): absent, from the start
 * of the run, as before. Before `from` the agent is honest: it seals, votes and counts as
 * every honest agent does, so a run forked at `from` equals its base until then. A `twin`
 * has no `from` (its two copies run from the start); `silent` has its own `from`.
 */
export interface FaultStart {
  from?: number;
}

/** Crashed: sends and answers nothing in [from, until). */
export interface SilentFault { kind: 'silent'; agents: number[]; from?: number; until?: number }
/** Edits its sealed vector after sealing (default axis semantic, delta +999). */
export interface TamperFault extends FaultStart { kind: 'tamper'; agents: number[]; axis?: Axis; delta?: number }
/** Signs two different evaluations and sends each to half of the peers. */
export interface EquivocateFault extends FaultStart { kind: 'equivocate'; agents: number[] }
/** Valid, sealed, but extreme opposite opinions. */
export interface BiasedFault extends FaultStart { kind: 'biased'; agents: number[] }
/** Copies the leader's evaluation and moves toward low-confidence peers. */
export interface SycophantFault extends FaultStart { kind: 'sycophant'; agents: number[] }
/** Corrupts outgoing payload bytes with probability `rate` (default 0.3). */
export interface GarbleFault extends FaultStart { kind: 'garble'; agents: number[]; rate?: number }
/**
 * As leader: proposes a winner with no real quorum, backed by copies of its own sealed record
 * filed under the other agents' ids (two values in one view are the `equivocate` leader's).
 */
export interface ForgeFault extends FaultStart { kind: 'forge'; agents: number[] }
/** Sends records under the victim's id with its own key. */
export interface ImpersonateFault extends FaultStart { kind: 'impersonate'; agents: number[]; victim: number }
/** Council: colluding voters always vote together against the majority. */
export interface BlocFault extends FaultStart { kind: 'bloc'; agents: number[] }
/**
 * Runs two honest copies of the replica under one key, each reaching half of the peers (the
 * "Twins" fault model): every message it sends is one its key could honestly sign, yet the
 * two copies may vote differently in one view.
 */
export interface TwinFault { kind: 'twin'; agents: number[] }

/**
 * With `resonance.accountability`: submits a forged equivocation proof against the victim to
 * the Council, asking for its quarantine (the voters who check the proof reject it).
 */
export interface AccuseFault extends FaultStart { kind: 'accuse'; agents: number[]; victim: number }

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
  | TwinFault
  | AccuseFault;

// The schema's fault union and the kind list of `core/values` name the same kinds.
const faultKindsAgree: [FaultKind, Fault['kind']] extends [Fault['kind'], FaultKind] ? true : never = true;
void faultKindsAgree;

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
  /**
   * Default false. When on, an honest replica holding a verifiable proof against an agent (an
   * equivocation certificate) proposes its quarantine to the Council with the proof attached;
   * once the quarantine executes, honest replicas ignore the agent from the next round on.
   */
  accountability?: boolean;
  /**
   * The tick from which each switch of `unsafe` applies (SPEC §4 addition, for "what if"
   * forks); a switch not named here applies from the start. Every name must be switched on in
   * `unsafe`. Absent: every switch from the start, as before.
   */
  unsafeFrom?: UnsafeFrom;
}

/** See `ResonanceConfig.unsafeFrom`. */
export type UnsafeFrom = { [K in keyof UnsafeSwitches]?: number };

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

export const defaultCouncilActionList: readonly string[] = Object.freeze([...defaults.councilActions]);
export const defaultGarbleRate = defaults.garbleRate;
export const defaultTamperAxis: Axis = defaults.tamperAxis;
export const defaultTamperDelta = defaults.tamperDelta;

export type ResolvedFault =
  | (Omit<SilentFault, 'from' | 'until'> & { from: number; until: number | null })
  | (Required<Omit<TamperFault, 'from'>> & FaultStart)
  | EquivocateFault
  | BiasedFault
  | SycophantFault
  | (Required<Omit<GarbleFault, 'from'>> & FaultStart)
  | ForgeFault
  | ImpersonateFault
  | BlocFault
  | TwinFault
  | AccuseFault;

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
    accountability: boolean;
    /** {} when every switch applies from the start. */
    unsafeFrom: UnsafeFrom;
  };
  council: Required<CouncilConfig>;
  actions: ManualAction[];
}

/**
 * Fills in every default (SPEC §4). Expects a scenario that `parseScenario` accepted; the
 * result shares no arrays or objects with its input.
 */
export function withDefaults(scenario: Scenario): ResolvedScenario {
  const rounds = scenario.rounds ?? defaults.rounds;
  const network = scenario.network ?? {};
  const opinions = scenario.opinions ?? {};
  return {
    v: 1,
    name: scenario.name ?? '',
    seed: scenario.seed,
    protocol: scenario.protocol,
    n: scenario.n,
    rounds,
    maxTicks: scenario.maxTicks ?? defaultMaxTicks(rounds),
    network: {
      latency: copyPair(network.latency ?? defaults.latency),
      drop: network.drop ?? defaults.drop,
      partitions: (network.partitions ?? []).map((partition) => ({
        groups: partition.groups.map((group) => [...group]),
        from: partition.from,
        healAt: partition.healAt ?? null,
      })),
    },
    faults: (scenario.faults ?? []).map(resolveFault),
    opinions: {
      support: opinions.support ?? defaults.support,
      certainty: copyPair(opinions.certainty ?? defaults.certainty),
      privateWords: opinions.privateWords ?? defaults.privateWords,
      carryOver: opinions.carryOver ?? defaults.carryOver,
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
  if (fault.kind === 'silent') {
    return { kind: 'silent', agents, from: fault.from ?? defaults.silentFrom, until: fault.until ?? null };
  }
  // A fault's `from` stays absent when the scenario leaves it out (the fault acts from the start).
  const start: FaultStart = fault.kind !== 'twin' && fault.from !== undefined ? { from: fault.from } : {};
  switch (fault.kind) {
    case 'tamper':
      return {
        kind: 'tamper',
        agents,
        axis: fault.axis ?? defaultTamperAxis,
        delta: fault.delta ?? defaultTamperDelta,
        ...start,
      };
    case 'garble':
      return { kind: 'garble', agents, rate: fault.rate ?? defaultGarbleRate, ...start };
    case 'impersonate':
    case 'accuse':
      return { kind: fault.kind, agents, victim: fault.victim, ...start };
    case 'equivocate':
    case 'biased':
    case 'sycophant':
    case 'forge':
    case 'bloc':
      return { kind: fault.kind, agents, ...start };
    case 'twin':
      return { kind: fault.kind, agents };
    default:
      return exhaustive(fault);
  }
}

function resolveResonance(config: ResonanceConfig, n: number): ResolvedScenario['resonance'] {
  const deliberation = config.deliberation ?? {};
  return {
    threshold: config.threshold ?? defaults.threshold,
    embed: config.embed ?? defaults.embed,
    viewTimeout: config.viewTimeout ?? defaults.viewTimeout,
    maxViewChanges: config.maxViewChanges ?? defaultMaxViewChanges(n),
    deliberation: {
      steps: deliberation.steps ?? defaults.steps,
      stepSize: deliberation.stepSize ?? defaults.stepSize,
      epsilon: deliberation.epsilon ?? defaults.epsilon,
      classicStart: deliberation.classicStart ?? defaults.classicStart,
    },
    unsafe: { ...config.unsafe },
    accountability: config.accountability ?? defaults.accountability,
    unsafeFrom: { ...config.unsafeFrom },
  };
}

function resolveCouncil(config: CouncilConfig, n: number): ResolvedScenario['council'] {
  return {
    quorumFraction: config.quorumFraction ?? defaults.quorumFraction,
    majorityThreshold: config.majorityThreshold ?? defaults.majorityThreshold,
    supermajorityThreshold: config.supermajorityThreshold ?? defaults.supermajorityThreshold,
    expiry: config.expiry ?? defaults.expiry,
    allowVoteChange: config.allowVoteChange ?? defaults.allowVoteChange,
    weights: config.weights ? [...config.weights] : new Array<number>(n).fill(defaults.weight),
    actions: [...(config.actions ?? defaultCouncilActionList)],
  };
}

function copyPair(pair: readonly [number, number]): [number, number] {
  return [pair[0], pair[1]];
}
