// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
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
  /**
   * securityHeaders(): after the build, each page's Content Security Policy
   * (its <meta>, src/layouts/Base.astro; src/security/csp.mjs) also as an
   * HTTP header in dist/_headers. Not Astro's `security.csp`: see docs/deploy.md.
   */
  integrations: [mdx(), securityHeaders()],
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
  devToolbar: { enabled: false },
});
