#!/usr/bin/env bash
# Installs what the browser journeys need: Debian's Chromium, the Playwright
# Python driver and axe-core (bundled in axe-playwright-python) for the accessibility checks. Idempotent and quiet on success; never downloads a browser build.
set -euo pipefail
cd "$(dirname "$0")"

sudo_if_needed() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
    # The package lists may be missing or stale: refresh them only if needed.
    if ! sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; then
        sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
fi

if ! python3 -c 'import playwright, axe_playwright_python' 2>/dev/null; then
    pip_install() { python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "$@" -r requirements.txt; }
    # A Debian-managed python3 refuses plain pip installs (PEP 668).
    pip_install || pip_install --break-system-packages
fi
