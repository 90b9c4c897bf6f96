import { describe, expect, it } from 'vitest';
import { nodeCodec as codec } from '../../cli/nodeCodec';
import { decodeShareLink, encodeShareLink, parseScenario, preset, presetNames, runScenario } from '.';

describe('the public face of the simulator core', () => {
  it('parses, runs and shares a scenario through one module', async () => {
    const parsed = parseScenario('{"v":1,"seed":3,"protocol":"resonance","n":4,"rounds":1}');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const run = runScenario(parsed.value);
    expect(run.summary.rounds).toHaveLength(1);
    const link = await encodeShareLink(parsed.value, codec);
    const back = await decodeShareLink(link, codec);
    expect(back.ok && runScenario(back.value).summary.traceHash).toBe(run.summary.traceHash);
  });

  it('names every preset, and each one parses', () => {
    expect(presetNames).toContain('unsafe-view-change');
    for (const name of presetNames) expect(parseScenario(preset(name).scenario).ok).toBe(true);
  });

  it('rejects bad input with a message naming the field, never a throw', () => {
    const parsed = parseScenario('{"v":1,"seed":3,"protocol":"resonance","n":0}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/^n: /);
  });
});
