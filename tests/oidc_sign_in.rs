//! Internal users sign in at the organisation's OpenID provider — a real
//! one, `oidc-provider` on loopback (tests/common/oidc.rs) — over real
//! HTTPS against the real binary: the code flow with PKCE, state and nonce
//! from the address step to a session; the provider's groups deciding who
//! may use the portal and send secure messages; replayed, foreign and
//! forged answers refused; a session sent back to the provider in time.

mod common;

use std::time::Duration;

use common::https::{Agent, Response};
use common::oidc::{Provider, User};
use common::portal::{Portal, compose_fields, post_compose};

const USERS: &[User<'static>] = &[
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
fn start(extra: &str) -> (Portal, Provider, tempfile::TempDir) {
    start_with(extra, &[])
}

fn start_with(extra: &str, provider_env: &[(&str, &str)]) -> (Portal, Provider, tempfile::TempDir) {
    let port = common::free_port();
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
fn back_from(p: &Portal, provider: &Provider, url: &str) -> String {
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
fn sign_in(p: &Portal, provider: &Provider, address: &str) -> (Agent, Response, String) {
    let mut browser = p.agent();
    let page = browser.get("/login");
    let r = browser.post("/login", &[("csrf", &page.field("csrf")), ("address", address), ("next", "/")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location().starts_with(&Provider::issuer(provider.port)), "{}", r.location());
    let path = back_from(p, provider, r.location());
    let answer = browser.get(&path);
    (browser, answer, path)
}

fn compose_secure(agent: &mut Agent, subject: &str) -> Response {
    let page = agent.get("/compose");
    let fields = compose_fields(
        &page,
        &["csrf", "draft"],
        &[
            ("to", "pat@partner.test"),
            ("subject", subject),
            ("body", "Provider-checked."),
            ("mode", "external"),
        ],
    );
    post_compose(agent, &fields, &[])
}

#[test]
fn users_sign_in_at_the_provider_and_its_groups_decide() {
    let (p, provider, _dir) = start("");
    let (mut ann, r, path) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    let home = ann.get("/");
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("ann@example.org"), "{}", home.body);
    // The same answer again (a replayed state): refused, no session.
    let mut replay = p.agent();
    let r = replay.get(&path);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Signing in at Example ID did not complete"), "{}", r.body);
    assert_eq!(replay.get("/").status, 303);

    // The address as the provider spells it is the account's, in lower case.
    let (mut ben, r, _) = sign_in(&p, &provider, "ben@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    // In the secure-send group: sent. Not in it: refused with why.
    assert_eq!(compose_secure(&mut ann, "From Ann").status, 303);
    let refused = compose_secure(&mut ben, "From Ben");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("not allowed you to send secure messages"), "{}", refused.body);
    // Over SMTP the header is honoured for Ann only (the groups of their last sign-in).
    p.secure_header_honoured_only_for("ann@example.org", "ben@example.org");

    // Signed in as an address that is not ours; an unverified address; out of the portal's groups.
    let (_, r, _) = sign_in(&p, &provider, "cat@example.org");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("cat@elsewhere.test, which does not sign in here"), "{}", r.body);
    let (_, r, _) = sign_in(&p, &provider, "dan@example.org");
    assert!(r.body.contains("did not complete"), "{}", r.body);
    let (mut eve, r, _) = sign_in(&p, &provider, "eve@example.org");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("turned off sign-in"), "{}", r.body);
    assert_eq!(eve.get("/").status, 303, "no session");

    // No password and no emailed code here for the provider's users.
    let mut guess = p.agent();
    let page = guess.get("/login");
    let r = guess.post(
        "/login/password",
        &[
            ("csrf", &page.field("csrf")),
            ("address", "ann@example.org"),
            ("password", "anything"),
            ("next", "/"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Check the address and password"), "{}", r.body);
    let change = ann.get("/password/change");
    assert!(change.body.contains("sign in at Example ID"), "{}", change.body);

    // The answer brought back by another browser than the one that asked:
    // refused, and the flow stays its own browser's (nobody else can use it up).
    let mut asker = p.agent();
    let page = asker.get("/login");
    let r = asker.post(
        "/login",
        &[("csrf", &page.field("csrf")), ("address", "ben@example.org"), ("next", "/")],
    );
    let path = back_from(&p, &provider, r.location());
    let mut other = p.agent();
    assert!(other.get(&path).body.contains("did not complete"));
    assert_eq!(other.get("/").status, 303, "no session");
    assert_eq!(asker.get(&path).status, 303, "the browser that asked signs in");
    assert!(asker.get(&path).body.contains("did not complete"), "once");

    let audit = String::from_utf8_lossy(&p.cl.cli(&["audit"]).stdout).into_owned();
    assert!(
        audit.contains("ann@example.org  signed in with the organisation's provider"),
        "{audit}"
    );
}

#[test]
fn forged_id_tokens_are_refused() {
    let (p, provider, _dir) = start("");
    for how in ["tampered", "wrong-aud", "expired", "stranger"] {
        provider.forge(how);
        let (mut browser, r, _) = sign_in(&p, &provider, "ann@example.org");
        assert!(r.body.contains("did not complete"), "{how}: {}", r.body);
        assert_eq!(browser.get("/").status, 303, "{how}: no session");
    }
    let (_, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "an honest token still signs in: {}", r.body);
}

#[test]
fn a_session_goes_back_to_the_provider_in_time_and_a_provider_down_is_said() {
    let (p, provider, _dir) = start("recheck_minutes = 0.05\n");
    let (mut ann, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(ann.get("/").status, 200);
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(ann.get("/").status, 303, "the session ended at the re-check");
    // Back at the provider (still signed in there): in again at once.
    let (mut ann, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(ann.get("/").status, 200);

    // A provider that cannot be reached: said, nobody let in.
    let nowhere = common::free_port();
    let down = Portal::start(&format!(
        "[oidc]\ndomains = [\"example.org\"]\nissuer = \"{}\"\nname = \"Example ID\"\nclient_id = \"cloister\"\ntimeout_secs = 2\n",
        Provider::issuer(nowhere)
    ));
    let mut browser = down.agent();
    let page = browser.get("/login");
    let r = browser.post(
        "/login",
        &[("csrf", &page.field("csrf")), ("address", "ann@example.org"), ("next", "/")],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Signing in at Example ID is unavailable just now"), "{}", r.body);
}

#[test]
fn a_provider_signing_with_es256_and_a_client_secret_signs_in_too() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("client-secret");
    std::fs::write(&secret, "s3cret-for-tests\n").unwrap();
    let extra = format!("client_secret_file = \"{}\"\n", secret.display());
    let (p, provider, _dir) = start_with(&extra, &[("ID_TOKEN_ALG", "ES256"), ("CLIENT_SECRET", "s3cret-for-tests")]);
    let (mut ann, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    assert_eq!(ann.get("/").status, 200);
    provider.forge("stranger");
    let (_, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert!(r.body.contains("did not complete"), "{}", r.body);
}

#[test]
fn a_bad_provider_setting_is_named_by_check_config() {
    let p = Portal::start("");
    let good = [
        "--set=oidc.domains=[\"example.org\"]",
        "--set=oidc.issuer=https://id.example.org",
        "--set=oidc.client_id=cloister",
    ];
    let bad = [
        ("--set=oidc.domains=[\"other.test\"]", "oidc.domains.0"),
        ("--set=oidc.issuer=http://id.example.org", "oidc.issuer"),
        ("--set=oidc.client_id=", "oidc.client_id"),
        ("--set=oidc.ca_file=/nonexistent/ca.pem", "oidc.ca_file"),
        ("--set=oidc.ca_file=/etc/hostname", "oidc.ca_file"),
        ("--set=oidc.client_secret_file=/nonexistent/secret", "oidc.client_secret_file"),
        ("--set=oidc.recheck_minutes=0", "oidc.recheck_minutes"),
        ("--set=ldap.domains=[\"example.org\"]", "oidc.domains.0"),
    ];
    for (setting, key) in bad {
        let name = &setting[..=setting[6..].find('=').unwrap() + 6];
        let mut args = vec!["check-config"];
        args.extend(good.iter().filter(|g| !g.starts_with(name)));
        args.push(setting);
        let out = p.cl.cli(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && said.contains(key), "{setting}: {said}");
    }
    let mut args = vec!["check-config"];
    args.extend(good);
    let out = p.cl.cli(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A provider that does not answer is named, as a warning (it may be down for now).
    let closed = format!("--set=oidc.issuer=https://127.0.0.1:{}", common::free_port());
    let mut args = vec!["check-config", &closed];
    args.extend(good.iter().filter(|g| !g.starts_with("--set=oidc.issuer")));
    let out = p.cl.cli(&args);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("warning: `oidc.issuer`") && said.contains("did not answer"),
        "{said}"
    );
    args.insert(1, "--offline");
    let out = p.cl.cli(&args);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("did not answer"),
        "--offline asks no server"
    );
}

/// The console's "Sign in with …" as `hint`, brought back: (the browser, the callback's answer).
fn admin_sign_in(p: &Portal, provider: &Provider, hint: &str) -> (Agent, Response) {
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

#[test]
fn members_of_the_admin_groups_sign_in_to_the_console_at_the_provider_and_local_admins_still_can() {
    let (p, provider, _dir) = start("admin_groups = [\"cloister-admins\"]\n");
    let (mut root, r) = admin_sign_in(&p, &provider, "root@example.org");
    // A page, not a redirect: the console's cookie is SameSite=Strict.
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("http-equiv=\"refresh\" content=\"0;url=/admin\""), "{}", r.body);
    let console = root.get("/admin");
    assert_eq!(console.status, 200, "{}", console.body);
    assert!(console.body.contains("root@example.org"), "{}", console.body);

    // The directory shows how a user signs in, their groups, and where secure sending comes from.
    for who in ["ann@example.org", "ben@example.org"] {
        assert_eq!(sign_in(&p, &provider, who).1.status, 303);
    }
    let ann = root.get("/admin/user?address=ann%40example.org");
    assert!(ann.body.contains("Example ID (OpenID Connect)"), "{}", ann.body);
    assert!(ann.body.contains("<code>staff</code>, <code>secure-senders</code>"), "{}", ann.body);
    assert!(ann.body.contains("allowed: from Example ID group secure-senders"), "{}", ann.body);
    let ben = root.get("/admin/user?address=ben%40example.org");
    assert!(
        ben.body.contains("not allowed: in none of the secure-sending groups"),
        "{}",
        ben.body
    );
    // Their password is the provider's: no form for it here, and a forged post changes nothing.
    assert!(
        ann.body.contains("id=\"password-elsewhere\"") && !ann.body.contains("id=\"password-form\""),
        "{}",
        ann.body
    );
    let forged = common::admin::post(
        &mut root,
        "/admin/user",
        &[("address", "ann@example.org"), ("action", "reset-show"), ("confirm", "yes")],
    );
    assert_eq!(forged.status, 404, "{}", forged.body);

    // Staff outside the admin groups: not let in.
    let (mut ben, r) = admin_sign_in(&p, &provider, "ben@example.org");
    assert!(r.body.contains("did not let you into the console"), "{}", r.body);
    assert_eq!(ben.get("/admin").status, 303);
    let out = p.cl.cli(&["audit", "--json", "--status", "admin-sign-in-failed"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("in none of oidc.admin_groups"), "an event says who and why: {said}");

    // The provider's admin has no password here.
    let mut guess = p.agent();
    let page = guess.get("/admin/login");
    let r = guess.post(
        "/admin/login",
        &[
            ("csrf", &page.field("csrf")),
            ("name", "root@example.org"),
            ("password", ""),
            ("code", "123456"),
        ],
    );
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);

    // The local admins are the way in when the provider is down.
    let local = common::admin::add(&p.cl, "breakglass");
    let mut local_agent = common::admin::signed_in(&p.cl, &local);
    assert_eq!(local_agent.get("/admin").status, 200);
}

/// Regression (review of the provider's admins): an admin the provider made
/// could enrol a console passkey — `admin.require_passkey` even forced one —
/// and then open the console with it alone, never asked again whether they
/// are still in `oidc.admin_groups`.
#[test]
fn a_provider_admin_gets_no_console_passkey_and_one_made_before_opens_nothing() {
    use common::authenticator::{Authenticator, Faults, options, post_fields};
    let (mut p, provider, _dir) = start("admin_groups = [\"cloister-admins\"]\n[admin]\nrequire_passkey = true\n");
    let origin = format!("https://cloister.test:{}", p.cl.https.port());
    let (mut root, r) = admin_sign_in(&p, &provider, "root@example.org");
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(root.get("/admin").status, 200, "not held on the passkeys page");
    let page = root.get("/admin/passkeys");
    assert!(page.body.contains("id=\"passkeys-unavailable\""), "{}", page.body);
    let asked = root.post("/admin/passkeys/options", &[("csrf", &page.field("csrf"))]);
    assert_eq!(asked.status, 404, "{}", asked.body);

    // A passkey made while example.org did not sign in at the provider…
    p.cl.stop();
    let covered = "[oidc]\ndomains = [\"example.org\"]";
    p.cl.edit_config(|c| c.replace(covered, "[oidc]\ndomains = []"));
    p.cl.launch();
    let page = root.get("/admin/passkeys");
    let mut key = Authenticator::new();
    let o = options(&mut root, "/admin/passkeys/options", &page.field("csrf"));
    let fields = key.create(&o, &origin, &Faults::default());
    let added = post_fields(
        &mut root,
        "/admin/passkeys/add",
        &[("csrf", &page.field("csrf")), ("name", "Key")],
        &fields,
    );
    assert_eq!(added.status, 303, "{}", added.body);

    // …opens nothing once it does again: only the provider lets its admins in.
    p.cl.stop();
    p.cl.edit_config(|c| c.replace("[oidc]\ndomains = []", covered));
    p.cl.launch();
    let mut browser = p.agent();
    let page = browser.get("/admin/login");
    let o = options(&mut browser, "/admin/login/passkey/options", &page.field("csrf"));
    let fields = key.get(&o, &origin, &Faults::default());
    let r = post_fields(&mut browser, "/admin/login/passkey", &[("csrf", &page.field("csrf"))], &fields);
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(browser.get("/admin").status, 303);
    let out = p.cl.cli(&["audit", "--json", "--status", "admin-sign-in-failed"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("an admin of the OpenID provider signs in there"), "{said}");
}

/// Regression (OIDC review): the address was the only tie between a provider
/// user and a mailbox; one the provider gives to someone else (a leaver's,
/// reassigned) must not open the earlier user's mail.
#[test]
fn an_address_the_provider_vouches_for_as_another_user_opens_nothing() {
    let (p, provider, _dir) = start("");
    let (_, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    provider.forge("new-sub");
    let (mut browser, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert!(r.body.contains("contact"), "{}", r.body);
    assert_eq!(browser.get("/").status, 303, "no session");
    let out = p.cl.cli(&["audit", "--json", "--status", "sign-in-failed"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("vouched for this address as another of its users"), "{said}");
}

/// Regression (OIDC review): the provider's `iss` in its answer (RFC 9207)
/// was not read, and its `error` reached the log with its line breaks.
#[test]
fn an_answer_naming_another_issuer_or_carrying_line_breaks_is_refused_and_logged_on_one_line() {
    let (p, provider, _dir) = start("");
    let issuer = form_urlencoded::byte_serialize(Provider::issuer(provider.port).as_bytes()).collect::<String>();
    let own = format!("iss={issuer}");
    let mut browser = p.agent();
    let to_provider = |browser: &mut Agent| {
        let page = browser.get("/login");
        let fields = [
            ("csrf", page.field("csrf")),
            ("address", "ann@example.org".into()),
            ("next", "/".into()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        browser.post("/login", &fields).location().to_string()
    };
    for why in ["another issuer", "no iss", "as sent"] {
        let path = back_from(&p, &provider, &to_provider(&mut browser));
        assert!(path.contains(&own), "the test provider names itself: {path}");
        let sent = match why {
            "another issuer" => path.replace(&own, "iss=https%3A%2F%2Fevil.example"),
            "no iss" => path.replace(&format!("&{own}"), "").replace(&format!("{own}&"), ""),
            _ => path.clone(),
        };
        let r = browser.get(&sent);
        if why == "as sent" {
            assert_eq!(r.status, 303, "{}", r.body);
        } else {
            assert!(r.body.contains("did not complete"), "{why}: {}", r.body);
            assert_eq!(browser.get("/").status, 303, "{why}: no session");
        }
    }
    let url = to_provider(&mut browser);
    let state = url.split("state=").nth(1).unwrap().split('&').next().unwrap();
    let r = browser.get(&format!(
        "/auth/oidc/callback?state={state}&error=x%0Aadmin%20sign-in%20admin%3Droot"
    ));
    assert!(r.body.contains("did not complete"), "{}", r.body);
    let log = p.cl.log_text();
    assert!(log.contains("the provider refused: xadmin sign-in"), "{log}");
    assert!(!log.lines().any(|l| l.starts_with("admin sign-in")), "{log}");
}

/// `oidc.required_amr`: a sign-in the provider says was not proved by one of
/// the listed methods (here: no second factor) is refused.
#[test]
fn required_amr_refuses_a_sign_in_without_the_second_factor() {
    for (amr, signs_in) in [("pwd", false), ("pwd mfa", true)] {
        let (p, provider, _dir) = start_with("required_amr = [\"mfa\"]\n", &[("AMR", amr)]);
        let (mut browser, r, _) = sign_in(&p, &provider, "ann@example.org");
        if signs_in {
            assert_eq!(r.status, 303, "{amr}: {}", p.cl.log_text());
        } else {
            assert!(r.body.contains("did not complete"), "{amr}: {}", r.body);
            assert_eq!(browser.get("/").status, 303, "no session");
            assert!(p.cl.log_text().contains("oidc.required_amr"), "the log says why");
        }
    }
}
