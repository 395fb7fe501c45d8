/**
 * The map: each view in WebGL and, without WebGL, as the SVG fallback for the
 * same step; the legend marks routes "schematic"; the map only takes pan and
 * zoom once the reader asks, by mouse or keyboard.
 */
import { SCHEMATIC_LAYERS } from '../../src/map/layer-ids';
import type { MapSceneData } from '../../src/story/types';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown, isPainted, type StepInfo } from './fixtures';
import type { Page } from '@playwright/test';

/** One step per map view, in story order. */
async function oneStepPerView(page: Page) {
  const seen = new Set<string>();
  return (await steps(page)).filter((s): s is StepInfo & { scene: MapSceneData } => {
    if (s.scene.graphic !== 'map' || seen.has(s.scene.view)) return false;
    seen.add(s.scene.view);
    return true;
  });
}

test('each map view renders in WebGL at its camera, on a painted canvas', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const story = await storyData(page);
  const views = await oneStepPerView(page);
  expect(views.length).toBeGreaterThanOrEqual(5);
  for (const step of views) {
    await scrollToStep(page, step.id);
    await expectSceneShown(page, step.scene, story);
    await expect(page.locator('[data-panel="map"]')).toHaveAttribute('data-renderer', 'webgl');
    await expect.poll(() => isPainted(page, '[data-panel="map"] canvas')).toBe(true);
  }
});

test.describe('without WebGL', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) return null;
        return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
  });

  test('every map step falls back to the SVG map of the same view', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    const story = await storyData(page);
    for (const step of (await steps(page)).filter((s) => s.scene.graphic === 'map')) {
      await scrollToStep(page, step.id);
      const panel = page.locator('[data-panel="map"]');
      await expect(panel).toHaveAttribute('data-renderer', 'svg');
      await expectSceneShown(page, step.scene, story);
      const svg = panel.locator('svg').first();
      await expect(svg).toBeVisible();
      await expect(svg.locator('title').first()).not.toBeEmpty();
      // Highlighted places inside the view are labelled, as on the WebGL map.
      const [[w, south], [e, n]] = story.views[(step.scene as MapSceneData).view].bounds;
      for (const id of (step.scene as MapSceneData).highlight) {
        const place = story.places[id];
        if (place.lon < w || place.lon > e || place.lat < south || place.lat > n) continue;
        await expect(svg).toContainText(place.name.split(' (')[0]);
      }
    }
  });
});

test('the legend marks every route as schematic whenever one is shown', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  for (const step of (await steps(page)).filter((s) => s.scene.graphic === 'map')) {
    const scene = step.scene as MapSceneData;
    await scrollToStep(page, step.id);
    const legend = page.locator('[data-panel="map"] .map-legend');
    await expect(legend).toBeVisible();
    if (scene.layers.some((l) => SCHEMATIC_LAYERS.includes(l))) await expect(legend).toContainText(/schematic/i);
    else await expect(legend).not.toContainText(/schematic/i);
  }
});

test('the map takes pan and zoom only after "Explore the map", by keyboard too', async ({ page }) => {
  await page.goto('./');
  const story = await storyData(page);
  const step = (await steps(page)).find((s) => s.scene.graphic === 'map')!;
  await scrollToStep(page, step.id);
  await expectSceneShown(page, step.scene, story);
  const panel = page.locator('[data-panel="map"]');
  const before = await panel.getAttribute('data-camera');
  // Wheel over the map scrolls the page, not the map.
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scrollBefore = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore);
  await scrollToStep(page, step.id);
  await expect(panel).toHaveAttribute('data-camera', before!);
  // Keyboard: focus the button, press Enter, then pan with the arrow keys.
  const explore = page.getByRole('button', { name: 'Explore the map' });
  await explore.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Back to the story' })).toBeVisible();
  await page.locator('[data-panel="map"] .maplibregl-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await panel.getAttribute('data-camera')) !== before).toBe(true);
  await page.getByRole('button', { name: 'Back to the story' }).click();
  await expect(page.getByRole('button', { name: 'Explore the map' })).toBeVisible();
});
