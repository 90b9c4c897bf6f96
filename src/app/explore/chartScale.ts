import { interpolateViridis, rgb, scaleSequential } from 'd3';
import type { MetricKind } from './metricInfo';

/**
 * The value domain a chart draws a metric on: shares always on [0, 1], so two sweeps read
 * alike; other metrics from 0 (or their lowest value, if negative) to their highest.
 */
export function metricDomain(kind: MetricKind, extent: [number, number] | null): [number, number] {
  if (kind === 'share' || kind === 'trust') return [0, 1];
  if (extent === null) return [0, 1];
  const low = Math.min(0, extent[0]);
  const high = extent[1] > low ? extent[1] : low + 1;
  return [low, high];
}

/** The sequential, colour-blind-safe scale of the heatmap (viridis; UI.md: magnitudes). */
export function colourScale(domain: [number, number]): (value: number) => string {
  const scale = scaleSequential(interpolateViridis).domain(domain).clamp(true);
  return (value) => scale(value);
}

/** Text on a cell: dark on the light end of viridis, light on the dark end. */
export function textOn(fill: string): string {
  const { r, g, b } = rgb(fill);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance > 0.5 ? '#111111' : '#ffffff';
}
