#!/usr/bin/env python3
"""Directory sign-in in headless Chromium: a real OpenLDAP (slapd, started
here on loopback with LDAPS and a test CA made by openssl) and the real
binary. An internal user signs in with the directory password; the password
change and "forgot password" pages say the password is the organisation's;
with the directory stopped, the sign-in page says to use an emailed code.
Screenshots at 1280x800 and 390x844, light and dark; axe on the pages.

Env: CLOISTER_BIN (required), ARTEFACTS (screenshots and the cloister log).
"""

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from harness import look, step  # noqa: E402

USER, PASSWORD = "ann@example.org", "ann-directory-pw"
SUFFIX = "dc=example,dc=org"
ADMIN = (f"cn=admin,{SUFFIX}", "admin-secret-1")
SERVICE = (f"cn=svc-cloister,{SUFFIX}", "svc-secret-1")


def run(*args: str, **kw) -> None:
    subprocess.run(args, check=True, capture_output=True, **kw)


class Slapd:
    """slapd with mdb and memberOf on a free LDAPS port, one user in one group."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="slapd-"))
        d = self.dir
        harness.test_ca(d)
        (d / "db").mkdir()
        schema = "\n".join(f"include /etc/ldap/schema/{s}.schema" for s in ("core", "cosine", "inetorgperson", "nis"))
        (d / "slapd.conf").write_text(f"""{schema}
modulepath /usr/lib/ldap
moduleload back_mdb.la
moduleload memberof.la
pidfile {d}/slapd.pid
TLSCACertificateFile {d}/ca.pem
TLSCertificateFile {d}/server.pem
TLSCertificateKeyFile {d}/server.key
access to attrs=userPassword by anonymous auth by self read by * none
access to * by users read by * none
database mdb
maxsize 67108864
suffix "{SUFFIX}"
rootdn "{ADMIN[0]}"
rootpw {ADMIN[1]}
directory {d}/db
overlay memberof
""")
        self.port, self.tls_port = harness.free_port(), harness.free_port()
        self.start()
        ldif = f"""dn: {SUFFIX}
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=people,{SUFFIX}
objectClass: organizationalUnit
ou: people

dn: {SERVICE[0]}
objectClass: inetOrgPerson
cn: svc-cloister
sn: service
userPassword: {SERVICE[1]}

dn: uid=ann,ou=people,{SUFFIX}
objectClass: inetOrgPerson
uid: ann
cn: Ann Example
sn: Example
mail: {USER}
userPassword: {PASSWORD}

dn: cn=cloister-users,{SUFFIX}
objectClass: groupOfNames
cn: cloister-users
member: uid=ann,ou=people,{SUFFIX}
"""
        run("ldapadd", "-x", "-H", f"ldap://127.0.0.1:{self.port}", "-D", ADMIN[0], "-w", ADMIN[1], input=ldif.encode())
        (d / "bind-password").write_text(SERVICE[1] + "\n")

    def start(self) -> None:
        urls = f"ldap://127.0.0.1:{self.port}/ ldaps://127.0.0.1:{self.tls_port}/"
        self.child = subprocess.Popen(["slapd", "-d", "0", "-f", str(self.dir / "slapd.conf"), "-h", urls],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.tls_port), timeout=1).close()
                return
            except OSError:
                assert time.time() < deadline, "slapd did not start"
                time.sleep(0.05)

    def stop(self) -> None:
        self.child.kill()
        self.child.wait()

    def config(self) -> str:
        d = self.dir
        return f"""
[ldap]
domains = ["example.org"]
url = "ldaps://127.0.0.1:{self.tls_port}"
ca_file = "{d}/ca.pem"
bind_dn = "{SERVICE[0]}"
bind_password_file = "{d}/bind-password"
base_dn = "ou=people,{SUFFIX}"
portal_groups = ["cloister-users"]
"""


SLAPD = Slapd()


def journey(page, cloister: harness.Cloister, sink: harness.SmtpSink) -> None:
    base = cloister.base_url
    step("an internal user signs in with the organisation's password")
    harness.submit_password(page, base + "/login", USER, PASSWORD)
    page.wait_for_selector("form#sign-out button")

    step("the password change page says the password is the organisation's")
    look(page, base + "/password/change", "password-directory", "#password-directory", "password change (directory)")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.click("form#sign-out button")

    step("so does 'forgot password'")
    page.goto(base + "/forgot")
    page.fill("#address", USER)
    page.click("form#forgot button[type=submit]")
    look(page, "", "forgot-directory", "#forgot-directory", "forgot password (directory)")

    step("the directory stopped: the sign-in page says to use an emailed code")
    SLAPD.stop()
    harness.submit_password(page, base + "/login", USER, PASSWORD)
    page.wait_for_selector("text=unavailable just now")
    look(page, "", "directory-unavailable", "form#login-password", "directory unavailable")


if __name__ == "__main__":
    try:
        code = harness.run("directory", journey, extra=SLAPD.config())
    finally:
        if SLAPD.child.poll() is None:
            SLAPD.stop()
    sys.exit(code)
