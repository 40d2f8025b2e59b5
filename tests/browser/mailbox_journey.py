#!/usr/bin/env python3
"""Mailbox journey in headless Chromium, against the real binary.

An internal sender mails a partner an HTML message full of script tricks, an
inline logo and a PDF. The partner signs in with an emailed sign-in code, sees
the message unread in the Inbox, opens it: the HTML shows in the sandboxed
frame and no script runs (no dialog, no console error), the PDF downloads
byte for byte, the message is read now; deletes it (with the confirmation),
finds it in Deleted, restores it; and turns on two-step sign-in by scanning
(reading) the key and typing a code.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import base64
import email.message
import email.policy
import hashlib
import hmac
import re
import struct
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import shot, step  # noqa: E402

SENDER = "alice@example.org"
PARTNER = "pat@partner.test"
SUBJECT = "Quarterly figures"
PDF = b"%PDF-1.4\n% journey test\n%%EOF\n"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
# A sample of classic filter-evasion vectors; none may run.
HOSTILE_HTML = """<p>Quarterly <b>figures</b> attached.</p>
<img src="cid:logo@journey" alt="Company logo">
<script>alert('script')</script>
<img src=x onerror="alert('onerror')">
<svg onload="alert('svg')"></svg>
<a href="javascript:alert('link')">javascript link</a>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<object data="javascript:alert('object')"></object>
<embed src="javascript:alert('embed')">
<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">
<body onload="alert('body')"><div style="width: expression(alert('css'))">styled</div>
<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
<form action="/logout" method="post"><button>Sign out trap</button></form>
"""


def hostile_message() -> bytes:
    msg = email.message.EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SENDER, PARTNER, f"[secure] {SUBJECT}"
    msg.set_content("Quarterly figures attached (plain version).")
    msg.add_alternative(HOSTILE_HTML, subtype="html")
    msg.get_payload()[1].add_related(PNG, maintype="image", subtype="png", cid="<logo@journey>")
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="figures Q3.pdf")
    return msg.as_bytes(policy=email.policy.SMTP)


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    o = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[o:o + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def path_of(page) -> str:
    return urlparse(page.url).path


def code_sign_in(page, cloister, sink) -> None:
    page.goto(cloister.base_url + "/login")
    page.fill("#address", PARTNER)
    page.click("form#login-email button[type=submit]")
    page.click("form#code-request button")
    page.wait_for_selector("form#login-code")
    shot(page, "code-requested")
    mail = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"Your code to sign in"))
    code = mail.search(r"\n\s+(\d{6,8})\s*\n").group(1)
    page.fill("#code", code)
    page.click("form#login-code button[type=submit]")
    page.wait_for_selector("form#sign-out button")


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    step("an HTML message with script tricks, an inline logo and a PDF")
    cloister.send_raw(SENDER, [PARTNER], hostile_message())
    sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}"))

    step("sign in with an emailed code")
    code_sign_in(page, cloister, sink)
    assert path_of(page) == "/", f"a plain sign-in opens the Inbox, not {page.url}"
    row = page.locator("tr", has_text=SUBJECT)
    harness.expect(row).to_have_class(re.compile(r"\bunread\b"))
    shot(page, "inbox-unread")

    step("open it: the HTML shows in the sandboxed frame, no script runs")
    page.click(f"a:has-text('{SUBJECT}')")
    page.wait_for_selector("iframe#message-body")
    frame = page.frame_locator("iframe#message-body")
    harness.expect(frame.locator("b", has_text="figures")).to_be_visible()
    logo = frame.locator("img[alt='Company logo']")
    harness.expect(logo).to_be_visible()
    assert logo.evaluate("img => img.naturalWidth") == 1, "the inline logo is shown from the message"
    assert frame.locator("form, script, iframe, object, embed, svg").count() == 0, "hostile elements reached the frame"
    page.wait_for_timeout(500)  # give any surviving handler a chance to fire
    assert not dialogs, f"script ran in the message: {dialogs}"
    shot(page, "message-open")

    step("download the PDF: the same bytes")
    with page.expect_download() as download:
        page.click("ul.attachments a:has-text('figures Q3.pdf')")
    got = Path(download.value.path()).read_bytes()
    assert got == PDF, f"downloaded {len(got)} bytes that differ from the attachment"
    assert download.value.suggested_filename == "figures Q3.pdf", download.value.suggested_filename

    step("the print view opens in a new tab, with a Print button")
    with page.context.expect_page() as opened:
        page.click("a#print-link")
    printed = opened.value
    printed.wait_for_load_state()
    harness.expect(printed.frame_locator("iframe#message-body").locator("b", has_text="figures")).to_be_visible()
    harness.expect(printed.locator("#print-now")).to_be_visible()
    shot(printed, "print-view")
    printed.close()

    step("back in the Inbox it is read now")
    page.click("a:has-text('← Inbox')")
    harness.expect(page.locator("tr", has_text=SUBJECT)).not_to_have_class(re.compile(r"\bunread\b"))

    step("delete it (confirmed), find it in Deleted, restore it")
    page.locator("tr", has_text=SUBJECT).locator("input[type=checkbox]").check()
    page.click("form#mailbox-form button[value=delete]")
    page.wait_for_selector("form#confirm-form")
    shot(page, "confirm-delete")
    page.click("form#confirm-form button[type=submit]")
    page.wait_for_selector("#empty")
    page.click("a#folder-deleted")
    harness.expect(page.locator("tr", has_text=SUBJECT)).to_be_visible()
    shot(page, "deleted-folder")
    page.locator("tr", has_text=SUBJECT).locator("input[type=checkbox]").check()
    page.click("form#mailbox-form button[value=restore]")
    page.click("a#folder-inbox")
    harness.expect(page.locator("tr", has_text=SUBJECT)).to_be_visible()

    step("a message nested too deeply shows a notice and its plain text, not a frame")
    deep = "<div>\r\n" * 2000 + "deep"
    nested = (
        f"From: {SENDER}\r\nTo: {PARTNER}\r\nSubject: [secure] Nested layout\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
        "The plain version.\r\n--b\r\nContent-Type: text/html\r\n\r\n" + deep + "\r\n--b--\r\n"
    )
    cloister.send_raw(SENDER, [PARTNER], nested.encode())
    page.goto(cloister.base_url + "/")
    page.click("a:has-text('Nested layout')")
    harness.expect(page.locator("#too-complex")).to_contain_text("too intricately")
    harness.expect(page.locator("pre.body")).to_contain_text("The plain version.")
    assert page.locator("iframe#message-body").count() == 0, "no frame for a body that was not rendered"
    shot(page, "too-complex")

    step("turn on two-step sign-in")
    page.goto(cloister.base_url + "/account/2fa")
    page.click("form#totp-begin button")
    page.wait_for_selector("#totp-qr svg")
    secret = page.inner_text("#totp-secret").strip()
    shot(page, "totp-qr")
    page.fill("form#totp-confirm #code", totp(secret, time.time()))
    page.click("form#totp-confirm button[type=submit]")
    page.wait_for_selector("#recovery-codes")
    assert page.locator("#recovery-codes li").count() == 10, "ten recovery codes"
    shot(page, "recovery-codes")
    page.click("a#recovery-done")
    page.goto(cloister.base_url + "/account/2fa")
    harness.expect(page.locator("#totp-status")).to_contain_text("on")
    assert not dialogs, f"dialogs appeared: {dialogs}"


if __name__ == "__main__":
    sys.exit(harness.run("mailbox journey", journey, 120))
