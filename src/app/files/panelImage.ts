import { downloadBlob } from './download';
import { composeExportSvg, escapeXml, exportSubtitle, type LegendToken } from './exportFrame';
import {
  exportSize, panelFileName, presentationAttributes, propertiesFor, type ExportSize,
} from './svgStyles';

const svgNamespace = 'http://www.w3.org/2000/svg';
/** PNGs are drawn at twice the on-screen size, sharp on slides and high-density screens. */
export const pngScale = 2;

export type PanelGraphic = SVGSVGElement | HTMLCanvasElement;

/** The panel's main drawing: its largest `<svg>` or `<canvas>` (icons and glyphs are smaller). */
export function mainGraphic(body: HTMLElement): PanelGraphic | null {
  let best: PanelGraphic | null = null;
  let bestArea = -1;
  const candidates = body.querySelectorAll<PanelGraphic>('svg, canvas');
  for (let index = 0; index < candidates.length; index += 1) {
    const element = candidates[index]!;
    if (element instanceof SVGSVGElement && element.ownerSVGElement !== null) continue;
    const rect = element.getBoundingClientRect();
    const area = rect.width * rect.height;
    if (area > bestArea) {
      best = element;
      bestArea = area;
    }
  }
  return best;
}

/**
 * A drawing as markup for the export frame: the computed style of every element inlined as
 * presentation attributes, its on-screen size in pixels, the namespace declared. A canvas
 * becomes an `<image>` of its pixels.
 */
export function drawingMarkup(graphic: PanelGraphic): { markup: string; width: number; height: number } {
  if (graphic instanceof HTMLCanvasElement) {
    const rect = graphic.getBoundingClientRect();
    const size = exportSize(null, rect.width >= 1 ? rect : { width: graphic.width, height: graphic.height });
    const href = escapeXml(graphic.toDataURL('image/png'));
    const overlay = canvasOverlay(graphic);
    const over = overlay === null ? '' : drawingMarkup(overlay).markup;
    return { markup: `<image width="${size.width}" height="${size.height}" href="${href}"/>${over}`, ...size };
  }
  const copy = graphic.cloneNode(true) as SVGSVGElement;
  inlineStyles(graphic, copy);
  const size = exportSize(graphic.getAttribute('viewBox'), graphic.getBoundingClientRect());
  copy.setAttribute('xmlns', svgNamespace);
  copy.setAttribute('width', String(size.width));
  copy.setAttribute('height', String(size.height));
  copy.removeAttribute('class');
  return { markup: new XMLSerializer().serializeToString(copy), ...size };
}

/**
 * The SVG laid over a canvas in the same box, if any (the opinion charts above the SVG limit
 * keep their axes, labels and cursor there): exported on top of the canvas's pixels.
 */
function canvasOverlay(canvas: HTMLCanvasElement): SVGSVGElement | null {
  const sibling = canvas.parentElement?.querySelector(':scope > svg') ?? null;
  if (!(sibling instanceof SVGSVGElement)) return null;
  const under = canvas.getBoundingClientRect();
  const over = sibling.getBoundingClientRect();
  const same = Math.abs(under.width - over.width) < 1 && Math.abs(under.height - over.height) < 1;
  return same ? sibling : null;
}

/**
 * A standalone SVG document of one drawing on a `background` rectangle, its styles inlined: the
 * Explore page's diagram export, which carries its own title, axes and legend.
 */
export function serializeSvg(svg: SVGSVGElement, background: string): string {
  const { markup, width, height } = drawingMarkup(svg);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${svgNamespace}" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="${escapeXml(background)}"/>` +
    `${markup}</svg>\n`
  );
}

/** Legend elements that carry no picture: form controls and text for screen readers only. */
const legendSkipped = 'select, button, input, .visually-hidden';
/** A childless element at most this big (px) is a colour swatch. */
const swatchSizeMax = 48;
const blockDisplays = new Set(['block', 'flex', 'grid', 'list-item', 'table', 'table-row']);

/**
 * The panel's legend (its `.panel-legend` elements) as tokens in reading order: text, colour
 * swatches (childless small boxes: their background and border), small SVG glyphs with their
 * styles inlined, and a break at each block (a legend row, a list item).
 */
export function legendTokens(panel: Element): LegendToken[] {
  const tokens: LegendToken[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '') tokens.push({ kind: 'text', text });
      return;
    }
    if (!(node instanceof Element) || node.matches(legendSkipped)) return;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    if (startsLine(node, style) && tokens.length > 0 && tokens.at(-1)!.kind !== 'break') {
      tokens.push({ kind: 'break' });
    }
    if (node instanceof SVGSVGElement) {
      const { markup, width, height } = drawingMarkup(node);
      tokens.push({ kind: 'graphic', markup, width, height });
      return;
    }
    const swatch = swatchOf(node, style);
    if (swatch !== null) {
      tokens.push(swatch);
      return;
    }
    node.childNodes.forEach(walk);
  };
  panel.querySelectorAll('.panel-legend').forEach(walk);
  while (tokens.at(-1)?.kind === 'break') tokens.pop();
  return tokens;
}

/**
 * Whether an element begins a new line: a block, a list item, but not an item of a flex row
 * (whose computed display is `block` too, yet it flows beside its siblings).
 */
function startsLine(element: Element, style: CSSStyleDeclaration): boolean {
  if (!blockDisplays.has(style.display)) return false;
  const parent = element.parentElement;
  if (parent === null) return true;
  const parentStyle = getComputedStyle(parent);
  const flexRow = parentStyle.display.endsWith('flex') && parentStyle.flexDirection.startsWith('row');
  return !flexRow && !parentStyle.display.endsWith('grid');
}

function swatchOf(element: Element, style: CSSStyleDeclaration): LegendToken | null {
  if (element.childNodes.length > 0) return null;
  const rect = element.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1 || rect.width > swatchSizeMax || rect.height > swatchSizeMax) return null;
  const fill = style.backgroundColor;
  const borderWidth = Number.parseFloat(style.borderTopWidth) || 0;
  const bordered = borderWidth > 0 && style.borderTopStyle !== 'none';
  const transparent = fill === '' || fill === 'transparent' || fill === 'rgba(0, 0, 0, 0)';
  if (transparent && !bordered) return null;
  return {
    kind: 'swatch',
    width: rect.width,
    height: rect.height,
    fill: transparent ? 'none' : fill,
    stroke: bordered ? style.borderTopColor : null,
    dashed: bordered && style.borderTopStyle === 'dashed',
    radius: Math.min(Number.parseFloat(style.borderTopLeftRadius) || 0, rect.height / 2),
  };
}

/** Walks the original and its copy together; the copy is not in the page, so has no styles. */
function inlineStyles(original: Element, copy: Element): void {
  const computed = getComputedStyle(original);
  const properties = propertiesFor(original.localName);
  // The computed values already include any inline style, which the copy must not repeat.
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  const attributes = presentationAttributes(properties, (name) => computed.getPropertyValue(name));
  for (const [name, value] of attributes) copy.setAttribute(name, value);
  copy.removeAttribute('tabindex');
  const originals = original.children;
  const copies = copy.children;
  for (let index = 0; index < originals.length && index < copies.length; index += 1) {
    inlineStyles(originals[index]!, copies[index]!);
  }
}

/** A PNG of an SVG document, drawn through an image at `pngScale` times its size. */
export async function svgToPng(svgText: string, size: ExportSize): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * pngScale);
    canvas.height = Math.round(size.height * pngScale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser cannot draw the image (no 2-D canvas).');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas's pixels as a PNG. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const done = (blob: Blob | null) =>
      blob ? resolve(blob) : reject(new Error('The image could not be encoded.'));
    canvas.toBlob(done, 'image/png');
  });
}

/** The page's panel background, for the exported image's backdrop. */
export function surfaceColour(element: Element): string {
  const panel = element.closest('.panel') ?? document.body;
  const colour = getComputedStyle(panel).backgroundColor;
  return colour === '' || colour === 'rgba(0, 0, 0, 0)' ? '#ffffff' : colour;
}

/** What the exported image says it shows, besides the panel's title. */
export interface ExportContext {
  scenarioName: string | null;
  /** The tick at the time cursor, or null before a run. */
  tick: number | null;
}

/**
 * A panel's image: its main drawing under a title (the panel) and a subtitle (the scenario
 * and the tick), with the panel's legend below, so the picture stands alone on a slide.
 */
export function panelImageSvg(body: HTMLElement, title: string, context: ExportContext) {
  const graphic = mainGraphic(body);
  if (graphic === null) return null;
  const panel = body.closest('.panel') ?? body;
  const heading = panel.querySelector('h2') ?? panel;
  const caption = panel.querySelector('.panel-caption') ?? heading;
  return composeExportSvg({
    title,
    subtitle: exportSubtitle(context.scenarioName, context.tick),
    drawing: drawingMarkup(graphic),
    legend: legendTokens(panel),
    background: surfaceColour(body),
    text: {
      fontFamily: getComputedStyle(heading).fontFamily,
      colour: getComputedStyle(heading).color,
      mutedColour: getComputedStyle(caption).color,
    },
  });
}

/**
 * Saves a panel's image (`panelImageSvg`) as SVG, or as PNG drawn at `pngScale`. Returns a
 * message when there is nothing to save.
 */
export async function exportPanelImage(
  body: HTMLElement,
  title: string,
  format: 'svg' | 'png',
  context: ExportContext,
): Promise<string | null> {
  const image = panelImageSvg(body, title, context);
  if (image === null) return `The ${title} panel has no drawing to save yet.`;
  if (format === 'svg') {
    downloadBlob(new Blob([image.svg], { type: 'image/svg+xml' }), panelFileName(title, 'svg'));
    return null;
  }
  downloadBlob(await svgToPng(image.svg, image), panelFileName(title, 'png'));
  return null;
}
