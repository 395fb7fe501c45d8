/** With JavaScript off, the whole story is readable and every map step has its static map. */
import { test, expect } from './fixtures';

test.use({ javaScriptEnabled: false });

test('every chapter and step is readable without JavaScript', async ({ page }) => {
  await page.goto('./');
  const chapters = page.locator('main h2');
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

test('every map step shows its static map with alt text', async ({ page }) => {
  await page.goto('./');
  const mapSteps = page.locator('[data-step][data-graphic-kind="map"]');
  expect(await mapSteps.count()).toBeGreaterThan(3);
  for (const step of await mapSteps.all()) {
    const img = step.locator('img.step__static');
    await img.scrollIntoViewIfNeeded();
    await expect(img).toBeVisible();
    expect((await img.getAttribute('alt'))?.trim().length).toBeGreaterThan(10);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  }
});
