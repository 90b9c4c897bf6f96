import type { Result, ScenarioError } from '../parseScenario';
import { documentError, parseDocumentText, readBaseScenario } from '../readDocument';
import { scenarioLimits, type Scenario } from '../scenario';
import {
  describe, field, keyPath, readAgent, readChoice, readFields, readInteger, reject, required,
} from '../scenarioReaders';
import {
  describeForkChange, forkChangeKinds, forkFaultsFor, forkUnsafeRules, victimFaultKinds, type ForkChange,
} from './forkChange';
import { forkScenario } from './forkScenario';

/**
 * A "what if" pair (SPEC §7 Compare), as its link carries it: the base scenario, the tick of
 * the fork and the one change. The fork itself is derived (`forkScenario`), never stored.
 */
export interface Comparison {
  v: 1;
  base: Scenario;
  /** The fork tick: the change acts from here on. */
  at: number;
  change: ForkChange;
}

/** A checked comparison, with its fork and the change in words. */
export interface OpenedComparison {
  comparison: Comparison;
  fork: Scenario;
  caption: string;
}

const comparisonTextCharsMax = 4 * 1024 * 1024;
const comparisonJsonDepthMax = 18;

/**
 * Validates untrusted input (JSON text or a value) as a comparison. Never throws. The base is
 * validated as a scenario (`base.` before the field); the change must apply to it.
 */
export function parseComparison(input: unknown): Result<OpenedComparison, ScenarioError> {
  try {
    const value = typeof input === 'string' ? parseDocumentText(input, comparisonTextCharsMax, comparisonJsonDepthMax) : input;
    const comparison = readComparison(value);
    const fork = forkScenario(comparison.base, comparison.at, comparison.change);
    if (!fork.ok) return fork;
    const caption = describeForkChange(comparison.change, comparison.at);
    return { ok: true, value: { comparison, fork: fork.value, caption } };
  } catch (error) {
    return documentError(error, 'comparison');
  }
}

function readComparison(value: unknown): Comparison {
  const fields = readFields(value, '', ['v', 'base', 'at', 'change']);
  const version = field(fields, 'v');
  if (version !== 1) {
    reject('v', version === undefined ? 'missing (the comparison version, 1)' : `expected 1, got ${describe(version)}`);
  }
  const base = readBaseScenario(fields);
  const at = readInteger(required(fields, 'at', '', 'the fork tick'), 'at', 0, scenarioLimits.ticksMax);
  const change = readChange(required(fields, 'change', '', 'the change'), 'change', base);
  return { v: 1, base, at, change };
}

function readChange(value: unknown, path: string, base: Scenario): ForkChange {
  const kindFields = readFields(value, path, ['kind', 'rule', 'agent', 'fault', 'victim']);
  const kind = readChoice(required(kindFields, 'kind', path, 'what changes'), keyPath(path, 'kind'), forkChangeKinds);
  if (kind === 'unsafe') {
    readFields(value, path, ['kind', 'rule']);
    const rule = readChoice(required(kindFields, 'rule', path, 'the unsafe rule'), keyPath(path, 'rule'), forkUnsafeRules);
    return { kind, rule };
  }
  const agentOf = (key: 'agent' | 'victim') =>
    readAgent(required(kindFields, key, path, 'an agent index'), keyPath(path, key), base.n);
  if (kind !== 'fault') {
    readFields(value, path, ['kind', 'agent']);
    return { kind, agent: agentOf('agent') };
  }
  const faults = forkFaultsFor(base.protocol);
  const fault = readChoice(required(kindFields, 'fault', path, 'the fault kind'), keyPath(path, 'fault'), faults);
  const agent = agentOf('agent');
  if (!victimFaultKinds.includes(fault)) {
    readFields(value, path, ['kind', 'fault', 'agent']);
    return { kind, fault, agent };
  }
  return { kind, fault, agent, victim: agentOf('victim') };
}
