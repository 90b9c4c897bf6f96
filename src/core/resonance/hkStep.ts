import { zeroNormMax } from '../vec';
import type { HkSpace } from './hkSpace';
import { roundHalfEven } from '../roundHalfEven';

/**
 * One synchronous Hegselmann–Krause step (reference §2.4 "each step"), over the reduced
 * positions of `hkSpace.ts`, written for speed (SPEC §8 levers):
 * - per-axis dot products of each pair in one pass, with per-axis norms computed once per
 *   step, give both the whole-vector and the per-axis cosines; radii are symmetric, so each
 *   unordered pair is tested once and its six verdicts kept as bits of an n×n byte matrix;
 * - neighbourhood sums are plain sums over the included peers (never a total minus the
 *   excluded ones, whose rounding residue would differ from the reference's exact zeros);
 * - no per-pair allocation: every buffer is a typed array reused across agents and steps.
 */

/** Radii per co-commit count: [whole vector, then each axis in AXES order]. */
export const radiusColumns = 6;
const axisCount = 5;
/** A neighbour on the whole vector and on every axis. */
const allLinks = 0b111111;

/** What stays fixed over a deliberation. */
export interface HkContext {
  stepSize: number;
  /** Per-axis lerp fractions (AXES order) when layer 3 is active; else `stepSize` for all. */
  axisFractions?: Float64Array;
  /** False for full connectivity (ε ≤ 0): every peer is a neighbour on every axis. */
  bounded: boolean;
  /**
   * Radii by co-commit count c: `radii[c·6]` for the whole vector, `radii[c·6 + 1 + a]` for
   * axis a; counts beyond the table read its last row. A peer is a neighbour when cos ≥ 1 − r.
   */
  radii: Float64Array;
  /** Co-commit counts between agents, as a CSR adjacency by agent index; absent = none. */
  coCommits?: { start: Int32Array; peer: Int32Array; count: Int32Array };
  /**
   * Per agent, its weights for every peer: 6 rows of n (scalar trust, then axis trust in AXES
   * order); absent = all 1.
   */
  weightRows: readonly (Float64Array | undefined)[];
}

/** A logrolling offer in index form: [axis index, fraction] pairs. */
export interface HkOffer {
  agent: number;
  give: readonly (readonly [number, number])[];
  want: readonly (readonly [number, number])[];
}

export interface StepResult {
  positions: Float64Array;
  /** Signed change of the distance to the neighbourhood centroid, summed over agents / n. */
  axisDeltas: Float64Array;
  /** Per agent: step size × (neighbours' confidence − own confidence), rounded to 5. */
  evidence: Float64Array;
}

export class HkStepper {
  private readonly n: number;
  private readonly dim: number;
  private readonly bounds: Int32Array;
  /** links[i·n + j]: bit 0 set when j ∈ N_i, bit 1 + a when j is i's neighbour on axis a. */
  private readonly links?: Uint8Array;
  /** Every link, for full connectivity (the agent's own entry cleared while it moves). */
  private readonly fullRow: Uint8Array;
  private readonly neighbours: Int32Array;
  /** Per axis, the neighbours that are neighbours on it too (n slots per axis), in order. */
  private readonly axisNeighbours: Int32Array;
  private readonly axisMembers = new Int32Array(axisCount);
  private readonly axisWeight = new Float64Array(axisCount);
  private readonly coRow: Int32Array;
  private readonly sum: Float64Array;
  private readonly axisSum: Float64Array;
  private readonly centroid: Float64Array;
  private readonly target: Float64Array;
  private axisNorm = new Float64Array(0);
  private wholeNorm = new Float64Array(0);
  private neighbourCount = 0;
  private weightTotal = 0;

  constructor(
    private readonly space: HkSpace,
    private readonly context: HkContext,
  ) {
    const { agentCount: n, dim, bounds } = space.layout;
    this.n = n;
    this.dim = dim;
    this.bounds = bounds;
    if (context.bounded) this.links = new Uint8Array(n * n);
    this.fullRow = new Uint8Array(n).fill(allLinks);
    this.neighbours = new Int32Array(n);
    this.axisNeighbours = new Int32Array(axisCount * n);
    this.coRow = new Int32Array(n);
    this.sum = new Float64Array(dim);
    this.axisSum = new Float64Array(dim);
    this.centroid = new Float64Array(dim);
    this.target = new Float64Array(dim);
  }

  step(positions: Float64Array, offers: readonly HkOffer[]): StepResult {
    const { n, dim } = this;
    const next = new Float64Array(n * dim);
    const axisDeltas = new Float64Array(axisCount);
    const evidence = new Float64Array(n);
    this.measure(positions);
    if (this.links) this.link(positions, this.links);
    for (let i = 0; i < n; i++) {
      const row = this.links ? this.links.subarray(i * n, (i + 1) * n) : this.fullRow;
      if (!this.links) this.fullRow[i] = 0;
      this.collect(row);
      if (this.neighbourCount === 0) {
        next.set(positions.subarray(i * dim, (i + 1) * dim), i * dim);
      } else {
        this.accumulate(positions, i, row);
        this.moveAgent(positions, next, i, offers);
        this.recordDeltas(positions, next, i, axisDeltas, evidence);
      }
      this.fullRow[i] = allLinks;
    }
    return { positions: next, axisDeltas, evidence };
  }

  /** Per-axis and whole norms (0 read as 1, like `cosine`). */
  private measure(positions: Float64Array): void {
    const { n, dim, bounds } = this;
    const axisNorm = (this.axisNorm = new Float64Array(n * axisCount));
    const wholeNorm = (this.wholeNorm = new Float64Array(n));
    for (let i = 0; i < n; i++) {
      let whole = 0;
      for (let a = 0; a < axisCount; a++) {
        let s = 0;
        for (let c = i * dim + bounds[a]!, end = i * dim + bounds[a + 1]!; c < end; c++) {
          s += positions[c]! * positions[c]!;
        }
        whole += s;
        axisNorm[i * axisCount + a] = Math.sqrt(s) || 1;
      }
      wholeNorm[i] = Math.sqrt(whole) || 1;
    }
  }

  /**
   * Tests every unordered pair once: whole-vector cosine against 1 − r, then (for a
   * neighbour) each axis's cosine against 1 − r_axis. The three two-coordinate axes are
   * unrolled.
   */
  private link(positions: Float64Array, links: Uint8Array): void {
    const { n, dim, bounds, coRow, axisNorm, wholeNorm } = this;
    const radii = this.context.radii;
    const lastRow = radii.length / radiusColumns - 1;
    const [semanticEnd, relationalStart, relationalEnd] = [bounds[1]!, bounds[2]!, bounds[3]!];
    const [affective, epistemic, behavioral] = [bounds[1]!, bounds[3]!, bounds[4]!];
    for (let i = 0; i < n; i++) {
      this.loadCoCommits(i, 1);
      const ci = i * dim;
      const ai = i * axisCount;
      links[i * n + i] = 0;
      for (let j = i + 1; j < n; j++) {
        const cj = j * dim;
        let d0 = 0;
        let d2 = 0;
        for (let c = 0; c < semanticEnd; c++) d0 += positions[ci + c]! * positions[cj + c]!;
        for (let c = relationalStart; c < relationalEnd; c++) {
          d2 += positions[ci + c]! * positions[cj + c]!;
        }
        const d1 = positions[ci + affective]! * positions[cj + affective]! +
          positions[ci + affective + 1]! * positions[cj + affective + 1]!;
        const d3 = positions[ci + epistemic]! * positions[cj + epistemic]! +
          positions[ci + epistemic + 1]! * positions[cj + epistemic + 1]!;
        const d4 = positions[ci + behavioral]! * positions[cj + behavioral]! +
          positions[ci + behavioral + 1]! * positions[cj + behavioral + 1]!;
        const r = (coRow[j]! < lastRow ? coRow[j]! : lastRow) * radiusColumns;
        let flags = 0;
        if ((d0 + d1 + d2 + d3 + d4) / (wholeNorm[i]! * wholeNorm[j]!) >= 1 - radii[r]!) {
          const aj = j * axisCount;
          flags = 1;
          if (d0 / (axisNorm[ai]! * axisNorm[aj]!) >= 1 - radii[r + 1]!) flags |= 2;
          if (d1 / (axisNorm[ai + 1]! * axisNorm[aj + 1]!) >= 1 - radii[r + 2]!) flags |= 4;
          if (d2 / (axisNorm[ai + 2]! * axisNorm[aj + 2]!) >= 1 - radii[r + 3]!) flags |= 8;
          if (d3 / (axisNorm[ai + 3]! * axisNorm[aj + 3]!) >= 1 - radii[r + 4]!) flags |= 16;
          if (d4 / (axisNorm[ai + 4]! * axisNorm[aj + 4]!) >= 1 - radii[r + 5]!) flags |= 32;
        }
        links[i * n + j] = flags;
        links[j * n + i] = flags;
      }
      this.loadCoCommits(i, 0);
    }
  }

  /** Writes agent i's co-commit counts into `coRow` (fill = 1) or clears them (fill = 0). */
  private loadCoCommits(i: number, fill: 0 | 1): void {
    const co = this.context.coCommits;
    if (!co) return;
    for (let e = co.start[i]!; e < co.start[i + 1]!; e++) {
      this.coRow[co.peer[e]!] = fill ? co.count[e]! : 0;
    }
  }

  /** N_i as a list, and per axis the neighbours it keeps, as lists and counts. */
  private collect(row: Uint8Array): void {
    const { n, neighbours, axisNeighbours, axisMembers } = this;
    let count = 0;
    axisMembers.fill(0);
    for (let j = 0; j < n; j++) {
      const flags = row[j]!;
      if (!(flags & 1)) continue;
      neighbours[count++] = j;
      for (let a = 0; a < axisCount; a++) {
        if (flags & (2 << a)) axisNeighbours[a * n + axisMembers[a]!++] = j;
      }
    }
    this.neighbourCount = count;
  }

  /**
   * The weighted neighbourhood sum and the weighted per-axis sums, each a plain sum over the
   * peers it includes, in index order; an agent without a trust row weighs every peer 1.
   *
   * Policy: never "column total minus the excluded peers". That shortcut leaves a residue of
   * about 1e-17 where the reference sum is exactly zero (a neighbourhood of neutral affect,
   * [0, 0]), and the per-axis cosine ignores scale, so the residue acts as a direction and
   * changes who counts as a neighbour on that axis in the next step.
   */
  private accumulate(positions: Float64Array, i: number, row: Uint8Array): void {
    const { n, dim, bounds, sum, axisSum, axisWeight, neighbours } = this;
    const weights = this.context.weightRows[i];
    sum.fill(0);
    axisSum.fill(0);
    axisWeight.fill(0);
    if (weights === undefined) {
      // Unit weights: 1·x is x bit for bit, so the sums add the positions themselves, and a
      // count of ones is the count.
      addRows(sum, positions, dim, neighbours, 0, this.neighbourCount, 0, dim);
      for (let a = 0; a < axisCount; a++) {
        axisWeight[a] = this.axisMembers[a]!;
        addRows(axisSum, positions, dim, this.axisNeighbours, a * n, this.axisMembers[a]!, bounds[a]!, bounds[a + 1]!);
      }
      this.weightTotal = this.neighbourCount;
      return;
    }
    let weightTotal = 0;
    for (let k = 0; k < this.neighbourCount; k++) {
      const j = neighbours[k]!;
      const w = weights[j]!;
      weightTotal += w;
      for (let c = 0; c < dim; c++) sum[c]! += w * positions[j * dim + c]!;
      for (let a = 0; a < axisCount; a++) {
        if (!(row[j]! & (2 << a))) continue;
        const wa = weights[(1 + a) * n + j]!;
        axisWeight[a]! += wa;
        for (let c = bounds[a]!; c < bounds[a + 1]!; c++) {
          axisSum[c]! += wa * positions[j * dim + c]!;
        }
      }
    }
    this.weightTotal = weightTotal;
  }

  /**
   * c0 = the normalised weighted centroid of N_i (the uniform unit vector if it vanishes);
   * the target takes each axis from its own neighbours' weighted mean where it has any; the
   * agent moves toward it by the step size (per axis under layer 3), then enacts its offers.
   */
  private moveAgent(
    positions: Float64Array,
    next: Float64Array,
    i: number,
    offers: readonly HkOffer[],
  ): void {
    const { dim, bounds, sum, centroid, target, axisSum, axisWeight, axisMembers } = this;
    const scale = 1 / (this.weightTotal || 1);
    let size = 0;
    for (let c = 0; c < dim; c++) {
      centroid[c] = sum[c]! * scale;
      size += centroid[c]! * centroid[c]!;
    }
    size = Math.sqrt(size);
    if (size < zeroNormMax) this.uniformCentroid();
    else for (let c = 0; c < dim; c++) centroid[c]! /= size;
    target.set(centroid);
    for (let a = 0; a < axisCount; a++) {
      if (axisMembers[a]! === 0 || !(axisWeight[a]! > 0)) continue;
      for (let c = bounds[a]!; c < bounds[a + 1]!; c++) target[c] = axisSum[c]! / axisWeight[a]!;
    }
    const { stepSize, axisFractions } = this.context;
    const at = i * dim;
    for (let a = 0; a < axisCount; a++) {
      const t = axisFractions ? axisFractions[a]! : stepSize;
      for (let c = bounds[a]!; c < bounds[a + 1]!; c++) {
        next[at + c] = positions[at + c]! + t * (target[c]! - positions[at + c]!);
      }
    }
    for (const offer of offers) {
      if (offer.agent !== i || !this.wantMet(positions, offer.want)) continue;
      for (const [a, fraction] of offer.give) {
        for (let c = bounds[a]!; c < bounds[a + 1]!; c++) {
          next[at + c] = next[at + c]! + fraction * (centroid[c]! - next[at + c]!);
        }
      }
    }
  }

  /** The unit vector with equal full-space coordinates, in reduced form. */
  private uniformCentroid(): void {
    const { bounds, centroid } = this;
    const { fullDim } = this.space.layout;
    const value = 1 / Math.sqrt(fullDim);
    centroid.fill(value);
    for (let r = bounds[2]!; r < bounds[3]!; r++) {
      centroid[r] = this.space.onesCoordinates[r - bounds[2]!]! * value;
    }
  }

  /** Every wanted axis: the neighbours' mean cosine to c0 on it reaches the fraction. */
  private wantMet(positions: Float64Array, want: HkOffer['want']): boolean {
    const { dim, bounds, centroid } = this;
    for (const [a, fraction] of want) {
      const start = bounds[a]!;
      const end = bounds[a + 1]!;
      let centroidSize = 0;
      for (let c = start; c < end; c++) centroidSize += centroid[c]! * centroid[c]!;
      centroidSize = Math.sqrt(centroidSize) || 1;
      let closeness = 0;
      for (let k = 0; k < this.neighbourCount; k++) {
        const at = this.neighbours[k]! * dim;
        let d = 0;
        for (let c = start; c < end; c++) d += positions[at + c]! * centroid[c]!;
        closeness += d / ((this.axisNorm[this.neighbours[k]! * axisCount + a]!) * centroidSize);
      }
      if (closeness / this.neighbourCount < fraction) return false;
    }
    return true;
  }

  /** Signed axis deltas relative to c0, and the evidence delta on the confidence coordinate. */
  private recordDeltas(
    positions: Float64Array,
    next: Float64Array,
    i: number,
    axisDeltas: Float64Array,
    evidence: Float64Array,
  ): void {
    const { n, dim, bounds, centroid } = this;
    const at = i * dim;
    for (let a = 0; a < axisCount; a++) {
      let before = 0;
      let after = 0;
      for (let c = bounds[a]!; c < bounds[a + 1]!; c++) {
        before += (positions[at + c]! - centroid[c]!) ** 2;
        after += (next[at + c]! - centroid[c]!) ** 2;
      }
      axisDeltas[a]! += (Math.sqrt(after) - Math.sqrt(before)) / n;
    }
    const e = this.space.layout.confidenceIndex;
    const peer = this.sum[e]! / (this.weightTotal || 1);
    evidence[i] = roundHalfEven(this.context.stepSize * (peer - positions[at + e]!), 5);
  }
}

/**
 * Adds the rows `list[start, start + count)` of `positions` (row width `dim`) into `target`,
 * coordinates [from, to), in list order. Policy: four rows a pass, t = t + a + b + c + d, which
 * JavaScript adds left to right: for every coordinate the same additions in the same order as
 * one row at a time, with a quarter of the reads and writes of `target`.
 */
export function addRows(
  target: Float64Array,
  positions: Float64Array,
  dim: number,
  list: Int32Array,
  start: number,
  count: number,
  from: number,
  to: number,
): void {
  let k = start;
  const end = start + count;
  for (; k + 3 < end; k += 4) {
    const r0 = list[k]! * dim;
    const r1 = list[k + 1]! * dim;
    const r2 = list[k + 2]! * dim;
    const r3 = list[k + 3]! * dim;
    for (let c = from; c < to; c++) {
      target[c] = target[c]! + positions[r0 + c]! + positions[r1 + c]! + positions[r2 + c]! + positions[r3 + c]!;
    }
  }
  for (; k < end; k++) {
    const r0 = list[k]! * dim;
    for (let c = from; c < to; c++) target[c]! += positions[r0 + c]!;
  }
}
