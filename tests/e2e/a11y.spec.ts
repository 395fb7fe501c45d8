/** Automated accessibility checks (axe-core, WCAG 2.1 A and AA) at phone and desktop widths. */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, steps, scrollToStep } from './fixtures';

for (const width of [375, 1280]) {
  test(`no WCAG 2.1 A/AA violations at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./');
    const all = await steps(page);
    // Check with a map scene and with a chart scene on screen.
    for (const step of [all.find((s) => s.scene.graphic === 'map')!, all.find((s) => s.scene.graphic !== 'map')!]) {
      await scrollToStep(page, step.id);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}
