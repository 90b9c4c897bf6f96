import { parseScenario, type ScenarioResult } from '../parseScenario';
import { unsafeSwitchValues } from '../hunt/unsafeSwitch';
import { withDefaults, type Scenario } from '../scenario';
import { forbiddenKeys } from '../scenarioReaders';
import {
  cellCount, isDerivedParam, yValueAt, type SweepAxis, type SweepDefinition, type SweepValue,
} from './sweepDefinition';

/**
 * The concrete scenario of one cell (SPEC §4): the base with the x value and the y value set,
 * validated like any scenario. Field paths are set first, in axis order, then `faulty` (which
 * reads n), then `faultyWeight` (which reads who is faulty).
 */
export function cellScenario(definition: SweepDefinition, xi: number, yi: number): ScenarioResult {
  const settings: [SweepAxis, SweepValue][] = [[definition.x, definition.x.values[xi]!]];
  const y = yValueAt(definition, yi);
  if (definition.y !== undefined && y !== null) settings.push([definition.y, y]);
  const edited = JSON.parse(JSON.stringify(definition.base)) as Record<string, unknown>;
  const order = (param: string) => (param === 'faultyWeight' ? 2 : param === 'faulty' ? 1 : 0);
  settings.sort((a, b) => order(a[0].param) - order(b[0].param));
  for (const [axis, value] of settings) applyAxisValue(edited, definition.base, axis.param, value);
  return parseScenario(edited);
}

/** The scenario of one run: its cell's scenario under `seed`. Expects a parsed definition. */
export function runScenarioOf(definition: SweepDefinition, xi: number, yi: number, seed: number): Scenario {
  const cell = cellScenario(definition, xi, yi);
  if (!cell.ok) throw new Error(`sweep cell (${xi}, ${yi}): ${cell.error.message}`);
  return { ...cell.value, seed };
}

/** The seeds of every cell: base.seed .. base.seed + seeds − 1. */
export function sweepSeeds(definition: SweepDefinition): number[] {
  return Array.from({ length: definition.seeds }, (_, i) => definition.base.seed + i);
}

/** Every cell's scenario (or its error), x-major: index xi × yCount + yi. */
export function cellScenarios(definition: SweepDefinition): ScenarioResult[] {
  const { xCount, yCount } = cellCount(definition);
  const cells: ScenarioResult[] = [];
  for (let xi = 0; xi < xCount; xi++) {
    for (let yi = 0; yi < yCount; yi++) cells.push(cellScenario(definition, xi, yi));
  }
  return cells;
}

/**
 * Sets one axis value on a scenario being edited (a JSON copy). A boolean on an unsafe switch
 * turns it on (its one unsafe value) or off (absent, the safe default).
 */
function applyAxisValue(edited: Record<string, unknown>, base: Scenario, param: string, value: SweepValue): void {
  if (isDerivedParam(param)) {
    if (param === 'faulty') setFaultyCount(edited, value);
    else setFaultyWeight(edited, value);
    return;
  }
  const keys = param.split('.');
  const unsafeName = keys.length === 3 && keys[0] === 'resonance' && keys[1] === 'unsafe' ? keys[2]! : null;
  if (unsafeName !== null && typeof value === 'boolean' && Object.hasOwn(unsafeSwitchValues, unsafeName)) {
    const on = unsafeSwitchValues[unsafeName as keyof typeof unsafeSwitchValues];
    setPath(edited, keys, value ? on : undefined, base);
    return;
  }
  setPath(edited, keys, value, base);
}

/**
 * Sets `keys` to `value` (undefined deletes it), creating objects on the way. Policy: a
 * missing pair such as `network.latency` is first filled from the base's defaults, so
 * `network.latency.1` changes the high end and keeps the default low end.
 */
function setPath(edited: Record<string, unknown>, keys: readonly string[], value: unknown, base: Scenario): void {
  const defaults = withDefaults(base) as unknown as Record<string, unknown>;
  let node: Record<string, unknown> = edited;
  let fallback: unknown = defaults;
  for (const key of keys.slice(0, -1)) {
    if (forbiddenKeys.has(key)) return;
    fallback = isRecord(fallback) && Object.hasOwn(fallback, key) ? fallback[key] : undefined;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isRecord(next)) node = next;
    else {
      const created = Array.isArray(fallback) ? JSON.parse(JSON.stringify(fallback)) as unknown[] : {};
      node[key] = created;
      node = created as Record<string, unknown>;
    }
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `faulty = k`: faults[0] names the last k agents of the roster; 0 removes it. */
function setFaultyCount(edited: Record<string, unknown>, value: SweepValue): void {
  const faults = edited.faults as Record<string, unknown>[];
  if (value === 0) {
    faults.splice(0, 1);
    if (faults.length === 0) delete edited.faults;
    return;
  }
  const n = edited.n as number;
  // A count the roster cannot hold is left for the validator to name (agent −1 …).
  const count = typeof value === 'number' && Number.isInteger(value) ? value : NaN;
  faults[0]!.agents = Number.isNaN(count) ? value : Array.from({ length: count }, (_, i) => n - count + i);
}

/** `faultyWeight = w`: the Council weight of each agent faults[0] names. */
function setFaultyWeight(edited: Record<string, unknown>, value: SweepValue): void {
  const n = edited.n as number;
  const council = (isRecord(edited.council) ? edited.council : {}) as Record<string, unknown>;
  const known = Array.isArray(council.weights) && council.weights.length === n ? council.weights : null;
  const weights: unknown[] = known ? [...known] : new Array<number>(n).fill(1);
  const faults = Array.isArray(edited.faults) ? edited.faults as Record<string, unknown>[] : [];
  const agents = faults[0]?.agents;
  if (Array.isArray(agents)) {
    for (const agent of agents) if (typeof agent === 'number' && agent >= 0 && agent < n) weights[agent] = value;
  }
  council.weights = weights;
  edited.council = council;
}
