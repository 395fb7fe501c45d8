/**
 * The map's visual vocabulary, in one table shared by the MapLibre style
 * (`layers.ts`), the SVG renderer (`svg-map.ts`) and the legend swatches
 * (`legend.ts`), so the three always draw a symbol the same way.
 *
 * Colours are hex strings; widths and radii are CSS pixels; dashes are in
 * multiples of the line width (MapLibre's `line-dasharray` convention; the SVG
 * renderer multiplies them by the width). Marks keep at least 3:1 contrast
 * against the land colours they sit on; meaning never rests on colour alone
 * (dashes, outlines, labels and the legend carry it too).
 */

/** Page and base colours. */
export const COLOURS = {
  sea: '#d3e2ea',
  land: '#ebe6da',
  mali: '#fffdf8',
  border: '#857d70',
  ink: '#1d1d1b',
  inkMuted: '#4d4a44',
  halo: '#fffdf8',
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
  dash?: number[];
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
  dash?: number[];
  /** White casing width in CSS px (drawn under the line), if any. */
  casing?: number;
}

/** A point: a circle with a stroke (a ring when fillOpacity is 0). */
export interface PointSymbol {
  kind: 'point';
  /** CSS px. */
  radius: number;
  fill: string;
  /** 0–1. */
  fillOpacity: number;
  stroke: string;
  /** CSS px. */
  strokeWidth: number;
}

export type MapSymbol = AreaSymbol | LineSymbol | PointSymbol;

/** Every symbol the map draws, by name. Legend items and style layers refer to these names. */
export const SYMBOLS = {
  mali: { kind: 'area', fill: COLOURS.mali, fillOpacity: 1, stroke: COLOURS.ink, strokeWidth: 1.6 },
  country: { kind: 'area', fill: COLOURS.land, fillOpacity: 1, stroke: COLOURS.border, strokeWidth: 0.8 },
  regionBorder: { kind: 'line', stroke: COLOURS.border, strokeWidth: 1, opacity: 1, dash: [3, 2] },
  kayesRegion: { kind: 'area', fill: '#f3d9a4', fillOpacity: 0.85, stroke: '#8a5a00', strokeWidth: 1.8 },
  river: { kind: 'line', stroke: '#2f73a8', strokeWidth: 1.6, opacity: 1 },
  corridor: { kind: 'line', stroke: COLOURS.ink, strokeWidth: 3, opacity: 1, casing: 6 },
  escortRoute: { kind: 'line', stroke: '#1e7b4c', strokeWidth: 11, opacity: 0.55 },
  nigerRoute: { kind: 'line', stroke: COLOURS.ink, strokeWidth: 2.5, opacity: 1, dash: [2, 1.5], casing: 5.5 },
  attackArea: { kind: 'area', fill: '#b3261e', fillOpacity: 0.2, stroke: '#b3261e', strokeWidth: 2, dash: [2, 2] },
  airstrikeArea: { kind: 'area', fill: '#c2410c', fillOpacity: 0.12, stroke: '#c2410c', strokeWidth: 2, dash: [2, 2] },
  convoyOrigin: { kind: 'area', fill: '#c77c2e', fillOpacity: 0.4, stroke: '#a35a12', strokeWidth: 1.6 },
  fuelBan: { kind: 'area', fill: '#a23b5a', fillOpacity: 0.18, stroke: '#a23b5a', strokeWidth: 2.5, dash: [3, 1.5] },
  blockadeArea: { kind: 'area', fill: '#6b2d87', fillOpacity: 0.16, stroke: '#6b2d87', strokeWidth: 2.5, dash: [2, 1.5] },
  bougouniArea: { kind: 'area', fill: '#b3261e', fillOpacity: 0.25, stroke: '#b3261e', strokeWidth: 2, dash: [2, 2] },
  townFell: { kind: 'point', radius: 8, fill: '#b3261e', fillOpacity: 1, stroke: '#ffffff', strokeWidth: 2 },
  aes: { kind: 'area', fill: '#8c5a2b', fillOpacity: 0.35, stroke: '#8c5a2b', strokeWidth: 1.6 },
  ecowas: { kind: 'area', fill: '#2f7f73', fillOpacity: 0.25, stroke: '#2f7f73', strokeWidth: 1.2, dash: [3, 2] },
  outskirts: { kind: 'area', fill: '#9c3d12', fillOpacity: 0.14, stroke: '#9c3d12', strokeWidth: 2, dash: [2, 2] },
  capital: { kind: 'point', radius: 5, fill: COLOURS.ink, fillOpacity: 1, stroke: '#ffffff', strokeWidth: 2 },
  town: { kind: 'point', radius: 4, fill: '#ffffff', fillOpacity: 1, stroke: COLOURS.ink, strokeWidth: 2 },
} as const satisfies Record<string, MapSymbol>;

export type SymbolName = keyof typeof SYMBOLS;

/** Label sizes in CSS px (never under 12). */
export const LABEL_SIZES = { place: 13, country: 12, annotation: 12, legend: 12 } as const;
