import { describe, expect, it } from 'vitest';
import { cloneState } from './cloneState';

class Counter {
  count = 0;
  readonly log: number[] = [];
  bump(): void {
    this.log.push(++this.count);
  }
}

describe('cloneState', () => {
  it('copies class instances with their prototypes, independent of the original', () => {
    const original = new Counter();
    original.bump();
    const copy = cloneState(original, new Set());
    copy.bump();
    expect(copy).toBeInstanceOf(Counter);
    expect(copy.log).toEqual([1, 2]);
    expect(original.log).toEqual([1]);
  });

  it('keeps cycles, aliasing, maps, sets and typed arrays', () => {
    const node: { self?: unknown; list: number[]; alias?: number[]; map: Map<string, number[]>; set: Set<number>; bytes: Uint8Array } = {
      list: [1], map: new Map([['a', [2]]]), set: new Set([3]), bytes: new Uint8Array([4]),
    };
    node.self = node;
    node.alias = node.list;
    const copy = cloneState(node, new Set());
    expect(copy.self).toBe(copy);
    expect(copy.alias).toBe(copy.list);
    expect(copy.list).not.toBe(node.list);
    expect(copy.map.get('a')).toEqual([2]);
    copy.bytes[0] = 9;
    expect(node.bytes[0]).toBe(4);
  });

  it('shares frozen objects and the shared set, and refuses weak collections', () => {
    const frozen = Object.freeze({ x: 1 });
    const cache = { hits: 0 };
    const copy = cloneState({ frozen, cache }, new Set([cache]));
    expect(copy.frozen).toBe(frozen);
    expect(copy.cache).toBe(cache);
    expect(() => cloneState({ weak: new WeakMap() }, new Set())).toThrow(/WeakMap/);
  });
});
