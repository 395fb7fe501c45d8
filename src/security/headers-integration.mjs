/**
 * An Astro integration that writes the site's security headers for hosts
 * that read a `_headers` file (Netlify, Cloudflare Pages; `scripts/serve.mjs
 * --headers` applies it too): after the build, for every built page, the
 * Content Security Policy of its `<meta>` (as Astro wrote it, hashes
 * included) plus the header-only directives (src/security/csp.mjs).
 *
 * The rules are appended to the `_headers` copied from `public/` (site-wide
 * rules live there), paths relative to the site's root: `/`, `/fr/`,
 * `/educators/`, each also as `…/index.html`. Static figures, data and
 * scripts get no policy: a policy governs documents, and the figures'
 * SVGs carry their own `<style>` for when they are opened on their own.
 * Throws (failing the build) if a page has no policy `<meta>`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerPolicy } from './csp.mjs';

/** Every `.html` file under `dir`, as paths relative to it with `/` separators. */
function htmlFiles(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path, root);
    return name.endsWith('.html') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** The `content` of the page's CSP `<meta>`, or undefined. */
export function metaPolicy(html) {
  const tag = /<meta\b[^>]*http-equiv="content-security-policy"[^>]*>/i.exec(html)?.[0];
  return tag ? /\bcontent="([^"]*)"/.exec(tag)?.[1].replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"') : undefined;
}

/** The URL paths a built file answers to: `fr/index.html` → `/fr/` and `/fr/index.html`. */
export function pathsOf(file) {
  const full = `/${file}`;
  return file === 'index.html' || file.endsWith('/index.html') ? [full.slice(0, -'index.html'.length), full] : [full];
}

/** The `_headers` rules (Netlify/Cloudflare Pages format) giving each built page in `dir` its policy. */
export function pageHeaderRules(dir) {
  const blocks = [];
  for (const file of htmlFiles(dir).sort()) {
    const policy = metaPolicy(readFileSync(join(dir, file), 'utf8'));
    if (!policy) throw new Error(`${file}: no Content-Security-Policy <meta> (src/security/csp.mjs META_POLICY)`);
    for (const path of pathsOf(file)) blocks.push(`${path}\n  Content-Security-Policy: ${headerPolicy(policy)}\n`);
  }
  return blocks.join('');
}

/** The integration: see the module's comment. */
export function securityHeaders() {
  return {
    name: 'road-to-bamako:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const file = join(out, '_headers');
        const site = existsSync(file) ? readFileSync(file, 'utf8').replace(/\n*$/, '\n\n') : '';
        const rules = pageHeaderRules(out);
        writeFileSync(file, `${site}# Generated at build time (src/security/headers-integration.mjs): each page's policy.\n${rules}`);
        logger.info(`_headers: a Content-Security-Policy for ${rules.split('Content-Security-Policy').length - 1} page paths`);
      },
    },
  };
}
