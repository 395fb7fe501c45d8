/**
 * The French edition (issue 9), checked as a reader meets it:
 * - no English interface string on the French pages: the story (with every
 *   step's live map or chart drawn, and the map's own controls out), the
 *   educators' page and every static figure they show, in the text and in
 *   aria-label, alt and title; text explicitly marked as another language
 *   (`lang="en"`: the switch to English, English titles of cited pieces) and
 *   web addresses shown as links are allowed, as are words that French uses
 *   too (they are in the French table);
 * - axe finds no WCAG 2.1 A/AA violation on /fr/ at 375 and 1280 px (a map
 *   step and a chart step) and on /fr/educators/;
 * - one set of facts: the story data the two pages load holds the same
 *   records, value for value (figures, events, eras, places, views, scenes,
 *   sources), and the two pages show the same numbered sources in the same
 *   order and the same figures with the same source numbers in each step;
 * - the language switch keeps the reader's step, both ways, and a deep link
 *   carries across;
 * - every page declares its language, a canonical URL and hreflang
 *   alternates (en, fr, x-default), absolute on the configured `site`, and
 *   each language's page points at the other;
 * - French text fits its cards on phones, upright and turned.
 * The same edition under a base path: fr.base-path.spec.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { UI_KEYS, t } from '../../src/i18n/ui';
import type { StoryData } from '../../src/story/types';
import { test, expect, steps, storyData, scrollToStep, expectSceneShown } from './fixtures';

// --- English strings -------------------------------------------------------

/** An interface string's template, placeholders left as they are (`{date}`). */
const template = (locale: 'en' | 'fr', key: string) =>
  t(locale, key, new Proxy({}, { has: () => true, get: (_, name) => `{${String(name)}}` }) as Record<string, string>);

/** The runs of words of a template between its placeholders and line breaks, trimmed of punctuation at their ends. */
const fragments = (text: string) =>
  text
    .split(/\{\w+\}|\n/)
    .map((f) => f.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''))
    .filter((f) => /\p{L}{3,}/u.test(f));

const FRENCH_TABLE = UI_KEYS.map((k) => template('fr', k)).join('\n');
const wordRun = (f: string) => new RegExp(`(?<![\\p{L}\\p{N}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u');

/** MapLibre's own English interface strings (its default locale), read from the installed package. */
function mapLibreEnglish(): string[] {
  const bundle = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs', 'utf8');
  const block = /const defaultLocale = \{([\s\S]*?)\};/.exec(bundle)?.[1] ?? '';
  return [...block.matchAll(/"[\w.]+":\s*"([^"]+)"/g)].map((m) => m[1]);
}

/**
 * Every English interface run to look for on a French page: from ui.ts, and
 * MapLibre's defaults; leaving out the runs French writes the same (a proper
 * name, "Source", "Sahel"), found in the French table.
 */
const ENGLISH = [...new Set([...UI_KEYS.flatMap((k) => fragments(template('en', k))), ...mapLibreEnglish().flatMap(fragments)])].filter(
  (f) => !wordRun(f).test(FRENCH_TABLE),
);

/** The page's French text: its text nodes and its aria-label, alt, title and aria-description attributes, outside anything marked as another language. */
async function frenchText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const foreign = (el: Element | null) => {
      const marked = el?.closest('[lang]');
      if (marked && marked.getAttribute('lang') !== 'fr') return true;
      // A web address shown as a link's text (the source list) is an address, not words of a language.
      const link = el?.closest('a[href^="http"]');
      return !!link && link.getAttribute('href')!.replace(/^https?:\/\//, '').replace(/\/$/, '') === link.textContent?.trim();
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style') || foreign(parent)) continue;
      if (n.textContent?.trim()) out.push(n.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [alt], [title], [aria-description], [aria-roledescription]')) {
      if (foreign(el)) continue;
      for (const a of ['aria-label', 'alt', 'title', 'aria-description', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v?.trim()) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  });
}

/** The English runs found in `texts`, each with where it was seen. */
function englishIn(texts: Iterable<string>, where: string): string[] {
  const all = [...new Set(texts)].join('\n');
  return ENGLISH.filter((f) => wordRun(f).test(all)).map((f) => `${where}: "${f}"`);
}

/** The text of an SVG document (its text nodes and title/desc, not its markup), outside elements marked as another language. */
function svgText(svg: string): string {
  return svg
    .replace(/<([a-z]+)[^>]*\blang="(?!fr")[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

/** The static figures (SVG) a page shows: every <img> and <source> it holds. */
async function figureUrls(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...new Set(
      [...document.querySelectorAll<HTMLImageElement | HTMLSourceElement>('img[src$=".svg"], source[srcset$=".svg"]')].map(
        (el) => new URL(el instanceof HTMLImageElement ? el.getAttribute('src')! : el.srcset, location.href).href,
      ),
    ),
  ]);
}

test.describe('no English interface string on a French page', () => {
  test('the English runs to look for are real: the French table has none of them, and they include the map’s and charts’', () => {
    expect(ENGLISH.length).toBeGreaterThan(150);
    expect(ENGLISH).toEqual(expect.arrayContaining(['Explore the map', 'Next step', 'Zoom in', 'Skip to the story']));
  });

  test('the story, with every step’s map or chart drawn and the map’s controls out', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto('./fr/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const story = await storyData(page);
    expect(story.locale).toBe('fr');
    const found = new Set<string>(englishIn(await frenchText(page), 'on load'));
    let explored = false;
    for (const step of await steps(page)) {
      await scrollToStep(page, step.id);
      await expectSceneShown(page, step.scene, story);
      await page.waitForTimeout(350); // labels fade in, chart transitions end
      if (step.scene.graphic === 'map' && !explored) {
        // The map's own controls (zoom buttons) appear while exploring.
        await page.getByRole('button', { name: 'Explorer la carte' }).click();
        await expect(page.locator('.maplibregl-ctrl button').first()).toBeVisible();
        for (const e of englishIn(await frenchText(page), `step ${step.id}, exploring`)) found.add(e);
        await page.getByRole('button', { name: 'Revenir au récit' }).click();
        explored = true;
      }
      for (const e of englishIn(await frenchText(page), `step ${step.id}`)) found.add(e);
    }
    expect(explored, 'a map step was explored').toBe(true);
    expect([...found]).toEqual([]);
  });

  test('the educators’ page', async ({ page }) => {
    await page.goto('./fr/educators/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(englishIn(await frenchText(page), '/fr/educators/')).toEqual([]);
  });

  test('every static figure the French pages show (maps and charts, regular and narrow)', async ({ page }) => {
    const urls = new Set<string>();
    for (const path of ['./fr/', './fr/educators/']) {
      await page.goto(path);
      for (const u of await figureUrls(page)) urls.add(u);
    }
    expect(urls.size).toBeGreaterThan(30);
    const found: string[] = [];
    for (const url of urls) {
      expect(new URL(url).pathname, 'a French figure').toMatch(/^\/fr\/(maps|charts)\//);
      const svg = await (await page.request.get(url)).text();
      expect(svg, url).toContain('lang="fr"');
      found.push(...englishIn([svgText(svg)], new URL(url).pathname));
    }
    expect(found).toEqual([]);
  });
});

test.describe('axe on the French pages', () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const violations = (r: Awaited<ReturnType<AxeBuilder['analyze']>>) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

  for (const width of [375, 1280]) {
    test(`/fr/ has no WCAG 2.1 A/AA violations at ${width} px, on a map step and a chart step`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('./fr/');
      const story = await storyData(page);
      const all = await steps(page);
      expect(violations(await new AxeBuilder({ page }).withTags(tags).analyze()), 'the opening').toEqual([]);
      for (const step of [all.find((s) => s.scene.graphic === 'map')!, all.find((s) => s.scene.graphic !== 'map')!]) {
        await scrollToStep(page, step.id);
        await expectSceneShown(page, step.scene, story);
        expect(violations(await new AxeBuilder({ page }).withTags(tags).analyze()), step.id).toEqual([]);
      }
    });
  }

  for (const width of [375, 1280]) {
    test(`/fr/educators/ has no WCAG 2.1 A/AA violations at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('./fr/educators/');
      expect(violations(await new AxeBuilder({ page }).withTags(tags).analyze())).toEqual([]);
    });
  }
});

// --- one set of facts --------------------------------------------------------

/** The localized outlet of a source record ({ en, fr }), or undefined when its outlet is one proper name. */
function localizedOutlet(id: string): { en: string; fr: string } | undefined {
  const record = parse(readFileSync(join('content/sources', `${id}.yaml`), 'utf8')) as { outlet: unknown };
  return typeof record.outlet === 'object' ? (record.outlet as { en: string; fr: string }) : undefined;
}

test.describe('one set of facts in both languages', () => {
  test('the story data holds the same records, value for value: figures, events, eras, places, views, scenes, sources', async ({ page }) => {
    const load = async (path: string) => {
      await page.goto(path);
      return storyData(page);
    };
    const en: StoryData = await load('./');
    const fr: StoryData = await load('./fr/');
    expect([en.locale, fr.locale]).toEqual(['en', 'fr']);
    expect(fr.currentTo).toBe(en.currentTo);

    // Figures: the value, its qualifier, unit, as-of date, the source's own words and the source.
    expect(Object.keys(fr.figures)).toEqual(Object.keys(en.figures));
    expect(Object.keys(en.figures).length).toBeGreaterThan(10);
    for (const [id, f] of Object.entries(en.figures)) {
      const g = fr.figures[id];
      const held = (x: typeof f) => ({ value: x.value, upper: x.upper, unit: x.unit, estimate: x.estimate, asOf: x.asOf, source: x.source, reported: x.reported });
      expect(held(g), `figure ${id}`).toEqual(held(f));
    }
    // Events and eras: same ids in the same order, same dates, qualifiers, places and sources.
    const eventFacts = (e: StoryData['events'][number]) => ({ id: e.id, date: e.date, end: e.end, qualifier: e.qualifier, precision: e.precision, places: e.places, sources: e.sources });
    expect(fr.events.map(eventFacts)).toEqual(en.events.map(eventFacts));
    expect(en.events.length).toBeGreaterThan(20);
    const eraFacts = (e: StoryData['eras'][number]) => ({ id: e.id, start: e.start, end: e.end, sources: e.sources });
    expect(fr.eras.map(eraFacts)).toEqual(en.eras.map(eraFacts));
    // Places and views: same coordinates, kinds and bounds.
    expect(Object.keys(fr.places)).toEqual(Object.keys(en.places));
    for (const [id, p] of Object.entries(en.places)) {
      const q = fr.places[id];
      expect({ lat: q.lat, lon: q.lon, kind: q.kind, country: q.country }, `place ${id}`).toEqual({ lat: p.lat, lon: p.lon, kind: p.kind, country: p.country });
    }
    for (const [id, v] of Object.entries(en.views)) expect(fr.views[id]?.bounds, `view ${id}`).toEqual(v.bounds);
    // Scenes: everything but their headline and description.
    expect(Object.keys(fr.scenes)).toEqual(Object.keys(en.scenes));
    for (const [id, s] of Object.entries(en.scenes)) {
      const strip = (x: typeof s) => ({ ...x, title: undefined, description: undefined });
      expect(strip(fr.scenes[id]), `scene ${id}`).toEqual(strip(s));
    }
    // Sources: outlet, title, date, URL and language; an organisation's name in each language from the same record.
    expect(Object.keys(fr.sources)).toEqual(Object.keys(en.sources));
    for (const [id, s] of Object.entries(en.sources)) {
      const r = fr.sources[id];
      expect({ title: r.title, date: r.date, url: r.url, language: r.language }, `source ${id}`).toEqual({ title: s.title, date: s.date, url: s.url, language: s.language });
      const named = localizedOutlet(id);
      if (named) expect([s.outlet, r.outlet], `outlet of ${id}`).toEqual([named.en, named.fr]);
      else expect(r.outlet, `outlet of ${id}`).toBe(s.outlet);
    }
  });

  test('both pages list the same numbered sources in the same order, and show the same figures with the same source numbers in each step', async ({ page }) => {
    const read = async (path: string) => {
      await page.goto(path);
      const sources = await page.locator('ol.source-list > li').evaluateAll((lis) =>
        lis.map((li) => ({ id: li.id, url: li.querySelector('a[href^="http"]')?.getAttribute('href') ?? null })),
      );
      const figures = await page.locator('[data-step]').evaluateAll((stepEls) =>
        stepEls.map((s) => ({
          step: s.id,
          figures: [...s.querySelectorAll('.num[data-figure]')].map((n) => `${(n as HTMLElement).dataset.figure} ${n.querySelector('.num__source sup')?.textContent}`).sort(),
        })),
      );
      const all = await page.locator('main .num[data-figure]').evaluateAll((ns) => ns.map((n) => `${(n as HTMLElement).dataset.figure} ${n.querySelector('sup')?.textContent}`).sort());
      return { sources, figures, all };
    };
    const en = await read('./');
    const fr = await read('./fr/');
    expect(en.sources.length).toBeGreaterThan(30);
    expect(fr.sources).toEqual(en.sources);
    expect(en.figures.length).toBeGreaterThan(30);
    expect(fr.figures).toEqual(en.figures);
    expect(en.all.length).toBeGreaterThan(10);
    expect(fr.all).toEqual(en.all);
  });
});

// --- moving between languages -------------------------------------------------

test.describe('the language switch', () => {
  test('keeps the reader’s step from English to French and back, and a deep link carries across', async ({ page }) => {
    await page.goto('./');
    const all = await steps(page);
    const target = all[Math.floor(all.length / 2)];
    await page.goto(`./#${target.id}`);
    await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', target.id);
    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(new RegExp(`/fr/#${target.id}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', target.id);
    const frStory = await storyData(page);
    await expectSceneShown(page, frStory.scenes[target.scene.id], frStory);
    await expect(page.locator(`[data-step="${target.id}"]`)).toBeInViewport();

    // Reading on in French, then back to English: the step read last.
    const next = all[all.indexOf(target) + 2];
    await scrollToStep(page, next.id);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`/#${next.id}$`));
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.locator('[data-scrolly]')).toHaveAttribute('data-active-step', next.id);
    const enStory = await storyData(page);
    await expectSceneShown(page, enStory.scenes[next.scene.id], enStory);
  });

  test('on the educators’ page leads to the other language’s educators’ page', async ({ page }) => {
    await page.goto('./fr/educators/');
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/educators/');
    await page.getByRole('link', { name: 'Français' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/educators/');
  });
});

// --- languages declared, canonical and alternates ----------------------------

/** Every HTML page in the build, as its path below the site root ("", "fr/", "educators/"…). */
function builtPages(dir = 'dist'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') out.push(relative(dir, d).split('\\').join('/').replace(/(.)$/, '$1/'));
    }
  };
  walk(dir);
  return out.sort();
}

test('every page declares its language, a canonical URL and hreflang alternates (en, fr, x-default), absolute on the site, each language pointing at the other', async ({ page }) => {
  const site = new URL((await import('../../astro.config.mjs')).default.site!);
  const pages = builtPages();
  expect(pages).toEqual(expect.arrayContaining(['', 'fr/', 'educators/', 'fr/educators/']));
  for (const path of pages) {
    const french = path.startsWith('fr/');
    const page_ = french ? path.slice(3) : path;
    await page.goto(`./${path}`);
    const head = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      canonical: [...document.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href')),
      alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')])),
      count: document.querySelectorAll('link[rel="alternate"][hreflang]').length,
    }));
    const en = new URL(page_, site).href;
    const fr = new URL(`fr/${page_}`, site).href;
    expect(head.lang, path).toBe(french ? 'fr' : 'en');
    expect(head.canonical, `${path}: one canonical`).toEqual([french ? fr : en]);
    expect(head.alternates, `${path}: alternates`).toEqual({ en, fr, 'x-default': en });
    expect(head.count, `${path}: one alternate per language`).toBe(3);
    // The other language's page is built too (and checked in its turn).
    expect(pages, `${path}: its other language`).toContain(french ? page_ : `fr/${page_}`);
  }
});

// --- French text fits its cards ------------------------------------------------

for (const size of [
  { width: 375, height: 667 },
  { width: 667, height: 375 },
]) {
  test(`French text fits its cards on a phone at ${size.width} × ${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('./fr/');
    await steps(page);
    const overflowing = await page.locator('[data-step]').evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.id}: ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'no sideways scrolling').toBeLessThanOrEqual(0);
  });
}
