import { describe, expect, it } from 'vitest';
import { tokenise, words } from './tokenise';

describe('tokenise', () => {
  it('lowercases ASCII words and drops the stop words', () => {
    const tokens = tokenise('The Cache-layer IS 2x faster, and it should ship!');
    expect(tokens).toEqual(['cache', 'layer', 'x', 'faster', 'ship']);
  });

  it('keeps the stop words in `words`', () => {
    expect(words('Keep it')).toEqual(['keep', 'it']);
    expect(words('')).toEqual([]);
  });
});
