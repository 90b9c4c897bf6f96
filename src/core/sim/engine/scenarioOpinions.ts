import {
  biasedText,
  carryOver,
  equivocationPair,
  evaluationText,
  makePersonas,
  roundTask,
  sycophantText,
  type Persona,
} from '../opinions';
import { fixedTextOf } from '../opinions/evaluationText';
import type { ResolvedScenario } from '../scenario';
import type { OpinionSource } from './opinionSource';

/**
 * The opinions of a scenario's agents: personas from the seed, evaluation texts per round
 * (fixed texts from `opinions.texts` win), and the carry-over of each persona toward its
 * deliberated stance between rounds.
 */
export function scenarioOpinions(scenario: ResolvedScenario): OpinionSource {
  const personas: Persona[] = makePersonas(scenario);
  const texts = scenario.opinions.texts;
  const persona = (agent: number) => personas[agent]!;
  const fixed = (agent: number) => fixedTextOf(texts, agent);
  return {
    task: (roundNo) => roundTask(roundNo),
    text: (agent, roundNo) => evaluationText(persona(agent), roundTask(roundNo), roundNo, withOverride(fixed(agent))),
    biased: (agent, roundNo) => fixed(agent) ?? biasedText(persona(agent), roundTask(roundNo), roundNo, majorityStance(personas)),
    equivocation: (agent, roundNo) => equivocationPair(persona(agent), roundTask(roundNo), roundNo),
    sycophant: (agent, _roundNo, leaderText) =>
      fixed(agent) ?? `${sycophantText(leaderText, { hedge: false })} ${sycophantEcho}`.trim(),
    afterRound(_roundNo, stances) {
      for (const [agent, stance] of stances) {
        personas[agent] = carryOver(persona(agent), stance, scenario.opinions.carryOver);
      }
    },
  };
}

/**
 * Policy: a sycophant echoes the leader with certainty it has not earned ("definitely",
 * "absolutely"), so its confidence sits above its less certain peers and deliberation pulls it
 * down toward them: its evidence delta is negative, which is what the audit looks for.
 */
const sycophantEcho = 'Absolutely, I definitely agree with the leader.';

function withOverride(text: string | undefined): { override?: string } {
  return text === undefined ? {} : { override: text };
}

/** +1 when most personas lean to approve, else −1: what a biased agent argues against. */
function majorityStance(personas: readonly Persona[]): number {
  const approving = personas.filter((p) => p.stance > 0).length;
  return approving * 2 >= personas.length ? 1 : -1;
}
