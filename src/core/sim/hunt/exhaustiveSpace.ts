import { assert, exhaustive } from '../../assert';
import type { Fault, Partition, Scenario } from '../scenario';
import { resonanceFaultKinds, validated, type HuntFaultKind, type HuntScenario } from './randomScenario';
import { withUnsafeSwitch, type UnsafeSwitchName } from './unsafeSwitch';

/**
 * The exhaustive small space of the fault-space search (SPEC §9), enumerated by index.
 *
 * Every scenario is ResonanceBFT with seed 1, latency fixed at [1, 1], no drops, 2 rounds,
 * opinions `support: 1` (every honest agent leans the same way, so an undecided round is
 * never a matter of opinion), and the product of:
 *
 * - n ∈ {4, 5} (f = 1; at n = 4 the n−f and 2f+1 quorums coincide, at n = 5 they differ).
 * - Byzantine: none, or one agent at each position 0 .. n−1 with each ResonanceBFT fault
 *   kind in `resonanceFaultKinds` order (silent for the whole run, tamper, equivocate,
 *   biased, sycophant, garble, forge, impersonate with victim (position + 1) mod n, twin):
 *   1 + 9n options.
 * - Partition: none, or one 2-way split (every non-empty group that leaves out agent n−1,
 *   against the rest: 2^(n−1) − 1 splits) active over one window and healed after it:
 *   1 + (2^(n−1) − 1) · 40 options.
 * - Windows: with latency 1, a view v of round 1 that starts at tick s = 40v (the default
 *   view timeout, when earlier views timed out) sends R at s, E at s+1, P at s+2, prepare
 *   votes at s+3 and commit votes at s+4 (and, when round 1 is decided in view 0, round 2
 *   runs its phases at ticks 5 .. 9); a partition decides at send time, so [s+k, s+k+1)
 *   cuts exactly phase k. For views v = 0, 1, 2 and phases k = 0 .. 4 there is the
 *   phase-only window [s+k, s+k+1) and the rest-of-view window [s+k, s+40) (30 windows),
 *   and for v = 0, 1 the window [s+k, 120) to the end of view 2 (10 more), which lets each
 *   side of a split have a leader of its own while it is cut off: 40 windows.
 *
 * Sizes: n = 4 has 37 · 281 = 10,397 scenarios, n = 5 has 46 · 601 = 27,646, total 38,043.
 * Index order: all of n = 4, then n = 5; within one n, index = byzantine · partitions +
 * partition, and within the partitions, split-major then window.
 *
 * Policy: 2 rounds and not also 1, because a 1-round run is the first round of the 2-round
 * run (the engine looks at `rounds` only once a round is decided), so it would find nothing
 * new at twice the cost; the second round shows what a partition leaves behind.
 */
export const exhaustiveAgentCounts = [4, 5] as const;
export type ExhaustiveAgentCount = (typeof exhaustiveAgentCounts)[number];

export const exhaustiveRounds = 2;
export const exhaustiveViews = 3;
export const exhaustivePhases = 5;
/** The default view timeout (SPEC §4), so view v of round 1 starts at v · 40. */
export const viewTicks = 40;
/** Phase-only and rest-of-view windows of each view, then to-view-2 windows of views 0, 1. */
export const windowsPerSplit =
  exhaustiveViews * exhaustivePhases * 2 + (exhaustiveViews - 1) * exhaustivePhases;

export interface ExhaustiveSpace {
  /** Global index of the first scenario of this (sub)space. */
  firstIndex: number;
  size: number;
  /** The scenario at a global index in [firstIndex, firstIndex + size). */
  scenarioAt(index: number): HuntScenario;
}

export interface ExhaustiveOptions {
  /** Only the block of this agent count; default both. */
  n?: ExhaustiveAgentCount;
  unsafe?: UnsafeSwitchName;
}

export function byzantineOptionCount(n: number): number {
  return 1 + resonanceFaultKinds.length * n;
}

export function splitCount(n: number): number {
  return 2 ** (n - 1) - 1;
}

export function partitionOptionCount(n: number): number {
  return 1 + splitCount(n) * windowsPerSplit;
}

function blockSize(n: number): number {
  return byzantineOptionCount(n) * partitionOptionCount(n);
}

export function exhaustiveSpace(options: ExhaustiveOptions = {}): ExhaustiveSpace {
  const counts: readonly number[] = options.n === undefined ? exhaustiveAgentCounts : [options.n];
  const firstIndex = counts[0] === 4 ? 0 : blockSize(4);
  const size = counts.reduce((total, n) => total + blockSize(n), 0);
  return {
    firstIndex,
    size,
    scenarioAt(index) {
      assert(Number.isInteger(index), `exhaustive index ${index} is not an integer`);
      assert(index >= firstIndex && index < firstIndex + size,
        `exhaustive index ${index} is outside [${firstIndex}, ${firstIndex + size})`);
      const hunt = exhaustiveScenario(index);
      return options.unsafe === undefined ? hunt : withUnsafeSwitch(hunt, options.unsafe);
    },
  };
}

/** The scenario at a global index of the whole space (both agent counts). */
function exhaustiveScenario(index: number): HuntScenario {
  const n = index < blockSize(4) ? 4 : 5;
  const local = n === 4 ? index : index - blockSize(4);
  const partitionCount = partitionOptionCount(n);
  const byzantine = Math.floor(local / partitionCount);
  const partition = local % partitionCount;
  const partitions = partition === 0 ? [] : [partitionOption(n, partition - 1)];
  const scenario: Scenario = {
    v: 1,
    name: `hunt exhaustive ${index}`,
    seed: 1,
    protocol: 'resonance',
    n,
    rounds: exhaustiveRounds,
    network: { latency: [1, 1], drop: 0, partitions },
    faults: byzantine === 0 ? [] : [byzantineOption(n, byzantine - 1)],
    opinions: { support: 1 },
  };
  return validated({ scenario, drops: false, healing: partitions.length > 0 });
}

function byzantineOption(n: number, option: number): Fault {
  const kind = resonanceFaultKinds[Math.floor(option / n)]!;
  const agent = option % n;
  return faultAt(kind, agent, n);
}

function faultAt(kind: HuntFaultKind, agent: number, n: number): Fault {
  const agents = [agent];
  switch (kind) {
    case 'impersonate':
      return { kind, agents, victim: (agent + 1) % n };
    case 'silent':
    case 'tamper':
    case 'equivocate':
    case 'biased':
    case 'sycophant':
    case 'garble':
    case 'forge':
    case 'bloc':
    case 'twin':
      return { kind, agents };
    default:
      return exhaustive(kind);
  }
}

/** Option 0 .. splits · windows − 1: split-major, then the window. */
function partitionOption(n: number, option: number): Partition {
  const split = 1 + Math.floor(option / windowsPerSplit);
  const window = option % windowsPerSplit;
  const group = Array.from({ length: n - 1 }, (_, agent) => agent).filter(
    (agent) => (split >> agent) & 1,
  );
  return { groups: [group], ...partitionWindow(window) };
}

/**
 * Windows 0 .. 29: view ⌊w / 10⌋, then the five phase-only windows, then the five
 * rest-of-view windows of that view. Windows 30 .. 39: view ⌊(w − 30) / 5⌋ from phase
 * (w − 30) mod 5 to the end of the last view searched (tick 120).
 */
export function partitionWindow(window: number): { from: number; healAt: number } {
  const perViewCount = exhaustiveViews * exhaustivePhases * 2;
  if (window >= perViewCount) {
    const laterWindow = window - perViewCount;
    const viewStart = Math.floor(laterWindow / exhaustivePhases) * viewTicks;
    const from = viewStart + (laterWindow % exhaustivePhases);
    return { from, healAt: exhaustiveViews * viewTicks };
  }
  const view = Math.floor(window / (exhaustivePhases * 2));
  const withinView = window % (exhaustivePhases * 2);
  const phase = withinView % exhaustivePhases;
  const viewStart = view * viewTicks;
  const from = viewStart + phase;
  const restOfView = withinView >= exhaustivePhases;
  return { from, healAt: restOfView ? viewStart + viewTicks : from + 1 };
}
