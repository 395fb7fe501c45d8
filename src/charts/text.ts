/**
 * Measuring and wrapping label text, so labels can be placed without
 * overlapping or running off the chart at any width (320–1440 px).
 */

/** Width in pixels of `text` set at `fontSize` pixels and `fontWeight` (400 regular, 700 bold). */
export type Measure = (text: string, fontSize: number, fontWeight?: number) => number;

/**
 * A rough measure for environments without a canvas (unit tests, build time):
 * an average glyph is about 0.56 em wide (0.6 em in bold).
 */
export const approximateMeasure: Measure = (text, fontSize, fontWeight = 400) =>
  text.length * fontSize * (fontWeight >= 600 ? 0.6 : 0.56);

let context: CanvasRenderingContext2D | null | undefined;

/**
 * A measure that sets text on an off-screen canvas in `fontFamily` (the
 * chart's computed CSS font), falling back to `approximateMeasure` where no
 * canvas exists. Adds 2% for the difference between canvas and SVG hinting.
 */
export function canvasMeasure(fontFamily: string): Measure {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  const ctx = context;
  if (!ctx) return approximateMeasure;
  const cache = new Map<string, number>();
  return (text, fontSize, fontWeight = 400) => {
    const key = `${fontWeight}|${fontSize}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      ctx.font = `${fontWeight} ${fontSize}px ${fontFamily}`;
      width = ctx.measureText(text).width * 1.02;
      cache.set(key, width);
    }
    return width;
  };
}

/**
 * Breaks `text` into lines no wider than `maxWidth` pixels, at spaces; a
 * single word wider than `maxWidth` is split between characters with a
 * hyphen, so no line ever overflows. Returns at least one line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, fontSize: number, fontWeight = 400): string[] {
  const fits = (s: string) => measure(s, fontSize, fontWeight) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (fits(word)) {
      line = word;
      continue;
    }
    // A word too long for a line on its own: split it.
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(`${rest.slice(0, cut)}-`)) cut -= 1;
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The widest of `lines` in pixels. */
export function widestLine(lines: string[], measure: Measure, fontSize: number, fontWeight = 400): number {
  return Math.max(0, ...lines.map((l) => measure(l, fontSize, fontWeight)));
}
