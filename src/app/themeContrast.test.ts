import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Text contrast in both themes (UI.md: ≥ 4.5:1), read from the tokens in styles.css, so a
 * token edited later is checked again.
 */
const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const rootBlock = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));

function token(name: string, theme: 'light' | 'dark'): string {
  const match = new RegExp(`--${name}:\\s*([^;]+);`).exec(rootBlock);
  if (match === null) throw new Error(`styles.css has no --${name}`);
  const value = match[1]!.trim();
  const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value);
  if (pair) return theme === 'light' ? pair[1]! : pair[2]!;
  if (/^#[0-9a-f]{6}$/i.test(value)) return value;
  throw new Error(`--${name}: cannot read ${value}`);
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

const textTokens = ['text', 'text-muted', 'committed-text', 'aborted-text', 'pending-text', 'link'];

describe('theme contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const text of textTokens) {
      for (const background of ['bg', 'surface']) {
        it(`gives --${text} on --${background} at least 4.5:1 in the ${theme} theme`, () => {
          expect(contrast(token(text, theme), token(background, theme))).toBeGreaterThanOrEqual(4.5);
        });
      }
    }
  }

  it('gives white text on the primary blue button at least 4.5:1', () => {
    expect(contrast('#ffffff', token('blue', 'light'))).toBeGreaterThanOrEqual(4.5);
  });
});
