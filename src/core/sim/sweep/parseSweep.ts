import { documentError, parseDocumentText, readBaseScenario } from '../readDocument';
import type { Result, ScenarioError } from '../parseScenario';
import { scenarioLimits } from '../scenario';
import {
  describe, field, keyPath, quote, readArray, readFields, readInteger, readItems, readOptional,
  readString, reject, required,
} from '../scenarioReaders';
import { metricNames } from './sweepMetrics';
import { cellScenario } from './sweepCells';
import {
  cellCount, isDerivedParam, sweepLimits as limits, yValueAt, type SweepAxis, type SweepDefinition,
  type SweepValue,
} from './sweepDefinition';

export type SweepResult = Result<SweepDefinition, ScenarioError>;

/** Sweep text beyond this many characters is refused before it is parsed. */
export const sweepTextCharsMax = 4 * 1024 * 1024;
const sweepJsonDepthMax = 18;

const sweepKeys = ['v', 'name', 'base', 'x', 'y', 'seeds', 'metric'];
const fieldPath = /^[A-Za-z][A-Za-z0-9]*(?:\.(?:[A-Za-z][A-Za-z0-9]*|0|[1-9][0-9]{0,3}))*$/;

/**
 * Validates untrusted input (JSON text or a value) against sweep definition v1 (SPEC §4).
 * Never throws. The base is validated as a scenario (`base.` before the field), then every
 * cell's concrete scenario is, and a cell's error names the cell and the field:
 * `cell x = 1.2, y = 7 (x[3], y[1]): resonance.threshold: 1.2 is out of range (0, 1]`.
 */
export function parseSweep(input: unknown): SweepResult {
  try {
    const value = typeof input === 'string' ? parseDocumentText(input, sweepTextCharsMax, sweepJsonDepthMax) : input;
    const definition = readSweep(value);
    checkCells(definition);
    return { ok: true, value: definition };
  } catch (error) {
    if (error instanceof CellRejection) return { ok: false, error: { path: error.path, message: error.message } };
    return documentError(error, 'sweep');
  }
}

function readSweep(value: unknown): SweepDefinition {
  const fields = readFields(value, '', sweepKeys);
  const version = field(fields, 'v');
  if (version !== 1) {
    reject('v', version === undefined ? 'missing (the sweep version, 1)' : `expected 1, got ${describe(version)}`);
  }
  const base = readBaseScenario(fields);
  const x = readAxis(required(fields, 'x', '', 'the x axis: { param, values }'), 'x', base);
  const seedsText = `runs per cell, 1 .. ${limits.seedsMax}`;
  const seeds = readInteger(required(fields, 'seeds', '', seedsText), 'seeds', 1, limits.seedsMax);
  if (base.seed + seeds - 1 > scenarioLimits.seedMax) {
    reject('seeds', `${seeds} seeds from base.seed ${base.seed} pass the largest seed ${scenarioLimits.seedMax}`);
  }
  const definition: SweepDefinition = { v: 1, base, x, seeds };
  readOptional(definition, 'name', fields, '', (item, path) =>
    readString(item, path, { charsMax: scenarioLimits.nameCharsMax, oneLine: true }));
  readOptional(definition, 'y', fields, '', (item, path) => readAxis(item, path, base));
  readOptional(definition, 'metric', fields, '', readMetric);
  if (definition.y !== undefined && definition.y.param === x.param) {
    reject('y.param', `${quote(x.param)} is already the x axis`);
  }
  const { xCount, yCount } = cellCount(definition);
  const runs = xCount * yCount * seeds;
  if (runs > limits.runsMax) {
    reject('seeds', `${xCount} × ${yCount} cells × ${seeds} seeds = ${runs} runs (at most ${limits.runsMax})`);
  }
  return definition;
}

function readAxis(value: unknown, path: string, base: SweepDefinition['base']): SweepAxis {
  const fields = readFields(value, path, ['param', 'values']);
  const paramPath = keyPath(path, 'param');
  const paramValue = required(fields, 'param', path, "a field path such as 'network.drop', or 'faulty'");
  const param = readString(paramValue, paramPath, { charsMax: limits.paramCharsMax, nonEmpty: true, oneLine: true });
  if (!isDerivedParam(param)) {
    if (!fieldPath.test(param)) reject(paramPath, `${quote(param)} is not a field path like 'network.drop'`);
    if (param.split('.').length > limits.paramDepthMax) {
      reject(paramPath, `${quote(param)} is deeper than ${limits.paramDepthMax} fields`);
    }
    const top = param.split('.')[0]!;
    if (top === 'v' || top === 'seed') reject(paramPath, `${quote(top)} is not a parameter to sweep (seeds vary by cell)`);
  } else if ((base.faults ?? []).length === 0) {
    reject(paramPath, `'${param}' needs base.faults[0] (the fault whose agents it counts)`);
  }
  const valuesPath = keyPath(path, 'values');
  const items = readArray(required(fields, 'values', path, 'the values to set'), valuesPath, limits.valuesMax);
  if (items.length === 0) reject(valuesPath, 'needs at least one value');
  const seen = new Set<string>();
  const values = readItems(items, valuesPath, (item, itemPath) => {
    const read = readValue(item, itemPath);
    const key = JSON.stringify(read);
    if (seen.has(key)) reject(itemPath, `${describe(read)} is listed twice`);
    seen.add(key);
    return read;
  });
  return { param, values };
}

function readValue(value: unknown, path: string): SweepValue {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) reject(path, `${describe(value)} is not a finite number`);
    return value === 0 ? 0 : value;
  }
  if (typeof value === 'string') {
    return readString(value, path, { charsMax: limits.valueCharsMax, nonEmpty: true, oneLine: true });
  }
  return reject(path, `expected a number, a string or true/false, got ${describe(value)}`);
}

function readMetric(value: unknown, path: string): string {
  if (typeof value === 'string' && (metricNames as readonly string[]).includes(value)) return value;
  return reject(path, `expected a metric name (${metricNames.slice(0, 4).join(', ')}, …), got ${describe(value)}`);
}

/** A cell that is not a valid scenario: the message starts with the cell, then its field. */
class CellRejection extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

/** Every cell must be a valid scenario: the first that is not is named with its field. */
function checkCells(definition: SweepDefinition): void {
  const { xCount, yCount } = cellCount(definition);
  for (let xi = 0; xi < xCount; xi++) {
    for (let yi = 0; yi < yCount; yi++) {
      const cell = cellScenario(definition, xi, yi);
      if (cell.ok) continue;
      throw new CellRejection(`cells[${xi}][${yi}]`, `${cellName(definition, xi, yi)}: ${cell.error.message}`);
    }
  }
}

/** `cell x = 0.3, y = 7 (x[2], y[1])`: a cell by its values and indices, for messages. */
export function cellName(definition: SweepDefinition, xi: number, yi: number): string {
  const x = JSON.stringify(definition.x.values[xi]);
  const y = yValueAt(definition, yi);
  if (y === null) return `cell x = ${x} (x[${xi}])`;
  return `cell x = ${x}, y = ${JSON.stringify(y)} (x[${xi}], y[${yi}])`;
}
