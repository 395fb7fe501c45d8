/**
 * Bars that say how sure their value is, shared by the fuel-traffic and trade
 * charts:
 *  - exact: a solid bar;
 *  - approximate ("about"): a pale bar with a dashed outline;
 *  - lower bound ("at least", "more than"): a solid bar to the bound, then an
 *    open end that fades out, with an arrowhead: the true value lies beyond;
 *  - context (not the measure itself): an outline only.
 * Colour is never the only difference: fill, dash and the open end differ too.
 */
import { select, type Selection } from 'd3-selection';
import type { FigureData } from '../story/types';
import { motion } from './motion';
import { MARK, TEXT, tintOf } from './palette';

/** Geometry and style of one bar, in pixels. */
export interface BarSpec {
  id: string;
  estimate: FigureData['estimate'];
  /** `context` draws an outline only. */
  role: 'measure' | 'context';
  /** A `MARK` colour. */
  colour: string;
  /** End of the known part of the bar (x of the value), pixels from the left. */
  end: number;
  /** Length of the open end for lower bounds (0 otherwise), pixels. */
  open: number;
  /** Bar thickness, pixels. */
  height: number;
}

/** Whether an estimate is a lower bound, drawn open-ended. */
export const isLowerBound = (estimate: FigureData['estimate']): boolean => estimate === 'at-least' || estimate === 'more-than';

/**
 * Adds (once) a left-to-right gradient from `colour` to transparent to
 * `defs`, for open ends, and returns its `url(#…)`.
 */
export function openEndGradient(defs: Selection<SVGDefsElement, unknown, null, undefined>, uid: string, colour: string): string {
  const id = `${uid}-open-${colour.slice(1)}`;
  if (defs.select(`#${id}`).empty()) {
    const g = defs.append('linearGradient').attr('id', id).attr('x1', 0).attr('x2', 1).attr('y1', 0).attr('y2', 0);
    g.append('stop').attr('offset', 0).attr('stop-color', colour).attr('stop-opacity', 0.55);
    g.append('stop').attr('offset', 1).attr('stop-color', colour).attr('stop-opacity', 0);
  }
  return `url(#${id})`;
}

/**
 * Draws or updates the bar of each group in `groups` (one `<g>` per bar,
 * already positioned; the bar is drawn from x = 0, y = 0 down to `height`).
 * Adds the classes `bar`, `bar__open`, `bar__arrow`, `bar__floor` and sets
 * `data-estimate` on the group. Moves with a transition when `animate`.
 */
export function drawBars(
  groups: Selection<SVGGElement, BarSpec, SVGGElement, unknown>,
  defs: Selection<SVGDefsElement, unknown, null, undefined>,
  uid: string,
  animate: boolean,
): void {
  groups
    .attr('data-estimate', (d) => d.estimate)
    .attr('data-role', (d) => d.role)
    .classed('is-approximate', (d) => d.estimate === 'approximate')
    .classed('is-lower-bound', (d) => isLowerBound(d.estimate))
    .classed('is-context', (d) => d.role === 'context');

  groups.each(function (d) {
    const g = select<SVGGElement, BarSpec>(this);
    const ensure = <K extends 'rect' | 'path' | 'line'>(tag: K, cls: string) => {
      let sel = g.select<SVGElement>(`${tag}.${cls}`);
      if (sel.empty()) sel = g.append<SVGElement>(tag).attr('class', cls).attr('aria-hidden', 'true');
      return sel;
    };
    const main = ensure('rect', 'bar');
    const approximate = d.estimate === 'approximate';
    const context = d.role === 'context';
    main
      .attr('fill', context ? 'none' : approximate ? tintOf(d.colour) : d.colour)
      .attr('stroke', context || approximate ? d.colour : 'none')
      .attr('stroke-width', context || approximate ? 1.5 : 0)
      .attr('stroke-dasharray', approximate ? '5 3' : null);
    if (main.attr('width') === null) main.attr('x', 0).attr('y', 0).attr('width', 0).attr('height', d.height);
    // Approximate ~0 still shows a sliver, so "about 0" has a mark.
    const width = Math.max(d.end, approximate ? 3 : 0);
    motion(main, animate).attr('width', width).attr('height', d.height);

    const lower = isLowerBound(d.estimate);
    const open = ensure('rect', 'bar__open');
    open.attr('fill', openEndGradient(defs, uid, d.colour)).attr('y', 0);
    if (open.attr('x') === null) open.attr('x', 0).attr('width', 0);
    motion(open, animate)
      .attr('x', d.end)
      .attr('width', lower ? d.open : 0)
      .attr('height', d.height);

    const arrow = ensure('path', 'bar__arrow');
    arrow.attr('fill', 'none').attr('stroke', d.colour).attr('stroke-width', 2).attr('stroke-linejoin', 'miter');
    const tip = d.end + d.open;
    const arrowPath = (x: number) => `M${x - 7},${1} L${x},${d.height / 2} L${x - 7},${d.height - 1}`;
    if (arrow.attr('d') === null) arrow.attr('d', arrowPath(0));
    motion(arrow, animate).attr('d', arrowPath(lower ? tip : d.end)).style('opacity', lower ? 1 : 0);

    // The known bound of a lower bound: a short ink line across the bar's end.
    const floor = ensure('line', 'bar__floor');
    floor.attr('stroke', MARK.ink).attr('stroke-width', 2);
    if (floor.attr('x1') === null) floor.attr('x1', 0).attr('x2', 0);
    motion(floor, animate)
      .attr('x1', d.end)
      .attr('x2', d.end)
      .attr('y1', -3)
      .attr('y2', d.height + 3)
      .style('opacity', lower ? 1 : 0);
  });
}

/** The right edge of a bar and its open end, pixels. */
export const barExtent = (spec: Pick<BarSpec, 'end' | 'open' | 'estimate'>): number =>
  Math.max(spec.end, 3) + (isLowerBound(spec.estimate) ? spec.open : 0);

/** Where a bar's value label goes: after the bar's end, inside it at its end, or on the line above the bar. */
export interface ValuePlacement {
  position: 'after' | 'inside' | 'above';
  /** x of the label's anchor, px (its start after the bar, its end inside it). */
  x: number;
  anchor: 'start' | 'end';
  /** Text colour: ink outside the bar or on a pale (approximate) bar, white on a solid one. */
  fill: string;
}

/**
 * Puts a value label of `labelWidth` px at its bar's end, inside a chart
 * `width` px wide: after the bar (and its open end) when it fits there, else
 * inside the bar, right-aligned at the value, else on the line above the bar.
 * Pure (px in, px out).
 */
export function valuePlacement(spec: Pick<BarSpec, 'end' | 'open' | 'estimate'>, labelWidth: number, width: number): ValuePlacement {
  const after = barExtent(spec) + 6;
  if (after + labelWidth <= width) return { position: 'after', x: after, anchor: 'start', fill: TEXT.ink };
  if (spec.end - 12 >= labelWidth) {
    return { position: 'inside', x: spec.end - 6, anchor: 'end', fill: spec.estimate === 'approximate' ? TEXT.ink : TEXT.onDark };
  }
  return { position: 'above', x: 0, anchor: 'start', fill: TEXT.ink };
}
