/**
 * The value axis of the bar charts (fuel traffic, trade): vertical gridlines
 * at ticks that fit the width, and a bottom axis whose end labels are kept
 * inside the chart.
 */
import type { Selection } from 'd3-selection';
import type { ScaleLinear } from 'd3-scale';
import { axisBottom } from 'd3-axis';
import { fitLinearTicks, FONT_SMALL, tickAnchor } from './scales';
import { GRID, TEXT } from './palette';
import type { Measure } from './text';

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Draws gridlines in `grid` from `top` to `axisY` (px) and the axis in
 * `axisLayer` at `axisY`, for scale `x` (values → px across `plotWidth`),
 * labels written by `format`. Returns the tick values drawn.
 */
export function drawValueAxis(
  grid: G,
  axisLayer: G,
  x: ScaleLinear<number, number>,
  format: (value: number) => string,
  measure: Measure,
  { top, axisY, plotWidth }: { top: number; axisY: number; plotWidth: number },
): number[] {
  const ticks = fitLinearTicks(x, format, measure);
  grid
    .selectAll<SVGLineElement, number>('line')
    .data(ticks, (d) => String(d))
    .join('line')
    .attr('stroke', GRID)
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', top)
    .attr('y2', axisY);
  axisLayer
    .attr('transform', `translate(0,${axisY})`)
    .call(axisBottom(x).tickValues(ticks).tickFormat((v) => format(Number(v))).tickSizeOuter(0))
    .attr('font-size', null)
    .attr('font-family', null);
  axisLayer
    .selectAll<SVGTextElement, number>('.tick text')
    .attr('text-anchor', (d) => tickAnchor(x(d), measure(format(d), FONT_SMALL), plotWidth));
  axisLayer.select('.domain').attr('stroke', TEXT.muted);
  return ticks;
}
