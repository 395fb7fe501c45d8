/**
 * Map labels (src/map/labels.ts) for every map scene, placed as the page
 * places them at 375 × 667 and 768 × 1024 (stacked pane) and 1280 × 800
 * (column), with the page's chrome (key, explore button, caption, locator,
 * scale bar) as reserved boxes: no two labels overlap, none is cut at the
 * edge or hidden under the chrome, every highlighted place, every dated note
 * and the Kayes region's name show; names come from the data; the corridor
 * views leave 80 px between Dakar or Bamako and the map's edge. The browser
 * checks the same on the real DOM (tests/e2e/map-design.spec.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MapSceneData } from '../../src/story/types';
import { fitView, project, type Size } from '../../src/map/camera';
import { areasForCamera, buildOverlays } from '../../src/map/overlays';
import { boxesOverlap, labelCandidates, noteLines, placeLabels, routeLines, segmentHitsBox, type PlacedLabel } from '../../src/map/labels';
import { LOCATOR_SIZE, SCALE_HEIGHT } from '../../src/map/inset';
import { legendFor } from '../../src/map/legend';
import { t } from '../../src/i18n/ui';
import { loadFixtureGeo, loadFixtureStory, mapScenes } from './map-fixtures';

const story = loadFixtureStory();
const geo = loadFixtureGeo();
const overlays = buildOverlays(story.places, geo.countries.features);
type Box = [number, number, number, number];

/** The map panel and its chrome at a screen size, as global.css and map.css lay them out. */
interface Screen {
  name: string;
  layout: 'stacked' | 'column';
  size: Size;
  /** Chrome boxes for a scene (the column key grows with its items). */
  chrome: (scene: MapSceneData) => { reserved: Box[]; legend: { width: number; height: number }; footH: number };
}

const FOOT_H = 46;
const stacked = (width: number, height: number): Screen => {
  const size = { width, height: Math.round(height * 0.58) };
  return {
    name: `${width}×${height}`,
    layout: 'stacked',
    size,
    chrome: () => {
      const explore: Box = [width - 8 - 122, 8, width - 8, 44];
      const key: Box = [8, 8, explore[0] - 8, 52];
      const foot: Box = [0, size.height - FOOT_H, width, size.height];
      const locator: Box = [width - 8 - LOCATOR_SIZE.width, foot[1] - 8 - LOCATOR_SIZE.height, width - 8, foot[1] - 8];
      const scale: Box = [8, foot[1] - 8 - SCALE_HEIGHT, 8 + 112, foot[1] - 8];
      return { reserved: [explore, key, foot, locator, scale], legend: { width, height: key[3] }, footH: FOOT_H };
    },
  };
};
const column: Screen = {
  name: '1280×800',
  layout: 'column',
  size: { width: 652, height: 748 },
  chrome: (scene) => {
    const { width, height } = column.size;
    const rows = legendFor(scene, story).items.filter((i, n, all) => !(i.inline && all[n - 1]?.inline)).length;
    const legendH = rows * 21 + 14;
    const foot: Box = [0, height - 36, width, height];
    const legend: Box = [8, foot[1] - 8 - legendH, 8 + 296, foot[1] - 8];
    const explore: Box = [width - 8 - 122, 8, width - 8, 44];
    const locator: Box = [8, 8, 8 + LOCATOR_SIZE.width, 8 + LOCATOR_SIZE.height];
    const scale: Box = [width - 8 - 112, foot[1] - 8 - SCALE_HEIGHT, width - 8, foot[1] - 8];
    return { reserved: [foot, legend, explore, locator, scale], legend: { width: 296 + 10, height: legendH + 8 }, footH: 36 };
  },
};
const SCREENS: Screen[] = [stacked(375, 667), stacked(768, 1024), column];

function place(scene: MapSceneData, screen: Screen) {
  const { reserved, legend, footH } = screen.chrome(scene);
  const { camera } = fitView(story.views[scene.view].bounds, screen.size, screen.layout, legend, { top: 0, bottom: footH });
  const drawn = { ...overlays, areas: areasForCamera(story.places, camera) };
  const toPx = (p: [number, number]) => project(camera, screen.size, p);
  const labels = placeLabels(labelCandidates(scene, story, geo, drawn), toPx, screen.size, { reserved, lines: routeLines(scene, drawn) });
  return { labels, reserved, camera, toPx, footH };
}

const shown = (labels: PlacedLabel[]) => labels.filter((l) => l.anchor);

describe('labels on every map scene', () => {
  for (const screen of SCREENS) {
    // The lead graphic is a static figure, used by no step (tests/unit/map-svg.test.ts checks it).
    for (const scene of mapScenes(story).filter((s) => s.id !== 'map-lead')) {
      it(`${scene.id} at ${screen.name}: no overlap, nothing cut or under the chrome; places, notes and the region shown`, () => {
        const { labels, reserved } = place(scene, screen);
        if (process.env.SHOW_LABELS === scene.id) for (const l of labels) console.log(screen.name, l.id, l.anchor ?? 'HIDDEN', l.box.map(Math.round).join(','));
        const boxes = shown(labels);
        for (let i = 0; i < boxes.length; i++) {
          const a = boxes[i];
          expect(a.box[0], a.id).toBeGreaterThanOrEqual(0);
          expect(a.box[1], a.id).toBeGreaterThanOrEqual(0);
          expect(a.box[2], a.id).toBeLessThanOrEqual(screen.size.width);
          expect(a.box[3], a.id).toBeLessThanOrEqual(screen.size.height);
          for (const r of reserved) expect(boxesOverlap(a.box, r), `${a.id} under the chrome`).toBe(false);
          for (let j = i + 1; j < boxes.length; j++) {
            expect(boxesOverlap(a.box, boxes[j].box), `${a.id} / ${boxes[j].id}`).toBe(false);
          }
        }
        const hidden = labels.filter((l) => !l.anchor && (l.kind === 'place' || l.kind === 'annotation' || l.kind === 'region'));
        expect(hidden.map((l) => l.id)).toEqual([]);
        // Place names stay off the routes.
        const { toPx } = place(scene, screen);
        const lines = routeLines(scene, overlays).map((line) => line.map(toPx));
        for (const l of boxes.filter((b) => b.kind === 'place')) {
          const crossed = lines.some((line) => line.slice(1).some((b, i) => segmentHitsBox(line[i], b, l.box)));
          expect.soft(crossed, `${l.id} on a route`).toBe(false);
        }
      });
    }
  }
});

describe('names on the map come from the data', () => {
  const scene = mapScenes(story).find((s) => s.id === 'map-convoy-origins')!;
  it('labels every country in the view with its geodata name, and the rivers through a localized template', () => {
    const ids = labelCandidates(scene, story, geo, overlays);
    for (const iso of ['SN', 'MR', 'ML', 'GN', 'CI', 'BF', 'NE', 'DZ', 'GH', 'GW', 'GM', 'NG']) {
      const c = ids.find((x) => x.id === `country:${iso}`);
      const name = geo.countries.features.find((f) => f.properties.iso === iso)!.properties.name;
      expect(c?.lineSets[0].join(' '), iso).toBe(name.toLocaleUpperCase('en'));
    }
    const niger = ids.find((x) => x.id === 'river:niger');
    expect(niger?.lineSets[0][0]).toBe(t('en', 'map.river', { name: 'Niger' }));
    // Rename a country in the data: the label follows.
    const renamed = {
      ...geo,
      countries: {
        ...geo.countries,
        features: geo.countries.features.map((f) => (f.properties.iso === 'SN' ? { ...f, properties: { ...f.properties, name: 'Sénégal' } } : f)),
      },
    };
    expect(labelCandidates(scene, story, renamed, overlays).find((x) => x.id === 'country:SN')?.lineSets[0][0]).toBe('SÉNÉGAL');
  });

  it('dates event notes from the events collection and counts from the figures', () => {
    expect(noteLines('northern-towns-fall', story).join(' ')).toMatch(/30 Mar\s–\s1 Apr 2012/);
    expect(noteLines('bougouni-attack', story).join(' ')).toMatch(/^6 Dec 2025: at least 15 tankers burned in or near Bougouni$/);
    const moved = { ...story, events: story.events.map((e) => (e.id === 'bougouni-attack' ? { ...e, date: '2025-12-05' } : e)) };
    expect(noteLines('bougouni-attack', moved)[0]).toMatch(/^5 Dec 2025/);
    expect(() => noteLines('bougouni-attack', { ...story, events: [] })).toThrow(/bougouni-attack/);
  });
});

/** Every step in the chapters: its id, scene and text. */
/** The steps of the English chapters (content/chapters/en/; French declares the same steps). */
function stepsInChapters(): { id: string; scene: string; text: string }[] {
  const dir = join(process.cwd(), 'content', 'chapters', 'en');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/<Step\s+id="([^"]+)"\s+scene="([^"]+)"\s*>([\s\S]*?)<\/Step>/g)].map(([, id, scene, text]) => ({
        id,
        scene,
        text,
      })),
    );
}

describe('the step’s subject is the hero', () => {
  const kayesSteps = stepsInChapters().filter((s) => story.scenes[s.scene]?.graphic === 'map' && /Kayes/.test(s.text));

  it('finds the map steps about Kayes', () => {
    expect(kayesSteps.length).toBeGreaterThanOrEqual(5);
  });

  it('shades the Kayes region on every map step whose text mentions Kayes, and labels it at every size', () => {
    for (const step of kayesSteps) {
      const scene = story.scenes[step.scene] as MapSceneData;
      expect(scene.layers, step.id).toContain('kayes-region');
      for (const screen of SCREENS) {
        const region = place(scene, screen).labels.find((l) => l.id === 'region:kayes');
        expect(region?.anchor, `${step.id} at ${screen.name}`).toBeDefined();
        expect(region?.lines.join(' ')).toBe(t('en', 'map.region.kayes').toLocaleUpperCase('en'));
      }
    }
  });

  it('leaves 80 px between Dakar or Bamako and the map’s edge on every view that shows the corridor', () => {
    for (const scene of mapScenes(story).filter((s) => s.layers.includes('corridor') && s.id !== 'map-lead')) {
      const [[w, s], [e, n]] = story.views[scene.view].bounds;
      for (const screen of SCREENS) {
        const { toPx, footH } = place(scene, screen);
        const top = screen.layout === 'stacked' ? 52 : 0;
        for (const id of ['dakar', 'bamako']) {
          const p = story.places[id];
          if (p.lon < w || p.lon > e || p.lat < s || p.lat > n) continue;
          const [x, y] = toPx([p.lon, p.lat]);
          const room = Math.min(x, screen.size.width - x, y - top, screen.size.height - footH - y);
          if (process.env.SHOW_ROOM) console.log(scene.id, id, screen.name, Math.round(room), Math.round(x), Math.round(y));
          expect.soft(room, `${scene.id} ${id} at ${screen.name}`).toBeGreaterThanOrEqual(80);
        }
      }
    }
  });
});
