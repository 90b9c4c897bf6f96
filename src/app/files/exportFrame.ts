/**
 * The frame of an exported panel image, so a picture stands alone on a slide: a title (the
 * panel), a subtitle (the scenario and the tick), the drawing, and the panel's legend below
 * it. Pure string building: the DOM side (`panelImage.ts`) reads the page into these types.
 */

/** One piece of a legend, in reading order. */
export type LegendToken =
  | { kind: 'text'; text: string }
  /** A plain coloured box (an HTML swatch): its fill, and its border when it has one. */
  | { kind: 'swatch'; width: number; height: number; fill: string; stroke: string | null; dashed: boolean; radius: number }
  /** A small SVG glyph of the legend, serialised with its styles (`<svg …>…</svg>`). */
  | { kind: 'graphic'; width: number; height: number; markup: string }
  /** The next token starts a new line (a new legend row or list item). */
  | { kind: 'break' };

export type PlacedToken = Exclude<LegendToken, { kind: 'break' }> & { x: number; y: number };

export interface ExportText {
  fontFamily: string;
  /** Title and legend text. */
  colour: string;
  /** Subtitle. */
  mutedColour: string;
}

/** Legend text size, px. */
export const legendFontPx = 12;
/** Average advance of a character of the system sans at 1 px: an estimate, on the wide side. */
const charWidthEm = 0.58;
const gapPx = 6;
const padPx = 16;
const titlePx = 16;
const subtitlePx = 12;

/** How wide a run of text is estimated to be, px. */
export function textWidth(text: string, fontPx = legendFontPx): number {
  return text.length * fontPx * charWidthEm;
}

/**
 * The legend laid out in rows no wider than `width`: tokens left to right with a gap, a new
 * row at each break or when the next token would overflow; long text wraps between words.
 * `y` is the top of a token's row; returns the height of all rows.
 */
export function layoutLegend(tokens: readonly LegendToken[], width: number): { items: PlacedToken[]; height: number } {
  const lineHeight = legendFontPx * 1.5;
  const items: PlacedToken[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = lineHeight;
  const newRow = () => {
    if (x === 0) return;
    y += rowHeight + 2;
    x = 0;
    rowHeight = lineHeight;
  };
  const place = (token: Exclude<LegendToken, { kind: 'break' }>, tokenWidth: number, tokenHeight: number) => {
    if (x > 0 && x + tokenWidth > width) newRow();
    items.push({ ...token, x, y });
    x += tokenWidth + gapPx;
    rowHeight = Math.max(rowHeight, tokenHeight);
  };
  for (const token of tokens) {
    if (token.kind === 'break') newRow();
    else if (token.kind === 'text') {
      for (const piece of wrapText(token.text, width - x, width)) {
        if (piece.newRow) newRow();
        place({ kind: 'text', text: piece.text }, textWidth(piece.text), lineHeight);
      }
    } else place(token, token.width, token.height);
  }
  return { items, height: items.length === 0 ? 0 : y + rowHeight };
}

/** Text cut between words into pieces that fit: the first in `room`, the rest in `width`. */
function wrapText(text: string, room: number, width: number): { text: string; newRow: boolean }[] {
  const words = text.split(' ').filter((word) => word !== '');
  const pieces: { text: string; newRow: boolean }[] = [];
  let current = '';
  let limit = room;
  let newRow = false;
  for (const word of words) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && textWidth(next) > limit) {
      pieces.push({ text: current, newRow });
      current = word;
      limit = width;
      newRow = true;
    } else if (current === '' && textWidth(word) > limit && limit < width) {
      // Not even one word fits the rest of this row: start the text on the next one.
      current = word;
      limit = width;
      newRow = true;
    } else current = next;
  }
  if (current !== '') pieces.push({ text: current, newRow });
  return pieces;
}

export interface ExportFrameInput {
  /** The panel's title ("Trust matrix"). */
  title: string;
  /** The scenario and the moment ("Classic Hegselmann–Krause, 200 agents · tick 412"). */
  subtitle: string;
  /** The drawing as an `<svg>` (or `<image>`) element of `width` × `height` px at the origin. */
  drawing: { markup: string; width: number; height: number };
  legend: readonly LegendToken[];
  background: string;
  text: ExportText;
}

/** The whole exported image: a standalone SVG document and its size in px. */
export function composeExportSvg(input: ExportFrameInput): { svg: string; width: number; height: number } {
  const { title, subtitle, drawing, legend, background, text } = input;
  const innerWidth = Math.max(drawing.width, 320);
  const width = Math.ceil(innerWidth + 2 * padPx);
  const drawingTop = padPx + titlePx + 6 + subtitlePx + 10;
  const laid = layoutLegend(legend, innerWidth);
  const legendTop = drawingTop + drawing.height + (laid.height > 0 ? 12 : 0);
  const height = Math.ceil(legendTop + laid.height + padPx);
  const font = `font-family="${escapeXml(text.fontFamily)}"`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${escapeXml(background)}"/>`,
    `<text data-part="title" x="${padPx}" y="${padPx + titlePx}" ${font} font-size="${titlePx}" ` +
      `font-weight="700" fill="${escapeXml(text.colour)}">${escapeXml(title)}</text>`,
    `<text data-part="subtitle" x="${padPx}" y="${padPx + titlePx + 6 + subtitlePx}" ${font} ` +
      `font-size="${subtitlePx}" fill="${escapeXml(text.mutedColour)}">${escapeXml(subtitle)}</text>`,
    `<g data-part="drawing" transform="translate(${padPx} ${drawingTop})">${drawing.markup}</g>`,
  ];
  if (laid.items.length > 0) {
    parts.push(`<g data-part="legend" transform="translate(${padPx} ${legendTop})" ${font} font-size="${legendFontPx}">`);
    for (const item of laid.items) parts.push(placedMarkup(item, text.colour));
    parts.push('</g>');
  }
  parts.push('</svg>');
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${parts.join('\n')}\n`, width, height };
}

function placedMarkup(item: PlacedToken, colour: string): string {
  const rowMiddle = item.y + (legendFontPx * 1.5) / 2;
  switch (item.kind) {
    case 'text':
      return `<text x="${round(item.x)}" y="${round(rowMiddle)}" dominant-baseline="central" fill="${escapeXml(colour)}">${escapeXml(item.text)}</text>`;
    case 'swatch': {
      const stroke = item.stroke === null ? '' : ` stroke="${escapeXml(item.stroke)}" stroke-width="1.5"${item.dashed ? ' stroke-dasharray="3 2"' : ''}`;
      return `<rect x="${round(item.x)}" y="${round(rowMiddle - item.height / 2)}" width="${round(item.width)}" ` +
        `height="${round(item.height)}" rx="${round(item.radius)}" fill="${escapeXml(item.fill)}"${stroke}/>`;
    }
    case 'graphic':
      return `<g transform="translate(${round(item.x)} ${round(rowMiddle - item.height / 2)})">${item.markup}</g>`;
    default:
      return exhaustive(item);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unexpected legend token ${JSON.stringify(value)}`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Text and attribute values made safe for XML. */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The subtitle: the scenario's name (or a fallback), and the tick shown. */
export function exportSubtitle(scenarioName: string | null, tick: number | null): string {
  const name = scenarioName !== null && scenarioName.trim() !== '' ? scenarioName.trim() : 'Scenario';
  return tick === null ? name : `${name} · tick ${tick}`;
}
