import { Rng } from '../../rng';
import { composeOpinion, type Direction, type OpinionSpec } from './composeOpinion';
import type { Persona } from './makePersonas';
import type { RoundTask } from './roundTask';

/** Below this stance size an agent is undecided and writes no stance word. */
export const undecidedStanceMax = 0.15;

/** From this stance size on an agent is firm and writes a second stance word. */
export const firmStanceMin = 0.6;

/** From this mood, for or against the decision, the mood shows in the words. */
export const moodShownMin = 0.35;

export interface EvaluationOptions {
  /** A fixed text (`opinions.texts[agentIndex]`): returned as it is, generator bypassed. */
  override?: string;
}

/** The stream of an agent's text in a round; different kinds of text use sub-streams. */
export function textStreamName(agentIndex: number, roundNo: number): string {
  return `opinions:a${agentIndex}:r${roundNo}`;
}

/**
 * What the agent writes about the round's change, without the task description (the agent
 * seals `(description + ' ' + text).trim()`, SPEC §3). One main sentence, a short second
 * one for a firm stance, and one naming private nouns:
 * - the stance picks approve or reject words (and "favor"/"against"), one or, when firm, two;
 * - positive or negative adjectives follow the decision; the mood adds one more of the same
 *   valence or a one-word concession of the other, so the valence always has the stance's sign;
 * - certainty picks "definitely"/"clearly" (sure) or "perhaps"/"unclear" (hedged) markers;
 * - the topic word appears, and up to three of the persona's private nouns (at least one
 *   when it has any).
 * Same persona, task and round: same text.
 */
export function evaluationText(
  persona: Persona,
  task: RoundTask,
  roundNo: number,
  options: EvaluationOptions = {},
): string {
  if (options.override !== undefined) return options.override;
  const rng = Rng.stream(persona.seed, textStreamName(persona.agentIndex, roundNo));
  return composeOpinion(specOf(persona, task), rng);
}

/** The spec of a persona's honest evaluation. */
export function specOf(persona: Persona, task: RoundTask): OpinionSpec {
  const direction = directionOf(persona.stance);
  return {
    topic: task.topic,
    direction,
    firm: Math.abs(persona.stance) >= firmStanceMin,
    certaintyLevel: certaintyLevel(persona.certainty),
    moodTone: moodTone(persona.mood, direction),
    privateWords: persona.privateWords,
  };
}

/**
 * Net certainty markers for a certainty in [0, 1]: round((c − 0.5)·4) within −2 … 2, so
 * 0.9 sounds doubly sure, 0.7 sure, 0.5 plain, 0.3 hedged and 0.1 doubly hedged.
 */
export function certaintyLevel(certainty: number): number {
  const level = Math.round((certainty - 0.5) * 4);
  return Math.max(-2, Math.min(2, level)) || 0;
}

export function directionOf(stance: number): Direction {
  if (Math.abs(stance) < undecidedStanceMax) return 0;
  return stance > 0 ? 1 : -1;
}

/** The mood relative to the decision (its own sign when undecided). */
export function moodTone(mood: number, direction: Direction): Direction {
  const relative = direction === 0 ? mood : mood * direction;
  if (relative >= moodShownMin) return 1;
  if (relative <= -moodShownMin) return -1;
  return 0;
}

/**
 * The fixed text of `opinions.texts` for an agent, if any. Reads own keys only, so a key
 * such as "constructor" can never reach a prototype.
 */
export function fixedTextOf(
  texts: Readonly<Record<string, string>>,
  agentIndex: number,
): string | undefined {
  const key = String(agentIndex);
  return Object.hasOwn(texts, key) ? texts[key] : undefined;
}
