import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';

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
});
