#!/usr/bin/env python3
"""Every page (tests/browser/routes.py) in every shipped language other than
English, as the browser asks for it (Accept-Language): the page says its
language (`<html lang>`), shows no English of its own, nothing scrolls
sideways and no element reaches past the viewport at 360 px (German, the
longest, at 1280 px and in dark too), tap targets stay 44 px; screenshots at
360 px. Then a partner chooses Dutch in the preferences and every page
follows it over the browser's German.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import admin_journey  # noqa: E402
import harness  # noqa: E402
import layout_journey  # noqa: E402
from harness import shot, step  # noqa: E402
from routes import ROUTES  # noqa: E402

LANGUAGES = ["de", "fr", "es", "nl"]
# Words of ours that would show English leaking into another language's page.
ENGLISH = ["Sign in", "Sign out", "Preferences", "Inbox", "Search", "Password", "Secure messages", "Not found"]

CHECK = """() => {
  return {
    lang: document.documentElement.lang,
    scroll: document.documentElement.scrollWidth,
    text: document.body.innerText,
  };
}"""


def check(page, url: str, label: str, lang: str, sizes, schemes, problems: list[str]) -> None:
    """Looks at one page; what is wrong goes into `problems` (every page is
    seen before the journey fails, so one run shows every overflow)."""
    for scheme in schemes:
        page.emulate_media(color_scheme=scheme)
        for w, h in sizes:
            page.set_viewport_size({"width": w, "height": h})
            page.goto(url)
            seen = page.evaluate(CHECK)
            if seen["lang"] != lang:
                problems.append(f"{label}: <html lang={seen['lang']!r}>, not {lang}")
            wide = page.evaluate(layout_journey.WIDEST)
            if seen["scroll"] > w or wide:
                problems.append(f"{label} at {w}x{h} {scheme}: {seen['scroll']} px wide: {wide}")
            english = [e for e in ENGLISH if re.search(rf"\b{re.escape(e)}\b", seen["text"])]
            if english:
                problems.append(f"{label}: English words on a {lang} page: {english}")
            if w in layout_journey.PHONES and scheme == "light":
                small = page.evaluate(layout_journey.SMALL_TARGETS)
                if small:
                    problems.append(f"{label} at {w}x{h}: tap targets under 44 px: {small}")
            if w in (360, 1280) and scheme == "light":
                shot(page, label if w == 360 else f"{label}-1280")


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step("a held message, a partner, an admin and a signed-out visitor")
    cloister.send_mail(layout_journey.SENDER, layout_journey.PARTNER, "[secure] Board minutes", "Minutes.\n")
    notice = sink.wait_for(lambda m: layout_journey.PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}"))
    message_id = notice.search(r"/m/([0-9A-F]{16})").group(1)
    browser = page.context.browser
    partner_context, partner = layout_journey.partner_session(browser, cloister, sink)
    password, secret = admin_journey.add_admin(cloister)
    admin_journey.admin_signs_in(page, cloister, password, secret)
    anyone_context = browser.new_context(ignore_https_errors=True)
    anyone = anyone_context.new_page()
    pages = {"partner": partner, "admin": page, "anyone": anyone}
    contexts = [partner_context, page.context, anyone_context]

    problems: list[str] = []
    for lang in LANGUAGES:
        for context in contexts:
            context.set_extra_http_headers({"Accept-Language": f"{lang};q=0.9,en;q=0.5"})
        german = lang == "de"
        for who, path, template in ROUTES:
            url = cloister.base_url + path.format(id=message_id, partner=layout_journey.PARTNER.replace("@", "%40"))
            label = re.sub(r"[^a-z0-9]+", "-", f"{lang}-{who}{path.split('?')[0]}".lower()).strip("-")
            step(f"{lang}: {who} {path} ({template})")
            sizes = [(360, 740), (1280, 800)] if german else [(360, 740)]
            check(pages[who], url, label, lang, sizes, ("light", "dark") if german else ("light",), problems)
    assert not problems, f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)

    step("the partner chooses Dutch: it wins over the browser's German")
    for context in contexts:
        context.set_extra_http_headers({"Accept-Language": "de"})
    partner.set_viewport_size({"width": 390, "height": 844})
    partner.goto(cloister.base_url + "/account/preferences")
    partner.select_option("select#language", "nl")
    partner.click("form#preferences button[type=submit]")
    partner.wait_for_load_state()
    for path in ("/", "/account/preferences", f"/m/{message_id}"):
        partner.goto(cloister.base_url + path)
        assert partner.evaluate("document.documentElement.lang") == "nl", path
    shot(partner, "nl-chosen-inbox")
    partner_context.close()
    anyone_context.close()


if __name__ == "__main__":
    sys.exit(harness.run("languages journey", journey, 600))
