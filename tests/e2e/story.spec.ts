/**
 * The story end to end: every step activates and shows its whole scene; deep
 * links, reloads and the step controls land on the right step.
 */
import { test, expect, steps, storyData, scrollToStep, expectSceneShown, isPainted } from './fixtures';

test('every step becomes active in turn and shows its scene', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  const story = await storyData(page);
  const all = await steps(page);
  expect(all.length).toBeGreaterThanOrEqual(20);
  let checkedCanvas = false;
  for (const step of all) {
    await scrollToStep(page, step.id);
    await expect(page.locator(`[data-step="${step.id}"]`)).toHaveAttribute('aria-current', 'step');
    await expectSceneShown(page, step.scene, story);
    if (step.scene.graphic === 'map' && !checkedCanvas) {
      await expect(page.locator('[data-panel="map"]')).toHaveAttribute('data-renderer', 'webgl');
      await expect.poll(() => isPainted(page, '[data-panel="map"] canvas')).toBe(true);
      checkedCanvas = true;
    }
  }
  expect(checkedCanvas, 'at least one map step drawn with WebGL').toBe(true);
  await expect(page).toHaveURL(new RegExp(`#${all.at(-1)!.id}$`));
});

test('a deep link opens a late step at once, without replaying earlier scenes', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  const target = all[all.length - 3];
  // Record every scene the graphic shows from the first moment of the next load.
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { sceneLog: string[] }).sceneLog = log;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (r.attributeName === 'data-scene' && el.matches('[data-graphic]')) log.push(el.dataset.scene ?? '');
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scene'] });
  });
  await page.goto('about:blank'); // a new document, so the init script runs from its start
  await page.goto(`./#${target.id}`);
  const story = await storyData(page);
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', target.id);
  await expectSceneShown(page, target.scene, story);
  await expect(page.locator(`[data-step="${target.id}"]`)).toBeInViewport();
  const log = await page.evaluate(() => (window as unknown as { sceneLog: string[] }).sceneLog);
  expect(log.filter((s) => s !== target.scene.id), 'scenes shown before the target').toEqual([]);
});

test('a reload in the middle of the story lands on the same step', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  const middle = all[Math.floor(all.length / 2)];
  await scrollToStep(page, middle.id);
  await page.reload();
  const story = await storyData(page);
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', middle.id);
  await expectSceneShown(page, middle.scene, story);
});

test('the previous/next buttons and the keyboard move between steps', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  const story = await storyData(page);
  await scrollToStep(page, all[2].id);
  const next = page.getByRole('button', { name: 'Next step' });
  const previous = page.getByRole('button', { name: 'Previous step' });
  await next.click();
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', all[3].id);
  await expectSceneShown(page, all[3].scene, story);
  await previous.click();
  await previous.click();
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', all[1].id);
  await page.keyboard.press('j');
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', all[2].id);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', all[3].id);
  await page.keyboard.press('k');
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', all[2].id);
  await expect(page.getByText(`Step 3 of ${all.length}`)).toBeVisible();
  await expect(page.locator(`[data-step="${all[2].id}"]`)).toBeFocused();
});

test('a fast scroll to the end lands on the last step with its scene', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  const story = await storyData(page);
  await scrollToStep(page, all[1].id);
  const last = all.at(-1)!;
  // One jump from the second step to the last (the step lands where a link to it would put it: its scroll margin).
  await page.locator(`[data-step="${last.id}"]`).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', last.id);
  await expectSceneShown(page, last.scene, story);
});

test('each scene change is announced in one sentence', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  const mapStep = all.find((s) => s.scene.graphic === 'map')!;
  await scrollToStep(page, mapStep.id);
  await expect(page.locator('[data-announcer]')).toHaveText(mapStep.scene.description);
  expect(mapStep.scene.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBe(1);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('map steps still land on their views', async ({ page }) => {
    await page.goto('./');
    const story = await storyData(page);
    const maps = (await steps(page)).filter((s) => s.scene.graphic === 'map').slice(0, 4);
    for (const step of maps) {
      await scrollToStep(page, step.id);
      await expectSceneShown(page, step.scene, story);
    }
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  test('steps activate and the graphic sits behind the text', async ({ page }) => {
    await page.goto('./');
    const story = await storyData(page);
    const all = await steps(page);
    for (const step of [all[0], all[Math.floor(all.length / 2)], all.at(-1)!]) {
      await scrollToStep(page, step.id);
      await expectSceneShown(page, step.scene, story);
    }
    const graphic = await page.locator('[data-graphic]').boundingBox();
    expect(graphic?.width).toBeGreaterThanOrEqual(370);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
  });
});

test('after a fast flick the graphic shows the scene of the step at the trigger line', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  const story = await storyData(page);
  const all = await steps(page);
  await page.mouse.move(200, 400);
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 450);
    await page.waitForTimeout(25);
  }
  // Wait until the page stops moving (wheel scrolling eases out).
  let last = -1;
  await expect
    .poll(async () => {
      const y = await page.evaluate(() => scrollY);
      const still = y === last;
      last = y;
      return still;
    }, { intervals: [300] })
    .toBe(true);
  // The step a reader at this position is reading: the last one whose top passed the trigger line.
  const expected = await page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-scrolly]')!;
    const line = innerHeight * Number(root.dataset.trigger);
    return [...document.querySelectorAll<HTMLElement>('[data-step]')].filter((s) => s.getBoundingClientRect().top <= line).at(-1)?.id;
  });
  expect(expected).toBeTruthy();
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', expected!);
  await expectSceneShown(page, all.find((s) => s.id === expected)!.scene, story);
});

test('a link to the sources or the numbers keeps its address and lands there', async ({ page }) => {
  await page.goto('./#numbers');
  await expect(page.locator('#numbers')).toBeInViewport();
  await page.waitForTimeout(500);
  expect(new URL(page.url()).hash).toBe('#numbers');
});

test('after following a link to a source, scrolling back into the story gives the address back to the steps', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  await scrollToStep(page, all[12].id);
  const cite = page.locator(`[data-step="${all[12].id}"] a.cite`).first();
  const source = page.locator((await cite.getAttribute('href'))!);
  await cite.click();
  await expect(page).toHaveURL(/#source-/);
  // The browser's smooth jump to the source has ended before the reader scrolls back (a scroll
  // issued while it runs would land wherever the jump had got to).
  await expect(source).toBeInViewport();
  await expect.poll(() => page.evaluate(() => new Promise((done) => {
    const from = scrollY;
    setTimeout(() => done(scrollY === from), 300);
  }))).toBe(true);
  await scrollToStep(page, all[10].id);
  await expect(page).toHaveURL(new RegExp(`#${all[10].id}$`));
});
