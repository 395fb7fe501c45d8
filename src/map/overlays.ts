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

/** The route layers and the places each passes through, in order (ids in content/places). */
export const ROUTES = {
  /** Dakar – Bamako corridor (BBC; the Kidira/Diboli crossing and Kayes: AP). */
  corridor: ['dakar', 'tambacounda', 'kidira', 'kayes', 'diema', 'kati', 'bamako'],
  /** The northern route from Mauritania through Nioro du Sahel, joining the corridor at Diéma. */
  'northern-route': ['nouakchott', 'nioro-du-sahel', 'diema'],
  /** Army escorts "from the Senegal border to Bamako" (Le Monde), along the corridor. */
  'escort-route': ['kidira', 'kayes', 'diema', 'kati', 'bamako'],
} as const satisfies Partial<Record<LayerId, readonly string[]>>;

export type RouteLayer = keyof typeof ROUTES;

/** Approximate areas: a circle of `radiusKm` around a place. Radii are editorial. */
export const AREAS = [
  /** Tanker attacks "concentrated near the city of Kayes, close to the Senegalese border" (AP). */
  { layer: 'attack-area', id: 'attack-area-kayes', place: 'kayes', radiusKm: 75 },
  /** JNIM declared a blockade of Kayes and Nioro du Sahel (RFI, 4 September 2025). */
  { layer: 'blockade-areas', id: 'blockade-kayes', place: 'kayes', radiusKm: 50 },
  { layer: 'blockade-areas', id: 'blockade-nioro-du-sahel', place: 'nioro-du-sahel', radiusKm: 50 },
  /** The insurgency "encroaching on Bamako's outskirts" (reference report). */
  { layer: 'bamako-outskirts', id: 'bamako-outskirts', place: 'bamako', radiusKm: 30 },
] as const satisfies readonly { layer: LayerId; id: string; place: string; radiusKm: number }[];

/** Points drawn by a layer at a place. */
export const POINTS = [
  /** The Kidira (Senegal) – Diboli (Mali) border crossing. */
  { layer: 'border-crossing', place: 'kidira' },
  /** Recent army airstrikes "have targeted Kayes, Segou, Nioro, and Kidal" (reference report). */
  { layer: 'airstrikes', place: 'kayes' },
  { layer: 'airstrikes', place: 'nioro-du-sahel' },
  { layer: 'airstrikes', place: 'segou' },
  { layer: 'airstrikes', place: 'kidal' },
  /** At least 15 tankers burned near Bougouni, 6 December 2025 (RFI). */
  { layer: 'bougouni-attack', place: 'bougouni' },
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
