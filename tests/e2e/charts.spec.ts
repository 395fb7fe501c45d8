/**
 * Every chart step shows its chart in the right state: the expected marks,
 * the highlighted event, the labels; its data table holds the chart's data;
 * and at 375 px nothing spills out of the chart.
 */
import { chartTable } from '../../src/charts/tables';
import type { ChartSceneData, StoryData } from '../../src/story/types';
import { test, expect, steps, storyData, scrollToStep, type StepInfo } from './fixtures';
import type { Page } from '@playwright/test';

const chartSteps = async (page: Page) =>
  (await steps(page)).filter((s): s is StepInfo & { scene: ChartSceneData } => s.scene.graphic !== 'map');

/** The marks a reader should see for `scene`. */
async function expectChartState(page: Page, scene: ChartSceneData, story: StoryData) {
  const chart = page.locator(`[data-panel="chart"] figure.chart[data-chart-id="${scene.graphic}"]`);
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg[role="img"] title')).not.toBeEmpty();
  switch (scene.graphic) {
    case 'timeline': {
      await expect(chart).toHaveAttribute('data-state', scene.range);
      const highlighted = chart.locator('g.timeline-event.is-highlighted');
      if (scene.highlight) {
        await expect(highlighted).toHaveCount(1);
        await expect(highlighted).toHaveAttribute('data-id', scene.highlight);
        const event = story.events.find((e) => e.id === scene.highlight)!;
        await expect(chart.locator(`g.timeline-highlight[data-id="${scene.highlight}"]`)).toContainText(event.title);
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
      }
      if (scene.stage === 'standstill') {
        // A state the source gives in words: shown as words, with no bar and no value.
        const state = chart.locator('g.fuel-row[data-id="fuel-traffic-standstill"]');
        await expect(state).toBeVisible();
        await expect(state).toHaveAttribute('data-value', '');
        await expect(state).toContainText('standstill');
      }
      if (scene.stage === 'sept-14') {
        // The disagreement is shown: three counts, each named with its source.
        const lowerBound = chart.locator('g.fuel-row[data-id="sept14-tankers-reuters"]');
        await expect(lowerBound).toHaveAttribute('data-estimate', 'at-least');
        await expect(lowerBound.locator('.bar__open')).toHaveCount(1); // drawn open-ended, not as an exact bar
        await expect(chart).toContainText('ACLED');
        await expect(chart).toContainText('JNIM');
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
