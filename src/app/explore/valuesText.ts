import type { SweepValue } from '../../worker/poolApi';

/** Evenly spaced values at most, from one `a..b ×k` range. */
export const rangeCountMax = 50;

/**
 * An axis's values from the editor's text: comma-separated numbers, `true`/`false`, or words,
 * and ranges `a..b ×k` (k evenly spaced numbers from a to b, `x` for `×` also works).
 * Returns the values or one sentence naming the problem; the text itself is never changed.
 */
export function parseValuesText(text: string): { ok: true; values: SweepValue[] } | { ok: false; message: string } {
  const values: SweepValue[] = [];
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, message: 'give at least one value' };
  for (const part of parts) {
    const range = /^(-?[\d.]+)\s*\.\.\s*(-?[\d.]+)\s*[×x]\s*(\d+)$/.exec(part);
    if (range) {
      const [from, to, count] = [Number(range[1]), Number(range[2]), Number(range[3])];
      if (!Number.isFinite(from) || !Number.isFinite(to) || count < 2 || count > rangeCountMax) {
        return { ok: false, message: `"${part}" is not a range like 0..0.9 ×10 (2 to ${rangeCountMax} values)` };
      }
      for (let i = 0; i < count; i++) values.push(roundTo(from + ((to - from) * i) / (count - 1), 6));
      continue;
    }
    values.push(valueOf(part));
  }
  return { ok: true, values };
}

function valueOf(part: string): SweepValue {
  if (part === 'true') return true;
  if (part === 'false') return false;
  const number = Number(part);
  return part !== '' && Number.isFinite(number) ? number : part;
}

function roundTo(value: number, places: number): number {
  return Number(value.toFixed(places));
}

/** The editor's text of a list of values (the inverse of `parseValuesText` for plain lists). */
export function valuesToText(values: readonly SweepValue[]): string {
  return values.map(String).join(', ');
}

/** A value in words for axis labels: switches read on and off. */
export function formatValue(value: SweepValue | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}
