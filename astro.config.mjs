// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import AstroPWA from '@vite-pwa/astro';
import { offlineZip } from './scripts/offline-zip.mjs';
import { securityHeaders } from './src/security/headers-integration.mjs';

/**
 * Site configuration.
 * BASE_PATH lets a newsroom host the story under its own subpath
 * (for example `/interactive/mali-blockade/`); OUT_DIR lets tests build
 * that variant beside the default one.
 */
const base = process.env.BASE_PATH || '/';
/**
 * The site's public origin, for canonical and hreflang URLs (which must be
 * absolute). Set SITE_URL when deploying; the default is the local preview.
 */
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  base,
  site,
  /** English at /, French under /fr/ (src/i18n/locales.ts). */
  i18n: {
    locales: ['en', 'fr'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'ignore',
  integrations: [
    mdx(),
    /**
     * The offline copy in the browser (docs/offline.md): a service worker
     * (src/offline/sw.ts, Workbox) that stores every page, script, style,
     * figure and data file once a reader has visited, answers from the
     * network first and from that copy offline; src/offline/register.ts
     * registers it. @vite-pwa/astro 1.2 declares peer support up to Astro 5;
     * it works with Astro 7 and Vite 8 here (package.json overrides its peer
     * range, as vite-pwa/astro#72 suggests), and tests/e2e/offline.spec.ts checks it.
     */
    AstroPWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      injectRegister: null,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        minify: true,
        globPatterns: ['**/*.{html,js,mjs,css,json,svg,csv}'],
        // The ZIP is the other offline copy; embeds live in other sites' pages, not in a classroom's copy.
        globIgnores: ['offline/**', 'embed/**', 'fr/embed/**'],
        // MapLibre's bundle is about 1.1 MB.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // Keep each page's own URL (`fr/index.html`): the worker maps `/fr/` to it.
        manifestTransforms: [async (entries) => ({ manifest: entries, warnings: [] })],
      },
    }),
    /**
     * securityHeaders(): after the build, each page's Content Security Policy
     * (its <meta>, src/layouts/Base.astro; src/security/csp.mjs) also as an
     * HTTP header in dist/_headers. Not Astro's `security.csp`: see docs/deploy.md.
     */
    securityHeaders(),
    // After the service worker: the downloadable ZIP of the whole build (scripts/offline-zip.mjs).
    offlineZip(),
  ],
  build: {
    // Keep every script and stylesheet in its own file so a strict
    // Content Security Policy (script-src 'self') holds.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      assetsInlineLimit: 0,
    },
  },
  // Code blocks (docs/offline.md on the offline guide page) as plain <pre><code>:
  // the highlighter's inline styles would break a strict style-src CSP and the HTML validator.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
