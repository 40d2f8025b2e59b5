#!/usr/bin/env python3
"""OpenID Connect sign-in in headless Chromium: a real OpenID provider
(oidc-provider on node, tests/oidc/provider.mjs, over HTTPS with a test CA
made by openssl) and the real binary. An internal user types their address,
is sent to the provider, signs in there (the test provider signs the user
named by login_hint in at once) and comes back signed in; the password page
says the password is kept at the provider; a user outside the portal's
groups comes back to a sign-in page that says so. Screenshots at 1280x800
and 390x844, light and dark; axe on the pages.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import ssl
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import look, shot, step  # noqa: E402

HERE = Path(__file__).resolve().parent.parent / "oidc"
USERS = {
    "ann@example.org": {"sub": "ann", "email": "ann@example.org", "email_verified": True, "groups": ["staff"]},
    "eve@example.org": {"sub": "eve", "email": "eve@example.org", "email_verified": True, "groups": ["contractors"]},
    "root@example.org": {"sub": "root", "email": "root@example.org", "email_verified": True, "groups": ["staff", "cloister-admins"]},
}


class Provider:
    """oidc-provider on a free loopback port, its certificate from a fresh CA."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="oidc-"))
        d = self.dir
        harness.test_ca(d)
        self.port = harness.free_port()
        self.issuer = f"https://127.0.0.1:{self.port}"
        self.child = None

    def config(self) -> str:
        return f"""
[oidc]
domains = ["example.org"]
issuer = "{self.issuer}"
name = "Example ID"
client_id = "cloister"
ca_file = "{self.dir}/ca.pem"
portal_groups = ["staff"]
admin_groups = ["cloister-admins"]
"""

    def start(self, redirect_uri: str) -> None:
        env = dict(os.environ, PORT=str(self.port), TLS_CERT=str(self.dir / "server.pem"), TLS_KEY=str(self.dir / "server.key"),
                   REDIRECT_URI=redirect_uri, USERS=json.dumps(USERS))
        env = {k: v for k, v in env.items() if not k.startswith("CLOISTER_")}
        self.log = open(self.dir / "provider.log", "wb")
        self.child = subprocess.Popen(["node", str(HERE / "provider.mjs")], cwd=HERE, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        context = ssl.create_default_context(cafile=str(self.dir / "ca.pem"))
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(self.issuer + "/.well-known/openid-configuration", context=context, timeout=2).read()
                return
            except OSError:
                assert self.child.poll() is None, (self.dir / "provider.log").read_text()
                assert time.time() < deadline, "the provider did not start"
                time.sleep(0.1)

    def at_keyboard(self, hint: str) -> None:
        """Who signs in when the sign-in names no one (the console's)."""
        context = ssl.create_default_context(cafile=str(self.dir / "ca.pem"))
        urllib.request.urlopen(f"{self.issuer}/test/as?hint={hint}", context=context, timeout=5).read()

    def stop(self) -> None:
        if self.child and self.child.poll() is None:
            self.child.kill()
            self.child.wait()


PROVIDER = Provider()


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    base = cloister.base_url
    PROVIDER.start(base + "/auth/oidc/callback")

    step("an internal user types the address, signs in at the provider and comes back signed in")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "/login")
    page.fill("#address", "ann@example.org")
    page.click("form#login-email button[type=submit]")
    page.wait_for_selector("form#sign-out button")
    assert page.url.startswith(base), page.url
    shot(page, "signed-in-1280")

    step("the password change page says the password is kept at the provider")
    look(page, base + "/password/change", "password-provider", "#password-directory", "password change (provider)")
    harness.expect(page.locator("#password-directory")).to_contain_text("Example ID")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.click("form#sign-out button")

    step("a user outside the portal's groups comes back to a page that says so")
    page.context.clear_cookies()  # another person, not signed in at the provider
    page.goto(base + "/login")
    page.fill("#address", "eve@example.org")
    page.click("form#login-email button[type=submit]")
    page.wait_for_selector("text=turned off sign-in")
    look(page, "", "provider-denied", "form#login-email", "sign-in denied (provider)")

    step("an admin signs in to the console at the provider (its cookie is SameSite=Strict: the page goes on from here)")
    page.context.clear_cookies()
    look(page, base + "/admin/login", "admin-login-provider", "form#admin-login-provider button", "admin sign-in with the provider")
    PROVIDER.at_keyboard("root@example.org")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.click("form#admin-login-provider button")
    page.wait_for_url(base + "/admin")
    harness.expect(page.locator("#admin-preferences-link")).to_contain_text("root@example.org")
    shot(page, "admin-console-1280")

    step("the directory shows how a user signs in, their groups and where secure sending comes from")
    look(page, base + "/admin/user?address=ann%40example.org", "admin-user-provider", "#user-directory", "admin user page (provider)")
    harness.expect(page.locator("#directory-groups")).to_contain_text("staff")


if __name__ == "__main__":
    try:
        code = harness.run("oidc", journey, extra=PROVIDER.config())
    finally:
        PROVIDER.stop()
    sys.exit(code)
