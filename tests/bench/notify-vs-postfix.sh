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
# BENCH_ROUNDS rounds (3 by default) each run the reference, then phase B of
# every algorithm from the same filled outbox; the ratio is the median.
# Target (issue 4): Cloister >= 0.5 x the smtp-source rate.
set -euo pipefail
cd "$(dirname "$0")/../.."

N="${BENCH_MESSAGES:-10000}"
ROUNDS="${BENCH_ROUNDS:-3}"
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
stop_sink() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null; SINK_PID=""; }
cleanup() {
    stop_cloister || true
    stop_sink || true
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

# Reference: Postfix's client to the sink; prints msg/s.
reference() {
    start_sink
    local t0 t1
    t0=$(now)
    smtp-source -s 8 -l 2048 -m "$N" -d -f bench@example.org -t rcpt@external.example "127.0.0.1:$SINK_PORT"
    t1=$(now)
    stop_sink || true
    say "smtp-source -> smtp-sink: $N msgs in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
    rate "$N" "$t0" "$t1"
}

# Phase B for one algorithm from its filled copy; prints msg/s.
drain() { # alg
    local dir="$TMP/$1" t0 t1 queued
    rm -rf "$dir/data" && cp -a "$dir/filled" "$dir/data"
    queued=$(cat "$dir/queued")
    start_sink
    t0=$(now)
    start_cloister "$dir/cloister.toml" "$dir/b.log"
    wait_for_sink "$queued"
    t1=$(now)
    [ "$(outbox_left "$dir/cloister.toml")" = 0 ] || die "$1: outbox not empty after the sink counted $queued"
    stop_cloister
    stop_sink || true
    say "$1: $queued notifications drained in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
    rate "$queued" "$t0" "$t1"
}

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
    # Phase A: fill the outbox (relay port closed); kept as a copy each round starts from.
    start_cloister "$dir/cloister.toml" "$dir/a.log"
    smtp-source -s 10 -l 2048 -m "$N" -d -S "[secure] bench" -f alice@example.org -t rcpt@external.example "127.0.0.1:$SMTP_PORT"
    sleep 2
    stop_cloister
    outbox_left "$dir/cloister.toml" >"$dir/queued"
    mv "$dir/data" "$dir/filled"
done

# Rounds alternate the reference and each drain, so the machine's drift
# (it is shared and noisy) hits both sides; the ratio is the median of the rounds'.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A RATIOS
REFS=""
for round in $(seq "$ROUNDS"); do
    ref=$(reference)
    REFS="$REFS $ref"
    line="round $round: reference $ref msg/s"
    for alg in $ALGS; do
        got=$(drain "$alg")
        r=$(awk -v a="$got" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
        RATIOS[$alg]="${RATIOS[$alg]:-} $r"
        line="$line; $alg $got msg/s (${r}x)"
    done
    echo "$line"
done
printf 'reference (smtp-source -> smtp-sink, %s msgs): median %s msg/s over %s rounds\n' "$N" "$(echo "$REFS" | tr ' ' '\n' | grep . | median)" "$ROUNDS"
for alg in $ALGS; do
    printf 'cloister notifications, DKIM %-7s: median ratio %sx (rounds:%s; target >= 0.50x)\n' "$alg" \
        "$(echo "${RATIOS[$alg]}" | tr ' ' '\n' | grep . | median)" "${RATIOS[$alg]}"
done
