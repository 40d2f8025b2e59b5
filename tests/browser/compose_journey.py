#!/usr/bin/env python3
"""Writing in the portal, in headless Chromium: drafts that survive.

An internal sender starts a message: the draft is saved while they type,
two files dropped on the page become chips (with progress), one is removed;
the page is closed, the draft is found in Drafts, resumed with its text and
file, and sent; the recipient gets the one file. On a server whose sessions
end after 12 s of idle, a partner writing is warned before the end, stays
signed in once, then lets the session run out: the page says so, and signing
in again leads back to the draft with its text and file. Screenshots of the
compose page and Drafts at 1280x800 and 390x844, light and dark; axe on them.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import re
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import a11y, shot, step  # noqa: E402

SENDER = "alice@example.org"
BOB = "bob@example.org"
PARTNER = "pat@partner.test"
CHOSEN = "Correct-Horse-42-battery"
BUDGET = b"line,amount\nrent,1200\n" * 2000
MINUTES = b"Minutes of the board meeting.\n"

DROP = """([files]) => {
  const dt = new DataTransfer();
  for (const [name, text] of files) { dt.items.add(new File([text], name, { type: "text/plain" })); }
  const zone = document.getElementById("dropzone");
  zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
}"""


def path_of(page) -> str:
    return urlparse(page.url).path


def screens(page, name: str) -> None:
    """Screenshots at both sizes in both schemes; never a sideways scroll."""
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for width, height in ((1280, 800), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways at {width}"
            shot(page, f"{name}-{scheme}-{width}")
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 800})


def write_and_resume(page, cloister, sink) -> None:
    step("an internal sender writes; the draft is saved while they type")
    cloister.cli("user", "add", SENDER)
    harness.sign_in_with_code(page, cloister.base_url, sink, SENDER)
    page.goto(cloister.base_url + "/compose")
    page.fill("#to", BOB)
    page.fill("#subject", "Board papers")
    page.fill("#body", "Here are the papers for Thursday.")
    harness.expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=12_000)
    assert re.fullmatch(r"/drafts/[0-9a-f]{16}", path_of(page)), page.url
    draft_path = path_of(page)

    step("two files dropped on the page become chips; one is removed")
    page.evaluate(DROP, [[["budget.csv", BUDGET.decode()], ["minutes.txt", MINUTES.decode()]]])
    harness.expect(page.locator("li.chip:not(.uploading)")).to_have_count(2)
    harness.expect(page.locator("#upload-status")).to_contain_text("attached of")
    a11y(page, "compose with attachments")
    screens(page, "compose")
    page.click("li.chip:has-text('minutes.txt') button.chip-remove")
    harness.expect(page.locator("li.chip")).to_have_count(1)
    harness.expect(page.locator("li.chip")).to_contain_text("budget.csv")

    step("the page is closed; Drafts has it; it opens with its text and file")
    page.fill("#body", "Here are the papers for Thursday. The budget is attached.")
    page.goto(cloister.base_url + "/drafts")  # leaving saves the last words
    row = page.locator("#drafts tr", has_text="Board papers")
    harness.expect(row).to_be_visible()
    a11y(page, "Drafts")
    screens(page, "drafts")
    row.locator("a.draft-link").click()
    page.wait_for_selector("form#compose")
    assert path_of(page) == draft_path
    assert page.input_value("#body") == "Here are the papers for Thursday. The budget is attached.", page.input_value("#body")
    harness.expect(page.locator("li.chip")).to_have_count(1)

    step("sent from the draft: Bob gets the one file; Drafts is empty again")
    page.click("button#send")
    page.wait_for_url(lambda url: urlparse(url).path == "/sent")
    mail = sink.wait_for(lambda m: BOB in m.rcpts and "The budget is attached." in m.text())
    files = [(p.get_filename(), p.get_content()) for p in mail.message().iter_attachments()]
    assert [f[0] for f in files] == ["budget.csv"], files
    assert files[0][1].encode() if isinstance(files[0][1], str) else files[0][1] in (BUDGET, BUDGET.decode())
    page.goto(cloister.base_url + "/drafts")
    harness.expect(page.locator("#empty")).to_be_visible()


def session_runs_out(page, sink) -> None:
    step("sessions that end after 12 s of idle: a partner writes a message")
    short = harness.Cloister(sink.port, extra="[portal]\nsession_idle_minutes = 0.2\n")
    try:
        short.send_mail(SENDER, PARTNER, "[secure] Questions", "Any questions?\n")
        page.context.clear_cookies()
        harness.first_sign_in(page, short.base_url + "/login", sink, PARTNER, CHOSEN)
        page.goto(short.base_url + "/compose")
        page.fill("#to", SENDER)
        page.fill("#subject", "My questions")
        page.fill("#body", "First question: when?")
        page.set_input_files("#attachment", files=[{"name": "scan.txt", "mimeType": "text/plain", "buffer": b"scanned page"}])
        harness.expect(page.locator("li.chip:not(.uploading)")).to_have_count(1)

        step("warned before the end, the partner stays signed in once")
        harness.expect(page.locator("#session-warning")).to_be_visible(timeout=15_000)
        harness.expect(page.locator("#session-warning-text")).to_contain_text("Your session ends in 1 min")
        shot(page, "session-warning")
        page.click("#stay-signed-in")
        harness.expect(page.locator("#session-warning")).to_be_hidden()
        page.fill("#body", "First question: when? Second: where?")

        step("then the session runs out: the page says so; the text is kept")
        harness.expect(page.locator("#session-ended")).to_be_visible(timeout=30_000)
        a11y(page, "session ended")
        shot(page, "session-ended")
        page.click("#sign-in-again")
        harness.expect(page.locator("p.notice")).to_contain_text("kept as a draft")
        page.fill("#address", PARTNER)
        page.click("form#login-email button[type=submit]")
        page.fill("#password", CHOSEN)
        page.click("form#login-password button[type=submit]")
        page.wait_for_selector("form#compose")
        assert re.fullmatch(r"/drafts/[0-9a-f]{16}", path_of(page)), page.url
        assert page.input_value("#body") == "First question: when? Second: where?", page.input_value("#body")
        harness.expect(page.locator("li.chip")).to_contain_text("scan.txt")
    finally:
        short.stop()


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    write_and_resume(page, cloister, sink)
    session_runs_out(page, sink)


if __name__ == "__main__":
    sys.exit(harness.run("compose journey", journey, 180))
