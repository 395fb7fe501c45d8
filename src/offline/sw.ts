/// <reference lib="webworker" />
/**
 * The service worker (built to `sw.js` by @vite-pwa/astro's injectManifest
 * strategy, with Workbox; registered by src/offline/register.ts). It keeps a
 * copy of the whole site for reading offline (docs/offline.md).
 *
 * At install, it stores every file in the manifest Workbox injects
 * (astro.config.mjs: pages, scripts, styles, figures, map and story data,
 * data downloads). Then:
 * - files under `_astro/` carry a hash in their name and never change: they
 *   come from the stored copy first (Workbox's precache route);
 * - everything else (pages, story data, figures, data files, whose names stay
 *   the same from one version to the next) comes from the network first, so
 *   an online reader always gets the latest version, corrections included,
 *   and the files of one version always go together. When the network fails,
 *   or gives no answer within `NETWORK_TIMEOUT_MS`, the stored copy answers.
 * Requests to other sites, and anything the copy does not hold, go to the
 * network as usual.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

/** How long (milliseconds) a request waits for the network before the stored copy answers: slow classroom connections read offline. */
const NETWORK_TIMEOUT_MS = 4000;

/** The site's base path: the worker's scope (`/` or `/interactive/mali-blockade/`). */
const scope = new URL(self.registration.scope).pathname;

/** Build assets whose names carry a hash (Astro's `_astro/` folder). */
const isHashed = (url: URL) => url.pathname.startsWith(`${scope}_astro/`);

/** The stored copy's key for `url`: no query or fragment, `index.html` for a folder (`/fr/` → `/fr/index.html`). */
function storedPath(url: URL): string {
  return url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
}

/** `promise`, or a rejection after `ms` milliseconds. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

self.skipWaiting();
clientsClaim();

// Network first for the site's own files whose names do not change; the stored copy when offline.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith(scope) && !isHashed(url),
  async ({ request, url }) => {
    try {
      return await within(fetch(request), NETWORK_TIMEOUT_MS);
    } catch (error) {
      const stored = await matchPrecache(storedPath(url));
      if (stored) return stored;
      throw error;
    }
  },
);

// Cache first for everything else stored (the hashed build assets).
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/./] });
cleanupOutdatedCaches();
