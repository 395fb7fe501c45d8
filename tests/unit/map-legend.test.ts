/**
 * Keys (src/map/legend.ts): every visible layer the scene adds is explained
 * (the base map is labelled, not keyed), "schematic route" appears if and
 * only if a route layer is visible, approximate areas say so, dates come from
 * the events, and every credit (the scene's outlets, the routes' own sources,
 * Natural Earth, GeoNames) is in the caption, not in the key.
 */
import { describe, expect, it } from 'vitest';
import { LAYER_IDS, SCHEMATIC_LAYERS, type LayerId } from '../../src/map/layer-ids';
import { legendFor, swatchShapes, swatchSize } from '../../src/map/legend';
import { BASE_LAYERS, visibleLayers } from '../../src/map/scene-layers';
import { ROUTE_SOURCES } from '../../src/map/overlays';
import { pointDiameter, SYMBOLS } from '../../src/map/symbols';
import type { MapSceneData } from '../../src/story/types';
import { loadFixtureStory, mapScenes } from './map-fixtures';

const story = loadFixtureStory();
const scene = (layers: LayerId[], highlight: string[] = []): MapSceneData => ({
  id: 'test',
  title: 'Test scene',
  graphic: 'map',
  view: 'kayes',
  layers,
  highlight,
  description: 'A test scene.',
  sources: ['ap-2025-09', 'natural-earth', 'geonames'],
});
const text = (layers: LayerId[]) => legendFor(scene(layers), story).items.map((i) => i.label).join(' | ');

describe('legend', () => {
  it('says "schematic route" if and only if a route layer is visible (every single layer)', () => {
    for (const layer of LAYER_IDS) {
      expect(text([layer]).includes('schematic route'), layer).toBe(SCHEMATIC_LAYERS.includes(layer));
    }
  });

  it('says "schematic route" in every scene of the story that shows a route, and only there', () => {
    for (const s of mapScenes(story)) {
      const hasRoute = s.layers.some((l) => SCHEMATIC_LAYERS.includes(l));
      const legend = legendFor(s, story).items.map((i) => i.label).join(' ');
      expect(legend.includes('schematic route'), s.id).toBe(hasRoute);
    }
  });

  it('explains every visible layer the scene adds, and has no swatch for the base map', () => {
    for (const s of [scene([...LAYER_IDS]), ...mapScenes(story)]) {
      const items = legendFor(s, story).items;
      for (const layer of visibleLayers(s)) {
        expect(items.some((i) => i.layer === layer), `${s.id}: ${layer}`).toBe(!BASE_LAYERS.includes(layer));
      }
      expect(items.map((i) => i.label)).not.toContain('Mali');
      expect(items.map((i) => i.label)).not.toContain('Other countries');
    }
  });

  it('keeps credits out of the key', () => {
    for (const s of [scene([...LAYER_IDS], ['bamako', 'kayes']), ...mapScenes(story)]) {
      const text = legendFor(s, story).items.map((i) => i.label).join(' ');
      expect(text, s.id).not.toMatch(/Natural Earth|GeoNames|Sources?:/);
    }
  });

  it('labels approximate areas approximate', () => {
    for (const layer of ['attack-area', 'blockade-areas', 'bamako-outskirts', 'airstrikes', 'bougouni-attack'] as LayerId[]) {
      expect(text([layer])).toMatch(/approximate/);
    }
  });

  it('keys the region borders claiming no reform date, and credits them to Natural Earth in the caption', () => {
    expect(text(['mali-regions'])).toMatch(/regions/);
    expect(text(['mali-regions'])).not.toMatch(/2023/);
    expect(legendFor(scene(['mali-regions']), story).caption).toMatch(/Natural Earth/);
  });

  it('dates the Bougouni attack and the fall of the northern towns from the events collection', () => {
    const date = (id: string) => story.events.find((e) => e.id === id)!;
    expect(date('bougouni-attack').date).toBe('2025-12-06');
    expect(text(['bougouni-attack'])).toMatch(/6 December 2025/);
    expect(text(['northern-towns-fall'])).toMatch(/30 March\s–\s1 April 2012/);
    const moved = { ...story, events: story.events.map((e) => (e.id === 'bougouni-attack' ? { ...e, date: '2025-12-08' } : e)) };
    expect(legendFor(scene(['bougouni-attack']), moved).items.map((i) => i.label).join(' ')).toMatch(/8 December 2025/);
  });

  it('explains the place markers that are shown', () => {
    const keys = (highlight: string[]) => legendFor(scene([], highlight), story).items.map((i) => i.key);
    expect(keys(['bamako'])).toContain('places:capital');
    expect(keys(['bamako'])).not.toContain('places:town');
    expect(keys(['kayes'])).toContain('places:town');
    expect(keys([])).not.toContain('places:town');
  });

  it('has a caption naming the map data, the outlets and the routes’ own sources, once each', () => {
    const line = legendFor(scene(['corridor']), story).caption;
    expect(line).toMatch(/Natural Earth/);
    expect(line).toMatch(/GeoNames/);
    expect(line).toMatch(/Associated Press/);
    expect(line.match(/Natural Earth/g)).toHaveLength(1);
    for (const id of ROUTE_SOURCES.corridor) expect(line).toContain(story.sources[id].outlet);
    expect(legendFor(scene([]), story).caption).not.toMatch(/Routes/);
  });

  it('draws each swatch from its map symbol, at the symbol’s own widths, dashes and radii', () => {
    for (const [name, s] of Object.entries(SYMBOLS) as [keyof typeof SYMBOLS, (typeof SYMBOLS)[keyof typeof SYMBOLS]][]) {
      const size = swatchSize(name);
      const shapes = swatchShapes(name, 0, 0, size);
      expect(shapes, name).toContain(`stroke="${s.stroke}"`);
      if (s.kind === 'point') {
        expect(shapes).toContain(`r="${s.radius}"`);
        expect(size).toBeGreaterThanOrEqual(pointDiameter(name as never));
      }
      if (s.kind === 'area') expect(shapes).toContain(`fill="${s.fill}"`);
      if (s.kind !== 'line') expect(shapes).toContain(`stroke-width="${s.strokeWidth}"`);
      if ('dash' in s && s.dash) expect(shapes).toContain('stroke-dasharray');
    }
  });

  it('throws on an unknown highlighted place or source', () => {
    expect(() => legendFor(scene([], ['mousafa']), story)).toThrow(/mousafa/);
    expect(() => legendFor({ ...scene([]), sources: ['nobody'] }, story)).toThrow(/nobody/);
  });
});
