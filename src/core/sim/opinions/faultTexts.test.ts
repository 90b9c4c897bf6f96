import { describe, expect, it } from 'vitest';
import { affective, epistemic } from '../../resonance/axisVectors';
import { stanceEmbedding } from '../../resonance/stance';
import { tokenise } from '../../resonance/tokenise';
import { withDefaults } from '../scenario';
import { evaluationText } from './evaluationText';
import { biasedText, equivocationPair, sycophantHedges, sycophantText } from './faultTexts';
import { makePersonas, type Persona } from './makePersonas';
import { roundTask } from './roundTask';
import { stanceOfText } from './stanceOfText';

const personas: Persona[] = makePersonas(
  withDefaults({ v: 1, seed: 11, protocol: 'resonance', n: 40, opinions: { privateWords: 2 } }),
);
const sealed = (roundNo: number, text: string) => `${roundTask(roundNo).description} ${text}`;

describe('biasedText', () => {
  it('rejects firmly, negatively and surely, whatever the persona thinks', () => {
    for (const persona of personas) {
      const roundNo = (persona.agentIndex % 6) + 1;
      const text = sealed(roundNo, biasedText(persona, roundTask(roundNo), roundNo));
      const [valence, arousal] = affective(tokenise(text));
      expect(stanceOfText(text)).toBeLessThan(-0.8);
      expect(valence).toBeLessThan(0);
      expect(arousal).toBeGreaterThan(0);
      expect(epistemic(tokenise(text), [], [])[0]).toBeGreaterThan(0);
      expect(stanceEmbedding(text, roundTask(roundNo).topic)[0]).toBe(-1);
    }
  });

  it('scores opposite to the honest approving agents', () => {
    const approving = personas.filter((persona) => persona.stance > 0.15);
    expect(approving.length).toBeGreaterThan(20);
    for (const persona of approving) {
      const honest = stanceOfText(evaluationText(persona, roundTask(2), 2));
      const biased = stanceOfText(biasedText(persona, roundTask(2), 2));
      expect(honest).toBeGreaterThan(0);
      expect(biased).toBeLessThan(-honest / 2);
    }
  });

  it('approves instead when the majority leans reject', () => {
    const text = biasedText(personas[0]!, roundTask(1), 1, -0.4);
    expect(stanceOfText(text)).toBeGreaterThan(0.8);
  });

  it('is deterministic and differs from the honest text', () => {
    const persona = personas.find((p) => p.stance < -0.6)!;
    const task = roundTask(3);
    expect(biasedText(persona, task, 3)).toBe(biasedText(persona, task, 3));
    expect(biasedText(persona, task, 3)).not.toBe(evaluationText(persona, task, 3));
  });
});

describe('sycophantText', () => {
  const leader = evaluationText(personas[0]!, roundTask(1), 1);

  it("copies the leader's evaluation word for word, then hedges", () => {
    const copy = sycophantText(leader);
    expect(copy.startsWith(leader)).toBe(true);
    expect(sycophantHedges).toContain(copy.slice(leader.length + 1));
    expect(Math.sign(stanceOfText(copy))).toBe(Math.sign(stanceOfText(leader)));
  });

  it('sounds less sure than the leader', () => {
    const confidence = (text: string) => epistemic(tokenise(sealed(1, text)), [], [])[0]!;
    expect(confidence(sycophantText(leader))).toBeLessThan(confidence(leader));
  });

  it('copies without a hedge on request, for empty text, or when the hedge would not fit', () => {
    expect(sycophantText(leader, { hedge: false })).toBe(leader);
    expect(sycophantText('  ')).toBe('');
    const long = `${'I approve it. '.repeat(14)}Fine.`;
    expect(sycophantText(long)).toBe(long);
  });

  it('ends an unpunctuated leader text before the hedge', () => {
    expect(sycophantText('approve the budget change')).toMatch(/^approve the budget change\. \S/);
  });
});

describe('equivocationPair', () => {
  it('signs two clearly different evaluations: one approves, one rejects', () => {
    for (const persona of personas) {
      const [first, second] = equivocationPair(persona, roundTask(4), 4);
      expect(first).not.toBe(second);
      expect(stanceOfText(first) * stanceOfText(second)).toBeLessThan(0);
      expect(Math.sign(stanceOfText(first))).toBe(persona.stance < -0.15 ? -1 : 1);
    }
  });

  it('gives an undecided agent an approving first text', () => {
    const [first, second] = equivocationPair({ ...personas[0]!, stance: 0 }, roundTask(1), 1);
    expect(stanceOfText(first)).toBeGreaterThan(0);
    expect(stanceOfText(second)).toBeLessThan(0);
  });

  it('is deterministic', () => {
    expect(equivocationPair(personas[5]!, roundTask(2), 2)).toEqual(
      equivocationPair(personas[5]!, roundTask(2), 2),
    );
  });
});
