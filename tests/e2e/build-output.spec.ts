/**
 * Checks on the built files in dist/ (run after `astro build`):
 * no inline script (a strict CSP `script-src 'self'` holds), no reference to
 * another host in scripts, styles or markup that would load at run time, and
 * the map data budget (all of public/data/geo, gzipped, <= 60 KB).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';

const DIST = 'dist';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('pages have no inline script: every script is a file or JSON data', () => {
  const pages = files(DIST).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      const ok = /\bsrc=/.test(tag) || /type="application\/json"/.test(tag);
      expect(ok, `${page}: inline script ${tag}`).toBe(true);
    }
    expect(html, `${page}: inline event handler`).not.toMatch(/\son[a-z]+="/);
  }
});

test('nothing in the build loads from another host', () => {
  for (const file of files(DIST).filter((f) => /\.(html|css|js|svg)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    // Links a reader clicks (<a href>) are fine; sources that load are not.
    const loads = [...text.matchAll(/(?:src=|url\(|@import\s|fetch\()\s*["']?(https?:\/\/[^"')\s]+)/g)].map((m) => m[1]);
    expect(loads.filter((u) => !/^https?:\/\/(localhost|127\.0\.0\.1)/.test(u)), file).toEqual([]);
  }
});

test('map data stays within its budget of 60 KB gzipped', () => {
  const geo = files(join(DIST, 'data', 'geo'));
  expect(geo.length).toBeGreaterThan(0);
  const gzipped = geo.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  expect(gzipped).toBeLessThanOrEqual(60 * 1024);
});

test('numbers read right: no source marker follows a digit', () => {
  const pages = files(DIST).filter((f) => f.endsWith('.html'));
  let markers = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    for (const match of html.matchAll(/<a\b[^>]*class="num__source"/g)) {
      markers += 1;
      // The text a reader sees just before the marker, tags removed.
      const before = html.slice(Math.max(0, (match.index ?? 0) - 300), match.index).replace(/<[^>]*>/g, '').replace(/<[^>]*$/, '');
      const last = before.at(-1) ?? '';
      expect(/\d/.test(last), `${page}: "…${before.slice(-40)}" runs into its source marker`).toBe(false);
      expect(/\s/.test(last) && /\d\s*$/.test(before), `${page}: "…${before.slice(-40)}" is a bare number before its marker`).toBe(false);
    }
  }
  expect(markers, 'source markers in the built pages').toBeGreaterThan(10);
});

test('every scene has its static figure, regular and narrow, in both languages: standalone, titled, sourced, nothing focusable', () => {
  for (const [prefix, asOf] of [['', /as of/i], ['fr/', /date de référence/i]] as const) {
    const story = JSON.parse(readFileSync(join(DIST, prefix, 'data/story.json'), 'utf8')) as { scenes: Record<string, { id: string; graphic: string }> };
    const scenes = Object.values(story.scenes);
    expect(scenes.length).toBeGreaterThan(30);
    for (const scene of scenes) {
      for (const suffix of ['', '-narrow']) {
        const file = join(DIST, prefix, scene.graphic === 'map' ? 'maps' : 'charts', `${scene.id}${suffix}.svg`);
        const svg = readFileSync(file, 'utf8');
        expect(svg, file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="[\d.]+" height="[\d.]+"[^>]* lang="(en|fr)"/);
        expect(svg, file).toMatch(/<title[^>]*>[^<]{10,}<\/title>/);
        expect(svg, file).toMatch(/<desc[^>]*>[^<]{10,}<\/desc>/);
        expect(svg, file).not.toMatch(/tabindex|<script|<foreignObject/i);
        const printed = [...svg.matchAll(/<t(?:ext|span)[^>]*>([^<]+)</g)].map((m) => m[1]).join(' ');
        expect(printed, `${file}: a source line`).toMatch(/Sources?[\u00a0\u202f ]?:/);
        expect(printed, `${file}: an as-of date`).toMatch(asOf);
        expect(svg, `${file}: its language`).toContain(` lang="${prefix ? 'fr' : 'en'}"`);
      }
    }
  }
});

test('the social card is a 1200 × 630 PNG in each language, named by every page with its size and alt text', () => {
  for (const prefix of ['', 'fr/']) {
    const png = readFileSync(join(DIST, prefix, 'social-card.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // The IHDR chunk: width and height, big-endian, at bytes 16–23.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    for (const page of ['index.html', 'educators/index.html']) {
      const html = readFileSync(join(DIST, prefix, page), 'utf8');
      expect(html, `${prefix}${page}`).toMatch(new RegExp(`<meta property="og:image" content="https?://[^"]+/${prefix}social-card\\.png">`));
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(html).toMatch(/<meta property="og:image:alt" content="[^"]{20,}">/);
      expect(html).toMatch(/<meta property="og:url" content="https?:\/\/[^"]+">/);
      expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+">/);
    }
    // The story page offers itself as an embed to oEmbed consumers.
    expect(readFileSync(join(DIST, prefix, 'index.html'), 'utf8')).toMatch(new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="https?://[^"]+/${prefix}embed/story/oembed\\.json"`));
  }
});

test('the optional resize script for host pages stays under 2 KB gzipped', () => {
  const size = gzipSync(readFileSync(join(DIST, 'embed', 'resize.js'))).length;
  expect(size).toBeLessThan(2048);
});
