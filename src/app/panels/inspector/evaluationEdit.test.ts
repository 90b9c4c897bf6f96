import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/sim/parseScenario';
import { scenarioLimits } from '../../../core/sim/scenario';
import type { Scenario } from '../../../worker/api';
import { evaluationTextCharsMax, fixedText, withEvaluationText } from './evaluationEdit';

const base: Scenario = { v: 1, seed: 42, protocol: 'resonance', n: 7, opinions: { support: 0.5 } };

describe('withEvaluationText', () => {
  it('fixes one agent\'s text in opinions.texts and keeps the other opinion settings', () => {
    const edited = withEvaluationText(base, 3, 'I reject this change.');
    expect(edited.opinions).toEqual({ support: 0.5, texts: { 3: 'I reject this change.' } });
    expect(fixedText(edited, 3)).toBe('I reject this change.');
    expect(parseScenario(edited).ok).toBe(true);
  });

  it('replaces an agent\'s earlier override and keeps the other agents\' texts', () => {
    const once = withEvaluationText(withEvaluationText(base, 3, 'first'), 5, 'five');
    expect(withEvaluationText(once, 3, 'second').opinions?.texts).toEqual({ 3: 'second', 5: 'five' });
  });

  it('resets to the generated text by removing the override, and an empty texts with it', () => {
    const edited = withEvaluationText(base, 3, 'mine');
    expect(withEvaluationText(edited, 3, null)).toEqual(base);
    const bare: Scenario = { v: 1, seed: 42, protocol: 'resonance', n: 7 };
    expect(withEvaluationText(withEvaluationText(bare, 0, 'x'), 0, null)).toEqual(bare);
    expect(fixedText(bare, 0)).toBeUndefined();
  });

  it('does not change the scenario it was given', () => {
    const edited = withEvaluationText(base, 1, 'one');
    withEvaluationText(edited, 1, null);
    expect(edited.opinions?.texts).toEqual({ 1: 'one' });
    expect(base.opinions).toEqual({ support: 0.5 });
  });

  it('shows the schema\'s own length limit, which refuses one character more', () => {
    expect(evaluationTextCharsMax).toBe(scenarioLimits.textCharsMax);
    const tooLong = withEvaluationText(base, 3, 'x'.repeat(evaluationTextCharsMax + 1));
    expect(parseScenario(tooLong).ok).toBe(false);
  });
});
