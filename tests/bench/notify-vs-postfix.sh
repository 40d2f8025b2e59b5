#!/usr/bin/env bash
# Benchmark (not a test): how fast Cloister's outbox writes and sends
# notifications, next to Postfix's own smtp-source sending to the same sink.
#
#   cargo build --release && tests/bench/notify-vs-postfix.sh
#
# Reference: `smtp-source` (8 sessions, 2 KB messages) -> `smtp-sink`.
# Cloister : N secure messages go into the vault (all to one recipient, so one
#            first-contact mail and N notices); the run ends when the outbox is
#            empty. Each notice is rendered from templates, DKIM-signed
#            (RSA-2048, the default) and sent over pooled connections to the
#            same smtp-sink. The time includes intake, so it is a lower bound.
# Target (issue 4): Cloister >= 0.5 x the smtp-source rate.
set -euo pipefail
cd "$(dirname "$0")/../.."

N="${BENCH_MESSAGES:-2000}"          # secure messages (= notices); BENCH_DKIM=ed25519 to compare
BIN="${BENCH_CLOISTER_BIN:-target/release/cloister}"
say() { printf '[notify-bench] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

[ -x "$BIN" ] || die "no $BIN; run: cargo build --release"
if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
    say "installing postfix (for smtp-source / smtp-sink)"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-remove postfix >/dev/null
fi
PATH="$PATH:/usr/sbin"

TMP=$(mktemp -d -p "${BENCH_TMP:-/var/tmp}" notify-bench.XXXXXX)
SINK_PID="" CL_PID=""
cleanup() {
    [ -n "$CL_PID" ] && kill "$CL_PID" 2>/dev/null && wait "$CL_PID" 2>/dev/null
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

SINK_PORT=$(free_port)
smtp-sink -c -u "$(id -un)" "127.0.0.1:$SINK_PORT" 256 >"$TMP/sink.log" 2>&1 &
SINK_PID=$!
sleep 0.5

# Reference: Postfix's client to the sink.
t0=$(now)
smtp-source -s 8 -l 2048 -m "$N" -d -f bench@example.org -t rcpt@external.example "127.0.0.1:$SINK_PORT"
t1=$(now)
ref_rate=$(awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
say "smtp-source -> smtp-sink: $N msgs in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s = $ref_rate msg/s"

SMTP_PORT=$(free_port); WEB_PORT=$(free_port)
cat >"$TMP/cloister.toml" <<TOML
data_dir = "$TMP/data"
hostname = "bench.local"
[smtp]
listen = "127.0.0.1:$SMTP_PORT"
[web]
listen = "127.0.0.1:$WEB_PORT"
[relay]
host = "127.0.0.1"
port = $SINK_PORT
starttls = "off"
[notify]
dkim_algorithm = "${BENCH_DKIM:-rsa}"
TOML
env -u CLOISTER_BIN "$BIN" serve --config "$TMP/cloister.toml" >"$TMP/cloister.log" 2>&1 &
CL_PID=$!
for _ in $(seq 100); do grep -q ready "$TMP/cloister.log" && break; sleep 0.1; done
grep -q ready "$TMP/cloister.log" || { tail "$TMP/cloister.log" >&2; die "cloister did not start"; }

t0=$(now)
smtp-source -s 10 -l 2048 -m "$N" -d -S "[secure] bench" -f alice@example.org -t rcpt@external.example "127.0.0.1:$SMTP_PORT"
t_in=$(now)
while :; do
    left=$("$BIN" outbox --json --config "$TMP/cloister.toml" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    [ "$left" = 0 ] && break
    sleep 0.05
done
t1=$(now)
sent=$((N + 1))
cl_rate=$(awk -v n="$sent" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
say "cloister: $N msgs in $(awk -v a="$t0" -v b="$t_in" 'BEGIN{printf "%.2f", b-a}') s, $sent notifications (incl. 1 first contact) done after $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
printf 'reference (smtp-source -> smtp-sink): %s msg/s\n' "$ref_rate"
printf 'cloister notifications (render + DKIM + send, incl. intake): %s msg/s\n' "$cl_rate"
awk -v a="$cl_rate" -v b="$ref_rate" 'BEGIN { printf "ratio: %.2fx (target >= 0.50x)\n", a / b }'
