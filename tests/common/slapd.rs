//! `OpenLDAP`'s `slapd` (Debian package `slapd`, installed by tests/run.sh) on
//! loopback: a generated config with the mdb backend and the memberOf
//! overlay, LDAPS and `StartTLS` with a certificate from a test CA (a
//! simple bind without TLS is refused: `security simple_bind=128`), loaded
//! with test users and groups by `ldapadd` (so memberOf is filled in).

use std::fmt::Write as _;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const SUFFIX: &str = "dc=example,dc=org";
pub const SERVICE_DN: &str = "cn=svc-cloister,dc=example,dc=org";
pub const SERVICE_PASSWORD: &str = "svc-secret-1";
const ADMIN_DN: &str = "cn=admin,dc=example,dc=org";
const ADMIN_PASSWORD: &str = "admin-secret-1";

pub struct Slapd {
    child: Option<Child>,
    /// `ldap://` (`StartTLS`) and `ldaps://` ports.
    pub port: u16,
    pub tls_port: u16,
    /// PEM of the CA that signed slapd's certificate (`ldap.ca_file`).
    pub ca: PathBuf,
    dir: tempfile::TempDir,
}

/// A person in the directory: uid, mail, password, groups (cn).
pub struct Person<'a> {
    pub uid: &'a str,
    pub mail: &'a str,
    pub password: &'a str,
    pub groups: &'a [&'a str],
}

impl Slapd {
    /// Starts slapd with `people` (each group named is made).
    pub fn start(people: &[Person<'_>]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (ca, cert, key) = super::tls_sink::test_ca_and_cert(&["localhost", "127.0.0.1"]);
        let d = dir.path();
        for (name, pem) in [("ca.pem", &ca), ("server.pem", &cert), ("server.key", &key)] {
            std::fs::write(d.join(name), pem).unwrap();
        }
        std::fs::create_dir(d.join("db")).unwrap();
        std::fs::write(d.join("slapd.conf"), config(d)).unwrap();
        let (port, tls_port) = (super::free_port(), super::free_port());
        let mut slapd = Self {
            child: None,
            port,
            tls_port,
            ca: d.join("ca.pem"),
            dir,
        };
        slapd.run();
        slapd.load(people);
        slapd
    }

    fn run(&mut self) {
        let d = self.dir.path();
        let urls = format!("ldap://127.0.0.1:{}/ ldaps://127.0.0.1:{}/", self.port, self.tls_port);
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(d.join("slapd.log"))
            .unwrap();
        let child = Command::new("slapd")
            .args(["-d", "0", "-f", d.join("slapd.conf").to_str().unwrap(), "-h", &urls])
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("slapd runs (Debian package `slapd`, installed by tests/run.sh)");
        self.child = Some(child);
        let until = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() || TcpStream::connect(("127.0.0.1", self.tls_port)).is_err() {
            assert!(Instant::now() < until, "slapd did not start:\n{}", self.log_text());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn load(&self, people: &[Person<'_>]) {
        let mut ldif = format!(
            "dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n\n\
             dn: ou=people,{SUFFIX}\nobjectClass: organizationalUnit\nou: people\n\n\
             dn: ou=groups,{SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n\n\
             dn: {SERVICE_DN}\nobjectClass: inetOrgPerson\ncn: svc-cloister\nsn: service\nuserPassword: {SERVICE_PASSWORD}\n\n"
        );
        for p in people {
            let _ = write!(
                ldif,
                "dn: uid={uid},ou=people,{SUFFIX}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {uid}\nsn: {uid}\nmail: {mail}\nuserPassword: {pw}\n\n",
                uid = p.uid,
                mail = p.mail,
                pw = p.password
            );
        }
        let mut groups: Vec<&str> = people.iter().flat_map(|p| p.groups.iter().copied()).collect();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            let _ = write!(ldif, "dn: cn={g},ou=groups,{SUFFIX}\nobjectClass: groupOfNames\ncn: {g}\n");
            for p in people.iter().filter(|p| p.groups.contains(&g)) {
                let _ = writeln!(ldif, "member: uid={},ou=people,{SUFFIX}", p.uid);
            }
            ldif.push('\n');
        }
        self.ldap_tool("ldapadd", &ldif);
    }

    /// Runs an ldap-utils tool as the directory's admin with `ldif` on stdin
    /// (over `StartTLS`: the server takes no password in the clear).
    fn ldap_tool(&self, tool: &str, ldif: &str) {
        use std::io::Write as _;
        let url = format!("ldap://127.0.0.1:{}", self.port);
        let mut child = Command::new(tool)
            .args(["-x", "-ZZ", "-H", &url, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD])
            .env("LDAPTLS_CACERT", &self.ca)
            .env("LDAPTLS_REQCERT", "demand")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{tool} runs (Debian package `ldap-utils`): {e}"));
        child.stdin.take().unwrap().write_all(ldif.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Changes entries (an LDIF of changetype: modify records).
    pub fn modify(&self, ldif: &str) {
        self.ldap_tool("ldapmodify", ldif);
    }

    /// The DN of person `uid`.
    pub fn dn(uid: &str) -> String {
        format!("uid={uid},ou=people,{SUFFIX}")
    }

    /// Stops the server (the directory "down"); `resume` starts it again.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn resume(&mut self) {
        self.run();
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("slapd.log")).unwrap_or_default()
    }
}

impl Drop for Slapd {
    fn drop(&mut self) {
        self.stop();
    }
}

fn config(d: &std::path::Path) -> String {
    let d = d.display();
    format!(
        "include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb.la
moduleload memberof.la
pidfile {d}/slapd.pid
argsfile {d}/slapd.args
TLSCACertificateFile {d}/ca.pem
TLSCertificateFile {d}/server.pem
TLSCertificateKeyFile {d}/server.key
security simple_bind=128
access to attrs=userPassword by anonymous auth by self read by * none
access to * by users read by * none
database mdb
maxsize 67108864
suffix \"{SUFFIX}\"
rootdn \"{ADMIN_DN}\"
rootpw {ADMIN_PASSWORD}
directory {d}/db
index objectClass eq
index uid,mail,member eq
overlay memberof
memberof-group-oc groupOfNames
memberof-member-ad member
memberof-memberof-ad memberOf
memberof-refint TRUE
"
    )
}
