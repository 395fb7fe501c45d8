/**
 * Screenshots of every chart state at 375, 768 and 1280 px wide, for review:
 * written to tests/artifacts/ (ignored by git) as
 * `chart-<width>-<chart>-<state>[-<highlight>].png`, one per distinct state,
 * each the chart panel as a reader sees it after scrolling the step onto the
 * engine's trigger line.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, steps, scrollToStep } from './fixtures';

const SIZES = [
  { width: 375, height: 667 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];

for (const size of SIZES) {
  test(`screenshots of every chart state at ${size.width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    mkdirSync('tests/artifacts', { recursive: true });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize(size);
    await page.goto('./');
    const seen = new Set<string>();
    for (const step of await steps(page)) {
      const scene = step.scene;
      if (scene.graphic === 'map') continue;
      const key = scene.graphic === 'timeline' ? `timeline-${scene.range}${scene.highlight ? `-${scene.highlight}` : ''}` : `${scene.graphic}-${scene.stage}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await scrollToStep(page, step.id);
      const panel = page.locator('[data-panel="chart"]');
      await expect(panel).toHaveAttribute('data-chart', scene.graphic);
      await page.waitForTimeout(100);
      await panel.screenshot({ path: `tests/artifacts/chart-${size.width}-${key}.png` });
    }
    expect(seen.size).toBeGreaterThan(10);
  });
}
