import type { Task } from '../../resonance';
import type { Persona } from '../opinions';

/** What changes in an opinion source during a run, as plain data. */
export interface OpinionsState {
  /** Each agent's persona as it has drifted so far (carry-over), by agent index. */
  personas: Persona[];
}

/**
 * Where the simulated agents' evaluations come from: the scenario's opinion generator, or
 * fixed texts. The engine asks, per agent and round, for the text it seals.
 */
export interface OpinionSource {
  task(roundNo: number): Task & { topic: string };
  /** An honest agent's own evaluation (without the task description). */
  text(agent: number, roundNo: number): string;
  /** A `biased` agent's valid but extreme opposite opinion. */
  biased(agent: number, roundNo: number): string;
  /** Two clearly different evaluations for an `equivocate` agent. */
  equivocation(agent: number, roundNo: number): [string, string];
  /** A `sycophant`'s evaluation, given what the leader wrote. */
  sycophant(agent: number, roundNo: number, leaderText: string): string;
  /** Between rounds: an agent's persona drifts toward its deliberated stance. */
  afterRound?(roundNo: number, stances: Map<number, number>): void;
  /** The agent's persona now (after any carry-over), for the agent inspector. */
  persona?(agent: number): Persona;
  /** What changed during the run, by reference (not a copy): for an engine snapshot. */
  state(): OpinionsState;
  /** A source like this one that takes `state` over (not a copy): a restored engine's. */
  restored(state: OpinionsState): OpinionSource;
}
