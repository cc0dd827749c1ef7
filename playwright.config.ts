// End-to-end tests against the built site (dist/), served by `astro preview`.
// The site is NOT built here: `npm test` builds it before running Playwright.
//
// Browser: scripts/chromium.ts (CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own).
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium';

const HOST = '127.0.0.1';
const PORT = 4321;
const baseURL = `http://${HOST}:${PORT}`;
const HOSTILE_PORT = 4322;
/** Where the hostile-markup fixture site is served (tests/e2e/hostile.spec.ts). */
export const hostileURL = `http://${HOST}:${HOSTILE_PORT}`;
const isCI = Boolean(process.env['CI']);

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
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
      command: `npx astro preview --host ${HOST} --port ${PORT}`,
      url: `${baseURL}/`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The site built from tests/fixtures/hostile (clause text full of markup), by `npm run build:hostile`.
      command: `npx astro preview --host ${HOST} --port ${HOSTILE_PORT} --outDir .build/hostile-dist`,
      url: `${hostileURL}/`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
