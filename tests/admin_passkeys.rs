//! Passkeys in the admin console over real HTTPS, with hand-built WebAuthn
//! answers: an admin enrols one and signs in with it alone;
//! `admin.require_passkey` leaves a new admin nothing but enrolling one and
//! then refuses their password; a portal passkey does not open the console;
//! an admin removes a user's passkey (an event names them).

mod common;

use common::admin::{self, NewAdmin};
use common::authenticator::{Authenticator, Faults, options, post_fields};
use common::https::{Agent, Response};
use common::portal::Portal;
use common::totp;

const CONSOLE: &str = "__Host-cloister-admin";

fn origin(p: &Portal) -> String {
    format!("https://cloister.test:{}", p.cl.https.port())
}

/// Enrols `key` for the signed-in admin `agent`.
fn enrol(p: &Portal, agent: &mut Agent, key: &mut Authenticator, name: &str) -> Response {
    let page = agent.get("/admin/passkeys");
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = page.field("csrf");
    let o = options(agent, "/admin/passkeys/options", &csrf);
    assert!(o["user"]["name"].as_str().unwrap().ends_with("(admin)"), "{o}");
    let fields = key.create(&o, &origin(p), &Faults::default());
    post_fields(agent, "/admin/passkeys/add", &[("csrf", &csrf), ("name", name)], &fields)
}

/// A fresh browser signs in to the console with `key`.
fn console_sign_in(p: &Portal, key: &mut Authenticator) -> (Agent, Response) {
    let mut agent = p.agent();
    let page = agent.get("/admin/login");
    assert!(page.body.contains("id=\"passkey-sign-in\""), "{}", page.body);
    let csrf = page.field("csrf");
    let o = options(&mut agent, "/admin/login/passkey/options", &csrf);
    let fields = key.get(&o, &origin(p), &Faults::default());
    let r = post_fields(&mut agent, "/admin/login/passkey", &[("csrf", &csrf)], &fields);
    (agent, r)
}

fn audit(p: &Portal, kind: &str) -> Vec<String> {
    let out = p.cl.cli(&["audit", "--json", "--status", kind]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .map(|r| format!("{}: {}", r["who"].as_str().unwrap_or(""), r["what"].as_str().unwrap_or("")))
        .collect()
}

fn password_sign_in(p: &Portal, a: &NewAdmin) -> (Agent, Response) {
    let mut agent = p.agent();
    let r = admin::sign_in_with(&mut agent, a, &a.password.clone(), &totp::code(&a.totp_secret, 1));
    (agent, r)
}

#[test]
fn an_admin_enrols_a_passkey_and_signs_in_with_it_alone() {
    let p = Portal::start("");
    let root = admin::add(&p.cl, "root");
    let mut agent = admin::signed_in(&p.cl, &root);
    let mut key = Authenticator::new();
    let r = enrol(&p, &mut agent, &mut key, "Desk key");
    assert_eq!((r.status, r.location()), (303, "/admin/passkeys?done=added"), "{}", r.body);
    assert!(agent.get("/admin/passkeys").body.contains("value=\"Desk key\""));

    let (mut console, r) = console_sign_in(&p, &mut key);
    assert_eq!((r.status, r.location()), (303, "/admin"), "{}", r.body);
    assert!(console.cookies.contains_key(CONSOLE));
    assert_eq!(console.get("/admin").status, 200, "no password, no code");
    let sign_ins = audit(&p, "admin-sign-in");
    assert_eq!(sign_ins.len(), 2, "{sign_ins:?}");
    assert!(
        audit(&p, "account")
            .iter()
            .any(|e| e == "admin root: added passkey \u{201c}Desk key\u{201d}")
    );
}

#[test]
fn with_require_passkey_the_console_takes_only_passkeys() {
    let p = Portal::start("[admin]\nrequire_passkey = true\n");
    let root = admin::add(&p.cl, "root");
    let (mut agent, r) = password_sign_in(&p, &root);
    assert_eq!(
        (r.status, r.location()),
        (303, "/admin"),
        "the first sign-in is let in to enrol: {}",
        r.body
    );
    let r = agent.get("/admin");
    assert_eq!(
        (r.status, r.location()),
        (303, "/admin/passkeys"),
        "nothing else until a passkey is enrolled"
    );
    let r = agent.get("/admin/monitor");
    assert_eq!((r.status, r.location()), (303, "/admin/passkeys"));
    let page = agent.get("/admin/passkeys");
    assert!(page.body.contains("id=\"passkeys-required\""), "{}", page.body);
    let mut key = Authenticator::new();
    assert_eq!(enrol(&p, &mut agent, &mut key, "Only key").status, 303);
    assert_eq!(agent.get("/admin").status, 200, "enrolled: the console opens");

    let (stranger, r) = password_sign_in(&p, &root);
    assert_eq!(r.status, 401, "the right password and code no longer open the console");
    assert!(!stranger.cookies.contains_key(CONSOLE));
    let refused = audit(&p, "admin-sign-in-failed");
    assert!(refused.last().unwrap().contains("admin.require_passkey"), "{refused:?}");

    let (mut console, r) = console_sign_in(&p, &mut key);
    assert_eq!(r.status, 303, "{}", r.body);
    let page = console.get("/admin/passkeys");
    let id = common::authenticator::b64(&key.credential_id);
    let r = console.post("/admin/passkeys/remove", &[("csrf", &page.field("csrf")), ("id", &id)]);
    assert_eq!(r.status, 200);
    assert!(
        r.text_of("passkeys-error").contains("only passkeys"),
        "the last one stays: {}",
        r.body
    );
}

#[test]
fn a_portal_passkey_does_not_open_the_console_and_an_admin_removes_a_users_passkey() {
    let p = Portal::start("");
    let root = admin::add(&p.cl, "root");
    let mut partner = p.signed_in_user("partner@client.test", "Correct horse battery 9");
    let mut key = Authenticator::new();
    let page = partner.get("/account/passkeys");
    let csrf = page.field("csrf");
    let o = options(&mut partner, "/account/passkeys/options", &csrf);
    let fields = key.create(&o, &origin(&p), &Faults::default());
    let r = post_fields(
        &mut partner,
        "/account/passkeys/add",
        &[("csrf", &csrf), ("name", "Phone")],
        &fields,
    );
    assert_eq!(r.status, 303, "{}", r.body);

    let (agent, r) = console_sign_in(&p, &mut key);
    assert_eq!(r.status, 401, "{}", r.body);
    assert!(!agent.cookies.contains_key(CONSOLE));
    let refused = audit(&p, "admin-sign-in-failed");
    assert!(refused.last().unwrap().contains("a portal passkey on the console"), "{refused:?}");

    let mut console = admin::signed_in(&p.cl, &root);
    let user = console.get("/admin/user?address=partner%40client.test");
    assert!(user.body.contains("id=\"user-passkeys\""), "{}", user.body);
    let id = common::authenticator::b64(&key.credential_id);
    let r = console.post(
        "/admin/user/passkey/remove",
        &[("csrf", &user.field("csrf")), ("address", "partner@client.test"), ("id", &id)],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(console.get(r.location()).body.contains("user-no-passkeys"));
    let changes = audit(&p, "admin-change");
    assert!(
        changes
            .iter()
            .any(|e| e == "partner@client.test: passkey \u{201c}Phone\u{201d} removed by admin root"),
        "{changes:?}"
    );
}
