#!/usr/bin/env python3
"""Admin console journey in headless Chromium, against the real binary.

A partner receives a secure message and reads it. The first admin, made with
`cloister admin add`, signs in with password and TOTP code, finds the partner
through the domain list, sets a password typed twice (live checklist, "force
change" unticked), then forces a change and denies sending; the partner's next
sign-in with the admin's password shows the forced change. The monitor shows the whole
story of the message and the report chart renders (screenshots saved). Every
admin page passes axe-core with no serious violations; no console error.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import base64
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
from harness import a11y, shot, step  # noqa: E402

SENDER = "alice@example.org"
PARTNER = "pat@partner.test"
SUBJECT = "[secure] Board minutes"
CHOSEN_PASSWORD = "Correct-Horse-42-battery"
ADMIN_SET_PASSWORD = "Admin-Chose-This-7"


def totp(secret: str, offset: int = 0) -> str:
    """RFC 6238 (SHA-1, 6 digits, 30 s), written here independently of Cloister."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step_no = int(time.time()) // 30 + offset
    mac = hmac.new(key, struct.pack(">Q", step_no), hashlib.sha1).digest()
    o = mac[19] & 0x0F
    return f"{(struct.unpack('>I', mac[o:o + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def add_admin(cloister: harness.Cloister) -> tuple[str, str]:
    out = cloister.cli("admin", "add", "root")
    password = re.search(r"password:\s+(\S+)", out).group(1)
    secret = re.search(r"TOTP secret:\s+(\S+)", out).group(1)
    return password, secret


def partner_reads(page, cloister, sink) -> str:
    base = re.escape(cloister.base_url)
    notice = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(rf"{base}/m/[0-9A-F]{{16}}"))
    deep_link = notice.search(rf"{base}/m/[0-9A-F]{{16}}").group(0)
    harness.first_sign_in(page, deep_link, sink, PARTNER, CHOSEN_PASSWORD)
    page.wait_for_selector("article[aria-labelledby=subject]")
    page.click("form#sign-out button")
    page.wait_for_selector("form#login-email")
    return deep_link.rsplit("/", 1)[1]


def admin_signs_in(page, cloister, password: str, secret: str) -> None:
    page.goto(cloister.base_url + "/admin")
    page.wait_for_selector("form#admin-login")
    a11y(page, "admin sign-in")
    shot(page, "admin-login")
    page.fill("#name", "root")
    page.fill("#password", password)
    page.fill("#code", totp(secret))
    page.click("form#admin-login button[type=submit]")
    page.wait_for_selector("table#traffic")
    assert urlparse(page.url).path == "/admin", page.url


def dashboard(page) -> None:
    """The console's home counts the one message, read; its link leads to the report."""
    harness.expect(page.locator("#today-out")).to_have_text("1")
    harness.expect(page.locator("#status-read strong")).to_have_text("1")
    a11y(page, "dashboard")
    shot(page, "dashboard")
    page.click("#today-out")
    harness.expect(page.locator("#report-total")).to_contain_text("1 secure message ")
    page.click("header nav a:has-text('Directory')")
    page.wait_for_selector("table#domains")


def force_change_and_deny_sending(page) -> None:
    a11y(page, "directory")
    page.click("table#domains a:has-text('partner.test')")
    page.fill("#q", "pat")
    page.click("form.search button[type=submit]")
    page.click(f"table#users a:has-text('{PARTNER}')")
    page.wait_for_selector("#user-state")
    a11y(page, "user")
    set_chosen_password(page)
    page.click("#act-force-change")
    # Every action that takes something away asks first.
    page.wait_for_selector("form#confirm-form")
    a11y(page, "confirmation")
    shot(page, "confirm-force-change")
    page.click("#confirm")
    harness.expect(page.locator("p.notice")).to_contain_text("must choose a new password")
    page.click("#act-deny-sending")
    page.click("#confirm")
    harness.expect(page.locator("#state-sending")).to_have_text("denied")
    harness.expect(page.locator("#state-password")).to_contain_text("must change at next sign-in")
    shot(page, "user-after-actions")


def set_chosen_password(page) -> None:
    """Password + Confirm with the live checklist; "force change" unticked."""
    rule = page.locator("#password-rules li[data-rule=length]")
    page.fill("#new_password", "short")
    harness.expect(rule).to_have_class(re.compile(r"\bbad\b"))
    page.fill("#new_password", ADMIN_SET_PASSWORD)
    harness.expect(rule).to_have_class(re.compile(r"\bok\b"))
    page.fill("#confirm_password", ADMIN_SET_PASSWORD + "x")
    page.click("#act-set-password")
    harness.expect(page.locator("#password-error")).to_contain_text("not the same")
    page.fill("#new_password", ADMIN_SET_PASSWORD)
    page.fill("#confirm_password", ADMIN_SET_PASSWORD)
    page.uncheck("#must-change")
    shot(page, "user-chosen-password")
    page.click("#act-set-password")
    harness.expect(page.locator("p.notice")).to_contain_text("may keep it")
    harness.expect(page.locator("#state-password")).to_have_text("set")


def add_user(page, sink) -> None:
    """"Add user" from the directory; the first-contact mail goes out."""
    page.click("header nav a:has-text('Directory')")
    page.click("#new-user")
    page.fill("#address", "newcomer@partner.test")
    page.check("#mail-password")
    a11y(page, "add user")
    shot(page, "add-user")
    page.click("#add-user")
    harness.expect(page.locator("p.notice")).to_contain_text("first-contact mail")
    harness.expect(page.locator("#user-title")).to_have_text("newcomer@partner.test")
    sink.wait_for(lambda m: "newcomer@partner.test" in m.rcpts and m.search(r"Password:\s+(\S+)"))


def monitor_story(page, message_id: str) -> None:
    page.click("header nav a:has-text('Monitor')")
    page.wait_for_selector("table#monitor")
    a11y(page, "monitor")
    harness.expect(page.locator("#tab-read .count")).to_have_text("1")
    shot(page, "monitor")
    # Several statuses at once: tick, Apply; the link keeps the choice.
    page.check("#status-read")
    page.check("#status-recalled")
    page.click("#apply")
    page.wait_for_selector("table#monitor")
    assert "status=Read" in page.url and "status=Recalled" in page.url, page.url
    harness.expect(page.locator("#status-read")).to_be_checked()
    harness.expect(page.locator("#status-sent")).not_to_be_checked()
    harness.expect(page.locator("table#monitor tbody tr")).to_have_count(1)
    shot(page, "monitor-statuses")
    story_dialog(page, message_id)


def story_dialog(page, message_id: str) -> None:
    """The story opens over the list and closes by X, Escape or a click
    outside; without script the same link is a page."""
    link = f"table#monitor a[href='/admin/message?id={message_id}']"
    dialog = page.locator("dialog#story-dialog")
    monitor_url = page.url
    page.click(link)
    harness.expect(dialog).to_be_visible()
    events = dialog.locator("ol#events")
    for needle in ("held in isolation vault for " + PARTNER, "notification sent to " + PARTNER, "read by " + PARTNER):
        harness.expect(events).to_contain_text(needle)
    assert page.url == monitor_url, "the list stays underneath"
    a11y(page, "message story")
    shot(page, "message-story")
    page.keyboard.press("Escape")
    harness.expect(dialog).to_be_hidden()
    page.click(link)
    harness.expect(dialog).to_be_visible()
    page.mouse.click(3, 3)  # the backdrop, outside the dialog
    harness.expect(dialog).to_be_hidden()
    page.click(link)
    page.click("#story-close")
    harness.expect(dialog).to_be_hidden()
    no_script = page.context.browser.new_context(java_script_enabled=False, ignore_https_errors=True)
    no_script.add_cookies(page.context.cookies())
    plain = no_script.new_page()
    plain.goto(monitor_url)
    plain.click(link)
    plain.wait_for_selector("ol#events")
    assert urlparse(plain.url).path == "/admin/message", plain.url
    harness.expect(plain.locator("ol#events")).to_contain_text("read by " + PARTNER)
    no_script.close()


def report_chart(page) -> None:
    page.click("header nav a:has-text('Report')")
    chart = page.locator("svg#report-chart")
    harness.expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100, f"chart too small: {box}"
    assert page.locator("svg#report-chart rect").count() >= 3, "legend and at least one bar"
    harness.expect(page.locator("#report-total")).to_contain_text("1 secure message ")
    a11y(page, "report")
    shot(page, "report-chart")


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step("a secure message reaches a partner, who reads it and signs out")
    cloister.send_mail(SENDER, PARTNER, SUBJECT, "Minutes attached in the text.\n")
    message_id = partner_reads(page, cloister, sink)

    step("the first admin is made with the CLI and signs in with a TOTP code")
    password, secret = add_admin(cloister)
    admin_signs_in(page, cloister, password, secret)

    step("the dashboard counts what happened; its figures link to their pages")
    dashboard(page)

    step("find the partner by domain; set a chosen password; force a change; deny sending")
    force_change_and_deny_sending(page)

    step("add a user who gets the first-contact mail")
    add_user(page, sink)

    step("the monitor shows the message's whole story")
    monitor_story(page, message_id)

    step("the report chart renders")
    report_chart(page)

    step("admin signs out; the partner's next sign-in shows the forced change")
    page.click("form#sign-out button")
    page.wait_for_selector("form#admin-login")
    harness.submit_password(page, cloister.base_url + "/login", PARTNER, ADMIN_SET_PASSWORD)
    page.wait_for_selector("form#password-change")
    assert urlparse(page.url).path == "/password/change", page.url
    shot(page, "forced-change")


if __name__ == "__main__":
    sys.exit(harness.run("admin journey", journey, 150))
