import type { TraceIndex } from '../trace/traceIndex';
import type { Moment } from './lesson';

/** Where a moment falls in a simulated run; `missed` when the run never reaches it (then its end). */
export interface MomentTick {
  tick: number;
  missed: boolean;
}

/** The tick of `moment` in a wholly simulated run whose last tick is `endTick`. */
export function momentTick(moment: Moment, trace: TraceIndex, endTick: number): MomentTick {
  if ('tick' in moment) return { tick: Math.min(moment.tick, endTick), missed: moment.tick > endTick };
  if ('end' in moment) return { tick: endTick, missed: false };
  const nth = moment.nth ?? 1;
  let seen = 0;
  for (const event of trace.ofKind(moment.event).events) {
    if (moment.agent !== undefined && agentOf(event) !== moment.agent) continue;
    if (moment.round !== undefined && (!('roundNo' in event) || event.roundNo !== moment.round)) continue;
    seen += 1;
    if (seen === nth) return { tick: event.t, missed: false };
  }
  return { tick: endTick, missed: true };
}

/** The agent an event is about, by the role its kind names. */
function agentOf(event: object): number | null {
  for (const role of ['agent', 'accused', 'accuser'] as const) {
    if (role in event) return (event as Record<typeof role, number>)[role];
  }
  return null;
}

/** A moment in words, for the player ("the 2nd committed event of a0"). */
export function describeMoment(moment: Moment): string {
  if ('tick' in moment) return `tick ${moment.tick}`;
  if ('end' in moment) return 'the end of the run';
  const nth = moment.nth ?? 1;
  const ordinal = nth === 1 ? 'first' : nth === 2 ? 'second' : nth === 3 ? 'third' : `${nth}th`;
  const of = moment.agent === undefined ? '' : ` of a${moment.agent}`;
  const inRound = moment.round === undefined ? '' : ` in round ${moment.round}`;
  return `the ${ordinal} ${moment.event} event${of}${inRound}`;
}
