"""A browser that trusts a CA loads the portal without a warning; one that does
not is stopped. Started by tests/acme.rs once Cloister has its certificate
from Pebble:

    trusted_certificate.py URL ROOT_PEM HOST

Chromium on Linux trusts the certificates in $HOME/.pki/nssdb: each run gets
its own HOME, one with ROOT_PEM added by NSS's certutil, one without. HOST is
mapped to 127.0.0.1 (no DNS for it here). No `ignore_https_errors` anywhere.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import harness
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright


def nss_home(root_pem: Path | None) -> str:
    """A HOME whose NSS database trusts `root_pem` for servers (or nothing)."""
    home = Path(tempfile.mkdtemp(prefix="nss-home-"))
    db = home / ".pki" / "nssdb"
    db.mkdir(parents=True)
    subprocess.run(["certutil", "-d", f"sql:{db}", "-N", "--empty-password"], check=True)
    if root_pem is not None:
        subprocess.run(["certutil", "-d", f"sql:{db}", "-A", "-t", "C,,", "-n", "acme test root", "-i", str(root_pem)], check=True)
    return str(home)


def visit(pw, url: str, host: str, home: str, shot_name: str | None) -> str:
    """Opens `url`; returns "" when it loaded, else the browser's error."""
    args = harness.CHROMIUM_ARGS + [f"--host-resolver-rules=MAP {host} 127.0.0.1"]
    browser = pw.chromium.launch(executable_path=harness.CHROMIUM, headless=True, args=args, env={"HOME": home})
    try:
        for width, height in ((1280, 800), (390, 844)):
            page = browser.new_context(viewport={"width": width, "height": height}).new_page()
            try:
                response = page.goto(url, wait_until="load")
            except PlaywrightError as e:
                return str(e).splitlines()[0]
            assert response is not None and response.ok, f"{url}: status {response and response.status}"
            assert page.locator("input[name=address]").count() == 1, page.content()[:500]
            if shot_name:
                harness.shot(page, f"{shot_name}-{width}")
        return ""
    finally:
        browser.close()


def main() -> None:
    harness.require_tools()
    url, root_pem, host = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    with sync_playwright() as pw:
        refused = visit(pw, url, host, nss_home(None), None)
        assert "ERR_CERT_AUTHORITY_INVALID" in refused, f"a browser that does not trust the CA loaded the page: {refused!r}"
        print(f"  without the root: {refused}", flush=True)
        trusted = visit(pw, url, host, nss_home(root_pem), "sign-in-with-acme-certificate")
        assert trusted == "", f"a browser that trusts the CA was stopped: {trusted}"
        print("  with the root: loaded without a warning", flush=True)


if __name__ == "__main__":
    main()
