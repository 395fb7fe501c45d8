/**
 * Performance budgets, in bytes and requests (never times: those are
 * measured by `npm run bench`, bench/README.md). Sizes are gzipped at zlib's
 * default level (6, what most hosts and the `compression` middleware use);
 * 1 KB = 1024 bytes.
 *
 * - HTML: every built page ≤ 25 KB.
 * - Render-blocking CSS: one stylesheet per page, ≤ 10 KB, importing nothing;
 *   no font is downloaded.
 * - JavaScript before the first graphic: the entry's module graph (what a
 *   page runs before any graphic code) ≤ 40 KB; at the top of the story on a
 *   phone, that is all the script the page loads, and neither the charts' nor
 *   the map's code is among it.
 * - The engine's code (main.*.js) is asked for only after the first
 *   contentful paint (src/story/after-paint.ts).
 * - The first chart is drawn from its build-time SVG until its code arrives.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, steps, engineStarted } from './fixtures';

const DIST = 'dist';
const KB = 1024;
const BUDGET = { html: 25 * KB, css: 10 * KB, js: 40 * KB };

const gzipped = (bytes: Buffer | string) => gzipSync(bytes).length;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const pages = () => files(DIST).filter((f) => f.endsWith('.html'));
const head = (html: string) => html.slice(0, html.indexOf('</head>'));
/** The dist/ file a root-relative URL in a page names. */
const fileOf = (url: string) => join(DIST, url.replace(/^\//, ''));

/** The files a module imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g)].map((m) => join(dirname(file), m[1]));
}

/** Every module a page's entry scripts load before running: the static import graph. */
function entryGraph(html: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of staticImports(file)) visit(dep);
  };
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) visit(fileOf(src));
  return [...seen];
}

test('every page is at most 25 KB of HTML, gzipped', () => {
  const list = pages();
  expect(list.length).toBeGreaterThanOrEqual(4);
  const sizes = Object.fromEntries(list.map((f) => [relative(DIST, f), gzipped(readFileSync(f))]));
  test.info().annotations.push({ type: 'html gzipped (bytes)', description: JSON.stringify(sizes) });
  for (const [page, size] of Object.entries(sizes)) expect(size, page).toBeLessThanOrEqual(BUDGET.html);
});

test('each page blocks its first paint on one stylesheet of at most 10 KB gzipped, which imports nothing and loads no font', () => {
  for (const page of pages()) {
    const html = readFileSync(page, 'utf8');
    const sheets = [...head(html).matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1] ?? '');
    expect(sheets, `${page}: render-blocking stylesheets`).toHaveLength(1);
    expect(html, `${page}: an inline <style>`).not.toMatch(/<style\b/);
    const css = readFileSync(fileOf(sheets[0]), 'utf8');
    expect(gzipped(css), `${page}: ${sheets[0]} gzipped`).toBeLessThanOrEqual(BUDGET.css);
    expect(css, `${sheets[0]} imports another stylesheet`).not.toMatch(/@import/);
    expect(css, `${sheets[0]} declares a font to download`).not.toMatch(/@font-face/);
  }
});

test("the script a page runs before any graphic (its entry's module graph) is at most 40 KB gzipped, and holds no chart or map code", () => {
  for (const page of pages()) {
    const graph = entryGraph(readFileSync(page, 'utf8'));
    const size = graph.reduce((sum, f) => sum + gzipped(readFileSync(f)), 0);
    test.info().annotations.push({ type: `${relative(DIST, page)}: entry graph`, description: `${graph.map((f) => relative(DIST, f)).join(', ')}: ${size} bytes gzipped` });
    expect(size, page).toBeLessThanOrEqual(BUDGET.js);
    for (const file of graph) expect(file, `${page} loads graphic code up front`).not.toMatch(/\/(charts|map|maplibre-gl)[.-]/);
  }
});

test.describe('at the top of the story on a phone', () => {
  // Lighthouse's mobile screen.
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

  for (const path of ['./', './fr/']) {
    test(`${path}: one render-blocking stylesheet, no font, and at most 40 KB of script, none of it the charts' or the map's`, async ({ page }) => {
      const loaded: { url: string; type: string; gzipped: number }[] = [];
      page.on('response', async (response) => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        loaded.push({ url: response.url(), type: response.request().resourceType(), gzipped: gzipped(body) });
      });
      await page.goto(path, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      // The engine has laid the page out and taken the story data.
      await expect(page.locator('[data-scrolly]')).toHaveClass(/is-enhanced/);
      await expect(page.locator('[data-graphic]')).toHaveAttribute('data-scene', /.+/);
      await expect.poll(() => loaded.some((r) => r.url.endsWith('/data/story.json'))).toBe(true);
      const of = (type: string) => loaded.filter((r) => r.type === type);
      test.info().annotations.push({ type: 'first load', description: JSON.stringify(loaded.map((r) => [r.type, new URL(r.url).pathname, r.gzipped])) });
      // One stylesheet holds the first paint; the print sheet (media="print") and presenter mode's come without holding it.
      const blocking = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[]).filter((e) => e.renderBlockingStatus === 'blocking').map((e) => new URL(e.name).pathname),
      );
      expect(blocking).toHaveLength(1);
      expect(blocking[0]).toMatch(/\.css$/);
      const sheets = of('stylesheet').map((r) => new URL(r.url).pathname);
      expect(sheets.filter((p) => p !== blocking[0]).map((p) => p.replace(/^.*\/([a-z-]+)\.[^/]+\.css$/, '$1')).sort()).toEqual(['presenter', 'print']);
      expect(of('font')).toHaveLength(0);
      const scripts = of('script');
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.reduce((sum, r) => sum + r.gzipped, 0)).toBeLessThanOrEqual(BUDGET.js);
      for (const r of scripts) expect(r.url).not.toMatch(/\/(charts|map|maplibre-gl)[.-]/);
      // Nothing else but the story data, the icon, the opening screen's lead graphic (the variant the
      // phone chose) and, at most, the first scene's static figure in the phone's variant (lazy: it may come early).
      const prefix = path === './' ? '/' : '/fr/';
      const others = loaded.filter((r) => !['document', 'stylesheet', 'script'].includes(r.type)).map((r) => new URL(r.url).pathname);
      const first = (await steps(page))[0].scene;
      const figure = `${prefix}${first.graphic === 'map' ? 'maps' : 'charts'}/${first.id}-narrow.svg`;
      const lead = await page.locator('.masthead__lead img').evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
      expect(lead).toMatch(/-narrow\.svg$/);
      expect(others.filter((p) => p !== figure).sort()).toEqual([`${prefix}data/story.json`, '/favicon.svg', lead].sort());
    });
  }

  test("the engine's code is asked for only once the opening screen has painted", async ({ page }) => {
    await page.goto('./');
    await engineStarted(page);
    const { fcp, engine } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      engine: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /\/_astro\/main\.[^/]*\.js$/.test(e.name))?.startTime,
    }));
    expect(fcp, 'first contentful paint').toBeGreaterThan(0);
    expect(engine, "the engine's chunk was loaded").toBeGreaterThan(0);
    expect(engine!).toBeGreaterThanOrEqual(fcp!);
  });

  test("the charts' code arrives about a viewport before the first chart step", async ({ page }) => {
    const charts: string[] = [];
    page.on('request', (request) => {
      if (/\/charts\.[^/]*\.js$/.test(request.url())) charts.push(request.url());
    });
    await page.goto('./');
    const all = await steps(page);
    const first = all.find((s) => s.scene.graphic !== 'map')!;
    await page.waitForLoadState('networkidle');
    expect(charts, 'charts code at the top of the page').toEqual([]);
    // Bring the first chart step to about a viewport and a half below the screen: still nothing.
    await page.locator(`[data-step="${first.id}"]`).evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - innerHeight * 2.5));
    await page.waitForTimeout(500);
    expect(charts, 'charts code two viewports ahead').toEqual([]);
    // About one viewport below: the code comes.
    await page.locator(`[data-step="${first.id}"]`).evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - innerHeight * 1.8));
    await expect.poll(() => charts.length).toBe(1);
  });
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test(`the first chart is drawn from its static SVG until its code arrives, at ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    // Hold the charts' code until the static figure has been seen.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(/\/_astro\/charts\.[^/]*\.js$/, async (route) => {
      asked = true;
      await released;
      await route.continue();
    });
    await page.goto('./');
    await engineStarted(page);
    const first = (await steps(page)).find((s) => s.scene.graphic !== 'map')!;
    await page.locator(`[data-step="${first.id}"]`).scrollIntoViewIfNeeded();
    await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', first.id);
    await expect.poll(() => asked, { message: "the charts' code was asked for" }).toBe(true);

    const panel = page.locator('[data-panel="chart"]');
    const still = panel.locator('img.chart-static');
    await expect(still).toBeVisible();
    await expect(still).toHaveAttribute('alt', first.scene.description);
    const narrow = size.width <= 640;
    await expect(still).toHaveAttribute('src', new RegExp(`/charts/${first.scene.id}${narrow ? '-narrow' : ''}\\.svg$`));
    await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // It fits the panel.
    const [img, box] = await Promise.all([still.boundingBox(), panel.boundingBox()]);
    expect(img!.width).toBeLessThanOrEqual(box!.width + 1);
    expect(img!.height).toBeLessThanOrEqual(box!.height + 1);
    await expect(panel).not.toHaveAttribute('data-chart', /.*/);

    release();
    await expect(panel).toHaveAttribute('data-chart', first.scene.graphic);
    await expect(still).toBeHidden();
    await expect(panel.locator('.chart svg').first()).toBeVisible();
  });
}
