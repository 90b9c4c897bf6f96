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
 * Policy: a sycophant echoes the leader with certainty it has not earned ("definitely",
 * "absolutely"), so its confidence sits above its less certain peers and deliberation pulls it
 * down toward them: its evidence delta is negative, which is what the audit looks for.
 */
const sycophantEcho = 'Absolutely, I definitely agree with the leader.';

/**
 * The opinions of a scenario's agents: personas from the seed, evaluation texts per round
 * (fixed texts from `opinions.texts` win), and the carry-over of each persona toward its
 * deliberated stance between rounds. Plain fields only, so an engine checkpoint copies it.
 */
export class ScenarioOpinions implements OpinionSource {
  private readonly personas: Persona[];
  private readonly texts: Readonly<Record<string, string>>;
  private readonly carryOverShare: number;
  private readonly majority: number;

  constructor(scenario: ResolvedScenario) {
    this.personas = makePersonas(scenario);
    this.texts = scenario.opinions.texts;
    this.carryOverShare = scenario.opinions.carryOver;
    const approving = this.personas.filter((p) => p.stance > 0).length;
    // +1 when most personas lean to approve, else −1: what a biased agent argues against.
    this.majority = approving * 2 >= this.personas.length ? 1 : -1;
  }

  task(roundNo: number) {
    return roundTask(roundNo);
  }

  text(agent: number, roundNo: number): string {
    const fixed = this.fixed(agent);
    return evaluationText(this.persona(agent), roundTask(roundNo), roundNo, fixed === undefined ? {} : { override: fixed });
  }

  biased(agent: number, roundNo: number): string {
    return this.fixed(agent) ?? biasedText(this.persona(agent), roundTask(roundNo), roundNo, this.majority);
  }

  equivocation(agent: number, roundNo: number): [string, string] {
    return equivocationPair(this.persona(agent), roundTask(roundNo), roundNo);
  }

  sycophant(agent: number, _roundNo: number, leaderText: string): string {
    return this.fixed(agent) ?? `${sycophantText(leaderText, { hedge: false })} ${sycophantEcho}`.trim();
  }

  afterRound(_roundNo: number, stances: Map<number, number>): void {
    for (const [agent, stance] of stances) {
      this.personas[agent] = carryOver(this.persona(agent), stance, this.carryOverShare);
    }
  }

  persona(agent: number): Persona {
    return this.personas[agent]!;
  }

  private fixed(agent: number): string | undefined {
    return fixedTextOf(this.texts, agent);
  }
}

export function scenarioOpinions(scenario: ResolvedScenario): OpinionSource {
  return new ScenarioOpinions(scenario);
}
