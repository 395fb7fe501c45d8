/**
 * Every chart step shows its chart in the right state: the expected marks,
 * the highlighted event, the labels; its data table holds the chart's data;
 * the timeline labels its key events and names every event on hover and
 * keyboard focus; and at 375 px nothing spills out of the chart.
 * (How each chart fits the phone pane: charts-fit.spec.ts.)
 */
import { chartTable } from '../../src/charts/tables';
import { keyLabels } from '../../src/charts/data/timeline';
import { formatFigure } from '../../src/i18n/format';
import type { ChartSceneData, StoryData } from '../../src/story/types';
import { test, expect, steps, storyData, scrollToStep, type StepInfo } from './fixtures';
import type { Page } from '@playwright/test';

const chartSteps = async (page: Page) =>
  (await steps(page)).filter((s): s is StepInfo & { scene: ChartSceneData } => s.scene.graphic !== 'map');

/** The marks a reader should see for `scene`. */
async function expectChartState(page: Page, scene: ChartSceneData, story: StoryData) {
  const chart = page.locator(`[data-panel="chart"] figure.chart[data-chart-id="${scene.graphic}"]`);
  await expect(chart).toBeVisible();
  // A text alternative: an image, or for the timeline (whose events are focusable) a group, named by its <title>.
  const svg = chart.locator('svg.chart__svg');
  await expect(svg).toHaveAttribute('role', scene.graphic === 'timeline' ? 'group' : 'img');
  await expect(svg.locator('> title')).not.toBeEmpty();
  await expect(svg).toHaveAccessibleName(/\S/);
  switch (scene.graphic) {
    case 'timeline': {
      await expect(chart).toHaveAttribute('data-state', scene.range);
      const highlighted = chart.locator('g.timeline-event.is-highlighted');
      if (scene.highlight) {
        await expect(highlighted).toHaveCount(1);
        await expect(highlighted).toHaveAttribute('data-id', scene.highlight);
        const event = story.events.find((e) => e.id === scene.highlight)!;
        // The annotation reads its date (with "by" when the source gives no more) and its title, line by line.
        const annotation = chart.locator(`g.timeline-highlight[data-id="${scene.highlight}"]`);
        await expect(annotation).toBeVisible();
        const words = await annotation.evaluate((g) => [...g.querySelectorAll('tspan')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' '));
        expect(words).toContain(event.title.replace(/\s+/g, ' '));
        if (event.qualifier === 'by') expect(words).toMatch(/^by /);
        // Its era, and only that one, in the accent colour.
        await expect(chart.locator('g.timeline-era.is-current')).toHaveCount(1);
      } else {
        await expect(highlighted).toHaveCount(0);
      }
      if (scene.range === 'blockade') {
        // Zoomed to September–December 2025: earlier events are out of range.
        const inRange = await chart
          .locator('g.timeline-event[data-in-range="true"]')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
        for (const id of inRange) expect(story.events.find((e) => e.id === id)!.date >= '2025-09').toBe(true);
      }
      break;
    }
    case 'fuel-traffic': {
      await expect(chart).toHaveAttribute('data-state', scene.stage);
      const shown = {
        normal: ['tankers-daily-normal'],
        standstill: ['tankers-daily-normal'],
        burned: ['tankers-burned-two-weekends'],
        'sept-14': ['sept14-tankers-reuters', 'sept14-tankers-acled', 'sept14-tankers-jnim'],
      }[scene.stage];
      for (const id of shown) {
        const row = chart.locator(`g.fuel-row[data-id="${id}"]`);
        await expect(row).toBeVisible();
        await expect(row).toHaveAttribute('data-value', String(story.figures[id].value));
        // The value is written at the bar's end, qualifier included.
        await expect(row.locator('text.fuel-row__value')).toHaveText(formatFigure(story.figures[id], story.locale));
      }
      // The value axis says what is counted.
      await expect(chart.locator('text.fuel-axis-title')).toHaveText(scene.stage === 'sept-14' ? 'Tankers destroyed' : /\S/);
      await expect(chart.locator('.chart__legend li')).toHaveCount(1);
      if (scene.stage === 'standstill') {
        // A state the source gives in words: dated, with no bar and no value.
        const state = chart.locator('g.fuel-row[data-id="fuel-traffic-standstill"]');
        await expect(state).toBeVisible();
        await expect(state).toHaveAttribute('data-value', '');
        await expect(state).toContainText('standstill');
        await expect(state).toContainText('September 2025');
        await expect(state.locator('rect')).toHaveCount(0);
      }
      if (scene.stage === 'sept-14') {
        // The disagreement is shown: three counts, each named with its source.
        const lowerBound = chart.locator('g.fuel-row[data-id="sept14-tankers-reuters"]');
        await expect(lowerBound).toHaveAttribute('data-estimate', 'at-least');
        await expect(lowerBound.locator('.bar__open')).toHaveCount(1); // drawn open-ended, not as an exact bar
        await expect(chart).toContainText('ACLED');
        await expect(chart).toContainText('JNIM');
        // The convoy's size is an annotation in words, not a bar on the tankers' axis.
        await expect(chart.locator('g.fuel-row[data-id="sept14-convoy-vehicles"]')).toHaveCount(0);
        const convoy = story.figures['sept14-convoy-vehicles'];
        await expect(chart.locator('g.fuel-annotation[data-id="sept14-convoy-vehicles"]')).toHaveText(`The convoy: ${formatFigure(convoy, story.locale)} vehicles`);
      }
      break;
    }
    case 'gold-share': {
      await expect(chart).toHaveAttribute('data-state', scene.stage);
      await expect(chart.locator('g.waffle[data-id="kayes-gold-share"]')).toHaveAttribute('data-filled', '80');
      await expect(chart.locator('g.waffle[data-id="kayes-gold-share"] rect.waffle__cell.is-filled')).toHaveCount(80);
      const older = chart.locator('g.waffle[data-id="kayes-gold-share-2021"]');
      if (scene.stage === 'compare') await expect(older).toHaveAttribute('data-filled', '77');
      else await expect(older).toHaveCount(0);
      break;
    }
    case 'trade': {
      await expect(chart).toHaveAttribute('data-state', scene.stage);
      await expect(chart.locator('g.trade-exports[data-id="senegal-exports-to-mali"]')).toHaveAttribute('data-estimate', 'more-than');
      await expect(chart.locator('g.trade-goods')).toHaveAttribute('data-visible', String(scene.stage === 'goods'));
      if (scene.stage === 'goods') await expect(chart.locator('g.trade-good')).toHaveCount(4);
      break;
    }
    case 'bamako-life': {
      await expect(chart).toHaveAttribute('data-state', scene.stage);
      await expect(chart.locator(`g.life-panel.is-active[data-stage="${scene.stage}"]`)).toHaveCount(1);
      break;
    }
  }
  // The table a reader can reveal holds the chart's own data.
  const expected = chartTable(scene.graphic, story);
  const table = page.locator(`[data-panel="chart"] details.chart-table[data-chart-id="${scene.graphic}"]`).first();
  await table.locator('summary').click();
  const cells = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
  expect(cells).toEqual(expected.rows.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim())));
  await table.locator('summary').click();
}

test('each chart step shows its chart in the right state, with its data table', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  const story = await storyData(page);
  const all = await chartSteps(page);
  expect(new Set(all.map((s) => s.scene.graphic)).size).toBe(5);
  for (const step of all) {
    await scrollToStep(page, step.id);
    await expect(page.locator('[data-panel="chart"]')).toHaveAttribute('data-chart', step.scene.graphic);
    await expectChartState(page, step.scene, story);
  }
});

test('the timeline labels its key events directly, and names every other event on hover and keyboard focus', async ({ page }) => {
  await page.goto('./');
  const story = await storyData(page);
  const all = await chartSteps(page);
  const step = all.find((s) => s.scene.graphic === 'timeline' && s.scene.range === 'all' && s.scene.highlight)!;
  const scene = step.scene as Extract<ChartSceneData, { graphic: 'timeline' }>;
  await scrollToStep(page, step.id);
  const chart = page.locator('[data-panel="chart"] figure.chart[data-chart-id="timeline"]');
  await expect(chart).toHaveAttribute('data-highlight', scene.highlight!);
  // At 1280 px every key label is on the chart (the step's own event has its annotation instead).
  for (const label of keyLabels('all', scene.highlight, story.locale)) {
    await expect(chart.locator(`g.timeline-key[data-events="${label.eventIds.join(' ')}"]`)).toHaveText(label.text);
  }
  // Wagner is labelled by what is dated: the Western condemnation, not the deployment.
  if (scene.highlight !== 'wagner-deployment-condemned') {
    await expect(chart.locator('g.timeline-key[data-events="wagner-deployment-condemned"]')).toContainText('condemned');
  }

  // Keyboard: one tab stop on the events (the step's own), the arrow keys move along them and name each.
  const stop = chart.locator('g.timeline-event[tabindex="0"]');
  await expect(stop).toHaveCount(1);
  await expect(stop).toHaveAttribute('data-id', scene.highlight!);
  await stop.focus();
  const tip = chart.locator('g.timeline-tip');
  const event = (id: string) => story.events.find((e) => e.id === id)!;
  const tipWords = () => tip.evaluate((g) => [...g.querySelectorAll('tspan')].map((t) => t.textContent).join(' ').replace(/\s+/g, ' '));
  await expect(tip).toBeVisible();
  expect(await tipWords()).toContain(event(scene.highlight!).title);
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => (document.activeElement as Element | null)?.getAttribute('data-id'));
  expect(next).toBeTruthy();
  expect(next).not.toBe(scene.highlight);
  // Named for screen readers by its date and title.
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(page.locator(`g.timeline-event[data-id="${next}"]`)).toHaveAccessibleName(new RegExp(`${escape(event(next!).title)}$`));
  await expect(tip).toHaveAttribute('data-id', next!);
  // Focus shows as the event's own ring, not as an outline round the group's box (which spans its leader and label).
  const focused = page.locator(`g.timeline-event[data-id="${next}"]`);
  expect(await focused.evaluate((g) => getComputedStyle(g).outlineStyle)).toBe('none');
  await expect(focused.locator('rect.timeline-event__focus')).toBeVisible();
  // The arrow moved along the events, not to the next step.
  await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', step.id);

  // Hover: the nearest event names itself.
  await page.keyboard.press('Tab');
  const mark = chart.locator('g.timeline-event[data-id="jnim-founded"] path.timeline-event__mark');
  await mark.hover({ force: true });
  await expect(tip).toHaveAttribute('data-id', 'jnim-founded');
  expect(await tipWords()).toContain(event('jnim-founded').title);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test('no chart label spills out of its chart at 375 px', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./');
    const seen = new Set<string>();
    for (const step of await chartSteps(page)) {
      const key = `${step.scene.graphic}:${'stage' in step.scene ? step.scene.stage : step.scene.range}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await scrollToStep(page, step.id);
      const svg = page.locator(`[data-panel="chart"] figure.chart[data-chart-id="${step.scene.graphic}"] svg.chart__svg`);
      await expect(svg).toBeVisible();
      await page.waitForTimeout(50);
      const spills = await svg.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll('text')]
          .filter((t) => t.getClientRects().length > 0 && getComputedStyle(t).visibility !== 'hidden')
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect(), size: parseFloat(getComputedStyle(t).fontSize) }))
          .filter(({ r, size }) => r.left < box.left - 1 || r.right > box.right + 1 || size < 12)
          .map(({ text, size }) => `${text} (${size}px)`);
      });
      expect(spills, key).toEqual([]);
    }
  });
});
