/**
 * The charts' colours, every one taken from the graphics' design tokens
 * (src/design/tokens.ts), so charts, map, legends and source lines share one
 * palette:
 *  - the one accent (ACCENT) marks attacks, burned tankers, the blockade and
 *    the step's highlighted event (and its era on the timeline), nothing else;
 *  - ink and a dark grey carry neutral data (usual traffic, trade exports,
 *    the gold share) and all text;
 *  - greys carry context: outlines, unhighlighted events, gridlines;
 *  - no blue: blue is water, and charts draw no water.
 *
 * Every pair a chart draws is listed in `CHART_PAIRS` and checked in
 * tests/unit/charts-palette.test.ts: text at least 4.5:1 (WCAG 1.4.3), marks
 * at least 3:1 (WCAG 1.4.11) against the ground they sit on. Pale fills
 * (`TINT`) are decorative: an outline or a label of a checked colour always
 * carries the shape. Colour is never the only carrier: dashes, open ends,
 * fades and direct labels say the same.
 */
import { ACCENT, GREY, GROUND, INK, contrastRatio, relativeLuminance } from '../design/tokens';

export { contrastRatio, relativeLuminance };

/** The chart background: white (the chart panel and embeds). */
export const BACKGROUND = GROUND.white;

/** Colours of marks (bars, cells, ticks, outlines, arrows). */
export const MARK = {
  /** Attacks, burned tankers, the blockade, the step's highlighted event and era. */
  accent: ACCENT.mark,
  /** Neutral data: usual traffic, trade exports, the gold share, indicators. */
  neutral: INK.muted,
  /** Context: outlines, unhighlighted events and eras, the grid's frame. */
  context: GREY.context,
  /** Strong lines: the known end of a lower bound, approximate outlines. */
  ink: INK.ink,
} as const;

/** Colours of text. */
export const TEXT = {
  /** Labels and values. */
  ink: INK.ink,
  /** Dates, sources, axis ticks and notes. */
  muted: INK.muted,
  /** Labels of accent marks (the highlighted event, its era). */
  accent: ACCENT.text,
  /** Text set inside an accent or neutral bar. */
  onDark: GROUND.white,
} as const;

/** Pale fills behind an outline (decorative: the outline carries the shape). */
export const TINT = {
  accent: ACCENT.tint,
  neutral: GREY.fill,
} as const;

/** Gridlines: faint on purpose, they carry no data. */
export const GRID = GREY.grid;

/** The pale fill that goes with a mark colour (approximate bars, era spans). */
export function tintOf(mark: string): string {
  return mark === MARK.accent ? TINT.accent : TINT.neutral;
}

/** How a pair is used: text must reach 4.5:1, a mark 3:1. */
export type PairKind = 'text' | 'mark';

/**
 * Every foreground/background pair the charts draw, for the contrast test:
 * `[what, foreground, background, kind]`.
 */
export const CHART_PAIRS: [string, string, string, PairKind][] = [
  ['label text', TEXT.ink, BACKGROUND, 'text'],
  ['secondary text', TEXT.muted, BACKGROUND, 'text'],
  ['accent label text', TEXT.accent, BACKGROUND, 'text'],
  ['accent label on accent tint', TEXT.accent, TINT.accent, 'text'],
  ['label inside a pale era span', TEXT.ink, TINT.neutral, 'text'],
  ['white label inside the accent era span', TEXT.onDark, MARK.accent, 'text'],
  ['white label inside a neutral bar', TEXT.onDark, MARK.neutral, 'text'],
  ['accent mark', MARK.accent, BACKGROUND, 'mark'],
  ['neutral data mark', MARK.neutral, BACKGROUND, 'mark'],
  ['context mark', MARK.context, BACKGROUND, 'mark'],
  ['ink mark', MARK.ink, BACKGROUND, 'mark'],
  ['accent outline on accent tint', MARK.accent, TINT.accent, 'mark'],
  ['context outline on pale fill', MARK.context, TINT.neutral, 'mark'],
  ['neutral cell beside a pale cell', MARK.neutral, TINT.neutral, 'mark'],
];
