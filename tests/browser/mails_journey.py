#!/usr/bin/env python3
"""The mail Cloister writes, on a phone: every kind a partner and a sender
receive (secure-message notice naming its sender, first-contact password, an
admin's reset, a password-reset link, a sign-in code, a read receipt) is
caught by a real SMTP sink, and its HTML part is shown in headless Chromium
at 360x740: nothing scrolls sideways and the text starts its sentences in
capitals (screenshots saved).

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import shot, step  # noqa: E402

SENDER = "Alexandra Long-Surname-Example <alexandra.long-surname@example.org>"
PARTNER = "pat.with.a.rather.long.address@partner-organisation.test"
EXTRA = (
    '[notify]\nname_sender = true\n'
    'support_contact = "IT service desk, +44 20 7946 0000, it-service-desk@example.org"\n'
)


def html_of(mail: harness.Caught) -> str:
    part = mail.message().get_body(preferencelist=("html",))
    assert part is not None, f"no HTML part in {mail.summary()}"
    return part.get_content()


def on_a_phone(portal_page, mail: harness.Caught, name: str) -> None:
    """Shown in a blank page of its own (as a mail client would, without the
    portal's Content-Security-Policy, which forbids the mail's inline styles)."""
    page = portal_page.context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.set_content(html_of(mail))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name}: {width} px wide at 360 px"
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right))")
    assert widest <= 360.5, f"{name}: an element reaches {widest} px"
    first = page.evaluate("[...document.querySelectorAll('p')].map(p => p.innerText.trim()).filter(t => t)")
    for text in first:
        assert not re.match(r"[a-z]", text), f"{name}: a paragraph starts in lower case: {text!r}"
    shot(page, name)
    page.close()


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step("a secure message reaches a partner: notice (naming its sender) and first-contact password")
    cloister.send_mail(SENDER, PARTNER, "[secure] Board minutes", "Minutes.\n")
    notice = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}"))
    assert "has sent you" in notice.text(), notice.text()
    on_a_phone(page, notice, "notice")
    first = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"Password:"))
    on_a_phone(page, first, "first-contact")

    step("the partner asks for a reset link")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(cloister.base_url + "/forgot")
    page.fill("#address", PARTNER)
    page.click("form#forgot button[type=submit]")
    reset = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/reset/"))
    on_a_phone(page, reset, "reset-link")

    step("an internal user asks for a sign-in code")
    page.goto(cloister.base_url + "/login")
    page.fill("#address", "alexandra.long-surname@example.org")
    page.click("form#login-email button[type=submit]")
    page.click("form#code-request button")
    page.wait_for_selector("form#login-code")
    code = sink.wait_for(lambda m: "alexandra.long-surname@example.org" in m.rcpts and m.search(r"Your code to sign in"))
    on_a_phone(page, code, "sign-in-code")


if __name__ == "__main__":
    sys.exit(harness.run("mails journey", journey, 120, extra=EXTRA))
