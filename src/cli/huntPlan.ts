/**
 * What a hunt runs (SPEC §6, §9): the ids of its runs, the scenario at each, and the verdict
 * on one run. Shared by `hunt.ts` and its worker threads (`huntThread.ts`), which rebuild the
 * same plan from the same options, so a run's verdict is the same on any thread.
 */
import { checkRun, type RunVerdict } from '../core/sim/hunt/checkRun';
import { exhaustiveSpace } from '../core/sim/hunt/exhaustiveSpace';
import { randomScenario, withAccountability, type HuntScenario } from '../core/sim/hunt/randomScenario';
import { selectPositions } from '../core/sim/hunt/selection';
import { withUnsafeSwitch } from '../core/sim/hunt/unsafeSwitch';
import { runScenario } from '../core/sim/runScenario';
import type { HuntOptions } from './huntArgs';

/** The runs of one invocation: how many, and the scenario at each selected place. */
export interface Plan {
  label: string;
  key: 'seed' | 'index';
  /** The seed or exhaustive index of each run, ascending. */
  ids: number[];
  scenarioOf(id: number): HuntScenario;
}

export function planOf(options: HuntOptions): Plan {
  const selection = { ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.shard === undefined ? {} : { shard: options.shard }) };
  const unsafe = options.unsafe;
  const notes = [
    options.limit === undefined ? '' : `, limit ${options.limit}`,
    options.shard === undefined ? '' : `, shard ${options.shard.index}/${options.shard.count}`,
    unsafe === undefined ? '' : `, unsafe ${unsafe}`,
    options.accountability ? ', accountability with accusers' : '',
  ].join('');
  if (options.exhaustive) {
    const space = exhaustiveSpace({ ...(options.n === undefined ? {} : { n: options.n }),
      ...(unsafe === undefined ? {} : { unsafe }) });
    const last = space.firstIndex + space.size - 1;
    const counts = options.n === undefined ? 'n=4,5' : `n=${options.n}`;
    return {
      label: `exhaustive ${counts}, indices ${space.firstIndex}..${last} of ${space.size}${notes}`,
      key: 'index',
      ids: selectPositions(space.size, selection).map((position) => space.firstIndex + position),
      scenarioOf: (index) => space.scenarioAt(index),
    };
  }
  const { first, last } = options.seeds!;
  return {
    label: `seeds ${first}..${last}${notes}`,
    key: 'seed',
    ids: selectPositions(last - first + 1, selection).map((position) => first + position),
    scenarioOf: (seed) => {
      const drawn = randomScenario(seed);
      const hunt = options.accountability ? withAccountability(drawn) : drawn;
      return unsafe === undefined ? hunt : withUnsafeSwitch(hunt, unsafe);
    },
  };
}

/**
 * The verdict on one run. The trace is dropped as soon as it is judged, so memory stays
 * bounded however long the search. An engine that throws (a failed assertion) is a finding
 * too, reported like a red invariant, and the search goes on.
 */
export function verdictOf(hunt: HuntScenario): RunVerdict {
  try {
    return checkRun(hunt, runScenario(hunt.scenario));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      violations: [{ invariant: 'engine-error', detail: message.split('\n')[0]! }],
      roundsDecided: 0,
      rounds: hunt.scenario.rounds ?? 5,
      drops: hunt.drops,
      healing: hunt.healing,
      traceHash: '',
    };
  }
}

