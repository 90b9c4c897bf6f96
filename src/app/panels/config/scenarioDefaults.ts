import type { Scenario } from '../../../worker/api';
import { scenarioAxes, type Axis, type FaultKind } from '../../../core/values';

/**
 * The schema's defaults and bounds (SPEC §4), as the configuration panel needs them: read from
 * `core/values`, the one core module the app imports as values, so the editors cannot drift
 * from what `withDefaults` and `parseScenario` do. The worker's validator remains the judge
 * of what a scenario may contain.
 */
export {
  defaultMaxTicks,
  defaultMaxViewChanges,
  faultKinds,
  faultProtocols,
  scenarioDefaults as defaults,
  scenarioLimits as limits,
} from '../../../core/values';
export type { Axis, FaultKind, Protocol } from '../../../core/values';
export type UnsafeKey = keyof NonNullable<NonNullable<Scenario['resonance']>['unsafe']>;

export const axes: readonly Axis[] = scenarioAxes;

/** One line per kind, shown beside the fault: what the faulty agents do. */
export const faultExplanations: Readonly<Record<FaultKind, string>> = {
  silent: 'Crashed: sends and answers nothing from its start tick until it recovers (or ever).',
  tamper: 'Edits its sealed vector after sealing; the seal check should catch it.',
  equivocate: 'Signs two different evaluations and sends each to half of the peers.',
  biased: 'Valid and sealed, but extreme opposite opinions that pull the centroid.',
  sycophant: "Copies the leader's evaluation and drifts toward low-confidence peers.",
  garble: 'Corrupts the bytes of its outgoing messages at the chosen rate.',
  forge: "As leader: proposes a winner backed by copies of its own record filed under the others' ids.",
  impersonate: "Sends records under the victim's id, signed with its own key.",
  bloc: 'Council: colluding voters always vote together against the majority.',
  twin: 'Runs two honest copies under one key, each reaching half of the peers.',
  accuse: 'With accountability: submits a forged proof against the victim to the Council.',
};

