/**
 * Scales and tick choices shared by the charts. Pure functions of data and
 * pixel sizes, so they are unit-tested without a browser.
 */
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { utcMonth, utcYear } from 'd3-time';
import type { Locale } from '../i18n/locales';
import { formatDate, formatMonthShort } from '../i18n/format';
import type { Measure } from './text';

/** Smallest text on any chart, in pixels (tick labels, notes). */
export const FONT_SMALL = 12;
/** Label text, in pixels. */
export const FONT_LABEL = 14;
/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.3;

/** Horizontal time scale over `[start, end)` (UTC instants) onto `[0, width]` pixels. */
export function timeScale(domain: [Date, Date], width: number): ScaleTime<number, number> {
  return scaleUtc().domain(domain).range([0, width]);
}

/**
 * Horizontal count scale from 0 to a round number at least 25% above `max`
 * (room for the open end of a lower bound), onto `[0, width]` pixels.
 */
export function countScale(max: number, width: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, max * 1.25]).nice().range([0, width]);
}

/**
 * The most ticks of a linear scale whose labels (formatted by `format`, set at
 * FONT_SMALL) fit side by side with 12 px between them; at least the two ends.
 */
export function fitLinearTicks(scale: ScaleLinear<number, number>, format: (v: number) => string, measure: Measure): number[] {
  const [r0, r1] = scale.range();
  const width = Math.abs(r1 - r0);
  for (let n = Math.min(8, Math.max(2, Math.floor(width / 80))); n >= 1; n -= 1) {
    const ticks = scale.ticks(n);
    if (ticksFit(ticks.map((v) => ({ x: scale(v), label: format(v) })), measure, width)) return ticks;
  }
  return scale.domain();
}

/**
 * Where a centred tick label of width `w` at `x` goes so it stays inside
 * `[0, width]`: `middle`, or `start`/`end` at the chart's edges.
 */
export function tickAnchor(x: number, w: number, width: number): 'start' | 'middle' | 'end' {
  if (x - w / 2 < 0) return 'start';
  if (x + w / 2 > width) return 'end';
  return 'middle';
}

/** True when tick labels at `x` (anchored by `tickAnchor`) keep 12 px apart and inside `[0, width]`. */
export function ticksFit(ticks: { x: number; label: string }[], measure: Measure, width: number): boolean {
  let right = -Infinity;
  for (const { x, label } of ticks) {
    const w = measure(label, FONT_SMALL);
    if (w > width) return false;
    const anchor = tickAnchor(x, w, width);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    if (left < right + 12) return false;
    right = left + w;
  }
  return true;
}

/** A time tick: where it sits and how it is labelled. */
export interface TimeTick {
  /** The tick's instant (start of a year or month, UTC). */
  date: Date;
  /** Its label: "2014", "October 2025". */
  label: string;
  /** Whether the label is shown (ticks between labels stay as marks). */
  labelled: boolean;
}

/**
 * Ticks for a time scale: one per year when the domain spans years, one per
 * month otherwise; labels formatted through Intl for `locale` (years "2014";
 * months short, with the year on the first and on January: "Sept 2025",
 * "Oct"), thinned to every 2nd, 4th… tick until they fit side by side, each
 * left-aligned at its tick (a label reads as the period that starts there).
 */
export function timeTicks(scale: ScaleTime<number, number>, locale: Locale, measure: Measure): TimeTick[] {
  const [d0, d1] = scale.domain();
  const byYear = utcYear.count(d0, d1) >= 2;
  const dates = (byYear ? utcYear : utcMonth).range(d0, d1);
  const month = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const label = (d: Date, i: number) =>
    byYear ? formatDate(String(d.getUTCFullYear()), locale) : formatMonthShort(month(d), locale, i === 0 || d.getUTCMonth() === 0);
  const [, width] = scale.range();
  const spacing = dates.length > 1 ? scale(dates[1]) - scale(dates[0]) : width;
  // Each label formatted once (Intl formatters are costly to build).
  const labels = dates.map(label);
  const widths = labels.map((text) => measure(text, FONT_SMALL));
  const widest = Math.max(...widths);
  let every = 1;
  while (every < dates.length && spacing * every < widest + 10) every += every === 1 ? 1 : every;
  return dates.map((date, i) => {
    const fitsRight = scale(date) + widths[i] <= width + 0.5;
    return { date, label: labels[i], labelled: i % every === 0 && fitsRight };
  });
}
