#!/usr/bin/env python3
"""BENCHMARK (not a test): the admin console on a large vault. Fills a fresh
data dir over SMTP with BENCH_MESSAGES (100,000) secure messages of ~10 KB
(`vault_fill.py`; one partner per 50 messages), signs in four admins
(password and TOTP, as people do) and prints, per admin page, p50/p99 over BENCH_LOADS (40)
loads by one admin and by four admins at once, the server's RSS before and
after, and the time and both processes' peak RSS of `cloister messages --json`.
Exits non-zero only when something is broken.

    cargo build --release && python3 tests/bench/admin_pages.py
    BENCH_MESSAGES=300000 BENCH_TMP=/var/tmp python3 tests/bench/admin_pages.py
"""

import base64
import hashlib
import hmac
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import portal_vs_nginx as portal  # noqa: E402
import storage  # noqa: E402
import vault_fill  # noqa: E402

BIN = storage.BIN
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "100000"))
LOADS = int(os.environ.get("BENCH_LOADS", "40"))
ADMIN_PASSWORD = "Bench-Admin-Password-42"


def say(text: str) -> None:
    print(text, flush=True)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def admin_session(web: int, ca: Path, config: Path, name: str) -> portal.Https:
    made = subprocess.run([str(BIN), "admin", "add", name, "--password-stdin", "--config", str(config)],
                          input=ADMIN_PASSWORD + "\n", capture_output=True, text=True, check=True).stdout
    secret = re.search(r"TOTP secret: ([A-Z2-7]+)", made).group(1)
    h = portal.Https(web, ca)
    _, _, page = h.request("GET", "/admin/login")
    status, headers, body = h.request("POST", "/admin/login", {
        "csrf": portal.field(page, "csrf"), "name": name, "password": ADMIN_PASSWORD, "code": totp(secret, time.time())})
    assert status == 303, (status, body[:300])
    return h


def pages(first_id: str, last_id: str) -> dict[str, str]:
    today = time.strftime("%Y-%m-%d", time.gmtime())
    partner = urllib.parse.quote(f"user{MESSAGES // 100}@partner.test")
    return {
        "monitor, first page": "/admin/monitor",
        "monitor, tab Read": "/admin/monitor?status=Read",
        "monitor, Sent+Extended": "/admin/monitor?status=Sent&status=Extended",
        "monitor, last page": "/admin/monitor?last=1",
        "monitor, a page deep": f"/admin/monitor?before={last_id}",
        "monitor, address": f"/admin/monitor?q={partner}",
        "monitor, rare subject word": f"/admin/monitor?q={vault_fill.rare(4242 % MESSAGES)}",
        "monitor, common word": "/admin/monitor?q=report",
        "monitor, no match": "/admin/monitor?q=zzqx",
        "monitor, today": f"/admin/monitor?from={today}&to={today}",
        "message story": f"/admin/message?id={first_id}",
        "dashboard": "/admin",
        "directory (domains)": "/admin/directory",
        "directory, find a domain": "/admin/directory?match=partner",
        "domain's users": "/admin/directory?domain=partner.test&q=user1",
        "user page": f"/admin/user?address={partner}",
        "audit": "/admin/audit",
        "report": "/admin/report",
    }


def time_pages(sessions: list[portal.Https], paths: dict[str, str]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in paths}
    lock = threading.Lock()
    failures = []

    def run(h: portal.Https) -> None:
        for name, path in paths.items():
            for _ in range(LOADS):
                began = time.perf_counter()
                status, _, _ = h.request("GET", path)
                took = (time.perf_counter() - began) * 1000
                if status != 200:
                    failures.append((path, status))
                with lock:
                    times[name].append(took)

    threads = [threading.Thread(target=run, args=(h,)) for h in sessions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        sys.exit(f"admin pages failed: {failures[:3]}")
    return times


def listing(config: Path, server_pid: int) -> None:
    before = rss_kb(server_pid)
    peak_server = before
    began = time.time()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", str(BIN), "messages", "--json", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    rows = 0
    for line in proc.stdout:
        rows += line.startswith(b'  "id"')
        if rows % 5000 == 0:
            peak_server = max(peak_server, rss_kb(server_pid))
    _, err = proc.communicate()
    took = time.time() - began
    client_kb = int(err.decode().strip().splitlines()[-1])
    say(f"messages --json: {rows} rows in {took:.1f} s; command peak RSS {client_kb / 1024:.0f} MB; "
        f"server RSS {before / 1024:.0f} MB before, peak {peak_server / 1024:.0f} MB during, {rss_kb(server_pid) / 1024:.0f} MB after")


def main() -> int:
    if not BIN.is_file():
        sys.exit(f"no {BIN}; run: cargo build --release")
    tmp = Path(tempfile.mkdtemp(prefix="admin-bench.", dir=os.environ.get("BENCH_TMP")))
    sink = portal.Sink(watch=("big@partner.test",))
    config, smtp, web = storage.write_config(tmp, sink.port)
    proc, _ = storage.start(config)
    try:
        began = time.time()
        vault_fill.fill(smtp, MESSAGES, 0, 0)
        say(f"filled {MESSAGES} messages in {time.time() - began:.0f} s")
        # The notices go first, so the pages are timed on a server doing nothing else.
        outbox = [str(BIN), "outbox", "--json", "--limit", "1", "--config", str(config)]
        while json.loads(subprocess.run(outbox, capture_output=True, check=True).stdout):
            time.sleep(1)
        ca = tmp / "data/tls/ca.pem"
        roots = [admin_session(web, ca, config, f"root{i}") for i in range(4)]
        _, _, first_page = roots[0].request("GET", "/admin/monitor")
        first_id = re.search(r'href="/admin/message\?id=([0-9A-F]+)"', first_page).group(1)
        deep = re.search(r'id="page-older" href="[^"]*before=([0-9A-F]+)"', first_page).group(1)
        paths = pages(first_id, deep)
        for label, sessions in (("one admin", roots[:1]), ("four admins at once", roots)):
            rss_before = rss_kb(proc.pid)
            times = time_pages(sessions, paths)
            say(f"--- {MESSAGES:,} messages, {label}: server RSS {rss_before / 1024:.0f} MB before, {rss_kb(proc.pid) / 1024:.0f} MB after")
            for name, got in times.items():
                say(f"{name:<28} p50 {statistics.median(got):7.1f} ms  p99 {storage.p99(got):7.1f} ms")
        listing(config, proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
