/**
 * Multi-line SVG text: SVG does not wrap, so labels are wrapped with
 * `wrapText` and written as one <tspan> per line.
 */
import type { Selection } from 'd3-selection';

/** Distance from the top of the glyphs to the baseline, as a share of the font size. */
const ASCENT = 0.8;

/**
 * Writes `lines` into `text` as tspans at `x` (pixels, in the text's own
 * coordinates), the first line box's top at `top`, one `lineHeight` (pixels)
 * apart; each line is centred in its line box (half the leading above).
 * Sets `data-lines` to the number of lines.
 */
export function setLines(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  text: Selection<SVGTextElement, any, any, any>,
  lines: string[],
  fontSize: number,
  lineHeight: number,
  x = 0,
  top = 0,
): void {
  text
    .attr('font-size', fontSize)
    .attr('data-lines', lines.length)
    .selectAll<SVGTSpanElement, string>('tspan')
    .data(lines)
    .join('tspan')
    .attr('x', x)
    .attr('y', (_, i) => top + (lineHeight - fontSize) / 2 + fontSize * ASCENT + i * lineHeight)
    .text((d) => d);
}
