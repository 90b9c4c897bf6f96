import { faultBound, quorumNeeded } from '../../../core/values';
import type { Scenario } from '../../../worker/api';
import {
  defaultMaxTicks,
  defaultMaxViewChanges,
  defaults,
  faultProtocols,
  type FaultKind,
} from './scenarioDefaults';

/**
 * Immutable edits of a scenario draft (the configuration panel's working copy). A draft is a
 * `Scenario` that may hold values the schema rejects (a latency range upside down, a fault
 * naming an agent beyond n): the worker's validator judges it on Apply and names the field.
 *
 * Policy: a field set back to its default is removed, so the applied scenario (and its share
 * link) holds only what the user chose; sections left empty are removed with it.
 */

export type Fault = NonNullable<Scenario['faults']>[number];
export type Partition = NonNullable<NonNullable<Scenario['network']>['partitions']>[number];
export type FieldPath = readonly string[];

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two equal scenarios give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]]))
      : item,
  );
}

const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** The value at `path`, or undefined when any step is missing. */
export function getPath(scenario: Scenario, path: FieldPath): unknown {
  let node: unknown = scenario;
  for (const key of path) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/**
 * A copy of `scenario` with `value` at `path`. `undefined`, or a value equal to `fallback`
 * (the field's default), removes the field, and then any section it leaves empty.
 */
export function setPath(scenario: Scenario, path: FieldPath, value: unknown, fallback?: unknown): Scenario {
  const remove = value === undefined || (fallback !== undefined && sameValue(value, fallback));
  return setIn(scenario as unknown as Json, path, remove ? undefined : value) as unknown as Scenario;
}

function setIn(node: Json, path: FieldPath, value: unknown): Json {
  const [key, ...rest] = path;
  if (key === undefined) return node;
  const copy: Json = { ...node };
  const next = rest.length === 0 ? value : setIn(isRecord(node[key]) ? node[key] : {}, rest, value);
  if (next === undefined || (isRecord(next) && Object.keys(next).length === 0)) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** Fields with a fixed default: removed by `normalizeDraft` when they hold it. */
const fixedDefaults: ReadonlyArray<readonly [FieldPath, unknown]> = [
  [['rounds'], defaults.rounds],
  [['network', 'latency'], defaults.latency],
  [['network', 'drop'], defaults.drop],
  [['network', 'partitions'], []],
  [['faults'], []],
  [['opinions', 'support'], defaults.support],
  [['opinions', 'certainty'], defaults.certainty],
  [['opinions', 'privateWords'], defaults.privateWords],
  [['opinions', 'carryOver'], defaults.carryOver],
  [['opinions', 'texts'], {}],
  [['resonance', 'threshold'], defaults.threshold],
  [['resonance', 'embed'], defaults.embed],
  [['resonance', 'viewTimeout'], defaults.viewTimeout],
  [['resonance', 'deliberation', 'steps'], defaults.steps],
  [['resonance', 'deliberation', 'stepSize'], defaults.stepSize],
  [['resonance', 'deliberation', 'epsilon'], defaults.epsilon],
  [['resonance', 'deliberation', 'classicStart'], defaults.classicStart],
  [['resonance', 'unsafe'], {}],
  [['council', 'quorumFraction'], defaults.quorumFraction],
  [['council', 'majorityThreshold'], defaults.majorityThreshold],
  [['council', 'supermajorityThreshold'], defaults.supermajorityThreshold],
  [['council', 'expiry'], defaults.expiry],
  [['council', 'allowVoteChange'], defaults.allowVoteChange],
  [['council', 'actions'], defaults.councilActions],
  [['actions'], []],
];

/** The scenario with every field that holds its default removed: equal meaning, equal text. */
export function normalizeDraft(scenario: Scenario): Scenario {
  let result = scenario;
  for (const [path, fallback] of fixedDefaults) {
    if (sameValue(getPath(result, path), fallback)) result = setPath(result, path, undefined);
  }
  const rounds = result.rounds ?? defaults.rounds;
  if (result.maxTicks === defaultMaxTicks(rounds)) result = setPath(result, ['maxTicks'], undefined);
  const viewChanges = result.resonance?.maxViewChanges;
  if (viewChanges === defaultMaxViewChanges(result.n)) {
    result = setPath(result, ['resonance', 'maxViewChanges'], undefined);
  }
  const weights = result.council?.weights;
  if (weights && weights.length === result.n && weights.every((w) => w === defaults.weight)) {
    result = setPath(result, ['council', 'weights'], undefined);
  }
  if (result.name === '') result = setPath(result, ['name'], undefined);
  return result;
}

/** Whether the draft means something other than the scenario it started from. */
export function isEdited(draft: Scenario, base: Scenario): boolean {
  return canonicalJson(normalizeDraft(draft)) !== canonicalJson(normalizeDraft(base));
}

/** The numbers of the n−f rule for n agents: f = ⌊(n−1)/3⌋. */
export function quorumNumbers(n: number): { f: number; quorum: number; certificate: number } {
  return { f: faultBound(n), quorum: quorumNeeded(n, 'n-f'), certificate: quorumNeeded(n, '2f+1') };
}

/** Distinct agents below n that some fault makes Byzantine or crashed, ascending. */
export function faultyAgents(scenario: Scenario): number[] {
  const agents = new Set<number>();
  for (const fault of scenario.faults ?? []) {
    for (const agent of fault.agents) if (agent < scenario.n) agents.add(agent);
  }
  return [...agents].sort((a, b) => a - b);
}

/** `agents` with `agent` added or removed, ascending. */
export function toggleAgent(agents: readonly number[], agent: number): number[] {
  return agents.includes(agent)
    ? agents.filter((a) => a !== agent)
    : [...agents, agent].sort((a, b) => a - b);
}

/** A new fault of `kind` with no agents yet (the user picks them) and default parameters. */
export function newFault(kind: FaultKind): Fault {
  return kind === 'impersonate' || kind === 'accuse'
    ? { kind, agents: [], victim: 0 }
    : { kind, agents: [] };
}

/** The fault kinds that act in `protocol`, in schema order. */
export function faultKindsFor(protocol: Scenario['protocol']): FaultKind[] {
  return (Object.keys(faultProtocols) as FaultKind[]).filter((kind) =>
    faultProtocols[kind].includes(protocol),
  );
}

export function setFaults(scenario: Scenario, faults: readonly Fault[]): Scenario {
  return setPath(scenario, ['faults'], faults.length > 0 ? [...faults] : undefined);
}

export function addFault(scenario: Scenario, kind: FaultKind): Scenario {
  return setFaults(scenario, [...(scenario.faults ?? []), newFault(kind)]);
}

export function replaceFault(scenario: Scenario, index: number, fault: Fault): Scenario {
  return setFaults(scenario, (scenario.faults ?? []).map((f, i) => (i === index ? fault : f)));
}

export function removeFault(scenario: Scenario, index: number): Scenario {
  return setFaults(scenario, (scenario.faults ?? []).filter((_f, i) => i !== index));
}

/**
 * A fault parameter set or (with `undefined` or its default) removed. Policy: one place builds
 * the new object, so no kind can gain a key the schema rejects for it.
 */
export function withFaultParam(fault: Fault, key: string, value: unknown, fallback?: unknown): Fault {
  const copy: Json = { ...fault };
  if (value === undefined || (fallback !== undefined && sameValue(value, fallback))) delete copy[key];
  else copy[key] = value;
  return copy as unknown as Fault;
}
