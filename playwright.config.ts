// End-to-end tests against the built site (dist/), served by `astro preview`.
// The site is NOT built here: `npm test` builds it before running Playwright.
//
// Browser: Chromium from the environment, never a download.
//   CHROMIUM_PATH=/path/to/chromium   use that executable (must exist);
//   otherwise /usr/bin/chromium        (Debian's package) when present;
//   otherwise Playwright's own Chromium (after `npx playwright install chromium`, needs internet).
// scripts/ensure-chromium.sh installs Debian's chromium when none of these is available.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const HOST = '127.0.0.1';
const PORT = 4321;
const baseURL = `http://${HOST}:${PORT}`;
const HOSTILE_PORT = 4322;
/** Where the hostile-markup fixture site is served (tests/e2e/hostile.spec.ts). */
export const hostileURL = `http://${HOST}:${HOSTILE_PORT}`;
const isCI = Boolean(process.env['CI']);

function chromiumExecutable(): string | undefined {
  const configured = process.env['CHROMIUM_PATH']?.trim();
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${configured}, but no file exists there. ` +
          'Point it at a Chromium executable, or unset it to use /usr/bin/chromium.',
      );
    }
    return configured;
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

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
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
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
