#!/usr/bin/env python3
"""Passkeys in headless Chromium with virtual authenticators (Chrome DevTools
Protocol WebAuthn.addVirtualAuthenticator: a platform authenticator with
user verification, as a phone or laptop has). The portal is served as
https://localhost:<port> (browsers give passkeys to host names, not to IP
addresses).

A partner's first sign-in with the mailed password chooses a passkey
instead of a password; signs out and in again with the passkey alone;
adds a second one from another device (a second authenticator); removes
it, after which that device's passkey signs nobody in.

The console with `admin.require_passkey`: the first admin, made by
`cloister admin add`, signs in with password and TOTP code and is held on the
passkeys page until they enrol one; then the console opens, the password and
code no longer do, and the passkey alone signs them in.

Screenshots at 1280x800 and 390x844, light and dark; axe on the new pages.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import contextlib
import sys
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from admin_journey import add_admin, totp  # noqa: E402
from harness import look, step  # noqa: E402

PARTNER = "nadia@partner-organisation.test"


class Authenticators:
    """Virtual authenticators of one page (CDP WebAuthn domain)."""

    def __init__(self, page) -> None:
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("WebAuthn.enable")
        self.current = None

    def plug(self) -> str:
        """Unplugs the current one (if any) and plugs a new one in; its id."""
        if self.current:
            self.cdp.send("WebAuthn.removeVirtualAuthenticator", {"authenticatorId": self.current})
        # The user touches it only when `touch` says (else the sign-in page's
        # autofill request, which a virtual authenticator answers at once, would sign in).
        options = {
            "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
            "hasUserVerification": True, "isUserVerified": True, "automaticPresenceSimulation": False,
        }
        self.current = self.cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})["authenticatorId"]
        return self.current

    def touch(self, on: bool) -> None:
        """Whether the user answers the authenticator's prompts (fingerprint, screen lock)."""
        self.cdp.send("WebAuthn.setAutomaticPresenceSimulation", {"authenticatorId": self.current, "enabled": on})

    def credentials(self) -> list:
        return self.cdp.send("WebAuthn.getCredentials", {"authenticatorId": self.current})["credentials"]

    def add_back(self, authenticator: str, credentials: list) -> str:
        """A device plugged back in with the credentials it held."""
        self.plug()
        for c in credentials:
            self.cdp.send("WebAuthn.addCredential", {"authenticatorId": self.current, "credential": c})
        return self.current


def add_passkey(page, keys: Authenticators, name: str, then: str) -> None:
    """Names a new passkey on the page showing the enrol form, the user touching the authenticator; waits for `then`."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.fill("#passkey-name", name)
    keys.touch(True)
    page.click("form#passkey-add button[type=submit]")
    page.wait_for_selector(then)


def sign_out(page, keys: Authenticators) -> None:
    keys.touch(False)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.click("form#sign-out button")
    page.wait_for_selector("form#login-email")


def passkey_sign_in(page, base: str, keys: Authenticators) -> None:
    """The sign-in page's "Sign in with a passkey" button, the user touching the authenticator."""
    keys.touch(False)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "/login")
    page.wait_for_selector("form#passkey-sign-in button")
    keys.touch(True)
    # Once the authenticator answers, the address field's autofill request
    # (conditional UI) may answer first and sign in before the click lands
    # (seen under load): either way the passkey alone decides.
    with contextlib.suppress(PlaywrightTimeout):
        page.click("form#passkey-sign-in button[type=submit]", timeout=3000)


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    base = cloister.base_url
    keys = Authenticators(page)
    laptop = keys.plug()

    step("a partner's first sign-in offers a passkey in place of choosing a password")
    cloister.send_mail("alice@example.org", PARTNER, "[secure] Contract", "The signed contract is attached.")
    first = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"Password:\s+(\S+)"))
    harness.submit_password(page, base + "/login", PARTNER, first.search(r"Password:\s+(\S+)").group(1))
    page.wait_for_selector("form#passkey-add")
    look(page, "", "first-contact-passkey", "form#passkey-add button[type=submit]", "password change with a passkey offered")
    add_passkey(page, keys, "Laptop", "form#sign-out button")
    harness.expect(page.locator("main")).to_contain_text("Contract")
    assert len(keys.credentials()) == 1, "the laptop holds the passkey"

    step("signed out, the passkey alone signs the partner in (no password, no code)")
    sign_out(page, keys)
    look(page, base + "/login", "sign-in-with-passkey", "form#passkey-sign-in button", "sign-in with the passkey button")
    passkey_sign_in(page, base, keys)
    page.wait_for_selector("form#sign-out button")
    harness.expect(page.locator("main")).to_contain_text("Contract")

    step("the passkeys page lists it; a second device adds its own")
    look(page, base + "/account/passkeys", "passkeys-one", "#passkey-list", "passkeys page")
    harness.expect(page.locator("#passkey-list")).to_contain_text("Laptop")
    laptop_credentials = keys.credentials()
    keys.plug()  # the laptop is put away; a phone is at hand
    add_passkey(page, keys, "Phone", "#passkeys-notice")
    harness.expect(page.locator("#passkey-list li")).to_have_count(2)
    look(page, "", "passkeys-two", "#passkey-list", "passkeys page with two")

    step("the phone's passkey signs in from the address field's autofill (the virtual phone answers at once)")
    sign_out(page, keys)
    keys.touch(True)
    page.goto(base + "/login")
    page.wait_for_selector("form#sign-out button")

    step("the phone's passkey removed, it signs nobody in")
    keys.touch(False)
    page.goto(base + "/account/passkeys")
    page.locator("#passkey-list li", has_text="Phone").locator("form.passkey-remove button").click()
    page.wait_for_selector("#passkeys-notice")
    harness.expect(page.locator("#passkey-list li")).to_have_count(1)
    sign_out(page, keys)
    passkey_sign_in(page, base, keys)
    page.wait_for_selector("p.error[role=alert]")
    harness.expect(page.locator("p.error[role=alert]").first).to_contain_text("did not sign you in")
    look(page, "", "passkey-refused", "form#login-email", "sign-in after a refused passkey")

    step("the laptop, back at hand, still signs in")
    keys.add_back(laptop, laptop_credentials)
    page.set_viewport_size({"width": 1280, "height": 800})
    passkey_sign_in(page, base, keys)
    page.wait_for_selector("form#sign-out button")
    sign_out(page, keys)
    console(page, cloister, keys)


def console_password_sign_in(page, base: str, password: str, secret: str) -> None:
    page.goto(base + "/admin/login")
    page.wait_for_selector("form#admin-login")
    page.fill("#name", "root")
    page.fill("#password", password)
    page.fill("#code", totp(secret))
    page.click("form#admin-login button[type=submit]")


def console(page, cloister: harness.Cloister, keys: Authenticators) -> None:
    """`admin.require_passkey`: the first admin enrols a passkey, then only it opens the console."""
    base = cloister.base_url
    keys.plug()  # the admin's own security key: no portal passkeys on it
    password, secret = add_admin(cloister)

    step("console: password and code let a new admin do nothing but enrol a passkey")
    console_password_sign_in(page, base, password, secret)
    page.wait_for_selector("#passkeys-required")
    page.goto(base + "/admin/monitor")
    page.wait_for_selector("#passkeys-required")
    look(page, "", "console-passkey-required", "#passkeys-required", "console passkeys page, one required")
    add_passkey(page, keys, "Security key", "#passkeys-notice")
    keys.touch(False)
    harness.expect(page.locator("#passkey-list li")).to_have_count(1)
    look(page, "", "console-passkeys", "#passkey-list", "console passkeys page")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "/admin")
    page.wait_for_selector("table#traffic")

    step("console: signed out, the password and code are refused; the passkey signs in")
    page.click("form#sign-out button")
    page.wait_for_selector("form#admin-login")
    # The console answers a refused sign-in 401, which Chromium logs as an error.
    harness.allow_error(f"the server responded with a status of 401 (Unauthorized) [{base}/admin/login]")
    console_password_sign_in(page, base, password, secret)
    page.wait_for_selector("#admin-error")
    harness.expect(page.locator("#passkey-only")).to_contain_text("accepts only passkeys")
    look(page, "", "console-login-passkey", "form#passkey-sign-in button", "console sign-in with a passkey")
    page.set_viewport_size({"width": 1280, "height": 800})
    keys.touch(True)
    page.click("form#passkey-sign-in button[type=submit]")
    page.wait_for_selector("table#traffic")
    assert page.url.rstrip("/").endswith("/admin"), page.url


if __name__ == "__main__":
    sys.exit(harness.run("passkey", journey, extra="[admin]\nrequire_passkey = true\n", host="localhost"))
