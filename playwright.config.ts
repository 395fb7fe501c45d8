import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests on the built site, in Chromium.
 *
 * Which browser: PLAYWRIGHT_CHROMIUM_PATH if set; else Playwright's own
 * Chromium when `npx playwright install chromium` has fetched it; else a
 * system Chromium (Debian's /usr/bin/chromium and the usual other paths).
 *
 * Two builds are served: the site at the root (`dist/`, built by `npm test`
 * before this runs) and the same site under a newsroom-style base path
 * (`dist-base/`, built by its web server command below).
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own
  } catch {
    // no bundled browser registered
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(
    (p) => existsSync(p),
  );
}

export const BASE_PATH = '/interactive/mali-blockade/';
/** Ports of the two test servers; E2E_PORT moves both, so two checkouts can test side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4321);
const BASE_PORT = PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  projects: [
    { name: 'site', testIgnore: /base-path\.spec\.ts/ },
    { name: 'base-path', testMatch: /base-path\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}` } },
  ],
  webServer: [
    {
      // The built site served as a host serves it, with its _headers file (scripts/serve.mjs).
      command: `node scripts/serve.mjs --dir dist --port ${PORT} --host 127.0.0.1 --headers`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx astro build && node scripts/serve.mjs --dir dist-base --base ${BASE_PATH} --port ${BASE_PORT} --host 127.0.0.1 --headers`,
      url: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}`,
      env: { BASE_PATH, OUT_DIR: './dist-base' },
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
    },
  ],
});
