/**
 * Hygiene of the built site (dist/, after `astro build`):
 * - every page passes the HTML validator (html-validate, recommended rules, .htmlvalidate.json);
 * - a link check (linkinator) over every page, following internal links and
 *   checking #fragments, finds no broken internal link or anchor. Links to
 *   other sites (the sources we cite) are not fetched: the tests run offline.
 *   Absolute links on the site's own address (canonical, hreflang, oEmbed,
 *   social card: built from SITE_URL) are checked against the served files.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { LinkChecker } from 'linkinator';

const DIST = 'dist';
const pages = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : path.endsWith('.html') ? [path] : [];
  });

test('every built page is valid HTML', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const files = pages(DIST);
  expect(files.length).toBeGreaterThan(1);
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(problems).toEqual([]);
});

test('no broken internal link or anchor', async () => {
  test.setTimeout(180_000);
  const checker = new LinkChecker();
  // The build's own absolute URLs (SITE_URL, default as in astro.config.mjs) point at linkinator's server.
  const site = (process.env.SITE_URL || 'http://localhost:4321').replace(/\/?$/, '/');
  const port = Number(process.env.E2E_PORT || 4321) + 7;
  const result = await checker.check({
    port,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: `http://localhost:${port}/` }],
    path: DIST,
    recurse: true,
    checkFragments: true,
    concurrency: 20,
    // Not fetched: other sites (the tests run offline).
    linksToSkip: ['^https?://(?!localhost|127\\.0\\.0\\.1)'],
  });
  const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.status} ${l.url} (on ${l.parent})`);
  expect(broken).toEqual([]);
  expect(result.links.filter((l) => l.state === "OK").length).toBeGreaterThan(20);
});
