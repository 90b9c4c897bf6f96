/**
 * JSON with object keys sorted, as the core's canonical JSON writes it, optionally indented
 * for a file a person reads. The app cannot import the core's writer (types only), and files
 * are for people, so this one can pretty-print; both give the same data for the same input.
 */
export function canonicalText(value: unknown, indent = 0): string {
  return JSON.stringify(value, sortKeys, indent);
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  // Policy: Object.fromEntries defines own properties, so a "__proto__" key stays a key and
  // never becomes the prototype of the copy.
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
}
