/**
 * The map's design, measured in the browser on every map step at 375 × 667,
 * 768 × 1024 (stacked pane) and 1280 × 800 (column), with WebGL (HTML labels)
 * and without it (the SVG fallback):
 * - the key: at most 60 px tall when closed on phones (a real button that
 *   opens on Enter and closes on Escape), at most 150 px on desktop;
 * - event markers (the towns that fell in 2012) and event areas (the attacks
 *   near Kayes and Bougouni) at least twice the size of town markers;
 * - map text (labels, key, caption, scale bar) in the sans stack at 12–14 px;
 * - labels from their real bounding boxes: no two overlap, none is cut at the
 *   map's edge or under the key, caption, locator, scale bar or button; every
 *   highlighted place and, on steps about Kayes, the Kayes region labelled;
 * - Dakar and Bamako at least 80 px from the map's edge on the corridor views;
 * - without JavaScript, the static figures' key text renders at 12 px or more
 *   on a 375 px page.
 * Screenshots of five representative steps at each width go to
 * tests/artifacts/ (ignored by git) for review.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { MapSceneData, StoryData } from '../../src/story/types';
import { TYPE, ACCENT } from '../../src/design/tokens';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';

const SIZES = [
  { width: 375, height: 667 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;
/** Steps whose screenshots are kept for review. */
const SHOTS = ['north-falls-2012', 'drivers-kidnapped', 'tankers-burned', 'fuel-ban-declared', 'tankers-burned-bougouni'];
const ARTIFACTS = 'tests/artifacts';

type Rect = { left: number; top: number; right: number; bottom: number; width: number; height: number };

interface Measured {
  panel: Rect;
  chrome: Record<string, Rect | null>;
  keyBar: Rect | null;
  labels: { id: string; kind: string; rect: Rect }[];
  dots: { place: string; symbol: string; rect: Rect }[];
  fonts: { what: string; family: string; size: number }[];
  areas: { id: string; rect: Rect }[];
}

/** Everything the checks need, read from the live DOM of the map panel. */
async function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('[data-panel="map"]')!;
    const rect = (el: Element | null) => {
      if (!el || (el as HTMLElement).hidden) return null;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return null;
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const q = (s: string) => panel.querySelector(s);
    const chrome = {
      key: rect(q('.map-legend')),
      explore: rect(q('.map-explore')),
      foot: rect(q('.map-foot')),
      locator: rect(q('.map-locator')),
      scale: rect(q('.map-scale')),
    };
    const svg = panel.dataset.renderer === 'svg';
    const labels = svg
      ? [...panel.querySelectorAll('.map-svg text[data-label]')].map((t) => ({
          id: t.getAttribute('data-label')!,
          kind: t.getAttribute('data-kind')!,
          rect: rect(t)!,
        }))
      : [...panel.querySelectorAll('.map-label.is-in:not(.is-hidden)')].map((l) => ({
          id: (l as HTMLElement).dataset.label!,
          kind: (l as HTMLElement).dataset.kind!,
          rect: rect(l.querySelector('.map-label__text'))!,
        }));
    const dots = svg
      ? [...panel.querySelectorAll('.map-svg [data-place]')].map((c) => ({
          place: c.getAttribute('data-place')!,
          symbol: c.getAttribute('data-symbol')!,
          rect: rect(c)!,
        }))
      : [...panel.querySelectorAll('.map-label.is-in')]
          .filter((l) => l.querySelector('.map-label__dot'))
          .map((l) => ({
            place: (l as HTMLElement).dataset.label!.replace('place:', ''),
            symbol: (l.querySelector('.map-label__dot') as HTMLElement).dataset.symbol!,
            rect: rect(l.querySelector('.map-label__dot'))!,
          }));
    const textNodes = [
      ...[...panel.querySelectorAll(svg ? '.map-svg text[data-label] tspan' : '.map-label.is-in .map-label__line')].map((e) => ['label', e] as const),
      ...[...panel.querySelectorAll('.map-legend__label, .map-legend__toggle-label')].map((e) => ['key', e] as const),
      ...[...panel.querySelectorAll('.map-caption')].map((e) => ['caption', e] as const),
      ...[...panel.querySelectorAll('.map-scale text')].map((e) => ['scale', e] as const),
    ].filter(([, e]) => (e as HTMLElement).getClientRects().length > 0);
    const fonts = textNodes.map(([what, e]) => {
      const style = getComputedStyle(e);
      return { what: `${what}: ${e.textContent}`, family: style.fontFamily, size: parseFloat(style.fontSize) };
    });
    const areas = [...panel.querySelectorAll('.map-svg path[data-area]')].map((p) => ({ id: p.getAttribute('data-area')!, rect: rect(p)! }));
    return { panel: rect(panel)!, chrome, keyBar: rect(q('.map-legend__bar')), labels, dots, fonts, areas };
  });
}

const overlap = (a: Rect, b: Rect, slack = 0.5) =>
  a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;
const norm = (family: string) => family.replace(/'/g, '"').replace(/\s*,\s*/g, ',');

/**
 * The extent in CSS px of the accent outline of an area drawn on the WebGL
 * canvas around (x, y) (page px), from the canvas's own pixels.
 */
async function accentExtent(page: Page, x: number, y: number, radius = 140): Promise<number> {
  const png = await page.screenshot({ clip: { x: Math.max(0, x - radius), y: Math.max(0, y - radius), width: 2 * radius, height: 2 * radius } });
  return page.evaluate(
    async ([b64, hex]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let j = 0; j < img.height; j++) {
        for (let i = 0; i < img.width; i++) {
          const k = 4 * (j * img.width + i);
          if (Math.hypot(data[k] - target[0], data[k + 1] - target[1], data[k + 2] - target[2]) > 30) continue;
          x0 = Math.min(x0, i);
          x1 = Math.max(x1, i);
          y0 = Math.min(y0, j);
          y1 = Math.max(y1, j);
        }
      }
      // The screenshot is in device px; the page runs at device scale 1.
      return x1 >= x0 ? Math.max(x1 - x0, y1 - y0) + 1 : 0;
    },
    [png.toString('base64'), ACCENT.mark] as const,
  );
}

/** Every check on the active map step; returns the key's height and the labels that found no room, for the log. */
async function checkStep(page: Page, story: StoryData, id: string, scene: MapSceneData, text: string, layout: 'stacked' | 'column') {
  const m = await measure(page);
  const hiddenLabels = ((await page.locator('[data-panel="map"]').getAttribute('data-labels-hidden')) ?? '').split(' ').filter(Boolean);
  const where = `${id} (${scene.id})`;
  const svg = (await page.locator('[data-panel="map"]').getAttribute('data-renderer')) === 'svg';

  // The key.
  const key = m.chrome.key!;
  expect(key, `${where}: key shown`).not.toBeNull();
  if (layout === 'stacked') expect(key.height, `${where}: closed key height`).toBeLessThanOrEqual(60);
  else expect(key.height, `${where}: key height`).toBeLessThanOrEqual(150);

  // Fonts: the sans stack at 12–14 px.
  expect(m.fonts.length).toBeGreaterThan(3);
  for (const f of m.fonts) {
    expect(norm(f.family), `${where}: font of ${f.what}`).toBe(norm(TYPE.sans));
    expect(f.size, `${where}: size of ${f.what}`).toBeGreaterThanOrEqual(12);
    expect(f.size, `${where}: size of ${f.what}`).toBeLessThanOrEqual(14);
  }

  // Labels: inside the map, clear of the chrome and of one another.
  const labels = m.labels.filter((l) => l.rect);
  for (const [i, a] of labels.entries()) {
    expect(a.rect.left, `${where}: ${a.id} cut at the left`).toBeGreaterThanOrEqual(m.panel.left);
    expect(a.rect.right, `${where}: ${a.id} cut at the right`).toBeLessThanOrEqual(m.panel.right);
    expect(a.rect.top, `${where}: ${a.id} cut at the top`).toBeGreaterThanOrEqual(m.panel.top);
    expect(a.rect.bottom, `${where}: ${a.id} cut at the bottom`).toBeLessThanOrEqual(m.panel.bottom);
    for (const [name, c] of Object.entries(m.chrome)) {
      if (c) expect(overlap(a.rect, c), `${where}: ${a.id} under the ${name}`).toBe(false);
    }
    for (const b of labels.slice(i + 1)) expect(overlap(a.rect, b.rect), `${where}: ${a.id} overlaps ${b.id}`).toBe(false);
  }
  // Every highlighted place in the view is labelled; the Kayes region whenever the step is about Kayes.
  const [[w, s], [e, n]] = story.views[scene.view].bounds;
  for (const place of scene.highlight) {
    const p = story.places[place];
    if (p.lon < w || p.lon > e || p.lat < s || p.lat > n) continue;
    expect(labels.map((l) => l.id), `${where}: label of ${place}`).toContain(`place:${place}`);
  }
  if (/Kayes/.test(text)) {
    expect(scene.layers, `${where}: Kayes region shaded`).toContain('kayes-region');
    expect(labels.map((l) => l.id), `${where}: Kayes region labelled`).toContain('region:kayes');
  }
  // Dated notes of the scene's events are shown.
  for (const layer of ['northern-towns-fall', 'attack-area', 'bougouni-attack'] as const) {
    if (scene.layers.includes(layer)) expect(labels.map((l) => l.id), `${where}: note of ${layer}`).toContain(`note:${layer}`);
  }

  // Event markers at least twice the size of town markers (both measured: HTML dots, or SVG circles).
  const towns = m.dots.filter((d) => d.symbol === 'town' || d.symbol === 'capital').map((d) => d.rect.width);
  const town = Math.max(...towns, svg ? 2 * 5 : 11.5);
  if (scene.layers.includes('northern-towns-fall')) {
    const events = m.dots.filter((d) => d.symbol === 'townFell').map((d) => d.rect.width);
    expect(events.length, `${where}: event markers`).toBe(3);
    for (const size of events) expect(size, `${where}: event marker vs town marker ${town}`).toBeGreaterThanOrEqual(2 * town);
  }
  for (const [layer, place] of [
    ['attack-area', 'kayes'],
    ['bougouni-attack', 'bougouni'],
  ] as const) {
    if (!scene.layers.includes(layer)) continue;
    const dot = m.dots.find((d) => d.place === place);
    expect(dot, `${where}: ${place} marked`).toBeDefined();
    const extent = svg
      ? Math.max(...m.areas.filter((a) => a.id.startsWith(layer === 'attack-area' ? 'attack-area' : 'bougouni')).map((a) => a.rect.width))
      : await accentExtent(page, (dot!.rect.left + dot!.rect.right) / 2, (dot!.rect.top + dot!.rect.bottom) / 2);
    expect(extent, `${where}: ${layer} size vs town marker ${town}`).toBeGreaterThanOrEqual(2 * town);
  }

  // Dakar and Bamako at least 80 px from the map's edge on views that show the corridor.
  if (scene.layers.includes('corridor')) {
    const top = layout === 'stacked' ? (m.keyBar ?? key).bottom : m.panel.top;
    const bottom = m.chrome.foot?.top ?? m.panel.bottom;
    for (const place of ['dakar', 'bamako']) {
      const dot = m.dots.find((d) => d.place === place);
      if (!dot) continue;
      const x = (dot.rect.left + dot.rect.right) / 2;
      const y = (dot.rect.top + dot.rect.bottom) / 2;
      const room = Math.min(x - m.panel.left, m.panel.right - x, y - top, bottom - y);
      expect(room, `${where}: room around ${place}`).toBeGreaterThanOrEqual(80);
    }
  }
  // Only lower-priority labels (countries, rivers) may be dropped.
  expect(hiddenLabels.filter((l) => !/^(country|river):/.test(l)), `${where}: essential labels dropped`).toEqual([]);
  return { key: Math.round(key.height), shown: labels.length, hidden: hiddenLabels };
}

/** Writes one line per step of what was measured (key height, labels shown and dropped) to the test's output. */
function report(size: { width: number }, renderer: string, rows: { id: string; key: number; shown: number; hidden: string[] }[]) {
  const dropped = rows.reduce((n, r) => n + r.hidden.length, 0);
  const lines = rows.map((r) => `  ${r.id}: key ${r.key} px, ${r.shown} labels, dropped ${r.hidden.length ? r.hidden.join(' ') : 'none'}`);
  console.log(`map design ${size.width} px ${renderer}: max key ${Math.max(...rows.map((r) => r.key))} px, ${dropped} labels dropped\n${lines.join('\n')}`);
}

/** Waits until the map step's labels have settled (markers of the previous scene gone). */
async function settle(page: Page) {
  await page.waitForTimeout(450);
}

for (const size of SIZES) {
  const layout = size.width >= 896 ? 'column' : 'stacked';
  test.describe(`map design at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every map step: key, markers, fonts, labels and framing (WebGL)', async ({ page }) => {
      test.setTimeout(240_000);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.goto('./');
      const story = await storyData(page);
      const mapSteps = (await steps(page)).filter((s) => s.scene.graphic === 'map');
      expect(mapSteps.length).toBeGreaterThanOrEqual(10);
      const rows = [];
      for (const step of mapSteps) {
        await scrollToStep(page, step.id);
        await expectSceneShown(page, step.scene, story);
        await expect(page.locator('[data-panel="map"]')).toHaveAttribute('data-renderer', 'webgl');
        await settle(page);
        const text = await page.locator(`[data-step="${step.id}"]`).innerText();
        rows.push({ id: step.id, ...(await checkStep(page, story, step.id, step.scene as MapSceneData, text, layout)) });
        if (SHOTS.includes(step.id)) await page.screenshot({ path: `${ARTIFACTS}/map-${step.id}-${size.width}.png` });
      }
      report(size, 'WebGL', rows);
    });

    test('every map step: labels, key and fonts in the SVG fallback', async ({ page }) => {
      test.setTimeout(240_000);
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          if (/webgl/i.test(type)) return null;
          return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
        } as typeof original;
      });
      await page.goto('./');
      const story = await storyData(page);
      const rows = [];
      for (const step of (await steps(page)).filter((s) => s.scene.graphic === 'map')) {
        await scrollToStep(page, step.id);
        await expectSceneShown(page, step.scene, story);
        await expect(page.locator('[data-panel="map"]')).toHaveAttribute('data-renderer', 'svg');
        const text = await page.locator(`[data-step="${step.id}"]`).innerText();
        rows.push({ id: step.id, ...(await checkStep(page, story, step.id, step.scene as MapSceneData, text, layout)) });
      }
      report(size, 'SVG', rows);
    });
  });
}

test.describe('the key on phones', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('is a one-line button that opens on Enter, closes on Escape, and leaves "Explore the map" reachable', async ({ page }) => {
    await page.goto('./');
    const story = await storyData(page);
    const step = (await steps(page)).find((s) => s.scene.graphic === 'map' && (s.scene as MapSceneData).layers.includes('kayes-region'))!;
    await scrollToStep(page, step.id);
    await expectSceneShown(page, step.scene, story);
    const toggle = page.locator('[data-panel="map"] .map-legend__toggle');
    const items = page.locator('[data-panel="map"] .map-legend__items');
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(items).toBeHidden();
    expect((await page.locator('[data-panel="map"] .map-legend').boundingBox())!.height).toBeLessThanOrEqual(60);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(items).toBeVisible();
    await expect(items).toContainText('Kayes region');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(items).toBeHidden();
    await expect(toggle).toBeFocused();
    // The explore button stays clear of the key and works.
    const explore = page.getByRole('button', { name: 'Explore the map' });
    await expect(explore).toBeVisible();
    const [a, b] = [(await explore.boundingBox())!, (await page.locator('[data-panel="map"] .map-legend').boundingBox())!];
    expect(a.x >= b.x + b.width || a.x + a.width <= b.x).toBe(true);
    await explore.click();
    await expect(page.getByRole('button', { name: 'Back to the story' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the story' }).click();
  });
});

test.describe('static figures without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 667 } });

  test('use the narrow figure on a 375 px page, with key text at 12 px or more', async ({ page, baseURL }) => {
    await page.goto('./');
    const imgs = page.locator('[data-step][data-graphic-kind="map"] img.figure__image');
    expect(await imgs.count()).toBeGreaterThan(5);
    for (const img of await imgs.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      const { src, shown, natural } = await img.evaluate((i: HTMLImageElement) => ({
        src: i.currentSrc,
        shown: i.getBoundingClientRect().width,
        natural: i.naturalWidth,
      }));
      expect(src).toMatch(/-narrow\.svg$/);
      const svg = await (await page.request.get(new URL(src, baseURL).href)).text();
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((x) => Number(x[1]));
      const keySize = Number(/<g class="legend" font-size="([\d.]+)"/.exec(svg)?.[1]);
      const scale = shown / natural;
      expect(keySize * scale, `${src}: key text at ${shown} px wide`).toBeGreaterThanOrEqual(12);
      expect(Math.min(...sizes) * scale, `${src}: smallest text`).toBeGreaterThanOrEqual(12);
    }
  });
});
