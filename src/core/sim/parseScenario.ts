import { checkJsonSyntax } from './jsonSyntax';
import { readFault } from './parseFault';
import {
  manualActionKinds,
  protocols,
  scenarioLimits as limits,
  type CouncilConfig,
  type DeliberationConfig,
  type ManualAction,
  type NetworkConfig,
  type OpinionsConfig,
  type Partition,
  type Protocol,
  type ResonanceConfig,
  type Scenario,
  type UnsafeFrom,
  type UnsafeSwitches,
} from './scenario';
import {
  describe,
  field,
  keyPath,
  quote,
  readAgent,
  readArray,
  readBoolean,
  readChoice,
  readFields,
  readInteger,
  readItems,
  readNumber,
  readOptional,
  readPair,
  readPlainObject,
  readString,
  reject,
  rejectForbiddenKeys,
  rejectUnknownKeys,
  required,
  ScenarioRejection,
  type Fields,
  type Range,
} from './scenarioReaders';

/** Where a scenario is wrong: `path` names the field (`faults[1].agents[0]`, '' for the whole). */
export interface ScenarioError {
  path: string;
  /** One line starting with the path (or `scenario:`), e.g. `n: 0 is out of range [1, 1000]`. */
  message: string;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
export type ScenarioResult = Result<Scenario, ScenarioError>;

/** Scenario text beyond this many characters is refused before it is parsed. */
export const scenarioTextCharsMax = 4 * 1024 * 1024;
/** The schema nests six levels deep; anything deeper is refused before it is parsed. */
export const scenarioJsonDepthMax = 16;

/**
 * Validates untrusted input (JSON text, or a value already parsed) against schema v1
 * (SPEC §4). Never throws: every problem is an error naming the field and the value.
 *
 * Policy: the result is a fresh object assembled field by field from validated values; no
 * input object or array is ever returned or spread, so nothing unchecked survives.
 */
export function parseScenario(input: unknown): ScenarioResult {
  try {
    const value = typeof input === 'string' ? parseText(input) : input;
    return { ok: true, value: readScenario(value) };
  } catch (error) {
    if (error instanceof ScenarioRejection) {
      return { ok: false, error: { path: error.path, message: error.message } };
    }
    // Only hostile values from code (getters, proxies, cycles) can get here; JSON cannot.
    const detail = error instanceof Error ? error.message : String(error);
    const message = `scenario: could not be read (${quote(detail)})`;
    return { ok: false, error: { path: '', message } };
  }
}

function parseText(text: string): unknown {
  if (text.length > scenarioTextCharsMax) {
    reject('', `text of ${text.length} characters is too long (at most ${scenarioTextCharsMax})`);
  }
  const problem = checkJsonSyntax(text, scenarioJsonDepthMax);
  if (problem) {
    reject('', `invalid JSON at line ${problem.line}, column ${problem.column}: ${problem.reason}`);
  }
  return JSON.parse(text) as unknown;
}

const scenarioKeys = [
  'v', 'name', 'seed', 'protocol', 'n', 'rounds', 'maxTicks',
  'network', 'faults', 'opinions', 'resonance', 'council', 'actions',
];

const unit: Range = { min: 0, max: 1 };
const positiveUnit: Range = { min: 0, max: 1, minExclusive: true };

function readScenario(value: unknown): Scenario {
  const fields = readPlainObject(value, '');
  rejectForbiddenKeys(fields, '');
  // The version comes before unknown keys: a newer scenario should hear about its version.
  readVersion(field(fields, 'v'));
  rejectUnknownKeys(fields, '', scenarioKeys);
  const seedRange = `an integer in [0, ${limits.seedMax}]`;
  const seed = readInteger(required(fields, 'seed', '', seedRange), 'seed', 0, limits.seedMax);
  const protocolExpected = protocols.map((name) => `'${name}'`).join(' or ');
  const protocolValue = required(fields, 'protocol', '', protocolExpected);
  const protocol = readChoice(protocolValue, 'protocol', protocols);
  const nRange = `the agent count, 1 .. ${limits.agentCountMax}`;
  const n = readInteger(required(fields, 'n', '', nRange), 'n', 1, limits.agentCountMax);
  const scenario: Scenario = { v: 1, seed, protocol, n };
  readOptional(scenario, 'name', fields, '', (item, path) =>
    readString(item, path, { charsMax: limits.nameCharsMax, oneLine: true }),
  );
  readOptional(scenario, 'rounds', fields, '', (item, path) =>
    readInteger(item, path, 1, limits.roundsMax),
  );
  readOptional(scenario, 'maxTicks', fields, '', (item, path) =>
    readInteger(item, path, 1, limits.ticksMax),
  );
  readOptional(scenario, 'network', fields, '', (item, path) => readNetwork(item, path, n));
  readOptional(scenario, 'faults', fields, '', (item, path) =>
    readItems(readArray(item, path, limits.faultsMax), path, (fault, faultPath) =>
      readFault(fault, faultPath, n, protocol),
    ),
  );
  readOptional(scenario, 'opinions', fields, '', (item, path) => readOpinions(item, path, n));
  readOptional(scenario, 'resonance', fields, '', (item, path) =>
    readResonance(item, path, protocol),
  );
  readOptional(scenario, 'council', fields, '', (item, path) =>
    readCouncil(item, path, protocol, n),
  );
  readOptional(scenario, 'actions', fields, '', (item, path) =>
    readItems(readArray(item, path, limits.manualActionsMax), path, (action, actionPath) =>
      readManualAction(action, actionPath, n),
    ),
  );
  requireAccountability(scenario);
  return scenario;
}

function readVersion(value: unknown): void {
  if (value === undefined) reject('v', 'missing (the schema version, 1)');
  if (typeof value === 'number' && Number.isInteger(value) && value !== 1) {
    reject('v', `unsupported version ${value} (this build reads version 1)`);
  }
  if (value !== 1) reject('v', `expected 1, got ${describe(value)}`);
}

function readNetwork(value: unknown, path: string, n: number): NetworkConfig {
  const fields = readFields(value, path, ['latency', 'drop', 'partitions']);
  const network: NetworkConfig = {};
  readOptional(network, 'latency', fields, path, (item, itemPath) =>
    readPair(item, itemPath, { min: 1, max: limits.latencyTicksMax }, true),
  );
  readOptional(network, 'drop', fields, path, (item, itemPath) => readNumber(item, itemPath, unit));
  readOptional(network, 'partitions', fields, path, (item, itemPath) => {
    const partitions = readArray(item, itemPath, limits.partitionsMax);
    return readItems(partitions, itemPath, (partition, partitionPath) =>
      readPartition(partition, partitionPath, n),
    );
  });
  return network;
}

function readPartition(value: unknown, path: string, n: number): Partition {
  const fields = readFields(value, path, ['groups', 'from', 'healAt']);
  const groupsValue = required(fields, 'groups', path, 'disjoint groups of agent indices');
  const groups = readGroups(groupsValue, keyPath(path, 'groups'), n);
  const fromValue = required(fields, 'from', path, 'the tick the partition starts');
  const from = readInteger(fromValue, keyPath(path, 'from'), 0, limits.ticksMax);
  const partition: Partition = { groups, from };
  readOptional(partition, 'healAt', fields, path, (item, itemPath) => {
    const healAt = readInteger(item, itemPath, 0, limits.ticksMax);
    if (healAt <= from) reject(itemPath, `${healAt} must be after from (${from})`);
    return healAt;
  });
  return partition;
}

/**
 * Disjoint, non-empty groups of existing agents. Agents in no group form one more side, and
 * there must be at least two sides: a partition that separates nobody has no effect.
 */
function readGroups(value: unknown, path: string, n: number): number[][] {
  const items = readArray(value, path, n);
  if (items.length === 0) reject(path, 'needs at least one group');
  const groupOfAgent = new Map<number, number>();
  const groups = readItems(items, path, (item, groupPath, groupIndex) => {
    const members = readArray(item, groupPath, n);
    if (members.length === 0) reject(groupPath, 'a group needs at least one agent');
    return readItems(members, groupPath, (member, memberPath) => {
      const agent = readAgent(member, memberPath, n);
      const earlier = groupOfAgent.get(agent);
      if (earlier === groupIndex) reject(memberPath, `agent ${agent} is listed twice`);
      if (earlier !== undefined) {
        reject(memberPath, `agent ${agent} is already in group ${earlier}`);
      }
      groupOfAgent.set(agent, groupIndex);
      return agent;
    });
  });
  const sides = groups.length + (groupOfAgent.size < n ? 1 : 0);
  if (sides < 2) reject(path, `all ${n} agents are on one side, so nothing is partitioned`);
  return groups;
}

function readOpinions(value: unknown, path: string, n: number): OpinionsConfig {
  const keys = ['support', 'certainty', 'privateWords', 'carryOver', 'texts'];
  const fields = readFields(value, path, keys);
  const opinions: OpinionsConfig = {};
  readOptional(opinions, 'support', fields, path, (item, itemPath) =>
    readNumber(item, itemPath, unit),
  );
  readOptional(opinions, 'certainty', fields, path, (item, itemPath) =>
    readPair(item, itemPath, unit, false),
  );
  readOptional(opinions, 'privateWords', fields, path, (item, itemPath) =>
    readInteger(item, itemPath, 0, limits.privateWordsMax),
  );
  readOptional(opinions, 'carryOver', fields, path, (item, itemPath) =>
    readNumber(item, itemPath, unit),
  );
  readOptional(opinions, 'texts', fields, path, (item, itemPath) => readTexts(item, itemPath, n));
  return opinions;
}

const agentIndexKey = /^(?:0|[1-9][0-9]{0,3})$/;

/** Keys are agent indices in their canonical decimal form ("3", never "03" or "3.0"). */
function readTexts(value: unknown, path: string, n: number): Record<string, string> {
  const fields = readPlainObject(value, path);
  rejectForbiddenKeys(fields, path);
  const texts: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const textPath = keyPath(path, key);
    if (!agentIndexKey.test(key)) {
      reject(textPath, `${quote(key)} is not an agent index (expected "0" .. "${n - 1}")`);
    }
    const agent = Number(key);
    if (agent >= n) reject(textPath, `agent ${agent} does not exist (n = ${n})`);
    texts[key] = readString(fields[key], textPath, { charsMax: limits.textCharsMax });
  }
  return texts;
}

/**
 * Policy: a protocol section for the other protocol is rejected, not ignored, because its
 * settings would silently do nothing.
 */
function rejectForeignSection(path: string, section: Protocol, protocol: Protocol): void {
  if (section !== protocol) {
    const detail = `(it configures '${section}')`;
    reject(path, `this section has no effect with protocol '${protocol}' ${detail}`);
  }
}

function readResonance(value: unknown, path: string, protocol: Protocol): ResonanceConfig {
  rejectForeignSection(path, 'resonance', protocol);
  const keys = [
    'threshold', 'embed', 'viewTimeout', 'maxViewChanges', 'deliberation', 'unsafe', 'accountability',
    'unsafeFrom',
  ];
  const fields = readFields(value, path, keys);
  const resonance: ResonanceConfig = {};
  readOptional(resonance, 'threshold', fields, path, (item, itemPath) =>
    readNumber(item, itemPath, positiveUnit),
  );
  readOptional(resonance, 'embed', fields, path, (item, itemPath) =>
    readChoice(item, itemPath, ['bow', 'stance'] as const),
  );
  readOptional(resonance, 'viewTimeout', fields, path, (item, itemPath) =>
    readInteger(item, itemPath, 1, limits.viewTimeoutTicksMax),
  );
  readOptional(resonance, 'maxViewChanges', fields, path, (item, itemPath) =>
    readInteger(item, itemPath, 0, limits.viewChangesMax),
  );
  readOptional(resonance, 'deliberation', fields, path, readDeliberation);
  readOptional(resonance, 'unsafe', fields, path, readUnsafe);
  readOptional(resonance, 'accountability', fields, path, readBoolean);
  readOptional(resonance, 'unsafeFrom', fields, path, (item, itemPath) =>
    readUnsafeFrom(item, itemPath, resonance.unsafe ?? {}),
  );
  return resonance;
}

/**
 * `resonance.unsafeFrom`: a start tick per switch, each switch switched on in `unsafe` (a tick
 * for a switch that is off would silently do nothing, so it is rejected).
 */
function readUnsafeFrom(value: unknown, path: string, unsafe: UnsafeSwitches): UnsafeFrom {
  const names = Object.keys(unsafeChoices) as (keyof UnsafeSwitches)[];
  const fields = readFields(value, path, names);
  const from: UnsafeFrom = {};
  for (const name of names) {
    readOptional(from, name, fields, path, (item, itemPath) => {
      if (unsafe[name] === undefined) reject(itemPath, `resonance.unsafe.${name} is not switched on`);
      return readInteger(item, itemPath, 0, limits.ticksMax);
    });
  }
  return from;
}

/**
 * An `accuse` fault acts only through the Council vote that `resonance.accountability` adds,
 * and `unsafe.proofCheck` only changes that vote: without accountability either would
 * silently do nothing, so it is rejected (the message names the field).
 */
function requireAccountability(scenario: Scenario): void {
  if (scenario.resonance?.accountability === true) return;
  const accuse = (scenario.faults ?? []).findIndex((fault) => fault.kind === 'accuse');
  if (accuse >= 0) {
    reject(`faults[${accuse}].kind`, "an 'accuse' fault needs resonance.accountability: true");
  }
  if (scenario.resonance?.unsafe?.proofCheck !== undefined) {
    reject('resonance.unsafe.proofCheck', 'has no effect without resonance.accountability: true');
  }
}

function readDeliberation(value: unknown, path: string): DeliberationConfig {
  const fields = readFields(value, path, ['steps', 'stepSize', 'epsilon', 'classicStart']);
  const deliberation: DeliberationConfig = {};
  readOptional(deliberation, 'steps', fields, path, (item, itemPath) =>
    readInteger(item, itemPath, 0, limits.deliberationStepsMax),
  );
  readOptional(deliberation, 'stepSize', fields, path, (item, itemPath) =>
    readNumber(item, itemPath, unit),
  );
  readOptional(deliberation, 'epsilon', fields, path, (item, itemPath) =>
    readNumber(item, itemPath, { min: limits.epsilonMin, max: limits.epsilonMax }),
  );
  readOptional(deliberation, 'classicStart', fields, path, (item, itemPath) =>
    readChoice(item, itemPath, ['stances', 'uniform'] as const),
  );
  return deliberation;
}

const unsafeChoices = {
  quorum: ['2f+1'],
  centroid: ['mean'],
  trim: ['arrived'],
  seal: ['off'],
  membership: ['present'],
  lock: ['off'],
  viewChange: ['reference'],
  proofCheck: ['off'],
} as const satisfies { [K in keyof Required<UnsafeSwitches>]: readonly UnsafeSwitches[K][] };

function readUnsafe(value: unknown, path: string): UnsafeSwitches {
  const fields = readFields(value, path, Object.keys(unsafeChoices));
  const unsafe: UnsafeSwitches = {};
  readOptional(unsafe, 'quorum', fields, path, (v, p) => readChoice(v, p, unsafeChoices.quorum));
  readOptional(unsafe, 'centroid', fields, path, (v, p) =>
    readChoice(v, p, unsafeChoices.centroid),
  );
  readOptional(unsafe, 'trim', fields, path, (v, p) => readChoice(v, p, unsafeChoices.trim));
  readOptional(unsafe, 'seal', fields, path, (v, p) => readChoice(v, p, unsafeChoices.seal));
  readOptional(unsafe, 'membership', fields, path, (v, p) =>
    readChoice(v, p, unsafeChoices.membership),
  );
  readOptional(unsafe, 'lock', fields, path, (v, p) => readChoice(v, p, unsafeChoices.lock));
  readOptional(unsafe, 'viewChange', fields, path, (v, p) =>
    readChoice(v, p, unsafeChoices.viewChange),
  );
  readOptional(unsafe, 'proofCheck', fields, path, (v, p) =>
    readChoice(v, p, unsafeChoices.proofCheck),
  );
  return unsafe;
}

function readCouncil(value: unknown, path: string, protocol: Protocol, n: number): CouncilConfig {
  rejectForeignSection(path, 'council', protocol);
  const keys = [
    'quorumFraction', 'majorityThreshold', 'supermajorityThreshold',
    'expiry', 'allowVoteChange', 'weights', 'actions',
  ];
  const fields = readFields(value, path, keys);
  const council: CouncilConfig = {};
  const readShare = (item: unknown, itemPath: string): number =>
    readNumber(item, itemPath, positiveUnit);
  readOptional(council, 'quorumFraction', fields, path, readShare);
  readOptional(council, 'majorityThreshold', fields, path, readShare);
  readOptional(council, 'supermajorityThreshold', fields, path, readShare);
  readOptional(council, 'expiry', fields, path, (item, itemPath) =>
    readInteger(item, itemPath, 0, limits.ticksMax),
  );
  readOptional(council, 'allowVoteChange', fields, path, readBoolean);
  readOptional(council, 'weights', fields, path, (item, itemPath) =>
    readWeights(item, itemPath, n),
  );
  readOptional(council, 'actions', fields, path, readCouncilActions);
  return council;
}

function readWeights(value: unknown, path: string, n: number): number[] {
  const items = readArray(value, path, Infinity);
  if (items.length !== n) reject(path, `${items.length} weights for ${n} agents (one per agent)`);
  const range: Range = { min: 0, max: limits.weightMax, minExclusive: true };
  return readItems(items, path, (item, itemPath) => readNumber(item, itemPath, range));
}

/** Policy: actions are free names as in the reference, but short, one-line and non-empty. */
function readCouncilActions(value: unknown, path: string): string[] {
  const items = readArray(value, path, limits.councilActionsMax);
  if (items.length === 0) reject(path, 'needs at least one action to cycle through');
  const rule = { charsMax: limits.councilActionCharsMax, nonEmpty: true, oneLine: true };
  return readItems(items, path, (item, itemPath) => readString(item, itemPath, rule));
}

function readManualAction(value: unknown, path: string, n: number): ManualAction {
  const fields: Fields = readFields(value, path, ['tick', 'do', 'agent', 'index']);
  const tickValue = required(fields, 'tick', path, 'the tick it happens at');
  const tick = readInteger(tickValue, keyPath(path, 'tick'), 0, limits.ticksMax);
  const kindValue = required(fields, 'do', path, manualActionKinds.join(', '));
  const kind = readChoice(kindValue, keyPath(path, 'do'), manualActionKinds);
  const action: ManualAction = { tick, do: kind };
  const readAgentField = (item: unknown, itemPath: string): number => readAgent(item, itemPath, n);
  if (kind === 'tamper-audit') {
    readOptional(action, 'agent', fields, path, readAgentField);
    action.index = readInteger(
      required(fields, 'index', path, "'tamper-audit' needs the index of the audit entry"),
      keyPath(path, 'index'),
      0,
      limits.auditIndexMax,
    );
  } else {
    action.agent = readAgentField(
      required(fields, 'agent', path, `'${kind}' needs an agent`),
      keyPath(path, 'agent'),
    );
    if (field(fields, 'index') !== undefined) {
      reject(keyPath(path, 'index'), `has no effect on '${kind}' (only on 'tamper-audit')`);
    }
  }
  return action;
}
