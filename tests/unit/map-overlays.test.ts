/**
 * Overlays (src/map/overlays.ts): schematic routes pass through the right
 * towns in order, areas are approximate circles around their town, and a
 * missing place is a clear error.
 */
import { describe, expect, it } from 'vitest';
import { geoContains, geoDistance } from 'd3-geo';
import { buildOverlays, placeOrThrow, ROUTES } from '../../src/map/overlays';
import { loadFixtureStory } from './map-fixtures';

const story = loadFixtureStory();
const overlays = buildOverlays(story.places);
const route = (layer: string) => overlays.routes.features.find((f) => f.properties.layer === layer);
const coords = (id: string) => [story.places[id].lon, story.places[id].lat];

describe('schematic routes', () => {
  it('draw the corridor Dakar – Tambacounda – Kidira – Kayes – Diéma – Kati – Bamako', () => {
    const corridor = route('corridor');
    expect(corridor?.properties.places).toEqual(['dakar', 'tambacounda', 'kidira', 'kayes', 'diema', 'kati', 'bamako']);
    expect(corridor?.geometry.coordinates).toEqual(corridor?.properties.places.map(coords));
    expect(corridor?.properties.schematic).toBe(true);
  });

  it('draw the northern route through Nioro du Sahel to Diéma', () => {
    const northern = route('northern-route');
    expect(northern?.properties.places).toContain('nioro-du-sahel');
    expect(northern?.properties.places.at(-1)).toBe('diema');
    expect(northern?.geometry.coordinates).toEqual(northern?.properties.places.map(coords));
  });

  it('draw the escort route from the Senegalese border (Kidira) to Bamako along the corridor', () => {
    const escort = route('escort-route');
    expect(escort?.properties.places[0]).toBe('kidira');
    expect(escort?.properties.places.at(-1)).toBe('bamako');
    // Every town of the escort route is on the corridor, in the same order.
    const corridor = ROUTES.corridor as readonly string[];
    const positions = escort!.properties.places.map((id) => corridor.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('are marked schematic, every one', () => {
    expect(overlays.routes.features).toHaveLength(3);
    for (const f of overlays.routes.features) expect(f.properties.schematic).toBe(true);
  });
});

describe('approximate areas and points', () => {
  it('centre each circle on its town with the stated radius', () => {
    for (const area of overlays.areas.features) {
      const centre = coords(area.properties.place) as [number, number];
      expect(area.properties.approximate).toBe(true);
      expect(geoContains(area, centre)).toBe(true);
      const km = geoDistance(centre, area.geometry.coordinates[0][0] as [number, number]) * 6371;
      expect(km).toBeCloseTo(area.properties.radiusKm, 0);
    }
  });

  it('draw the two declared blockade areas around Kayes and Nioro du Sahel', () => {
    const places = overlays.areas.features.filter((a) => a.properties.layer === 'blockade-areas').map((a) => a.properties.place);
    expect(places.sort()).toEqual(['kayes', 'nioro-du-sahel']);
  });

  it('mark the airstrike places Kayes, Nioro du Sahel, Ségou and Kidal, and the Bougouni attack', () => {
    const of = (layer: string) => overlays.points.features.filter((p) => p.properties.layer === layer).map((p) => p.properties.place);
    expect(of('airstrikes').sort()).toEqual(['kayes', 'kidal', 'nioro-du-sahel', 'segou']);
    expect(of('bougouni-attack')).toEqual(['bougouni']);
    expect(of('border-crossing')).toEqual(['kidira']);
  });
});

describe('missing places', () => {
  it('throw an error naming the overlay and the place', () => {
    const { kati: _kati, ...withoutKati } = story.places;
    expect(() => buildOverlays(withoutKati)).toThrow('map overlay "corridor" needs place "kati", which is not in content/places/');
    const { kidal: _kidal, ...withoutKidal } = story.places;
    expect(() => buildOverlays(withoutKidal)).toThrow(/"airstrikes" needs place "kidal"/);
    expect(() => placeOrThrow({}, 'mousafa', 'airstrikes')).toThrow(/mousafa/);
  });
});
