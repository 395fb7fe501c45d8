/**
 * The two offline copies (docs/offline.md):
 * - the service worker: after one visit, with the network off, the story
 *   reloads and scrolls with its map and charts drawn, in both languages, and
 *   the educator pages and data files load;
 * - the ZIP (dist/offline/road-to-bamako.zip, read with adm-zip): it holds
 *   the site (both languages, the map data, the data files, the docs); served
 *   from its folder by a plain static server, the story runs with its map;
 *   opened from the disk (file://), the pages show their styles and still
 *   figures and link to each other, as docs/offline.md says.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AdmZip from 'adm-zip';
import sirv from 'sirv';
import { test as plain } from '@playwright/test';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown, isPainted } from './fixtures';
import type { SceneData } from '../../src/story/types';
import { waitForServiceWorker } from './service-worker';

const ZIP = join('dist', 'offline', 'road-to-bamako.zip');

/** One step of each kind of graphic the story shows: the first map step and the first step of each chart. */
function sample(all: { id: string; scene: SceneData }[]) {
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.scene.graphic) && seen.add(s.scene.graphic));
}

test.describe('the service worker', () => {
  test('after one visit, the story reloads offline and its map and charts render', async ({ page, context, baseURL, watch }) => {
    test.setTimeout(180_000);
    await page.goto('./');
    expect(await waitForServiceWorker(page)).toBe(baseURL);

    await context.setOffline(true);
    // Really offline: a file the worker has not stored cannot be fetched (that probe's failure is expected, and dropped from the watch).
    const before = { failures: watch.failures.length, consoleErrors: watch.consoleErrors.length };
    expect(await page.evaluate(() => fetch('data/not-precached.json').then(() => 'online', () => 'offline'))).toBe('offline');
    await page.waitForTimeout(200);
    watch.failures.length = before.failures;
    watch.consoleErrors.length = before.consoleErrors;
    await page.reload();
    await expect(page.locator('h1')).toHaveText('The Road to Bamako');
    const story = await storyData(page);
    const kinds = sample(await steps(page));
    expect(kinds.map((s) => s.scene.graphic).sort()).toEqual(['bamako-life', 'fuel-traffic', 'gold-share', 'map', 'timeline', 'trade']);
    for (const step of kinds) {
      await scrollToStep(page, step.id);
      await expectSceneShown(page, step.scene, story);
      if (step.scene.graphic === 'map') {
        await expect.poll(() => isPainted(page, '[data-panel="map"]'), { message: 'the map is drawn offline' }).toBe(true);
      } else {
        const chart = page.locator(`[data-panel="chart"] figure.chart[data-chart-id="${step.scene.graphic}"] svg.chart__svg`);
        await expect(chart).toBeVisible();
        expect(await chart.locator('rect, path, circle, line').count(), `${step.scene.graphic} has marks`).toBeGreaterThan(3);
      }
    }

    // The other pages, still offline: French story, educator pages, the offline guide, a data file, a presenter URL.
    await page.goto('fr/');
    await expect(page.locator('h1')).toHaveText('La route de Bamako');
    // The engine fetched the French story data from the worker and took over the page.
    await expect(page.locator('[data-scrolly]')).toHaveClass(/is-enhanced/);
    await page.goto('educators/');
    await expect(page.locator('h1')).toHaveText(/Educator/);
    await expect(page.locator('table#data-files tbody tr')).toHaveCount(5);
    await page.goto('fr/educators/');
    await expect(page.locator('h1')).toHaveText(/enseignant/);
    await page.goto('educators/offline/');
    await expect(page.locator('h1')).toHaveText(/offline/);
    const csv = await page.evaluate(() => fetch('../../fr/data/events.csv').then((r) => r.text()));
    expect(csv).toContain('date_qualifier');
    await page.goto('./?present');
    await expect(page.locator('h1')).toHaveText('The Road to Bamako');
    await context.setOffline(false);
  });
  test('online, the worker answers from the network first (hashed assets from its copy): a new version of a data file shows at once', async ({ page, context }) => {
    await page.goto('./');
    await waitForServiceWorker(page);
    // The server now has a newer story data file (the worker's requests go through the context's routes too).
    await context.route('**/data/story.json', (route) => route.fulfill({ json: { version: 'newer' } }));
    expect(await page.evaluate(() => fetch('data/story.json').then((r) => r.json()))).toEqual({ version: 'newer' });
    await context.unroute('**/data/story.json');
    // A hashed build asset never changes under its name: the stored copy answers, whatever the network says.
    const css = await page.locator('link[rel="stylesheet"][href*="/_astro/"]').first().evaluate((l: HTMLLinkElement) => l.href);
    await context.route(css, (route) => route.fulfill({ body: '/* changed */', contentType: 'text/css' }));
    expect(await page.evaluate((url) => fetch(url).then((r) => r.text()), css)).not.toContain('changed');
    await context.unroute(css);
    // Offline, the stored copy answers instead.
    await context.setOffline(true);
    const stored = await page.evaluate(() => fetch('data/story.json').then((r) => r.json()));
    expect(stored.locale).toBe('en');
    await context.setOffline(false);
  });
});

plain.describe('the ZIP', () => {
  let dir = '';
  let server: Server | undefined;
  let origin = '';

  plain.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'road-to-bamako-zip-'));
    new AdmZip(ZIP).extractAllTo(dir, true);
    const files = sirv(join(dir, 'road-to-bamako'), { dev: true, extensions: ['html'] });
    server = createServer((req, res) => files(req, res, () => void res.writeHead(404).end()));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  plain.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  plain('holds both languages, the map data, the data files, the worker and the docs; never itself', () => {
    const names = new AdmZip(ZIP).getEntries().map((e) => e.entryName);
    for (const name of [
      'index.html',
      'fr/index.html',
      'educators/index.html',
      'fr/educators/index.html',
      'educators/offline/index.html',
      'data/geo/west-africa.topo.json',
      'data/story.json',
      'fr/data/story.json',
      'data/events.csv',
      'fr/data/sources.json',
      'sw.js',
      'README.md',
      'LISEZMOI.md',
    ]) {
      expect(names, name).toContain(`road-to-bamako/${name}`);
    }
    expect(names.filter((n) => n.includes('offline/road-to-bamako.zip') || n.endsWith('.zip'))).toEqual([]);
    expect(names.every((n) => n.startsWith('road-to-bamako/'))).toBe(true);
    // Every built file is in it.
    expect(names.filter((n) => /\.(svg)$/.test(n)).length).toBeGreaterThan(140);
    // The README is docs/offline.md.
    expect(new AdmZip(ZIP).readAsText('road-to-bamako/README.md')).toBe(readFileSync('docs/offline.md', 'utf8'));
  });

  plain('served by a plain local server, the story runs with its map and charts', async ({ page }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${origin}/`);
    await expect(page.locator('[data-scrolly]')).toHaveClass(/is-enhanced/);
    const story = await storyData(page);
    const all = sample(await steps(page));
    for (const step of all.filter((s) => ['map', 'fuel-traffic'].includes(s.scene.graphic))) {
      await scrollToStep(page, step.id);
      await expectSceneShown(page, step.scene, story);
    }
    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page.locator('h1')).toHaveText('La route de Bamako');
    expect(errors).toEqual([]);
  });

  plain('opened from the disk (file://), pages show their styles and still figures, and link to each other', async ({ page }) => {
    await page.goto(pathToFileURL(join(dir, 'road-to-bamako', 'index.html')).href);
    await expect(page.locator('h1')).toHaveText('The Road to Bamako');
    // The stylesheet loaded: the body has the site's paper colour, not the browser's white.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate(() => [...document.styleSheets].filter((s) => s.href?.startsWith('file:')).length)).toBeGreaterThan(0);
    // The scripts do not run from a file: the story reads as it does without JavaScript, with its still figures.
    await expect(page.locator('[data-scrolly]')).not.toHaveClass(/is-enhanced/);
    const figures = page.locator('[data-step] img.figure__image');
    expect(await figures.count()).toBeGreaterThan(30);
    for (const img of [figures.first(), figures.nth(10), figures.last()]) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    }
    // Links lead from page to page: the French story, then its educator page.
    await page.getByRole('link', { name: 'Français' }).click();
    expect(page.url()).toMatch(/road-to-bamako\/fr\/index\.html$/);
    await expect(page.locator('h1')).toHaveText('La route de Bamako');
    await page.goto(pathToFileURL(join(dir, 'road-to-bamako', 'educators', 'index.html')).href);
    const csvLink = page.locator('table#data-files tr[data-dataset="events"] a').first();
    expect(new URL((await csvLink.getAttribute('href'))!, page.url()).href).toBe(pathToFileURL(join(dir, 'road-to-bamako', 'data', 'events.csv')).href);
  });
});
