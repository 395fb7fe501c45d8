/**
 * Registers the service worker that keeps the site readable offline
 * (`sw.js`, built from src/offline/sw.ts with Workbox by @vite-pwa/astro; see astro.config.mjs
 * and docs/offline.md). After one visit it has stored the story in both
 * languages, the educator pages, the figures, the map and story data and the
 * data downloads, and serves them when the network is off.
 *
 * Scoped to the site's base path (`import.meta.env.BASE_URL`), so a site
 * hosted under `/interactive/mali-blockade/` controls only its own pages.
 * Registered once the page has loaded, so the worker's downloads never
 * compete with the first paint. Not registered: in development (no worker is
 * built), from `file://` (browsers refuse service workers there), inside a
 * frame (an embed on another site should not store the whole story), or when
 * the reader's browser asks to save data (Save-Data: the copy is about 2 MB
 * compressed, see docs/offline.md).
 */

/** The worker's URL and scope under `base` (the site's base path). */
export function serviceWorkerUrls(base: string): { url: string; scope: string } {
  const scope = base.endsWith('/') ? base : `${base}/`;
  return { url: `${scope}sw.js`, scope };
}

/**
 * Registers the worker when the page has loaded. Never throws: a browser
 * without service workers, or a failed registration, leaves the site working
 * online as before. Resolves to the registration, or undefined when skipped or failed.
 */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | undefined> {
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
  if (import.meta.env.DEV || saveData || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || window.top !== window) {
    return Promise.resolve(undefined);
  }
  const { url, scope } = serviceWorkerUrls(import.meta.env.BASE_URL);
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise<void>((resolve) => addEventListener('load', () => resolve(), { once: true }));
  return loaded.then(() => navigator.serviceWorker.register(url, { scope }).catch(() => undefined));
}
