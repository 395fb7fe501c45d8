/**
 * The French edition built under a newsroom's subpath (the `base-path`
 * project of playwright.config.ts serves that build): the story and the
 * educators' page load under <base>fr/, with their story data, static figures,
 * language switch (keeping the step), canonical and alternate URLs all under
 * the base path.
 */
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';

test('the French story works under a base path: data, steps, figures, switch and canonical', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  expect(base).not.toBe('/');
  await page.goto('./fr/');
  expect(new URL(page.url()).pathname).toBe(`${base}fr/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const story = await storyData(page);
  expect(story.base).toBe(base);
  expect(story.locale).toBe('fr');
  const all = await steps(page);
  const mapStep = all.find((s) => s.scene.graphic === 'map')!;
  const chartStep = all.find((s) => s.scene.graphic !== 'map')!;
  for (const step of [chartStep, mapStep]) {
    await scrollToStep(page, step.id);
    await expectSceneShown(page, step.scene, story);
  }

  // The lead graphic and every step's figure resolve to the French figures under the base path.
  const lead = page.locator('.masthead__lead img');
  await expect.poll(() => lead.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  expect(new URL(await lead.evaluate((i: HTMLImageElement) => i.currentSrc)).pathname).toBe(`${base}fr/maps/map-lead.svg`);
  const figures = await page.locator('img.figure__image').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
  expect(figures.length).toBeGreaterThan(30);
  for (const src of new Set(figures)) {
    expect(new URL(src).pathname, src).toMatch(new RegExp(`^${base}fr/(maps|charts)/[a-z0-9-]+\\.svg$`));
    const response = await page.request.get(src);
    expect(response.status(), src).toBe(200);
    expect(response.headers()['content-type'], src).toContain('svg');
  }

  // Canonical and alternates carry the base path.
  const head = await page.evaluate(() => ({
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    en: document.querySelector('link[hreflang="en"]')?.getAttribute('href'),
    fr: document.querySelector('link[hreflang="fr"]')?.getAttribute('href'),
  }));
  expect(new URL(head.canonical!).pathname).toBe(`${base}fr/`);
  expect(new URL(head.fr!).pathname).toBe(`${base}fr/`);
  expect(new URL(head.en!).pathname).toBe(base);

  // The switch keeps the step, to the English page under the same base path.
  await scrollToStep(page, mapStep.id);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`#${mapStep.id}$`));
  expect(new URL(page.url()).pathname).toBe(base);
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', mapStep.id);
});

test('the French educators’ page works under a base path: its figures and its links to the story', async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  await page.goto('./fr/educators/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const imgs = page.locator('img.figure__image');
  expect(await imgs.count()).toBeGreaterThan(0);
  for (const img of await imgs.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    expect(new URL(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).pathname).toMatch(new RegExp(`^${base}fr/`));
  }
  // Every link into the story stays in French, under the base path.
  const storyLinks = await page.locator('a[href*="#"]:not([href^="#"])').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(storyLinks.length).toBeGreaterThan(5);
  for (const path of storyLinks) expect(path).toBe(`${base}fr/`);
});
