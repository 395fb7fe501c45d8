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

test('from any step, Tab reaches the graphic’s controls within a few presses, then the step bar, and goes on to the next step', async ({ page }) => {
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
    // On through the graphic's controls and the step bar's, then to the steps after this one, not back to the page's end.
    let left: string | null = null;
    const bar: string[] = [];
    for (let presses = 0; presses < 16 && left === null; presses++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement;
        if (el?.closest('[data-graphic]')) return { where: 'graphic' };
        if (el?.closest('[data-nav-bar]')) return { where: 'bar', name: el.getAttribute('data-nav') ?? el.textContent?.trim() ?? '' };
        return { where: el?.closest('[data-step]')?.id ?? 'outside' };
      });
      if (at.where === 'bar') bar.push(at.name!);
      else if (at.where !== 'graphic') left = at.where;
    }
    expect(bar, 'the step bar comes after the graphic').toContain('next');
    const index = all.findIndex((s) => s.id === left);
    expect(index, `after the step bar, focus goes on to a later step (got ${left})`).toBeGreaterThan(all.findIndex((s) => s.id === step.id));
  }
});

test.describe('a card taller than the room under the graphic, on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  for (const path of ['./', './fr/']) {
    test(`Next shows the rest of the card before moving on, so a reader who only taps Next reads every line (${path})`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(path);
      const all = await steps(page);
      await scrollToStep(page, all[0].id);
      const bar = page.locator('.story-nav');
      const room = await page.evaluate(() => document.querySelector('.story-nav')!.getBoundingClientRect().top - document.querySelector('[data-graphic]')!.getBoundingClientRect().bottom);
      // The first step after the first whose card is taller than that room (reached with Next from the one before).
      const heights = await page.locator('[data-step]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      const index = heights.findIndex((h, i) => i > 0 && h > room);
      expect(index, `a card taller than the ${Math.round(room)} px room`).toBeGreaterThan(0);
      const tall = all[index];
      await scrollToStep(page, all[index - 1].id);
      const next = page.locator('[data-nav="next"]');
      // Next until it is the active step (the one before may be long too, and be read to its end first).
      const activeId = () => page.locator(scrolly).getAttribute('data-active-step');
      for (let press = 0; press < 10 && (await activeId()) !== tall.id; press++) {
        await next.click();
        await page.waitForTimeout(150);
      }
      await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', tall.id);
      const card = page.locator(`[data-step="${tall.id}"]`);
      // Its first line shows under the pane; its end is under the bar.
      const gap = async () => (await card.boundingBox())!.y + (await card.boundingBox())!.height - (await bar.boundingBox())!.y;
      await expect.poll(gap).toBeGreaterThan(4);
      // Next, as many times as it takes (never more than the card's height in rooms): the same step, until its end is above the bar.
      for (let press = 0; press < Math.ceil(heights[index] / (room / 2)) && (await gap()) > 4; press++) {
        await next.click();
        await page.waitForTimeout(100);
        await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', tall.id);
      }
      expect(await gap(), 'the end of the card is above the step bar').toBeLessThanOrEqual(4);
      // Then on to the next step.
      await next.click();
      await expect(page.locator(scrolly)).toHaveAttribute('data-active-step', all[index + 1].id);
    });
  }
});
