import { downloadBlob } from './download';
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
 * A standalone SVG document of a drawing: the computed style of every element inlined as
 * presentation attributes, a background rectangle in `background`, a size in pixels, the
 * namespace declared.
 */
export function serializeSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const size = exportSize(svg.getAttribute('viewBox'), svg.getBoundingClientRect());
  copy.setAttribute('xmlns', svgNamespace);
  copy.setAttribute('width', String(size.width));
  copy.setAttribute('height', String(size.height));
  copy.removeAttribute('class');
  const viewBox = svg.viewBox.baseVal;
  const backdrop = document.createElementNS(svgNamespace, 'rect');
  const hasBox = viewBox !== null && viewBox.width > 0;
  backdrop.setAttribute('x', String(hasBox ? viewBox.x : 0));
  backdrop.setAttribute('y', String(hasBox ? viewBox.y : 0));
  backdrop.setAttribute('width', hasBox ? String(viewBox.width) : '100%');
  backdrop.setAttribute('height', hasBox ? String(viewBox.height) : '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
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

/**
 * Saves a panel's main drawing: as SVG (a canvas has none), or as PNG (a canvas's own pixels,
 * an SVG drawn at `pngScale`). Returns a message when there is nothing to save.
 */
export async function exportPanelImage(
  body: HTMLElement,
  title: string,
  format: 'svg' | 'png',
): Promise<string | null> {
  const graphic = mainGraphic(body);
  if (graphic === null) return `The ${title} panel has no drawing to save yet.`;
  if (graphic instanceof HTMLCanvasElement) {
    if (format === 'svg') return `The ${title} panel draws to a canvas: save it as PNG.`;
    downloadBlob(await canvasToPng(graphic), panelFileName(title, 'png'));
    return null;
  }
  const svgText = serializeSvg(graphic, surfaceColour(graphic));
  if (format === 'svg') {
    downloadBlob(new Blob([svgText], { type: 'image/svg+xml' }), panelFileName(title, 'svg'));
    return null;
  }
  const size = exportSize(graphic.getAttribute('viewBox'), graphic.getBoundingClientRect());
  downloadBlob(await svgToPng(svgText, size), panelFileName(title, 'png'));
  return null;
}
