/**
 * The MapLibre style layers of each story layer (LAYER_IDS), in drawing
 * order, and the generic fade that switches them.
 *
 * Every style layer stays in the style for the whole story; a scene shows or
 * hides it by animating its paint `*-opacity` (never by adding, removing or
 * toggling `visibility`, which pops). Each layer records its story layer and
 * its visible opacities in `metadata`, so one function fades any layer by
 * type (after mapbox/storytelling's idea, applied to complete states).
 *
 * Symbols come from symbols.ts (shared with the SVG renderer and legend);
 * country selections from country-sets.ts. Types only from maplibre-gl: this
 * module loads without it.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerId } from '../story/types';
import { AES, CONVOY_ORIGINS, FUEL_BAN } from './country-sets';
import { COLOURS, SYMBOLS, type SymbolName } from './symbols';

/** Source ids of the style (style.ts fills them with GeoJSON). */
export const SOURCE_IDS = {
  countries: 'countries',
  regions: 'regions',
  regionBorders: 'region-borders',
  rivers: 'rivers',
  routes: 'routes',
  areas: 'areas',
  points: 'points',
} as const;

/** Paint properties that carry each layer type's opacity. */
export const OPACITY_PROPERTIES: Record<string, string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
  raster: ['raster-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
  heatmap: ['heatmap-opacity'],
  background: ['background-opacity'],
};

/** What a style layer's `metadata` holds for the fade. */
export interface StoryLayerMetadata {
  /** The story layer it belongs to. */
  'story:layer': LayerId;
  /** Opacity of each opacity property when visible (0–1). */
  'story:opacity': Record<string, number>;
}

type Spec = LayerSpecification & { metadata: StoryLayerMetadata };

const isoIn = (isos: readonly string[]): FilterSpecification => ['in', ['get', 'iso'], ['literal', [...isos]]];
const ofLayer = (layer: LayerId): FilterSpecification => ['==', ['get', 'layer'], layer];

function meta(layer: LayerId, opacity: Record<string, number>): StoryLayerMetadata {
  return { 'story:layer': layer, 'story:opacity': opacity };
}

/** A fill layer and its outline for an area symbol. */
function area(layer: LayerId, id: string, source: string, name: SymbolName, filter?: FilterSpecification): Spec[] {
  const s = SYMBOLS[name];
  if (s.kind !== 'area') throw new Error(`${name} is not an area symbol`);
  const dash = 'dash' in s && s.dash ? { 'line-dasharray': [...s.dash] } : {};
  return [
    {
      id: `${id}-fill`,
      type: 'fill',
      source,
      ...(filter ? { filter } : {}),
      paint: { 'fill-color': s.fill, 'fill-opacity': 0 },
      metadata: meta(layer, { 'fill-opacity': s.fillOpacity }),
    },
    {
      id: `${id}-outline`,
      type: 'line',
      source,
      ...(filter ? { filter } : {}),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': s.stroke, 'line-width': s.strokeWidth, 'line-opacity': 0, ...dash },
      metadata: meta(layer, { 'line-opacity': 1 }),
    },
  ];
}

/** A line layer (and its white casing) for a line symbol. */
function line(layer: LayerId, id: string, source: string, name: SymbolName, filter?: FilterSpecification): Spec[] {
  const s = SYMBOLS[name];
  if (s.kind !== 'line') throw new Error(`${name} is not a line symbol`);
  const dash = 'dash' in s && s.dash ? { 'line-dasharray': [...s.dash] } : {};
  const base = { source, ...(filter ? { filter } : {}), layout: { 'line-join': 'round', 'line-cap': 'round' } } as const;
  const casing: Spec[] =
    'casing' in s && s.casing
      ? [
          {
            id: `${id}-casing`,
            type: 'line',
            ...base,
            paint: { 'line-color': COLOURS.casing, 'line-width': s.casing, 'line-opacity': 0 },
            metadata: meta(layer, { 'line-opacity': 1 }),
          },
        ]
      : [];
  return [
    ...casing,
    {
      id: `${id}-line`,
      type: 'line',
      ...base,
      paint: { 'line-color': s.stroke, 'line-width': s.strokeWidth, 'line-opacity': 0, ...dash },
      metadata: meta(layer, { 'line-opacity': s.opacity }),
    },
  ];
}

/**
 * A circle layer for a point symbol. MapLibre strokes a circle outside its
 * radius, SVG and the HTML dots on its edge: the radius here is the symbol's
 * minus half its stroke, so the outer diameter is the same everywhere.
 */
function circle(layer: LayerId, id: string, name: SymbolName): Spec[] {
  const s = SYMBOLS[name];
  if (s.kind !== 'point') throw new Error(`${name} is not a point symbol`);
  return [
    {
      id: `${id}-circle`,
      type: 'circle',
      source: SOURCE_IDS.points,
      filter: ofLayer(layer),
      paint: {
        'circle-radius': s.radius - s.strokeWidth / 2,
        'circle-color': s.fill,
        'circle-opacity': 0,
        'circle-stroke-color': s.stroke,
        'circle-stroke-width': s.strokeWidth,
        'circle-stroke-opacity': 0,
      },
      metadata: meta(layer, { 'circle-opacity': s.fillOpacity, 'circle-stroke-opacity': 1 }),
    },
  ];
}

const maliFill: ExpressionSpecification = ['case', ['==', ['get', 'iso'], 'ML'], COLOURS.mali, COLOURS.land];

/**
 * Every style layer, bottom to top. Base (`countries`) layers start visible;
 * all others start at opacity 0 and are faded in by `fadeLayers`.
 */
export function styleLayers(): Spec[] {
  const C = SOURCE_IDS;
  const countries: Spec = {
    id: 'countries-fill',
    type: 'fill',
    source: C.countries,
    paint: { 'fill-color': maliFill, 'fill-opacity': 1 },
    metadata: meta('countries', { 'fill-opacity': 1 }),
  };
  const borders: Spec = {
    id: 'countries-borders',
    type: 'line',
    source: C.countries,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COLOURS.border, 'line-width': SYMBOLS.country.strokeWidth, 'line-opacity': 1 },
    metadata: meta('countries', { 'line-opacity': 1 }),
  };
  const maliOutline: Spec = {
    id: 'countries-mali-outline',
    type: 'line',
    source: C.countries,
    filter: isoIn(['ML']),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': SYMBOLS.mali.stroke, 'line-width': SYMBOLS.mali.strokeWidth, 'line-opacity': 1 },
    metadata: meta('countries', { 'line-opacity': 1 }),
  };
  const [convoyFill, convoyOutline] = area('convoy-origins', 'convoy-origins', C.countries, 'convoyOrigin', isoIn(CONVOY_ORIGINS));
  const [banFill, banOutline] = area('fuel-ban', 'fuel-ban', C.countries, 'fuelBan', isoIn(FUEL_BAN));
  const [ecowasFill, ecowasOutline] = area('alliances', 'alliances-ecowas', C.countries, 'ecowas', ['==', ['get', 'ecowas'], true]);
  const [aesFill, aesOutline] = area('alliances', 'alliances-aes', C.countries, 'aes', isoIn(AES));
  const [kayesFill, kayesOutline] = area('kayes-region', 'kayes-region', C.regions, 'kayesRegion', ['==', ['get', 'id'], 'kayes']);
  return [
    countries,
    convoyFill,
    banFill,
    ecowasFill,
    aesFill,
    kayesFill,
    borders,
    ...line('mali-regions', 'mali-regions-borders', C.regionBorders, 'regionBorder'),
    kayesOutline,
    convoyOutline,
    banOutline,
    ecowasOutline,
    aesOutline,
    maliOutline,
    ...area('bamako-outskirts', 'bamako-outskirts', C.areas, 'outskirts', ofLayer('bamako-outskirts')),
    ...area('airstrikes', 'airstrikes', C.areas, 'airstrikeArea', ofLayer('airstrikes')),
    ...area('attack-area', 'attack-area', C.areas, 'attackArea', ofLayer('attack-area')),
    ...area('blockade-areas', 'blockade-areas', C.areas, 'blockadeArea', ofLayer('blockade-areas')),
    ...area('bougouni-attack', 'bougouni-attack', C.areas, 'bougouniArea', ofLayer('bougouni-attack')),
    // Water above the tinted areas, so the rivers read through them.
    ...line('rivers', 'rivers', C.rivers, 'river'),
    ...line('escort-route', 'escort-route', C.routes, 'escortRoute', ofLayer('escort-route')),
    ...line('niger-convoy-route', 'niger-convoy-route', C.routes, 'nigerRoute', ofLayer('niger-convoy-route')),
    ...line('corridor', 'corridor', C.routes, 'corridor', ofLayer('corridor')),
    ...circle('northern-towns-fall', 'northern-towns-fall', 'townFell'),
  ];
}

/** The part of a MapLibre map the fade needs (a fake in tests). */
export interface PaintTarget {
  setPaintProperty(layerId: string, name: string, value: unknown): unknown;
}

/**
 * Fades every style layer in `layers` to its visible opacities when its story
 * layer is in `visible`, and to 0 otherwise, over `durationMs` ms (0: at once,
 * as under reduced motion). Works for any layer type in OPACITY_PROPERTIES.
 * Returns the ids of the style layers now visible.
 */
export function fadeLayers(
  map: PaintTarget,
  layers: readonly LayerSpecification[],
  visible: ReadonlySet<LayerId>,
  durationMs: number,
): string[] {
  const shown: string[] = [];
  for (const layer of layers) {
    const metadata = layer.metadata as StoryLayerMetadata | undefined;
    if (!metadata?.['story:layer']) continue;
    const on = visible.has(metadata['story:layer']);
    if (on) shown.push(layer.id);
    for (const property of OPACITY_PROPERTIES[layer.type] ?? []) {
      map.setPaintProperty(layer.id, `${property}-transition`, { duration: durationMs, delay: 0 });
      map.setPaintProperty(layer.id, property, on ? (metadata['story:opacity'][property] ?? 1) : 0);
    }
  }
  return shown;
}
