/**
 * Presenter mode (src/story/presenter.ts, src/styles/presenter.css) on a
 * 1280 × 720 projector: one step per screen beside the live graphic, large
 * type, no scrolling; clicker keys and on-screen buttons move between steps
 * and the graphic follows; Escape returns to the scrolling story at the same
 * step; it opens from its toggle by keyboard and from `?present`; French too;
 * no axe violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown, type StepInfo } from './fixtures';
import { t } from '../../src/i18n/ui';
import type { Locale } from '../../src/i18n/locales';

test.use({ viewport: { width: 1280, height: 720 } });

const active = (page: Page) => page.locator('[data-scrolly]');

/** What a projector shows of the active step: its text size, whether anything overflows or scrolls, the graphic's box. */
async function screenState(page: Page) {
  return page.evaluate(() => {
    const visibleSteps = [...document.querySelectorAll<HTMLElement>('[data-step]')].filter((s) => s.getClientRects().length > 0);
    const step = visibleSteps[0];
    const paragraphs = [...(step?.querySelectorAll('.step__body p') ?? [])];
    const text = document.querySelector<HTMLElement>('.scrolly__text')!;
    const graphic = document.querySelector<HTMLElement>('[data-graphic]')!.getBoundingClientRect();
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth + 0.5;
    };
    return {
      visibleSteps: visibleSteps.map((s) => s.id),
      smallestText: Math.min(...paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize))),
      textOverflow: text.scrollHeight - text.clientHeight,
      pageScrolls: document.documentElement.scrollHeight > innerHeight || document.body.scrollHeight > innerHeight,
      stepInView: !!step && inView(step),
      graphic: { width: graphic.width, height: graphic.height },
    };
  });
}

/** Checks the screen shows step `index` of `all` (text, position line, the graphic in its scene) and fits. */
async function expectSlide(page: Page, all: StepInfo[], index: number, locale: Locale, scene = true) {
  const step = all[index];
  await expect(active(page)).toHaveAttribute('data-active-step', step.id);
  await expect(page.locator('.story-nav__position')).toHaveText(t(locale, 'nav.position', { n: index + 1, total: all.length }));
  const state = await screenState(page);
  expect(state.visibleSteps, 'one step on screen').toEqual([step.id]);
  expect(state.smallestText, `body text of ${step.id}, px`).toBeGreaterThanOrEqual(24);
  expect(state.textOverflow, `${step.id} fits without scrolling`).toBeLessThanOrEqual(0);
  expect(state.pageScrolls, 'the page does not scroll').toBe(false);
  expect(state.stepInView).toBe(true);
  if (scene) await expectSceneShown(page, step.scene, await storyData(page));
}

test('?present opens presenter mode: one step per screen, 24 px text, the graphic large, nothing scrolls', async ({ page }) => {
  await page.goto('./?present');
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  const all = await steps(page);
  await expectSlide(page, all, 0, 'en');
  const state = await screenState(page);
  expect(state.graphic.width).toBeGreaterThanOrEqual(1280 * 0.5);
  expect(state.graphic.height).toBeGreaterThanOrEqual(720 * 0.85);
  // The masthead, the other chapters and the credits are out of the page.
  await expect(page.locator('.masthead')).toBeHidden();
  await expect(page.locator('.credits')).toBeHidden();
  // The on-screen buttons are large enough to hit on a touch screen.
  for (const name of [t('en', 'nav.previous'), t('en', 'nav.next'), t('en', 'present.close')]) {
    const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(box.height, name).toBeGreaterThanOrEqual(44);
    expect(box.width, name).toBeGreaterThanOrEqual(44);
  }
});

test('clicker keys and buttons move through every step, and the graphic shows each step\'s scene', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./?present');
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  const all = await steps(page);
  await expectSlide(page, all, 0, 'en');
  // PageDown through the whole story, as a clicker does.
  for (let i = 1; i < all.length; i++) {
    await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
    await expectSlide(page, all, i, 'en');
  }
  // Past the last step nothing moves.
  await page.keyboard.press('PageDown');
  await expect(active(page)).toHaveAttribute('data-active-step', all.at(-1)!.id);
  await page.keyboard.press('PageUp');
  await expectSlide(page, all, all.length - 2, 'en');
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, all, all.length - 3, 'en');
  await page.keyboard.press('Home');
  await expectSlide(page, all, 0, 'en');
  // The on-screen buttons; the focus stays on the button, so it can be pressed again.
  const next = page.getByRole('button', { name: t('en', 'nav.next'), exact: true });
  await next.click();
  await next.click();
  await expectSlide(page, all, 2, 'en');
  await expect(next).toBeFocused();
  await page.getByRole('button', { name: t('en', 'nav.previous'), exact: true }).click();
  await expectSlide(page, all, 1, 'en');
});

test('each step change is announced with its position', async ({ page }) => {
  await page.goto('./?present');
  // The mode opens once its code and stylesheet are in (they come after the first paint).
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  const all = await steps(page);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.locator('[data-announcer]')).toHaveText(
    t('en', 'present.announce', { position: t('en', 'nav.position', { n: 3, total: all.length }), description: all[2].scene.description }),
  );
});

test('?present#step opens at that step, and Escape returns to the scrolling story at the same step', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  const start = all[Math.floor(all.length / 2)];
  await page.goto(`./?present#${start.id}`);
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  await expectSlide(page, all, all.indexOf(start), 'en');
  await page.keyboard.press('PageDown');
  const here = all[all.indexOf(start) + 1];
  await expect(active(page)).toHaveAttribute('data-active-step', here.id);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/is-presenting/);
  // The scrolling story, on the same step: the address, the scroll position, the graphic, the focus.
  await expect(page).toHaveURL(new RegExp(`/#${here.id}$`));
  await expect(page.locator('.masthead')).toBeVisible();
  await expect(page.locator(`[data-step="${here.id}"]`)).toBeInViewport();
  const onTrigger = await page.locator(`[data-step="${here.id}"]`).evaluate((el) => {
    const trigger = Number(el.closest<HTMLElement>('[data-scrolly]')!.dataset.trigger);
    const box = el.getBoundingClientRect();
    return box.top <= innerHeight * trigger && box.bottom >= innerHeight * trigger;
  });
  expect(onTrigger, 'the step sits on the trigger line').toBe(true);
  await page.waitForTimeout(800); // past the engine's hold after leaving slides mode: scrolling decides again
  await expect(active(page)).toHaveAttribute('data-active-step', here.id);
  await expectSceneShown(page, here.scene, await storyData(page));
  await expect(page.locator(`[data-step="${here.id}"]`)).toBeFocused();
  // Scrolling drives the steps again.
  const after = all[all.indexOf(here) + 2];
  await scrollToStep(page, after.id);
  await expectSceneShown(page, after.scene, await storyData(page));
});

test('the Present toggles work from the keyboard, at the top of the page and from the step bar', async ({ page }) => {
  await page.goto('./');
  const all = await steps(page);
  // From the top: Tab past the skip link to the toggle, Enter.
  const top = page.locator('.masthead [data-present-toggle]');
  await expect(top).toBeVisible();
  for (let i = 0; i < 5 && !(await top.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(top).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  await expectSlide(page, all, 0, 'en', false);
  await expect(page).toHaveURL(/\?present#/);
  // The step bar's toggle is the way out: Shift+Tab back to it from the step bar, Enter.
  const bar = page.locator('.story-nav [data-present-toggle]');
  await expect(bar).toHaveText(t('en', 'present.close'));
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveClass(/is-presenting/);
  await expect(page).not.toHaveURL(/present/);
  await expect(bar).toHaveText(t('en', 'present.open'));
  // Mid-story, the step bar's toggle presents from the reader's step (Space on the button, as a keyboard user would).
  const mid = all[5];
  await scrollToStep(page, mid.id);
  await bar.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  await expectSlide(page, all, 5, 'en', false);
  await expect(bar).toHaveAttribute('aria-describedby', 'present-hint');
  await expect(page.locator('#present-hint')).toHaveText(t('en', 'present.hint'));
});

test('presenter mode in French', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./fr/?present');
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  const all = await steps(page);
  await expect(page.getByText(`Étape 1 sur ${all.length}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quitter le mode présentation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Étape suivante', exact: true })).toBeVisible();
  // Every French step fits the screen at 24 px (French runs longer than English); the scenes follow.
  for (let i = 0; i < all.length; i++) {
    if (i > 0) await page.keyboard.press('PageDown');
    await expectSlide(page, all, i, 'fr', i % 6 === 0);
  }
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`/fr/#${all.at(-1)!.id}$`));
});

test('no WCAG 2.1 A/AA violations in presenter mode', async ({ page }) => {
  await page.goto('./?present');
  await expect(page.locator('html')).toHaveClass(/is-presenting/);
  const all = await steps(page);
  const story = await storyData(page);
  for (const step of [all.find((s) => s.scene.graphic === 'map')!, all.find((s) => s.scene.graphic !== 'map')!]) {
    await page.goto(`./?present#${step.id}`);
    await expect(page.locator('html')).toHaveClass(/is-presenting/);
    await expect(active(page)).toHaveAttribute('data-active-step', step.id);
    await expectSceneShown(page, step.scene, story);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('map steps land on their views in presenter mode', async ({ page }) => {
    await page.goto('./?present');
    await expect(page.locator('html')).toHaveClass(/is-presenting/);
    const all = await steps(page);
    const story = await storyData(page);
    const lastMap = all.indexOf(all.filter((s) => s.scene.graphic === 'map')[3]);
    for (let i = 1; i <= lastMap; i++) {
      await page.keyboard.press('PageDown');
      await expect(active(page)).toHaveAttribute('data-active-step', all[i].id);
      if (all[i].scene.graphic === 'map') await expectSceneShown(page, all[i].scene, story);
    }
  });
});
