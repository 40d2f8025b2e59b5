#!/usr/bin/env bash
# portal-vs-nginx.sh -- BENCHMARK (not a test): the signed-in Inbox page of a
# 100,000-message vault against nginx serving a static file of the same size
# (both HTTPS, keep-alive, wrk -c50), and search latency; one run, one machine.
#
#   cargo build --release && tests/bench/portal-vs-nginx.sh
#   BENCH_TOTAL=20000 BENCH_MINE=2000 BENCH_DURATION=10 tests/bench/portal-vs-nginx.sh
#
# Targets (issue 6): Inbox >= 0.5 x nginx's rate with p99 < 50 ms; search p99 < 50 ms.
# Installs wrk, nginx and openssl when missing. See tests/bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
missing=()
for tool in wrk nginx openssl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    echo "[portal-bench] installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
    # The Debian package starts a system nginx on port 80; the benchmark runs its own.
    systemctl disable --now nginx >/dev/null 2>&1 || service nginx stop >/dev/null 2>&1 || true
fi
PATH="$PATH:/usr/sbin"
exec python3 tests/bench/portal_vs_nginx.py
