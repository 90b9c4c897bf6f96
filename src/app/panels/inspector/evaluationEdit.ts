import type { Scenario } from '../../../worker/api';

/** The schema's longest `opinions.texts` entry (`limits.textCharsMax` in core/sim/scenario). */
export const evaluationTextCharsMax = 2000;

/** The fixed evaluation text of `agent` in the scenario, if it has one (own keys only). */
export function fixedText(scenario: Scenario, agent: number): string | undefined {
  const texts = scenario.opinions?.texts;
  const key = String(agent);
  return texts !== undefined && Object.hasOwn(texts, key) ? texts[key] : undefined;
}

/**
 * The scenario with `agent`'s evaluation fixed to `text` in `opinions.texts`, or, with null,
 * without its override (the generator writes it again). An empty `texts` is left out, so
 * "Reset to generated" gives back the scenario's original form. The caller validates the
 * result through the worker (`applyScenario`); nothing here trusts `text`.
 */
export function withEvaluationText(scenario: Scenario, agent: number, text: string | null): Scenario {
  const key = String(agent);
  const texts: Record<string, string> = {};
  for (const [other, value] of Object.entries(scenario.opinions?.texts ?? {})) {
    if (other !== key) texts[other] = value;
  }
  if (text !== null) texts[key] = text;
  const { texts: _previous, ...opinions } = scenario.opinions ?? {};
  const nextOpinions = Object.keys(texts).length > 0 ? { ...opinions, texts } : opinions;
  const { opinions: _old, ...rest } = scenario;
  return Object.keys(nextOpinions).length > 0 ? { ...rest, opinions: nextOpinions } : rest;
}
