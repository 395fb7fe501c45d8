/** The site built under a newsroom's subpath (see BASE_PATH in playwright.config.ts) works the same. */
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';

test('the story works under a base path', async ({ page, baseURL }) => {
  await page.goto('./');
  expect(page.url()).toContain('/interactive/mali-blockade/');
  const story = await storyData(page);
  expect(story.base).toBe('/interactive/mali-blockade/');
  const all = await steps(page);
  const mapStep = all.find((s) => s.scene.graphic === 'map')!;
  const chartStep = all.find((s) => s.scene.graphic !== 'map')!;
  for (const step of [chartStep, mapStep]) {
    await scrollToStep(page, step.id);
    await expectSceneShown(page, step.scene, story);
  }
  // Static maps and map data resolve under the base path.
  const svg = await page.request.get(`${baseURL}maps/${mapStep.scene.id}.svg`);
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toContain('svg');
});
