/**
 * Canonical JSON: object keys sorted, no whitespace. Used for everything that is hashed or
 * signed (audit entries, trace events, share links) so that the same data always gives the
 * same bytes, whatever order its keys were written in.
 *
 * Policy: non-finite numbers have no JSON form and would silently become `null`; they are
 * rejected instead, because a hash over `null` would hide the bug that produced them.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

const depthMax = 256;

function write(value: unknown, depth: number): string {
  if (depth > depthMax) throw new Error(`canonicalJson: nesting deeper than ${depthMax}`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: non-finite number ${value}`);
      // JSON writes a finite number as its ToString (−0 as "0"), without the serialiser's
      // overhead: a trace at n = 1000 holds millions of numbers.
      return String(value);
    case 'undefined':
      return 'null';
    case 'object':
      if (Array.isArray(value)) return writeArray(value, depth);
      return writeObject(value as Record<string, unknown>, depth);
    default:
      throw new Error(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

/**
 * One pass over the items, appended to one string (no array of item strings to join). A hole
 * of a sparse array writes nothing, as `map(…).join(',')` did: the hashes stay the same.
 */
function writeArray(value: readonly unknown[], depth: number): string {
  if (finiteNumbers(value)) return JSON.stringify(value);
  let text = '[';
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    const hole = item === undefined && !(i in value);
    text += (i === 0 ? '' : ',') + (hole ? '' : write(item, depth + 1));
  }
  return text + ']';
}

/**
 * True when every item is a finite number (no hole: a hole reads as undefined). Policy: such an
 * array is the serialiser's own (each number as its ToString, −0 as "0", which is what `write`
 * gives): a trace at n = 1000 is mostly rows of 10³ numbers, and the serialiser writes them
 * without a string per number.
 */
function finiteNumbers(value: readonly unknown[]): boolean {
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (typeof item !== 'number' || !Number.isFinite(item)) return false;
  }
  return true;
}

/** One pass over the sorted keys, skipping undefined values (hashed per vote: kept lean). */
function writeObject(value: Record<string, unknown>, depth: number): string {
  const keys = Object.keys(value).sort();
  let text = '{';
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    text += (text.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + write(item, depth + 1);
  }
  return text + '}';
}
