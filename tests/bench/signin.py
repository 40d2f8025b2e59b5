#!/usr/bin/env python3
"""What a console sign-in costs the server: with a passkey, against the
password (argon2id, the reference) in the same run on the same binary.

Starts the release binary (admin.require_totp off, so the password alone
signs in), makes an admin with a known password, enrols an Ed25519 passkey
for it (appliance/passkey-smoke.py's client), then signs in BENCH_SIGN_INS
times (50) each way from fresh browsers, alternating. For each way: the
server's CPU time per sign-in (utime + stime of the process, from /proc)
and the sign-in request's wall time (p50, p95), every request over real
HTTPS with its own TLS handshake. Exits non-zero only when a sign-in fails.

    cargo build --release && python3 tests/bench/signin.py
"""

import importlib.util
import json
import os
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("BENCH_CLOISTER_BIN", ROOT / "target/x86_64-unknown-linux-gnu/release/cloister"))
SIGN_INS = int(os.environ.get("BENCH_SIGN_INS", "50"))
PASSWORD = "bench-password-Correct-Horse-42"

spec = importlib.util.spec_from_file_location("smoke", ROOT / "appliance/passkey-smoke.py")
smoke = importlib.util.module_from_spec(spec)
spec.loader.exec_module(smoke)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_secs(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Passkey:
    def __init__(self) -> None:
        self.key = smoke.nacl.signing.SigningKey.generate()
        self.id = os.urandom(16)
        self.counter = 0
        self.handle = ""

    def enrol(self, admin: "smoke.Browser", origin: str) -> None:
        _, _, page = admin.request("GET", "/admin/passkeys")
        csrf = smoke.field(page, "csrf")
        options = json.loads(admin.request("POST", "/admin/passkeys/options", {"csrf": csrf})[2])
        self.handle = options["user"]["id"]
        cose = {1: 1, 3: -8, -1: 6, -2: bytes(self.key.verify_key)}
        rp_hash = smoke.hashlib.sha256(options["rp"]["id"].encode()).digest()
        attested = bytes(16) + struct.pack(">H", len(self.id)) + self.id + smoke.cbor(cose)
        client = {"type": "webauthn.create", "challenge": options["challenge"], "origin": origin}
        fields = {
            "csrf": csrf, "name": "Bench key", "user_handle": self.handle,
            "client_data": smoke.b64(json.dumps(client).encode()),
            "attestation": smoke.b64(smoke.cbor({"fmt": "none", "attStmt": {}, "authData": rp_hash + b"\x45" + bytes(4) + attested})),
        }
        smoke.expect("enrolment", admin.request("POST", "/admin/passkeys/add", fields)[0], 303)

    def answer(self, browser: "smoke.Browser", csrf: str, origin: str) -> dict:
        options = json.loads(browser.request("POST", "/admin/login/passkey/options", {"csrf": csrf})[2])
        self.counter += 1
        client = json.dumps({"type": "webauthn.get", "challenge": options["challenge"], "origin": origin}).encode()
        data = smoke.hashlib.sha256(options["rpId"].encode()).digest() + b"\x05" + struct.pack(">I", self.counter)
        signature = self.key.sign(data + smoke.hashlib.sha256(client).digest()).signature
        return {
            "csrf": csrf, "credential": smoke.b64(self.id), "client_data": smoke.b64(client),
            "authenticator_data": smoke.b64(data), "signature": smoke.b64(signature), "user_handle": self.handle,
        }


def sign_in(port: int, ca: str, origin: str, passkey: Passkey | None) -> float:
    """One sign-in from a fresh browser; the wall time of the request that signs in (s)."""
    browser = smoke.Browser(port, ca)
    csrf = smoke.field(browser.request("GET", "/admin/login")[2], "csrf")
    if passkey is None:
        path, fields = "/admin/login", {"csrf": csrf, "name": "bench", "password": PASSWORD, "code": ""}
    else:
        path, fields = "/admin/login/passkey", passkey.answer(browser, csrf, origin)
    began = time.perf_counter()
    status, where, _ = browser.request("POST", path, fields)
    took = time.perf_counter() - began
    smoke.expect(f"sign-in at {path}", (status, where), (303, "/admin"))
    return took


def main() -> int:
    if not BIN.is_file():
        print(f"no release binary at {BIN}: cargo build --release first", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp())
    https = free_port()
    origin = f"https://localhost:{https}"
    config = tmp / "cloister.toml"
    config.write_text(
        f'data_dir = "{tmp}/data"\nhostname = "cloister.test"\n[smtp]\nlisten = "127.0.0.1:{free_port()}"\n'
        f'[web]\nlisten = "127.0.0.1:{https}"\npublic_url = "{origin}"\n[metrics]\nlisten = ""\n'
        f'[admin]\nrequire_totp = false\n[relay]\nhost = "127.0.0.1"\nport = {free_port()}\n'
    )
    proc = subprocess.Popen([str(BIN), "serve", "--config", str(config)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("cloister ready"):
                break
        subprocess.run([str(BIN), "admin", "add", "bench", "--password-stdin", "--config", str(config)],
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        ca = str(tmp / "data/tls/ca.pem")
        sign_in(port=https, ca=ca, origin=origin, passkey=None)  # warm-up
        admin = smoke.Browser(https, ca)
        csrf = smoke.field(admin.request("GET", "/admin/login")[2], "csrf")
        admin.request("POST", "/admin/login", {"csrf": csrf, "name": "bench", "password": PASSWORD, "code": ""})
        passkey = Passkey()
        passkey.enrol(admin, origin)
        sign_in(https, ca, origin, passkey)  # warm-up
        walls = {"password (argon2id)": [], "passkey (Ed25519)": []}
        cpu = dict.fromkeys(walls, 0.0)
        for _ in range(SIGN_INS):
            for way, key in (("password (argon2id)", None), ("passkey (Ed25519)", passkey)):
                before = cpu_secs(proc.pid)
                walls[way].append(sign_in(https, ca, origin, key))
                cpu[way] += cpu_secs(proc.pid) - before
    finally:
        proc.terminate()
        proc.wait()
    print(f"console sign-ins, {SIGN_INS} each way, alternating, fresh TLS connection each request")
    print(f"{'way':22} {'server CPU/sign-in':>19} {'p50 wall':>9} {'p95 wall':>9}")
    for way, times in walls.items():
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{way:22} {cpu[way] / SIGN_INS * 1000:15.1f} ms {statistics.median(times) * 1000:6.1f} ms {p95 * 1000:6.1f} ms")
    ratio = cpu["password (argon2id)"] / max(cpu["passkey (Ed25519)"], 1e-9)
    print(f"a password sign-in costs the server {ratio:.1f}x the CPU of a passkey sign-in")
    return 0


if __name__ == "__main__":
    sys.exit(main())
