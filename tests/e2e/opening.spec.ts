/**
 * The opening screen (issue 8), in both languages: the headline, the
 * standfirst and the lead graphic (the static figure of `map-lead`), then
 * the dateline and a way into the story.
 * - at 1280 × 800 the headline, the lead graphic whole and the "start
 *   reading" link are all in the first screen, side by side, none over another;
 * - at 768 × 1024 and 375 × 667 the graphic sits under the headline and
 *   standfirst, full width of the text, with nothing overlapping and no
 *   sideways scrolling; on phones it is the narrow figure, shown at about the
 *   size it was drawn (its 13 px key text reads at 12 px or more);
 * - without JavaScript it is the same image: it costs no script.
 * Screenshots of the opening at each width go to tests/artifacts/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const ARTIFACTS = 'tests/artifacts';
const PAGES = [
  { path: './', lang: 'en', start: 'Start reading' },
  { path: './fr/', lang: 'fr', start: 'Commencer la lecture' },
] as const;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The boxes (page px, relative to the viewport at the top of the page) of the opening's parts. */
async function boxes(page: Page) {
  const get = async (selector: string) => {
    const box = await page.locator(selector).boundingBox();
    expect(box, `${selector} is laid out`).not.toBeNull();
    return box!;
  };
  return {
    title: await get('.masthead h1'),
    dek: await get('.masthead__dek'),
    meta: await get('.masthead__meta'),
    start: await get('.masthead__start a'),
    figure: await get('.masthead__lead figure'),
    image: await get('.masthead__lead img'),
  };
}

/** Waits until the lead image has loaded, and returns which file it shows and at what size. */
async function leadImage(page: Page) {
  const img = page.locator('.masthead__lead img');
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  return img.evaluate((i: HTMLImageElement) => ({ src: i.currentSrc, shown: i.getBoundingClientRect().width, natural: i.naturalWidth, alt: i.alt }));
}

for (const { path, lang, start } of PAGES) {
  test.describe(`the opening (${lang})`, () => {
    test('at 1280 × 800 the first screen shows the headline, the whole lead graphic and a way into the story, side by side', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(path);
      const lead = await leadImage(page);
      expect(lead.src).toMatch(new RegExp(`${lang === 'fr' ? '/fr' : ''}/maps/map-lead\\.svg$`));
      expect(lead.alt.length).toBeGreaterThan(40);
      // Drawn at its size: the 12–14 px map text is not scaled down.
      expect(lead.shown).toBeGreaterThanOrEqual(lead.natural - 1);
      const b = await boxes(page);
      for (const [name, box] of Object.entries(b)) {
        expect(box.y, `${name} starts in the first screen`).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, `${name} ends in the first screen`).toBeLessThanOrEqual(800);
      }
      // Beside the text, overlapping none of it.
      for (const name of ['title', 'dek', 'meta', 'start'] as const) {
        expect(overlaps(b[name], b.figure), `${name} clear of the lead graphic`).toBe(false);
        expect(b[name].x + b[name].width, `${name} left of the graphic`).toBeLessThanOrEqual(b.figure.x);
      }
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 1 });
      await expect(page.locator('.masthead__lead img')).toBeInViewport({ ratio: 1 });
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/opening-${lang}-1280.png` });
    });

    for (const size of [
      { width: 768, height: 1024 },
      { width: 375, height: 667 },
    ]) {
      test(`at ${size.width} × ${size.height} the lead graphic sits under the headline, nothing overlaps, no sideways scrolling`, async ({ page }) => {
        await page.setViewportSize(size);
        await page.goto(path);
        const lead = await leadImage(page);
        const b = await boxes(page);
        // In reading order down the page: headline, standfirst, graphic, dateline, the way in.
        const order = [b.title, b.dek, b.figure, b.meta, b.start];
        for (let i = 1; i < order.length; i++) expect(order[i].y, `part ${i} under part ${i - 1}`).toBeGreaterThanOrEqual(order[i - 1].y + order[i - 1].height - 0.5);
        const parts = Object.entries(b).filter(([name]) => name !== 'image');
        for (const [i, [nameA, a]] of parts.entries()) {
          for (const [nameB, c] of parts.slice(i + 1)) expect(overlaps(a, c), `${nameA} and ${nameB} overlap`).toBe(false);
        }
        // The graphic starts in the first screen, as wide as the text column.
        expect(b.figure.y).toBeLessThan(size.height);
        expect(b.image.x).toBeGreaterThanOrEqual(0);
        expect(b.image.x + b.image.width).toBeLessThanOrEqual(size.width);
        expect(b.image.width).toBeGreaterThanOrEqual(Math.min(lead.natural, b.dek.width) - 1);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
        if (size.width <= 640) {
          expect(lead.src).toMatch(/\/maps\/map-lead-narrow\.svg$/);
          expect(13 * (lead.shown / lead.natural), 'key text as shown, px').toBeGreaterThanOrEqual(12);
        }
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: `${ARTIFACTS}/opening-${lang}-${size.width}.png` });
      });
    }

    for (const size of [
      { width: 375, height: 667 },
      { width: 1280, height: 800 },
    ]) {
      test(`at ${size.width} × ${size.height} the lead graphic's box is kept while it loads: nothing jumps when it arrives`, async ({ page }) => {
        await page.setViewportSize(size);
        // A slow network: the page paints before the map file arrives.
        await page.route('**/maps/map-lead*.svg', async (route) => {
          await new Promise((r) => setTimeout(r, 1200));
          await route.continue();
        });
        await page.addInitScript(() => {
          (window as unknown as { __shift: number }).__shift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
              if (!e.hadRecentInput) (window as unknown as { __shift: number }).__shift += e.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(path);
        const before = await page.locator('.masthead__meta').boundingBox();
        await leadImage(page);
        expect(await page.locator('.masthead__meta').boundingBox(), 'the dateline stays where it was painted').toEqual(before);
        // Let the last frames report their shifts.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThanOrEqual(0.01);
      });
    }

    test('the way in opens the first chapter', async ({ page }) => {
      await page.goto(path);
      const link = page.getByRole('link', { name: start });
      await expect(link).toBeVisible();
      const target = (await link.getAttribute('href'))!;
      expect(target).toMatch(/^#[a-z0-9-]+$/);
      await link.click();
      const chapter = page.locator(`main ${target}`);
      await expect(chapter).toHaveClass(/chapter/);
      await expect(chapter.locator('h2')).toBeInViewport();
      // It is the story's first chapter.
      expect(await page.locator('main section.chapter').first().getAttribute('id')).toBe(target.slice(1));
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the lead graphic is the same static image in both languages: it costs no script', async ({ page }) => {
    for (const { path, lang } of PAGES) {
      await page.goto(path);
      const lead = await leadImage(page);
      expect(lead.src).toMatch(new RegExp(`${lang === 'fr' ? '/fr' : ''}/maps/map-lead\\.svg$`));
      await expect(page.locator('.masthead__lead img')).toBeInViewport();
      await expect(page.locator('.masthead__lead .figure__title')).not.toBeEmpty();
    }
  });
});
