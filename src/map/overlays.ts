/**
 * Story overlays derived from the `places` collection (GeoNames coordinates)
 * and the geography (Natural Earth): schematic routes drawn through towns,
 * approximate areas drawn as circles (d3-geo `geoCircle`), and points.
 *
 * No roads dataset is available, so every route is a straight line (in Web
 * Mercator, as both renderers draw it) from town to town and is labelled
 * "schematic route" in the legend. Every area is an editorial circle around a
 * town whose radius is OUR choice (the reporting gives no extent), so each is
 * labelled "approximate" or "in or near"; on screen a circle is never drawn
 * smaller than MIN_AREA_RADIUS_PX (`areasForCamera`).
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { geoCircle, geoContains } from 'd3-geo';
import type { LayerId, PlaceData } from '../story/types';
import type { CountryProperties } from './geo-data';
import { latFromY, mercatorY, TILE_SIZE, type Camera } from './camera';

/** Mean Earth radius, km: converts area radii from km to degrees of arc. */
const EARTH_RADIUS_KM = 6371;

/**
 * The route layers and the places each passes through, in order (ids in
 * content/places). Only towns the reporting names are used: the corridor
 * (BBC News: "the Dakar-Bamako corridor"; the September 2025 report: "the
 * Bamako-Kayes route"), the army escorts "from the Senegal border to Bamako"
 * (Le Monde) along it, and Niger's convoy from Niamey to Bamako (Africanews).
 * The escort route starts before its first town: see ROUTE_STARTS.
 */
export const ROUTES = {
  corridor: ['dakar', 'kayes', 'bamako'],
  'escort-route': ['kayes', 'bamako'],
  'niger-convoy-route': ['niamey', 'bamako'],
} as const satisfies Partial<Record<LayerId, readonly string[]>>;

/**
 * Routes that start where another route enters a country, computed from the
 * geometry (never a typed coordinate): the escorts ran "from the Senegal
 * border to Bamako" (Le Monde), so the escort route starts where the
 * schematic corridor crosses into Mali (ISO `ML`) and follows it.
 */
export const ROUTE_STARTS = {
  'escort-route': { along: 'corridor', enters: 'ML' },
} as const satisfies Partial<Record<RouteLayer, { along: RouteLayer; enters: string }>>;

/** Smallest radius, CSS px, at which an approximate area is drawn on screen (see areasForCamera). */
export const MIN_AREA_RADIUS_PX = 12;

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
  /** ISO code of the country whose border the line starts at, when it starts at a border (ROUTE_STARTS). */
  startsAtBorderOf?: string;
}

export interface AreaProperties {
  layer: LayerId;
  id: string;
  /** Place at the centre. */
  place: string;
  /** The circle's radius as drawn, km (the AREAS radius, or more: see areasForCamera). */
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

type Country = Feature<Polygon | MultiPolygon, CountryProperties>;

/** The point a fraction `f` (0–1) of the way from `a` to `b` on a straight line in Web Mercator (degrees). */
function alongMercator(a: [number, number], b: [number, number], f: number): [number, number] {
  const y = mercatorY(a[1]) + (mercatorY(b[1]) - mercatorY(a[1])) * f;
  return [a[0] + (b[0] - a[0]) * f, latFromY(y)];
}

/**
 * Where the polyline `line` ([lon, lat] degrees, drawn straight in Web
 * Mercator) first enters `country`: the point (to about a metre, by
 * bisection) and the index of the segment it lies on. Undefined when the
 * line starts inside the country or never enters it.
 */
export function borderCrossing(
  line: readonly [number, number][],
  country: Feature<Polygon | MultiPolygon>,
): { point: [number, number]; segment: number } | undefined {
  if (line.length === 0 || geoContains(country, line[0])) return undefined;
  const STEPS = 400;
  for (let i = 0; i < line.length - 1; i++) {
    let before = 0;
    for (let k = 1; k <= STEPS; k++) {
      const f = k / STEPS;
      if (!geoContains(country, alongMercator(line[i], line[i + 1], f))) {
        before = f;
        continue;
      }
      let [lo, hi] = [before, f];
      for (let n = 0; n < 40; n++) {
        const mid = (lo + hi) / 2;
        if (geoContains(country, alongMercator(line[i], line[i + 1], mid))) hi = mid;
        else lo = mid;
      }
      return { point: alongMercator(line[i], line[i + 1], hi), segment: i };
    }
  }
  return undefined;
}

/** A circle of `radiusKm` around [lon, lat] (degrees), as a GeoJSON polygon. */
function circle(center: [number, number], radiusKm: number): Polygon {
  return geoCircle()
    .center(center)
    .radius((radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI))
    .precision(4)();
}

/**
 * Builds every overlay from the story's places (lon/lat in degrees) and the
 * countries of the geography (geo-data.ts; for routes that start at a border).
 * Throws if a place an overlay needs is missing, or if a route that must start
 * at a border never crosses it.
 */
export function buildOverlays(places: Record<string, PlaceData>, countries: readonly Country[]): Overlays {
  const through = (layer: RouteLayer): [number, number][] =>
    ROUTES[layer].map((id) => {
      const p = placeOrThrow(places, id, layer);
      return [p.lon, p.lat];
    });
  const routes: Feature<LineString, RouteProperties>[] = (Object.keys(ROUTES) as RouteLayer[]).map((layer) => {
    const start = (ROUTE_STARTS as Partial<Record<RouteLayer, { along: RouteLayer; enters: string }>>)[layer];
    let coordinates = through(layer);
    if (start) {
      const country = countries.find((c) => c.properties.iso === start.enters);
      if (!country) throw new Error(`map overlay "${layer}" starts at the border of ${start.enters}, which is not in the geography`);
      const along = through(start.along);
      const crossing = borderCrossing(along, country);
      if (!crossing) throw new Error(`map overlay "${layer}": the ${start.along} never enters ${start.enters}`);
      const rest = along.slice(crossing.segment + 1);
      const expected = ROUTES[layer].join(' ');
      const found = ROUTES[start.along].slice(crossing.segment + 1).join(' ');
      if (found !== expected) throw new Error(`map overlay "${layer}" must follow the ${start.along} after the border (${found} ≠ ${expected})`);
      coordinates = [crossing.point, ...rest];
    }
    return {
      type: 'Feature',
      id: layer,
      properties: {
        layer,
        places: [...ROUTES[layer]],
        schematic: true,
        ...(start ? { startsAtBorderOf: start.enters } : {}),
      },
      geometry: { type: 'LineString', coordinates },
    };
  });
  const areas: Feature<Polygon, AreaProperties>[] = AREAS.map(({ layer, id, place, radiusKm }) => {
    const p = placeOrThrow(places, place, layer);
    return {
      type: 'Feature',
      id,
      properties: { layer, id, place, radiusKm, approximate: true },
      geometry: circle([p.lon, p.lat], radiusKm),
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

/**
 * The areas as drawn through `camera` (zoom with 512-px tiles): each circle
 * keeps its AREAS radius unless that would be under `minRadiusPx` CSS px on
 * screen (at the circle's latitude), in which case it is drawn at that size,
 * so an event area always stands out at least as much as a town marker
 * (the radius is a drawing choice either way: the areas are approximate).
 * Pure; `places` gives the centres (degrees).
 */
export function areasForCamera(
  places: Record<string, PlaceData>,
  camera: Pick<Camera, 'zoom'>,
  minRadiusPx = MIN_AREA_RADIUS_PX,
): FeatureCollection<Polygon, AreaProperties> {
  const worldPx = TILE_SIZE * 2 ** camera.zoom;
  const features = AREAS.map(({ layer, id, place, radiusKm }): Feature<Polygon, AreaProperties> => {
    const p = placeOrThrow(places, place, layer);
    const kmPerPx = (2 * Math.PI * EARTH_RADIUS_KM * Math.cos((p.lat * Math.PI) / 180)) / worldPx;
    const drawn = Math.max(radiusKm, minRadiusPx * kmPerPx);
    return {
      type: 'Feature',
      id,
      properties: { layer, id, place, radiusKm: drawn, approximate: true },
      geometry: circle([p.lon, p.lat], drawn),
    };
  });
  return { type: 'FeatureCollection', features };
}
