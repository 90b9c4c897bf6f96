import { describe, expect, it } from 'vitest';
import { stanceOfText } from './stanceOfText';

describe('stanceOfText', () => {
  it('reads the documented values', () => {
    expect(stanceOfText('approve')).toBeCloseTo(Math.tanh(2 / 6), 4);
    expect(stanceOfText('I support it: effective and reliable')).toBeCloseTo(Math.tanh(4 / 6), 4);
    expect(stanceOfText('reject: risky, unstable and flawed. I would veto it.')).toBeCloseTo(
      -Math.tanh(7 / 6),
      4,
    );
  });

  it('is 0 for a text with no stance or valence words', () => {
    expect(stanceOfText('ratify the budget change for the next release')).toBe(0);
    expect(stanceOfText('')).toBe(0);
  });

  it('weighs a stance word as two adjectives', () => {
    expect(stanceOfText('approve, though risky and unstable')).toBe(0);
    expect(stanceOfText('reject, though robust')).toBeLessThan(0);
  });

  it('counts whole words in any case and reads "no" as a reject word', () => {
    expect(stanceOfText('APPROVE')).toBe(stanceOfText('approve'));
    expect(stanceOfText('approves')).toBe(0);
    expect(stanceOfText('no')).toBeLessThan(0);
  });

  it('stays within [−1, 1] however many words pile up', () => {
    expect(stanceOfText('approve '.repeat(500))).toBeLessThanOrEqual(1);
    expect(stanceOfText('veto '.repeat(500))).toBe(-1);
  });
});
