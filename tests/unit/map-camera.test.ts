/**
 * Camera maths (src/map/camera.ts): a view's bounds fit inside the visible
 * part of the graphic at 375 px (phone, text cards over the lower part) and
 * at 1440 px (desktop column), and flights take longer the further they go.
 */
import { describe, expect, it } from 'vitest';
import {
  cameraForBounds,
  fitView,
  flightDuration,
  FLIGHT_MAX_MS,
  FLIGHT_MIN_MS,
  layoutFor,
  paddingsFor,
  project,
  visibleBounds,
  type Camera,
  type Size,
} from '../../src/map/camera';
import type { Bounds } from '../../src/story/types';
import { loadFixtureStory } from './map-fixtures';

const story = loadFixtureStory();
const views = Object.values(story.views);

/** Screens: phones (the graphic a pane at the top, with a one-line key) and desktop columns (graphic column ~ 820 px at 1440). */
const SCREENS: { name: string; window: number; windowHeight: number; size: Size; legend: { width: number; height: number } }[] = [
  { name: 'phone 375', window: 375, windowHeight: 812, size: { width: 375, height: 470 }, legend: { width: 359, height: 44 } },
  { name: 'phone 320', window: 320, windowHeight: 568, size: { width: 320, height: 330 }, legend: { width: 304, height: 44 } },
  { name: 'desktop 1440', window: 1440, windowHeight: 900, size: { width: 820, height: 830 }, legend: { width: 300, height: 150 } },
  { name: 'desktop 1024', window: 1024, windowHeight: 768, size: { width: 420, height: 700 }, legend: { width: 300, height: 150 } },
];

describe('views', () => {
  it('exist for every id the brief fixes', () => {
    for (const id of ['west-africa', 'mali', 'corridor', 'kayes', 'bamako', 'sahel-alliance']) {
      expect(story.views[id], id).toBeDefined();
    }
  });
});

describe('fitView', () => {
  for (const screen of SCREENS) {
    for (const view of views) {
      it(`keeps ${view.id} inside the padded area at ${screen.name}`, () => {
        const layout = layoutFor(screen.window, screen.windowHeight);
        const { camera, padding } = fitView(view.bounds, screen.size, layout, screen.legend);
        const [[w, s], [e, n]] = view.bounds;
        const [x0, y0] = project(camera, screen.size, [w, n]);
        const [x1, y1] = project(camera, screen.size, [e, s]);
        const tolerance = 0.5;
        expect(x0).toBeGreaterThanOrEqual(padding.left - tolerance);
        expect(y0).toBeGreaterThanOrEqual(padding.top - tolerance);
        expect(x1).toBeLessThanOrEqual(screen.size.width - padding.right + tolerance);
        expect(y1).toBeLessThanOrEqual(screen.size.height - padding.bottom + tolerance);
        // It fills the area in one dimension (the fit is tight, not merely inside).
        const fillsWidth = Math.abs(x1 - x0 - (screen.size.width - padding.left - padding.right)) < 1;
        const fillsHeight = Math.abs(y1 - y0 - (screen.size.height - padding.top - padding.bottom)) < 1;
        expect(fillsWidth || fillsHeight).toBe(true);
        // The whole viewport shows at least the view.
        const [[vw, vs], [ve, vn]] = visibleBounds(camera, screen.size);
        expect(vw).toBeLessThanOrEqual(w);
        expect(vs).toBeLessThanOrEqual(s);
        expect(ve).toBeGreaterThanOrEqual(e);
        expect(vn).toBeGreaterThanOrEqual(n);
      });
    }
  }

  it('keeps the phone view clear of the one-line key at the top of the pane', () => {
    const size = { width: 375, height: 400 };
    const { padding } = fitView(story.views.corridor.bounds, size, 'stacked', { width: 359, height: 44 });
    expect(padding.top).toBeGreaterThanOrEqual(44);
    expect(padding.bottom).toBeLessThan(40);
  });

  it('zooms in further on a small view than on a large one', () => {
    const size = { width: 820, height: 830 };
    const zoom = (id: string) => fitView(story.views[id].bounds, size, 'column').camera.zoom;
    expect(zoom('bamako')).toBeGreaterThan(zoom('kayes'));
    expect(zoom('kayes')).toBeGreaterThan(zoom('corridor'));
    expect(zoom('corridor')).toBeGreaterThan(zoom('west-africa'));
  });

  it('picks the legend padding (bottom or left) that leaves the larger map', () => {
    const size = { width: 800, height: 600 };
    const legend = { width: 300, height: 250 };
    // A wide view is kept above the legend, a tall one beside it.
    expect(fitView(story.views.corridor.bounds, size, 'column', legend).padding.bottom).toBeGreaterThan(250);
    expect(fitView(story.views.mali.bounds, size, 'column', legend).padding.left).toBeGreaterThan(300);
  });
});

describe('cameraForBounds', () => {
  it('centres symmetric bounds on their middle without padding', () => {
    const none = { top: 0, right: 0, bottom: 0, left: 0 };
    const camera = cameraForBounds([[-10, -2], [10, 2]], { width: 512, height: 512 }, none);
    expect(camera.center[0]).toBeCloseTo(0, 6);
    expect(camera.center[1]).toBeCloseTo(0, 6);
    // 20° of longitude over 512 px: the world (360°) is 9216 px, zoom log2(9216 / 512).
    expect(camera.zoom).toBeCloseTo(Math.log2(360 / 20), 6);
  });

  it('throws on inverted bounds', () => {
    const none = { top: 0, right: 0, bottom: 0, left: 0 };
    expect(() => cameraForBounds([[10, 0], [0, 5]] as Bounds, { width: 100, height: 100 }, none)).toThrow(/invalid view bounds/);
  });

  it('caps padding so a map always remains', () => {
    for (const p of paddingsFor({ width: 300, height: 300 }, 'column', { width: 400, height: 400 })) {
      expect(p.left + p.right).toBeLessThanOrEqual(300 * 0.7 + 1);
      expect(p.top + p.bottom).toBeLessThanOrEqual(300 * 0.7 + 1);
    }
  });

  it('uses the column layout from 56rem (896 px), and on landscape screens from 36rem', () => {
    expect(layoutFor(375, 667)).toBe('stacked');
    expect(layoutFor(768, 1024)).toBe('stacked');
    expect(layoutFor(895, 1100)).toBe('stacked');
    expect(layoutFor(896, 1100)).toBe('column');
    expect(layoutFor(1440, 900)).toBe('column');
    // A phone or tablet turned on its side reads text and graphic side by side.
    expect(layoutFor(667, 375)).toBe('column');
    expect(layoutFor(1024, 768)).toBe('column');
  });
});

describe('flightDuration', () => {
  const at = (lon: number, lat: number, zoom: number): Camera => ({ center: [lon, lat], zoom });

  it('is 0 when the camera does not move', () => {
    expect(flightDuration(at(-8, 12.6, 6), at(-8, 12.6, 6))).toBe(0);
  });

  it('grows with the distance travelled and the zoom change', () => {
    const start = at(-10, 14, 5);
    const near = flightDuration(start, at(-9.5, 14, 5));
    const far = flightDuration(start, at(-4, 14, 5));
    const zoomed = flightDuration(start, at(-10, 14, 7));
    expect(far).toBeGreaterThan(near);
    expect(zoomed).toBeGreaterThan(near);
  });

  it('stays within its limits', () => {
    expect(flightDuration(at(-10, 14, 5), at(-10.1, 14, 5))).toBe(FLIGHT_MIN_MS);
    expect(flightDuration(at(-17, 14, 3), at(2, 13, 9))).toBe(FLIGHT_MAX_MS);
  });

  it('scales between real views: a short hop is quicker than West Africa to Bamako', () => {
    const size = { width: 820, height: 830 };
    const cam = (id: string) => fitView(story.views[id].bounds, size, 'column').camera;
    expect(flightDuration(cam('corridor'), cam('kayes'))).toBeLessThan(flightDuration(cam('west-africa'), cam('bamako')));
  });
});
