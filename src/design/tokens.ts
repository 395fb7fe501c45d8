/**
 * The graphics' one palette and one type system, shared by the map
 * (src/map/symbols.ts), the charts (src/charts/palette.ts), legends and
 * source lines. Prose keeps the page's serif (styles/base.css); every
 * graphic speaks in the sans stack below.
 *
 * Colour rules (issue 8):
 * - one accent marks attacks and the blockade, and only them;
 * - greys carry everything else: neutral data, context, outlines;
 * - blue is water, and only water.
 * The contrast of every pair a graphic uses is checked in
 * tests/unit/design-tokens.test.ts: text >= 4.5:1, marks >= 3:1, against the
 * grounds they sit on.
 *
 * Colours are `#rrggbb`; sizes are CSS pixels.
 */

/** Grounds graphics are drawn on. */
export const GROUND = {
  /** Chart background. */
  white: '#ffffff',
  /** The page's paper (styles/base.css --paper). */
  paper: '#fbf8f3',
  /** Mali on the map: the country the story is about, lightest. */
  mali: '#fffdf8',
  /** Other countries' land on the map. */
  land: '#ebe6da',
} as const;

/** Text and neutral marks. */
export const INK = {
  /** Main text and strong marks (17:1 on white). */
  ink: '#1d1d1b',
  /** Secondary text: dates, sources, axis labels; also neutral data marks (8.8:1 on white). */
  muted: '#4d4a44',
} as const;

/** Greys: context, outlines and quiet fills. */
export const GREY = {
  /** Context marks and outlines that must read as marks (>= 3:1 on every ground). */
  context: '#6b6b6b',
  /** Country borders on the map. */
  border: '#857d70',
  /** Pale fill behind an outline (decorative: the outline carries the shape). */
  fill: '#ddd7cb',
  /** Gridlines: faint, they carry no data. */
  grid: '#e3e3e3',
} as const;

/** The one accent: attacks and the blockade. */
export const ACCENT = {
  /** Marks and text (5.8:1 on white, 4.6:1 on land). */
  mark: '#b83a14',
  /** Pale fill of accent areas (decorative: an accent outline carries the shape). */
  tint: '#f3d5c8',
  /** Text on the accent tint. */
  text: '#8f2c0f',
} as const;

/** Water, and nothing else. */
export const WATER = {
  sea: '#d3e2ea',
  river: '#2f73a8',
  /** River and sea labels. */
  label: '#1f5f8b',
} as const;

/** The type of every graphic: map labels, chart text, legends, source lines. */
export const TYPE = {
  /** The sans-serif stack (system fonts: nothing is downloaded). */
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  /** Chart labels and place names, px (also the minimum for chart labels on phones). */
  label: 14,
  /** Notes, ticks, legends and source lines, px: the smallest text any graphic sets. */
  small: 12,
  /** Headings inside graphics, px. */
  heading: 16,
} as const;

/** WCAG relative luminance of a `#rrggbb` colour (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
