/**
 * Overlays (src/map/overlays.ts): schematic routes pass through the right
 * towns in order, the escort route starts where the corridor crosses into
 * Mali (computed from the geometry), areas are approximate circles around
 * their town never drawn smaller than MIN_AREA_RADIUS_PX, and a missing place
 * is a clear error.
 */
import { describe, expect, it } from 'vitest';
import { geoContains, geoDistance } from 'd3-geo';
import {
  areasForCamera,
  borderCrossing,
  buildOverlays,
  MIN_AREA_RADIUS_PX,
  placeOrThrow,
  ROUTE_SOURCES,
  ROUTES,
} from '../../src/map/overlays';
import { fitView, project } from '../../src/map/camera';
import { loadFixtureGeo, loadFixtureStory } from './map-fixtures';

const story = loadFixtureStory();
const geo = loadFixtureGeo();
const countries = geo.countries.features;
const mali = countries.find((c) => c.properties.iso === 'ML')!;
const overlays = buildOverlays(story.places, countries);
const route = (layer: string) => overlays.routes.features.find((f) => f.properties.layer === layer);
const coords = (id: string) => [story.places[id].lon, story.places[id].lat];

describe('schematic routes', () => {
  it('draw the corridor only through towns the reporting names: Dakar, Kayes, Bamako', () => {
    const corridor = route('corridor');
    expect(corridor?.properties.places).toEqual(['dakar', 'kayes', 'bamako']);
    expect(corridor?.geometry.coordinates).toEqual(corridor?.properties.places.map(coords));
    expect(corridor?.properties.schematic).toBe(true);
  });

  it('start the escort route where the corridor crosses into Mali, computed from the geometry', () => {
    const escort = route('escort-route')!;
    const corridor = route('corridor')!.geometry.coordinates as [number, number][];
    const start = escort.geometry.coordinates[0] as [number, number];
    expect(escort.properties.startsAtBorderOf).toBe('ML');
    // On the border: just before it (along the corridor from Dakar) is outside Mali, just after is inside.
    const [dakar, kayes] = corridor;
    const at = (f: number): [number, number] => [start[0] + (kayes[0] - dakar[0]) * f, start[1] + (kayes[1] - dakar[1]) * f];
    expect(geoContains(mali, at(-0.002))).toBe(false);
    expect(geoContains(mali, at(0.002))).toBe(true);
    // Between Dakar and Kayes, west of Kayes, and then through Kayes to Bamako.
    expect(start[0]).toBeGreaterThan(dakar[0]);
    expect(start[0]).toBeLessThan(kayes[0]);
    expect(escort.geometry.coordinates.slice(1)).toEqual(corridor.slice(1));
    expect(borderCrossing(corridor, mali)?.point).toEqual(start);
    // Moving Dakar moves the start: it is computed, not typed.
    const moved = buildOverlays({ ...story.places, dakar: { ...story.places.dakar, lat: story.places.dakar.lat + 1 } }, countries);
    expect(moved.routes.features.find((f) => f.properties.layer === 'escort-route')!.geometry.coordinates[0]).not.toEqual(start);
  });

  it('draw the escort route to Bamako along the corridor', () => {
    const escort = route('escort-route');
    expect(escort?.properties.places.at(-1)).toBe('bamako');
    // Every town of the escort route is on the corridor, in the same order.
    const corridor = ROUTES.corridor as readonly string[];
    const positions = escort!.properties.places.map((id) => corridor.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("draw Niger's convoy from Niamey to Bamako", () => {
    expect(route('niger-convoy-route')?.properties.places).toEqual(['niamey', 'bamako']);
  });

  it('are marked schematic, every one, and each names its sources', () => {
    expect(overlays.routes.features).toHaveLength(3);
    for (const f of overlays.routes.features) {
      expect(f.properties.schematic).toBe(true);
      expect(ROUTE_SOURCES[f.properties.layer].length).toBeGreaterThan(0);
    }
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

  it('draw the airstrikes and the Bougouni attack as approximate areas ("in or near"), never as points', () => {
    const areas = (layer: string) => overlays.areas.features.filter((a) => a.properties.layer === layer).map((a) => a.properties.place);
    expect(areas('airstrikes').sort()).toEqual(['kayes', 'kidal', 'nioro-du-sahel', 'segou']);
    expect(areas('bougouni-attack')).toEqual(['bougouni']);
    const points = overlays.points.features.map((p) => p.properties.layer);
    expect(points).not.toContain('airstrikes');
    expect(points).not.toContain('bougouni-attack');
  });

  it('are never drawn smaller than MIN_AREA_RADIUS_PX on screen, and keep their radius when larger', () => {
    for (const [view, size] of [
      ['mali', { width: 375, height: 300 }],
      ['kayes', { width: 1280, height: 800 }],
    ] as const) {
      const { camera } = fitView(story.views[view].bounds, size, 'column');
      for (const area of areasForCamera(story.places, camera).features) {
        const centre = coords(area.properties.place) as [number, number];
        const edge = area.geometry.coordinates[0][0] as [number, number];
        const [x0, y0] = project(camera, size, centre);
        const [x1, y1] = project(camera, size, edge);
        expect(Math.hypot(x1 - x0, y1 - y0), `${view} ${area.properties.id}`).toBeGreaterThanOrEqual(MIN_AREA_RADIUS_PX - 0.5);
        const nominal = overlays.areas.features.find((a) => a.properties.id === area.properties.id)!.properties.radiusKm;
        expect(area.properties.radiusKm).toBeGreaterThanOrEqual(nominal);
      }
    }
  });

  it('mark the northern towns that fell in 2012', () => {
    const of = (layer: string) => overlays.points.features.filter((p) => p.properties.layer === layer).map((p) => p.properties.place);
    expect(of('northern-towns-fall').sort()).toEqual(['gao', 'kidal', 'timbuktu']);
  });
});

describe('missing places', () => {
  it('throw an error naming the overlay and the place', () => {
    const { dakar: _dakar, ...withoutDakar } = story.places;
    expect(() => buildOverlays(withoutDakar, countries)).toThrow('map overlay "corridor" needs place "dakar", which is not in content/places/');
    const { kidal: _kidal, ...withoutKidal } = story.places;
    expect(() => buildOverlays(withoutKidal, countries)).toThrow(/"airstrikes" needs place "kidal"/);
    expect(() => buildOverlays(story.places, countries.filter((c) => c.properties.iso !== 'ML'))).toThrow(/border of ML/);
    expect(() => placeOrThrow({}, 'mousafa', 'airstrikes')).toThrow(/mousafa/);
  });
});
