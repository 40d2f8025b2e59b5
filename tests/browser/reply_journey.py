#!/usr/bin/env python3
"""Reply journey in headless Chromium, against the real binary.

An internal sender mails a partner an HTML message with an attachment. The
partner follows the caught notification link, signs in with the first-contact
password, chooses a password, lands on the message, reads it, downloads the
attachment, replies with a file of their own (upload progress shown), and the
internal sender receives the reply at the sink. A file over the attachment
limit is refused by the page before anything is sent. Preferences change how
dates show. In lite mode an external user finds no way to compose. axe-core
checks every page on the way for serious or critical accessibility problems.

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
PARTNER = "pat@partner.test"
SUBJECT = "Contract for signature"
CONTRACT = b"%PDF-1.4\n% contract\n%%EOF\n"
SIGNED = b"%PDF-1.4\n% signed by Pat\n" + b"x" * 150_000 + b"\n%%EOF\n"
LIMIT = 400_000  # messages.attachment_limit for this journey, in bytes
CHOSEN_PASSWORD = "Journey-Reply-2026"
EXTRA = f"[messages]\nattachment_limit = {LIMIT}\n"


def contract_message() -> bytes:
    msg = email.message.EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = SENDER, PARTNER, f"[secure] {SUBJECT}"
    msg["Message-ID"] = "<contract-1@example.org>"
    msg.set_content("Please sign the attached contract.")
    msg.add_alternative("<p>Please <b>sign</b> the attached contract.</p>", subtype="html")
    msg.add_attachment(CONTRACT, maintype="application", subtype="pdf", filename="contract.pdf")
    return msg.as_bytes(policy=email.policy.SMTP)


def path_of(page) -> str:
    return urlparse(page.url).path


def first_sign_in(page, cloister, sink) -> None:
    base = re.escape(cloister.base_url)
    notice = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(rf"{base}/m/[0-9A-F]{{16}}"))
    deep_link = notice.search(rf"{base}/m/[0-9A-F]{{16}}").group(0)
    first = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"Password:\s+(\S+)"))
    one_time = first.search(r"Password:\s+(\S+)").group(1)
    page.goto(deep_link)
    page.wait_for_selector("form#login-email")
    a11y(page, "sign-in, step 1")
    page.fill("#address", PARTNER)
    page.click("form#login-email button[type=submit]")
    page.wait_for_selector("form#login-password")
    a11y(page, "sign-in, step 2")
    page.fill("#password", one_time)
    page.click("form#login-password button[type=submit]")
    page.wait_for_selector("form#password-change")
    a11y(page, "forced password change")
    page.fill("#new_password", CHOSEN_PASSWORD)
    page.fill("#confirm_password", CHOSEN_PASSWORD)
    page.click("form#password-change button[type=submit]")
    page.wait_for_selector("article[aria-labelledby=subject]")
    assert re.fullmatch(r"/m/[0-9A-F]{16}", path_of(page)), f"the deep link leads to the message, not {page.url}"


def reply_with_file(page, sink, tmp: Path) -> None:
    step("reply: the original party only, the original quoted, a file attached")
    page.click("a#reply-link")
    page.wait_for_selector("form#compose")
    harness.expect(page.locator("#reply-to")).to_have_text(SENDER)
    assert "wrote:" in page.input_value("#body"), "the original is quoted"
    a11y(page, "reply form")
    page.click("#editor")
    page.keyboard.press("Control+Home")
    page.keyboard.type("Signed and attached.")
    page.keyboard.press("Enter")
    signed = tmp / "signed contract.pdf"
    signed.write_bytes(SIGNED)
    page.set_input_files("#attachment", str(signed))
    shot(page, "reply-form")
    page.click("button#send")
    page.wait_for_url(lambda url: urlparse(url).path == "/sent")
    harness.expect(page.locator("p.notice")).to_have_text("Message sent.")
    harness.expect(page.locator("tr", has_text=f"Re: [secure] {SUBJECT}").or_(page.locator("tr", has_text=f"Re: {SUBJECT}"))).to_be_visible()
    a11y(page, "Sent folder")
    shot(page, "sent")
    reply = sink.wait_for(lambda m: SENDER in m.rcpts and "Signed and attached." in m.text())
    parts = [p for p in reply.message().iter_attachments()]
    assert [p.get_filename() for p in parts] == ["signed contract.pdf"], [p.get_filename() for p in parts]
    assert parts[0].get_content() == SIGNED, "the attachment arrives byte for byte"
    assert reply.message()["In-Reply-To"] == "<contract-1@example.org>", reply.message()["In-Reply-To"]


def refuse_too_large(page, sink, tmp: Path) -> None:
    step("a file over the limit is refused by the page; nothing is sent")
    page.goto(page.url.split("/sent")[0] + "/compose")
    page.wait_for_selector("form#compose")
    a11y(page, "compose form")
    page.fill("#to", SENDER)
    page.fill("#subject", "Too big")
    page.fill("#editor", "This should not leave.")
    big = tmp / "scan.tiff"
    big.write_bytes(b"\0" * (LIMIT + 1))
    page.set_input_files("#attachment", str(big))
    harness.expect(page.locator("#size-error")).to_be_visible()
    harness.expect(page.locator("#size-error")).to_contain_text("come to 401 kB; the total allowed per message is 400 kB")
    page.wait_for_timeout(500)
    assert page.locator("li.chip").count() == 0, "the file is not attached"
    shot(page, "too-large")
    assert not [m for m in list(sink.messages) if "This should not leave." in m.text()], "nothing was sent"


def preferences(page) -> None:
    step("preferences: dates in the user's format and zone")
    page.click("a[href='/account/preferences']")
    page.wait_for_selector("form#preferences")
    a11y(page, "preferences")
    # Never saved yet: a browser in Berlin finds its own zone chosen.
    berlin = page.context.browser.new_context(ignore_https_errors=True, timezone_id="Europe/Berlin")
    berlin.add_cookies(page.context.cookies())
    other = berlin.new_page()
    other.goto(page.url)
    harness.expect(other.locator("#time_zone")).to_have_value("Europe/Berlin")
    harness.expect(other.locator("#zone-suggested")).to_be_visible()
    berlin.close()
    page.select_option("#date_format", "text")
    page.check("input[name=clock_hours][value='12']")
    page.select_option("#time_zone", "Asia/Tokyo")
    page.click("form#preferences button[type=submit]")
    harness.expect(page.locator("p.notice")).to_have_text("Preferences saved.")
    harness.expect(page.locator("#now-example")).to_contain_text(re.compile(r"\d{1,2} \w{3} \d{4} \d{1,2}:\d{2} [AP]M JST"))
    page.click("a.brand")
    harness.expect(page.locator("tr", has_text=SUBJECT).locator("td").nth(3)).to_contain_text("JST")
    a11y(page, "Inbox")
    page.fill("#q", "contract")
    page.click("form#search-form button[type=submit]")
    page.wait_for_selector("#results")
    a11y(page, "search results")


def lite_mode(page, sink) -> None:
    step("lite mode: an external user finds no compose")
    lite = harness.Cloister(sink.port, extra="[portal]\nlite_mode = true\n")
    try:
        lite.send_mail(SENDER, "quinn@partner.test", "[secure] Lite", "Hello Quinn.\n")
        base = re.escape(lite.base_url)
        notice = sink.wait_for(lambda m: "quinn@partner.test" in m.rcpts and m.search(rf"{base}/m/[0-9A-F]{{16}}"))
        link = notice.search(rf"{base}/m/[0-9A-F]{{16}}").group(0)
        page.context.clear_cookies()
        harness.sign_in_with_code(page, lite.base_url, sink, "quinn@partner.test")
        assert page.locator("a#compose-link").count() == 0, "no New message in lite mode"
        page.goto(link)
        harness.expect(page.locator("a#reply-link")).to_be_visible()
        shot(page, "lite-no-compose")
        # With the browser's cookies, but not as a page load (a 404 page logs a console error).
        response = page.context.request.get(lite.base_url + "/compose", max_redirects=0)
        assert response.status == 404, f"/compose answers {response.status} in lite mode"
    finally:
        lite.stop()


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tmp = Path(harness.artefacts_dir()) / "files"
    tmp.mkdir(parents=True, exist_ok=True)

    step("an HTML message with a contract arrives over SMTP")
    cloister.send_raw(SENDER, [PARTNER], contract_message())

    step("follow the notification link, sign in, choose a password")
    first_sign_in(page, cloister, sink)
    harness.expect(page.frame_locator("iframe#message-body").locator("b", has_text="sign")).to_be_visible()
    a11y(page, "message")
    shot(page, "message")

    step("download the contract")
    with page.expect_download() as download:
        page.click("ul.attachments a:has-text('contract.pdf')")
    assert Path(download.value.path()).read_bytes() == CONTRACT

    reply_with_file(page, sink, tmp)
    refuse_too_large(page, sink, tmp)
    preferences(page)
    lite_mode(page, sink)
    assert not dialogs, f"dialogs appeared: {dialogs}"


if __name__ == "__main__":
    sys.exit(harness.run("reply journey", journey, 150, extra=EXTRA))
