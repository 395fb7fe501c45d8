/**
 * Legends (src/map/legend.ts): every visible layer is explained, "schematic
 * route" appears if and only if a route layer is visible, approximate areas
 * say so, regions say they predate the 2023 reform, and the source line names
 * Natural Earth, GeoNames and the scene's outlets.
 */
import { describe, expect, it } from 'vitest';
import { LAYER_IDS, SCHEMATIC_LAYERS, type LayerId } from '../../src/map/layer-ids';
import { legendFor } from '../../src/map/legend';
import { visibleLayers } from '../../src/map/scene-layers';
import type { MapSceneData } from '../../src/story/types';
import { loadFixtureStory, mapScenes } from './map-fixtures';

const story = loadFixtureStory();
const scene = (layers: LayerId[], highlight: string[] = []): MapSceneData => ({
  id: 'test',
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

  it('explains every visible layer', () => {
    for (const s of [scene([...LAYER_IDS]), ...mapScenes(story)]) {
      const items = legendFor(s, story).items;
      for (const layer of visibleLayers(s)) expect(items.some((i) => i.layer === layer), `${s.id}: ${layer}`).toBe(true);
    }
  });

  it('labels approximate areas approximate', () => {
    for (const layer of ['attack-area', 'blockade-areas', 'bamako-outskirts'] as LayerId[]) {
      expect(text([layer])).toMatch(/approximate/);
    }
  });

  it('credits the region borders to Natural Earth, claiming no reform date', () => {
    expect(text(['mali-regions'])).toMatch(/Natural Earth/);
    expect(text(['mali-regions'])).not.toMatch(/2023/);
  });

  it('dates the Bougouni attack from the events collection', () => {
    expect(text(['bougouni-attack'])).toMatch(/6 December 2025/);
  });

  it('explains the place markers that are shown', () => {
    const keys = (highlight: string[]) => legendFor(scene([], highlight), story).items.map((i) => i.key);
    expect(keys(['bamako'])).toContain('places:capital');
    expect(keys(['bamako'])).not.toContain('places:town');
    expect(keys(['kayes'])).toContain('places:town');
    expect(keys([])).not.toContain('places:town');
  });

  it('ends with a source line naming the map data and the outlets, once each', () => {
    const line = legendFor(scene(['corridor']), story).sourceLine;
    expect(line).toMatch(/Natural Earth/);
    expect(line).toMatch(/GeoNames/);
    expect(line).toMatch(/Associated Press/);
    expect(line.match(/Natural Earth/g)).toHaveLength(1);
  });

  it('throws on an unknown highlighted place or source', () => {
    expect(() => legendFor(scene([], ['mousafa']), story)).toThrow(/mousafa/);
    expect(() => legendFor({ ...scene([]), sources: ['nobody'] }, story)).toThrow(/nobody/);
  });
});
