//! Regressions from the security review of the OpenID Connect sign-in,
//! against the real `oidc-provider` over real HTTPS: a provider's admin and
//! console passkeys, an address vouched for as another user, the answer's
//! `iss` and its line breaks, `oidc.required_amr`, a provider down.

mod common;

use common::https::{Agent, Response};
use common::oidc::{Provider, admin_sign_in, back_from, sign_in, start, start_with};
use common::portal::Portal;

/// The audit's rows of `kind` (JSON).
fn audit(p: &Portal, kind: &str) -> String {
    String::from_utf8_lossy(&p.cl.cli(&["audit", "--json", "--status", kind]).stdout).into_owned()
}

/// `address` typed at the sign-in's address step in `browser`: the answer.
fn address_step(browser: &mut Agent, address: &str) -> Response {
    let page = browser.get("/login");
    browser.post("/login", &[("csrf", &page.field("csrf")), ("address", address), ("next", "/")])
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
    let said = audit(&p, "admin-sign-in-failed");
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
    let said = audit(&p, "sign-in-failed");
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
    let to_provider = |browser: &mut Agent| address_step(browser, "ann@example.org").location().to_string();
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

/// Regression (OIDC review): while the provider was down every address step
/// asked it again, each waiting `timeout_secs`; now a failure is the answer
/// for half a minute.
#[test]
fn a_provider_down_is_asked_once_in_half_a_minute() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let asked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&asked);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(stream); // no TLS: the handshake fails at once
        }
    });
    let down = Portal::start(&format!(
        "[oidc]\ndomains = [\"example.org\"]\nissuer = \"{}\"\nname = \"Example ID\"\nclient_id = \"cloister\"\n",
        Provider::issuer(port)
    ));
    for _ in 0..3 {
        let r = address_step(&mut down.agent(), "ann@example.org");
        assert!(r.body.contains("unavailable just now"), "{}", r.body);
    }
    assert_eq!(asked.load(std::sync::atomic::Ordering::SeqCst), 1, "one request in three tries");
}

/// Regression (OIDC review): one flow cookie per browser, so a sign-in
/// started in a second tab (or the console's beside the portal's) made the
/// first one's answer look like another browser's.
#[test]
fn a_sign_in_started_in_a_second_tab_leaves_the_first_alone() {
    let (p, provider, _dir) = start("");
    let mut browser = p.agent();
    let first = address_step(&mut browser, "ann@example.org").location().to_string();
    let second = address_step(&mut browser, "ben@example.org").location().to_string();
    let r = browser.get(&back_from(&p, &provider, &first));
    assert_eq!(r.status, 303, "the first tab signs in: {}", r.body);
    let r = browser.get(&back_from(&p, &provider, &second));
    assert_eq!(r.status, 303, "and so does the second: {}", r.body);
    let mut other = p.agent();
    let third = address_step(&mut browser, "ann@example.org").location().to_string();
    let r = other.get(&back_from(&p, &provider, &third));
    assert!(r.body.contains("did not complete"), "another browser still cannot: {}", r.body);
}
