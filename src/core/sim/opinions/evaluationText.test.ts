import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affective, epistemic } from '../../resonance/axisVectors';
import { stanceEmbedding } from '../../resonance/stance';
import { tokenise, words } from '../../resonance/tokenise';
import {
  CERTAIN_WORDS,
  NEGATIVE_WORDS,
  POSITIVE_WORDS,
  UNCERTAIN_WORDS,
} from '../../resonance/wordLists';
import { withDefaults } from '../scenario';
import { ENGINEERING_NOUNS } from './engineeringNouns';
import { certaintyLevel, evaluationText, fixedTextOf } from './evaluationText';
import { makePersonas, type Persona } from './makePersonas';
import { roundTask, type RoundTask } from './roundTask';
import { stanceOfText } from './stanceOfText';
import { checkProperty as checkSeededProperty } from '../../../testing/checkProperty';

const checkProperty = <T>(property: fc.IProperty<T>, numRuns = 300) => checkSeededProperty(property, numRuns);

const persona = (fields: Partial<Persona> = {}): Persona => ({
  agentIndex: 3,
  seed: 42,
  stance: 0.8,
  certainty: 0.6,
  mood: 0.5,
  privateWords: [],
  ...fields,
});

const unit = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** Any persona, decided or not, with 0 … 8 private nouns. */
const anyPersona: fc.Arbitrary<Persona> = fc.record({
  agentIndex: fc.nat(999),
  seed: fc.nat(2 ** 32 - 1),
  stance: unit(-1, 1),
  certainty: unit(0, 1),
  mood: unit(-1, 1),
  privateWords: fc.shuffledSubarray([...ENGINEERING_NOUNS], { maxLength: 8 }),
});
const anyRound = fc.integer({ min: 1, max: 10_000 });

/** What the agent embeds, seals and signs (SPEC §3). */
const sealedText = (task: RoundTask, text: string) => `${task.description} ${text}`.trim();
const valence = (text: string) => affective(tokenise(text))[0]!;
const confidence = (text: string) => epistemic(tokenise(text), [], [])[0]!;
const lexiconBalance = (text: string, plus: ReadonlySet<string>, minus: ReadonlySet<string>) =>
  words(text).reduce((sum, w) => sum + (plus.has(w) ? 1 : 0) - (minus.has(w) ? 1 : 0), 0);

describe('evaluationText', () => {
  it('writes the same text for the same persona, task and round', () => {
    const task = roundTask(2);
    expect(evaluationText(persona(), task, 2)).toBe(evaluationText(persona(), task, 2));
    expect(evaluationText(persona(), roundTask(3), 3)).not.toBe(evaluationText(persona(), task, 2));
  });

  it('reads approving agents as positive and rejecting ones as negative (affective)', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, (p, roundNo) => {
        fc.pre(Math.abs(p.stance) >= 0.15);
        const task = roundTask(roundNo);
        const score = valence(sealedText(task, evaluationText(p, task, roundNo)));
        expect(Math.sign(score)).toBe(Math.sign(p.stance));
      }),
    );
  });

  it('lets the mood colour the valence of the words', () => {
    const task = roundTask(1);
    for (const stance of [0.8, -0.8]) {
      const balance = (mood: number) => {
        const text = evaluationText(persona({ stance, mood }), task, 1);
        return lexiconBalance(text, POSITIVE_WORDS, NEGATIVE_WORDS);
      };
      expect(balance(0.9)).toBeGreaterThan(balance(0));
      expect(balance(0)).toBeGreaterThan(balance(-0.9));
    }
  });

  it('sounds surer, on the epistemic axis, the more certain the persona', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, unit(0.65, 1), unit(0, 0.35), (p, roundNo, high, low) => {
        const task = roundTask(roundNo);
        const confidenceAt = (certainty: number) =>
          confidence(sealedText(task, evaluationText({ ...p, certainty }, task, roundNo)));
        const sure = confidenceAt(high);
        const unsure = confidenceAt(low);
        expect(sure).toBeGreaterThan(0);
        expect(unsure).toBeLessThan(0);
        expect(sure).toBeGreaterThan(unsure);
      }),
    );
  });

  it('uses as many net certainty markers as the certainty level', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, (p, roundNo) => {
        const level = certaintyLevel(p.certainty);
        const text = evaluationText(p, roundTask(roundNo), roundNo);
        const markers = lexiconBalance(text, CERTAIN_WORDS, UNCERTAIN_WORDS);
        // An undecided agent never sounds doubly sure.
        const expected = Math.abs(p.stance) < 0.15 ? Math.min(level, 1) : level;
        expect(markers).toBe(expected);
      }),
    );
  });

  it('shows the stance to the stance embedding and to stanceOfText', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, (p, roundNo) => {
        const task = roundTask(roundNo);
        const text = evaluationText(p, task, roundNo);
        const decided = Math.abs(p.stance) >= 0.15 ? Math.sign(p.stance) : 0;
        expect(Math.sign(stanceEmbedding(sealedText(task, text), task.topic)[0]!)).toBe(decided);
        if (decided !== 0) expect(Math.sign(stanceOfText(text))).toBe(decided);
      }),
    );
  });

  it('uses two stance words when firm and one when not', () => {
    const task = roundTask(4);
    const stanceWords = (stance: number) =>
      Math.abs(stanceEmbedding(evaluationText(persona({ stance }), task, 4), 'schema')[0]!) / 0.5;
    expect(stanceWords(0.9)).toBe(2);
    expect(stanceWords(0.3)).toBe(1);
    expect(stanceWords(-0.9)).toBe(2);
    expect(stanceWords(0.05)).toBe(0);
  });

  it('names the topic of the round', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, (p, roundNo) => {
        const task = roundTask(roundNo);
        expect(words(evaluationText(p, task, roundNo))).toContain(task.topic);
      }),
    );
  });

  it('mentions its own private words when it has some, and none otherwise', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, (p, roundNo) => {
        const text = words(evaluationText(p, roundTask(roundNo), roundNo));
        const named = ENGINEERING_NOUNS.filter((noun) => text.includes(noun));
        for (const noun of named) expect(p.privateWords).toContain(noun);
        if (p.privateWords.length > 0) expect(named.length).toBeGreaterThanOrEqual(1);
        else expect(named).toEqual([]);
      }),
    );
  });

  it('writes short sentences: a capital first, a stop last, single spaces, ≤ 200 chars', () => {
    checkProperty(
      fc.property(anyPersona, anyRound, (p, roundNo) => {
        const text = evaluationText(p, roundTask(roundNo), roundNo);
        expect(text.length).toBeLessThanOrEqual(200);
        expect(text).toMatch(/^[A-Z]/);
        expect(text).toMatch(/[.!?]$/);
        expect(text).not.toMatch(/ {2}| [,.;:]|[,.;:][,.;:]|[,;:]\S/);
        expect(text).toBe(text.trim());
      }),
      1000,
    );
  });

  it('varies its wording across agents', () => {
    const scenario = withDefaults({
      v: 1, seed: 5, protocol: 'resonance', n: 100, opinions: { privateWords: 0 },
    });
    const texts = makePersonas(scenario).map((p) => evaluationText(p, roundTask(1), 1));
    expect(new Set(texts).size).toBeGreaterThanOrEqual(80);
    const openings = new Set(texts.map((text) => text.split(' ').slice(0, 3).join(' ')));
    expect(openings.size).toBeGreaterThanOrEqual(8);
  });

  it('returns a fixed text as it is, whatever the persona', () => {
    const fixed = 'approve: the plan is fine';
    expect(evaluationText(persona(), roundTask(1), 1, { override: fixed })).toBe(fixed);
    expect(evaluationText(persona(), roundTask(1), 1, { override: '' })).toBe('');
  });

  it('finds fixed texts by agent index among the own keys only', () => {
    const texts = { '2': 'reject it' };
    expect(fixedTextOf(texts, 2)).toBe('reject it');
    expect(fixedTextOf(texts, 3)).toBeUndefined();
    const inherited = Object.create({ '1': 'inherited' }) as Record<string, string>;
    expect(fixedTextOf(inherited, 1)).toBeUndefined();
  });
});

describe('certaintyLevel', () => {
  it('maps certainty 0 … 1 to −2 … 2 net markers', () => {
    expect([0, 0.1, 0.3, 0.5, 0.7, 0.9, 1].map(certaintyLevel)).toEqual([-2, -2, -1, 0, 1, 2, 2]);
    expect(Object.is(certaintyLevel(0.45), 0)).toBe(true);
  });
});
