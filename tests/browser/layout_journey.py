#!/usr/bin/env python3
"""Every page (tests/browser/routes.py) at 360x740, 390x844, 768x1024 and
1280x800, in light and dark: nothing scrolls sideways and no visible element
reaches past the viewport; each page passes axe once (no serious or critical
violation). Screenshots of each page at 360 px (light and dark) are saved.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import admin_journey  # noqa: E402
import harness  # noqa: E402
from harness import a11y, shot, step  # noqa: E402
from routes import AFTER_A_FORM, ROUTES  # noqa: E402

PARTNER = "pat.with.a.rather.long.address@partner-organisation.test"
SENDER = "Alexandra Long-Surname-Example <alexandra.long-surname@example.org>"
CHOSEN = "Correct-Horse-42-battery"
SIZES = [(360, 740), (390, 844), (768, 1024), (1280, 800)]

WIDEST = """() => {
  const w = window.innerWidth;
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.left < 0) continue;  // hidden, or parked off screen (skip link)
    if (r.right > w + 1) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + ' ' + Math.round(r.right));
  }
  return out.slice(0, 5);
}"""


def every_template_is_reached() -> None:
    pages = (harness.CRATE_ROOT / "src/web/pages.rs").read_text()
    templates = {t for t in re.findall(r'\("([a-z_0-9]+\.html)"', pages) if not t.startswith("_")}
    reached = {t for _, _, t in ROUTES} | set(AFTER_A_FORM)
    missing = sorted(templates - reached)
    assert not missing, f"pages no route in tests/browser/routes.py reaches: {missing}"


def partner_session(browser, cloister, sink):
    context = browser.new_context(ignore_https_errors=True)
    page = context.new_page()
    harness.first_sign_in(page, cloister.base_url + "/login", sink, PARTNER, CHOSEN)
    return context, page


def check_page(page, url: str, label: str, shots: bool) -> None:
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for w, h in SIZES:
            page.set_viewport_size({"width": w, "height": h})
            page.goto(url)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= w, f"{label} at {w}x{h} {scheme}: {scroll} px wide"
            wide = page.evaluate(WIDEST)
            assert not wide, f"{label} at {w}x{h} {scheme}: past the edge: {wide}"
            if shots and w == 360:
                shot(page, f"{label}-{scheme}")


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    step("every page template is reached by a route of routes.py")
    every_template_is_reached()

    step("a held message with long names, a partner and an admin signed in")
    cloister.send_mail(SENDER, PARTNER, "[secure] Board minutes of the quarterly meeting with a long subject", "Minutes.\n")
    notice = sink.wait_for(lambda m: PARTNER in m.rcpts and m.search(r"/m/[0-9A-F]{16}"))
    message_id = notice.search(r"/m/([0-9A-F]{16})").group(1)
    partner_context, partner = partner_session(page.context.browser, cloister, sink)
    password, secret = admin_journey.add_admin(cloister)
    admin_journey.admin_signs_in(page, cloister, password, secret)
    anyone_context = page.context.browser.new_context(ignore_https_errors=True)
    anyone = anyone_context.new_page()
    pages = {"partner": partner, "admin": page, "anyone": anyone}

    for who, path, template in ROUTES:
        url = cloister.base_url + path.format(id=message_id, partner=PARTNER.replace("@", "%40"))
        label = re.sub(r"[^a-z0-9]+", "-", f"{who}{path.split('?')[0]}".lower()).strip("-")
        step(f"{who} {path} ({template})")
        target = pages[who]
        check_page(target, url, label, shots=True)
        target.emulate_media(color_scheme="light")
        target.set_viewport_size({"width": 390, "height": 844})
        target.goto(url)
        a11y(target, f"{who} {path}")
    partner_context.close()
    anyone_context.close()


if __name__ == "__main__":
    sys.exit(harness.run("layout journey", journey, 400))
