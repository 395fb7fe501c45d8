/** With JavaScript off, the whole story is readable and every map step has its static map. */
import { test, expect } from './fixtures';

test.use({ javaScriptEnabled: false });

test('every chapter and step is readable without JavaScript', async ({ page }) => {
  await page.goto('./');
  // Every section heading (a closed dialog's heading is not part of the reading).
  const chapters = page.locator('main h2:not(dialog h2)');
  expect(await chapters.count()).toBeGreaterThanOrEqual(7);
  for (const heading of await chapters.all()) await expect(heading).toBeVisible();
  const stepsOnPage = page.locator('[data-step]');
  expect(await stepsOnPage.count()).toBeGreaterThanOrEqual(20);
  for (const step of await stepsOnPage.all()) {
    await expect(step).toBeVisible();
    expect(((await step.innerText()) ?? '').trim().length).toBeGreaterThan(40);
  }
  // The sticky graphic needs JavaScript; without it, it stays out of the way.
  await expect(page.locator('[data-graphic]')).toBeHidden();
});

test('every step shows its figure: the static map or chart, its alt text, its source line and, for a chart, a link to its data table', async ({ page }) => {
  await page.goto('./');
  const steps = page.locator('[data-step]');
  expect(await steps.count()).toBeGreaterThan(30);
  for (const step of await steps.all()) {
    const figure = step.locator('figure.figure');
    const img = figure.locator('img.figure__image');
    await img.scrollIntoViewIfNeeded();
    await expect(img).toBeVisible();
    expect((await img.getAttribute('alt'))?.trim().length).toBeGreaterThan(10);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    // Its title is the scene's headline, and its caption names the sources and the as-of date.
    await expect(figure.locator('.figure__title')).not.toBeEmpty();
    await expect(figure.locator('figcaption')).toContainText(/Sources?:/);
    if ((await step.getAttribute('data-graphic-kind')) !== 'map') {
      await expect(figure.locator('figcaption')).toContainText(/as of/);
      // Its data table: one per chart in the closing section, reached by a link from the figure.
      const href = await step.locator('.figure__table-link a').getAttribute('href');
      expect(href).toMatch(/^#./);
      await expect(page.locator(`${href} table tbody tr`).first()).toBeAttached();
    }
  }
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('chart steps show the narrow chart figure, its smallest text at 12 px or more as shown', async ({ page, baseURL }) => {
    await page.goto('./');
    const imgs = page.locator('[data-step]:not([data-graphic-kind="map"]) img.figure__image');
    expect(await imgs.count()).toBeGreaterThan(10);
    for (const img of await imgs.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      const { src, shown, natural } = await img.evaluate((i: HTMLImageElement) => ({ src: i.currentSrc, shown: i.getBoundingClientRect().width, natural: i.naturalWidth }));
      expect(src).toMatch(/\/charts\/[a-z0-9-]+-narrow\.svg$/);
      const svg = await (await page.request.get(new URL(src, baseURL).href)).text();
      const sizes = [...svg.matchAll(/font-size[=:]"?([\d.]+)/g)].map((x) => Number(x[1]));
      expect(Math.min(...sizes) * (shown / natural), `${src}: smallest text`).toBeGreaterThanOrEqual(11.9);
    }
  });
});
