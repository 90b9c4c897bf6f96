import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDefaults, type OpinionsConfig, type ResolvedScenario } from '../scenario';
import { ENGINEERING_NOUNS } from './engineeringNouns';
import { makePersonas, stanceDrawnMin } from './makePersonas';
import { checkProperty as checkSeededProperty } from '../../../testing/checkProperty';

function scenario(n: number, opinions: OpinionsConfig = {}, seed = 42): ResolvedScenario {
  return withDefaults({ v: 1, seed, protocol: 'resonance', n, opinions });
}

const checkProperty = <T>(property: fc.IProperty<T>, numRuns = 100) => checkSeededProperty(property, numRuns);

describe('makePersonas', () => {
  it('gives the same personas for the same seed', () => {
    const config = { privateWords: 3 };
    expect(makePersonas(scenario(9, config))).toEqual(makePersonas(scenario(9, config)));
  });

  it('gives different personas for a different seed', () => {
    const stances = (seed: number) => makePersonas(scenario(9, {}, seed)).map((p) => p.stance);
    expect(stances(43)).not.toEqual(stances(42));
  });

  it('keeps agents 0 … n−1 unchanged when agent n joins', () => {
    const seven = makePersonas(scenario(7, { privateWords: 2 }));
    const eight = makePersonas(scenario(8, { privateWords: 2 }));
    expect(eight.slice(0, 7)).toEqual(seven);
    expect(eight[7]!.agentIndex).toBe(7);
  });

  it('keeps stance, certainty and mood when only the private vocabulary changes', () => {
    const numbers = (privateWords: number) =>
      makePersonas(scenario(5, { privateWords })).map(({ stance, certainty, mood }) => ({
        stance,
        certainty,
        mood,
      }));
    expect(numbers(8)).toEqual(numbers(0));
  });

  it('lets about `support` of the agents lean approve (n = 1000, support 0.85)', () => {
    const personas = makePersonas(scenario(1000, { support: 0.85 }));
    const share = personas.filter((persona) => persona.stance > 0).length / 1000;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.9);
  });

  it('lets everyone approve at support 1 and everyone reject at support 0', () => {
    expect(makePersonas(scenario(50, { support: 1 })).every((p) => p.stance > 0)).toBe(true);
    expect(makePersonas(scenario(50, { support: 0 })).every((p) => p.stance < 0)).toBe(true);
  });

  it('draws stances that lean one way, never undecided', () => {
    for (const persona of makePersonas(scenario(300, { support: 0.5 }))) {
      expect(Math.abs(persona.stance)).toBeGreaterThanOrEqual(stanceDrawnMin);
      expect(Math.abs(persona.stance)).toBeLessThanOrEqual(1);
      expect(Math.abs(persona.mood)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps certainty within the configured range, uniformly spread', () => {
    const personas = makePersonas(scenario(1000, { certainty: [0.3, 0.9] }));
    const certainties = personas.map((persona) => persona.certainty);
    expect(Math.min(...certainties)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...certainties)).toBeLessThanOrEqual(0.9);
    const mean = certainties.reduce((sum, c) => sum + c, 0) / certainties.length;
    expect(mean).toBeGreaterThan(0.57);
    expect(mean).toBeLessThan(0.63);
  });

  it('respects any certainty range, even a single point', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    checkProperty(
      fc.property(fc.nat(2 ** 32 - 1), unit, unit, (seed, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        for (const persona of makePersonas(scenario(20, { certainty: [low, high] }, seed))) {
          expect(persona.certainty).toBeGreaterThanOrEqual(low);
          expect(persona.certainty).toBeLessThanOrEqual(high);
        }
      }),
    );
  });

  it('gives each agent `privateWords` distinct nouns of its own', () => {
    const personas = makePersonas(scenario(10, { privateWords: 8 }));
    for (const persona of personas) {
      expect(persona.privateWords).toHaveLength(8);
      expect(new Set(persona.privateWords).size).toBe(8);
      for (const word of persona.privateWords) expect(ENGINEERING_NOUNS).toContain(word);
    }
    expect(personas[0]!.privateWords).not.toEqual(personas[1]!.privateWords);
    expect(makePersonas(scenario(3)).every((p) => p.privateWords.length === 0)).toBe(true);
  });

  it('rounds its numbers to four decimals and carries the seed', () => {
    for (const persona of makePersonas(scenario(20, {}, 7))) {
      expect(persona.seed).toBe(7);
      for (const value of [persona.stance, persona.certainty, persona.mood]) {
        expect(Math.round(value * 1e4) / 1e4).toBe(value);
      }
    }
  });

  it('refuses a configuration that parseScenario would have rejected', () => {
    expect(() => makePersonas(scenario(3, { support: 2 }))).toThrow(/support 2/);
    expect(() => makePersonas(scenario(3, { certainty: [0.8, 0.2] }))).toThrow(/certainty/);
    expect(() => makePersonas(scenario(3, { privateWords: 9 }))).toThrow(/privateWords 9/);
  });
});
