/**
 * Embeds in real host pages on another origin (a server of the test's own on
 * another port), against the built site:
 * - a Pym.js parent (the npm `pym.js`), a Datawrapper-style listener, a
 *   WordPress-style listener with its secret, and the AMP message shape;
 * - sandboxed iframes, with and without scripts;
 * - every oEmbed JSON, and its `html` loaded in a host page;
 * - the whole story in a host page, following the host's scroll;
 * - the story's Share dialog (copy link, embed code), and axe on the embed pages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Frame, type Page } from '@playwright/test';

/**
 * The host pages: a small HTTP server of this test's own, on another port
 * (so another origin than the site), serving each page the test registers
 * and the npm pym.js. (Request interception would not do: Chromium's local
 * network checks stop a page of unknown address from framing 127.0.0.1.)
 */
const pages = new Map<string, string>();
let hostServer: Server;
let hostOrigin = '';
test.beforeAll(async () => {
  hostServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/pym.v1.min.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(PYM);
    const html = pages.get(path);
    if (html) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => hostServer.listen(0, '127.0.0.1', done));
  hostOrigin = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((done) => hostServer.close(() => done())));

/** Serves `html` as the host page `/<name>` on the host server, and opens it. */
async function host(p: Page, name: string, html: string): Promise<void> {
  pages.set(`/${name}`, html);
  await p.goto(`${hostOrigin}/${name}`);
}

const PYM = readFileSync(join('node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), 'utf8');
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>${head}</head><body style="margin:0;font:16px sans-serif"><h1>A host article</h1><p>Text above the embed.</p>${body}<p>Text below the embed.</p></body></html>`;

/** The embed frame once its figure is there. */
async function embedFrame(p: Page, selector = 'iframe'): Promise<Frame> {
  const handle = await p.waitForSelector(selector);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForSelector('h1');
  return frame;
}

/** The embed page's content height (px) and the iframe's height in the host (px). */
async function heights(p: Page, frame: Frame, selector = 'iframe') {
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const iframe = await p.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
  return { content, iframe };
}

test.describe('figure embeds', () => {
  test('a figure embed page shows the title, the figure with its key, source and as-of date, a credit and a link back to its step', async ({ page: p }) => {
    for (const [path, story, asOf] of [
      ['embed/map-corridor/', '/#drivers-kidnapped', /As of/],
      ['fr/embed/fuel-traffic-sept-14/', '/fr/#convoy-attack-sept-14', /date de référence/],
    ] as const) {
      await p.goto(path);
      await expect(p.locator('h1')).toHaveCount(1);
      const img = p.locator('img.figure__image');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      await expect(p.locator('figcaption')).toContainText(asOf);
      const back = p.locator('.embed__credit a');
      await expect(back).toHaveAttribute('target', '_top');
      expect(new URL((await back.getAttribute('href'))!).pathname + new URL((await back.getAttribute('href'))!).hash).toBe(story);
      // Its height comes from its content, not from the window's: the same in a short and a tall window.
      const bodyHeight = () => p.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      await p.setViewportSize({ width: 800, height: 400 });
      const short = await bodyHeight();
      await p.setViewportSize({ width: 800, height: 1400 });
      expect(await bodyHeight()).toBe(short);
      await expect(p.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveAttribute('href', new RegExp(`/${path}oembed\\.json$`));
    }
  });

  test('in a 400 px frame, a map figure fills the frame (the narrow figure, at most 1.4 times its drawn size)', async ({ page: p }) => {
    await p.setViewportSize({ width: 400, height: 700 });
    for (const path of ['embed/map-kayes-gateway/', 'fr/embed/map-corridor/']) {
      await p.goto(path);
      const img = p.locator('img.figure__image');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      const { shown, natural, room, src } = await img.evaluate((i: HTMLImageElement) => ({
        shown: i.getBoundingClientRect().width,
        natural: i.naturalWidth,
        room: i.closest('.embed__main')!.clientWidth - 24,
        src: i.currentSrc,
      }));
      expect(src, path).toMatch(/-narrow\.svg$/);
      expect(shown, `${path}: fills the frame`).toBeGreaterThanOrEqual(room - 1);
      expect(shown / natural, `${path}: scaled up at most 1.4 times`).toBeLessThanOrEqual(1.41);
    }
  });

  test('a Pym.js parent sizes the iframe to the content, after the embed shrinks and after the window narrows', async ({ page: p, baseURL }) => {
    const url = `${baseURL}embed/fuel-traffic-sept-14/`;
    await host(p, 'pym.html', page(`<div id="chart"></div><script src="/pym.v1.min.js"></script><script>new pym.Parent('chart', ${JSON.stringify(url)}, {});</script>`));
    const frame = await embedFrame(p, '#chart iframe');
    expect(frame.url()).toContain('childId=chart');
    const matches = async () => {
      await expect.poll(async () => {
        const h = await heights(p, frame, '#chart iframe');
        return Math.abs(h.content - h.iframe);
      }).toBeLessThanOrEqual(2);
    };
    await matches();
    const closed = (await heights(p, frame, '#chart iframe')).iframe;
    // Taller with the data table open, shorter again once it is closed.
    await frame.locator('details.chart-table summary').click();
    await matches();
    expect((await heights(p, frame, '#chart iframe')).iframe).toBeGreaterThan(closed + 50);
    await frame.locator('details.chart-table summary').click();
    await matches();
    expect(Math.abs((await heights(p, frame, '#chart iframe')).iframe - closed)).toBeLessThanOrEqual(2);
    // A narrower window: the narrow figure, another height, still matched.
    await p.setViewportSize({ width: 380, height: 800 });
    await expect.poll(() => frame.evaluate(() => (document.querySelector('img.figure__image') as HTMLImageElement).currentSrc)).toMatch(/-narrow\.svg$/);
    await matches();
  });

  test('a Datawrapper-style listener sizes the iframe', async ({ page: p, baseURL }) => {
    // The listener Datawrapper's own embed code installs (responsive iframe snippet).
    const listener = `window.addEventListener("message",function(a){if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data["datawrapper-height"][t]+"px";e[r].style.height=i}}});`;
    await host(p, 'dw.html', page(`<iframe src="${baseURL}embed/map-kayes-gateway/" title="Kayes" style="width:100%;border:0" height="100" scrolling="no"></iframe><script>${listener}</script>`));
    const frame = await embedFrame(p);
    await expect.poll(async () => {
      const h = await heights(p, frame);
      return Math.abs(h.content - h.iframe);
    }).toBeLessThanOrEqual(2);
  });

  test('a WordPress host gets the height with the secret it gave, and an AMP host gets embed-size', async ({ page: p, baseURL }) => {
    // WordPress's wp-embed: the secret is appended as #?secret=…, and messages must carry it back.
    const script = `window.messages=[];window.addEventListener("message",function(e){window.messages.push(e.data);var d=e.data;if(d&&d.secret&&d.message==="height"){var f=document.querySelector('iframe[data-secret="'+d.secret+'"]');if(f)f.height=Math.max(200,Math.min(1000,d.value));}});`;
    await host(p, 'wp.html', page(`<iframe src="${baseURL}embed/gold-share-share/#?secret=Ab12Cd34" data-secret="Ab12Cd34" sandbox="allow-scripts" title="Gold" style="width:100%;border:0" height="100"></iframe><script>${script}</script>`));
    const frame = await embedFrame(p);
    await expect.poll(() => p.evaluate(() => (window as unknown as { messages: { secret?: string }[] }).messages.filter((m) => m && m.secret === 'Ab12Cd34').length)).toBeGreaterThan(0);
    const wp = await p.evaluate(() => (window as unknown as { messages: Record<string, unknown>[] }).messages.find((m) => m && m.message === 'height'));
    expect(wp).toEqual({ message: 'height', value: expect.any(Number), secret: 'Ab12Cd34' });
    await expect.poll(async () => {
      const h = await heights(p, frame);
      return Math.abs(Math.max(200, Math.min(1000, h.content)) - h.iframe);
    }).toBeLessThanOrEqual(2);
    const amp = await p.evaluate(() => (window as unknown as { messages: Record<string, unknown>[] }).messages.find((m) => m && m.sentinel === 'amp'));
    expect(amp).toEqual({ sentinel: 'amp', type: 'embed-size', height: expect.any(Number) });
  });

  test('in a sandboxed cross-origin iframe the figure renders and reports its height; with scripts blocked the static figure shows', async ({ page: p, baseURL }) => {
    const script = `window.heights=[];window.addEventListener("message",function(e){var d=e.data&&e.data["datawrapper-height"];if(d)for(var k in d)window.heights.push(d[k]);});`;
    await host(
      p,
      'sandbox.html',
      page(
        `<iframe id="scripts" src="${baseURL}embed/map-sahel-alliance/" sandbox="allow-scripts" title="With scripts" style="width:100%;border:0" height="300"></iframe>` +
          `<iframe id="none" src="${baseURL}embed/trade-exports/" sandbox="" title="Without scripts" style="width:100%;border:0" height="700"></iframe><script>${script}</script>`,
      ),
    );
    for (const id of ['#scripts', '#none']) {
      const frame = await embedFrame(p, id);
      await expect.poll(() => frame.evaluate(() => { const i = document.querySelector('img.figure__image') as HTMLImageElement; return i.complete && i.naturalWidth > 0; })).toBe(true);
      await expect(frame.locator('figcaption')).toContainText('Source');
    }
    // The sandboxed page (origin "null") still ran its script: its height arrived.
    await expect.poll(() => p.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0);
    const embedded = await (await embedFrame(p, '#scripts')).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    expect(await p.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1))).toBe(embedded);
  });

  test('axe finds no violations on a map embed and a chart embed, in English and French', async ({ page: p }) => {
    for (const path of ['embed/map-corridor/', 'embed/timeline-all/', 'fr/embed/map-niger-convoy/', 'fr/embed/bamako-life-oct-nov/', 'embed/story/']) {
      await p.goto(path);
      await p.waitForSelector('h1');
      const results = await new AxeBuilder({ page: p }).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    }
  });
});

test.describe('oEmbed', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name === 'oembed.json' ? [join(dir, d.name)] : []));

  test('every embed has an oEmbed JSON with the required fields, in both languages', () => {
    const all = [...files(join('dist', 'embed')), ...files(join('dist', 'fr', 'embed'))];
    expect(all.length).toBeGreaterThan(60);
    for (const file of all) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      expect(json, file).toMatchObject({ version: '1.0', type: 'rich', title: expect.any(String), provider_name: expect.any(String), provider_url: expect.stringMatching(/^https?:\/\//) });
      expect(json.width, file).toBeGreaterThan(0);
      expect(json.height, file).toBeGreaterThan(0);
      const id = file.split(/[\\/]/).at(-2);
      expect(json.html, file).toMatch(new RegExp(`^<iframe src="https?://[^"]+/embed/${id}/" title="[^"]+" width="100%" height="${json.height}"`));
    }
  });

  test("an oEmbed's html loads in a host page", async ({ page: p, baseURL }) => {
    const json = JSON.parse(readFileSync(join('dist', 'fr', 'embed', 'map-kayes-in-mali', 'oembed.json'), 'utf8'));
    // The JSON names the configured site; point its iframe at the server under test.
    const html = (json.html as string).replace(/src="https?:\/\/[^/]+\//, `src="${baseURL}`);
    await host(p, 'oembed.html', page(html));
    const frame = await embedFrame(p);
    await expect(frame.locator('h1')).toHaveText(json.title.split(' — ')[0]);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('fr');
  });
});

test.describe('the whole story embedded', () => {
  for (const [name, markup] of [
    ['the resize script', (base: string) => `<iframe src="${base}embed/story/" title="The Road to Bamako" style="width:100%;border:0;display:block" height="900" scrolling="no"></iframe><script src="${base}embed/resize.js" async></script>`],
    ['a Pym.js parent with trackscroll', (base: string) => `<div id="story"></div><script src="/pym.v1.min.js"></script><script>new pym.Parent('story', ${JSON.stringify(`${base}embed/story/`)}, { trackscroll: true, title: 'The Road to Bamako' });</script>`],
  ] as const)
  test(`with ${name}, scrolling the host page moves the story from step to step, its graphic in the host viewport`, async ({ page: p, baseURL }) => {
    await p.setViewportSize({ width: 1280, height: 800 });
    await host(p, `story-${name.length}.html`, page(markup(baseURL!)));
    const frame = await embedFrame(p);
    const iframe = p.locator('iframe');
    // Resized to the story's length, far taller than the window.
    await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(5000);
    const active = () => frame.evaluate(() => document.querySelector('[data-step].is-active')?.id ?? '');
    const seen = new Set<string>();
    for (const target of ['tankers-burned', 'kayes-gold-share', 'sahel-alliance-isolation']) {
      // Bring the step to the middle of the host's window by scrolling the host page.
      const y = await frame.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, target);
      const frameTop = await iframe.evaluate((el) => el.getBoundingClientRect().top + scrollY);
      await p.evaluate((top) => scrollTo(0, top), frameTop + y - 300);
      await expect.poll(active).toBe(target);
      seen.add(await active());
      // The graphic is placed in what the host's window shows.
      const graphicTop = await frame.evaluate(() => document.querySelector('[data-graphic]')!.getBoundingClientRect().top);
      const iframeTop = await iframe.evaluate((el) => el.getBoundingClientRect().top);
      const onScreen = iframeTop + graphicTop;
      expect(onScreen).toBeGreaterThanOrEqual(-2);
      expect(onScreen).toBeLessThan(200);
    }
    expect(seen.size).toBe(3);
  });

  test('a deep link into the story embed lands on that step', async ({ page: p, baseURL }) => {
    await host(
      p,
      'deep.html',
      page(`<iframe src="${baseURL}embed/story/#kayes-gateway" title="The Road to Bamako" style="width:100%;border:0;display:block" height="900" scrolling="no"></iframe><script src="${baseURL}embed/resize.js" async></script>`),
    );
    const frame = await embedFrame(p);
    await expect.poll(() => frame.evaluate(() => document.querySelector('[data-step].is-active')?.id)).toBe('kayes-gateway');
    await expect.poll(() => frame.evaluate(() => document.querySelector('[data-graphic]')?.getAttribute('data-scene'))).toBe('map-kayes-gateway');
  });
});

test.describe('sharing from the story', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the Share dialog copies a link to the step and the embed code, from the keyboard, and says so', async ({ page: p }) => {
    await p.goto('./#kayes-gateway');
    await expect(p.locator('#kayes-gateway.is-active')).toBeVisible();
    const open = p.locator('[data-share-open]');
    await open.focus();
    await p.keyboard.press('Enter');
    const dialog = p.getByRole('dialog', { name: 'Share or embed this step' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('[data-share-link]')).toHaveValue(/\/#kayes-gateway$/);
    await dialog.getByRole('button', { name: 'Copy link to this step' }).press('Enter');
    await expect(dialog.getByRole('status')).toHaveText('Link to this step copied.');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toMatch(/\/#kayes-gateway$/);
    await expect(dialog.locator('[data-share-code]')).toHaveValue(/<iframe src="[^"]+\/embed\/map-kayes-gateway\/" title="[^"]+"[^>]* loading="lazy"[\s\S]*<script src="[^"]+\/embed\/resize\.js" async><\/script>$/);
    await dialog.getByRole('button', { name: 'Copy embed code' }).press('Enter');
    await expect(dialog.getByRole('status')).toHaveText('Embed code copied.');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toContain('/embed/map-kayes-gateway/');
    // The whole story instead.
    await dialog.getByRole('radio', { name: 'The whole story' }).check();
    await expect(dialog.locator('[data-share-code]')).toHaveValue(/\/embed\/story\/"/);
    await p.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('in French too', async ({ page: p }) => {
    await p.goto('./fr/#senegal-exports');
    await expect(p.locator('#senegal-exports.is-active')).toBeVisible();
    await p.getByRole('button', { name: 'Partager' }).click();
    const dialog = p.getByRole('dialog', { name: 'Partager ou intégrer cette étape' });
    await expect(dialog.locator('[data-share-link]')).toHaveValue(/\/fr\/#senegal-exports$/);
    await expect(dialog.locator('[data-share-code]')).toHaveValue(/\/fr\/embed\/trade-exports\/"/);
  });
});
