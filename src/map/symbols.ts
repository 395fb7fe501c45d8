/**
 * The map's visual vocabulary, in one table shared by the MapLibre style
 * (`layers.ts`), the SVG renderer (`svg-map.ts`), the HTML place markers
 * (`markers.ts`) and the legend swatches (`legend.ts`), so all of them draw a
 * symbol the same way, at the same size.
 *
 * Every colour comes from the graphics' tokens (src/design/tokens.ts):
 * - the ACCENT (tint fills, accent outlines) marks attacks and the blockade
 *   and nothing else; a dashed outline says "approximate";
 * - greys and ink carry routes, alliances, borders and context; the AES and
 *   ECOWAS are told apart by grey value AND outline (solid vs dashed);
 * - WATER blue is the sea and the rivers only;
 * - the Kayes region is a warm neutral (GREY.fill) with a strong ink outline.
 *
 * Colours are `#rrggbb`; widths and radii are CSS px; dashes are multiples of
 * the line width (MapLibre's `line-dasharray` convention; the SVG renderer
 * multiplies them by the width). Contrast of every mark against the grounds
 * it sits on is checked in tests/unit/map-symbols.test.ts.
 */
import { ACCENT, GREY, GROUND, INK, TYPE, WATER } from '../design/tokens';

/** Base colours of the map (grounds, ink, halo behind text). */
export const COLOURS = {
  sea: WATER.sea,
  land: GROUND.land,
  mali: GROUND.mali,
  border: GREY.border,
  ink: INK.ink,
  inkMuted: INK.muted,
  /** Halo behind map text and the legend's background. */
  halo: GROUND.mali,
  /** Casing under route lines. */
  casing: GROUND.white,
  river: WATER.river,
  riverLabel: WATER.label,
  accent: ACCENT.mark,
  accentText: ACCENT.text,
} as const;

/** A filled area: polygon fill with an outline. */
export interface AreaSymbol {
  kind: 'area';
  fill: string;
  /** 0–1. */
  fillOpacity: number;
  stroke: string;
  /** CSS px. */
  strokeWidth: number;
  /** Multiples of strokeWidth; absent = solid. */
  dash?: readonly number[];
}

/** A line: optional white casing under a coloured line. */
export interface LineSymbol {
  kind: 'line';
  stroke: string;
  /** CSS px. */
  strokeWidth: number;
  /** 0–1. */
  opacity: number;
  /** Multiples of strokeWidth; absent = solid. */
  dash?: readonly number[];
  /** White casing width in CSS px (drawn under the line), if any. */
  casing?: number;
}

/**
 * A point: a circle of `radius` px with a stroke of `strokeWidth` px centred
 * on its edge (SVG's convention), so its outer diameter is
 * `2 * radius + strokeWidth` px in every renderer.
 */
export interface PointSymbol {
  kind: 'point';
  /** CSS px, to the middle of the stroke. */
  radius: number;
  fill: string;
  /** 0–1. */
  fillOpacity: number;
  stroke: string;
  /** CSS px. */
  strokeWidth: number;
}

export type MapSymbol = AreaSymbol | LineSymbol | PointSymbol;

/** Dash of approximate areas (multiples of the stroke width). */
const APPROXIMATE = [2, 1.5] as const;

/** Every symbol the map draws, by name. Legend items, style layers and markers refer to these names. */
export const SYMBOLS = {
  // Base map and context (greys, ink).
  mali: { kind: 'area', fill: GROUND.mali, fillOpacity: 1, stroke: INK.ink, strokeWidth: 1.5 },
  country: { kind: 'area', fill: GROUND.land, fillOpacity: 1, stroke: GREY.border, strokeWidth: 0.75 },
  regionBorder: { kind: 'line', stroke: GREY.context, strokeWidth: 1, opacity: 1, dash: [2, 2] },
  kayesRegion: { kind: 'area', fill: GREY.fill, fillOpacity: 1, stroke: INK.ink, strokeWidth: 2 },
  // Water.
  river: { kind: 'line', stroke: WATER.river, strokeWidth: 1.5, opacity: 1 },
  // Routes (ink and grey; all schematic).
  corridor: { kind: 'line', stroke: INK.ink, strokeWidth: 3, opacity: 1, casing: 6 },
  escortRoute: { kind: 'line', stroke: GREY.context, strokeWidth: 11, opacity: 1 },
  nigerRoute: { kind: 'line', stroke: INK.ink, strokeWidth: 2.5, opacity: 1, dash: [2, 1.5], casing: 5.5 },
  // Alliances: grey value and outline, not hue.
  aes: { kind: 'area', fill: GREY.fill, fillOpacity: 1, stroke: INK.ink, strokeWidth: 1.5 },
  ecowas: { kind: 'area', fill: GROUND.white, fillOpacity: 1, stroke: GREY.context, strokeWidth: 1.5, dash: [3, 2] },
  // Attacks and the blockade: the accent. Dashed outlines are approximate areas.
  attackArea: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.85, stroke: ACCENT.mark, strokeWidth: 2, dash: APPROXIMATE },
  airstrikeArea: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.6, stroke: ACCENT.mark, strokeWidth: 1.5, dash: [1.5, 1.5] },
  bougouniArea: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.85, stroke: ACCENT.mark, strokeWidth: 2, dash: APPROXIMATE },
  blockadeArea: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.7, stroke: ACCENT.mark, strokeWidth: 2.5, dash: [1, 1] },
  outskirts: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.6, stroke: ACCENT.mark, strokeWidth: 1.5, dash: APPROXIMATE },
  convoyOrigin: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.75, stroke: ACCENT.mark, strokeWidth: 1.5 },
  fuelBan: { kind: 'area', fill: ACCENT.tint, fillOpacity: 0.75, stroke: ACCENT.mark, strokeWidth: 1.5 },
  townFell: { kind: 'point', radius: 11, fill: ACCENT.mark, fillOpacity: 1, stroke: GROUND.white, strokeWidth: 2 },
  // Places.
  capital: { kind: 'point', radius: 5, fill: INK.ink, fillOpacity: 1, stroke: GROUND.white, strokeWidth: 1.5 },
  town: { kind: 'point', radius: 4, fill: GROUND.white, fillOpacity: 1, stroke: INK.ink, strokeWidth: 2 },
} as const satisfies Record<string, MapSymbol>;

export type SymbolName = keyof typeof SYMBOLS;

/** Point symbols' names. */
export type PointSymbolName = { [K in SymbolName]: (typeof SYMBOLS)[K]['kind'] extends 'point' ? K : never }[SymbolName];

/** Outer diameter in CSS px of a point symbol (stroke included). */
export function pointDiameter(name: PointSymbolName): number {
  const s = SYMBOLS[name];
  return 2 * s.radius + s.strokeWidth;
}

/** The map's type: the graphics' sans stack, sizes in CSS px (12–14). */
export const MAP_TYPE = {
  font: TYPE.sans,
  /** Place names (bold). */
  place: TYPE.label,
  /** The Kayes region's name. */
  region: 13,
  /** Country names (upper case, letter-spaced). */
  country: TYPE.small,
  /** Mali's name (upper case, letter-spaced). */
  mali: 13,
  /** River names (italic). */
  river: TYPE.small,
  /** Dated annotations of events and area notes. */
  annotation: TYPE.small,
  /** Legend, key and caption. */
  legend: TYPE.small,
  /** Letter-spacing of upper-case names, em. */
  tracking: 0.1,
} as const;

/** Label sizes in CSS px (never under 12): kept for the modules that size text by kind. */
export const LABEL_SIZES = {
  place: MAP_TYPE.place,
  country: MAP_TYPE.country,
  annotation: MAP_TYPE.annotation,
  legend: MAP_TYPE.legend,
} as const;
