import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../worker/api';
import { TraceIndex } from './traceIndex';
import { sameValue, traceDivergence } from './traceDivergence';

const crashed = (t: number, agent: number): StreamEvent => ({ t, kind: 'agentCrashed', agent });
const timedOut = (t: number, agent: number): StreamEvent => ({ t, kind: 'timedOut', agent, roundNo: 1, view: 0 });

describe('traceDivergence', () => {
  it('finds nothing between identical traces', () => {
    const events = [crashed(1, 0), timedOut(5, 2)];
    expect(traceDivergence(TraceIndex.of(events), TraceIndex.of(structuredClone(events)))).toBeNull();
  });

  it('names the first event that differs, with its tick and both sides', () => {
    const a = TraceIndex.of([crashed(1, 0), timedOut(5, 2), timedOut(6, 3)]);
    const b = TraceIndex.of([crashed(1, 0), timedOut(5, 1), timedOut(6, 3)]);
    expect(traceDivergence(a, b)).toEqual({ index: 1, tick: 5, a: timedOut(5, 2), b: timedOut(5, 1) });
  });

  it('says where the shorter trace ends when one is a prefix of the other', () => {
    const a = TraceIndex.of([crashed(1, 0)]);
    const b = TraceIndex.of([crashed(1, 0), timedOut(9, 1)]);
    expect(traceDivergence(a, b)).toEqual({ index: 1, tick: 9, a: null, b: timedOut(9, 1) });
  });

  it('compares by value, whatever the key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
