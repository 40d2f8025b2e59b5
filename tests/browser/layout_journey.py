#!/usr/bin/env python3
"""Every page (tests/browser/routes.py) at 360x740, 390x844, 768x1024 and
1280x800, in light and dark: nothing scrolls sideways and no visible element
reaches past the viewport; at phone widths every control is a tap target of
at least 44x44 px (links inside running text excepted, as WCAG 2.5.5 does);
each page passes axe once (no serious or critical violation). Screenshots of
each page at 360 px (light and dark) are saved.

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


# Controls a finger must hit: buttons, fields, and links that stand alone
# (menus, tabs, pagers, toolbars, tables). A box or a radio counts with its label.
SMALL_TARGETS = """() => {
  const sel = 'button, select, textarea, input:not([type=hidden]), summary, .button-link, nav a, .tabs a, .pager a, .toolbar a, table a, .title-row a';
  const out = [];
  for (const e of document.querySelectorAll(sel)) {
    let r = e.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || r.left < 0 || e.closest('dialog:not([open])')) continue;
    const label = e.closest('label');
    if ((e.type === 'checkbox' || e.type === 'radio') && label) r = label.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5) {
      const name = (e.getAttribute('aria-label') || e.textContent || e.name || '').trim().slice(0, 24);
      out.push(`${e.tagName.toLowerCase()}${e.type ? '[' + e.type + ']' : ''} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return out.slice(0, 8);
}"""
PHONES = {360, 390}
# Table cells with words in them that a phone would show without their column's name.
UNLABELLED_CELLS = """() => [...document.querySelectorAll('table.list td')]
  .filter(td => !td.dataset.label && td.innerText.trim() && !td.querySelector('button, input'))
  .map(td => td.innerText.trim().slice(0, 30)).slice(0, 5)"""


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
            if w in PHONES and scheme == "light":
                small = page.evaluate(SMALL_TARGETS)
                assert not small, f"{label} at {w}x{h}: tap targets under 44 px: {small}"
                bare = page.evaluate(UNLABELLED_CELLS)
                assert not bare, f"{label}: table cells without their column's name on a phone: {bare}"
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
    step("on a phone the header's menu folds behind a Menu button; on a desktop it is a row")
    for who, target in (("partner", partner), ("admin", page)):
        home = cloister.base_url + ("/admin" if who == "admin" else "/")
        target.set_viewport_size({"width": 390, "height": 844})
        target.goto(home)
        toggle = target.locator(".top .menu-toggle")
        nav = target.locator("#top-nav")
        assert toggle.is_visible() and not nav.is_visible(), f"{who}: folded at 390 px"
        toggle.click()
        assert nav.is_visible() and toggle.get_attribute("aria-expanded") == "true", f"{who}: opens"
        shot(target, f"menu-open-{who}-390")
        toggle.click()
        assert not nav.is_visible() and toggle.get_attribute("aria-expanded") == "false", f"{who}: closes"
        target.set_viewport_size({"width": 1280, "height": 800})
        assert nav.is_visible() and not toggle.is_visible(), f"{who}: a row at 1280 px"
    partner_context.close()
    anyone_context.close()
    step("without script the menu stays open on a phone, as a list of 44 px rows")
    no_script = page.context.browser.new_context(ignore_https_errors=True, java_script_enabled=False, viewport={"width": 390, "height": 844})
    bare = no_script.new_page()
    harness.sign_in_with_code(bare, cloister.base_url, sink, "alexandra.long-surname@example.org")
    assert bare.locator("#top-nav").is_visible() and not bare.locator(".top .menu-toggle").is_visible()
    assert not bare.evaluate(SMALL_TARGETS)
    shot(bare, "menu-no-script-390")
    no_script.close()


if __name__ == "__main__":
    sys.exit(harness.run("layout journey", journey, 400))
