/**
 * Text widths for placing map labels where no browser can measure them (the
 * build-time static SVGs, unit tests): advance widths of DejaVu Sans, the
 * widest of the common system sans-serif faces the TYPE.sans stack resolves
 * to (San Francisco, Segoe UI, Roboto and Noto Sans are all narrower), so an
 * estimate errs wide and estimated boxes hold the real text.
 *
 * Widths are in 1/100 em, measured once in Chromium with canvas
 * `measureText` at 100 px for the characters of CHARS; other characters count
 * as 0.7 em. In the browser the map measures with the real font instead
 * (`canvasMeasure`).
 */

/** The characters of the tables, in order. */
const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ÀÂÇÉÈÊËÎÏÔÙÛÜàâçéèêëîïôùûüœŒ’‘“”–—·≥°';

const REGULAR =
  '32,40,46,84,64,95,78,27,39,39,50,84,32,36,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,53,100,68,69,70,77,63,58,77,75,29,29,66,56,86,75,79,60,79,69,63,61,73,68,99,69,61,69,39,34,39,84,50,50,61,63,55,63,62,35,63,63,28,28,58,28,97,63,61,63,63,41,52,39,63,59,82,59,59,52,64,34,64,84,68,68,70,63,63,63,63,29,29,79,73,73,73,61,61,55,62,62,62,62,28,28,61,63,63,63,102,107,32,32,52,52,50,100,32,84,50';
const BOLD =
  '35,46,52,84,70,100,87,31,46,46,52,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,58,100,77,76,73,83,68,68,82,84,37,37,77,64,100,84,85,73,85,77,72,68,81,77,110,77,72,73,46,37,46,84,50,50,67,72,59,72,68,44,72,71,34,34,67,34,104,71,69,72,72,49,60,48,71,65,92,65,65,58,71,37,71,84,77,77,73,68,68,68,68,37,37,85,81,81,81,67,67,59,68,68,68,68,34,34,69,71,71,71,109,117,38,38,66,66,50,100,38,84,50';

const table = (widths: string) => {
  const values = widths.split(',').map(Number);
  return new Map([...CHARS].map((ch, i) => [ch, values[i] / 100]));
};
const TABLES = { regular: table(REGULAR), bold: table(BOLD) };

/** How a piece of map text is set. */
export interface TextStyle {
  /** CSS px. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Letter-spacing in em, added after every character. */
  tracking?: number;
}

/** Measures the width in CSS px of `text` set in `style`. */
export type Measure = (text: string, style: TextStyle) => number;

/** Estimated width in CSS px of `text` in `style`, from the DejaVu Sans tables (errs wide). */
export const estimateWidth: Measure = (text, style) => {
  const widths = style.bold ? TABLES.bold : TABLES.regular;
  let em = 0;
  for (const ch of text) em += (widths.get(ch) ?? 0.7) + (style.tracking ?? 0);
  return em * style.size;
};

/**
 * A Measure that uses the browser's canvas with the real font (`family`, the
 * TYPE.sans stack), caching results. Falls back to `estimateWidth` when the
 * document cannot give a 2D context.
 */
export function canvasMeasure(doc: Document, family: string): Measure {
  const ctx = doc.createElement('canvas').getContext('2d');
  if (!ctx) return estimateWidth;
  const cache = new Map<string, number>();
  return (text, style) => {
    const key = `${style.size}|${style.bold ? 1 : 0}|${style.italic ? 1 : 0}|${style.tracking ?? 0}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      ctx.font = `${style.italic ? 'italic ' : ''}${style.bold ? '700 ' : ''}${style.size}px ${family}`;
      width = ctx.measureText(text).width + [...text].length * (style.tracking ?? 0) * style.size;
      cache.set(key, width);
    }
    return width;
  };
}
