/** Helpers for the offline tests (offline.spec.ts, offline-base-path.spec.ts). */
import type { Page } from '@playwright/test';

/**
 * Waits until a service worker controls `page` and is active (so it has
 * finished precaching: Workbox activates only after every file is stored).
 * Resolves to the worker's scope (an absolute URL).
 */
export async function waitForServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.scope;
  });
}
