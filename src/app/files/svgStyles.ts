/**
 * What an exported SVG needs from the page's stylesheet to draw the same outside it: the
 * presentation properties, copied from each element's computed style into presentation
 * attributes (`fill="…"`). Policy: attributes, not a `style` attribute, because the page's
 * CSP (`style-src 'self'`) refuses inline style attributes, even on a detached copy. Pure,
 * so the choices are tested without a browser.
 */

/** Properties any SVG element takes from CSS. Policy: no `transform` (the attribute has it). */
export const paintProperties = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-linecap', 'stroke-linejoin', 'opacity', 'visibility', 'display', 'paint-order',
] as const;
/** Properties that matter only where text is drawn. */
export const textProperties = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
  'letter-spacing',
] as const;

/** Values that equal what an SVG renderer assumes anyway; leaving them out keeps files small. */
const defaults: Record<string, string> = {
  'fill-opacity': '1', 'stroke-opacity': '1', opacity: '1', 'stroke-dasharray': 'none',
  'stroke-linecap': 'butt', 'stroke-linejoin': 'miter', visibility: 'visible', display: 'inline',
  'paint-order': 'normal', 'font-style': 'normal', 'text-anchor': 'start',
  'dominant-baseline': 'auto', 'letter-spacing': 'normal', stroke: 'none', 'stroke-width': '1px',
};

const textTags = new Set(['svg', 'text', 'tspan', 'textPath']);

/** The property names to copy for an element of this tag. */
export function propertiesFor(tagName: string): readonly string[] {
  return textTags.has(tagName) ? [...paintProperties, ...textProperties] : paintProperties;
}

/** Presentation attributes from computed values, without the renderer's defaults. */
export function presentationAttributes(
  properties: readonly string[],
  valueOf: (name: string) => string,
): [name: string, value: string][] {
  const attributes: [string, string][] = [];
  for (const name of properties) {
    const value = valueOf(name).trim();
    if (value === '' || defaults[name] === value) continue;
    attributes.push([name, value]);
  }
  return attributes;
}

export interface ExportSize {
  width: number;
  height: number;
}

/**
 * The size in CSS pixels of an exported drawing: its on-screen size when it has one, else its
 * viewBox (a drawing in a hidden tab), else a default. Rounded up to whole pixels.
 */
export function exportSize(viewBox: string | null, shown: ExportSize): ExportSize {
  if (shown.width >= 1 && shown.height >= 1) {
    return { width: Math.ceil(shown.width), height: Math.ceil(shown.height) };
  }
  const numbers = (viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const [, , width = 0, height = 0] = numbers;
  if (numbers.length === 4 && numbers.every(Number.isFinite) && width > 0 && height > 0) {
    return { width: Math.ceil(width), height: Math.ceil(height) };
  }
  return { width: 600, height: 400 };
}

/** A panel's export file name: `bft-lab-network.svg`. */
export function panelFileName(title: string, extension: 'svg' | 'png'): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'panel';
  return `bft-lab-${stem}.${extension}`;
}
