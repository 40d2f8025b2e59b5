#!/usr/bin/env bash
# Benchmark (not a test): how fast Cloister's outbox writes and sends
# notifications, next to Postfix's own smtp-source sending to the same sink.
#
#   cargo build --release && tests/bench/notify-vs-postfix.sh
#
# Reference: `smtp-source` (8 sessions, 2 KB messages) -> `smtp-sink`.
# Cloister, once per DKIM algorithm (BENCH_DKIM="rsa ed25519" by default):
#   phase A  N secure messages go into the vault while the relay port is
#            closed, so every notice waits in the outbox (one of them after a
#            failed first attempt, due again a second later);
#   phase B  Cloister restarts with smtp-sink on the relay port; the clock
#            runs from the start command until the sink has counted every
#            notice (smtp-sink -c; the outbox is checked empty after). Each
#            notice is rendered from templates, DKIM-signed and sent over
#            pooled connections, and its outcome is written to the vault.
# Target (issue 4): Cloister >= 0.5 x the smtp-source rate.
set -euo pipefail
cd "$(dirname "$0")/../.."

N="${BENCH_MESSAGES:-10000}"
ALGS="${BENCH_DKIM:-rsa ed25519}"
BIN="${BENCH_CLOISTER_BIN:-target/x86_64-unknown-linux-gnu/release/cloister}"
say() { printf '[notify-bench] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

[ -x "$BIN" ] || die "no $BIN; run: cargo build --release"
if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
    say "installing postfix (for smtp-source / smtp-sink)"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-remove postfix >/dev/null
fi
PATH="$PATH:/usr/sbin"

TMP=$(mktemp -d -p "${BENCH_TMP:-/var/tmp}" notify-bench.XXXXXX)
SINK_PID="" CL_PID=""
stop_cloister() { [ -n "$CL_PID" ] && kill "$CL_PID" 2>/dev/null && wait "$CL_PID" 2>/dev/null; CL_PID=""; }
cleanup() {
    stop_cloister || true
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

SINK_PORT=$(free_port)
start_sink() {
    smtp-sink -c -u "$(id -un)" "127.0.0.1:$SINK_PORT" 256 >"$TMP/sink.log" 2>&1 &
    SINK_PID=$!
    sleep 0.3
}
start_cloister() { # config log
    env -u CLOISTER_BIN "$BIN" serve --config "$1" >"$2" 2>&1 &
    CL_PID=$!
    for _ in $(seq 200); do grep -q ready "$2" && return; sleep 0.05; done
    tail "$2" >&2; die "cloister did not start"
}
# Waits until the running sink has received $1 messages (its -c counter, in
# \r-separated lines). One process polls the file's tail every 10 ms: a shell
# loop starting tail/grep would take CPU from the Cloister being measured.
wait_for_sink() {
    python3 - "$TMP/sink.log" "$1" <<'PY'
import re, sys, time
path, want = sys.argv[1], int(sys.argv[2])
while True:
    with open(path, "rb") as f:
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 100))
        counts = re.findall(rb"mesg=(\d+)", f.read())
    if counts and int(counts[-1]) >= want:
        break
    time.sleep(0.01)
PY
}
outbox_left() { "$BIN" outbox --json --config "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

# Reference: Postfix's client to the sink.
start_sink
t0=$(now)
smtp-source -s 8 -l 2048 -m "$N" -d -f bench@example.org -t rcpt@external.example "127.0.0.1:$SINK_PORT"
t1=$(now)
ref=$(rate "$N" "$t0" "$t1")
say "smtp-source -> smtp-sink: $N msgs in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""

declare -A RESULT
for alg in $ALGS; do
    dir="$TMP/$alg"; mkdir -p "$dir"
    SMTP_PORT=$(free_port); WEB_PORT=$(free_port)
    cat >"$dir/cloister.toml" <<TOML
data_dir = "$dir/data"
hostname = "bench.local"
[smtp]
listen = "127.0.0.1:$SMTP_PORT"
[web]
listen = "127.0.0.1:$WEB_PORT"
[relay]
host = "127.0.0.1"
port = $SINK_PORT
starttls = "off"
retry_initial_secs = 1
[notify]
dkim_algorithm = "$alg"
TOML
    # Phase A: fill the outbox (relay port closed).
    start_cloister "$dir/cloister.toml" "$dir/a.log"
    smtp-source -s 10 -l 2048 -m "$N" -d -S "[secure] bench" -f alice@example.org -t rcpt@external.example "127.0.0.1:$SMTP_PORT"
    sleep 2
    stop_cloister
    queued=$(outbox_left "$dir/cloister.toml")
    # Phase B: drain into the sink.
    start_sink
    t0=$(now)
    start_cloister "$dir/cloister.toml" "$dir/b.log"
    wait_for_sink "$queued"
    t1=$(now)
    [ "$(outbox_left "$dir/cloister.toml")" = 0 ] || die "$alg: outbox not empty after the sink counted $queued"
    stop_cloister
    kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""
    RESULT[$alg]=$(rate "$queued" "$t0" "$t1")
    say "$alg: $queued notifications drained in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
done

printf 'reference (smtp-source -> smtp-sink, %s msgs): %s msg/s\n' "$N" "$ref"
for alg in $ALGS; do
    printf 'cloister notifications, DKIM %-7s: %6s msg/s  ratio %s (target >= 0.50x)\n' "$alg" "${RESULT[$alg]}" \
        "$(awk -v a="${RESULT[$alg]}" -v b="$ref" 'BEGIN { printf "%.2fx", a / b }')"
done
