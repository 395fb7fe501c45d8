/**
 * The SVG renderer (src/map/svg-map.ts): valid SVG with a text alternative,
 * one group per visible layer, the highlighted places' labels and the
 * legend, for every map scene of the story, at the static size and on a phone.
 */
import { describe, expect, it } from 'vitest';
import { drawMapSvg, renderMapSvg } from '../../src/map/svg-map';
import { labelLines } from '../../src/map/labels';
import { visibleLayers } from '../../src/map/scene-layers';
import { STATIC_SIZE } from '../../src/map/static-size';
import { fitView } from '../../src/map/camera';
import { loadFixtureGeo, loadFixtureStory, mapScenes } from './map-fixtures';

/**
 * Checks that `xml` is well-formed: every tag matches its closing tag,
 * attributes are quoted, `&` only starts an entity and there is one root.
 * Returns an error message, or undefined.
 */
function wellFormed(xml: string): string | undefined {
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) return `bad entity near ${i}`;
    if (text.trim() && stack.length === 0) return `text outside the root near ${i}`;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) return `malformed tag near ${lt}: ${xml.slice(lt, lt + 60)}`;
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[3])) return `bad entity in attributes near ${lt}`;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) return `unexpected </${name}> near ${lt}`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
    i = tag.lastIndex;
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  if (roots !== 1) return `${roots} root elements`;
  return undefined;
}

const story = loadFixtureStory();
const geo = loadFixtureGeo();
const scenes = mapScenes(story);

describe('renderMapSvg', () => {
  it('has map scenes to render', () => {
    expect(scenes.length).toBeGreaterThan(0);
  });

  it('is checked by a well-formedness test that catches errors', () => {
    expect(wellFormed('<svg><g></svg>')).toMatch(/unexpected/);
    expect(wellFormed('<svg a=b></svg>')).toMatch(/malformed/);
    expect(wellFormed('<svg>&</svg>')).toMatch(/entity/);
    expect(wellFormed('<svg><g data-x="1"/><text>a &amp; b</text></svg>')).toBeUndefined();
  });

  for (const scene of scenes) {
    for (const [name, options] of [
      ['static', { ...STATIC_SIZE, layout: 'column' as const, legendPlacement: 'below' as const }],
      ['desktop', { width: 820, height: 830, layout: 'column' as const }],
      ['phone', { width: 375, height: 700, layout: 'stacked' as const }],
    ] as const) {
      it(`draws ${scene.id} (${name})`, () => {
        const svg = renderMapSvg(scene, story, geo, { ...options, idPrefix: 't' });
        expect(wellFormed(svg)).toBeUndefined();
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        // Text alternative.
        expect(svg).toContain(`<title id="t-title">Map: ${story.views[scene.view].title.replace(/&/g, '&amp;')}</title>`);
        expect(svg).toMatch(/<desc id="t-desc">[^<]+<\/desc>/);
        expect(svg).toContain('role="img"');
        expect(svg).toContain('aria-labelledby="t-title t-desc"');
        // One group per visible layer, none for hidden ones.
        for (const layer of visibleLayers(scene)) expect(svg, layer).toContain(`<g data-layer="${layer}">`);
        for (const layer of ['corridor', 'airstrikes', 'alliances', 'rivers'] as const) {
          if (!visibleLayers(scene).includes(layer)) expect(svg).not.toContain(`<g data-layer="${layer}">`);
        }
        // Highlighted places: a dot each, and their names in the labels.
        for (const id of scene.highlight) expect(svg).toContain(`data-place="${id}"`);
        const [[w, south], [e, n]] = story.views[scene.view].bounds;
        const inView = scene.highlight.filter((id) => {
          const p = story.places[id];
          return p.lon >= w && p.lon <= e && p.lat >= south && p.lat <= n;
        });
        const shown = scene.highlight.filter((id) => svg.includes(`data-label="place:${id}"`));
        expect(shown.length).toBeGreaterThanOrEqual(Math.ceil(inView.length / 2));
        for (const id of shown) expect(svg).toContain(labelLines(story.places[id].name)[0].replace(/&/g, '&amp;'));
        // Legend with its source line.
        expect(svg).toContain('class="legend"');
        expect(svg).toContain('Natural Earth');
        expect(svg).toContain('GeoNames');
      });
    }
  }

  it('frames the view with the same camera maths as the WebGL map', () => {
    const scene = scenes.find((s) => s.view === 'corridor') ?? scenes[0];
    const { camera } = drawMapSvg(scene, story, geo, { width: 900, height: 700, legend: false });
    const expected = fitView(story.views[scene.view].bounds, { width: 900, height: 700 }, 'column').camera;
    expect(camera.zoom).toBeCloseTo(expected.zoom, 9);
    expect(camera.center[0]).toBeCloseTo(expected.center[0], 9);
    expect(camera.center[1]).toBeCloseTo(expected.center[1], 9);
  });

  it('says "schematic route" in the SVG legend when a route is drawn', () => {
    const withRoute = scenes.find((s) => s.layers.includes('corridor'));
    expect(withRoute).toBeDefined();
    // Text wraps into tspans: read the words, not the markup.
    const words = renderMapSvg(withRoute!, story, geo, STATIC_SIZE).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('schematic route');
  });

  it('puts the static legend below the map, making the SVG taller than the map', () => {
    const svg = renderMapSvg(scenes[0], story, geo, { ...STATIC_SIZE, legendPlacement: 'below' });
    const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    expect(Number(viewBox?.[1])).toBe(STATIC_SIZE.width);
    expect(Number(viewBox?.[2])).toBeGreaterThan(STATIC_SIZE.height);
  });

  it('throws on a scene whose view is missing', () => {
    expect(() => renderMapSvg({ ...scenes[0], view: 'atlantis' }, story, geo, STATIC_SIZE)).toThrow(/atlantis/);
  });
});
