import { describe, expect, it } from 'vitest';
import { parseSweep } from './parseSweep';
import { sweepLimits } from './sweepDefinition';

const base = { v: 1, seed: 42, protocol: 'resonance', n: 7, rounds: 2 };
const valid = {
  v: 1,
  name: 'drop versus latency',
  base,
  x: { param: 'network.drop', values: [0, 0.1, 0.2] },
  y: { param: 'network.latency.1', values: [3, 6] },
  seeds: 5,
  metric: 'viewChangesPerRound',
};

function errorOf(input: unknown): string {
  const result = parseSweep(input);
  if (result.ok) throw new Error('expected the sweep to be refused');
  return result.error.message;
}

describe('parseSweep', () => {
  it('accepts a two-axis sweep, as an object or as JSON text', () => {
    const parsed = parseSweep(valid);
    expect(parsed.ok).toBe(true);
    expect(parseSweep(JSON.stringify(valid))).toEqual(parsed);
    if (parsed.ok) expect(parsed.value.base).toEqual(base);
  });

  it('names the field of a bad base scenario under base', () => {
    expect(errorOf({ ...valid, base: { ...base, n: 0 } })).toBe('base.n: 0 is out of range [1, 1000]');
    expect(errorOf({ ...valid, base: { ...base, faults: [{ kind: 'silent', agents: [9] }] } }))
      .toBe('base.faults[0].agents[0]: agent 9 does not exist (n = 7)');
  });

  it('names the cell and the field when one cell is not a valid scenario', () => {
    const sweep = { ...valid, x: { param: 'resonance.threshold', values: [0.5, 1.2] } };
    expect(errorOf(sweep)).toBe(
      'cell x = 1.2, y = 3 (x[1], y[0]): resonance.threshold: 1.2 is out of range (0, 1]',
    );
    const unknown = { ...valid, y: undefined, x: { param: 'network.speed', values: [1] } };
    expect(errorOf(unknown)).toMatch(/^cell x = 1 \(x\[0\]\): network\.speed: unknown key/);
  });

  it('refuses bad axes, seeds and metrics with the field named', () => {
    expect(errorOf({ ...valid, x: { param: 'network..drop', values: [0] } })).toMatch(/^x\.param: "network\.\.drop" is not a field path/);
    expect(errorOf({ ...valid, x: { param: 'seed', values: [1] } })).toMatch(/^x\.param: "seed" is not a parameter to sweep/);
    expect(errorOf({ ...valid, x: { param: 'faulty', values: [1] } })).toMatch(/^x\.param: 'faulty' needs base\.faults\[0\]/);
    expect(errorOf({ ...valid, y: { param: 'network.drop', values: [0.3] } })).toBe('y.param: "network.drop" is already the x axis');
    expect(errorOf({ ...valid, x: { param: 'network.drop', values: [] } })).toBe('x.values: needs at least one value');
    expect(errorOf({ ...valid, x: { param: 'network.drop', values: [0, 0] } })).toBe('x.values[1]: 0 is listed twice');
    expect(errorOf({ ...valid, x: { param: 'network.drop', values: [null] } })).toMatch(/^x\.values\[0\]: expected a number, a string or true\/false/);
    expect(errorOf({ ...valid, seeds: 0 })).toBe(`seeds: 0 is out of range [1, ${sweepLimits.seedsMax}]`);
    expect(errorOf({ ...valid, metric: 'speed' })).toMatch(/^metric: expected a metric name/);
    expect(errorOf({ ...valid, v: 2 })).toBe('v: expected 1, got 2');
    expect(errorOf({ ...valid, z: 1 })).toMatch(/^z: unknown key/);
  });

  it('refuses forbidden keys, bad JSON and sweeps with too many runs', () => {
    expect(errorOf('{"v":1,"__proto__":{}}')).toMatch(/^__proto__: "__proto__" is a forbidden key/);
    expect(errorOf('{"v":1,')).toMatch(/^sweep: invalid JSON at line 1/);
    expect(errorOf(null)).toBe('sweep: expected an object, got null');
    const values = Array.from({ length: 50 }, (_, i) => i / 100);
    const big = { ...valid, x: { param: 'network.drop', values }, y: { param: 'network.latency.1', values: Array.from({ length: 50 }, (_, i) => i + 3) }, seeds: 41 };
    expect(errorOf(big)).toBe('seeds: 50 × 50 cells × 41 seeds = 102500 runs (at most 100000)');
    expect(Object.prototype).not.toHaveProperty('v');
  });
});
