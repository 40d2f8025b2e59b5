#!/usr/bin/env python3
"""Portal sign-in journey in headless Chromium, against the real binary.

A partner receives a secure message, signs in with the one-time password from
the first-contact mail, is made to choose a password (the live checklist is
checked), signs out, resets the password by email and signs in with the new
one; no console error (CSP violations included) may occur on the way.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
Exits 0 on success; non-zero with a message on the first failed step.
"""

import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import shot  # noqa: E402

SENDER = "alice@example.org"
PARTNER = "pat@partner.test"
SUBJECT = "[secure] Contract draft"
CHOSEN_PASSWORD = "Correct-Horse-42-battery"
RESET_PASSWORD = "Another-Strong-Pass-7"
# Checked by the server only: the page's JS cannot know the current password.
SERVER_ONLY_RULES = {"not_current"}
TIME_LIMIT_SECS = 120


step = harness.step


def path_of(page) -> str:
    return urlparse(page.url).path


def wait_path(page, want, what: str) -> None:
    """Waits until the URL path equals `want` or, if it is a compiled regex,
    fully matches it; fails naming the page the browser is on instead."""
    ok = (lambda p: p == want) if isinstance(want, str) else (lambda p: want.fullmatch(p) is not None)
    try:
        page.wait_for_url(lambda url: ok(urlparse(url).path))
    except harness.PlaywrightTimeout:
        raise AssertionError(f"expected {what} (path {getattr(want, 'pattern', want)}), browser is at {page.url}") from None


def submit(page, form: str) -> None:
    page.click(f"{form} button[type=submit]")


def type_password(page, selector: str, text: str) -> None:
    """Clears the field, then types key by key so the page's `input` handlers run."""
    field = page.locator(selector)
    field.fill("")
    field.press_sequentially(text)


def sign_in(page, address: str, password: str, label: str) -> None:
    """Both sign-in steps, starting on a /login page; screenshots each step."""
    page.fill("#address", address)
    shot(page, f"{label}-address")
    submit(page, "form#login-email")
    page.wait_for_selector("form#login-password")
    assert address in page.inner_text("body"), f"step 2 of sign-in does not show {address}"
    page.fill("#password", password)
    shot(page, f"{label}-password")
    submit(page, "form#login-password")


def assert_signed_in(page) -> None:
    page.wait_for_selector("form#sign-out button")
    assert page.locator("form#login-email").count() == 0, f"signed in, yet {page.url} shows the sign-in form"


def check_rules(page) -> None:
    """The live checklist: a weak password breaks `length`; a strong one passes
    every rule the browser can check, and server-only rules stay unmarked."""
    rules = page.locator("ul#password-rules li[data-rule]")
    assert rules.count() > 0, "no ul#password-rules li[data-rule] checklist"
    type_password(page, "#new_password", "abc")
    harness.expect(page.locator('li[data-rule="length"]')).to_have_class(re.compile(r"\bbad\b"))
    shot(page, "weak-password")
    type_password(page, "#new_password", CHOSEN_PASSWORD)
    for li in rules.all():
        rule = li.get_attribute("data-rule")
        if rule in SERVER_ONLY_RULES:
            classes = (li.get_attribute("class") or "").split()
            assert not {"ok", "bad"} & set(classes), f"server-only rule {rule} is marked {classes}"
        else:
            harness.expect(li, f"rule {rule} should be ok").to_have_class(re.compile(r"\bok\b"))


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step(f"send {SUBJECT!r} from {SENDER} to {PARTNER}")
    cloister.send_mail(SENDER, PARTNER, SUBJECT, "Please review the attached draft.\n")

    step("catch the notice and the first-contact mail")
    base = re.escape(cloister.base_url)

    def to_partner(m: harness.Caught) -> bool:
        return PARTNER in m.rcpts

    notice = sink.wait_for(lambda m: to_partner(m) and m.search(rf"{base}/m/[0-9A-F]{{16}}"))
    deep_link = notice.search(rf"{base}/m/[0-9A-F]{{16}}").group(0)
    first = sink.wait_for(lambda m: to_partner(m) and m.search(r"Password:\s+(\S+)"))
    one_time = first.search(r"Password:\s+(\S+)").group(1)
    print(f"    deep link {deep_link}; one-time password of {len(one_time)} characters")

    step("open the deep link signed out: sign-in page")
    page.goto(deep_link)
    wait_path(page, "/login", "the sign-in page")
    assert "next" in parse_qs(urlparse(page.url).query), f"sign-in page without a next parameter: {page.url}"
    shot(page, "login")

    step("sign in with the one-time password")
    sign_in(page, PARTNER, one_time, "first-signin")

    step("forced password change: live checklist, then submit")
    wait_path(page, "/password/change", "the forced password change")
    check_rules(page)
    page.fill("#confirm_password", CHOSEN_PASSWORD)
    shot(page, "strong-password")
    submit(page, "form#password-change")

    step("signed in at the message or the inbox")
    wait_path(page, re.compile(r"/|/m/[0-9A-F]{16}"), "the message or the inbox")
    assert_signed_in(page)
    shot(page, "signed-in")

    step("sign out")
    page.click("form#sign-out button")
    wait_path(page, "/login", "the sign-in page after signing out")
    shot(page, "signed-out")

    step("forgot password, from step 2 of sign-in")
    page.fill("#address", PARTNER)
    submit(page, "form#login-email")
    page.click("a#forgot-link")
    wait_path(page, "/forgot", "the forgot-password page")
    page.wait_for_selector("form#forgot")
    if page.input_value("#address") != PARTNER:
        page.fill("#address", PARTNER)
    submit(page, "form#forgot")
    page.wait_for_selector(".notice")
    shot(page, "reset-requested")

    step("follow the reset link and choose a new password")
    reset_pattern = rf"{base}/reset/\S+"
    reset = sink.wait_for(lambda m: to_partner(m) and m.search(reset_pattern))
    page.goto(reset.search(reset_pattern).group(0))
    page.wait_for_selector("form#reset")
    type_password(page, "#new_password", RESET_PASSWORD)
    type_password(page, "#confirm_password", RESET_PASSWORD)
    shot(page, "reset-form")
    submit(page, "form#reset")
    wait_path(page, "/login", "the sign-in page after the reset")
    page.wait_for_selector(".notice")
    shot(page, "reset-done")

    step("sign in with the new password")
    sign_in(page, PARTNER, RESET_PASSWORD, "second-signin")
    assert_signed_in(page)
    shot(page, "signed-in-again")


def main() -> int:
    return harness.run("sign-in journey", journey, TIME_LIMIT_SECS)


if __name__ == "__main__":
    sys.exit(main())
