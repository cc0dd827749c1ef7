#!/usr/bin/env bash
# Make sure a Chromium exists for the end-to-end tests, and say which one they will use.
# Idempotent: does nothing but report when a browser is already there.
#
# The order matches playwright.config.ts:
#   1. $CHROMIUM_PATH, if set (it must exist; nothing is installed for a custom path);
#   2. /usr/bin/chromium (Debian's package);
#   3. Playwright's own Chromium, if `npx playwright install chromium` was run (needs internet);
#   4. otherwise, as root: apt-get install Debian's chromium and fonts-noto-cjk (CJK glyphs);
#      not as root: fail, saying what to do.
set -euo pipefail

DEBIAN_CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-noto-cjk)

say() { printf 'ensure-chromium: %s\n' "$*"; }
die() { printf 'ensure-chromium: error: %s\n' "$*" >&2; exit 1; }

report_version() {
  # Debian's launcher script can print shell noise on stderr; keep only the version line.
  local version
  version=$("$1" --version 2>/dev/null | head -n 1) || die "$1 exists but does not run ('$1 --version' failed)."
  say "using $1 ($version)"
}

if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  [[ -x "$CHROMIUM_PATH" ]] || die "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but that is not an executable file. Fix or unset it."
  report_version "$CHROMIUM_PATH"
  exit 0
fi

if [[ -x "$DEBIAN_CHROMIUM" ]]; then
  report_version "$DEBIAN_CHROMIUM"
  if [[ $(id -u) -eq 0 ]] && command -v dpkg-query >/dev/null \
    && ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; then
    say "fonts-noto-cjk is missing; installing it so Chinese text renders"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 fonts-noto-cjk
  fi
  exit 0
fi

# No system Chromium: is Playwright's own one installed (and launchable)?
if node --input-type=module -e "
  import { chromium } from '@playwright/test';
  const browser = await chromium.launch({ args: ['--no-sandbox'] });
  await browser.close();
" >/dev/null 2>&1; then
  say "no $DEBIAN_CHROMIUM and CHROMIUM_PATH unset; using Playwright's own Chromium"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  die "no Chromium found. Install Debian's one as root:
    apt-get update && apt-get install -y --no-install-recommends ${PACKAGES[*]}
  or set CHROMIUM_PATH to a Chromium/Chrome executable, e.g.
    CHROMIUM_PATH=/path/to/chrome npm test"
fi

command -v apt-get >/dev/null || die "no Chromium found and apt-get is unavailable; set CHROMIUM_PATH to a Chromium/Chrome executable."

say "no Chromium found; installing Debian packages: ${PACKAGES[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# Wait for another apt/dpkg run rather than failing on its lock.
apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 "${PACKAGES[@]}"

[[ -x "$DEBIAN_CHROMIUM" ]] || die "installed ${PACKAGES[*]}, but $DEBIAN_CHROMIUM is still missing."
report_version "$DEBIAN_CHROMIUM"
