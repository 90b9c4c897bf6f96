import type { Scenario, UnsafeSwitches } from '../scenario';
import { validated, withAccountability, type HuntScenario } from './randomScenario';

/** The value each teaching switch takes when `hunt --unsafe NAME` turns it on (SPEC §4). */
export const unsafeSwitchValues = {
  quorum: '2f+1',
  centroid: 'mean',
  trim: 'arrived',
  seal: 'off',
  membership: 'present',
  lock: 'off',
  viewChange: 'reference',
  proofCheck: 'off',
} as const satisfies Required<UnsafeSwitches>;

export type UnsafeSwitchName = keyof typeof unsafeSwitchValues;

export const unsafeSwitchNames = Object.keys(unsafeSwitchValues) as UnsafeSwitchName[];

/**
 * The invariant each switch exists to break: the checker's self-test expects to see it
 * red somewhere in the search (SPEC §9). `liveness` is the hunt's own verdict (a round left
 * undecided although nothing was dropped and every partition healed).
 */
export const unsafeSwitchTargets: Readonly<Record<UnsafeSwitchName, string>> = {
  quorum: 'agreement',
  centroid: 'validity',
  trim: 'validity',
  seal: 'validity',
  membership: 'agreement',
  lock: 'agreement',
  viewChange: 'liveness-after-heal',
  proofCheck: 'no-honest-quarantine',
};

/**
 * The second switch a rule needs before its absence shows (SPEC §9: "alone, or with the second
 * switch it needs, named in the switch's hint"). Without its lock a replica prepares any valid
 * value, but with the lock-carrying view change a lagging replica still learns the decided
 * value from a peer's commit certificate long before a fresh one could commit; under the
 * reference view change, which hands on no certificates, lost commit votes let one replica
 * commit and a new leader's fresh value commit at the others.
 */
export const unsafeSwitchCompanions: Readonly<Partial<Record<UnsafeSwitchName, UnsafeSwitches>>> = {
  lock: { viewChange: 'reference' },
};

export function isUnsafeSwitchName(name: string): name is UnsafeSwitchName {
  return Object.hasOwn(unsafeSwitchValues, name);
}

/** The scenario with one teaching switch (and its companion) turned on, every other setting kept. */
export function withUnsafeSwitch(hunt: HuntScenario, name: UnsafeSwitchName): HuntScenario {
  // The proof check exists only in the accountability vote, which the switch turns on with the
  // accusers it needs to show (a forged proof that nobody checks).
  const base = name === 'proofCheck' && hunt.scenario.resonance?.accountability !== true ? withAccountability(hunt) : hunt;
  const resonance = base.scenario.resonance ?? {};
  const unsafe = { ...resonance.unsafe, ...unsafeSwitchCompanions[name], [name]: unsafeSwitchValues[name] };
  const scenario: Scenario = { ...base.scenario, resonance: { ...resonance, unsafe } };
  return validated({ ...base, scenario });
}
