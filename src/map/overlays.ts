/**
 * Story overlays derived from the `places` collection (GeoNames coordinates):
 * schematic routes drawn through towns, approximate areas drawn as circles
 * (d3-geo `geoCircle`), and points.
 *
 * No roads dataset is available, so every route is a straight line from town
 * to town and is labelled "schematic route" in the legend. Every area is an
 * editorial circle around a town whose radius is OUR choice (the reporting
 * gives no extent), so each is labelled "approximate".
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { geoCircle } from 'd3-geo';
import type { LayerId, PlaceData } from '../story/types';

/** Mean Earth radius, km: converts area radii from km to degrees of arc. */
const EARTH_RADIUS_KM = 6371;

/**
 * The route layers and the places each passes through, in order (ids in
 * content/places). Only towns the reporting names are used: the corridor
 * (BBC News: "the Dakar-Bamako corridor"; the September 2025 report: "the
 * Bamako-Kayes route"), the army escorts "from the Senegal border to Bamako"
 * (Le Monde) along it, and Niger's convoy from Niamey to Bamako (Africanews).
 */
export const ROUTES = {
  corridor: ['dakar', 'kayes', 'bamako'],
  'escort-route': ['kayes', 'bamako'],
  'niger-convoy-route': ['niamey', 'bamako'],
} as const satisfies Partial<Record<LayerId, readonly string[]>>;

/** Sources of each route's towns and line, for the legend (ids in content/sources). */
export const ROUTE_SOURCES: Record<RouteLayer, readonly string[]> = {
  corridor: ['bbc-2025-09', 'reference-report-2025-09'],
  'escort-route': ['le-monde-2025-09'],
  'niger-convoy-route': ['africanews-2025-11-25'],
};

export type RouteLayer = keyof typeof ROUTES;

/**
 * Approximate areas: a circle of `radiusKm` around a place. The reporting
 * gives no extent for any of them, so the radii are a drawing choice and
 * every area is labelled approximate ("in or near").
 */
export const AREAS = [
  /** Tanker attacks "concentrated near the city of Kayes, close to the Senegalese border" (AP). */
  { layer: 'attack-area', id: 'attack-area-kayes', place: 'kayes', radiusKm: 75 },
  /** JNIM declared a blockade of Kayes and Nioro du Sahel (RFI, 4 September 2025). */
  { layer: 'blockade-areas', id: 'blockade-kayes', place: 'kayes', radiusKm: 50 },
  { layer: 'blockade-areas', id: 'blockade-nioro-du-sahel', place: 'nioro-du-sahel', radiusKm: 50 },
  /** The insurgency "encroaching on Bamako's outskirts" (reference report). */
  { layer: 'bamako-outskirts', id: 'bamako-outskirts', place: 'bamako', radiusKm: 30 },
  /** Airstrikes "have targeted Kayes, Segou, Nioro, and Kidal": towns or regions, the report does not say. */
  { layer: 'airstrikes', id: 'airstrikes-kayes', place: 'kayes', radiusKm: 60 },
  { layer: 'airstrikes', id: 'airstrikes-nioro-du-sahel', place: 'nioro-du-sahel', radiusKm: 60 },
  { layer: 'airstrikes', id: 'airstrikes-segou', place: 'segou', radiusKm: 60 },
  { layer: 'airstrikes', id: 'airstrikes-kidal', place: 'kidal', radiusKm: 60 },
  /** At least 15 tankers burned "near Bougouni", 6 December 2025 (RFI). */
  { layer: 'bougouni-attack', id: 'bougouni-attack', place: 'bougouni', radiusKm: 30 },
] as const satisfies readonly { layer: LayerId; id: string; place: string; radiusKm: number }[];

/** Points drawn by a layer at a place: event markers. */
export const POINTS = [
  /** Kidal, Gao and Timbuktu fell between 30 March and 1 April 2012 (AFP). */
  { layer: 'northern-towns-fall', place: 'kidal' },
  { layer: 'northern-towns-fall', place: 'gao' },
  { layer: 'northern-towns-fall', place: 'timbuktu' },
] as const satisfies readonly { layer: LayerId; place: string }[];

export interface RouteProperties {
  layer: RouteLayer;
  /** Place ids the line passes through, in order. */
  places: string[];
  schematic: true;
}

export interface AreaProperties {
  layer: LayerId;
  id: string;
  /** Place at the centre. */
  place: string;
  radiusKm: number;
  approximate: true;
}

export interface PointProperties {
  layer: LayerId;
  place: string;
}

/** All overlays as GeoJSON, coordinates in degrees (lon, lat). */
export interface Overlays {
  routes: FeatureCollection<LineString, RouteProperties>;
  areas: FeatureCollection<Polygon, AreaProperties>;
  points: FeatureCollection<Point, PointProperties>;
}

/**
 * The place `id` from `places`. Throws an error naming the overlay that needs
 * it when the place is not in content/places.
 */
export function placeOrThrow(places: Record<string, PlaceData>, id: string, neededBy: string): PlaceData {
  const place = places[id];
  if (!place) throw new Error(`map overlay "${neededBy}" needs place "${id}", which is not in content/places/`);
  return place;
}

/**
 * Builds every overlay from the story's places (lon/lat in degrees).
 * Throws if a place an overlay needs is missing.
 */
export function buildOverlays(places: Record<string, PlaceData>): Overlays {
  const routes: Feature<LineString, RouteProperties>[] = Object.entries(ROUTES).map(([layer, ids]) => ({
    type: 'Feature',
    id: layer,
    properties: { layer: layer as RouteLayer, places: [...ids], schematic: true },
    geometry: {
      type: 'LineString',
      coordinates: ids.map((id) => {
        const p = placeOrThrow(places, id, layer);
        return [p.lon, p.lat];
      }),
    },
  }));
  const areas: Feature<Polygon, AreaProperties>[] = AREAS.map(({ layer, id, place, radiusKm }) => {
    const p = placeOrThrow(places, place, layer);
    const circle = geoCircle()
      .center([p.lon, p.lat])
      .radius((radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI))
      .precision(4)();
    return {
      type: 'Feature',
      id,
      properties: { layer, id, place, radiusKm, approximate: true },
      geometry: circle,
    };
  });
  const points: Feature<Point, PointProperties>[] = POINTS.map(({ layer, place }) => {
    const p = placeOrThrow(places, place, layer);
    return {
      type: 'Feature',
      id: `${layer}-${place}`,
      properties: { layer, place },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    };
  });
  return {
    routes: { type: 'FeatureCollection', features: routes },
    areas: { type: 'FeatureCollection', features: areas },
    points: { type: 'FeatureCollection', features: points },
  };
}
