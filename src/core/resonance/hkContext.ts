import { AXES, AXIS_EPSILON_MULTIPLIERS, AXIS_WEIGHTS } from './axes';
import { coCommitGroups } from './coCommitLog';
import { epsilonRadius } from './epsilonRadius';
import { radiusColumns, type HkContext, type HkOffer } from './hkStep';
import type { TrustStore } from './TrustStore';
import type { Offer } from './types';

/**
 * What a deliberation reads from the deliberator's memory, resolved once into index form
 * (reference §2.4 setup): the radii, the co-commit counts, the trust weights and the layer-3
 * step multipliers. Trust-free, none of it is read: unit weights, the fixed ε scaled by the
 * fixed axis multipliers, no co-commit history, the seed axis weights.
 */

/** The fixed ε of a trust-free deliberation (reference `_DEFAULT_BASE_EPSILON`). */
export const trustFreeEpsilon = 0.15;
/** Bounds of the layer-3 per-axis step multiplier: exp(±ln 2), so within (½, 2). */
const emphasisBound = Math.LN2;
const emphasisSteepness = 1;

export interface HkContextInput {
  agents: readonly string[];
  stepSize: number;
  /** The caller's ε: > 0 a radius, 0 the default, < 0 full connectivity. */
  epsilon: number;
  /** The deliberator's memory; absent = trust-free. */
  store?: TrustStore;
}

export function buildHkContext(input: HkContextInput): HkContext {
  const { agents, stepSize, store } = input;
  const effective =
    input.epsilon !== 0 ? input.epsilon : store ? store.baseEpsilon : trustFreeEpsilon;
  const bounded = effective > 0;
  if (!store) {
    const perAxis = AXES.map((axis) => effective * AXIS_EPSILON_MULTIPLIERS[axis]);
    const radii = Float64Array.from([effective, ...perAxis]);
    return hkContext(stepSize, bounded, radii, agents.map(() => undefined), undefined, undefined);
  }
  const coCommits = coCommitAdjacency(agents, store);
  let maxCount = 0;
  for (const count of coCommits.count) maxCount = Math.max(maxCount, count);
  const base = store.effectiveBaseEpsilon(effective);
  const radii = new Float64Array((maxCount + 1) * radiusColumns);
  for (let co = 0; co <= maxCount && bounded; co++) {
    radii[co * radiusColumns] = epsilonRadius(base, co, 'semantic');
    AXES.forEach((axis, a) => (radii[co * radiusColumns + 1 + a] = epsilonRadius(base, co, axis)));
  }
  const rows = weightRows(agents, store);
  const shared = coCommits.peer.length > 0 ? coCommits : undefined;
  return hkContext(stepSize, bounded, radii, rows, shared, axisFractions(store, stepSize));
}

/**
 * Every context with the same properties in the same order, absent ones undefined. Policy: the
 * stepper's loops read them at every pair; contexts of two shapes (trust-free and a store's)
 * made those loops fall back to the interpreter at the first of the other shape.
 */
function hkContext(
  stepSize: number,
  bounded: boolean,
  radii: Float64Array,
  weightRows: HkContext['weightRows'],
  coCommits: HkContext['coCommits'],
  axisFractions: HkContext['axisFractions'],
): HkContext {
  return { stepSize, axisFractions, bounded, radii, coCommits, weightRows };
}

/** Offers in index form with their lifetimes; offers from agents not deliberating are dropped. */
export function indexOffers(
  offers: readonly Offer[],
  agents: readonly string[],
): { offer: HkOffer; expiresIn: number }[] {
  const index = new Map(agents.map((aid, i) => [aid, i]));
  const pairs = (fractions: Offer['give']): [number, number][] =>
    AXES.flatMap((axis, a) => {
      const fraction = fractions[axis];
      return typeof fraction === 'number' && Number.isFinite(fraction) ? [[a, fraction]] : [];
    }) as [number, number][];
  return offers.flatMap((offer) => {
    const agent = index.get(offer.fromAgent);
    if (agent === undefined) return [];
    const hkOffer = { agent, give: pairs(offer.give ?? {}), want: pairs(offer.want ?? {}) };
    return [{ offer: hkOffer, expiresIn: Number.isFinite(offer.expiresIn) ? offer.expiresIn : 1 }];
  });
}

/** Co-commit counts between deliberating agents as a CSR adjacency, read off the log. */
function coCommitAdjacency(
  agents: readonly string[],
  store: TrustStore,
): NonNullable<HkContext['coCommits']> {
  const { groupOf, shared } = coCommitGroups(store.coCommitLog, agents);
  const groups = agents.map((aid) => groupOf.get(aid)!);
  const n = agents.length;
  // Two passes in CSR order (row by row, column by column): count each row's edges, then fill.
  // Policy: no object per edge; after one round at n = 1000 every pair has co-committed.
  const start = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) {
    const row = shared[groups[a]!]!;
    let edges = 0;
    for (let b = 0; b < n; b++) if (a !== b && row[groups[b]!]! > 0) edges++;
    start[a + 1] = start[a]! + edges;
  }
  const peer = new Int32Array(start[n]!);
  const count = new Int32Array(start[n]!);
  for (let a = 0, e = 0; a < n; a++) {
    const row = shared[groups[a]!]!;
    for (let b = 0; b < n; b++) {
      const c = row[groups[b]!]!;
      if (a === b || !(c > 0)) continue;
      peer[e] = b;
      count[e++] = c;
    }
  }
  return { start, peer, count };
}

/**
 * Each agent's weights for its peers: trust(i→j), then axisTrust(i, j, axis). An agent this
 * store holds no trust for weighs everyone 1 (no row), the fast path of `HkStepper`.
 */
function weightRows(agents: readonly string[], store: TrustStore): (Float64Array | undefined)[] {
  const n = agents.length;
  return agents.map((aid) => {
    if (!store.hasTrustRow(aid) && !store.hasAxisTrustRow(aid)) return undefined;
    const row = new Float64Array((1 + AXES.length) * n);
    agents.forEach((peer, j) => {
      row[j] = store.trust(aid, peer);
      AXES.forEach((axis, a) => (row[(1 + a) * n + j] = store.axisTrust(aid, peer, axis)));
    });
    return row;
  });
}

/**
 * Layer 3's influence on deliberation: once the learned weights leave the seed weights, each
 * axis steps by stepSize · exp(ln2 · tanh(ln(learned/seed))), clamped to [0, 1]; undefined at
 * the seed weights, where every axis steps by `stepSize`.
 */
function axisFractions(store: TrustStore, stepSize: number): Float64Array | undefined {
  if (AXES.every((axis) => store.axisWeights[axis] === AXIS_WEIGHTS[axis])) return undefined;
  return Float64Array.from(AXES, (axis) => {
    const learned = store.axisWeights[axis];
    const seed = AXIS_WEIGHTS[axis];
    const multiplier =
      !(learned > 0) || !(seed > 0)
        ? 1
        : Math.exp(emphasisBound * Math.tanh(emphasisSteepness * Math.log(learned / seed)));
    return Math.min(Math.max(stepSize * multiplier, 0), 1);
  });
}
