import { describe, expect, it } from 'vitest';
import { importBytesMax, importDepthMax, importSizeProblem, parseImport } from './parseImport';

const scenario = { v: 1, seed: 7, protocol: 'resonance', n: 4 };
const hash = 'ab'.repeat(32);
const trace = {
  format: 'bft-lab-trace', v: 1, scenario, traceHash: hash,
  events: [{ t: 0, kind: 'roundProposed', agent: 0 }, { t: 3, kind: 'runEnded' }],
};
const text = (value: unknown) => JSON.stringify(value);

function refusal(input: string): string {
  const result = parseImport(input);
  if (result.ok) throw new Error(`expected a refusal for ${input.slice(0, 60)}`);
  return result.message;
}

describe('parseImport', () => {
  it('reads a scenario file as a scenario, leaving its checks to the worker', () => {
    expect(parseImport(text(scenario))).toEqual({ ok: true, value: { kind: 'scenario', scenario } });
  });

  it('reads a trace file with its scenario, hash and events', () => {
    const result = parseImport(text(trace));
    expect(result.ok && result.value.kind === 'trace' && result.value.trace.events).toHaveLength(2);
    expect(result.ok && result.value.kind === 'trace' && result.value.trace.traceHash).toBe(hash);
  });

  it('refuses truncated JSON, saying it may be truncated', () => {
    const whole = text(trace);
    expect(refusal(whole.slice(0, whole.length - 10))).toMatch(/not valid JSON.*truncated/);
    expect(refusal('')).toMatch(/not valid JSON/);
  });

  it('refuses a __proto__ key anywhere, naming where, and leaves Object.prototype alone', () => {
    const nested = '{"format":"bft-lab-trace","v":1,"scenario":{"network":{"__proto__":{"polluted":1}}}}';
    expect(refusal(nested)).toBe('scenario.network.__proto__: the key "__proto__" is not allowed in a BFT Lab file.');
    expect(refusal('{"events":[{"constructor":{}}]}')).toMatch(/^events\[0\]\.constructor:/);
    expect(refusal('{"prototype":1,"protocol":"council"}')).toMatch(/^prototype:/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses JSON that is not an object, or an object that is neither scenario nor trace', () => {
    expect(refusal('[1,2]')).toMatch(/expected a JSON object, got an array/);
    expect(refusal('"hello"')).toMatch(/got "hello"/);
    expect(refusal('null')).toMatch(/got null/);
    expect(refusal('{"hello":1}')).toMatch(/neither "protocol" nor "format"/);
  });

  it('names the field of a trace envelope with the wrong type', () => {
    expect(refusal(text({ ...trace, format: 'other' }))).toBe('format: expected "bft-lab-trace", got "other".');
    expect(refusal(text({ ...trace, v: 2 }))).toMatch(/^v: this trace file is version 2/);
    expect(refusal(text({ ...trace, scenario: 'x' }))).toBe('scenario: expected an object, got "x".');
    expect(refusal(text({ ...trace, traceHash: 'abc' }))).toMatch(/^traceHash: expected 64 hexadecimal/);
    expect(refusal(text({ ...trace, events: {} }))).toBe('events: expected an array, got an object.');
    expect(refusal(text({ ...trace, extra: true }))).toBe('extra: unknown key in a trace file.');
  });

  it('names the first malformed event and its field', () => {
    const events = [trace.events[0], { t: -1, kind: 'x' }];
    expect(refusal(text({ ...trace, events }))).toMatch(/^events\[1\]: t: expected a tick/);
    expect(refusal(text({ ...trace, events: [{ t: 1.5, kind: 'x' }] }))).toMatch(/^events\[0\]: t:/);
    expect(refusal(text({ ...trace, events: [{ t: 1, kind: 5 }] }))).toMatch(/^events\[0\]: kind:/);
    expect(refusal(text({ ...trace, events: [3] }))).toBe('events[0]: expected an event object, got 3.');
  });

  it('refuses nesting deeper than the bound instead of walking it', () => {
    const deep = '{"protocol":' + '['.repeat(importDepthMax + 5) + ']'.repeat(importDepthMax + 5) + '}';
    expect(refusal(deep)).toMatch(/nested deeper than 64 levels/);
  });

  it('refuses files over the size cap, with their size', () => {
    expect(importSizeProblem(importBytesMax)).toBeNull();
    expect(importSizeProblem(80 * 1024 * 1024)).toBe('This file is 80.0 MB; files over 50 MB are not opened.');
  });
});
