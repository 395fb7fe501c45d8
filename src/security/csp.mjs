/**
 * The site's Content Security Policy, in one place. Every page states it in
 * a `<meta http-equiv="content-security-policy">`, first in its head
 * (src/layouts/Base.astro), and the build writes it as an HTTP header for
 * every page in `_headers` (headers-integration.mjs), with the directives a
 * `<meta>` cannot carry (`frame-ancestors`). docs/deploy.md gives the nginx
 * equivalent and says why this is not Astro's `security.csp`.
 *
 * What the site loads, and why each directive allows it:
 * - scripts: its own module chunks only (`'self'`; no inline script, no eval);
 * - the map's worker: MapLibre's worker file, a same-origin module URL
 *   (`setWorkerUrl`, src/map/index.ts), so `worker-src 'self'` (no `blob:`);
 * - styles: its own stylesheets only (`'self'`), no inline `<style>` and no
 *   `style="…"` in markup (the build inlines no stylesheet,
 *   astro.config.mjs). MapLibre, D3 and the map's labels set styles from
 *   script through the CSSOM (`el.style.x = …`, `.style()`), which a policy
 *   does not govern, so `style-src-attr 'unsafe-inline'` is not needed: the
 *   CSP test (tests/e2e/csp.spec.ts) sees no violation with WebGL, with the
 *   SVG map, exploring the map and printing. Should a library start writing
 *   `style` attributes into markup, `style-src-attr 'unsafe-inline'` is the
 *   narrowest allowance (a style attribute cannot run code);
 * - images: its own files, and `data:` URLs (MapLibre's stylesheet draws its
 *   control icons as `data:` SVGs, and it uses a `data:` PNG internally);
 * - data: `fetch` of its own JSON only (`connect-src 'self'`);
 * - nothing from another origin (`default-src 'self'`: no font or frame from
 *   elsewhere), no plugin (`object-src 'none'`), no `<base>` pointing
 *   elsewhere, no form posts.
 */

/** The policy's directives, in the order they are written. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The policy as every page's `<meta http-equiv="content-security-policy">` states it (src/layouts/Base.astro). */
export const META_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * Directives only an HTTP header can carry (a `<meta>` policy ignores them).
 * `frame-ancestors *`: every page may be framed by any site (the embeds, and
 * the whole story embedded by a newsroom), and it overrides an
 * `X-Frame-Options` a host may add by default.
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors *'];

/** The header's policy: a page's `<meta>` policy (`metaPolicy`, as Astro wrote it) plus the header-only directives. */
export function headerPolicy(metaPolicy) {
  const trimmed = metaPolicy.trim().replace(/;?\s*$/, ';');
  return `${trimmed} ${HEADER_ONLY_DIRECTIVES.map((d) => `${d};`).join(' ')}`;
}
