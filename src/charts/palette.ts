/**
 * The charts' colours: the Okabe–Ito colour-blind-safe set (Okabe & Ito,
 * "Color Universal Design", 2008), with darker shades of the same hues for
 * text. Checked (tests/unit/charts-palette.test.ts) against the background,
 * plain white `#ffffff`:
 *  - every mark colour is at least 3:1 (WCAG 1.4.11 non-text contrast);
 *  - every text colour is at least 4.5:1 (WCAG 1.4.3).
 * The same holds against the light paper colour `PAPER` (#f7f5f0) should the
 * page use it, so the lead may choose either.
 *
 * Colour is never the only carrier: every mark also has a label, and
 * estimates are told apart by dash style and open ends (see charts.css).
 */

/** The chart background (white). */
export const BACKGROUND = '#ffffff';
/** An acceptable light paper background; every colour below passes on it too. */
export const PAPER = '#f7f5f0';

/** Colours of marks (bars, cells, ticks, outlines): each >= 3:1 against BACKGROUND and PAPER. */
export const MARK = {
  /** Okabe–Ito blue: traffic, trade, eras (5.2:1). */
  blue: '#0072B2',
  /** Okabe–Ito vermillion: destruction, the highlighted event (3.9:1). */
  vermillion: '#D55E00',
  /** Okabe–Ito bluish green: the older (2021) estimate (3.4:1). */
  green: '#009E73',
  /** Neutral grey: context marks such as the convoy size, unhighlighted events (4.5:1). */
  grey: '#767676',
} as const;

/** Colours of text: each >= 4.5:1 against BACKGROUND and PAPER. */
export const TEXT = {
  /** Body text of labels (17:1). */
  ink: '#1a1a1a',
  /** Secondary text: dates, sources, axis labels (7:1). */
  soft: '#595959',
  /** Labels in the blue hue (5.8:1). */
  blue: '#006C9E',
  /** Labels in the vermillion hue (5.4:1). */
  vermillion: '#AD4F00',
  /** Labels in the green hue (5.5:1). */
  green: '#00785A',
} as const;

/**
 * Pale fills behind an outline (approximate values, era spans). Decorative:
 * the >= 3:1 outline in the matching MARK colour carries the shape.
 */
export const TINT = {
  blue: '#d4e6f1',
  vermillion: '#f6dccb',
  green: '#cdebe1',
  grey: '#e6e6e6',
} as const;

/** Gridlines: deliberately faint, they carry no data. */
export const GRID = '#e3e3e3';

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
