#!/usr/bin/env bash
# smtp-vs-postfix.sh -- BENCHMARK (not a test): SMTP intake of a private
# Postfix instance vs. Cloister, same load, same filesystem, one run, each
# with the mail it causes delivered to a real SMTP sink.
#
#   tests/bench/smtp-vs-postfix.sh                  # N=5000 (default)
#   BENCH_MESSAGES=1000 BENCH_SESSIONS=50 BENCH_TMP=/tmp tests/bench/smtp-vs-postfix.sh
#
# Postfix queues every message (queue file fsync'ed before the 250) and relays
# it to its sink; Cloister stores every message in its vault (route
# recipient="*") and sends the recipient's notice (built from templates, DKIM
# signed) to its own sink. Two figures per server: durable intake (until the
# last 250) and end to end (until the sink has every relayed mail / notice).
# Each server gets a warm-up, then BENCH_ROUNDS (default 3) alternating timed
# rounds of N messages; the median per server is reported.
# Exit status: 0 = benchmark ran (whether or not the target ratio is met),
#              1 = error, 2 = Cloister binary missing (Postfix still measured).
# See tests/bench/README.md.
set -euo pipefail

# ---------------------------------------------------------------- knobs ----
N="${BENCH_MESSAGES:-5000}"          # timed messages per server
WARMUP="${BENCH_WARMUP:-200}"        # untimed messages per server before the run
ROUNDS="${BENCH_ROUNDS:-3}"          # timed runs per server (alternating order); median is reported
SESSIONS="${BENCH_SESSIONS:-10}"     # parallel SMTP sessions
MSG_SIZE="${BENCH_MSG_SIZE:-10240}"  # payload bytes per message (plus ~150 B headers)
RECONNECT="${BENCH_RECONNECT:-0}"    # 1 = new TCP connection per message (smtp-source default)
LOAD_TIMEOUT="${BENCH_TIMEOUT:-1800}" # seconds, per smtp-source invocation
TMP_PARENT="${BENCH_TMP:-/var/tmp}"  # same filesystem for both => same fsync cost
KEEP_TMP="${BENCH_KEEP:-0}"          # 1 = keep the temp dir (logs, queues) for inspection
TARGET_RATIO="2.00"
PY="$(command -v python3 || true)"   # only used outside the timed sections

# ------------------------------------------------------ Cloister CLI ----
# Everything the script assumes about Cloister lives here.
CLOISTER_BIN="${CLOISTER_BIN:-target/x86_64-unknown-linux-gnu/release/cloister}"   # relative to repo root
CLOISTER_READY_WORD="ready"          # a log line containing this word = listening
CLOISTER_READY_TIMEOUT="${CLOISTER_READY_TIMEOUT:-10}"    # seconds
CLOISTER_STOP_TIMEOUT="${CLOISTER_STOP_TIMEOUT:-15}"      # seconds after SIGTERM
# 1 = count messages while the server runs (fall back to after-stop if that
# fails); 0 = only count after the server has stopped (e.g. exclusive DB lock).
CLOISTER_COUNT_WHILE_RUNNING="${CLOISTER_COUNT_WHILE_RUNNING:-1}"

cloister_write_config() {   # $1=file $2=data_dir $3=smtp_port $4=web_port $5=relay_port
    cat >"$1" <<EOF
data_dir = "$2"
hostname = "bench.local"

[smtp]
listen = "127.0.0.1:$3"
max_connections = $((SESSIONS + 100))
max_connections_per_client = $((SESSIONS + 10))

[web]
listen = "127.0.0.1:$4"

[relay]
host = "127.0.0.1"
port = $5
starttls = "off"

[[policy.routes]]
name = "bench-everything-secure"
recipient = "*"
EOF
}
# Cloister reads CLOISTER_* environment variables as config overrides and
# rejects unknown keys, so this script's own CLOISTER_* knobs must not reach it.
CLOISTER_ENV=(env -u CLOISTER_BIN -u CLOISTER_READY_TIMEOUT -u CLOISTER_STOP_TIMEOUT
              -u CLOISTER_COUNT_WHILE_RUNNING NO_COLOR=1)
cloister_serve() {          # $1=config; runs in the foreground (caller backgrounds it)
    exec "${CLOISTER_ENV[@]}" "$CLOISTER" serve --config "$1"
}
cloister_count() {          # $1=config; prints the number of stored (held) messages
    local json
    json="$("${CLOISTER_ENV[@]}" "$CLOISTER" messages --json --config "$1")" || return 1
    printf '%s' "$json" | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))'
}

# -------------------------------------------------------------- helpers ----
say()  { printf '[bench] %s\n' "$*" >&2; }
die()  { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
now()  { date +%s.%N; }
fsub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
fdiv() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
show_tail() { [ -f "$1" ] && { say "---- last lines of $1 ----"; tail -n "${2:-30}" "$1" | tr '\r' '\n' | tail -n "${2:-30}" >&2; }; return 0; }

case "$N$WARMUP$ROUNDS$SESSIONS$MSG_SIZE" in *[!0-9]*) die "BENCH_MESSAGES/WARMUP/ROUNDS/SESSIONS/MSG_SIZE must be integers";; esac
if [ "$N" -eq 0 ] || [ "$ROUNDS" -eq 0 ]; then die "BENCH_MESSAGES and BENCH_ROUNDS must be > 0"; fi
[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages and starts a private Postfix master)"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null || (cd "$script_dir/../.." && pwd))"
cd "$REPO"

# ------------------------------------------------------------ install ----
if ! command -v smtp-source >/dev/null 2>&1 || [ ! -x /usr/sbin/postfix ]; then
    say "installing postfix (provides /usr/sbin/postfix and smtp-source); system instance stays unconfigured"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    # --no-remove: never silently replace another MTA (e.g. exim4).
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-remove postfix >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-remove postfix >/dev/null \
            || die "apt-get install postfix failed (another MTA installed? it would have to be removed)"
    fi
fi
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
command -v smtp-source >/dev/null || die "smtp-source still missing after installing postfix"
[ -n "$PY" ] || die "python3 is required (free ports, JSON count)"

# -------------------------------------------------- Cloister binary ----
CLOISTER_MISSING=0
if [ "${BENCH_BUILD:-0}" = "1" ]; then
    say "BENCH_BUILD=1: cargo build --release"
    cargo build --release
fi
case "$CLOISTER_BIN" in /*) CLOISTER="$CLOISTER_BIN" ;; *) CLOISTER="$REPO/$CLOISTER_BIN" ;; esac
if [ ! -x "$CLOISTER" ]; then
    CLOISTER_MISSING=1
    say "NOTE: Cloister binary $CLOISTER not found -- measuring Postfix only (run 'cargo build --release' first, or BENCH_BUILD=1)"
fi

# ------------------------------------------------------- temp + ports ----
mkdir -p "$TMP_PARENT"
TMP="$(mktemp -d -p "$TMP_PARENT" cloister-bench.XXXXXX)"
chmod 755 "$TMP"   # postfix daemons (user postfix) must traverse into the queue dir
PF_CONF="$TMP/postfix-conf"
PF_QUEUE="$TMP/postfix-queue"
PF_DATA="$TMP/postfix-data"
CL_PID=""
SINK_PIDS=()
LOAD_PID=""

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    set +e
    [ -n "$LOAD_PID" ] && { kill -TERM "$LOAD_PID" 2>/dev/null; wait "$LOAD_PID" 2>/dev/null; }
    if [ -n "$CL_PID" ] && kill -0 "$CL_PID" 2>/dev/null; then
        kill -TERM "$CL_PID" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$CL_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$CL_PID" 2>/dev/null
        wait "$CL_PID" 2>/dev/null
    fi
    postfix_stop
    for p in "${SINK_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
    if [ "$KEEP_TMP" = "1" ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}

postfix_stop() {
    [ -f "$PF_CONF/main.cf" ] || return 0
    local pidf="$PF_QUEUE/pid/master.pid" mpid="" p
    [ -f "$pidf" ] && mpid="$(awk 'NR==1{print $1}' "$pidf")"
    postfix -c "$PF_CONF" stop >>"$TMP/postfix-ctl.log" 2>&1 || true
    if [ -n "$mpid" ]; then
        for _ in $(seq 100); do kill -0 "$mpid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$mpid" 2>/dev/null && kill -KILL "$mpid" 2>/dev/null
    fi
    # Stragglers of *this* instance only: processes whose environment carries
    # our private MAIL_CONFIG (the master passes it to every child).
    for p in /proc/[0-9]*; do
        if grep -qszxF "MAIL_CONFIG=$PF_CONF" "$p/environ"; then
            kill -KILL "${p#/proc/}" 2>/dev/null
        fi
    done
    rm -f "$PF_CONF/main.cf"   # makes postfix_stop idempotent
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r PF_PORT CL_SMTP_PORT CL_WEB_PORT CL_RELAY_PORT PF_SINK_PORT < <("$PY" - <<'EOF'
import socket
socks = []
for _ in range(5):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(*[s.getsockname()[1] for s in socks])
EOF
)

# -------------------------------------------------------- machine info ----
fs_line="$(df -T "$TMP" | awk 'NR==2 { print $2 " on " $1 " (mounted " $7 ")" }')"
mnt_opts="$(findmnt -no OPTIONS -T "$TMP" 2>/dev/null || echo '?')"
fsync_ms="$("$PY" - "$TMP" "$MSG_SIZE" <<'EOF'
import os, sys, time
path = os.path.join(sys.argv[1], "fsync-probe"); buf = b"x" * int(sys.argv[2]); n = 100
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
t = time.perf_counter()
for _ in range(n):
    os.write(fd, buf); os.fsync(fd)
dt = time.perf_counter() - t
os.close(fd); os.unlink(path)
print("%.2f" % (dt / n * 1000))
EOF
)"
MACHINE="nproc=$(nproc) kernel=$(uname -r) tmp=$TMP fs=$fs_line opts=$mnt_opts fsync(${MSG_SIZE}B append)=${fsync_ms} ms postfix=$(postconf -d -h mail_version 2>/dev/null)"
say "machine: $MACHINE"

SRC_FLAGS=(-c -l "$MSG_SIZE" -s "$SESSIONS" -S bench -f bench@example.org -t rcpt@external.example -M bench-client.example)
[ "$RECONNECT" = "1" ] || SRC_FLAGS+=(-d)   # -d = keep the session open for the next message
say "load: smtp-source ${SRC_FLAGS[*]} -m <count> 127.0.0.1:<port>   (warm-up $WARMUP, timed $N x $ROUNDS round(s))"

# ------------------------------------------------------------- sinks ----
# One smtp-sink (Postfix's test server) per server under test, counting what
# arrives: Postfix's relayed mail, Cloister's notices.
start_sink() {   # $1=name $2=port
    smtp-sink -c -u nobody "127.0.0.1:$2" 256 >"$TMP/sink-$1.out" 2>&1 &
    SINK_PIDS+=("$!")
    for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0; sleep 0.1; done
    die "smtp-sink for $1 not listening on $2"
}
sink_count() {   # $1=name: messages the sink has received so far
    tr '\r' '\n' <"$TMP/sink-$1.out" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -n 1 | grep . || echo 0
}
SINK_TIMEOUT="${BENCH_SINK_TIMEOUT:-600}"
start_sink postfix "$PF_SINK_PORT"
start_sink cloister "$CL_RELAY_PORT"

# run_load LABEL PORT COUNT [SINK EXPECTED] -> sets ELAPSED (seconds until the
# last 250) and DELIVERED (seconds until SINK has EXPECTED messages in all)
ELAPSED=""
DELIVERED=""
run_load() {
    local label="$1" port="$2" count="$3" sink="${4:-}" expected="${5:-0}" out="$TMP/smtp-source-$1.log" t0 t1 t2 done_count
    sync   # start every run with no dirty page cache from the previous phase
    t0="$(now)"
    # background + wait: a signal to this script interrupts the run at once
    timeout "$LOAD_TIMEOUT" smtp-source "${SRC_FLAGS[@]}" -m "$count" "127.0.0.1:$port" >"$out" 2>&1 &
    LOAD_PID=$!
    if ! wait "$LOAD_PID"; then
        LOAD_PID=""
        show_tail "$out" 10
        die "smtp-source against $label (port $port) failed or timed out (BENCH_TIMEOUT=${LOAD_TIMEOUT}s)"
    fi
    t1="$(now)"
    LOAD_PID=""
    ELAPSED="$(fsub "$t1" "$t0")"
    done_count="$(tr '\r' '\n' <"$out" | grep -E '^[0-9]+$' | tail -n 1 || true)"
    [ "$done_count" = "$count" ] || { show_tail "$out" 10; die "$label: smtp-source completed ${done_count:-0} DATA commands, expected $count"; }
    DELIVERED="$ELAPSED"
    [ -n "$sink" ] || return 0
    local waited=0
    while [ "$(sink_count "$sink")" -lt "$expected" ]; do
        sleep 0.05
        waited=$((waited + 1))
        [ "$waited" -lt $((SINK_TIMEOUT * 20)) ] || die "$label: the $sink sink has $(sink_count "$sink") messages after ${SINK_TIMEOUT}s, expected $expected"
    done
    t2="$(now)"
    DELIVERED="$(fsub "$t2" "$t0")"
}

# ============================================================ POSTFIX ====
mkdir -p "$PF_CONF" "$PF_QUEUE" "$PF_DATA"
chown postfix "$PF_DATA"
cat >"$PF_CONF/main.cf" <<EOF
# private benchmark instance -- generated by tests/bench/smtp-vs-postfix.sh
compatibility_level = 3.6
queue_directory = $PF_QUEUE
data_directory = $PF_DATA
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-bench
maillog_file = $TMP/postfix-maillog
# The log may live wherever BENCH_TMP is (Postfix only allows /var by default).
maillog_file_prefixes = /var, /dev/stdout, $TMP
myhostname = bench.local
mydomain = bench.local
myorigin = \$myhostname
mydestination =
# everything goes to the benchmark's sink
relayhost = [127.0.0.1]:$PF_SINK_PORT
smtp_tls_security_level = none
alias_maps =
alias_database =
local_recipient_maps =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
biff = no
# no DNS anywhere
smtpd_peername_lookup = no
smtp_host_lookup = native
smtp_dns_support_level = disabled
# accept from loopback: durably queued (fsync before 250, Postfix default),
# then relayed to the sink.
smtpd_relay_restrictions = permit_mynetworks, reject
# no throttling of the benchmark client
default_process_limit = 100
in_flow_delay = 0
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
smtpd_client_recipient_rate_limit = 0
smtpd_client_new_tls_session_rate_limit = 0
smtpd_client_auth_rate_limit = 0
smtpd_client_event_limit_exceptions = 127.0.0.0/8
EOF
# no chroot (a chroot would need copies of /etc files inside the queue dir)
cat >"$PF_CONF/master.cf" <<EOF
127.0.0.1:$PF_PORT inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF

say "postfix: starting private instance (config $PF_CONF, smtpd 127.0.0.1:$PF_PORT)"
postfix -c "$PF_CONF" check >>"$TMP/postfix-ctl.log" 2>&1 || { show_tail "$TMP/postfix-ctl.log"; die "postfix check failed"; }
postfix -c "$PF_CONF" start >>"$TMP/postfix-ctl.log" 2>&1 || { show_tail "$TMP/postfix-ctl.log"; show_tail "$TMP/postfix-maillog"; die "postfix start failed"; }
for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PF_PORT") 2>/dev/null && break
    sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$PF_PORT") 2>/dev/null || { show_tail "$TMP/postfix-maillog"; die "postfix smtpd not listening on $PF_PORT"; }


# =========================================================== CLOISTER ====
CL_CONF="$TMP/cloister.toml"
CL_LOG="$TMP/cloister.log"
cloister_stop() {
    kill -TERM "$CL_PID" 2>/dev/null || true
    for _ in $(seq $((CLOISTER_STOP_TIMEOUT * 10))); do kill -0 "$CL_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$CL_PID" 2>/dev/null; then
        say "cloister: WARNING: still running ${CLOISTER_STOP_TIMEOUT}s after SIGTERM, sending SIGKILL"
        kill -KILL "$CL_PID" 2>/dev/null || true
    fi
    local rc=0
    wait "$CL_PID" || rc=$?
    CL_PID=""
    [ "$rc" -eq 0 ] || say "cloister: WARNING: serve exited with status $rc after SIGTERM"
}
if [ "$CLOISTER_MISSING" = "0" ]; then
    cloister_write_config "$CL_CONF" "$TMP/cloister-data" "$CL_SMTP_PORT" "$CL_WEB_PORT" "$CL_RELAY_PORT"
    say "cloister: starting $CLOISTER serve (smtp 127.0.0.1:$CL_SMTP_PORT, web :$CL_WEB_PORT, notices to the sink on :$CL_RELAY_PORT)"
    cloister_serve "$CL_CONF" >"$CL_LOG" 2>&1 &
    CL_PID=$!
    ready=""
    for _ in $(seq $((CLOISTER_READY_TIMEOUT * 10))); do
        kill -0 "$CL_PID" 2>/dev/null || { show_tail "$CL_LOG"; die "cloister exited during startup (log above)"; }
        ready="$(sed 's/\x1b\[[0-9;]*m//g' "$CL_LOG" | grep -Eiw -m 1 "$CLOISTER_READY_WORD" || true)"
        [ -n "$ready" ] && break
        sleep 0.1
    done
    [ -n "$ready" ] || { show_tail "$CL_LOG"; die "cloister: no '$CLOISTER_READY_WORD' line in the log within ${CLOISTER_READY_TIMEOUT}s"; }
    say "cloister: $ready"
fi

# ========================================================= THE RUNS ====
# Both servers are up (the idle one costs nothing). Warm up each, then do
# ROUNDS timed runs per server, alternating which one goes first, and report
# the median -- host noise on small VMs is large, see README.
if [ "$WARMUP" -gt 0 ]; then
    say "postfix: warm-up $WARMUP messages"
    run_load postfix-warmup "$PF_PORT" "$WARMUP" postfix "$WARMUP"
    if [ "$CLOISTER_MISSING" = "0" ]; then
        say "cloister: warm-up $WARMUP messages"
        # One notice per message, and the recipient's first-contact mail once.
        run_load cloister-warmup "$CL_SMTP_PORT" "$WARMUP" cloister "$((WARMUP + 1))"
    fi
fi

PF_TIMES=() CL_TIMES=() PF_E2E=() CL_E2E=()
CL_EXTRA=0; [ "$WARMUP" -gt 0 ] || CL_EXTRA=1   # the first-contact mail
cpu_ticks() {               # $1=pid; user+system clock ticks so far (0 when gone)
    awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
timed_postfix() {
    # The other server idles meanwhile: its CPU in the round is printed, since
    # work it does then (late notices, timers) slows the one being timed.
    local idle_before=0
    [ -n "${CL_PID:-}" ] && idle_before="$(cpu_ticks "$CL_PID")"
    run_load "postfix-r$1" "$PF_PORT" "$N" postfix "$((WARMUP + $1 * N))"
    PF_TIMES+=("$ELAPSED") PF_E2E+=("$DELIVERED")
    local idle=0
    [ -n "${CL_PID:-}" ] && idle=$(( $(cpu_ticks "$CL_PID") - idle_before ))
    say "postfix  round $1/$ROUNDS: $N msgs accepted in $ELAPSED s = $(fdiv "$N" "$ELAPSED") msg/s; all relayed to the sink after $DELIVERED s = $(fdiv "$N" "$DELIVERED") msg/s (cloister used $idle CPU ticks meanwhile)"
}
timed_cloister() {
    local before=$((WARMUP > 0 ? WARMUP + 1 : 0))
    run_load "cloister-r$1" "$CL_SMTP_PORT" "$N" cloister "$((before + $1 * N + CL_EXTRA))"
    CL_TIMES+=("$ELAPSED") CL_E2E+=("$DELIVERED")
    say "cloister round $1/$ROUNDS: $N msgs stored in $ELAPSED s = $(fdiv "$N" "$ELAPSED") msg/s; all notices at the sink after $DELIVERED s = $(fdiv "$N" "$DELIVERED") msg/s"
}
for r in $(seq "$ROUNDS"); do
    if [ "$CLOISTER_MISSING" = "1" ]; then
        timed_postfix "$r"
    elif [ $((r % 2)) -eq 1 ]; then
        timed_postfix "$r"; timed_cloister "$r"
    else
        timed_cloister "$r"; timed_postfix "$r"
    fi
done

if grep -qE 'postfix-bench/[a-z]+\[[0-9]+\]: (warning|fatal|panic)' "$TMP/postfix-maillog" 2>/dev/null; then
    say "postfix: warnings in maillog (first 5):"
    grep -E 'postfix-bench/[a-z]+\[[0-9]+\]: (warning|fatal|panic)' "$TMP/postfix-maillog" | head -n 5 >&2
fi
postfix_stop
[ "$(sink_count postfix)" = "$((WARMUP + ROUNDS * N))" ] || die "postfix: the sink has $(sink_count postfix) messages, expected $((WARMUP + ROUNDS * N))"
say "postfix: sink verified: $(sink_count postfix) messages relayed"

EXPECT=$((WARMUP + ROUNDS * N))
if [ "$CLOISTER_MISSING" = "0" ]; then
    count=""
    if [ "$CLOISTER_COUNT_WHILE_RUNNING" = "1" ]; then
        count="$(cloister_count "$CL_CONF" 2>"$TMP/cloister-count.err" || true)"
        [ -n "$count" ] || say "cloister: 'messages --json' failed while serving ($(head -c 200 "$TMP/cloister-count.err" | tr '\n' ' ')) -- retrying after stop"
    fi
    cloister_stop
    if [ -z "$count" ]; then
        count="$(cloister_count "$CL_CONF" 2>"$TMP/cloister-count.err")" \
            || { show_tail "$TMP/cloister-count.err"; die "cloister: '$CLOISTER messages --json --config $CL_CONF' failed"; }
    fi
    [ "$count" = "$EXPECT" ] || { show_tail "$CL_LOG"; die "cloister: stored message count is $count, expected $EXPECT ($WARMUP warm-up + $ROUNDS x $N timed)"; }
    say "cloister: vault verified: $count messages; notices and first-contact mail at the sink: $(sink_count cloister)"
fi

# ============================================================ SUMMARY ====
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
PF_ELAPSED="$(median "${PF_TIMES[@]}")"
PF_RATE="$(fdiv "$N" "$PF_ELAPSED")"
what=""; [ "$ROUNDS" -gt 1 ] && what=", median of $ROUNDS rounds"
echo
echo "machine : $MACHINE"
echo "load    : smtp-source ${SRC_FLAGS[*]} -m $N (after $WARMUP warm-up)"
PF_E2E_ELAPSED="$(median "${PF_E2E[@]}")"
printf 'postfix : %d msgs accepted in %6.2f s = %.1f msg/s (durable queue%s)\n' "$N" "$PF_ELAPSED" "$PF_RATE" "$what"
printf 'postfix : accepted + relayed to the sink: %6.2f s = %.1f msg/s\n' "$PF_E2E_ELAPSED" "$(fdiv "$N" "$PF_E2E_ELAPSED")"
if [ "$CLOISTER_MISSING" = "1" ]; then
    echo "cloister: NOT MEASURED -- binary $CLOISTER not found."
    echo "          Run 'cargo build --release' first (or set BENCH_BUILD=1, or CLOISTER_BIN=/path/to/cloister)."
    exit 2
fi
CL_ELAPSED="$(median "${CL_TIMES[@]}")"
CL_RATE="$(fdiv "$N" "$CL_ELAPSED")"
RATIO="$(awk -v c="$CL_ELAPSED" -v p="$PF_ELAPSED" 'BEGIN { printf "%.2f", (c > 0 ? p / c : 0) }')"
CL_E2E_ELAPSED="$(median "${CL_E2E[@]}")"
printf 'cloister: %d msgs stored in %6.2f s = %.1f msg/s (durable vault%s)\n' "$N" "$CL_ELAPSED" "$CL_RATE" "$what"
printf 'cloister: stored + notice at the sink: %6.2f s = %.1f msg/s\n' "$CL_E2E_ELAPSED" "$(fdiv "$N" "$CL_E2E_ELAPSED")"
if [ "$ROUNDS" -gt 1 ]; then
    echo "rounds  : postfix s = ${PF_TIMES[*]} (relayed ${PF_E2E[*]}) ; cloister s = ${CL_TIMES[*]} (notices ${CL_E2E[*]})"
fi
E2E_RATIO="$(awk -v c="$CL_E2E_ELAPSED" -v p="$PF_E2E_ELAPSED" 'BEGIN { printf "%.2f", (c > 0 ? p / c : 0) }')"
verdict="below target"
awk -v r="$RATIO" -v t="$TARGET_RATIO" 'BEGIN { exit !(r >= t) }' && verdict="meets target"
printf 'ratio cloister/postfix, durable intake: %sx  (target >= %sx, %s)\n' "$RATIO" "$TARGET_RATIO" "$verdict"
printf 'ratio cloister/postfix, end to end    : %sx\n' "$E2E_RATIO"
exit 0
