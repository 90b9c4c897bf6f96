import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryOver } from './carryOver';
import type { Persona } from './makePersonas';
import { checkProperty as checkSeededProperty } from '../../../testing/checkProperty';

const checkProperty = <T>(property: fc.IProperty<T>, numRuns = 300) => checkSeededProperty(property, numRuns);

const fourPlaces = (min: number, max: number) =>
  fc.integer({ min: min * 1e4, max: max * 1e4 }).map((k) => k / 1e4);

const anyPersona: fc.Arbitrary<Persona> = fc.record({
  agentIndex: fc.nat(99),
  seed: fc.nat(1000),
  stance: fourPlaces(-1, 1),
  certainty: fourPlaces(0, 1),
  mood: fourPlaces(-1, 1),
  privateWords: fc.constant(['latency']),
});

const persona: Persona = {
  agentIndex: 0,
  seed: 1,
  stance: 0.6,
  certainty: 0.5,
  mood: 0.2,
  privateWords: ['latency'],
};

describe('carryOver', () => {
  it('moves the stance the carry-over fraction of the way to the deliberated stance', () => {
    expect(carryOver(persona, -0.4, 0.3).stance).toBeCloseTo(0.6 + 0.3 * (-0.4 - 0.6), 4);
    expect(carryOver(persona, -0.4, 1).stance).toBe(-0.4);
  });

  it('is the identity at carry-over 0', () => {
    checkProperty(
      fc.property(anyPersona, fc.double({ min: -1, max: 1, noNaN: true }), (p, target) => {
        expect(carryOver(p, target, 0)).toEqual(p);
      }),
    );
  });

  it('never moves away from the target and never overshoots it', () => {
    checkProperty(
      fc.property(
        anyPersona,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, target, rate) => {
          const next = carryOver(p, target, rate);
          const before = Math.abs(p.stance - target);
          expect(Math.abs(next.stance - target)).toBeLessThanOrEqual(before + 1e-4);
          expect(Math.abs(next.stance)).toBeLessThanOrEqual(1);
          expect(next.certainty).toBeGreaterThanOrEqual(0);
          expect(next.certainty).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('clamps a deliberated stance outside [−1, 1]', () => {
    expect(carryOver(persona, 5, 1).stance).toBe(1);
    expect(carryOver(persona, -5, 1).stance).toBe(-1);
  });

  it('makes a confirmed agent slightly surer and a contradicted one slightly less sure', () => {
    const confirmed = carryOver(persona, 1, 0.3).certainty;
    const contradicted = carryOver(persona, -1, 0.3).certainty;
    expect(confirmed).toBeGreaterThan(0.5);
    expect(confirmed).toBeLessThan(0.55);
    expect(contradicted).toBeLessThan(0.5);
    expect(contradicted).toBeGreaterThan(0.45);
  });

  it('keeps mood, private words and identity, and leaves its input alone', () => {
    const before = structuredClone(persona);
    const next = carryOver(persona, -1, 0.5);
    expect(persona).toEqual(before);
    expect(next).toMatchObject({ agentIndex: 0, seed: 1, mood: 0.2, privateWords: ['latency'] });
    expect(next.privateWords).not.toBe(persona.privateWords);
  });

  it('refuses a carry-over outside [0, 1] or a stance that is not a number', () => {
    expect(() => carryOver(persona, 0, 1.5)).toThrow(/1.5/);
    expect(() => carryOver(persona, Number.NaN, 0.3)).toThrow(/NaN/);
  });
});
