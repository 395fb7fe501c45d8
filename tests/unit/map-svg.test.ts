/**
 * The SVG renderer (src/map/svg-map.ts): valid SVG with a text alternative,
 * one group per visible layer, the highlighted places' labels, for every map
 * scene of the story, as the static figures (regular, narrow: with their key,
 * caption, locator and scale bar) and as the in-page fallback on desktop and
 * phone; all text in the sans stack at 12–14 px; the lead graphic compact.
 */
import { describe, expect, it } from 'vitest';
import { drawMapSvg, renderMapSvg } from '../../src/map/svg-map';
import { labelLines } from '../../src/map/labels';
import { visibleLayers } from '../../src/map/scene-layers';
import { LEAD_STATIC_SIZE, NARROW_KEY_FONT, NARROW_LOCATOR_SIZE, NARROW_STATIC_SIZE, STATIC_SIZE } from '../../src/map/static-size';
import { TYPE } from '../../src/design/tokens';
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
      ['static', { ...STATIC_SIZE, chrome: 'figure' as const }],
      ['narrow', { ...NARROW_STATIC_SIZE, chrome: 'figure' as const, keyFontSize: NARROW_KEY_FONT, locatorSize: NARROW_LOCATOR_SIZE }],
      ['desktop', { width: 820, height: 830, layout: 'column' as const }],
      ['phone', { width: 375, height: 330, layout: 'stacked' as const }],
    ] as const) {
      it(`draws ${scene.id} (${name})`, () => {
        const svg = renderMapSvg(scene, story, geo, { ...options, idPrefix: 't' });
        expect(wellFormed(svg)).toBeUndefined();
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        // Text alternative.
        expect(svg).toContain(`<title id="t-title">Map: ${scene.title.replace(/&/g, '&amp;')}</title>`);
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
        // Figures carry their key, caption (every credit), locator and scale bar; the in-page map leaves them to the page.
        const figure = 'chrome' in options;
        expect(svg.includes('class="legend"'), 'key').toBe(figure);
        const words = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        expect(words.includes('Natural Earth') && words.includes('GeoNames'), 'credits').toBe(figure);
        expect(svg.includes('class="map-locator"') && svg.includes('class="map-scale"'), 'guides').toBe(figure);
        // Every text in the sans stack, at 12–14 px.
        expect(svg).toContain(`font-family="${TYPE.sans.replace(/"/g, '&quot;')}"`);
        for (const [, px] of svg.matchAll(/font-size="([\d.]+)"/g)) {
          expect(Number(px)).toBeGreaterThanOrEqual(12);
          expect(Number(px)).toBeLessThanOrEqual(14);
        }
      });
    }
  }

  it('frames the view with the same camera maths as the WebGL map', () => {
    const scene = scenes.find((s) => s.view === 'corridor') ?? scenes[0];
    const { camera } = drawMapSvg(scene, story, geo, { width: 900, height: 700 });
    const expected = fitView(story.views[scene.view].bounds, { width: 900, height: 700 }, 'column').camera;
    expect(camera.zoom).toBeCloseTo(expected.zoom, 9);
    expect(camera.center[0]).toBeCloseTo(expected.center[0], 9);
    expect(camera.center[1]).toBeCloseTo(expected.center[1], 9);
  });

  it('says "schematic route" in the SVG legend when a route is drawn', () => {
    const withRoute = scenes.find((s) => s.layers.includes('corridor'));
    expect(withRoute).toBeDefined();
    // Text wraps into tspans: read the words, not the markup.
    const words = renderMapSvg(withRoute!, story, geo, { ...STATIC_SIZE, chrome: 'figure' }).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('schematic route');
  });

  it('puts a figure’s key below the map, making the SVG taller than the map', () => {
    const svg = renderMapSvg(scenes[0], story, geo, { ...STATIC_SIZE, chrome: 'figure' });
    const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    expect(Number(viewBox?.[1])).toBe(STATIC_SIZE.width);
    expect(Number(viewBox?.[2])).toBeGreaterThan(STATIC_SIZE.height);
  });

  it('sets the narrow figure’s key in 13 px, so at 95 % of its size (a 360 px phone) it still reads at 12 px', () => {
    const svg = renderMapSvg(scenes[0], story, geo, { ...NARROW_STATIC_SIZE, chrome: 'figure', keyFontSize: NARROW_KEY_FONT });
    expect(svg).toContain('<g class="legend" font-size="13">');
    expect(NARROW_KEY_FONT * 0.95).toBeGreaterThanOrEqual(12);
  });

  it('draws the lead graphic as a compact masthead figure: about 560 × 420 px and under 45 KB, every label shown', () => {
    const lead = story.scenes['map-lead'];
    expect(lead?.graphic).toBe('map');
    const result = drawMapSvg(lead as never, story, geo, { ...LEAD_STATIC_SIZE, chrome: 'figure' });
    expect(LEAD_STATIC_SIZE.width).toBe(560);
    expect(result.height).toBeGreaterThan(380);
    expect(result.height).toBeLessThanOrEqual(440);
    expect(Buffer.byteLength(result.svg)).toBeLessThan(45_000);
    const hidden = result.labels.filter((l) => !l.anchor && l.kind !== 'river' && l.kind !== 'country').map((l) => l.id);
    expect(hidden).toEqual([]);
    for (const id of ['region:kayes', 'country:SN', 'country:ML', 'note:attack-area', 'note:blockade-areas']) {
      expect(result.labels.find((l) => l.id === id)?.anchor, id).toBeDefined();
    }
  });

  it('throws on a scene whose view is missing', () => {
    expect(() => renderMapSvg({ ...scenes[0], view: 'atlantis' }, story, geo, STATIC_SIZE)).toThrow(/atlantis/);
  });
});
