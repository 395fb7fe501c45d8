#!/usr/bin/env node
/**
 * The offline copy: a ZIP of the built site that a teacher can put on a USB
 * stick and open without the internet (docs/offline.md says how).
 *
 *   node scripts/offline-zip.mjs [--dir dist] [--base /]
 *
 * Also an Astro integration (`offlineZip()` in astro.config.mjs) that writes
 * it after every build, once the service worker has been generated.
 *
 * The ZIP (`<dir>/offline/road-to-bamako.zip`, written with yazl) holds one
 * folder, `road-to-bamako/`, with:
 * - every file of the build (pages, scripts, styles, figures, map and story
 *   data, the data downloads), under the site's base path, so a plain local
 *   server started in that folder serves the site at the URLs it expects;
 * - in each page, the links, images and stylesheets rewritten as relative
 *   paths ending in `index.html` (parsed and rewritten with linkedom), so a
 *   browser that opens a page from the disk (`file://`) finds its styles and
 *   figures and follows links from page to page;
 * - for a base path other than `/`, an `index.html` at the top that leads to it;
 * - README.md and LISEZMOI.md: docs/offline.md and docs/offline.fr.md.
 * The ZIP never contains itself (the `offline/` folder is left out).
 */
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import yazl from 'yazl';

/** The folder inside the ZIP, and the ZIP's path below the build directory. */
export const ZIP_FOLDER = 'road-to-bamako';
export const ZIP_PATH = 'offline/road-to-bamako.zip';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every file under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir, sub = '') {
  return readdirSync(join(dir, sub)).flatMap((name) => {
    const rel = sub ? `${sub}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

/**
 * `url` (an attribute value in the page at `pagePath`, relative to the site
 * root) as a path relative to that page, when it points into the site (starts
 * with `base`): "/fr/" → "../fr/index.html". Other URLs come back unchanged.
 */
export function relativeUrl(url, pagePath, base) {
  if (!url.startsWith(base) || url.startsWith('//')) return url;
  const match = /^([^?#]*)(.*)$/.exec(url.slice(base.length));
  let path = match[1];
  const rest = match[2];
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const from = posix.dirname(pagePath);
  const rel = posix.relative(from === '.' ? '' : from, path);
  return `${rel || 'index.html'}${rest}`;
}

/** A `srcset` value with each URL made relative (see `relativeUrl`). */
function relativeSrcset(value, pagePath, base) {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      return [relativeUrl(url, pagePath, base), ...descriptors].join(' ');
    })
    .join(', ');
}

/**
 * The page `html` (at `pagePath` relative to the site root) with every
 * `href`, `src` and `srcset` that points into the site made relative.
 */
export function relativizePage(html, pagePath, base) {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('[href], [src], [srcset]')) {
    for (const attr of ['href', 'src']) {
      const value = el.getAttribute(attr);
      if (value) el.setAttribute(attr, relativeUrl(value, pagePath, base));
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) el.setAttribute('srcset', relativeSrcset(srcset, pagePath, base));
  }
  return document.toString();
}

/** A page at the ZIP's top that leads to the site under `base` (no script: a link and a meta refresh). */
function redirectPage(base) {
  const target = `${base.replace(/^\//, '')}index.html`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${target}"><title>The Road to Bamako</title></head>
<body><p><a href="${target}">The Road to Bamako</a> · <a href="${target.replace(/index\.html$/, 'fr/index.html')}" lang="fr">La route de Bamako</a></p></body>
</html>
`;
}

/**
 * Writes the offline ZIP of the build in `dir` (a site built for `base`,
 * e.g. "/" or "/interactive/mali-blockade/") to `<dir>/offline/road-to-bamako.zip`.
 * Resolves to the ZIP's path, its size in bytes and the number of files in it.
 * Throws when `dir` has no index.html (no build there).
 */
export async function writeOfflineZip(dir, base = '/') {
  const root = base.endsWith('/') ? base : `${base}/`;
  const files = listFiles(dir).filter((f) => !f.startsWith('offline/'));
  if (!files.includes('index.html')) throw new Error(`${dir} holds no built site (no index.html)`);
  const prefix = `${ZIP_FOLDER}${root}`;
  const mtime = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now());
  const zip = new yazl.ZipFile();
  for (const file of files.sort()) {
    const data = readFileSync(join(dir, file));
    const body = file.endsWith('.html') ? Buffer.from(relativizePage(data.toString('utf8'), file, root), 'utf8') : data;
    zip.addBuffer(body, `${prefix}${file}`, { mtime });
  }
  if (root !== '/') zip.addBuffer(Buffer.from(redirectPage(root), 'utf8'), `${ZIP_FOLDER}/index.html`, { mtime });
  zip.addBuffer(readFileSync(join(ROOT, 'docs', 'offline.md')), `${ZIP_FOLDER}/README.md`, { mtime });
  zip.addBuffer(readFileSync(join(ROOT, 'docs', 'offline.fr.md')), `${ZIP_FOLDER}/LISEZMOI.md`, { mtime });
  zip.end();

  const out = join(dir, ...ZIP_PATH.split('/'));
  mkdirSync(dirname(out), { recursive: true });
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  });
  return { path: out, bytes: statSync(out).size, files: files.length };
}

/**
 * An Astro integration that writes the offline ZIP when a build is done.
 * List it after the service worker's integration, so the ZIP holds the worker too.
 */
export function offlineZip() {
  let base = '/';
  return {
    name: 'offline-zip',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { path, bytes, files } = await writeOfflineZip(fileURLToPath(dir), base);
        logger.info(`${relative(process.cwd(), path).split(sep).join('/')}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const { path, bytes, files } = await writeOfflineZip(opt('dir', 'dist'), opt('base', '/'));
  console.log(`${path}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
}
