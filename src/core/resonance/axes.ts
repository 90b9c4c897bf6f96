/**
 * The five axes of a belief and their fixed commit weights (reference §2.1).
 */
export const AXES = ['semantic', 'affective', 'relational', 'epistemic', 'behavioral'] as const;

export type Axis = (typeof AXES)[number];

/**
 * Policy: the commit scores agents with these fixed weights, never with the weights layer 3
 * learns, so every honest resolver computes the same certificate (resolver independence).
 * They offset the dimensionality gap (a ~64-term semantic axis against 2-coordinate axes).
 */
export const AXIS_WEIGHTS: Readonly<Record<Axis, number>> = Object.freeze({
  semantic: 0.25,
  affective: 0.2,
  relational: 0.25,
  epistemic: 0.15,
  behavioral: 0.15,
});

/** Per-axis scale of the deliberation radius ε (reference §2.1; used by deliberation). */
export const AXIS_EPSILON_MULTIPLIERS: Readonly<Record<Axis, number>> = Object.freeze({
  semantic: 1,
  affective: 1.8,
  relational: 1.2,
  epistemic: 0.9,
  behavioral: 1.3,
});

/** Axes whose vectors always have exactly two coordinates. */
export const TWO_COORDINATE_AXES: readonly Axis[] = ['affective', 'epistemic', 'behavioral'];

/**
 * The weights the commit scores with. With a known roster every axis counts. Without one,
 * every agent's relational axis is the same neutral vector (cosine 1 for all), so it is
 * dropped and the other four are renormalised: otherwise it would add a flat +0.25 to every
 * score and silently loosen the threshold (reference §2.3 step 9).
 */
export function commitWeights(rosterKnown: boolean): Record<Axis, number> {
  if (rosterKnown) return { ...AXIS_WEIGHTS };
  const total = 1 - AXIS_WEIGHTS.relational;
  return {
    semantic: AXIS_WEIGHTS.semantic / total,
    affective: AXIS_WEIGHTS.affective / total,
    relational: 0,
    epistemic: AXIS_WEIGHTS.epistemic / total,
    behavioral: AXIS_WEIGHTS.behavioral / total,
  };
}
