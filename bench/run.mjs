#!/usr/bin/env node
/**
 * Performance benchmark of the built site (not a test: it measures and records).
 *
 *   npm run build && npm run bench                 # everything, 3 Lighthouse runs each
 *   npm run bench -- --runs 5                      # more runs per median
 *   npm run bench -- --no-lighthouse               # bytes and scroll only
 *
 * How it serves: the built site (dist/) is copied to bench/tmp/site/ with one
 * extra page, bench/tmp/site/text-only/, the LIMIT to approach: the story's
 * own HTML with no script, no figure and no style beyond the base stylesheet.
 * Two servers serve that copy from this machine (scripts/serve.mjs: sirv,
 * HTTP/1.1, no cache headers beyond ETag; the site's `_headers` applied, so
 * pages carry their CSP; service workers blocked in every browser run):
 *   - "plain": no compression;
 *   - "gzip":  gzip via the `compression` middleware, as most hosts do.
 *
 * What it measures:
 *   - bytes: every built file by type, raw and gzipped (level 9); what the
 *     first load transfers and what blocks rendering; what a full read transfers;
 *   - scroll: a scripted scroll through every step at a reader's pace, in
 *     Chromium with SwiftShader WebGL: frames (requestAnimationFrame intervals)
 *     and long tasks (PerformanceObserver 'longtask');
 *   - Lighthouse 13 (npx lighthouse@LIGHTHOUSE_VERSION, system Chromium via
 *     CHROME_PATH), mobile and desktop presets, the story and the text-only
 *     page on both servers, runs interleaved (story, text-only, story, …) so
 *     the machine's load affects both alike; medians of the runs, and the
 *     story's figures as ratios to the text-only page's from the same run set.
 *
 * Writes bench/results/<date>-<commit>.json and .md, and bench/results/latest.md.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const LIGHTHOUSE_VERSION = '13.5.0';
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const withLighthouse = !args.includes('--no-lighthouse');
const CHROME = process.env.CHROME_PATH || process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const SITE = 'bench/tmp/site';
const SERVERS = { plain: 4401, gzip: 4402 };
const PAGES = { story: '', 'text-only': 'text-only/' };

if (!existsSync('dist/index.html')) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Bytes of every built file by type, raw and gzipped. */
function builtBytes() {
  const byType = {};
  for (const file of walk('dist')) {
    const type = extname(file).slice(1) || 'other';
    const buf = readFileSync(file);
    byType[type] ??= { files: 0, raw: 0, gzip: 0 };
    byType[type].files += 1;
    byType[type].raw += buf.length;
    byType[type].gzip += gzipSync(buf, { level: 9 }).length;
  }
  return byType;
}

const launch = () => chromium.launch({ executablePath: existsSync(CHROME) ? CHROME : undefined, args: FLAGS });

/** Copies dist/ and derives the text-only page from the story's own HTML, with a browser (no script runs). */
async function prepareSite() {
  rmSync(SITE, { recursive: true, force: true });
  cpSync('dist', SITE, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ javaScriptEnabled: false });
  await page.setContent(readFileSync('dist/index.html', 'utf8'));
  const html = await page.evaluate(() => {
    const drop = 'script, noscript, img, picture, svg, figure, [data-graphic], [data-nav-bar], details.chart-table, link[rel="preload"], link[rel="modulepreload"]';
    for (const el of document.querySelectorAll(drop)) el.remove();
    return `<!doctype html>\n${document.documentElement.outerHTML}`;
  });
  await browser.close();
  mkdirSync(join(SITE, 'text-only'), { recursive: true });
  writeFileSync(join(SITE, 'text-only', 'index.html'), html);
  return { textOnlyHtml: { raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length } };
}

function startServers() {
  return Object.entries(SERVERS).map(([name, port]) =>
    // Both apply the site's _headers (the CSP and CORS rules), as a host that reads the file would.
    spawn('node', ['scripts/serve.mjs', '--dir', SITE, '--port', String(port), '--headers', ...(name === 'gzip' ? ['--gzip'] : [])], {
      stdio: 'ignore',
      detached: true,
    }),
  );
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${url}`);
}

/** First load (and what blocks rendering), a scripted scroll through every step (frames, long tasks), and a full read. */
async function browserRun(url) {
  const browser = await launch();
  // The offline copy's service worker is blocked: its background download would count in every run.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const transfers = [];
  page.on('response', async (res) => {
    try {
      const sizes = await res.request().sizes();
      transfers.push({ url: res.url(), type: res.request().resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    } catch {}
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const sum = (list) => list.reduce((s, t) => s + t.bytes, 0);
  const firstLoad = { bytes: sum(transfers), requests: transfers.length, js: sum(transfers.filter((t) => t.type === 'script')), css: sum(transfers.filter((t) => t.type === 'stylesheet')) };
  const renderBlocking = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.renderBlockingStatus === 'blocking')
      .map((e) => ({ url: e.name, bytes: e.transferSize })),
  );
  await page.evaluate(() => {
    window.__frames = [];
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const stepIds = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.id));
  const started = Date.now();
  for (const id of stepIds) {
    const box = await page.locator(`#${id}`).boundingBox();
    const distance = (box?.y ?? 0) - 400;
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, distance / 8);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(300);
  }
  const { frames, longTasks } = await page.evaluate(() => ({ frames: window.__frames.slice(1), longTasks: window.__longTasks }));
  const scrollMs = Date.now() - started;
  const fullRead = { bytes: sum(transfers), requests: transfers.length };
  await browser.close();
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    firstLoad,
    renderBlocking,
    fullRead,
    scroll: {
      steps: stepIds.length,
      durationMs: scrollMs,
      frames: frames.length,
      fps: +(frames.length / (scrollMs / 1000)).toFixed(1),
      medianFrameMs: +q(0.5).toFixed(1),
      p95FrameMs: +q(0.95).toFixed(1),
      framesOver50ms: frames.filter((f) => f > 50).length,
      longTasks: longTasks.length,
      longTasksOver200ms: longTasks.filter((d) => d > 200).length,
      longestTaskMs: Math.max(0, ...longTasks),
    },
  };
}

/** One Lighthouse run: its scores and metrics. */
function lighthouse(url, preset) {
  const out = `bench/tmp/lh-${Date.now()}.json`;
  execFileSync(
    'npx',
    [
      '--yes',
      `lighthouse@${LIGHTHOUSE_VERSION}`,
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      // No service worker (the offline copy's background download is measured as built bytes instead).
      '--blocked-url-patterns=*/sw.js',
      `--chrome-flags=--headless=new ${FLAGS.join(' ')}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: CHROME } },
  );
  const r = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out);
  const a = r.audits;
  return {
    scores: Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
    fcpMs: Math.round(a['first-contentful-paint'].numericValue),
    lcpMs: Math.round(a['largest-contentful-paint'].numericValue),
    tbtMs: Math.round(a['total-blocking-time'].numericValue),
    cls: +a['cumulative-layout-shift'].numericValue.toFixed(3),
    bytes: a['total-byte-weight'].numericValue,
    lighthouseVersion: r.lighthouseVersion,
  };
}

/** Medians of the runs of each (preset, server, page), with the story's ratios to the text-only page. */
function lighthouseRuns() {
  const runs = {};
  for (let run = 0; run < RUNS; run++) {
    for (const preset of ['mobile', 'desktop']) {
      for (const [server, port] of Object.entries(SERVERS)) {
        for (const [name, path] of Object.entries(PAGES)) {
          const key = `${preset}/${server}/${name}`;
          console.log(`bench: lighthouse ${key} run ${run + 1}/${RUNS}`);
          (runs[key] ??= []).push(lighthouse(`http://127.0.0.1:${port}/${path}`, preset));
        }
      }
    }
  }
  const summary = {};
  for (const [key, list] of Object.entries(runs)) {
    summary[key] = {
      runs: list.length,
      scores: Object.fromEntries(Object.keys(list[0].scores).map((c) => [c, median(list.map((r) => r.scores[c]))])),
      fcpMs: median(list.map((r) => r.fcpMs)),
      lcpMs: median(list.map((r) => r.lcpMs)),
      tbtMs: median(list.map((r) => r.tbtMs)),
      cls: median(list.map((r) => r.cls)),
      bytes: median(list.map((r) => r.bytes)),
    };
  }
  for (const preset of ['mobile', 'desktop']) {
    for (const server of Object.keys(SERVERS)) {
      const story = summary[`${preset}/${server}/story`];
      const limit = summary[`${preset}/${server}/text-only`];
      story.ratioToTextOnly = { lcp: +(story.lcpMs / limit.lcpMs).toFixed(2), fcp: +(story.fcpMs / limit.fcpMs).toFixed(2), bytes: +(story.bytes / limit.bytes).toFixed(2) };
    }
  }
  return { version: runs[Object.keys(runs)[0]][0].lighthouseVersion, runsEach: RUNS, medians: summary };
}

function markdown(result) {
  const lines = [
    `# Benchmark ${result.date.slice(0, 10)} (${result.commit})`,
    '',
    `Node ${result.node}; Chromium at ${CHROME}; this 2-core machine, WebGL by SwiftShader.`,
    `Servers (scripts/serve.mjs, sirv over HTTP/1.1 on 127.0.0.1, with the site's _headers: CSP, CORS): **plain** = no compression; **gzip** = gzip by the \`compression\` middleware.`,
    'Service workers blocked in every run (the offline copy\'s background download is not counted).',
    `The **text-only** page is the story's own HTML with no script, no figure and only the base stylesheet: the limit to approach.`,
    '',
    '## Bytes',
    '',
    `- First load (gzip server): ${(result.browser.firstLoad.bytes / 1024).toFixed(1)} KB in ${result.browser.firstLoad.requests} requests; JavaScript ${(result.browser.firstLoad.js / 1024).toFixed(1)} KB; CSS ${(result.browser.firstLoad.css / 1024).toFixed(1)} KB.`,
    `- Render-blocking: ${result.browser.renderBlocking.map((r) => `${r.url.replace(/^https?:\/\/[^/]+/, '')} (${(r.bytes / 1024).toFixed(1)} KB)`).join(', ') || 'none'}.`,
    `- HTML of the story, gzipped: ${(result.built.storyHtmlGzip / 1024).toFixed(1)} KB; text-only page: ${(result.textOnlyHtml.gzip / 1024).toFixed(1)} KB.`,
    `- Full read (every step, map and charts loaded): ${(result.browser.fullRead.bytes / 1024).toFixed(1)} KB in ${result.browser.fullRead.requests} requests.`,
    '',
    '## Scrolling through every step',
    '',
    `${result.browser.scroll.steps} steps in ${(result.browser.scroll.durationMs / 1000).toFixed(1)} s: ${result.browser.scroll.fps} fps, median frame ${result.browser.scroll.medianFrameMs} ms, 95th percentile ${result.browser.scroll.p95FrameMs} ms, ${result.browser.scroll.framesOver50ms} frames over 50 ms; ${result.browser.scroll.longTasks} long tasks, ${result.browser.scroll.longTasksOver200ms} over 200 ms (longest ${result.browser.scroll.longestTaskMs} ms).`,
  ];
  if (result.lighthouse !== 'skipped') {
    const lh = result.lighthouse;
    lines.push('', `## Lighthouse ${lh.version} (median of ${lh.runsEach} interleaved runs)`, '', '| preset | server | page | perf | a11y | best pr. | SEO | FCP ms | LCP ms | TBT ms | CLS | LCP ÷ text-only |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [key, m] of Object.entries(lh.medians)) {
      const [preset, server, page] = key.split('/');
      lines.push(`| ${preset} | ${server} | ${page} | ${m.scores.performance} | ${m.scores.accessibility} | ${m.scores['best-practices']} | ${m.scores.seo} | ${m.fcpMs} | ${m.lcpMs} | ${m.tbtMs} | ${m.cls} | ${m.ratioToTextOnly ? m.ratioToTextOnly.lcp : ''} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

mkdirSync('bench/tmp', { recursive: true });
const prepared = await prepareSite();
const servers = startServers();
try {
  await Promise.all(Object.values(SERVERS).map((port) => waitFor(`http://127.0.0.1:${port}/`)));
  const built = builtBytes();
  const result = {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(),
    node: process.version,
    servers: { plain: 'scripts/serve.mjs (sirv) --headers, no compression', gzip: 'scripts/serve.mjs (sirv) --headers + compression middleware (gzip)' },
    serviceWorkers: 'blocked',
    built: { ...built, storyHtmlGzip: gzipSync(readFileSync('dist/index.html'), { level: 9 }).length },
    ...prepared,
    browser: await browserRun(`http://127.0.0.1:${SERVERS.gzip}/`),
    lighthouse: withLighthouse ? lighthouseRuns() : 'skipped',
  };
  mkdirSync('bench/results', { recursive: true });
  const stem = `bench/results/${result.date.slice(0, 10)}-${result.commit}`;
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const md = markdown(result);
  writeFileSync(`${stem}.md`, md);
  writeFileSync('bench/results/latest.md', md);
  console.log(md);
  console.log(`bench: written ${stem}.json, ${stem}.md and bench/results/latest.md`);
} finally {
  for (const s of servers) process.kill(-s.pid);
}
