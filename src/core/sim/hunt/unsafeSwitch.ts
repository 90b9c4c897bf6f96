import type { Scenario, UnsafeSwitches } from '../scenario';
import { validated, type HuntScenario } from './randomScenario';

/** The value each teaching switch takes when `hunt --unsafe NAME` turns it on (SPEC §4). */
export const unsafeSwitchValues = {
  quorum: '2f+1',
  centroid: 'mean',
  trim: 'arrived',
  seal: 'off',
  membership: 'present',
  lock: 'off',
  viewChange: 'reference',
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
};

export function isUnsafeSwitchName(name: string): name is UnsafeSwitchName {
  return Object.hasOwn(unsafeSwitchValues, name);
}

/** The scenario with one teaching switch turned on, every other setting kept. */
export function withUnsafeSwitch(hunt: HuntScenario, name: UnsafeSwitchName): HuntScenario {
  const resonance = hunt.scenario.resonance ?? {};
  const unsafe = { ...resonance.unsafe, [name]: unsafeSwitchValues[name] };
  const scenario: Scenario = { ...hunt.scenario, resonance: { ...resonance, unsafe } };
  return validated({ ...hunt, scenario });
}
