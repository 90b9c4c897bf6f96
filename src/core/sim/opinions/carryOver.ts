import { assert } from '../../assert';
import { roundHalfEven } from '../../roundHalfEven';
import { clamp, personaDecimals, type Persona } from './makePersonas';

/**
 * Certainty moves this fraction of the stance's rate: deliberation changes minds more than it
 * changes how sure people feel.
 */
export const certaintyCarryShare = 0.25;

/**
 * The persona of the next round: its stance drifts toward the stance it reached in
 * deliberation, `stance' = stance + carryOver·(deliberated − stance)`, clamped to [−1, 1].
 *
 * Policy (the SPEC is silent on certainty): an agent whose side the deliberation confirmed
 * grows a little surer, one it pulled across a little less sure. Certainty moves toward the
 * agreement `(1 + sign(stance)·deliberated) / 2` ∈ [0, 1] at a quarter of the stance's rate.
 * Mood and private words stay. Pure; the identity when `carryOver` is 0.
 */
export function carryOver(persona: Persona, deliberatedStance: number, carryOver: number): Persona {
  assert(carryOver >= 0 && carryOver <= 1, `carryOver: ${carryOver} is outside [0, 1]`);
  const finite = Number.isFinite(deliberatedStance);
  assert(finite, `carryOver: deliberated stance ${deliberatedStance} is not a number`);
  const target = clamp(deliberatedStance, -1, 1);
  const stance = persona.stance + carryOver * (target - persona.stance);
  const agreement = (1 + Math.sign(persona.stance) * target) / 2;
  const rate = carryOver * certaintyCarryShare;
  const certainty = persona.certainty + rate * (agreement - persona.certainty);
  return {
    ...persona,
    stance: clamp(roundHalfEven(stance, personaDecimals), -1, 1),
    certainty: clamp(roundHalfEven(certainty, personaDecimals), 0, 1),
    privateWords: [...persona.privateWords],
  };
}
