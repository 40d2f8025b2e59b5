#!/usr/bin/env bash
# Cross-builds the static aarch64 binary (Raspberry Pi OS 64-bit) from an
# x86_64 Debian machine and smoke-tests it under qemu-aarch64-static:
# `version`, `check-config`, `serve` until ready, one SMTP message accepted,
# an admin's passkey enrolled and signed in with (appliance/passkey-smoke.py:
# ring's signature checks as the Pi runs them).
# Installs what it needs (rust target, gcc-aarch64-linux-gnu, qemu-user-static).
# The result: target/aarch64-unknown-linux-gnu/release/cloister. Arguments go
# to `cargo build`: tests/run.sh adds `--target x86_64-unknown-linux-gnu`, so
# both release binaries build in one run (one's single-threaded LTO overlaps
# the other's compiling, and the build scripts and macros are built once).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    fi
}
need=()
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
command -v qemu-aarch64-static >/dev/null || need+=(qemu-user-static)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
python3 -c "import nacl" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check pynacl \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pynacl
rustup target list --installed | grep -qx aarch64-unknown-linux-gnu || rustup target add aarch64-unknown-linux-gnu

export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
cargo build --release --locked --target aarch64-unknown-linux-gnu "$@"
bin=target/aarch64-unknown-linux-gnu/release/cloister
x86=target/x86_64-unknown-linux-gnu/release/cloister
run() { qemu-aarch64-static "$bin" "$@"; }

echo "== smoke test of $bin under qemu-aarch64-static"
file "$bin" | grep -q 'ARM aarch64' || { echo "not an aarch64 binary: $(file "$bin")"; exit 1; }
file "$bin" | grep -Eq 'statically linked|static-pie linked' || { echo "not static: $(file "$bin")"; exit 1; }
run version
tmp=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
smtp=$(free_port); https=$(free_port)
cat > "$tmp/cloister.toml" <<TOML
data_dir = "$tmp/data"
hostname = "cloister.test"
[smtp]
listen = "127.0.0.1:$smtp"
[web]
listen = "127.0.0.1:$https"
public_url = "https://localhost:$https"
[metrics]
listen = ""
[relay]
host = "127.0.0.1"
port = $(free_port)
TOML
run check-config --config "$tmp/cloister.toml" >/dev/null
# Started directly (not through the `run` function), so $! is qemu itself and the trap stops it.
qemu-aarch64-static "$bin" serve --config "$tmp/cloister.toml" > "$tmp/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do grep -q "cloister ready" "$tmp/out.log" && break; sleep 0.2; done
grep -q "cloister ready" "$tmp/out.log" || { cat "$tmp/out.log"; echo "never ready"; exit 1; }
python3 - "$smtp" <<'PY'
import smtplib, sys
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=30) as s:
    s.sendmail("alice@example.org", ["bob@partner.test"], "Subject: [secure] from a Pi\r\n\r\nhello\r\n")
print("one message accepted (250)")
PY
admin=$(run admin add root --config "$tmp/cloister.toml")
password=$(sed -n 's/^ *password: *\([^ ]*\).*/\1/p' <<<"$admin")
secret=$(sed -n 's/^ *TOTP secret: *\([^ ]*\).*/\1/p' <<<"$admin")
python3 appliance/passkey-smoke.py "$https" "$tmp/data/tls/ca.pem" root "$password" "$secret"
kill "$pid"; wait "$pid" || true; pid=""
size() { stat -c %s "$1" | awk '{printf "%.1f MB", $1/1e6}'; }
echo "sizes: aarch64 $(size "$bin")$( [ -f "$x86" ] && echo ", x86_64 $(size "$x86")")"
