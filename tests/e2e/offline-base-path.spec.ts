/**
 * The offline copies of the site built under a newsroom's subpath (the
 * base-path project, see playwright.config.ts): the service worker is scoped
 * to the subpath and serves the story offline; the ZIP keeps the subpath, with
 * a first page that leads to it.
 */
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';
import { waitForServiceWorker } from './service-worker';

test('the service worker is scoped to the base path and serves the story offline', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  expect(await waitForServiceWorker(page)).toBe(baseURL);
  expect(baseURL).toMatch(/\/interactive\/mali-blockade\/$/);
  await context.setOffline(true);
  await page.reload();
  const story = await storyData(page);
  const all = await steps(page);
  for (const step of [all.find((s) => s.scene.graphic === 'map')!, all.find((s) => s.scene.graphic !== 'map')!]) {
    await scrollToStep(page, step.id);
    await expectSceneShown(page, step.scene, story);
  }
  await page.goto('fr/educators/');
  await expect(page.locator('table#data-files tbody tr')).toHaveCount(5);
  await context.setOffline(false);
});

test('the ZIP keeps the base path, with a first page that leads to it', () => {
  const zip = new AdmZip(join('dist-base', 'offline', 'road-to-bamako.zip'));
  const names = zip.getEntries().map((e) => e.entryName);
  expect(names).toContain('road-to-bamako/interactive/mali-blockade/index.html');
  expect(names).toContain('road-to-bamako/interactive/mali-blockade/fr/index.html');
  expect(names).toContain('road-to-bamako/interactive/mali-blockade/data/geo/west-africa.topo.json');
  expect(zip.readAsText('road-to-bamako/index.html')).toContain('href="interactive/mali-blockade/index.html"');
  // Pages link relatively, so they open from the disk too.
  const page = zip.readAsText('road-to-bamako/interactive/mali-blockade/fr/index.html');
  expect(page).not.toMatch(/(?:href|src)="\/interactive\//);
  expect(page).toContain('href="../index.html"'); // the English story, from the language switch
});
