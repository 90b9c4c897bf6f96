import { eventsMax, type EndReason } from './eventLoop';
import type { ReplicaState } from './replica/types';

/** What the end of a run needs to say why it did not complete. */
export interface StallSources {
  readonly replicas: readonly ReplicaState[];
  readonly scenario: { rounds: number };
  isHonest(agent: number): boolean;
}

/**
 * Why a run ended before every round was decided, in words (SPEC §3): the first round an honest
 * replica did not decide, and whether its view changes ran out ("stalled in round 2: view
 * changes exhausted") or the run hit its tick limit.
 */
export function stallDetail(sources: StallSources, reason: Exclude<EndReason, 'completed'>): { stalledRound: number; detail: string } | null {
  const honest = sources.replicas.filter((replica) => sources.isHonest(replica.index));
  if (honest.length === 0) return null;
  const round = Math.min(...honest.map((replica) => replica.roundNo));
  if (round > sources.scenario.rounds) return null;
  const stuck = honest.filter((replica) => replica.roundNo === round);
  const exhausted = stuck.some((replica) => replica.current.exhausted);
  const why = exhausted
    ? 'view changes exhausted'
    : reason === 'maxTicks' ? 'the tick limit (maxTicks) came first'
      : reason === 'eventsMax' ? `the simulator's limit of ${eventsMax.toLocaleString('en-US')} trace events came first`
        : 'nothing left to happen';
  return { stalledRound: round, detail: `stalled in round ${round}: ${why}` };
}
