#!/usr/bin/env python3
"""Pages that explain, in headless Chromium. A message taken back: a partner
signs in from the notice and reads it; the internal sender recalls it from
its status panel; the partner's next look says who recalled it, when, and
whom to ask, inside the signed-in page (not a bare "not found"). A lockout:
after failed tries, the right password is told until when and whom to ask,
a wrong one only "sign-in failed". Screenshots at 1280x800 and 390x844,
light and dark; axe on the pages.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import a11y, shot, step  # noqa: E402

SENDER = "alice@example.org"
PARTNER = "pat@partner.test"
CHOSEN = "Correct-Horse-42-battery"


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step("a secure message reaches the partner, who signs in from the notice and reads it")
    cloister.send_mail(SENDER, PARTNER, "[secure] Draft contract", "Clause 4 changes.\n")
    link = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}")).search(r"/m/[0-9A-F]{16}").group(0)
    partner = page.context.browser.new_context(ignore_https_errors=True)
    reader = partner.new_page()
    harness.first_sign_in(reader, cloister.base_url + link, sink, PARTNER, CHOSEN)
    harness.expect(reader.locator("pre.body")).to_contain_text("Clause 4 changes.")

    step("the sender recalls it from its status panel")
    harness.sign_in_with_code(page, cloister.base_url, sink, SENDER)
    page.goto(cloister.base_url + link)
    page.check("form#recall-form input[name=confirm]")
    page.click("form#recall-form button[type=submit]")
    page.wait_for_url(re.compile(r".*" + re.escape(link) + r".*"))

    step("the partner is told what happened, whom to ask, and stays signed in")
    for scheme in ("light", "dark"):
        reader.emulate_media(color_scheme=scheme)
        for width, height in ((1280, 800), (390, 844)):
            reader.set_viewport_size({"width": width, "height": height})
            response = reader.goto(cloister.base_url + link)
            assert response is not None and response.status == 410, response and response.status
            text = reader.inner_text("main")
            assert "This message is no longer available" in text, text
            assert re.search(rf"{re.escape(SENDER)} recalled this message on .+ ask {re.escape(SENDER)}\.", text), text
            assert "Clause 4" not in reader.content(), "nothing of the message"
            harness.expect(reader.locator("form#sign-out button")).to_be_attached()
            assert reader.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
            shot(reader, f"recalled-{scheme}-{width}")
    a11y(reader, "recalled message")

    step("locked out after failed tries, the right password is told until when and whom to ask")
    reader.set_viewport_size({"width": 1280, "height": 800})
    reader.click("form#sign-out button")
    reader.wait_for_selector("form#login-email")

    def try_password(password: str) -> str:
        harness.submit_password(reader, cloister.base_url + "/login", PARTNER, password)
        reader.wait_for_selector("form#login-password")
        return reader.inner_text("main")

    for _ in range(2):
        assert "Sign-in failed" in try_password("Wrong-Horse-41-battery")
    said = try_password(CHOSEN)
    assert re.search(r"This account is locked after too many failed sign-ins, until 20\d\d-", said), said
    assert "Help: help@example.org" in said, said
    for scheme in ("light", "dark"):
        reader.emulate_media(color_scheme=scheme)
        for width, height in ((1280, 800), (390, 844)):
            reader.set_viewport_size({"width": width, "height": height})
            assert reader.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
            shot(reader, f"locked-{scheme}-{width}")
    a11y(reader, "locked sign-in")
    assert "Sign-in failed" in try_password("Wrong-Horse-42-battery"), "a wrong password learns nothing"
    partner.close()


EXTRA = '[portal]\nlockout_threshold = 2\n[notify]\nsupport_contact = "help@example.org"\n'

if __name__ == "__main__":
    sys.exit(harness.run("explain journey", journey, 150, extra=EXTRA))
