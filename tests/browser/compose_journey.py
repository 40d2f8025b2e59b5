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

import email.message
import email.policy
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import a11y, shot, step  # noqa: E402

SENDER = "alice@example.org"
BOB = "bob@example.org"
CAROL = "carol@example.org"
PARTNER = "pat@partner.test"
QUINN = "quinn@partner.test"
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


def write_and_resume(page, cloister, sink, viewport: dict, tag: str) -> None:
    """The whole writing flow at one screen size; `tag` tells the runs apart."""
    subject, first, last = f"Board papers {tag}", f"Papers for Thursday ({tag}).", f"Papers for Thursday ({tag}). The budget is attached."
    page.set_viewport_size(viewport)
    step(f"{tag}: an internal sender writes; the draft is saved while they type")
    page.goto(cloister.base_url + "/compose")
    page.fill("#to", f"Bob Example <{BOB}>")
    page.fill("#bcc", CAROL)
    page.fill("#subject", subject)
    page.fill("#editor", first)
    harness.expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=12_000)
    assert re.fullmatch(r"/drafts/[0-9a-f]{16}", path_of(page)), page.url
    draft_path = path_of(page)

    step(f"{tag}: two files dropped on the page become chips; one is removed")
    page.evaluate(DROP, [[["budget.csv", BUDGET.decode()], ["minutes.txt", MINUTES.decode()]]])
    harness.expect(page.locator("li.chip:not(.uploading)")).to_have_count(2)
    harness.expect(page.locator("#upload-status")).to_contain_text("attached of")
    a11y(page, "compose with attachments")
    if tag == "desktop":
        screens(page, "compose")
        page.set_viewport_size(viewport)
    page.click("li.chip:has-text('minutes.txt') button.chip-remove")
    harness.expect(page.locator("li.chip")).to_have_count(1)
    harness.expect(page.locator("li.chip")).to_contain_text("budget.csv")
    # Enter in a field once pressed the first chip's remove button (the form's first submit button).
    page.press("#subject", "Enter")
    page.wait_for_timeout(500)
    harness.expect(page.locator("li.chip")).to_have_count(1)
    assert path_of(page) == draft_path, page.url

    step(f"{tag}: the page is closed; Drafts has it; it opens with its text and file")
    page.fill("#editor", last)
    page.goto(cloister.base_url + "/drafts")  # leaving saves the last words
    row = page.locator("#drafts tr", has_text=subject)
    harness.expect(row).to_be_visible()
    a11y(page, "Drafts")
    if tag == "desktop":
        screens(page, "drafts")
        page.set_viewport_size(viewport)
    row.locator("a.draft-link").click()
    page.wait_for_selector("form#compose")
    assert path_of(page) == draft_path
    assert page.inner_text("#editor") == last, page.inner_text("#editor")
    harness.expect(page.locator("li.chip")).to_have_count(1)
    format_text(page)
    shot(page, f"formatted-{tag}")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "no sideways scroll"

    step(f"{tag}: sent from the draft: both parts, the one file, the names; the blind copy named nowhere")
    page.click("button#send")
    page.wait_for_url(lambda url: urlparse(url).path == "/sent")
    mail = sink.wait_for(lambda m: BOB in m.rcpts and last in m.text())
    message = mail.message()
    to = message["To"].addresses
    assert [(a.display_name, a.addr_spec) for a in to] == [("Bob Example", BOB)], message["To"]
    files = [(p.get_filename(), p.get_content()) for p in message.iter_attachments()]
    assert [f[0] for f in files] == ["budget.csv"], files
    content = files[0][1]
    assert (content.encode() if isinstance(content, str) else content) == BUDGET
    html = message.get_body(("html",)).get_content()
    plain = message.get_body(("plain",)).get_content()
    assert re.search(r"<li>rent</li>\s*<li>travel</li>", html) and re.search(r"<(b|strong)>Vote on Thursday</", html), html
    assert 'href="https://example.org/board"' in html, html
    assert "- rent\n- travel" in plain.replace("\r\n", "\n") and "Vote on Thursday" in plain and "<" not in plain.split("board")[0], plain
    blind = sink.wait_for(lambda m: CAROL in m.rcpts and m.message()["Subject"] == subject)
    for m in (mail, blind):
        assert b"carol" not in m.data.lower(), "no header names the blind copy"
    page.goto(cloister.base_url + "/drafts")
    harness.expect(page.locator("#drafts tr", has_text=subject)).to_have_count(0)


def format_text(page) -> None:
    step("formatting with the toolbar and the keyboard: a list, bold, a link")
    page.click("#editor")
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Points:")
    page.keyboard.press("Enter")
    page.click("#editor-toolbar button[data-command=insertUnorderedList]")
    page.keyboard.type("rent")
    page.keyboard.press("Enter")
    page.keyboard.type("travel")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Vote on Thursday")
    page.keyboard.press("Control+b")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+k")
    page.fill("#editor-link-address", "example.org/board")
    page.keyboard.press("Enter")
    harness.expect(page.locator("#editor a[href='https://example.org/board']")).to_be_visible()
    harness.expect(page.locator("#editor b, #editor strong").first).to_have_text("Vote on Thursday")
    a11y(page, "compose with formatting")


# Classic filter-evasion vectors, posted as the editor's HTML by a hostile author.
HOSTILE_HTML = """<p>Quarterly <b>figures</b> attached.</p>
<script>alert('script')</script>
<img src=x onerror="alert('onerror')">
<svg onload="alert('svg')"></svg>
<a href="javascript:alert('link')">javascript link</a>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<object data="javascript:alert('object')"></object>
<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">
<div style="width: expression(alert('css'))" onclick="alert('click')">styled</div>
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
<form action="/logout" method="post"><button>Sign out trap</button></form>
"""


def hostile_author(page, cloister, sink) -> None:
    step("a hostile author posts script through compose: body, subject, file name, display name")
    compose = page.goto(cloister.base_url + "/compose")
    assert compose is not None and compose.ok
    csrf = page.locator("form#compose input[name=csrf]").input_value()
    response = page.request.post(cloister.base_url + "/compose", max_redirects=0, multipart={
        "csrf": csrf,
        "to": "\"<script>alert('name')</script>\" <pat@partner.test>",
        "subject": "<script>alert('subject')</script> Figures",
        "body": "plain",
        "body_html": HOSTILE_HTML,
        "mode": "all",
        "attachment": {"name": "\"><img src=x onerror=alert('file')>.txt", "mimeType": "text/html", "buffer": b"<script>alert('file body')</script>"},
    })
    assert response.status == 303, response.status
    sent = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}"))
    link = sent.search(r"/m/[0-9A-F]{16}").group(0)

    step("the partner reads it: the formatting shows, nothing runs, nothing escapes")
    reader_context = page.context.browser.new_context(ignore_https_errors=True)
    reader = reader_context.new_page()
    problems: list[str] = []
    reader.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    reader.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    try:
        harness.first_sign_in(reader, cloister.base_url + link, sink, PARTNER, CHOSEN)
        frame = reader.frame_locator("iframe#message-body")
        harness.expect(frame.locator("b", has_text="figures")).to_be_visible()
        for selector in ("script", "iframe", "object", "svg", "form", "img[src]", "[onerror]", "[onclick]", "[style*=expression]", "a[href^='javascript']"):
            assert frame.locator(selector).count() == 0, f"{selector} survived sanitising"
        harness.expect(reader.locator("h1#subject")).to_contain_text("<script>alert('subject')</script> Figures")
        harness.expect(reader.locator("ul.attachments")).to_contain_text("onerror")
        a11y(reader, "hostile message")
        shot(reader, "hostile-read")
        reader.wait_for_timeout(500)
        assert not problems, problems
    finally:
        reader_context.close()


def contract() -> bytes:
    msg = email.message.EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SENDER, PARTNER, "[secure] Contract"
    msg.set_content("Please review clause 4.")
    msg.add_attachment(b"%PDF-1.4 contract", maintype="application", subtype="pdf", filename="contract.pdf")
    return msg.as_bytes(policy=email.policy.SMTP)


def partner_forwards(page, cloister, sink) -> None:
    step("the partner forwards a message with its attachment: refused outside the organisation, sent inside")
    cloister.send_raw(SENDER, [PARTNER], contract())
    context = page.context.browser.new_context(ignore_https_errors=True)
    partner = context.new_page()
    try:
        harness.submit_password(partner, cloister.base_url + "/login", PARTNER, CHOSEN)
        partner.wait_for_selector("form#sign-out button")
        partner.click("a:has-text('Contract')")
        partner.click("button#forward-button")
        partner.wait_for_selector("form#compose")
        harness.expect(partner.locator("h1#compose-title")).to_have_text("Forward")
        harness.expect(partner.locator("li.chip")).to_contain_text("contract.pdf")
        assert "Forwarded message" in partner.inner_text("#editor")
        partner.fill("#to", "outsider@other.test")
        partner.click("button#send")
        harness.expect(partner.locator("#compose-error")).to_contain_text("example.org")
        harness.expect(partner.locator("li.chip")).to_contain_text("contract.pdf")
        a11y(partner, "forward refused")
        shot(partner, "forward-refused")
        partner.fill("#to", BOB)
        partner.click("button#send")
        partner.wait_for_url(lambda url: urlparse(url).path == "/sent")
        mail = sink.wait_for(lambda m: BOB in m.rcpts and "Please review clause 4." in m.text())
        assert [p.get_filename() for p in mail.message().iter_attachments()] == ["contract.pdf"]
        assert not [m for m in list(sink.messages) if "outsider@other.test" in m.rcpts], "nothing left the organisation"
    finally:
        context.close()


def session_runs_out(page, sink) -> None:
    step("sessions that end after 12 s of idle: a partner writes a message")
    short = harness.Cloister(sink.port, extra="[portal]\nsession_idle_minutes = 0.2\n")
    try:
        short.send_mail(SENDER, QUINN, "[secure] Questions", "Any questions?\n")
        page.context.clear_cookies()
        harness.first_sign_in(page, short.base_url + "/login", sink, QUINN, CHOSEN)
        page.goto(short.base_url + "/compose")
        page.fill("#to", SENDER)
        page.fill("#subject", "My questions")
        page.fill("#editor", "First question: when?")
        page.set_input_files("#attachment", files=[{"name": "scan.txt", "mimeType": "text/plain", "buffer": b"scanned page"}])
        harness.expect(page.locator("li.chip:not(.uploading)")).to_have_count(1)

        step("warned before the end, the partner stays signed in once")
        harness.expect(page.locator("#session-warning")).to_be_visible(timeout=15_000)
        harness.expect(page.locator("#session-warning-text")).to_contain_text("Your session ends in 1 min")
        shot(page, "session-warning")
        page.click("#stay-signed-in")
        harness.expect(page.locator("#session-warning")).to_be_hidden()
        page.fill("#editor", "First question: when? Second: where?")

        step("then the session runs out: the page says so; the text is kept")
        harness.expect(page.locator("#session-ended")).to_be_visible(timeout=30_000)
        a11y(page, "session ended")
        shot(page, "session-ended")
        page.click("#sign-in-again")
        harness.expect(page.locator("p.notice")).to_contain_text("kept as a draft")
        page.fill("#address", QUINN)
        page.click("form#login-email button[type=submit]")
        page.fill("#password", CHOSEN)
        page.click("form#login-password button[type=submit]")
        page.wait_for_selector("form#compose")
        assert re.fullmatch(r"/drafts/[0-9a-f]{16}", path_of(page)), page.url
        assert page.inner_text("#editor") == "First question: when? Second: where?", page.inner_text("#editor")
        harness.expect(page.locator("li.chip")).to_contain_text("scan.txt")
    finally:
        short.stop()


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    cloister.cli("user", "add", SENDER)
    harness.sign_in_with_code(page, cloister.base_url, sink, SENDER)
    write_and_resume(page, cloister, sink, {"width": 1280, "height": 800}, "desktop")
    write_and_resume(page, cloister, sink, {"width": 390, "height": 844}, "phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    hostile_author(page, cloister, sink)
    partner_forwards(page, cloister, sink)
    session_runs_out(page, sink)


if __name__ == "__main__":
    sys.exit(harness.run("compose journey", journey, 180))
