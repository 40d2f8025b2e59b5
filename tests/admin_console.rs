//! The admin console over real HTTPS against the real binary: admins made by
//! the CLI sign in with password and TOTP; the directory's actions take effect
//! on the portal at once; portal users see nothing of it.

mod common;

use std::time::Duration;

use common::admin::{self, NewAdmin};
use common::https::{Agent, Response};
use common::portal::Portal;
use common::totp;

const GOOD: &str = "Correct-Horse-42-battery";

fn start() -> (Portal, NewAdmin) {
    let p = Portal::start("[portal]\nlockout_threshold = 2\n");
    let a = admin::add(&p.cl, "root");
    (p, a)
}

#[test]
fn an_admin_made_by_the_cli_signs_in_with_password_and_totp_code() {
    let (p, a) = start();
    let mut agent = p.agent();
    let r = agent.get("/admin");
    assert_eq!((r.status, r.location()), (303, "/admin/login"));
    let page = agent.get("/admin/login");
    assert!(page.body.contains("Authenticator code"), "{}", page.body);
    // Wrong password, wrong code, no code: one generic answer each time.
    let code = totp::code(&a.totp_secret, 0);
    for (password, code) in [
        ("wrong-password-123", code.as_str()),
        (a.password.as_str(), "000000"),
        (a.password.as_str(), ""),
    ] {
        let r = admin::sign_in_with(&mut agent, &a, password, code);
        assert_eq!(r.status, 401, "{}", r.body);
        assert!(r.body.contains("Sign-in failed. Check the name, password and code"), "{}", r.body);
        assert!(!agent.cookies.contains_key("__Host-cloister-admin"));
    }
    let mut fresh = p.agent();
    let r = admin::sign_in_with(&mut fresh, &a, &a.password, &code);
    assert_eq!((r.status, r.location()), (303, "/admin"), "{}", r.body);
    let set = r.all("set-cookie").join("\n");
    assert!(
        set.contains("__Host-cloister-admin=") && set.contains("SameSite=Strict") && set.contains("HttpOnly") && set.contains("Secure"),
        "{set}"
    );
    assert_eq!(fresh.get("/admin/directory").status, 200);
    // The same code cannot be used twice.
    let mut replay = p.agent();
    assert_eq!(admin::sign_in_with(&mut replay, &a, &a.password, &code).status, 401);
    let listed = p.cl.cli(&["admin", "list"]);
    let said = String::from_utf8_lossy(&listed.stdout);
    assert!(said.contains("\"name\": \"root\"") && said.contains("\"totp\": true"), "{said}");
    let again = p.cl.cli(&["admin", "add", "root"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    // Sign-out ends the session.
    let r = admin::post(&mut fresh, "/admin/logout", &[]);
    assert_eq!((r.status, r.location()), (303, "/admin/login?notice=signed-out"));
    assert_eq!(fresh.get("/admin/directory").status, 404);
}

#[test]
fn portal_users_get_not_found_on_every_admin_route_and_admins_are_not_portal_users() {
    let (p, a) = start();
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = p.cl.messages()[0]["id"].as_str().unwrap().to_string();
    let gets = [
        "/admin/directory".to_string(),
        "/admin/directory?domain=partner.test".into(),
        "/admin/user?address=bob%40partner.test".into(),
        "/admin/settings".into(),
        "/admin/monitor".into(),
        format!("/admin/message?id={id}"),
        "/admin/report".into(),
        "/admin/report/csv".into(),
        "/admin/audit".into(),
        "/admin/audit/csv".into(),
        "/admin/nothing".into(),
    ];
    for path in &gets {
        assert_eq!(bob.get(path).status, 404, "{path}");
    }
    let csrf = bob.get("/").field("csrf");
    for (path, fields) in [
        ("/admin/user", vec![("address", "bob@partner.test"), ("action", "deny-logon")]),
        ("/admin/outbox/retry", vec![("id", "1")]),
        ("/admin/logout", vec![]),
    ] {
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend(fields);
        assert_eq!(bob.post(path, &all).status, 404, "{path}");
    }
    assert_eq!(bob.get("/").status, 200, "bob is untouched");
    // An admin session is no portal session.
    let mut root = admin::signed_in(&p.cl, &a);
    let r = root.get("/");
    assert_eq!((r.status, r.location()), (303, "/login?next=%2F"));
    // Without the form token an admin post changes nothing.
    let r = root.post("/admin/user", &[("address", "bob@partner.test"), ("action", "deny-logon")]);
    assert_eq!(r.status, 403);
    assert_eq!(bob.get("/").status, 200);
}

#[test]
fn the_directory_lists_domains_and_finds_users() {
    let (p, a) = start();
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    p.invite("carol@partner.test");
    p.invite("dan@other.test");
    let mut root = admin::signed_in(&p.cl, &a);
    let domains = root.get("/admin/directory");
    let table = &domains.body[domains.body.find("id=\"domains\"").unwrap()..];
    assert!(table.contains("partner.test</a></td><td>2</td>"), "{table}");
    assert!(table.contains("other.test</a></td><td>1</td>"), "{table}");
    assert!(
        table.contains("example.org</a></td><td>1</td><td>0</td><td>0</td><td>—</td><td>internal"),
        "the internal sender: {table}"
    );
    let users = root.get("/admin/directory?domain=partner.test");
    assert!(users.body.contains("bob@partner.test") && users.body.contains("carol@partner.test"));
    let found = root.get("/admin/directory?domain=partner.test&q=CAR");
    assert!(
        found.body.contains("carol@partner.test") && !found.body.contains("bob@partner.test"),
        "{}",
        found.body
    );
    let bob = root.get("/admin/user?address=bob%40partner.test");
    assert!(
        bob.body.contains("signed in with a password from 127.0.0.1"),
        "last sign-ins: {}",
        bob.body
    );
    assert_eq!(root.get("/admin/user?address=nobody%40partner.test").status, 404);
}

#[test]
fn forced_change_denied_sending_and_denied_logon_take_effect_at_once() {
    let (p, a) = start();
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut root = admin::signed_in(&p.cl, &a);
    let act = |root: &mut Agent, action: &str| {
        let fields = [("address", "bob@partner.test"), ("action", action), ("confirm", "yes")];
        let r = admin::post(root, "/admin/user", &fields);
        assert_eq!(r.status, 303, "{action}: {}", r.body);
        assert_eq!(r.location(), format!("/admin/user?address=bob%40partner.test&done={action}"));
    };
    act(&mut root, "force-change");
    let r = bob.get("/");
    assert!(
        r.location().starts_with("/password/change"),
        "the live session must change first: {r:?}"
    );

    act(&mut root, "deny-sending");
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Ask");
    let mut bob2 = p.agent();
    let r = p.sign_in(&mut bob2, "bob@partner.test", GOOD, "/");
    assert!(
        r.location().starts_with("/password/change"),
        "the next sign-in shows the forced change: {r:?}"
    );
    let page = bob2.get("/password/change");
    let r = bob2.post(
        "/password/change",
        &[
            ("csrf", &page.field("csrf")),
            ("new_password", "Another-Horse-43-staple"),
            ("confirm_password", "Another-Horse-43-staple"),
            ("next", "/"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let r = p.reply(&mut bob2, &id, "Re", "x");
    assert_ne!(r.status, 303);
    assert!(r.body.contains("Sending is turned off"), "{}", r.body);
    let state = root.get("/admin/user?address=bob%40partner.test");
    assert!(state.body.contains("id=\"state-sending\">denied"), "{}", state.body);

    act(&mut root, "deny-logon");
    assert!(bob2.get("/").location().starts_with("/login"), "sessions end");
    let mut bob3 = p.agent();
    let r = p.sign_in(&mut bob3, "bob@partner.test", "Another-Horse-43-staple", "/");
    // The right password is told whom to ask (regression: "check the address and password").
    assert!(
        r.body
            .contains("Your organisation has turned off sign-in to this portal for this account"),
        "logon denied: {}",
        r.body
    );
    act(&mut root, "allow-logon");
    let r = p.sign_in(&mut bob3, "bob@partner.test", "Another-Horse-43-staple", "/");
    assert_eq!(r.status, 303, "{}", r.body);
    let audit: Vec<String> = p.cl.events("0");
    for line in [
        "bob@partner.test must change the password at the next sign-in",
        "sending denied for bob@partner.test",
        "logon denied for bob@partner.test (1 session ended)",
        "logon allowed for bob@partner.test",
    ] {
        assert!(audit.iter().any(|e| e == line), "audit lacks {line:?}: {audit:?}");
    }
}

#[test]
fn a_locked_out_user_is_unlocked_by_an_admin() {
    let (p, a) = start();
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut agent = p.agent();
    for _ in 0..2 {
        assert!(
            p.sign_in(&mut agent, "bob@partner.test", "wrong-one-Abc-123", "/")
                .body
                .contains("Sign-in failed")
        );
    }
    assert!(
        p.sign_in(&mut agent, "bob@partner.test", GOOD, "/")
            .body
            .contains("This account is locked after too many failed sign-ins"),
        "locked"
    );
    let mut root = admin::signed_in(&p.cl, &a);
    let page = root.get("/admin/user?address=bob%40partner.test");
    assert!(
        page.body.contains("locked after failed sign-ins") && page.body.contains("act-unlock"),
        "{}",
        page.body
    );
    let r = admin::post(&mut root, "/admin/user", &[("address", "bob@partner.test"), ("action", "unlock")]);
    assert_eq!(r.status, 303);
    assert_eq!(p.sign_in(&mut agent, "bob@partner.test", GOOD, "/").status, 303);
}

#[test]
fn deleting_an_account_removes_its_mailbox_and_drafts_but_keeps_the_audit() {
    let (p, a) = start();
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    // A deleted account's drafts and their files once stayed in the vault.
    let compose = bob.get("/compose");
    let fields = common::portal::compose_fields(
        &compose,
        &["csrf", "draft"],
        &[
            ("action", "save"),
            ("to", "alice@example.org"),
            ("subject", "Unsent"),
            ("body", "Half written."),
        ],
    );
    let saved = common::portal::post_compose(&mut bob, &fields, &[("attachment", "notes.txt", "text/plain", b"my notes")]);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(draft_rows(&p), (1, 1), "the draft and its file are stored");
    let mut root = admin::signed_in(&p.cl, &a);
    let unconfirmed = admin::post(&mut root, "/admin/user", &[("address", "bob@partner.test"), ("action", "delete")]);
    assert!(unconfirmed.body.contains("id=\"confirm-form\""), "asks first: {}", unconfirmed.body);
    assert_eq!(root.get("/admin/user?address=bob%40partner.test").status, 200, "not deleted yet");
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "delete"), ("confirm", "yes")],
    );
    assert_eq!((r.status, r.location()), (303, "/admin/directory?domain=partner.test&deleted=1"));
    assert!(bob.get("/").location().starts_with("/login"), "the session ended");
    assert_eq!(root.get("/admin/user?address=bob%40partner.test").status, 404);
    let users = p.cl.cli(&["user", "list", "--json"]);
    assert!(!String::from_utf8_lossy(&users.stdout).contains("bob@partner.test"));
    assert_eq!(draft_rows(&p), (0, 0), "the drafts went with the account");
    let audit = p.cl.events("0");
    assert!(
        audit
            .iter()
            .any(|e| e.starts_with("account bob@partner.test deleted (1 mailbox entry removed")),
        "{audit:?}"
    );
    assert!(
        audit.iter().any(|e| e.starts_with("signed in with a password")),
        "earlier events stay: {audit:?}"
    );
}

#[test]
fn effective_settings_show_every_value_with_its_source_read_only() {
    let (p, a) = start();
    let mut root = admin::signed_in(&p.cl, &a);
    let page = root.get("/admin/settings");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"config-file\""), "{}", page.body);
    assert!(
        page.body
            .contains("<code>portal.lockout_threshold</code></td><td><code>2</code></td><td>file "),
        "from the file, with its line"
    );
    assert!(
        page.body
            .contains("<code>messages.retention_days</code></td><td><code>365</code></td><td>default</td>")
    );
    assert!(!page.body.contains("<form method=\"post\" action=\"/admin/settings"), "read-only");
}

#[test]
fn an_idle_admin_session_ends() {
    let p = Portal::start("[admin]\nsession_idle_minutes = 0.05\n");
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    assert_eq!(root.get("/admin/directory").status, 200);
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(root.get("/admin/directory").status, 404);
}

#[test]
fn an_admin_who_lost_the_authenticator_is_removed_and_added_again_by_the_cli() {
    let (p, a) = start();
    let mut root = admin::signed_in(&p.cl, &a);
    let out = p.cl.cli(&["admin", "remove", "root"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(root.get("/admin/directory").status, 404, "the sessions ended");
    let mut agent = p.agent();
    let r = admin::sign_in_with(&mut agent, &a, &a.password, &totp::code(&a.totp_secret, 0));
    assert_eq!(r.status, 401, "the old credentials no longer work");
    let again = p.cl.cli(&["admin", "remove", "root"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("no admin named root"));
    let fresh = admin::add(&p.cl, "root");
    assert_ne!(fresh.totp_secret, a.totp_secret, "a new secret");
    let _root = admin::signed_in(&p.cl, &fresh);
    assert!(p.cl.events("0").iter().any(|e| e == "admin root removed (1 session ended)"));
}

#[test]
fn every_action_that_takes_something_away_asks_first_and_changes_nothing_until_confirmed() {
    let (p, a) = start();
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut root = admin::signed_in(&p.cl, &a);
    for action in ["reset-mail", "reset-show", "force-change", "deny-logon", "deny-sending", "delete"] {
        let asked = admin::post(&mut root, "/admin/user", &[("address", "bob@partner.test"), ("action", action)]);
        assert_eq!(asked.status, 200, "{action}: {}", asked.body);
        assert!(
            asked.body.contains("id=\"confirm-form\"") && asked.body.contains(&format!("name=\"action\" value=\"{action}\"")),
            "{action}: {}",
            asked.body
        );
        assert!(asked.body.contains("id=\"cancel\""), "{action}: a way back");
    }
    // Nothing happened: the session and the password work, logon and sending allowed.
    assert_eq!(bob.get("/").status, 200);
    let mut again = p.agent();
    assert_eq!(p.sign_in(&mut again, "bob@partner.test", GOOD, "/").status, 303);
    let user = root.get("/admin/user?address=bob%40partner.test");
    assert!(user.body.contains("id=\"state-logon\">allowed") && user.body.contains("id=\"state-sending\">allowed"));
    assert_eq!(p.mails_containing("Password:"), 1, "no reset mail went out");
    // The confirmation page's own form goes through.
    let asked = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "deny-sending")],
    );
    let fields = [
        ("csrf", asked.field("csrf")),
        ("address", asked.field("address")),
        ("action", asked.field("action")),
        ("confirm", asked.field("confirm")),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = root.post("/admin/user", &refs);
    assert_eq!(
        (r.status, r.location()),
        (303, "/admin/user?address=bob%40partner.test&done=deny-sending")
    );
    // Giving back needs no confirmation; an unknown address is not asked about.
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "allow-sending")],
    );
    assert_eq!(r.status, 303);
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "nobody@partner.test"), ("action", "delete")],
    );
    assert_eq!(r.status, 404);
}

#[test]
fn the_header_search_finds_users_in_every_domain() {
    let (p, a) = start();
    for address in ["bob@partner.test", "bea@other.test", "carl@other.test"] {
        let out = p.cl.cli(&["user", "add", address]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut root = admin::signed_in(&p.cl, &a);
    for page in ["/admin/directory", "/admin/monitor", "/admin/report", "/admin/settings"] {
        assert!(root.get(page).body.contains("id=\"find-user\""), "{page} has the search box");
    }
    let users = |page: &Response| -> Vec<String> {
        page.body
            .split("<tr><td><a href=\"")
            .skip(1)
            .map(|s| s[s.find('>').unwrap() + 1..s.find("</a>").unwrap()].to_string())
            .collect()
    };
    let b = root.get("/admin/directory?q=B");
    assert_eq!(b.status, 200);
    assert!(b.body.contains("Users of every domain"), "{}", b.body);
    assert_eq!(users(&b), ["bea@other.test", "bob@partner.test"]);
    assert_eq!(
        users(&root.get("/admin/directory?q=other.test")),
        ["bea@other.test", "carl@other.test"]
    );
    assert!(users(&root.get("/admin/directory?q=nobody")).is_empty());
    // Within a domain the search stays in it.
    assert_eq!(users(&root.get("/admin/directory?domain=other.test&q=b")), ["bea@other.test"]);
}

/// Rows of the vault's drafts and draft-file keys (`cloister storage`).
fn draft_rows(p: &common::portal::Portal) -> (u64, u64) {
    let storage: serde_json::Value = serde_json::from_slice(&p.cl.cli(&["storage", "--json"]).stdout).unwrap();
    let rows = |name: &str| {
        storage["tables"].as_array().unwrap().iter().find(|t| t["table"] == name).unwrap()["rows"]
            .as_u64()
            .unwrap()
    };
    (rows("drafts"), rows("draft_file_keys"))
}
