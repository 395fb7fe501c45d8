/**
 * The camera keeps the scene's places out from under the chrome in the map's
 * corners (src/map/camera.ts: `insets.corners`, `fitView`'s `keep`): the
 * explore button (top right) and the locator (top left, or bottom right on
 * phones). Each check uses the story's real views and places, at the panel
 * sizes of phones in portrait and turned to landscape.
 */
import { describe, expect, it } from 'vitest';
import { fitView, KEEP_CLEAR_PX, paddingsFor, placesToKeep, project, underCorner, type CornerBox, type Size } from '../../src/map/camera';
import { loadFixtureStory, mapScenes } from './map-fixtures';

const story = loadFixtureStory();

/** The explore button and the locator as the column layout places them (measured in the browser at 844 × 390). */
const COLUMN_CORNERS: CornerBox[] = [
  { corner: 'top-right', width: 124, height: 45 },
  { corner: 'top-left', width: 68, height: 72 },
];

describe('corner chrome', () => {
  it('adds candidates that clear each corner box by its height or by its width, and keeps the plain ones', () => {
    const size: Size = { width: 420, height: 340 };
    const plain = paddingsFor(size, 'column', { width: 0, height: 0 }, { top: 0, bottom: 40 });
    const withCorners = paddingsFor(size, 'column', { width: 0, height: 0 }, { top: 0, bottom: 40, corners: [COLUMN_CORNERS[0]] });
    expect(withCorners).toHaveLength(3 * plain.length);
    expect(withCorners).toEqual(expect.arrayContaining(plain));
    expect(withCorners.some((p) => p.top >= 45 && p.right === plain[0].right)).toBe(true);
    expect(withCorners.some((p) => p.right >= 124 && p.top === plain[0].top)).toBe(true);
  });

  it('tells which points are under a corner box or within the clearance of it', () => {
    const size: Size = { width: 400, height: 300 };
    const box: CornerBox = { corner: 'top-right', width: 100, height: 40 };
    expect(underCorner(box, size, [350, 20])).toBe(true);
    expect(underCorner(box, size, [300 - KEEP_CLEAR_PX + 1, 20])).toBe(true);
    expect(underCorner(box, size, [300 - KEEP_CLEAR_PX - 1, 20])).toBe(false);
    expect(underCorner(box, size, [350, 40 + KEEP_CLEAR_PX + 1])).toBe(false);
    expect(underCorner({ corner: 'bottom-left', width: 60, height: 80 }, size, [20, 280])).toBe(true);
  });

  it('changes nothing when no place would be hidden: the closest zoom of the plain paddings', () => {
    const size: Size = { width: 820, height: 748 };
    for (const scene of mapScenes(story)) {
      const bounds = story.views[scene.view].bounds;
      const legend = { width: 300, height: 150 };
      const plain = fitView(bounds, size, 'column', legend, { top: 0, bottom: 40 });
      const keep = placesToKeep(scene, story.places);
      const withCorners = fitView(bounds, size, 'column', legend, { top: 0, bottom: 40, corners: COLUMN_CORNERS }, keep);
      const hiddenBefore = keep.filter((p) => COLUMN_CORNERS.some((b) => underCorner(b, size, project(plain.camera, size, p))));
      if (hiddenBefore.length === 0) expect(withCorners.camera, scene.id).toEqual(plain.camera);
    }
  });

  /** Panels of the column layout: with the full key (lower left) on short desktop windows, and with the one-line key (a 52 px band at the top) on phones turned to landscape. */
  const PANELS = [
    { name: 'short desktop window, full key', size: { width: 421, height: 338 }, legend: { width: 300, height: 120 }, top: 0 },
    { name: '900 × 520 window, full key', size: { width: 452, height: 468 }, legend: { width: 300, height: 120 }, top: 0 },
    { name: '844 × 390 landscape, one-line key', size: { width: 421, height: 338 }, legend: { width: 0, height: 0 }, top: 52 },
    { name: '667 × 375 landscape, one-line key', size: { width: 324, height: 323 }, legend: { width: 0, height: 0 }, top: 52 },
  ];
  for (const panel of PANELS) {
    it(`keeps every highlighted place of every map scene clear of the corner chrome (${panel.name})`, () => {
      for (const scene of mapScenes(story)) {
        const bounds = story.views[scene.view].bounds;
        const keep = placesToKeep(scene, story.places);
        const { camera } = fitView(bounds, panel.size, 'column', panel.legend, { top: panel.top, bottom: 40, corners: COLUMN_CORNERS }, keep);
        for (const p of keep) {
          const at = project(camera, panel.size, p);
          for (const box of COLUMN_CORNERS) expect(underCorner(box, panel.size, at), `${scene.id}: ${p} under the ${box.corner} box`).toBe(false);
        }
      }
    });
  }

  it('is needed: without the corner boxes, a short panel puts places of some scenes under the chrome', () => {
    const { size, legend } = PANELS[0];
    const hidden = mapScenes(story).filter((scene) => {
      const { camera } = fitView(story.views[scene.view].bounds, size, 'column', legend, { top: 0, bottom: 40 });
      return placesToKeep(scene, story.places).some((p) => COLUMN_CORNERS.some((b) => underCorner(b, size, project(camera, size, p))));
    });
    expect(hidden.map((s) => s.id)).toContain('map-army-reinforcements');
  });
});

describe('places to keep', () => {
  it('are the highlighted places’ coordinates, from content/places', () => {
    const scene = mapScenes(story).find((s) => s.highlight.includes('kayes'))!;
    const keep = placesToKeep(scene, story.places);
    expect(keep).toHaveLength(scene.highlight.length);
    expect(keep).toContainEqual([story.places.kayes.lon, story.places.kayes.lat]);
  });
});
