import type { Scenario } from '../scenario';

/**
 * Sweep definition version 1 (SPEC §4): a base scenario, an x axis and an optional y axis,
 * seeds per cell, and the metric drawn first. Each axis sets one parameter of the base to
 * each of its values; every (x, y) cell runs under seeds base.seed .. base.seed + seeds − 1.
 * Untrusted input becomes a `SweepDefinition` only through `parseSweep`.
 */

/** A value an axis sets: a number, a choice, or a switch (see `applyAxisValue`). */
export type SweepValue = number | string | boolean;

export interface SweepAxis {
  /**
   * A dotted path into the scenario (`n`, `network.drop`, `network.latency.1`,
   * `resonance.threshold`, `faults.0.kind`, `resonance.unsafe.quorum`, …), or one of the
   * derived parameters `faulty` and `faultyWeight` (`derivedParams`).
   */
  param: string;
  values: SweepValue[];
}

export interface SweepDefinition {
  v: 1;
  /** At most 80 characters, one line. */
  name?: string;
  base: Scenario;
  x: SweepAxis;
  y?: SweepAxis;
  /** Runs per cell: seeds base.seed .. base.seed + seeds − 1. */
  seeds: number;
  /** The metric drawn first (`metricNames`); every metric is computed. */
  metric?: string;
}

/**
 * Parameters that are not a field path. `faulty`: how many agents `base.faults[0]` names,
 * taken from the end of the roster (0 removes the fault). `faultyWeight`: the Council weight
 * of each agent `base.faults[0]` names (every other agent keeps its weight). Policy:
 * `faultyWeight` goes beyond SPEC §4's list, because "a bloc's weight" is a question the
 * Council asks and no single field path can set it for a bloc of any size.
 */
export const derivedParams = ['faulty', 'faultyWeight'] as const;
export type DerivedParam = (typeof derivedParams)[number];

export function isDerivedParam(param: string): param is DerivedParam {
  return (derivedParams as readonly string[]).includes(param);
}

/** Bounds that `parseSweep` enforces; the page's editor uses the same numbers. */
export const sweepLimits = {
  /** Values on one axis. */
  valuesMax: 50,
  seedsMax: 1000,
  /** Runs of the whole sweep: cells × seeds. */
  runsMax: 100_000,
  paramCharsMax: 100,
  /** Dots in a field path. */
  paramDepthMax: 6,
  valueCharsMax: 64,
} as const;

/** The cells of a definition: x values × y values (one y when there is no y axis). */
export function cellCount(definition: SweepDefinition): { xCount: number; yCount: number } {
  return { xCount: definition.x.values.length, yCount: definition.y?.values.length ?? 1 };
}

/** The value of the y axis at `yi`, or null when the sweep has one axis. */
export function yValueAt(definition: SweepDefinition, yi: number): SweepValue | null {
  return definition.y === undefined ? null : definition.y.values[yi]!;
}
