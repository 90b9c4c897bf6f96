import { interpolateLab, piecewise, scaleDiverging, type ScaleDiverging } from 'd3';

/**
 * Sycophancy as a diverging scale: orange for agents pulled toward less confident peers,
 * blue for agents persuaded by more confident ones, grey for none.
 * Policy: Okabe–Ito orange and blue (the colour-blind-safe pair of UI.md) around a mid grey,
 * rather than d3's PuOr, whose near-white midpoint would vanish on the light theme's surface.
 */
const sycophancyInterpolator = piecewise(interpolateLab, ['#D55E00', '#8a93a3', '#0072B2']);

/** The smallest half-width of the scale, so a round of near-zero scores stays grey. */
const sycophancySpanMin = 0.01;

export function sycophancyColorScale(scores: readonly number[]): ScaleDiverging<string> {
  const span = Math.max(sycophancySpanMin, ...scores.map(Math.abs));
  return scaleDiverging(sycophancyInterpolator).domain([-span, 0, span]);
}

export interface ConsensusBadge {
  family: 'authentic' | 'pressured' | 'alliance' | 'failed' | 'unknown';
  glyph: string;
  explanation: string;
}

/** The consensus families of the reference (§2.5), mirrored here because the app may not import core values. */
const families: Record<string, ConsensusBadge> = {
  genuine: { family: 'authentic', glyph: '✓', explanation: 'agents moved toward each other on evidence' },
  fragile: { family: 'pressured', glyph: '≈', explanation: 'barely above the agreement threshold' },
  capitulated: { family: 'pressured', glyph: '↓', explanation: 'one side gave in while confidence fell' },
  coerced: { family: 'pressured', glyph: '⚠', explanation: 'one side did nearly all the moving, fast, without evidence' },
  coalitional: { family: 'alliance', glyph: '⚭', explanation: 'allies settled fast without new evidence' },
  logrolled: { family: 'alliance', glyph: '⇄', explanation: 'some axes conceded in exchange for others' },
  deadlock: { family: 'failed', glyph: '✗', explanation: 'nobody moved and they did not agree' },
  polarized: { family: 'failed', glyph: '✗', explanation: 'opinions drifted apart' },
};

export function consensusBadge(type: string): ConsensusBadge {
  return families[type] ?? { family: 'unknown', glyph: '?', explanation: 'deliberation did not classify' };
}
