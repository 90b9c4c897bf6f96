/**
 * A hunt worker thread (`hunt --workers N`): rebuilds the plan from the command's options
 * and returns the verdict on each run id it is sent (`threadPool.ts`).
 */
import type { RunVerdict } from '../core/sim/hunt/checkRun';
import type { HuntOptions } from './huntArgs';
import { planOf, verdictOf } from './huntPlan';
import { serveChunks, threadData } from './threadChunks';

const plan = planOf(threadData<HuntOptions>());

serveChunks<number, RunVerdict>((ids) => ids.map((id) => verdictOf(plan.scenarioOf(id))));
