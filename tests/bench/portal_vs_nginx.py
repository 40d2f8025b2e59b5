#!/usr/bin/env python3
"""BENCHMARK (not a test): the signed-in Inbox page against nginx serving a
static file of the same size, both over HTTPS with keep-alive, measured with
wrk in one run, and a message page (built afresh for every request: the
uncached path); then search latency over the same vault.

Run through tests/bench/portal-vs-nginx.sh (it installs wrk and nginx).
Knobs (environment): BENCH_TOTAL (100000 messages in the vault), BENCH_MINE
(10000 of them to the benched recipient), BENCH_DURATION (20 s per wrk run),
BENCH_ROUNDS (3, alternating; the median is reported), BENCH_CONNECTIONS (50),
BENCH_SEARCHES (60 per query kind), BENCH_CLOISTER_BIN (target/x86_64-unknown-linux-gnu/release/cloister).
Exit status: 0 when the benchmark ran (targets met or not), 1 when something broke.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import http.client
import json
import os
import re
import shutil
import smtplib
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOTAL = int(os.environ.get("BENCH_TOTAL", "100000"))
MINE = int(os.environ.get("BENCH_MINE", "10000"))
DURATION = int(os.environ.get("BENCH_DURATION", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "50"))
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "60"))
FILL_SESSIONS = int(os.environ.get("BENCH_FILL_SESSIONS", "48"))
BIN = Path(os.environ.get("BENCH_CLOISTER_BIN", ROOT / "target/x86_64-unknown-linux-gnu/release/cloister"))
ME = "bench.reader@partner.test"
PASSWORD = "Bench-Reader-2026-pw"
WORDS = ["invoice", "contract", "payroll", "merger", "audit", "tender", "claim", "budget",
         "lease", "patent", "visa", "pension", "escrow", "dividend", "warranty", "subpoena"]


def say(text: str) -> None:
    print(f"[portal-bench] {text}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- a relay sink that keeps only the benched recipient's mail ----------------------

class Sink:
    """Counts every mail; keeps those to the addresses in `watch` (by address)."""

    def __init__(self, watch: tuple[str, ...] = (ME,)) -> None:
        self.port = free_port()
        self.watch = watch
        self.mails: dict[str, list[bytes]] = {}
        self.count = 0
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", self.port))
        self.loop.run_until_complete(server.serve_forever())

    async def _session(self, reader, writer) -> None:
        writer.write(b"220 sink\r\n")
        rcpts: list[str] = []
        while line := await reader.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-sink\r\n250 PIPELINING\r\n")
            elif verb == b"RCPT":
                rcpts.append(line.decode(errors="replace"))
                writer.write(b"250 ok\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go\r\n")
                await writer.drain()
                data = bytearray()
                while (chunk := await reader.readline()) not in (b".\r\n", b""):
                    data += chunk
                self.count += 1
                for who in self.watch:
                    if any(who in r for r in rcpts):
                        self.mails.setdefault(who, []).append(bytes(data))
                rcpts = []
                writer.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:  # MAIL, RSET, NOOP
                rcpts = [] if verb in (b"MAIL", b"RSET") else rcpts
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()


# --- Cloister -----------------------------------------------------------------------------

def start_cloister(tmp: Path, sink_port: int) -> tuple[subprocess.Popen, int, int, Path]:
    smtp_port, web_port = free_port(), free_port()
    config = tmp / "cloister.toml"
    config.write_text(f"""data_dir = "{tmp}/data"
hostname = "bench.local"
[smtp]
listen = "127.0.0.1:{smtp_port}"
max_connections = 100
max_connections_per_client = 64
[web]
listen = "127.0.0.1:{web_port}"
[relay]
host = "127.0.0.1"
port = {sink_port}
starttls = "off"
[portal]
session_max_hours = 24
[log]
level = "warn"
[[policy.routes]]
name = "bench-everything-secure"
recipient = "*"
""")
    log = open(tmp / "cloister.log", "wb")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOISTER_")}
    proc = subprocess.Popen([str(BIN), "serve", "--config", str(config)], stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.time() + 20
    while b"ready" not in (tmp / "cloister.log").read_bytes():
        if proc.poll() is not None or time.time() > deadline:
            sys.exit(f"cloister did not start:\n{(tmp / 'cloister.log').read_text(errors='replace')}")
        time.sleep(0.05)
    return proc, smtp_port, web_port, config


def fill(smtp_port: int) -> None:
    """TOTAL messages, every tenth... to ME (MINE of them), the rest over 900 others."""
    every = max(1, TOTAL // max(1, MINE))
    jobs = list(range(TOTAL))
    lock = threading.Lock()
    errors: list[str] = []

    def worker(ids: list[int]) -> None:
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=60) as smtp:
            for i in ids:
                mine = i % every == 0 and i // every < MINE
                rcpt = ME if mine else f"user{i % 900}@partner.test"
                w1, w2 = WORDS[i % len(WORDS)], WORDS[(i // 7) % len(WORDS)]
                body = (f"Subject: {w1.title()} {i} for {w2}\r\nFrom: sender{i % 50}@example.org\r\nTo: {rcpt}\r\n\r\n"
                        f"Reference {i}. Please review the {w1} and the {w2} before Friday.\r\n")
                try:
                    smtp.sendmail(f"sender{i % 50}@example.org", [rcpt], body.encode())
                except smtplib.SMTPException as e:
                    with lock:
                        errors.append(str(e))
    # Each 250 waits for a durable commit: many sessions let the group commit batch them.
    threads = [threading.Thread(target=worker, args=(jobs[k::FILL_SESSIONS],)) for k in range(FILL_SESSIONS)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"{len(errors)} messages refused, first: {errors[0]}")
    say(f"filled {TOTAL} messages ({MINE} to {ME}) in {time.time() - started:.0f} s")


class Https:
    """One keep-alive HTTPS connection with a cookie jar."""

    def __init__(self, port: int, ca: Path) -> None:
        ctx = ssl.create_default_context(cafile=str(ca))
        self.conn = http.client.HTTPSConnection("localhost", port, context=ctx, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, "http.client.HTTPMessage", str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        resp = self.conn.getresponse()
        text = resp.read().decode(errors="replace")
        for value in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return resp.status, resp.headers, text


def field(html: str, name: str) -> str:
    m = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert m, f"no field {name}"
    return m.group(1)


def sign_in(web_port: int, ca: Path, sink: Sink) -> str:
    deadline = time.time() + 120
    password = None
    while password is None and time.time() < deadline:
        for raw in list(sink.mails.get(ME, [])):
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            body = msg.get_body(preferencelist=("plain",))
            if body and (m := re.search(r"Password:\s+(\S+)", body.get_content())):
                password = m.group(1)
        time.sleep(0.2)
    assert password, "no first-contact mail for the benched recipient"
    h = Https(web_port, ca)
    _, _, page = h.request("GET", "/login")
    csrf = field(page, "csrf")
    h.request("POST", "/login", {"csrf": csrf, "address": ME, "next": "/"})
    status, headers, _ = h.request("POST", "/login/password", {"csrf": csrf, "address": ME, "password": password, "next": "/"})
    assert status == 303 and headers["Location"].startswith("/password/change"), (status, headers)
    _, _, page = h.request("GET", headers["Location"])
    status, _, _ = h.request("POST", "/password/change", {
        "csrf": field(page, "csrf"), "new_password": PASSWORD, "confirm_password": PASSWORD, "next": "/"})
    assert status == 303, status
    return h.cookies["__Host-cloister"]


def wait_outbox_empty(config: Path) -> None:
    started = time.time()
    while True:
        out = subprocess.run([str(BIN), "outbox", "--json", "--config", str(config)], capture_output=True, check=True)
        left = len(json.loads(out.stdout))
        if left == 0:
            say(f"outbox drained ({time.time() - started:.0f} s after the fill)")
            return
        time.sleep(3)


# --- nginx and wrk ------------------------------------------------------------------

def start_nginx(tmp: Path, size: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    root = tmp / "nginx"
    tmp.chmod(0o755)  # nginx workers run as an unprivileged user
    (root / "html").mkdir(parents=True)
    (root / "html" / "inbox.html").write_bytes(b"x" * size)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", root / "key.pem", "-out", root / "cert.pem", "-days", "2", "-subj", "/CN=localhost"],
                   check=True, capture_output=True)
    (root / "nginx.conf").write_text(f"""worker_processes 2;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp; proxy_temp_path {root}/tmp; fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp; scgi_temp_path {root}/tmp;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {root}/cert.pem;
        ssl_certificate_key {root}/key.pem;
        ssl_protocols TLSv1.3;
        root {root}/html;
        location / {{ default_type text/html; add_header Cache-Control no-store; }}
    }}
}}
""")
    (root / "tmp").mkdir()
    proc = subprocess.Popen(["nginx", "-p", str(root), "-c", str(root / "nginx.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port
        time.sleep(0.05)
    sys.exit("nginx did not start")


def wrk(url: str, cookie: str | None) -> tuple[float, float]:
    """(requests/s, p99 ms) of one wrk run; fails on non-2xx answers."""
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: __Host-cloister={cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        sys.exit(f"wrk saw non-2xx answers from {url}:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    return rate, p99


def search_times(web_port: int, ca: Path, cookie: str) -> dict[str, list[float]]:
    h = Https(web_port, ca)
    h.cookies["__Host-cloister"] = cookie
    kinds = {
        "common word (in every message)": lambda i: "reference",
        "one word of 16": lambda i: WORDS[i % len(WORDS)],
        "two words": lambda i: f"{WORDS[i % len(WORDS)]} {WORDS[(i + 3) % len(WORDS)]}",
        "rare (one message)": lambda i: str(10 * (i * 37 % MINE)),
        "no match": lambda i: f"zzqx{i}",
    }
    times: dict[str, list[float]] = {}
    for kind, make in kinds.items():
        got = []
        for i in range(SEARCHES):
            started = time.perf_counter()
            status, _, body = h.request("GET", "/search?q=" + urllib.parse.quote(make(i)))
            got.append((time.perf_counter() - started) * 1000)
            assert status == 200 and "Search" in body, status
        times[kind] = got
    return times


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> int:
    if not BIN.exists():
        sys.exit(f"no {BIN}; run: cargo build --release")
    tmp = Path(tempfile.mkdtemp(prefix="portal-bench.", dir=os.environ.get("BENCH_TMP", "/var/tmp")))
    procs: list[subprocess.Popen] = []
    try:
        sink = Sink()
        cl, smtp_port, web_port, config = start_cloister(tmp, sink.port)
        procs.append(cl)
        ca = tmp / "data/tls/ca.pem"
        fill(smtp_port)
        cookie = sign_in(web_port, ca, sink)
        wait_outbox_empty(config)
        h = Https(web_port, ca)
        h.cookies["__Host-cloister"] = cookie
        status, _, inbox = h.request("GET", "/")
        rows = inbox.count('type="checkbox" name="id"')
        total = re.search(r"Messages of the last [\d.]+ days: (\d+)", inbox)
        assert status == 200 and rows == 50, f"the Inbox answered {status} with {rows} rows"
        say(f"Inbox: {len(inbox.encode())} bytes, 50 rows of {total.group(1) if total else '?'}")
        ng, ng_port = start_nginx(tmp, len(inbox.encode()))
        procs.append(ng)
        # A message page is built afresh for every request (nothing kept): the uncached path.
        message = re.search(r'href="/m/([0-9A-F]{16})"', inbox).group(1)
        results: dict[str, list[tuple[float, float]]] = {"nginx": [], "cloister": [], "message": []}
        for r in range(ROUNDS):
            order = [("nginx", f"https://127.0.0.1:{ng_port}/inbox.html", None),
                     ("cloister", f"https://127.0.0.1:{web_port}/", cookie),
                     ("message", f"https://127.0.0.1:{web_port}/m/{message}", cookie)]
            for name, url, c in (order if r % 2 == 0 else order[::-1]):
                results[name].append(wrk(url, c))
                say(f"round {r + 1} {name}: {results[name][-1][0]:.0f} req/s, p99 {results[name][-1][1]:.1f} ms")
        med = {n: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)) for n, v in results.items()}
        searches = search_times(web_port, ca, cookie)
        ratio = med["cloister"][0] / med["nginx"][0]
        every = [t for v in searches.values() for t in v]
        print(f"vault: {TOTAL} messages, {MINE} in the benched Inbox; wrk -t2 -c{CONNECTIONS} -d{DURATION}s, median of {ROUNDS}")
        print(f"nginx static {len(inbox.encode())} B over HTTPS : {med['nginx'][0]:8.0f} req/s  p99 {med['nginx'][1]:6.1f} ms")
        print(f"cloister signed-in Inbox        : {med['cloister'][0]:8.0f} req/s  p99 {med['cloister'][1]:6.1f} ms")
        print(f"cloister message page (uncached): {med['message'][0]:8.0f} req/s  p99 {med['message'][1]:6.1f} ms")
        print(f"ratio {ratio:.2f}x (target >= 0.50x: {'PASS' if ratio >= 0.5 else 'MISS'}); "
              f"inbox p99 target < 50 ms: {'PASS' if med['cloister'][1] < 50 else 'MISS'}")
        for kind, v in searches.items():
            print(f"search {kind:32s}: p50 {statistics.median(v):6.1f} ms  p99 {p99(v):6.1f} ms  ({len(v)} queries)")
        print(f"search overall p99 {p99(every):.1f} ms (target < 50 ms: {'PASS' if p99(every) < 50 else 'MISS'})")
        return 0
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
