/**
 * Nothing the map points at hides behind a card (issue 8). On phones in
 * portrait (375 × 667, 390 × 844) and after turning them to landscape, on
 * every map step, each place the scene highlights and each dated note of its
 * events is shown, inside the map, in the screen, and covered by nothing:
 * - not by a step's text card (tested with the browser's own hit test at nine
 *   points of the label and of the marker, so a card that passes *under* the
 *   map pane, as cards do on phones, does not count);
 * - not by the step bar, the key, the caption, the "explore" button, the
 *   locator or the scale bar (their boxes may not meet the label's or the
 *   marker's box at all).
 * The chrome itself stays in order: no two of key, caption, explore button,
 * locator and scale bar over each other, the step bar's controls whole on
 * the screen, no sideways scrolling.
 * The labels are the map's HTML labels (WebGL renderer), read from the page.
 */
import type { Page } from '@playwright/test';
import type { MapSceneData, StoryData } from '../../src/story/types';
import { LAYER_NOTES } from '../../src/map/labels';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';

const PHONES = [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
] as const;

/** Layers whose note on the map is a dated event (the notes the map never drops: src/map/labels.ts); they must stay clear too. */
const NOTE_LAYERS = Object.entries(LAYER_NOTES)
  .filter(([, note]) => note?.event)
  .map(([layer]) => layer);

interface Found {
  id: string;
  part: 'text' | 'marker';
  rect: { left: number; top: number; right: number; bottom: number };
  /** What lies on top of the label at any of its sample points (hit test). */
  hits: string[];
  /** Chrome whose box meets the label's box. */
  boxes: string[];
  /** The label leaves the map pane or the screen. */
  outside: string[];
}

/** The labels (text and marker) with ids in `ids` on the map, and what covers each. */
async function inspect(page: Page, stepId: string, ids: string[]): Promise<Found[]> {
  return page.evaluate(
    ({ stepId, ids }) => {
      const panel = document.querySelector<HTMLElement>('[data-panel="map"]')!;
      const pane = panel.getBoundingClientRect();
      const chrome: Record<string, Element | null> = {
        'step bar': document.querySelector('[data-nav-bar]'),
        key: panel.querySelector('.map-legend'),
        caption: panel.querySelector('.map-foot'),
        'explore button': panel.querySelector('.map-explore'),
        locator: panel.querySelector('.map-locator'),
        'scale bar': panel.querySelector('.map-scale'),
      };
      const card = document.querySelector(`[data-step="${stepId}"]`);
      const shown = (el: Element | null): el is Element => {
        if (!el || (el as HTMLElement).hidden) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const meets = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const out: Found[] = [];
      for (const label of panel.querySelectorAll<HTMLElement>('.map-label.is-in:not(.is-hidden)')) {
        const id = label.dataset.label!;
        if (!ids.includes(id)) continue;
        for (const [part, el] of [
          ['text', label.querySelector('.map-label__text')],
          ['marker', label.querySelector('.map-label__dot')],
        ] as const) {
          if (!shown(el)) continue;
          const r = el.getBoundingClientRect();
          const hits = new Set<string>();
          const outside = new Set<string>();
          for (const fx of [0.1, 0.5, 0.9]) {
            for (const fy of [0.15, 0.5, 0.85]) {
              const x = r.left + fx * r.width;
              const y = r.top + fy * r.height;
              if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
                outside.add('screen');
                continue;
              }
              if (x < pane.left || x > pane.right || y < pane.top || y > pane.bottom) outside.add('map pane');
              // Labels take no pointer events, so the hit test returns what is drawn over the map at this point.
              const top = document.elementFromPoint(x, y);
              if (!top) continue;
              if (card?.contains(top)) hits.add('the active step’s card');
              else if (top.closest('[data-step], .chapter__header')) hits.add(`another card (${top.closest('[data-step]')?.id ?? 'a chapter heading'})`);
              for (const [name, c] of Object.entries(chrome)) if (c?.contains(top)) hits.add(name);
            }
          }
          const boxes = Object.entries(chrome)
            .filter(([, c]) => shown(c) && meets(r, c!.getBoundingClientRect()))
            .map(([name]) => name);
          out.push({ id, part, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, hits: [...hits], boxes, outside: [...outside] });
        }
      }
      return out;
    },
    { stepId, ids },
  );
}

/** The label ids the step must keep in sight: its highlighted places inside the view, and its events' dated notes. */
function mustShow(scene: MapSceneData, story: StoryData): string[] {
  const [[w, s], [e, n]] = story.views[scene.view].bounds;
  const places = scene.highlight.filter((id) => {
    const p = story.places[id];
    return p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n;
  });
  return [...places.map((p) => `place:${p}`), ...NOTE_LAYERS.filter((l) => (scene.layers as string[]).includes(l)).map((l) => `note:${l}`)];
}

/** Checks every map step at the current size; returns one log line per step. */
async function checkEveryMapStep(page: Page, layout: 'stacked' | 'column', where: string): Promise<string[]> {
  const story = await storyData(page);
  const mapSteps = (await steps(page)).filter((s) => s.scene.graphic === 'map');
  expect(mapSteps.length).toBeGreaterThanOrEqual(10);
  const log: string[] = [];
  for (const step of mapSteps) {
    const scene = step.scene as MapSceneData;
    await scrollToStep(page, step.id);
    await expectSceneShown(page, scene, story);
    await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-layout', layout);
    await expect(page.locator('[data-panel="map"]')).toHaveAttribute('data-renderer', 'webgl');
    await page.waitForTimeout(450); // labels fade in (300 ms)
    const ids = mustShow(scene, story);
    const found = await inspect(page, step.id, ids);
    const at = `${where}, step ${step.id} (${scene.id})`;
    expect([...new Set(found.filter((f) => f.part === 'text').map((f) => f.id))].sort(), `${at}: labels shown`).toEqual([...ids].sort());
    for (const f of found) {
      const what = `${at}: ${f.part} of ${f.id}`;
      expect(f.outside, `${what} leaves the`).toEqual([]);
      expect(f.hits, `${what} is covered by`).toEqual([]);
      expect(f.boxes, `${what} meets the box of`).toEqual([]);
    }
    // The chrome itself: no two pieces over each other, and the step bar's controls whole on the screen.
    const chrome = await page.evaluate(() => {
      const panel = document.querySelector('[data-panel="map"]')!;
      const pieces = { key: '.map-legend', caption: '.map-foot', 'explore button': '.map-explore', locator: '.map-locator', 'scale bar': '.map-scale' };
      const boxes = Object.entries(pieces).flatMap(([name, selector]) => {
        const el = panel.querySelector<HTMLElement>(selector);
        const r = el?.getBoundingClientRect();
        return el && !el.hidden && r && r.width > 0 ? [{ name, r: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } }] : [];
      });
      const controls = [...document.querySelectorAll('[data-nav-bar] button, [data-nav-bar] [data-nav="position"]')].map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.textContent?.trim() ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      return { boxes, controls, overflow: document.documentElement.scrollWidth - innerWidth };
    });
    for (const [i, a] of chrome.boxes.entries()) {
      for (const b of chrome.boxes.slice(i + 1)) {
        const meet = a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5;
        expect(meet, `${at}: the ${a.name} over the ${b.name}`).toBe(false);
      }
    }
    const viewport = page.viewportSize()!;
    for (const c of chrome.controls) {
      expect(c.left, `${at}: step bar's "${c.name}" cut at the left`).toBeGreaterThanOrEqual(0);
      expect(c.right, `${at}: step bar's "${c.name}" cut at the right`).toBeLessThanOrEqual(viewport.width);
      expect(c.bottom, `${at}: step bar's "${c.name}" below the screen`).toBeLessThanOrEqual(viewport.height);
    }
    expect(chrome.overflow, `${at}: sideways scrolling`).toBeLessThanOrEqual(0);
    log.push(`  ${step.id}: ${ids.length} labels clear`);
  }
  return log;
}

/** Turns a phone from portrait to landscape on a map step of `path`, then checks every map step. */
async function rotateAndCheck(page: Page, phone: { width: number; height: number }, path: string) {
  await page.setViewportSize(phone);
  await page.goto(path);
  const all = await steps(page);
  const first = all.find((s) => s.scene.graphic === 'map')!;
  await scrollToStep(page, first.id);
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-layout', 'stacked');
  const landscape = { width: phone.height, height: phone.width };
  await page.setViewportSize(landscape);
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-layout', 'column');
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', first.id);
  const log = await checkEveryMapStep(page, 'column', `${path} ${landscape.width}×${landscape.height}`);
  console.log(`map labels clear at ${path} ${landscape.width}×${landscape.height}:\n${log.join('\n')}`);
}

for (const phone of PHONES) {
  test.describe(`on a ${phone.width} × ${phone.height} phone`, () => {
    test('in portrait, no highlighted place or dated note hides behind a card, the step bar or the key on any map step', async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(phone);
      await page.goto('./');
      const log = await checkEveryMapStep(page, 'stacked', `${phone.width}×${phone.height}`);
      console.log(`map labels clear at ${phone.width}×${phone.height}:\n${log.join('\n')}`);
    });

    test('turned to landscape, the same holds on every map step', async ({ page }) => {
      test.setTimeout(240_000);
      await rotateAndCheck(page, phone, './');
    });
  });
}

test('in French, on a 375 × 667 phone turned to landscape, the same holds on every map step', async ({ page }) => {
  test.setTimeout(240_000);
  await rotateAndCheck(page, PHONES[0], './fr/');
});
