import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { checkProperty } from '../testing/checkProperty';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined values and writes no whitespace, at every depth', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined, { z: 'é', y: null }] })).toBe(
      '{"b":1,"c":[null,{"y":null,"z":"é"}]}',
    );
    expect(canonicalJson({ a: undefined })).toBe('{}');
    expect(canonicalJson({ a: undefined, b: true, c: undefined, d: -0 })).toBe('{"b":true,"d":0}');
    expect(canonicalJson(JSON.parse('{"__proto__":1,"\\"q":2}'))).toBe('{"\\"q":2,"__proto__":1}');
  });

  it('rejects non-finite numbers instead of writing null', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow('non-finite');
  });

  it('writes an array of numbers item by item as ToString, −0 as 0, holes as nothing (property)', () => {
    const item = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-0, 0, 1e21, 5e-324, 0.1),
      fc.integer(),
      fc.constantFrom(undefined, null, 'x'),
    );
    checkProperty(
      fc.property(fc.array(item, { maxLength: 12 }), fc.option(fc.nat(11)), (items, hole) => {
        const array: unknown[] = [...items];
        if (hole !== null && hole < array.length) delete array[hole];
        const expected = `[${array
          .map((x, i) => (!(i in array) ? '' : x === undefined || x === null ? 'null' : typeof x === 'number' ? String(x) : JSON.stringify(x)))
          .join(',')}]`;
        expect(canonicalJson(array)).toBe(expected);
      }),
      300,
    );
  });
});
