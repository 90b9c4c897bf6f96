import { Rng } from '../../rng';
import { composeOpinion, evaluationCharsMax, type Direction } from './composeOpinion';
import { directionOf, specOf, textStreamName } from './evaluationText';
import type { Persona } from './makePersonas';
import type { RoundTask } from './roundTask';

/**
 * The texts of the opinion faults (SPEC §4). They are valid evaluations, sealed and signed
 * like any other; what makes them Byzantine is what they say.
 */

/**
 * A `biased` agent's evaluation: the extreme of the opposite opinion. Firmly against the
 * majority's lean (`majorityStance`, approve by default since `support` defaults to 0.85),
 * doubly sure, with three adjectives of that valence and no concession.
 */
export function biasedText(
  persona: Persona,
  task: RoundTask,
  roundNo: number,
  majorityStance = 1,
): string {
  const direction: Direction = majorityStance < 0 ? 1 : -1;
  const rng = Rng.stream(persona.seed, `${textStreamName(persona.agentIndex, roundNo)}:biased`);
  return composeOpinion(
    { ...specOf(persona, task), direction, firm: true, certaintyLevel: 2, moodTone: 1 },
    rng,
  );
}

/** Hedges a sycophant adds to the leader's words; they lower its confidence, nothing else. */
export const sycophantHedges: readonly string[] = [
  'I think so too, perhaps.',
  'Maybe so, as the leader says.',
  'Perhaps the leader is right.',
];

/**
 * A `sycophant`'s evaluation: the leader's own text, word for word (pass the leader's
 * evaluation without the task description, or the description is embedded twice), then a
 * hedge unless `hedge` is false or the result would exceed `evaluationCharsMax`. The hedge
 * is chosen by the text, so every sycophant echoes a leader the same way.
 */
export function sycophantText(leaderText: string, options: { hedge?: boolean } = {}): string {
  const copy = leaderText.trim();
  if (copy === '' || options.hedge === false) return copy;
  let code = 0;
  for (let i = 0; i < copy.length; i++) code = (code + copy.charCodeAt(i)) % 65_536;
  const hedge = sycophantHedges[code % sycophantHedges.length]!;
  const stop = /[.!?]$/.test(copy) ? '' : '.';
  const hedged = `${copy}${stop} ${hedge}`;
  return hedged.length <= evaluationCharsMax ? hedged : copy;
}

/**
 * An `equivocate` agent's two evaluations for one round: the first in its own direction
 * (approve when undecided), the second the opposite, each with its own certainty and
 * wording. They always differ in their stance words.
 */
export function equivocationPair(
  persona: Persona,
  task: RoundTask,
  roundNo: number,
): [string, string] {
  const own: Direction = directionOf(persona.stance) === -1 ? -1 : 1;
  const stream = textStreamName(persona.agentIndex, roundNo);
  const spec = specOf(persona, task);
  const first = composeOpinion(
    { ...spec, direction: own },
    Rng.stream(persona.seed, `${stream}:equivocate:0`),
  );
  const second = composeOpinion(
    { ...spec, direction: own === 1 ? -1 : 1 },
    Rng.stream(persona.seed, `${stream}:equivocate:1`),
  );
  return [first, second];
}
