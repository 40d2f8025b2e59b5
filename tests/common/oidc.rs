//! A real OpenID provider on loopback: `oidc-provider` (npm, the certified
//! Node.js implementation; tests/run.sh installs it into tests/oidc) run by
//! node over HTTPS with a certificate from a test CA. Its users sign in at
//! once, with no form (the one named by `login_hint`); `forge` makes its
//! next token answer carry a forged ID token.

use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::https::{Agent, Response};
use super::portal::Portal;

pub struct Provider {
    child: Child,
    pub port: u16,
    /// PEM of the CA that signed its certificate (`oidc.ca_file`).
    pub ca: PathBuf,
    dir: tempfile::TempDir,
}

/// A user at the provider: the address typed at Cloister (its login hint),
/// and the claims it signs them in with.
pub struct User<'a> {
    pub hint: &'a str,
    pub sub: &'a str,
    pub email: &'a str,
    pub verified: bool,
    pub groups: &'a [&'a str],
}

impl Provider {
    /// The issuer URL of a provider on `port` (to configure Cloister before it runs).
    pub fn issuer(port: u16) -> String {
        format!("https://127.0.0.1:{port}")
    }

    /// Starts the provider on `port`, sending browsers back to `redirect_uri`.
    pub fn start(port: u16, redirect_uri: &str, users: &[User<'_>], extra_env: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (ca, cert, key) = super::tls_sink::test_ca_and_cert(&["127.0.0.1"]);
        let d = dir.path();
        for (name, pem) in [("ca.pem", &ca), ("server.pem", &cert), ("server.key", &key)] {
            std::fs::write(d.join(name), pem).unwrap();
        }
        let users: serde_json::Map<String, serde_json::Value> = users
            .iter()
            .map(|u| {
                let claims = serde_json::json!({
                    "sub": u.sub, "email": u.email, "email_verified": u.verified, "groups": u.groups, "name": u.sub,
                });
                (u.hint.to_string(), claims)
            })
            .collect();
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
        assert!(
            here.join("node_modules/oidc-provider").is_dir(),
            "oidc-provider is installed in tests/oidc (tests/run.sh runs npm ci there)"
        );
        let log = std::fs::File::create(d.join("provider.log")).unwrap();
        let child = Command::new("node")
            .arg(here.join("provider.mjs"))
            .current_dir(&here)
            .env("PORT", port.to_string())
            .env("TLS_CERT", d.join("server.pem"))
            .env("TLS_KEY", d.join("server.key"))
            .env("REDIRECT_URI", redirect_uri)
            .env("USERS", serde_json::Value::Object(users).to_string())
            .envs(extra_env.iter().copied())
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("node runs (tests/run.sh installs it)");
        let provider = Self {
            child,
            port,
            ca: d.join("ca.pem"),
            dir,
        };
        let until = Instant::now() + Duration::from_secs(30);
        while !provider.log_text().contains("oidc-provider ready") || TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < until, "the provider did not start:\n{}", provider.log_text());
            std::thread::sleep(Duration::from_millis(50));
        }
        provider
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("provider.log")).unwrap_or_default()
    }

    /// A browser's view of the provider (its own cookies).
    pub fn agent(&self) -> Agent {
        let addr: SocketAddr = ([127, 0, 0, 1], self.port).into();
        let mut agent = Agent::new(addr, &std::fs::read(&self.ca).unwrap());
        agent.server_name = "127.0.0.1".into();
        agent
    }

    /// Follows the provider's redirects from `url` (an address at the
    /// provider) until one leaves it: that URL (Cloister's callback).
    pub fn sign_in_at(&self, browser: &mut Agent, url: &str) -> String {
        let origin = Self::issuer(self.port);
        let mut url = url.to_string();
        for _ in 0..10 {
            let path = url.strip_prefix(&origin).unwrap_or_else(|| panic!("not at the provider: {url}"));
            let r = browser.get(path);
            assert!(
                r.status == 302 || r.status == 303,
                "{path}: {} {}\n{}",
                r.status,
                r.body,
                self.log_text()
            );
            let next = r.location();
            url = if next.starts_with('/') {
                format!("{origin}{next}")
            } else {
                next.to_string()
            };
            if !url.starts_with(&origin) {
                return url;
            }
        }
        panic!("the provider kept redirecting: {url}");
    }

    /// Who signs in when the sign-in names no one (the admin console's).
    pub fn at_keyboard(&self, hint: &str) {
        let r = self.agent().get(&format!("/test/as?hint={hint}"));
        assert_eq!(r.status, 200, "{}", r.body);
    }

    /// The next token answer carries a forged ID token: `tampered`,
    /// `wrong-aud`, `expired`, `stranger` (signed by another key) or
    /// `new-sub` (rightly signed, for another user of the same address).
    pub fn forge(&self, how: &str) {
        let r = self.agent().get(&format!("/test/forge?how={how}"));
        assert_eq!(r.status, 200, "{}", r.body);
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The test provider's users.
pub const USERS: &[User<'static>] = &[
    User {
        hint: "ann@example.org",
        sub: "ann",
        email: "ann@example.org",
        verified: true,
        groups: &["staff", "secure-senders"],
    },
    User {
        hint: "ben@example.org",
        sub: "ben",
        email: "Ben@Example.org",
        verified: true,
        groups: &["staff"],
    },
    User {
        hint: "cat@example.org",
        sub: "cat",
        email: "cat@elsewhere.test",
        verified: true,
        groups: &["staff"],
    },
    User {
        hint: "dan@example.org",
        sub: "dan",
        email: "dan@example.org",
        verified: false,
        groups: &["staff"],
    },
    User {
        hint: "eve@example.org",
        sub: "eve",
        email: "eve@example.org",
        verified: true,
        groups: &["contractors"],
    },
    User {
        hint: "root@example.org",
        sub: "root",
        email: "root@example.org",
        verified: true,
        groups: &["staff", "cloister-admins"],
    },
];

/// Cloister with `[oidc]` for example.org and the provider it names.
pub fn start(extra: &str) -> (Portal, Provider, tempfile::TempDir) {
    start_with(extra, &[])
}

pub fn start_with(extra: &str, provider_env: &[(&str, &str)]) -> (Portal, Provider, tempfile::TempDir) {
    let port = super::free_port();
    let dir = tempfile::tempdir().unwrap();
    // The provider's CA is only known once it runs: Cloister reads the file when it signs someone in.
    let ca = dir.path().join("provider-ca.pem");
    let config = format!(
        "[oidc]\ndomains = [\"example.org\"]\nissuer = \"{}\"\nname = \"Example ID\"\nclient_id = \"cloister\"\n\
         ca_file = \"{}\"\nportal_groups = [\"staff\"]\nsecure_groups = [\"secure-senders\"]\n{extra}",
        Provider::issuer(port),
        ca.display()
    );
    std::fs::write(&ca, "").unwrap();
    let p = Portal::start(&config);
    let redirect = format!("https://cloister.test:{}/auth/oidc/callback", p.cl.https.port());
    let provider = Provider::start(port, &redirect, USERS, provider_env);
    std::fs::copy(&provider.ca, &ca).unwrap();
    (p, provider, dir)
}

/// Signs in at the provider from `url` (where Cloister sent the browser):
/// the path of Cloister's callback it sends the browser back to.
pub fn back_from(p: &Portal, provider: &Provider, url: &str) -> String {
    let back = provider.sign_in_at(&mut provider.agent(), url);
    let path = back
        .strip_prefix(&format!("https://cloister.test:{}", p.cl.https.port()))
        .unwrap_or_else(|| panic!("not back at Cloister: {back}"))
        .to_string();
    assert!(path.starts_with("/auth/oidc/callback?"), "{path}");
    path
}

/// Types `address` at Cloister's sign-in, signs in at the provider, and
/// brings its answer back: (Cloister's browser, the callback's answer, the callback path).
pub fn sign_in(p: &Portal, provider: &Provider, address: &str) -> (Agent, Response, String) {
    let mut browser = p.agent();
    let page = browser.get("/login");
    let r = browser.post("/login", &[("csrf", &page.field("csrf")), ("address", address), ("next", "/")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location().starts_with(&Provider::issuer(provider.port)), "{}", r.location());
    let path = back_from(p, provider, r.location());
    let answer = browser.get(&path);
    (browser, answer, path)
}

/// The console's "Sign in with …" as `hint`, brought back: (the browser, the callback's answer).
pub fn admin_sign_in(p: &Portal, provider: &Provider, hint: &str) -> (Agent, Response) {
    let mut browser = p.agent();
    let page = browser.get("/admin/login");
    assert!(page.body.contains("Sign in with Example ID"), "{}", page.body);
    let csp = page.header("content-security-policy").unwrap_or("").to_string();
    assert!(
        csp.contains(&format!("form-action 'self' {}", Provider::issuer(provider.port))),
        "{csp}"
    );
    let r = browser.post("/admin/login/oidc", &[("csrf", &page.field("csrf"))]);
    assert_eq!(r.status, 303, "{}", r.body);
    provider.at_keyboard(hint);
    let path = back_from(p, provider, r.location());
    let answer = browser.get(&path);
    (browser, answer)
}
