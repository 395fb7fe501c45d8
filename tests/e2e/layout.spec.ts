/**
 * The layout follows the screen: the layout (column or stacked) and the
 * trigger line are decided again when the viewport crosses the breakpoint,
 * the active step is kept, and later steps activate at the new trigger line.
 * Rapid stepping from the keyboard ends on the right step with its scene.
 */
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';

const scrolly = '[data-scrolly]';

test('resizing from desktop to phone width and back keeps the active step, then steps activate at the new trigger line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  const story = await storyData(page);
  const all = await steps(page);
  const step = all[8];
  await scrollToStep(page, step.id);
  await expect(page.locator(scrolly)).toHaveAttribute('data-layout', 'column');

  await page.setViewportSize({ width: 375, height: 667 });
  await expect(page.locator(scrolly)).toHaveAttribute('data-layout', 'stacked');
  await page.waitForTimeout(600);
  await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', step.id);
  await expectSceneShown(page, step.scene, story);
  const phoneTrigger = Number(await page.locator(scrolly).getAttribute('data-trigger'));
  expect(phoneTrigger).toBeGreaterThan(0.5);
  // The next step activates where the new trigger line is, not the old one.
  await scrollToStep(page, all[9].id);
  await expectSceneShown(page, all[9].scene, story);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator(scrolly)).toHaveAttribute('data-layout', 'column');
  await expect(page.locator(scrolly)).toHaveAttribute('data-trigger', '0.5');
  await page.waitForTimeout(600);
  await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', all[9].id);
  await expectSceneShown(page, all[9].scene, story);
});

test('rotating a tablet keeps the active step and its scene', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('./');
  const story = await storyData(page);
  const all = await steps(page);
  const step = all.find((s) => s.scene.graphic === 'map' && all.indexOf(s) > 15)!;
  await scrollToStep(page, step.id);
  await expect(page.locator(scrolly)).toHaveAttribute('data-layout', 'stacked');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator(scrolly)).toHaveAttribute('data-layout', 'column');
  await page.waitForTimeout(600);
  await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', step.id);
  await expectSceneShown(page, step.scene, story);
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(page.locator(scrolly)).toHaveAttribute('data-layout', 'stacked');
  await page.waitForTimeout(600);
  await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', step.id);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  test('turning it to landscape and back keeps the step, late in the story, on a chart step and a map step', async ({ page }) => {
    await page.goto('./');
    const story = await storyData(page);
    const all = await steps(page);
    const late = all.slice(20);
    for (const step of [late.find((s) => s.scene.graphic !== 'map')!, late.find((s) => s.scene.graphic === 'map')!]) {
      await page.goto(`./#${step.id}`);
      await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', step.id);
      await page.waitForTimeout(1000);
      for (const size of [{ width: 667, height: 375 }, { width: 375, height: 667 }]) {
        await page.setViewportSize(size);
        await page.waitForTimeout(800);
        await expect(page.locator(scrolly), `${step.id} at ${size.width}×${size.height}`).toHaveAttribute('data-active-step', step.id);
        await expectSceneShown(page, step.scene, story);
        await expect(page.locator(`[data-step="${step.id}"]`)).toBeInViewport();
      }
    }
  });
});

test('50 presses of the step key in a second end on the right step, with its scene', async ({ page }) => {
  await page.goto('./');
  const story = await storyData(page);
  const all = await steps(page);
  await scrollToStep(page, all[0].id);
  const presses = 20;
  for (let i = 0; i < presses; i++) await page.keyboard.press('j', { delay: 0 });
  for (let i = 0; i < 50 - presses; i++) await page.keyboard.press(i % 2 ? 'j' : 'k', { delay: 0 });
  // 20 forward, then 15 back and 15 forward: step 21.
  const target = all[presses];
  await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', target.id);
  await page.waitForTimeout(1200);
  await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', target.id);
  await expectSceneShown(page, target.scene, story);
  await expect(page.locator(`[data-step="${target.id}"]`)).toBeInViewport();
});

test('from any step, Tab reaches the graphic’s controls within a few presses, and goes on to the next step', async ({ page }) => {
  await page.goto('./');
  const story = await storyData(page);
  const all = await steps(page);
  for (const step of [all.find((s) => s.scene.graphic === 'map')!, all.find((s) => s.scene.graphic !== 'map')!, all[20]]) {
    await scrollToStep(page, step.id);
    await expectSceneShown(page, step.scene, story);
    await page.locator(`[data-step="${step.id}"]`).focus();
    let reached = false;
    for (let presses = 0; presses < 6 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.closest('[data-graphic]') && !document.activeElement?.hasAttribute('data-focus-sentinel'));
    }
    expect(reached, `Tab from step ${step.id} reaches the graphic's controls`).toBe(true);
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(name, 'a named control').toBeTruthy();
    // On through the graphic's controls, then to the steps after this one, not back to the page's end.
    let left: string | null = null;
    for (let presses = 0; presses < 12 && left === null; presses++) {
      await page.keyboard.press('Tab');
      left = await page.evaluate(() => (document.activeElement?.closest('[data-graphic]') ? null : (document.activeElement?.closest('[data-step]')?.id ?? 'outside')));
    }
    const index = all.findIndex((s) => s.id === left);
    expect(index, `after the graphic, focus goes on to a later step (got ${left})`).toBeGreaterThan(all.findIndex((s) => s.id === step.id));
  }
});
