import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diameterAxes } from './panels/opinion/axisDiameterLayout';
import { messageStyles } from './panels/network/messageStyles';

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

/** Every stylesheet of the page: the tokens' file, the chrome and each panel's. */
const sheets = [
  'styles.css',
  'components/chrome.css',
  ...readdirSync(new URL('./panels/', import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => `panels/${file}`),
];

interface Rule {
  sheet: string;
  selector: string;
  declarations: Map<string, string>;
  /** What an SVG glyph is drawn on, from a `/* on: var(--a), var(--b) *\/` comment in the rule. */
  on: string[];
}

/**
 * The plain rules of a stylesheet (@media blocks read as their inner rules). A rule whose text
 * sits on a shape rather than on the page says what it sits on in an `on:` comment.
 */
function rulesOf(sheet: string): Rule[] {
  const text = readFileSync(new URL(`./${sheet}`, import.meta.url), 'utf8');
  const rules: Rule[] = [];
  for (const match of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = match[1]!.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    const on = /\/\*\s*on:\s*([^*]+)\*\//.exec(match[2]!)?.[1]?.split(/,\s*(?![^(]*\))/).map((v) => v.trim()) ?? [];
    const body = match[2]!.replace(/\/\*[\s\S]*?\*\//g, '');
    const declarations = new Map<string, string>();
    for (const declaration of body.split(';')) {
      const at = declaration.indexOf(':');
      if (at > 0) declarations.set(declaration.slice(0, at).trim(), declaration.slice(at + 1).trim());
    }
    rules.push({ sheet, selector, declarations, on });
  }
  return rules;
}

/** A colour value resolved in a theme: a hex, a token, light-dark(), or a two-colour color-mix(). */
function resolveColour(value: string, theme: 'light' | 'dark'): string | null {
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  if (/^#fff$/i.test(v)) return '#ffffff';
  const variable = /^var\(--([a-z-]+)\)$/.exec(v);
  if (variable) return resolveColour(token(variable[1]!, theme), theme);
  const lightDark = /^light-dark\((.+),\s*([^,]+)\)$/.exec(v);
  if (lightDark) return resolveColour(theme === 'light' ? lightDark[1]! : lightDark[2]!, theme);
  const mix = /^color-mix\(in srgb,\s*(.+?)\s+(\d+)%,\s*(.+)\)$/.exec(v);
  if (mix) {
    const [a, b] = [resolveColour(mix[1]!, theme), resolveColour(mix[3]!, theme)];
    return a && b ? mixHex(a, b, Number(mix[2]) / 100) : null;
  }
  return null;
}

function mixHex(a: string, b: string, share: number): string {
  const channel = (hex: string, offset: number) => parseInt(hex.slice(offset, offset + 2), 16);
  const mixed = [1, 3, 5].map((offset) => Math.round(channel(a, offset) * share + channel(b, offset) * (1 - share)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The rule's text colour: `color`, or `fill` for SVG text (a `text` selector or a font set). */
function textColourOf(rule: Rule): string | undefined {
  const svgText = /(^|[\s>+~])text([.:\s[]|$)/.test(rule.selector.split(',').at(-1)!) ||
    rule.declarations.has('font-size') || rule.declarations.has('font-weight');
  if (svgText && rule.declarations.has('fill')) return rule.declarations.get('fill');
  return rule.declarations.get('color');
}

describe('text colours of every stylesheet', () => {
  // Small text everywhere: each rule that sets a text colour is read against its own
  // background when it sets one, else against both page backgrounds (--surface and --bg).
  for (const theme of ['light', 'dark'] as const) {
    it(`reach 4.5:1 in the ${theme} theme`, () => {
      const failures: string[] = [];
      for (const rule of sheets.flatMap(rulesOf)) {
        const value = textColourOf(rule);
        const colour = value === undefined ? null : resolveColour(value, theme);
        if (colour === null) continue;
        const background = rule.declarations.get('background') ?? rule.declarations.get('background-color');
        const own = background === undefined ? null : resolveColour(background, theme);
        const declared = rule.on.map((value) => resolveColour(value, theme)).filter((c): c is string => c !== null);
        const backgrounds = declared.length > 0 ? declared : own ? [own] : [token('surface', theme), token('bg', theme)];
        for (const behind of backgrounds) {
          const ratio = contrast(colour, behind);
          if (ratio < 4.5) failures.push(`${rule.sheet} ${rule.selector}: ${value} on ${behind} is ${ratio.toFixed(2)}:1`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('letters on the ring', () => {
  it.each(Object.entries(messageStyles))('%s: the letter reaches 4.5:1 on its dot', (_key, style) => {
    expect(contrast(style.ink.toLowerCase(), style.fill.toLowerCase())).toBeGreaterThanOrEqual(4.5);
  });
});

describe('axis colours', () => {
  it('are never used for text: the axis labels are drawn in the text colour', () => {
    const chart = readFileSync(new URL('./panels/opinion/AxisDiameterChart.tsx', import.meta.url), 'utf8');
    expect(chart).not.toMatch(/<text[^>]*fill=\{axis\.colour\}/);
    // The colours themselves are below 4.5:1 on white, which is why.
    expect(Math.min(...diameterAxes.map((axis) => contrast(axis.colour.toLowerCase(), '#ffffff')))).toBeLessThan(4.5);
  });
});
