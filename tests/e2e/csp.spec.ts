/**
 * The Content Security Policy holds in use: the built site is served as a
 * real host would (`scripts/serve.mjs --headers`, which applies
 * `dist/_headers`: the policy as an HTTP header, besides each page's
 * `<meta>`), on a free port started here, and a script installed before any
 * page script records every `securitypolicyviolation`. The reader's paths
 * below must record none, and the browser must log no CSP error.
 *
 * Adding a page or a mode is one line in VISITS: the embeds and presenter
 * mode, when they land, e.g.
 *   { name: 'an embed', path: 'embed/<scene>/', run: readPage },
 *   { name: 'presenter mode', path: 'present/', run: stepThrough },
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { test as base, expect, type Page } from '@playwright/test';
import { scrollToStep, expectSceneShown, steps, storyData } from './fixtures';

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node scripts/serve.mjs --headers` on a free port and resolves with its origin once it answers. */
async function startServer(): Promise<{ origin: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--dir', 'dist', '--port', String(port), '--headers'], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return { origin, process: child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`scripts/serve.mjs did not answer on ${origin}`);
}

interface CspWatch {
  /** Violations the page reported (directive, blocked URI, where). */
  violations(): Promise<string[]>;
  /** Console messages about the policy. */
  console: string[];
}

const test = base.extend<{ csp: CspWatch }, { server: { origin: string } }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { origin, process: child } = await startServer();
      await use({ origin });
      child.kill();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.origin),
  csp: async ({ page }, use) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      );
    });
    const messages: string[] = [];
    page.on('console', (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) messages.push(msg.text());
    });
    page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
    await use({
      violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []),
      console: messages,
    });
  },
});

/** Scrolls through every step, as a reader does, each scene drawn; then to the end of the page. */
async function readStory(page: Page) {
  const story = await storyData(page);
  for (const step of await steps(page)) {
    await scrollToStep(page, step.id);
    await expect(page.locator('[data-graphic]')).toHaveAttribute('data-scene', step.scene.id);
  }
  const last = (await steps(page)).at(-1)!;
  await expectSceneShown(page, last.scene, story);
  await readPage(page);
}

/** Scrolls a page to its end, a screen at a time (lazy images load). */
async function readPage(page: Page) {
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
    await page.evaluate((top) => scrollTo({ top, behavior: 'instant' }), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('networkidle');
}

/** Opens the map at a map step, explores it (pan and zoom controls shown), and returns. */
async function exploreMap(page: Page) {
  const step = (await steps(page)).find((s) => s.scene.graphic === 'map')!;
  await scrollToStep(page, step.id);
  const panel = page.locator('[data-panel="map"]');
  await expect(panel).toHaveAttribute('data-renderer', 'webgl', { timeout: 30_000 });
  // By keyboard, as the map test does (the button sits over the moving map).
  const press = async (locator: ReturnType<Page['locator']>) => {
    await locator.focus();
    await page.keyboard.press('Enter');
  };
  await press(page.getByRole('button', { name: 'Explore the map' }));
  const zoomIn = panel.locator('.maplibregl-ctrl-zoom-in');
  await expect(zoomIn).toBeVisible();
  // The zoom buttons draw their icons from data: SVGs (img-src data:).
  await expect.poll(() => zoomIn.evaluate((b) => getComputedStyle(b.querySelector('.maplibregl-ctrl-icon')!).backgroundImage)).toMatch(/^url\("data:/);
  await press(zoomIn);
  await page.waitForTimeout(500);
  await press(page.getByRole('button', { name: 'Back to the story' }));
  await expect(page.getByRole('button', { name: 'Explore the map' })).toBeVisible();
}

/** Prints the page: print media, then a PDF rendered (every figure laid out as on paper). */
async function print(page: Page) {
  await readPage(page);
  const answers = page.locator('[data-print-answers]');
  if (await answers.isVisible()) await answers.check();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.waitForTimeout(300);
}

interface Visit {
  name: string;
  /** Below the site's root. */
  path: string;
  run: (page: Page) => Promise<void>;
  /** Draw the map without WebGL (the SVG fallback). */
  noWebgl?: boolean;
}

const VISITS: Visit[] = [
  { name: 'the story in English, every step', path: '', run: readStory },
  { name: 'the story in French, every step', path: 'fr/', run: readStory },
  { name: 'the story with the SVG map (no WebGL), every step', path: '', run: readStory, noWebgl: true },
  { name: 'exploring the map', path: '', run: exploreMap },
  { name: 'the story printed', path: '', run: print },
  { name: 'the educator page in English', path: 'educators/', run: readPage },
  { name: 'the educator page in French', path: 'fr/educators/', run: readPage },
  { name: 'the educator page printed, with the model answers', path: 'educators/', run: print },
];

for (const visit of VISITS) {
  test(`no Content Security Policy violation: ${visit.name}`, async ({ page, csp }) => {
    test.setTimeout(240_000);
    if (visit.noWebgl) {
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          if (/webgl/i.test(type)) return null;
          return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
        } as typeof original;
      });
    }
    const response = await page.goto(visit.path);
    // The policy came as a real header, with what only a header can say.
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain('frame-ancestors *');
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute('content', /default-src 'self'/);
    await visit.run(page);
    expect(await csp.violations()).toEqual([]);
    expect(csp.console).toEqual([]);
  });
}

test('the watch sees a violation when there is one', async ({ page, csp }) => {
  await page.goto('');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
  });
  // Reported once per policy that refuses it: the header's and the <meta>'s.
  await expect.poll(() => csp.violations()).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/));
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});
