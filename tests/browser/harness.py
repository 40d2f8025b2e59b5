"""Plumbing for browser journeys: a real SMTP sink, the real Cloister binary,
headless Chromium through Playwright, and numbered screenshots.

Only the standard library and Playwright (as a driver for Debian's
/usr/bin/chromium) are used; tests/browser/install.sh installs both.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import email.message
import email.utils
import os
import re
import signal
import smtplib
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

try:
    from playwright.sync_api import Page, expect, sync_playwright
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # reported by require_tools()
    Page = expect = sync_playwright = PlaywrightTimeout = None
try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:  # reported by require_tools()
    Axe = None

CHROMIUM = "/usr/bin/chromium"
CRATE_ROOT = Path(__file__).resolve().parents[2]
INSTALL_HINT = "run tests/browser/install.sh"


def require_tools() -> None:
    """Exits with a clear message when Chromium or Playwright is missing."""
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(CHROMIUM)
    if sync_playwright is None:
        missing.append("the playwright Python package")
    if Axe is None:
        missing.append("the axe-playwright-python package (axe-core)")
    if missing:
        sys.exit(f"missing {' and '.join(missing)}: {INSTALL_HINT}")


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- SMTP sink -------------------------------------------------------------


class Caught(NamedTuple):
    """One message the sink accepted."""

    mail_from: str
    rcpts: list[str]
    data: bytes

    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)

    def text(self) -> str:
        """The decoded text/plain part with \n line ends ("" if there is none)."""
        part = self.message().get_body(preferencelist=("plain",))
        return part.get_content().replace("\r\n", "\n") if part is not None else ""

    def search(self, pattern: str) -> re.Match | None:
        """`pattern` searched in the text/plain part."""
        return re.search(pattern, self.text())

    def summary(self) -> str:
        return f"{self.mail_from} -> {self.rcpts}: {self.message()['Subject']!r}"


def _address(arg: str) -> str:
    """The address inside `FROM:<a@b> PARAMS` / `TO:<a@b>`."""
    m = re.search(r"<([^>]*)>", arg)
    return m.group(1) if m else arg.split(":", 1)[-1].strip().split(" ")[0]


class _SmtpHandler(socketserver.StreamRequestHandler):
    """One SMTP session: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    server: "_SmtpServer"

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self) -> None:
        mail_from, rcpts = None, []
        self.reply("220 sink.test ESMTP ready")
        while line := self.rfile.readline(65536):
            verb, _, arg = line.decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            verb = verb.upper()
            if verb == "EHLO":
                self.reply("250-sink.test\r\n250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink.test")
            elif verb == "MAIL":
                mail_from, rcpts = _address(arg), []
                self.reply("250 2.1.0 ok")
            elif verb == "RCPT":
                if mail_from is None:
                    self.reply("503 5.5.1 MAIL first")
                    continue
                rcpts.append(_address(arg))
                self.reply("250 2.1.5 ok")
            elif verb == "DATA":
                if mail_from is None or not rcpts:
                    self.reply("503 5.5.1 MAIL and RCPT first")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                data = self.read_data()
                if data is None:
                    return  # connection dropped mid-message: nothing stored
                self.server.sink.store(Caught(mail_from, rcpts, data))
                self.reply("250 2.0.0 queued")
                mail_from, rcpts = None, []
            elif verb == "RSET":
                mail_from, rcpts = None, []
                self.reply("250 2.0.0 ok")
            elif verb == "NOOP":
                self.reply("250 2.0.0 ok")
            elif verb == "QUIT":
                self.reply("221 2.0.0 bye")
                return
            else:
                self.reply("500 5.5.2 unknown command")

    def read_data(self) -> bytes | None:
        """The message up to the lone dot, dot-unstuffed (RFC 5321 4.5.2)."""
        lines = []
        while line := self.rfile.readline(1 << 20):
            if line in (b".\r\n", b".\n"):
                return b"".join(lines)
            lines.append(line[1:] if line.startswith(b".") else line)
        return None


class _SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, sink: "SmtpSink"):
        self.sink = sink
        super().__init__(("127.0.0.1", 0), _SmtpHandler)


class SmtpSink:
    """A real SMTP server on 127.0.0.1 that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[Caught] = []
        self._changed = threading.Condition()
        self._server = _SmtpServer(self)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="smtp-sink", daemon=True)
        self._thread.start()

    def store(self, caught: Caught) -> None:
        with self._changed:
            self.messages.append(caught)
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[Caught], bool], timeout: float = 20) -> Caught:
        """The first caught message matching `predicate`, waiting up to `timeout` s.

        Raises AssertionError (listing what was caught) if none arrives."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = next((m for m in self.messages if predicate(m)), None)
                left = deadline - time.monotonic()
                if found is not None or left <= 0:
                    break
                self._changed.wait(left)
        assert found is not None, f"no matching mail within {timeout}s; caught: " + (
            "; ".join(m.summary() for m in self.messages) or "nothing"
        )
        return found

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


# --- Cloister ---------------------------------------------------------------

CONFIG = """\
data_dir = "{tmp}/data"
hostname = "cloister.test"
internal_domains = ["example.org"]
[smtp]
listen = "127.0.0.1:{smtp_port}"
[web]
listen = "127.0.0.1:{https_port}"
public_url = "https://{host}:{https_port}"
[metrics]
listen = "127.0.0.1:0"
[relay]
host = "127.0.0.1"
port = {sink_port}
starttls = "off"
retry_initial_secs = 1
retry_max_interval_secs = 2
"""

def _child_env() -> dict[str, str]:
    """Our environment minus CLOISTER_*: Cloister reads those as config overrides
    (CLOISTER_BIN itself would be rejected as an unknown key `bin`)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("CLOISTER_")}


# Instances still running, so the watchdog can kill them before a hard exit.
_running: set["Cloister"] = set()


class Cloister:
    """The real binary ($CLOISTER_BIN) serving from a temporary directory.

    stdout and stderr go to `log` (default <tmp>/cloister.log, which is removed
    by stop(); pass a path to keep it)."""

    def __init__(self, sink_port: int, extra: str = "", log: Path | None = None, ready_timeout: float = 15, host: str = "127.0.0.1"):
        binary = os.environ.get("CLOISTER_BIN")
        assert binary, "CLOISTER_BIN must name the cloister binary"
        self._tmp = tempfile.TemporaryDirectory(prefix="cloister-browser-")
        tmp = Path(self._tmp.name)
        self.smtp_port, self.https_port = free_port(), free_port()
        self.base_url = f"https://{host}:{self.https_port}"
        self.config = tmp / "cloister.toml"
        self.config.write_text(
            CONFIG.format(tmp=tmp, smtp_port=self.smtp_port, https_port=self.https_port, sink_port=sink_port, host=host) + extra + "\n"
        )
        self.log = log or tmp / "cloister.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [binary, "serve", "--config", str(self.config)],
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, cwd=tmp, env=_child_env(),
            )
        _running.add(self)
        try:
            self._wait_ready(ready_timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while "cloister ready" not in self.log.read_text(errors="replace"):
            if self.proc.poll() is not None:
                raise RuntimeError(f"cloister exited ({self.proc.returncode}) before ready:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"cloister not ready within {timeout}s:\n{self.log_tail()}")
            time.sleep(0.05)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def cli(self, *args: str) -> str:
        """Runs `cloister ARGS --config <ours>` (it talks to this server's control socket); its stdout."""
        done = subprocess.run(
            [os.environ["CLOISTER_BIN"], *args, "--config", str(self.config)],
            capture_output=True, text=True, env=_child_env(), timeout=30,
        )
        assert done.returncode == 0, f"cloister {' '.join(args)} failed: {done.stderr}"
        return done.stdout

    def send_mail(self, mail_from: str, to: str | list[str], subject: str, body: str) -> None:
        """Submits a plain-text message over SMTP (no TLS; loopback is trusted)."""
        rcpts = [to] if isinstance(to, str) else to
        msg = email.message.EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = mail_from, ", ".join(rcpts), subject
        msg["Date"] = email.utils.formatdate(localtime=True)
        msg["Message-ID"] = email.utils.make_msgid(domain=mail_from.rpartition("@")[2])
        msg.set_content(body)
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=15) as smtp:
            smtp.send_message(msg, mail_from, rcpts)

    def send_raw(self, mail_from: str, rcpts: list[str], data: bytes) -> None:
        """Submits a message exactly as given (MIME built by the caller)."""
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=15) as smtp:
            smtp.sendmail(mail_from, rcpts, data)

    def stop(self) -> None:
        """SIGTERM, then wait (SIGKILL after 15 s). Safe to call twice."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        _running.discard(self)
        self._tmp.cleanup()


# --- Browser ------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Debian's launcher means to add this when /dev/shm is small, but its check breaks
    # when findmnt prints two lines; a small /dev/shm (containers) crashes tabs otherwise.
    "--disable-dev-shm-usage",
]


@contextlib.contextmanager
def browser(errors: list[str], timeout_ms: float = 15_000) -> Iterator["Page"]:
    """A fresh headless Chromium page; console errors and uncaught page errors
    (a Content-Security-Policy violation is a console error) are appended to `errors`."""
    require_tools()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context(ignore_https_errors=True)
            page = context.new_page()
            page.set_default_timeout(timeout_ms)
            page.on("console", lambda m: m.type == "error" and errors.append(f"console error at {page.url}: {m.text} [{m.location.get('url')}]"))
            page.on("pageerror", lambda e: errors.append(f"page error at {page.url}: {e}"))
            yield page
        finally:
            chromium.close()


def artefacts_dir() -> Path:
    """$ARTEFACTS, or target/browser-artefacts/<script name>/ in the crate."""
    default = CRATE_ROOT / "target" / "browser-artefacts" / Path(sys.argv[0]).stem
    return Path(os.environ.get("ARTEFACTS") or default)


_shots = 0


def shot(page: "Page", name: str) -> Path:
    """Saves a full-page screenshot as <artefacts>/<NN>-<name>.png (NN counts up
    from 01; the first one of a run clears the screenshots of the last run)."""
    global _shots
    folder = artefacts_dir()
    if _shots == 0:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("[0-9][0-9]-*.png"):
            old.unlink()
    _shots += 1
    path = folder / f"{_shots:02d}-{name}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception as e:  # noqa: BLE001 - Chromium under load sometimes cannot capture once
        if "Unable to capture screenshot" not in str(e):
            raise
        page.wait_for_timeout(500)
        page.screenshot(path=str(path), full_page=True)
    print(f"    screenshot {path}", flush=True)
    return path


# --- Accessibility ------------------------------------------------------------

# axe-core impact levels that fail a journey; "minor" and "moderate" are printed.
A11Y_FAILING = ("serious", "critical")


def a11y(page: "Page", label: str) -> None:
    """Runs axe-core (WCAG 2 A/AA rules and best practices) on the page; fails on
    any serious or critical violation, naming the rule and the elements."""
    results = Axe().run(page)
    failing, other = [], []
    for v in results.response["violations"]:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        line = f"{v['id']} ({v['impact']}): {v['help']} -- {targets}"
        (failing if v["impact"] in A11Y_FAILING else other).append(line)
    for line in other:
        print(f"    a11y note on {label}: {line}", flush=True)
    assert not failing, f"accessibility violations on {label}:\n  " + "\n  ".join(failing)
    print(f"    a11y {label}: no serious or critical violations", flush=True)


# --- Time limit -------------------------------------------------------------------


def test_ca(d: Path) -> None:
    """A fresh test CA (`d`/ca.pem) and a server certificate for 127.0.0.1
    signed by it (`d`/server.pem, `d`/server.key), made by openssl."""
    def run(*args) -> None:
        subprocess.run(args, check=True, capture_output=True)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    run("openssl", "req", "-x509", *ec, "-keyout", d / "ca.key", "-out", d / "ca.pem", "-days", "2", "-subj", "/CN=test-ca",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign")
    run("openssl", "req", *ec, "-keyout", d / "server.key", "-out", d / "server.csr", "-subj", "/CN=127.0.0.1")
    (d / "ext").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
    run("openssl", "x509", "-req", "-in", d / "server.csr", "-CA", d / "ca.pem", "-CAkey", d / "ca.key", "-CAcreateserial",
        "-out", d / "server.pem", "-days", "2", "-extfile", d / "ext")


def look(page: "Page", url: str, name: str, selector: str, label: str) -> None:
    """`url` (or the page as it is, when empty) at 1280x800 and 390x844, light
    and dark: `selector` shows, nothing scrolls sideways, a screenshot each;
    then axe."""
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for width, height in ((1280, 800), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            if url:
                page.goto(url)
            expect(page.locator(selector)).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
            shot(page, f"{name}-{scheme}-{width}")
    a11y(page, label)


def time_limit(seconds: int) -> None:
    """Fails the whole script after `seconds`: SIGALRM raises TimeoutError in the
    main thread (so `finally` blocks run); if that cleanup itself hangs, a
    watchdog kills running Cloister instances and exits 3, 30 s later."""

    def on_alarm(_signum, _frame):
        raise TimeoutError(f"journey exceeded its {seconds}s time limit")

    def hard_stop():
        print(f"FAIL: still running {seconds + 30}s after start; killing", file=sys.stderr, flush=True)
        for c in list(_running):
            c.proc.kill()
            c.proc.wait(5)
        os._exit(3)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    # A daemon thread: it never delays a normal exit, and fires only if we hang.
    watchdog = threading.Timer(seconds + 30, hard_stop)
    watchdog.daemon = True
    watchdog.start()


# --- Running a journey ----------------------------------------------------------


def sign_in_with_code(page: "Page", base_url: str, sink: "SmtpSink", address: str) -> None:
    """Signs `address` in with the code it is mailed (an internal user, or a
    partner who asks for one instead of a password)."""
    page.goto(base_url + "/login")
    page.fill("#address", address)
    page.click("form#login-email button[type=submit]")
    page.click("form#code-request button")
    page.wait_for_selector("form#login-code")
    mail = sink.wait_for(lambda m: address in m.rcpts and m.search(r"Your code to sign in"))
    page.fill("#code", mail.search(r"\n\s+(\d{6,8})\s*\n").group(1))
    page.click("form#login-code button[type=submit]")
    page.wait_for_selector("form#sign-out button")


def submit_password(page: "Page", start_url: str, address: str, password: str) -> None:
    """From `start_url` (the sign-in page or a deep link): the address step,
    then `password` submitted; the caller waits for what comes next."""
    page.goto(start_url)
    page.fill("#address", address)
    page.click("form#login-email button[type=submit]")
    page.fill("#password", password)
    page.click("form#login-password button[type=submit]")


def first_sign_in(page: "Page", start_url: str, sink: "SmtpSink", address: str, new_password: str) -> None:
    """A partner's first sign-in from `start_url` (the sign-in page or a deep
    link) with the first-contact password, choosing `new_password` at the
    forced change."""
    first = sink.wait_for(lambda m: address in m.rcpts and m.search(r"Password:\s+(\S+)"))
    submit_password(page, start_url, address, first.search(r"Password:\s+(\S+)").group(1))
    page.fill("#new_password", new_password)
    page.fill("#confirm_password", new_password)
    page.click("form#password-change button[type=submit]")
    page.wait_for_selector("form#sign-out button")


# Console errors a journey caused on purpose (see allow_error).
_allowed_errors: list[str] = []


def allow_error(text: str) -> None:
    """A console error containing `text` is expected (a refusal's status, say): it does not fail the journey."""
    _allowed_errors.append(text)


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def run(name: str, journey: Callable[["Page", "Cloister", "SmtpSink"], None], time_limit_secs: int = 120, extra: str = "", host: str = "127.0.0.1") -> int:
    """Starts a sink, Cloister and Chromium, runs `journey`, and fails on any
    console or page error too. Returns the exit code; prints PASS or FAIL."""
    require_tools()
    time_limit(time_limit_secs)
    artefacts = artefacts_dir()
    errors: list[str] = []
    sink = SmtpSink()
    cloister = None
    try:
        step("start the SMTP sink and Cloister")
        cloister = Cloister(sink.port, extra=extra, log=artefacts / "cloister.log", host=host)
        with browser(errors) as page:
            try:
                journey(page, cloister, sink)
            except BaseException:
                with contextlib.suppress(Exception):  # never hide the real failure
                    shot(page, "failure")  # what the browser showed when it went wrong
                raise
        step("no console or page errors")
        errors[:] = [e for e in errors if not any(allowed in e for allowed in _allowed_errors)]
        assert not errors, f"the browser reported {len(errors)} console/page error(s), see 'browser errors'"
    except Exception as e:  # noqa: BLE001 - every failure ends the journey the same way
        import traceback

        traceback.print_exc()
        if errors:
            print("browser errors:\n  " + "\n  ".join(errors), file=sys.stderr)
        if cloister is not None:
            print(f"cloister log tail:\n{cloister.log_tail()}", file=sys.stderr)
        print(f"FAIL: {e.__class__.__name__}: {e}\n(artefacts in {artefacts})", file=sys.stderr, flush=True)
        return 1
    finally:
        if cloister is not None:
            cloister.stop()
        sink.stop()
    print(f"PASS: {name}", flush=True)
    return 0
