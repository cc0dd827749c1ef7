// End-to-end tests against a built site, served by `astro preview`: dist/ (built from seeds/), or
// the folder E2E_DIST names (`npm run test:e2e` runs the suite a second time on the two-document
// library, .build/library-dist). The site is NOT built here: `npm test` builds it first.
// E2E_PORT moves the servers (the site on it, the hostile fixture on the next port), so two
// checkouts can test at once; a server already on a port is never reused.
//
// Browser: scripts/chromium.ts (CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own).
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium';
import { siteDir } from './tests/e2e/site';

const HOST = '127.0.0.1';
const PORT = Number(process.env['E2E_PORT'] ?? 4321);
if (!Number.isInteger(PORT) || PORT < 1024 || PORT > 65534) throw new Error(`E2E_PORT: expected a port number from 1024 to 65534, found ${JSON.stringify(process.env['E2E_PORT'])}`);
const baseURL = `http://${HOST}:${PORT}`;
const HOSTILE_PORT = PORT + 1;
/** The library run tests the library; the specs about other builds (hostile, sub-path) ran already. */
const library = siteDir !== 'dist';
/** Where the hostile-markup fixture site is served (tests/e2e/hostile.spec.ts). */
export const hostileURL = `http://${HOST}:${HOSTILE_PORT}`;
const isCI = Boolean(process.env['CI']);

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  ...(library ? { testIgnore: ['hostile.spec.ts', 'subpath.spec.ts'] } : {}),
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  // Generous: CI boxes have 2 cores shared by the preview server, the crawl and the browser.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    locale: 'zh-CN',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: [
    {
      // Serves the already-built dist/; it does not build.
      command: `npx astro preview --host ${HOST} --port ${PORT} --outDir ${siteDir}`,
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The site built from tests/fixtures/hostile (clause text full of markup), by `npm run build:hostile`.
      command: `npx astro preview --host ${HOST} --port ${HOSTILE_PORT} --outDir .build/hostile-dist`,
      url: `${hostileURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
