/**
 * Shared Playwright fixtures for the story tests.
 *
 * Every test gets a `page` that is watched: after the test, it fails if the
 * page logged a console error, got a failed response (HTTP >= 400 or a
 * network failure), or sent any request to a host other than the site's own.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { SceneData, StoryData } from '../../src/story/types';

export { expect };

interface Watch {
  consoleErrors: string[];
  failures: string[];
  foreign: string[];
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page, baseURL }, use) => {
      const own = new URL(baseURL ?? 'http://127.0.0.1/').host;
      const watch: Watch = { consoleErrors: [], failures: [], foreign: [] };
      page.on('console', (msg) => {
        if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (/^(data|blob|about):/.test(url.protocol)) return;
        if (url.host !== own) watch.foreign.push(req.url());
      });
      page.on('requestfailed', (req) => {
        // Aborted image loads when the map swaps a static image are not failures of the site.
        if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
        watch.failures.push(`${req.url()} ${req.failure()?.errorText}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) watch.failures.push(`${res.status()} ${res.url()}`);
      });
      await use(watch);
      expect(watch.consoleErrors, 'console errors').toEqual([]);
      expect(watch.failures, 'failed responses').toEqual([]);
      expect(watch.foreign, 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});

/** The story data the page's engine fetches (the JSON named by the scrolly section's data-story-url). */
export async function storyData(page: Page): Promise<StoryData> {
  return page.locator('[data-scrolly]').evaluate(async (el) => {
    const response = await fetch((el as HTMLElement).dataset.storyUrl!);
    return response.json();
  });
}

export interface StepInfo {
  id: string;
  scene: SceneData;
}

/** Every step on the page, in order, with its scene. */
export async function steps(page: Page): Promise<StepInfo[]> {
  const story = await storyData(page);
  const refs = await page
    .locator('[data-step]')
    .evaluateAll((els) => els.map((el) => ({ id: el.id, scene: (el as HTMLElement).dataset.scene ?? '' })));
  return refs.map((r) => ({ id: r.id, scene: story.scenes[r.scene] }));
}

/**
 * Waits until the story engine has started on the page's scrolly section (it sets the section's trigger line).
 * The engine's code loads after the first paint (src/story/after-paint.ts), so a test that acts on the engine
 * right after `goto` waits for this first.
 */
export async function engineStarted(page: Page): Promise<void> {
  await expect(page.locator('[data-scrolly]').first()).toHaveAttribute('data-trigger', /\d/);
}

/** Scrolls step `id` onto the engine's trigger line, as a reader would, and waits until the engine marks it active. */
export async function scrollToStep(page: Page, id: string): Promise<void> {
  await engineStarted(page);
  await page.locator(`[data-step="${id}"]`).evaluate((el) => {
    const trigger = Number(el.closest<HTMLElement>('[data-scrolly]')?.dataset.trigger ?? 0.5);
    const box = el.getBoundingClientRect();
    scrollBy({ top: box.top + box.height / 2 - innerHeight * trigger, behavior: 'instant' });
  });
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', id);
}

/** The active scene's graphic is drawn: map at its view and layers, or chart in its state. */
export async function expectSceneShown(page: Page, scene: SceneData, story: StoryData): Promise<void> {
  await expect(page.locator('[data-graphic]')).toHaveAttribute('data-scene', scene.id);
  if (scene.graphic === 'map') {
    const panel = page.locator('[data-panel="map"]');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-view', scene.view);
    await expect(panel).toHaveAttribute('data-renderer', /webgl|svg/);
    await expect
      .poll(async () => ((await panel.getAttribute('data-layers')) ?? '').split(' ').filter(Boolean).sort(), {
        message: `layers of scene ${scene.id}`,
      })
      .toEqual(expect.arrayContaining([...scene.layers].sort()));
    const view = story.views[scene.view];
    await expect
      .poll(async () => cameraFits(JSON.parse((await panel.getAttribute('data-camera')) ?? 'null'), view.bounds), {
        message: `camera shows view ${view.id}`,
      })
      .toBe(true);
    if ((await panel.getAttribute('data-renderer')) === 'webgl') {
      // The map came to rest where the story asked: same centre and zoom as the view's camera.
      await expect
        .poll(async () => {
          const camera = JSON.parse((await panel.getAttribute('data-camera')) ?? 'null');
          const target = JSON.parse((await panel.getAttribute('data-camera-target')) ?? 'null');
          if (!camera || !target) return false;
          return (
            Math.abs(camera.zoom - target.zoom) < 0.01 &&
            Math.abs(camera.center[0] - target.center[0]) < 0.01 &&
            Math.abs(camera.center[1] - target.center[1]) < 0.01
          );
        }, { message: `camera centre and zoom of view ${view.id}` })
        .toBe(true);
    }
  } else {
    const panel = page.locator('[data-panel="chart"]');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-chart', scene.graphic);
    const state = scene.graphic === 'timeline' ? scene.range : scene.stage;
    await expect(panel).toHaveAttribute('data-state', state);
  }
}

type Camera = { center: [number, number]; zoom: number; bounds: [[number, number], [number, number]] } | null;

/**
 * True when the map's visible bounds contain the view's bounds (with a small
 * tolerance) and the view fills a good part of the map in at least one
 * dimension: the camera shows the view's geography, whatever the screen size
 * and whatever padding the legend or text column takes.
 */
export function cameraFits(camera: Camera, bounds: [[number, number], [number, number]]): boolean {
  if (!camera) return false;
  const [[w, s], [e, n]] = bounds;
  const [[cw, cs], [ce, cn]] = camera.bounds;
  const tol = 0.02 * Math.max(e - w, n - s);
  const contains = cw <= w + tol && cs <= s + tol && ce >= e - tol && cn >= n - tol;
  const fills = (e - w) / (ce - cw) >= 0.3 || (n - s) / (cn - cs) >= 0.3;
  return contains && fills;
}

/** True when a screenshot of `selector` holds more than a handful of distinct colours (not blank). */
export async function isPainted(page: Page, selector: string): Promise<boolean> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size > 8;
  }, png.toString('base64'));
}
