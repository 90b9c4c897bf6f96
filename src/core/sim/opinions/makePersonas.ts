import { assert } from '../../assert';
import { roundHalfEven } from '../../roundHalfEven';
import { Rng } from '../../rng';
import type { ResolvedScenario } from '../scenario';
import { ENGINEERING_NOUNS } from './engineeringNouns';

/**
 * Who a simulated agent is when it writes an evaluation: plain data, so the engine can put it
 * in a checkpoint or a trace event. Numbers are rounded to `personaDecimals`.
 */
export interface Persona {
  agentIndex: number;
  /** The scenario seed; the persona's texts draw from `Rng.stream(seed, 'opinions:a{i}:r{k}')`. */
  seed: number;
  /** −1 … 1; above 0 leans approve, below 0 leans reject, the size is how firmly. */
  stance: number;
  /** 0 … 1, within the scenario's certainty range when drawn; how sure the agent sounds. */
  certainty: number;
  /** −1 … 1: the valence of the words the agent uses, whatever it decides. */
  mood: number;
  /** 0 … 8 domain nouns only this agent tends to mention (`ENGINEERING_NOUNS`). */
  privateWords: string[];
}

/** Decimal places of a persona's numbers, so a trace that carries them cannot drift. */
export const personaDecimals = 4;

/**
 * Stances are drawn with at least this size: an honest agent starts out leaning one way.
 * Only the carry-over between rounds brings a stance near 0 (an undecided agent).
 */
export const stanceDrawnMin = 0.2;

/** The per-agent stream: adding agent n never shifts the personas of agents 0 … n−1. */
export function personaStreamName(agentIndex: number): string {
  return `opinions:a${agentIndex}`;
}

/**
 * One persona per agent (SPEC §4 `opinions`). Each agent leans approve with probability
 * `support` (faulty agents get a persona too; their faults decide what they send), its
 * certainty is uniform in the certainty range, its mood uniform in [−1, 1], and it owns
 * `privateWords` distinct nouns. Draw order per stream: lean, stance size, certainty, mood,
 * private words; so changing `privateWords` leaves the other fields unchanged.
 */
export function makePersonas(scenario: ResolvedScenario): Persona[] {
  const { n, seed, opinions } = scenario;
  const { support, certainty, privateWords } = opinions;
  const [certaintyLow, certaintyHigh] = certainty;
  assert(Number.isInteger(n) && n >= 1, `makePersonas: n = ${n} is not a positive integer`);
  assert(support >= 0 && support <= 1, `makePersonas: support ${support} is outside [0, 1]`);
  assert(
    certaintyLow >= 0 && certaintyLow <= certaintyHigh && certaintyHigh <= 1,
    `makePersonas: certainty [${certaintyLow}, ${certaintyHigh}] is not a range within [0, 1]`,
  );
  assert(
    Number.isInteger(privateWords) && privateWords >= 0 && privateWords <= 8,
    `makePersonas: privateWords ${privateWords} is not an integer in 0 … 8`,
  );
  return Array.from({ length: n }, (_, agentIndex) => {
    const rng = Rng.stream(seed, personaStreamName(agentIndex));
    const approves = rng.chance(support);
    const size = rng.range(stanceDrawnMin, 1);
    const drawnCertainty = rng.range(certaintyLow, certaintyHigh);
    const mood = rng.range(-1, 1);
    return {
      agentIndex,
      seed,
      stance: roundHalfEven(approves ? size : -size, personaDecimals),
      // Rounding may step just outside a range given with more decimals; clamp it back.
      certainty: clamp(roundHalfEven(drawnCertainty, personaDecimals), certaintyLow, certaintyHigh),
      mood: roundHalfEven(mood, personaDecimals),
      privateWords: rng.shuffle(ENGINEERING_NOUNS).slice(0, privateWords),
    };
  });
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
