#!/usr/bin/env python3
"""Cold start and idle memory of the release binary on an existing data dir.

Fills a fresh data dir with BENCH_MESSAGES secure messages (1,000) over SMTP,
stops, then starts `serve` BENCH_ROUNDS times (5): the time from exec to the
ready line, and the resident memory (VmRSS) after BENCH_IDLE seconds (2) idle.
Targets (issue 8): ready < 200 ms, idle RSS < 30 MB. Prints a table and the
median; exits 1 when a median misses its target.

    cargo build --release && python3 tests/bench/startup.py
"""

import os
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("BENCH_CLOISTER_BIN", ROOT / "target/x86_64-unknown-linux-gnu/release/cloister"))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
IDLE = float(os.environ.get("BENCH_IDLE", "2"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(config: Path) -> tuple[subprocess.Popen, float]:
    began = time.monotonic()
    proc = subprocess.Popen([str(BIN), "serve", "--config", str(config)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.startswith("cloister ready"):
            return proc, (time.monotonic() - began) * 1000
    raise SystemExit(f"cloister exited before ready ({proc.wait()})")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fill(smtp_port: int) -> None:
    body = "From: alice@example.org\r\nTo: bob@partner.test\r\nSubject: [secure] fill\r\n\r\n" + "x" * 2000 + "\r\n"
    with smtplib.SMTP("127.0.0.1", smtp_port) as s:
        for _ in range(MESSAGES):
            s.sendmail("alice@example.org", ["bob@partner.test"], body)


def main() -> int:
    if not BIN.is_file():
        raise SystemExit(f"no {BIN}; run: cargo build --release")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        smtp_port = free_port()
        config = tmp / "cloister.toml"
        config.write_text(
            f'data_dir = "{tmp}/data"\nhostname = "cloister.test"\ninternal_domains = ["example.org"]\n'
            f'[smtp]\nlisten = "127.0.0.1:{smtp_port}"\n[web]\nlisten = "127.0.0.1:{free_port()}"\n'
            f'[metrics]\nlisten = "127.0.0.1:{free_port()}"\n[relay]\nhost = "127.0.0.1"\nport = {free_port()}\n'
        )
        proc, _ = start(config)
        fill(smtp_port)
        proc.terminate()
        proc.wait()
        size = (tmp / "data" / "vault.redb").stat().st_size / 1e6
        print(f"data dir with {MESSAGES} messages, vault {size:.1f} MB; binary {BIN.stat().st_size / 1e6:.1f} MB")
        ready, rss = [], []
        for n in range(ROUNDS):
            proc, ms = start(config)
            time.sleep(IDLE)
            mb = rss_mb(proc.pid)
            proc.terminate()
            proc.wait()
            ready.append(ms)
            rss.append(mb)
            print(f"  round {n + 1}: ready after {ms:6.1f} ms, idle RSS {mb:5.1f} MB")
    med_ready, med_rss = statistics.median(ready), statistics.median(rss)
    print(f"median: ready {med_ready:.1f} ms (target < 200), idle RSS {med_rss:.1f} MB (target < 30)")
    return 0 if med_ready < 200 and med_rss < 30 else 1


if __name__ == "__main__":
    sys.exit(main())
