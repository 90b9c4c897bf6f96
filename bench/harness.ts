import { performance } from 'node:perf_hooks';

/** One measured figure; `extra` carries ratios, counts and targets for the report. */
export interface BenchResult {
  name: string;
  /** Median wall time of one sample, in milliseconds. */
  medianMs: number;
  samples: number;
  /** The SPEC §8 target, in milliseconds, when there is one. */
  targetMs?: number;
  extra?: Record<string, number | string>;
}

export interface MeasureOptions {
  samples?: number;
  warmup?: number;
}

/** Runs `work` warmup + samples times and returns the median of the timed samples. */
export async function measure(
  name: string,
  work: () => unknown | Promise<unknown>,
  { samples = 9, warmup = 2 }: MeasureOptions = {},
): Promise<BenchResult> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return { name, medianMs: round(median(times), 3), samples };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}
