#!/usr/bin/env python3
"""Printing, in headless Chromium with print media: an internal sender
writes a message restricted to "no print"; the partner who reads it prints a
notice instead of its body (and has no Print button), while an unrestricted
message prints its body without the portal's header and buttons.
Screenshots of both in print media are saved.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import shot, step  # noqa: E402

SENDER = "alice@example.org"
PARTNER = "pat@partner.test"
CHOSEN = "Correct-Horse-42-battery"


def sender_writes_restricted(page, cloister, sink) -> None:
    harness.sign_in_with_code(page, cloister.base_url, sink, SENDER)
    page.goto(cloister.base_url + "/compose")
    page.fill("#to", PARTNER)
    page.fill("#subject", "Salary review")
    page.fill("#editor", "Confidential figures, not for paper.")
    page.select_option("#restriction", "no_print")
    page.click("button#send")
    page.wait_for_url(re.compile(r".*/sent.*|.*/$"))


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step("an ordinary secure message reaches the partner over SMTP")
    cloister.send_mail(SENDER, PARTNER, "[secure] Board minutes", "Printable minutes.\n")
    plain = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}")).search(r"/m/[0-9A-F]{16}").group(0)

    step("the internal sender writes one restricted to no print")
    sender_writes_restricted(page, cloister, sink)
    restricted = sink.wait_for(
        lambda m: PARTNER in m.rcpts and (x := m.search(r"/m/[0-9A-F]{16}")) is not None and x.group(0) != plain
    ).search(r"/m/[0-9A-F]{16}").group(0)

    step("the partner reads both; in print media the restricted one shows only the notice")
    partner = page.context.browser.new_context(ignore_https_errors=True)
    reader = partner.new_page()
    harness.first_sign_in(reader, cloister.base_url + "/login", sink, PARTNER, CHOSEN)
    reader.goto(cloister.base_url + restricted)
    harness.expect(reader.locator("#restriction-note")).to_be_visible()
    assert reader.locator("#print-link").count() == 0, "no Print button"
    harness.expect(reader.locator("#print-refused")).to_be_hidden()
    reader.emulate_media(media="print")
    harness.expect(reader.locator("#print-refused")).to_be_visible()
    harness.expect(reader.locator("#unprintable")).to_be_hidden()
    harness.expect(reader.locator("#message-actions")).to_be_hidden()
    assert "Confidential figures" not in reader.inner_text("body"), "the body prints"
    shot(reader, "restricted-in-print")
    reader.emulate_media(media="screen")

    step("an unrestricted message prints its body, without header and buttons")
    reader.goto(cloister.base_url + plain)
    reader.emulate_media(media="print")
    harness.expect(reader.locator("pre.body")).to_contain_text("Printable minutes.")
    harness.expect(reader.locator("header.top")).to_be_hidden()
    harness.expect(reader.locator("#message-actions")).to_be_hidden()
    shot(reader, "plain-in-print")
    partner.close()


if __name__ == "__main__":
    sys.exit(harness.run("print journey", journey, 150))
