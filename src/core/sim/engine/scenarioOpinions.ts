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
import type { OpinionSource, OpinionsState } from './opinionSource';

/**
 * Policy: a sycophant echoes the leader with certainty it has not earned ("definitely",
 * "absolutely"), so its confidence sits above its less certain peers and deliberation pulls it
 * down toward them: its evidence delta is negative, which is what the audit looks for.
 */
const sycophantEcho = 'Absolutely, I definitely agree with the leader.';

/**
 * The opinions of a scenario's agents: personas from the seed, evaluation texts per round
 * (fixed texts from `opinions.texts` win), and the carry-over of each persona toward its
 * deliberated stance between rounds. Only the personas change during a run (`state`).
 */
export class ScenarioOpinions implements OpinionSource {
  private readonly personas: Persona[];
  private readonly texts: Readonly<Record<string, string>>;
  private readonly carryOverShare: number;
  private readonly majority: number;

  /** `state`: the drifted personas of a restored engine (taken over); default the seed's. */
  constructor(private readonly scenario: ResolvedScenario, state?: OpinionsState) {
    const initial = makePersonas(scenario);
    this.personas = state?.personas ?? initial;
    this.texts = scenario.opinions.texts;
    this.carryOverShare = scenario.opinions.carryOver;
    // +1 when most personas first lean to approve, else −1: what a biased agent argues against.
    // From the personas as drawn, not as drifted, so a restored source argues the same way.
    const approving = initial.filter((p) => p.stance > 0).length;
    this.majority = approving * 2 >= initial.length ? 1 : -1;
  }

  state(): OpinionsState {
    return { personas: this.personas };
  }

  restored(state: OpinionsState): ScenarioOpinions {
    return new ScenarioOpinions(this.scenario, state);
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

/** The scenario's opinion source, at the start of a run or holding a restored `state`. */
export function scenarioOpinions(scenario: ResolvedScenario, state?: OpinionsState): OpinionSource {
  return new ScenarioOpinions(scenario, state);
}
