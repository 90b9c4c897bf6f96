/**
 * A JSON syntax check that runs before `JSON.parse` on untrusted scenario text, so that a bad
 * text gets one clear, engine-independent message with its line and column, and so that
 * nesting and duplicate keys are bounded and refused before any value is built.
 *
 * Policy: duplicate keys are an error. `JSON.parse` silently keeps the last one, so
 * `{"n": 7, "n": 1000}` would mean different things to different readers of the same link.
 */
export interface JsonSyntaxError {
  /** Offset of the problem in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  reason: string;
}

/** Null when `text` is one well-formed JSON value nested at most `depthMax` deep. */
export function checkJsonSyntax(text: string, depthMax: number): JsonSyntaxError | null {
  const scanner = new Scanner(text, depthMax);
  try {
    scanner.skipSpace();
    scanner.value(0);
    scanner.skipSpace();
    if (scanner.offset < text.length) scanner.fail('unexpected text after the JSON value');
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return locate(text, error.offset, error.message);
  }
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function locate(text: string, offset: number, reason: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  let index = text.indexOf('\n');
  while (index !== -1 && index < offset) {
    line += 1;
    lineStart = index + 1;
    index = text.indexOf('\n', lineStart);
  }
  return { offset, line, column: offset - lineStart + 1, reason };
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const hexDigits = /^[0-9a-fA-F]{4}$/;
const simpleEscapes = '"\\/bfnrt';

class Scanner {
  offset = 0;

  constructor(
    private readonly text: string,
    private readonly depthMax: number,
  ) {}

  fail(reason: string): never {
    throw new SyntaxProblem(this.offset, reason);
  }

  skipSpace(): void {
    const { text } = this;
    while (this.offset < text.length) {
      const code = text.charCodeAt(this.offset);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      this.offset += 1;
    }
  }

  value(depth: number): void {
    if (this.offset >= this.text.length) this.fail('unexpected end of text');
    const char = this.text[this.offset];
    if (char === '{' || char === '[') {
      if (depth >= this.depthMax) this.fail(`nesting deeper than ${this.depthMax} levels`);
      if (char === '{') this.object(depth + 1);
      else this.array(depth + 1);
    } else if (char === '"') {
      this.string();
    } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      this.number();
    } else if (!this.literal('true') && !this.literal('false') && !this.literal('null')) {
      this.fail(`unexpected ${describeChar(this.text, this.offset)}`);
    }
  }

  private object(depth: number): void {
    this.offset += 1;
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset += 1;
      return;
    }
    const keys = new Set<string>();
    for (;;) {
      if (this.text[this.offset] !== '"') this.fail('expected a key in double quotes');
      const keyStart = this.offset;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.offset)) as string;
      if (keys.has(key)) {
        this.offset = keyStart;
        this.fail(`duplicate key ${JSON.stringify(key.slice(0, 32))}`);
      }
      keys.add(key);
      this.skipSpace();
      this.expect(':', "expected ':' after the key");
      this.skipSpace();
      this.value(depth);
      this.skipSpace();
      if (this.text[this.offset] === '}') break;
      this.expect(',', "expected ',' or '}'");
      this.skipSpace();
    }
    this.offset += 1;
  }

  private array(depth: number): void {
    this.offset += 1;
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset += 1;
      return;
    }
    for (;;) {
      this.value(depth);
      this.skipSpace();
      if (this.text[this.offset] === ']') break;
      this.expect(',', "expected ',' or ']'");
      this.skipSpace();
    }
    this.offset += 1;
  }

  private string(): void {
    const { text } = this;
    this.offset += 1;
    for (;;) {
      if (this.offset >= text.length) this.fail('unterminated string');
      const code = text.charCodeAt(this.offset);
      if (code === 0x22) break;
      if (code < 0x20) this.fail('control character in a string (escape it)');
      if (code === 0x5c) this.escape();
      else this.offset += 1;
    }
    this.offset += 1;
  }

  private escape(): void {
    const next = this.text[this.offset + 1];
    if (next === 'u') {
      if (!hexDigits.test(this.text.slice(this.offset + 2, this.offset + 6))) {
        this.fail('\\u must be followed by four hex digits');
      }
      this.offset += 6;
    } else if (next !== undefined && simpleEscapes.includes(next)) {
      this.offset += 2;
    } else {
      this.fail('invalid escape in a string');
    }
  }

  private number(): void {
    numberPattern.lastIndex = this.offset;
    const match = numberPattern.exec(this.text);
    if (!match) this.fail('invalid number');
    this.offset += match[0].length;
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.offset)) return false;
    this.offset += word.length;
    return true;
  }

  private expect(char: string, reason: string): void {
    if (this.text[this.offset] !== char) this.fail(reason);
    this.offset += 1;
  }
}

function describeChar(text: string, offset: number): string {
  const code = text.charCodeAt(offset);
  if (code > 0x20 && code < 0x7f) return `character '${text[offset]}'`;
  return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
