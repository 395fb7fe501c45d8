#!/usr/bin/env node
/**
 * Performance benchmark of the built site (not a test: it measures and records).
 *
 *   npm run build && npm run bench            # all measurements
 *   npm run bench -- --no-lighthouse          # skip Lighthouse
 *
 * Measures, on dist/ served by `astro preview`:
 * - bytes: every built file by type, raw and gzipped; what the first load
 *   transfers; what a full read of the story transfers (map and charts included);
 * - frames during a scripted scroll through every step (requestAnimationFrame
 *   intervals: count, median, 95th percentile, frames over 50 ms);
 * - Lighthouse (mobile preset) scores and metrics, via `npx lighthouse@12.2.3`
 *   with the system Chromium (CHROME_PATH, default /usr/bin/chromium).
 *
 * Writes bench/results/<date>.json and prints a summary. Compare with earlier files there.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const PORT = 4400;
const URL = `http://127.0.0.1:${PORT}/`;
const CHROME = process.env.CHROME_PATH || process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const withLighthouse = !process.argv.includes('--no-lighthouse');

if (!existsSync('dist/index.html')) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

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

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

async function browserRun() {
  const browser = await chromium.launch({ executablePath: existsSync(CHROME) ? CHROME : undefined, args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const transfers = [];
  page.on('response', async (res) => {
    try {
      const sizes = await res.request().sizes();
      transfers.push({ url: res.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    } catch {}
  });
  await page.goto(URL, { waitUntil: 'networkidle' });
  const firstLoad = transfers.reduce((s, t) => s + t.bytes, 0);
  const firstLoadRequests = transfers.length;

  // Scripted scroll: every step in turn, at a reader's pace, while counting frames.
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      w.__frames.push(now - last);
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
    const chunks = 8;
    for (let i = 0; i < chunks; i++) {
      await page.mouse.wheel(0, distance / chunks);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(300);
  }
  const frames = await page.evaluate(() => window.__frames.slice(1));
  const scrollMs = Date.now() - started;
  const fullRead = transfers.reduce((s, t) => s + t.bytes, 0);
  await browser.close();
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    firstLoad: { bytes: firstLoad, requests: firstLoadRequests },
    fullRead: { bytes: fullRead, requests: transfers.length },
    scroll: {
      steps: stepIds.length,
      durationMs: scrollMs,
      frames: frames.length,
      fps: +(frames.length / (scrollMs / 1000)).toFixed(1),
      medianFrameMs: +q(0.5).toFixed(1),
      p95FrameMs: +q(0.95).toFixed(1),
      framesOver50ms: frames.filter((f) => f > 50).length,
    },
  };
}

function lighthouse() {
  const out = 'bench/tmp/lighthouse.json';
  mkdirSync('bench/tmp', { recursive: true });
  execFileSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      URL,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=--headless=new ${FLAGS.join(' ')}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: CHROME } },
  );
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const a = r.audits;
  return {
    scores: Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
    firstContentfulPaintMs: Math.round(a['first-contentful-paint'].numericValue),
    largestContentfulPaintMs: Math.round(a['largest-contentful-paint'].numericValue),
    totalBlockingTimeMs: Math.round(a['total-blocking-time'].numericValue),
    cumulativeLayoutShift: +a['cumulative-layout-shift'].numericValue.toFixed(3),
    totalByteWeight: a['total-byte-weight'].numericValue,
  };
}

const server = spawn('npx', ['astro', 'preview', '--port', String(PORT), '--host', '127.0.0.1'], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  detached: true,
});
try {
  await waitForServer();
  const result = {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(),
    node: process.version,
    built: builtBytes(),
    ...(await browserRun()),
    lighthouse: withLighthouse ? lighthouse() : 'skipped',
  };
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${result.date.slice(0, 10)}-${result.commit}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`bench: written ${file}`);
} finally {
  process.kill(-server.pid);
}
