/**
 * The MapLibre style (src/map/style.ts, layers.ts): local GeoJSON only, a
 * style layer for every story layer, one fade for every layer type (opacity
 * with a transition, instant when asked: reduced motion), and points the
 * same size as in the SVG and HTML renderers.
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { LAYER_IDS, type LayerId } from '../../src/map/layer-ids';
import { fadeLayers, OPACITY_PROPERTIES, styleLayers, type StoryLayerMetadata } from '../../src/map/layers';
import { buildStyle } from '../../src/map/style';
import { buildOverlays } from '../../src/map/overlays';
import { pointDiameter } from '../../src/map/symbols';
import { loadFixtureGeo, loadFixtureStory } from './map-fixtures';

const story = loadFixtureStory();
const geo = loadFixtureGeo();
const overlays = buildOverlays(story.places, geo.countries.features);
const layers = styleLayers();
const storyLayer = (l: LayerSpecification) => (l.metadata as StoryLayerMetadata)['story:layer'];

describe('style', () => {
  const style = buildStyle(geo, overlays);

  it('is made of local GeoJSON only: no glyphs, sprite, tiles or URL', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
    const json = JSON.stringify(style);
    expect(json).not.toMatch(/https?:|\/\/|mapbox:|tiles/);
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('has style layers for every story layer, with unique ids', () => {
    for (const id of LAYER_IDS) expect(layers.some((l) => storyLayer(l) === id), id).toBe(true);
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
  });

  it('starts every layer but the base countries transparent', () => {
    for (const layer of layers) {
      const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
      for (const property of OPACITY_PROPERTIES[layer.type]) {
        if (storyLayer(layer) === 'countries') expect(paint[property], layer.id).toBe(1);
        else expect(paint[property], layer.id).toBe(0);
      }
    }
  });
});

describe('fadeLayers', () => {
  const record = () => {
    const calls: [string, string, unknown][] = [];
    return { calls, map: { setPaintProperty: (id: string, name: string, value: unknown) => calls.push([id, name, value]) } };
  };

  it('fades by opacity with a transition, for every layer type', () => {
    const { calls, map } = record();
    const visible = new Set<LayerId>(['countries', 'corridor', 'airstrikes', 'attack-area']);
    const shown = fadeLayers(map, layers, visible, 450);
    for (const layer of layers) {
      const on = visible.has(storyLayer(layer));
      expect(shown.includes(layer.id)).toBe(on);
      for (const property of OPACITY_PROPERTIES[layer.type]) {
        expect(calls).toContainEqual([layer.id, `${property}-transition`, { duration: 450, delay: 0 }]);
        const value = calls.find(([id, name]) => id === layer.id && name === property)?.[2];
        if (on) expect(value).toBe((layer.metadata as StoryLayerMetadata)['story:opacity'][property]);
        else expect(value).toBe(0);
      }
    }
    // Never pops: no layer is added, removed or toggled through `visibility`.
    expect(calls.some(([, name]) => name === 'visibility')).toBe(false);
  });

  it('switches at once when the duration is 0 (reduced motion)', () => {
    const { calls, map } = record();
    fadeLayers(map, layers, new Set<LayerId>(['countries']), 0);
    const transitions = calls.filter(([, name]) => name.endsWith('-transition'));
    expect(transitions.length).toBeGreaterThan(0);
    for (const [, , value] of transitions) expect(value).toEqual({ duration: 0, delay: 0 });
  });

  it('fades any layer type by its opacity property', () => {
    const { calls, map } = record();
    const custom = [
      { id: 'a', type: 'fill-extrusion', source: 's', metadata: { 'story:layer': 'rivers', 'story:opacity': {} } },
      { id: 'b', type: 'heatmap', source: 's', metadata: { 'story:layer': 'rivers', 'story:opacity': { 'heatmap-opacity': 0.5 } } },
    ] as unknown as LayerSpecification[];
    fadeLayers(map, custom, new Set<LayerId>(['rivers']), 300);
    expect(calls).toContainEqual(['a', 'fill-extrusion-opacity', 1]);
    expect(calls).toContainEqual(['b', 'heatmap-opacity', 0.5]);
  });
});

describe('point symbols', () => {
  it('have the same outer diameter in MapLibre (stroke outside the radius) as in SVG and HTML (stroke on the edge)', () => {
    for (const layer of layers.filter((l) => l.type === 'circle')) {
      const paint = (layer as unknown as { paint: Record<string, number> }).paint;
      const outer = 2 * (paint['circle-radius'] + paint['circle-stroke-width']);
      expect(outer, layer.id).toBe(pointDiameter('townFell'));
    }
  });
});
