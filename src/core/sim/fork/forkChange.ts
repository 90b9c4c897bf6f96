import type { UnsafeSwitches } from '../../resonance';
import { faultProtocols, type FaultKind, type Protocol } from '../scenario';

/** The rules a fork may switch off, in the order the page lists them. */
export const forkUnsafeRules = [
  'quorum', 'centroid', 'trim', 'seal', 'membership', 'lock', 'viewChange', 'proofCheck',
] as const satisfies readonly (keyof UnsafeSwitches)[];
export type ForkUnsafeRule = (typeof forkUnsafeRules)[number];

/** The one value that switches each rule off (SPEC §4 `resonance.unsafe`). */
export const unsafeValues = {
  quorum: '2f+1', centroid: 'mean', trim: 'arrived', seal: 'off', membership: 'present',
  lock: 'off', viewChange: 'reference', proofCheck: 'off',
} as const satisfies Required<UnsafeSwitches>;

/** What each switch does, in words ("from tick 40, …"). */
const unsafeWords: Record<ForkUnsafeRule, string> = {
  quorum: 'commits need 2f+1 votes instead of n−f',
  centroid: 'the centroid is the plain mean, not the trimmed mean',
  trim: 'the centroid trims by the records that arrived, not by f',
  seal: 'seals and signatures go unchecked',
  membership: 'n is counted from the records present',
  lock: 'replicas ignore their prepare locks',
  viewChange: 'view changes follow the reference rule (no locks carried)',
  proofCheck: 'Council voters approve quarantines without checking the proof',
};

/** Faults a fork may add to one agent from its tick on: every kind but `silent` (its own change) and `twin`. */
export const forkFaultKinds = [
  'tamper', 'equivocate', 'biased', 'sycophant', 'garble', 'forge', 'impersonate', 'bloc', 'accuse',
] as const satisfies readonly Exclude<FaultKind, 'silent' | 'twin'>[];
export type ForkFaultKind = (typeof forkFaultKinds)[number];

/** Fault kinds that name a victim. */
export const victimFaultKinds: readonly ForkFaultKind[] = ['impersonate', 'accuse'];

/**
 * The one change a "what if" fork makes from its tick on (SPEC §7 Compare): switch an unsafe
 * rule on, crash an agent (a manual `crash`), silence it (a `silent` fault from the tick),
 * drop its next message (a manual `drop-next`), or give it a fault.
 */
export type ForkChange =
  | { kind: 'unsafe'; rule: ForkUnsafeRule }
  | { kind: 'crash'; agent: number }
  | { kind: 'silence'; agent: number }
  | { kind: 'drop-next'; agent: number }
  | { kind: 'fault'; fault: ForkFaultKind; agent: number; victim?: number };

export const forkChangeKinds = ['unsafe', 'crash', 'silence', 'drop-next', 'fault'] as const;

/** The fault kinds a fork may add under `protocol`. */
export function forkFaultsFor(protocol: Protocol): ForkFaultKind[] {
  return forkFaultKinds.filter((kind) => faultProtocols[kind].includes(protocol));
}

/** The change in words, for the compare caption: "a2 crashes at tick 40". */
export function describeForkChange(change: ForkChange, at: number): string {
  switch (change.kind) {
    case 'unsafe':
      return `from tick ${at}, ${unsafeWords[change.rule]} (unsafe ${change.rule}: ${unsafeValues[change.rule]})`;
    case 'crash':
      return `a${change.agent} crashes at tick ${at}`;
    case 'silence':
      return `a${change.agent} falls silent from tick ${at}`;
    case 'drop-next':
      return `the next message a${change.agent} sends from tick ${at} is dropped`;
    case 'fault': {
      const victim = change.victim === undefined ? '' : ` against a${change.victim}`;
      return `a${change.agent} turns ${change.fault}${victim} from tick ${at}`;
    }
  }
}
