import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonSyntax } from './jsonSyntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('checkJsonSyntax', () => {
  it('accepts every JSON text without duplicate keys that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(checkJsonSyntax(text, 16)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on random text, except where it is stricter', () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[]:,"\\ 0123456789-.eE+tfrunlasx\n\tu'.split('')) });
    fc.assert(
      fc.property(jsonish, (text) => {
        const problem = checkJsonSyntax(text, 16);
        if (problem === null) expect(parses(text)).toBe(true);
        else if (!/duplicate key|nesting/.test(problem.reason)) expect(parses(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports line and column of the problem', () => {
    expect(checkJsonSyntax('{\n  "a": 1,\n  "b": tru\n}', 16)).toEqual({
      offset: 19, line: 3, column: 8, reason: "unexpected character 't'",
    });
  });

  it('names the problem in plain words', () => {
    const reason = (text: string): string | undefined => checkJsonSyntax(text, 16)?.reason;
    expect(reason('')).toBe('unexpected end of text');
    expect(reason('{"a" 1}')).toBe("expected ':' after the key");
    expect(reason('{"a": 1 "b": 2}')).toBe("expected ',' or '}'");
    expect(reason('[1 2]')).toBe("expected ',' or ']'");
    expect(reason("{'a': 1}")).toBe('expected a key in double quotes');
    expect(reason('"abc')).toBe('unterminated string');
    expect(reason('"a\nb"')).toBe('control character in a string (escape it)');
    expect(reason('"\\x"')).toBe('invalid escape in a string');
    expect(reason('"\\u12G4"')).toBe('\\u must be followed by four hex digits');
    expect(reason('-x')).toBe('invalid number');
    expect(reason('1 2')).toBe('unexpected text after the JSON value');
    expect(reason('\ufeff{}')).toBe('unexpected character U+FEFF');
    expect(reason('{"a":1,"\\u0061":2}')).toBe('duplicate key "a"');
  });

  it('bounds nesting depth without recursing past it', () => {
    expect(checkJsonSyntax('[[[]]]', 3)).toBeNull();
    expect(checkJsonSyntax('[[[[]]]]', 3)).toMatchObject({ column: 4, reason: 'nesting deeper than 3 levels' });
    expect(checkJsonSyntax('{"a":'.repeat(1e5), 16)?.reason).toBe('nesting deeper than 16 levels');
  });
});
