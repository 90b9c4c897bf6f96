import { assert } from '../assert';
import { AXES } from './axes';
import { quantise } from './seal';

/**
 * The reduced coordinates deliberation runs in (SPEC §8 lever: the near-uniform relational
 * rows).
 *
 * A combined position has S + 6 + n coordinates: the relational slice carries one trust value
 * per agent, so naive HK costs O(n³) a step. But deliberation only ever takes linear
 * combinations of positions (means, centroids, lerps), so every relational slice stays in the
 * span of the starting relational rows — and those are few: every agent the deliberator holds
 * no trust row for starts from the same uniform row. Writing the relational slice in an
 * orthonormal basis Q of that span (k ≪ n coordinates) is an isometry: every dot product,
 * norm, cosine and distance, whole-vector or per axis, is unchanged, so the dynamics are
 * exactly those of the full vectors, at S + 6 + k coordinates. `expandPositions` maps back.
 */

/** With more distinct relational rows than this, the basis is the identity (plain HK). */
export const relationalRankMax = 64;
/** A row whose residual after projecting out the basis is below this adds no dimension. */
const dependentRowMax = 1e-10;

export interface HkAgentInput {
  semantic: readonly number[];
  affective: readonly number[];
  epistemic: readonly number[];
  behavioral: readonly number[];
  /** Its normalised relational row over all agents; absent = the uniform row. */
  relational?: readonly number[];
}

export interface HkLayout {
  agentCount: number;
  semanticWidth: number;
  /** k: coordinates of the relational slice in the reduced space. */
  relationalRank: number;
  /** S + 6 + k. */
  dim: number;
  /** S + 6 + n, the width of a full combined vector. */
  fullDim: number;
  /** Start of each axis slice, in AXES order, then the end: axis a is [bounds[a], bounds[a+1]). */
  bounds: Int32Array;
  /** Index of the confidence coordinate (the first epistemic one). */
  confidenceIndex: number;
}

export interface HkSpace {
  layout: HkLayout;
  /** Orthonormal rows spanning the relational slices (k × n); undefined = the identity. */
  basis?: Float64Array;
  /** Reduced coordinates of the all-ones relational row, for the uniform unit vector. */
  onesCoordinates: Float64Array;
  /** Starting positions, agentCount × dim, row-major. */
  positions: Float64Array;
}

export function buildHkSpace(agents: readonly HkAgentInput[], semanticWidth: number): HkSpace {
  const n = agents.length;
  const uniform = new Float64Array(n).fill(1 / Math.sqrt(n));
  const special = agents.flatMap((agent) => (agent.relational ? [agent.relational] : []));
  const basis = special.length > relationalRankMax ? undefined : orthonormalRows(uniform, special);
  const k = basis ? basis.length / n : n;
  const bounds = new Int32Array(AXES.length + 1);
  const widths = [semanticWidth, 2, k, 2, 2];
  for (let a = 0; a < AXES.length; a++) bounds[a + 1] = bounds[a]! + widths[a]!;
  const dim = bounds[AXES.length]!;
  const layout: HkLayout = {
    agentCount: n,
    semanticWidth,
    relationalRank: k,
    dim,
    fullDim: semanticWidth + 6 + n,
    bounds,
    confidenceIndex: bounds[3]!,
  };
  const project = (row: ArrayLike<number>): Float64Array => coordinates(basis, n, row);
  const uniformCoordinates = project(uniform);
  const positions = new Float64Array(n * dim);
  agents.forEach((agent, i) => {
    assert(agent.semantic.length <= semanticWidth, 'a semantic axis is wider than its slice');
    const relational = agent.relational ? project(agent.relational) : uniformCoordinates;
    const parts = [agent.semantic, agent.affective, relational, agent.epistemic, agent.behavioral];
    parts.forEach((part, a) => {
      const at = i * dim + bounds[a]!;
      for (let c = 0; c < part.length && c < widths[a]!; c++) positions[at + c] = part[c] ?? 0;
    });
  });
  return { layout, basis, onesCoordinates: project(new Float64Array(n).fill(1)), positions };
}

/** Full combined vectors (S + 6 + n coordinates), quantised to 1e-9, from reduced positions. */
export function expandPositions(space: HkSpace, positions: Float64Array): number[][] {
  const { agentCount: n, dim, bounds, relationalRank: k } = space.layout;
  const out: number[][] = [];
  const relational = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = i * dim;
    const row: number[] = [];
    for (let c = 0; c < bounds[2]!; c++) row.push(quantise(positions[at + c]!));
    relational.fill(0);
    for (let r = 0; r < k; r++) {
      const z = positions[at + bounds[2]! + r]!;
      if (!space.basis) relational[r] = z;
      else for (let j = 0; j < n; j++) relational[j]! += z * space.basis[r * n + j]!;
    }
    for (let j = 0; j < n; j++) row.push(quantise(relational[j]!));
    for (let c = bounds[3]!; c < dim; c++) row.push(quantise(positions[at + c]!));
    out.push(row);
  }
  return out;
}

/** Gram–Schmidt over the uniform row and then each special row, dropping dependent ones. */
function orthonormalRows(
  uniform: Float64Array,
  rows: readonly (readonly number[])[],
): Float64Array {
  const n = uniform.length;
  const kept: Float64Array[] = [];
  for (const candidate of [uniform, ...rows]) {
    const v = Float64Array.from({ length: n }, (_, j) => candidate[j] ?? 0);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of kept) {
        let c = 0;
        for (let j = 0; j < n; j++) c += q[j]! * v[j]!;
        for (let j = 0; j < n; j++) v[j]! -= c * q[j]!;
      }
    }
    let size = 0;
    for (let j = 0; j < n; j++) size += v[j]! * v[j]!;
    size = Math.sqrt(size);
    if (size < dependentRowMax) continue;
    for (let j = 0; j < n; j++) v[j]! /= size;
    kept.push(v);
  }
  const out = new Float64Array(kept.length * n);
  kept.forEach((q, r) => out.set(q, r * n));
  return out;
}

/** Q·row: a relational row in reduced coordinates (the row itself for the identity basis). */
function coordinates(
  basis: Float64Array | undefined,
  n: number,
  row: ArrayLike<number>,
): Float64Array {
  if (!basis) return Float64Array.from({ length: n }, (_, j) => row[j] ?? 0);
  const k = basis.length / n;
  const out = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    let c = 0;
    for (let j = 0; j < n; j++) c += basis[r * n + j]! * (row[j] ?? 0);
    out[r] = c;
  }
  return out;
}
