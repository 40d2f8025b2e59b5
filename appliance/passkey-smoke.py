#!/usr/bin/env python3
"""Passkeys against a running Cloister (appliance/build-aarch64.sh runs it
against the aarch64 binary under qemu, where ring's own signature code is
the one the Raspberry Pi runs). An admin signs in with password and TOTP
code, enrols an Ed25519 passkey made here (PyNaCl), and a fresh browser
signs in with it alone; a signature with one bit flipped is refused.

Usage: passkey-smoke.py PORT CA_PEM ADMIN_NAME PASSWORD TOTP_SECRET
(the portal at https://localhost:PORT, its public_url).
"""

import base64
import hashlib
import hmac
import http.client
import json
import re
import ssl
import struct
import sys
import time
import urllib.parse

import nacl.signing


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def cbor(value) -> bytes:
    """The CBOR of ints, byte strings, text and maps (all a passkey needs)."""
    def head(major: int, n: int) -> bytes:
        if n < 24:
            return bytes([major << 5 | n])
        for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I")):
            if n < 1 << (8 * struct.calcsize(fmt)):
                return bytes([major << 5 | extra]) + struct.pack(fmt, n)
        raise ValueError(n)
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        return head(3, len(value.encode())) + value.encode()
    return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())


def totp(secret: str) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = mac[19] & 0x0F
    return f"{(struct.unpack('>I', mac[o:o + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Browser:
    """One browser: its cookies, over HTTPS to localhost."""

    def __init__(self, port: int, ca: str):
        self.port, self.cookies = port, {}
        self.context = ssl.create_default_context(cafile=ca)

    def request(self, method: str, path: str, fields: dict | None = None):
        conn = http.client.HTTPSConnection("localhost", self.port, context=self.context, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://localhost:{self.port}"
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        text = r.read().decode()
        for value in r.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return r.status, r.headers.get("Location", ""), text


def field(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def expect(what: str, got, wanted) -> None:
    if got != wanted:
        sys.exit(f"passkey smoke test: {what}: {got!r}, expected {wanted!r}")


def main() -> None:
    port, ca, name, password, secret = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    origin = f"https://localhost:{port}"
    key = nacl.signing.SigningKey.generate()
    credential = hashlib.sha256(bytes(key.verify_key)).digest()[:16]

    admin = Browser(port, ca)
    _, _, page = admin.request("GET", "/admin/login")
    fields = {"csrf": field(page, "csrf"), "name": name, "password": password, "code": totp(secret)}
    status, where, _ = admin.request("POST", "/admin/login", fields)
    expect("password and code sign-in", (status, where), (303, "/admin"))

    _, _, page = admin.request("GET", "/admin/passkeys")
    csrf = field(page, "csrf")
    _, _, answer = admin.request("POST", "/admin/passkeys/options", {"csrf": csrf})
    options = json.loads(answer)
    cose = {1: 1, 3: -8, -1: 6, -2: bytes(key.verify_key)}
    rp_hash = hashlib.sha256(options["rp"]["id"].encode()).digest()
    attested = bytes(16) + struct.pack(">H", len(credential)) + credential + cbor(cose)
    auth_data = rp_hash + bytes([0x45]) + struct.pack(">I", 0) + attested
    client = {"type": "webauthn.create", "challenge": options["challenge"], "origin": origin, "crossOrigin": False}
    handle = options["user"]["id"]
    fields = {
        "csrf": csrf, "name": "Smoke test key", "user_handle": handle,
        "client_data": b64(json.dumps(client).encode()),
        "attestation": b64(cbor({"fmt": "none", "attStmt": {}, "authData": auth_data})),
    }
    status, where, _ = admin.request("POST", "/admin/passkeys/add", fields)
    expect("enrolment", (status, where), (303, "/admin/passkeys?done=added"))

    for counter, flip, wanted in ((1, True, 401), (2, False, 303)):
        fresh = Browser(port, ca)
        _, _, page = fresh.request("GET", "/admin/login")
        csrf = field(page, "csrf")
        _, _, answer = fresh.request("POST", "/admin/login/passkey/options", {"csrf": csrf})
        options = json.loads(answer)
        client = json.dumps({"type": "webauthn.get", "challenge": options["challenge"], "origin": origin}).encode()
        data = hashlib.sha256(options["rpId"].encode()).digest() + bytes([0x05]) + struct.pack(">I", counter)
        signature = bytearray(key.sign(data + hashlib.sha256(client).digest()).signature)
        signature[-1] ^= 1 if flip else 0
        fields = {
            "csrf": csrf, "credential": b64(credential), "client_data": b64(client),
            "authenticator_data": b64(data), "signature": b64(bytes(signature)), "user_handle": handle,
        }
        status, _, _ = fresh.request("POST", "/admin/login/passkey", fields)
        expect("a passkey sign-in with " + ("a flipped bit" if flip else "a good signature"), status, wanted)
    expect("the console after the passkey sign-in", fresh.request("GET", "/admin")[0], 200)
    print("passkey enrolled and signed in with (Ed25519); a bad signature refused")


if __name__ == "__main__":
    main()
