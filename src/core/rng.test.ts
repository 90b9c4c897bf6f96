import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

const draw = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.nextU32());

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    expect(draw(Rng.stream(42, 'net'), 20)).toEqual(draw(Rng.stream(42, 'net'), 20));
  });

  it('gives different sequences for different streams and seeds', () => {
    const base = draw(Rng.stream(42, 'net'), 8);
    expect(draw(Rng.stream(42, 'opinions'), 8)).not.toEqual(base);
    expect(draw(Rng.stream(43, 'net'), 8)).not.toEqual(base);
  });

  it('keeps streams independent: drawing from one never shifts another', () => {
    const alone = draw(Rng.stream(7, 'net'), 10);
    const other = Rng.stream(7, 'faults:a3');
    draw(other, 1000);
    expect(draw(Rng.stream(7, 'net'), 10)).toEqual(alone);
  });

  it('is pinned to known values, so a change of generator cannot pass unnoticed', () => {
    // Golden values: update deliberately, since every trace hash depends on them.
    expect(draw(Rng.stream(1, 'golden'), 3)).toMatchSnapshot();
  });

  it('resumes exactly from a snapshot', () => {
    const rng = Rng.stream(5, 'checkpoint');
    draw(rng, 17);
    const resumed = Rng.restore(rng.snapshot());
    expect(draw(resumed, 10)).toEqual(draw(rng, 10));
  });

  it('draws floats in [0, 1) and integers within their inclusive bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), fc.nat(100), (seed, min, span) => {
        const rng = Rng.stream(seed, 'bounds');
        for (let i = 0; i < 20; i++) {
          const x = rng.next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          const k = rng.int(min, min + span);
          expect(k).toBeGreaterThanOrEqual(min);
          expect(k).toBeLessThanOrEqual(min + span);
        }
      }),
    );
  });

  it('is roughly uniform over a die', () => {
    const rng = Rng.stream(99, 'die');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.int(0, 5)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffles to a permutation and rejects impossible ranges', () => {
    const rng = Rng.stream(3, 'shuffle');
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(rng.shuffle(items).sort((a, b) => a - b)).toEqual(items);
    expect(() => rng.int(3, 2)).toThrow(/min <= max/);
    expect(() => rng.pick([])).toThrow(/empty/);
  });
});
