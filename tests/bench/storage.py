#!/usr/bin/env python3
"""BENCHMARK (not a test): the vault at size. Bytes on disk per message,
search times for mailboxes of 10,000 and 1,000 messages, and the start time
after a clean stop and after `kill -9` (idle and under SMTP load).

Fills a fresh data dir over SMTP with BENCH_MESSAGES (100,000) secure messages
of ~10 KB prose-like text (`vault_fill.py`): `big@partner.test` gets 10,000
(or half when fewer), `mid@partner.test` 1,000 (or a tenth), the rest go to
one address per 50 messages. Notices go to a sink that keeps the first-contact
passwords of big and mid, so the benchmark signs in as them over HTTPS and
times BENCH_SEARCHES (200) searches per kind of query. Prints the figures;
exits non-zero only when something is broken.

    cargo build --release && python3 tests/bench/storage.py
    BENCH_MESSAGES=300000 BENCH_TMP=/var/tmp python3 tests/bench/storage.py
"""

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import portal_vs_nginx as portal  # noqa: E402  (its sink, HTTPS client and field helper)
import vault_fill  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("BENCH_CLOISTER_BIN", ROOT / "target/x86_64-unknown-linux-gnu/release/cloister"))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "100000"))
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "200"))
PASSWORD = "Bench-Password-42-long"


def say(text: str) -> None:
    print(text, flush=True)


def start(config: Path) -> tuple[subprocess.Popen, float]:
    began = time.monotonic()
    proc = subprocess.Popen([str(BIN), "serve", "--config", str(config)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.startswith("cloister ready"):
            return proc, (time.monotonic() - began) * 1000
    sys.exit(f"cloister exited before ready ({proc.wait()})")


def write_config(tmp: Path, sink_port: int) -> tuple[Path, int, int]:
    smtp, web = portal.free_port(), portal.free_port()
    config = tmp / "cloister.toml"
    config.write_text(f"""data_dir = "{tmp}/data"
hostname = "bench.local"
internal_domains = ["example.org"]
[smtp]
listen = "127.0.0.1:{smtp}"
max_connections_per_client = 64
[web]
listen = "127.0.0.1:{web}"
[metrics]
listen = "127.0.0.1:0"
[relay]
host = "127.0.0.1"
port = {sink_port}
starttls = "off"
[messages]
unique_recipients_per_month = 0
[log]
level = "warn"
""")
    return config, smtp, web


def password_of(sink: portal.Sink, address: str) -> str:
    deadline = time.time() + 300
    while time.time() < deadline:
        for raw in list(sink.mails.get(address, [])):
            if m := re.search(rb"Password:\s+(\S+)", raw):
                return m.group(1).decode()
        time.sleep(0.5)
    sys.exit(f"no first-contact mail for {address}")


def sign_in(web: int, ca: Path, address: str, password: str) -> portal.Https:
    h = portal.Https(web, ca)
    _, _, page = h.request("GET", "/login")
    csrf = portal.field(page, "csrf")
    h.request("POST", "/login", {"csrf": csrf, "address": address, "next": "/"})
    status, headers, _ = h.request("POST", "/login/password", {"csrf": csrf, "address": address, "password": password, "next": "/"})
    assert status == 303 and headers["Location"].startswith("/password/change"), (status, headers)
    _, _, page = h.request("GET", headers["Location"])
    status, _, _ = h.request("POST", "/password/change", {
        "csrf": portal.field(page, "csrf"), "new_password": PASSWORD, "confirm_password": PASSWORD, "next": "/"})
    assert status == 303, status
    return h


def search_times(h: portal.Https, owned: list[int]) -> dict[str, list[float]]:
    words = vault_fill.Writer().words
    kinds = {
        "common word": lambda i: words[0],
        "word of rank 1,000": lambda i: words[999],
        "two words": lambda i: f"{words[5]} {words[200 + i % 50]}",
        "rare (one message)": lambda i: vault_fill.rare(owned[i * 7919 % len(owned)]),
        "no match": lambda i: f"zzqx{i}",
    }
    times: dict[str, list[float]] = {}
    for kind, make in kinds.items():
        got = []
        for i in range(SEARCHES):
            began = time.perf_counter()
            status, _, body = h.request("GET", "/search?q=" + urllib.parse.quote(make(i)))
            got.append((time.perf_counter() - began) * 1000)
            assert status == 200, status
            if kind == "rare (one message)":
                assert body.count('<a href="/m/') == 1, "the rare word finds its one message"
        times[kind] = got
    return times


def index_rows(config: Path) -> dict[str, int]:
    out = subprocess.run([str(BIN), "storage", "--json", "--config", str(config)], capture_output=True, check=True).stdout
    return {t["table"]: t["rows"] for t in json.loads(out)["tables"]}


def wait_for_index(config: Path, since: float) -> None:
    """Waits until the search indexer has nothing left to do (the filter rows
    stop falling: mailboxes under 64 entries keep theirs), and says how long
    that took after the fill and what the index holds."""
    last, still = None, 0
    while still < 3:
        rows = index_rows(config)
        still = still + 1 if rows["search_words"] == last else 0
        last = rows["search_words"]
        time.sleep(2)
    say(f"search index settled {time.time() - since - 6:.0f} s after the fill: {rows['search_segments']} segments, "
        f"{rows['search_words']} entries still as filter rows (mailboxes under 64)")


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> int:
    if not BIN.is_file():
        sys.exit(f"no {BIN}; run: cargo build --release")
    tmp = Path(tempfile.mkdtemp(prefix="storage-bench.", dir=os.environ.get("BENCH_TMP")))
    sink = portal.Sink(watch=("big@partner.test", "mid@partner.test"))
    config, smtp, web = write_config(tmp, sink.port)
    proc, _ = start(config)
    started = time.time()
    big, mid = min(MESSAGES // 2, 10_000), min(MESSAGES // 10, 1_000)
    began = time.time()
    vault_fill.fill(smtp, MESSAGES, big, mid)
    say(f"filled {MESSAGES} messages in {time.time() - began:.0f} s (python client, 8 sessions)")
    ca = tmp / "data/tls/ca.pem"
    began = time.time()
    while json.loads(subprocess.run([str(BIN), "outbox", "--json", "--config", str(config)], capture_output=True, check=True).stdout):
        time.sleep(1)
    say(f"notices delivered {time.time() - began:.0f} s after the fill ({sink.count} mails at the sink)")
    wait_for_index(config, began)
    # The retention job first runs a minute after start (then hourly): wait it out,
    # so the search figures are of a server doing nothing else.
    time.sleep(max(0.0, started + 75 - time.time()))
    for address, count in (("big@partner.test", big), ("mid@partner.test", mid)):
        h = sign_in(web, ca, address, password_of(sink, address))
        owned = [i for i in range(MESSAGES) if vault_fill.recipient(i, big, mid) == address]
        for kind, got in search_times(h, owned).items():
            say(f"search, mailbox of {count:>6}: {kind:<20} p50 {statistics.median(got):6.1f} ms  p99 {p99(got):6.1f} ms")
    proc.terminate()
    proc.wait()
    report = subprocess.run([str(BIN), "storage", "--config", str(config)], capture_output=True, text=True, check=True).stdout
    say(report.rstrip())
    file_bytes = (tmp / "data/vault.redb").stat().st_size
    say(f"bytes on disk per message: {file_bytes / MESSAGES:,.0f}")
    for label in ("clean stop", "kill -9 (idle)"):
        proc, ms = start(config)
        say(f"start after {label}: {ms:.0f} ms")
        proc.send_signal(signal.SIGKILL if label == "clean stop" else signal.SIGTERM)
        proc.wait()
    proc, _ = start(config)
    load = threading.Thread(target=vault_fill.fill, args=(smtp, 5000, 0, 0), kwargs={"seed": 11}, daemon=True)
    load.start()
    time.sleep(2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc, ms = start(config)
    say(f"start after kill -9 under SMTP load: {ms:.0f} ms")
    proc.terminate()
    proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
