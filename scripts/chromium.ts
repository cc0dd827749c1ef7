// Which Chromium the end-to-end tests and the benchmarks drive, and how. Never a download:
//   CHROMIUM_PATH=/path/to/chromium   that executable (it must exist);
//   otherwise /usr/bin/chromium        Debian's package, when present;
//   otherwise undefined                Playwright's own Chromium (`npx playwright install chromium`).
// scripts/ensure-chromium.sh installs Debian's chromium when none of these is available.
import { existsSync } from 'node:fs';

const debianChromium = '/usr/bin/chromium';

export function chromiumExecutable(): string | undefined {
  const configured = process.env['CHROMIUM_PATH']?.trim();
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(`CHROMIUM_PATH is set to ${configured}, but no file exists there. Point it at a Chromium executable, or unset it to use ${debianChromium}.`);
    }
    return configured;
  }
  return existsSync(debianChromium) ? debianChromium : undefined;
}

/** Headless as root on a machine whose network is closed: no sandbox, no GPU, no background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
