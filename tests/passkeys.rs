//! Passkeys over real HTTPS with hand-built WebAuthn answers (a software
//! authenticator, `common/authenticator.rs`): enrolment, sign-in with the
//! passkey alone, renaming and removal, the first contact's passkey in
//! place of a password, and every faulty answer refused with an event and
//! no session.

mod common;

use common::authenticator::{Authenticator, Faults, options, post_fields};
use common::https::{Agent, Response};
use common::portal::Portal;

const SESSION: &str = "__Host-cloister";

fn origin(p: &Portal) -> String {
    format!("https://cloister.test:{}", p.cl.https.port())
}

/// Enrols `key` for the signed-in `agent` under `name`; returns the answer to the add.
fn enrol(p: &Portal, agent: &mut Agent, key: &mut Authenticator, name: &str, faults: &Faults) -> Response {
    let page = agent.get("/account/passkeys");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("id=\"passkey-add\""),
        "the page offers to add one: {}",
        page.body
    );
    let csrf = page.field("csrf");
    let o = options(agent, "/account/passkeys/options", &csrf);
    assert_eq!(o["rp"]["id"], "cloister.test");
    assert_eq!(o["authenticatorSelection"]["userVerification"], "required");
    assert_eq!(o["attestation"], "none");
    let fields = key.create(&o, &origin(p), faults);
    post_fields(
        agent,
        "/account/passkeys/add",
        &[("csrf", &csrf), ("name", name), ("next", "/")],
        &fields,
    )
}

/// A fresh browser signs in with `key`; returns it and the answer.
fn passkey_sign_in(p: &Portal, key: &mut Authenticator, faults: &Faults) -> (Agent, Response) {
    let mut agent = p.agent();
    let page = agent.get("/login");
    assert!(
        page.body.contains("id=\"passkey-sign-in\""),
        "the sign-in page offers passkeys: {}",
        page.body
    );
    let csrf = page.field("csrf");
    let o = options(&mut agent, "/login/passkey/options", &csrf);
    assert_eq!(o["rpId"], "cloister.test");
    assert_eq!(o["allowCredentials"], serde_json::json!([]), "no address is looked up");
    let fields = key.get(&o, &origin(p), faults);
    let r = post_fields(&mut agent, "/login/passkey", &[("csrf", &csrf), ("next", "/")], &fields);
    (agent, r)
}

fn audit(p: &Portal, kind: &str) -> Vec<(String, String)> {
    let out = p.cl.cli(&["audit", "--json", "--status", kind]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .map(|r| {
            (
                r["who"].as_str().unwrap_or_default().to_string(),
                r["what"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_partner_enrols_a_passkey_signs_in_with_it_alone_renames_and_removes_it() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("partner@client.test", "Correct horse battery 9");
    let mut key = Authenticator::new();
    let r = enrol(&p, &mut agent, &mut key, "Work laptop", &Faults::default());
    assert_eq!(
        (r.status, r.location()),
        (303, "/account/passkeys?done=added&next=%2F"),
        "{}",
        r.body
    );
    let page = agent.get(r.location());
    assert!(page.body.contains("value=\"Work laptop\""), "{}", page.body);
    assert!(page.text_of("passkeys-notice").contains("added"), "{}", page.body);

    let (mut phone, r) = passkey_sign_in(&p, &mut key, &Faults::default());
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    assert!(phone.cookies.contains_key(SESSION));
    let inbox = phone.get("/");
    assert_eq!(inbox.status, 200, "no password, no second step: {}", inbox.body);
    assert!(inbox.body.contains("partner@client.test"));
    let shown = phone.get("/account/passkeys");
    assert!(!shown.body.contains("Never used"), "its last use is shown: {}", shown.body);

    let events = audit(&p, "account");
    assert!(
        events
            .iter()
            .any(|(who, what)| who == "partner@client.test" && what == "added passkey \u{201c}Work laptop\u{201d}"),
        "{events:?}"
    );
    let sign_ins = audit(&p, "sign-in");
    assert!(
        sign_ins
            .iter()
            .any(|(who, what)| who == "partner@client.test" && what.starts_with("signed in with a passkey from")),
        "{sign_ins:?}"
    );

    let csrf = shown.field("csrf");
    let id = common::authenticator::b64(&key.credential_id);
    let r = phone.post("/account/passkeys/rename", &[("csrf", &csrf), ("id", &id), ("name", "Old laptop")]);
    assert_eq!((r.status, r.location()), (303, "/account/passkeys?done=renamed"));
    let r = phone.post("/account/passkeys/remove", &[("csrf", &csrf), ("id", &id)]);
    assert_eq!((r.status, r.location()), (303, "/account/passkeys?done=removed"));
    let (stranger, r) = passkey_sign_in(&p, &mut key, &Faults::default());
    assert_eq!(r.status, 200, "a removed passkey signs nobody in");
    assert!(!stranger.cookies.contains_key(SESSION));
    let events = audit(&p, "account");
    assert!(
        events
            .iter()
            .any(|(_, what)| what == "renamed passkey \u{201c}Work laptop\u{201d} to \u{201c}Old laptop\u{201d}"),
        "{events:?}"
    );
    assert!(
        events.iter().any(|(_, what)| what == "removed passkey \u{201c}Old laptop\u{201d}"),
        "{events:?}"
    );
}

#[test]
fn each_faulty_answer_is_refused_with_an_event_and_no_session() {
    // Room for every case before the client address is locked out.
    let p = Portal::start("[portal]\nlockout_threshold = 50\n");
    let mut alice = p.signed_in_user("alice@client.test", "Correct horse battery 9");
    let mut bob = p.signed_in_user("bob@client.test", "Correct horse battery 9");
    let (mut alice_key, mut bob_key) = (Authenticator::new(), Authenticator::new());
    assert_eq!(enrol(&p, &mut alice, &mut alice_key, "A", &Faults::default()).status, 303);
    assert_eq!(enrol(&p, &mut bob, &mut bob_key, "B", &Faults::default()).status, 303);

    // The same answer twice: the challenge was used up by the first (which
    // also stores a counter for the case of one gone back, below).
    a_replayed_answer_starts_no_session(&p, &mut alice_key);

    let cases = faulty_answers(&bob_key);
    for (case, faults, why) in cases {
        let before = audit(&p, "sign-in-failed").len();
        let (agent, r) = passkey_sign_in(&p, &mut alice_key, &faults);
        assert_eq!(r.status, 200, "{case}: {}", r.body);
        assert!(r.body.contains("That passkey did not sign you in"), "{case}: {}", r.body);
        assert!(!agent.cookies.contains_key(SESSION), "{case}: no session");
        let failed = audit(&p, "sign-in-failed");
        assert_eq!(failed.len(), before + 1, "{case}: one event");
        let (who, what) = failed.last().unwrap();
        assert!(what.contains(why), "{case}: {what}");
        let owner = if case == "another account's credential" {
            "bob@client.test"
        } else {
            "alice@client.test"
        };
        assert_eq!(who, owner, "{case}");
    }
}

#[test]
fn an_answer_after_the_challenge_expired_is_refused() {
    let p = Portal::start("[portal]\npasskey_timeout_secs = 5\n");
    let mut agent = p.signed_in_user("late@client.test", "Correct horse battery 9");
    let mut key = Authenticator::new();
    assert_eq!(enrol(&p, &mut agent, &mut key, "Slow", &Faults::default()).status, 303);
    let mut browser = p.agent();
    let page = browser.get("/login");
    let csrf = page.field("csrf");
    let o = options(&mut browser, "/login/passkey/options", &csrf);
    assert_eq!(o["timeout"], 5000);
    std::thread::sleep(std::time::Duration::from_secs(6));
    let fields = key.get(&o, &origin(&p), &Faults::default());
    let r = post_fields(&mut browser, "/login/passkey", &[("csrf", &csrf), ("next", "/")], &fields);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!browser.cookies.contains_key(SESSION));
    let (_, what) = audit(&p, "sign-in-failed").pop().unwrap();
    assert!(what.contains("expired or used"), "{what}");
}

#[test]
fn a_first_contact_chooses_a_passkey_instead_of_the_mailed_password() {
    let p = Portal::start("");
    let to = "first@client.test";
    let (once, _) = p.invite(to);
    let mut agent = p.agent();
    let r = p.sign_in(&mut agent, to, &once, "/");
    assert!(r.location().starts_with("/password/change"), "{r:?}");
    let page = agent.get(r.location());
    assert!(
        page.body.contains("id=\"passkey-add\""),
        "the forced change offers a passkey: {}",
        page.body
    );
    assert!(page.body.contains("name=\"instead\" value=\"1\""), "{}", page.body);
    let csrf = page.field("csrf");
    let o = options(&mut agent, "/account/passkeys/options", &csrf);
    let mut key = Authenticator::new();
    let fields = key.create(&o, &origin(&p), &Faults::default());
    let r = post_fields(
        &mut agent,
        "/account/passkeys/add",
        &[("csrf", &csrf), ("name", ""), ("next", "/"), ("instead", "1")],
        &fields,
    );
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    assert_eq!(agent.get("/").status, 200, "signed in, nothing more to do");

    let mut other = p.agent();
    let r = p.sign_in(&mut other, to, &once, "/");
    assert_eq!(r.status, 200, "the mailed password works no more");
    let (_, r) = passkey_sign_in(&p, &mut key, &Faults::default());
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    let events = audit(&p, "account");
    assert!(
        events
            .iter()
            .any(|(who, what)| who == to && what.contains("added passkey \u{201c}Passkey\u{201d} instead of a password")),
        "{events:?}"
    );
}

#[test]
fn an_enrolment_answer_for_another_origin_or_session_is_refused() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("careful@client.test", "Correct horse battery 9");
    let mut key = Authenticator::new();
    let wrong = Faults {
        origin: Some("https://evil.example".into()),
        ..Faults::default()
    };
    let r = enrol(&p, &mut agent, &mut key, "Phished", &wrong);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.text_of("passkeys-error").contains("not added"), "{}", r.body);
    // A challenge another session was given does not answer this one's.
    let mut other = p.signed_in_user("other@client.test", "Correct horse battery 9");
    let page = other.get("/account/passkeys");
    let o = options(&mut other, "/account/passkeys/options", &page.field("csrf"));
    let fields = key.create(&o, &origin(&p), &Faults::default());
    let csrf = agent.get("/account/passkeys").field("csrf");
    let r = post_fields(
        &mut agent,
        "/account/passkeys/add",
        &[("csrf", &csrf), ("name", "x"), ("next", "/")],
        &fields,
    );
    assert_eq!(r.status, 200);
    assert!(agent.get("/account/passkeys").body.contains("passkeys-none"), "nothing was added");
}

/// `key` signs in; the same answer posted again from another browser is refused.
fn a_replayed_answer_starts_no_session(p: &Portal, key: &mut Authenticator) {
    let mut agent = p.agent();
    let page = agent.get("/login");
    let csrf = page.field("csrf");
    let o = options(&mut agent, "/login/passkey/options", &csrf);
    let fields = key.get(&o, &origin(p), &Faults::default());
    let first = post_fields(&mut agent, "/login/passkey", &[("csrf", &csrf), ("next", "/")], &fields);
    assert_eq!(first.status, 303, "{}", first.body);
    let mut replayer = p.agent();
    replayer.get("/login");
    let csrf2 = replayer.cookies.get("__Host-cloister-pre").cloned().unwrap();
    let again = post_fields(&mut replayer, "/login/passkey", &[("csrf", &csrf2), ("next", "/")], &fields);
    assert_eq!(again.status, 200);
    assert!(!replayer.cookies.contains_key(SESSION), "a replayed answer starts no session");
    let (_, what) = audit(p, "sign-in-failed").pop().unwrap();
    assert!(what.contains("no passkey sign-in under way here"), "{what}");
}

/// Each fault an answer can have, and the words its refusal's event uses;
/// `bob` is another account's authenticator.
fn faulty_answers(bob: &Authenticator) -> Vec<(&'static str, Faults, &'static str)> {
    vec![
        (
            "wrong origin",
            Faults {
                origin: Some("https://cloister.test.evil.example".into()),
                ..Faults::default()
            },
            "signed for another origin",
        ),
        (
            "wrong relying party",
            Faults {
                rp_id: Some("evil.example".into()),
                ..Faults::default()
            },
            "another relying party id",
        ),
        (
            "a challenge not given",
            Faults {
                challenge: Some(vec![9; 32]),
                ..Faults::default()
            },
            "the challenge is not the one given",
        ),
        (
            "a bad signature",
            Faults {
                bad_signature: true,
                ..Faults::default()
            },
            "the signature does not verify",
        ),
        (
            "no user verification",
            Faults {
                no_user_verification: true,
                ..Faults::default()
            },
            "did not verify the user",
        ),
        (
            "another account's user",
            Faults {
                user_handle: Some(bob.user_handle.clone()),
                ..Faults::default()
            },
            "names another user",
        ),
        (
            "another account's credential",
            Faults {
                credential: Some(common::authenticator::b64(&bob.credential_id)),
                user_handle: Some(String::new()),
                ..Faults::default()
            },
            "the signature does not verify",
        ),
        (
            "a counter gone back",
            Faults {
                counter: Some(0),
                ..Faults::default()
            },
            "counter went back",
        ),
    ]
}

#[test]
fn internal_users_must_enrol_a_passkey_and_then_sign_in_with_it_when_required() {
    let p = Portal::start("[portal]\nrequire_passkey_for_internal = true\n");
    let me = "ian@example.org";
    assert!(p.cl.cli(&["user", "add", me]).status.success());
    let root = common::admin::add(&p.cl, "root");
    let mut console = common::admin::signed_in(&p.cl, &root);
    let password = "Correct horse battery 9";
    let fields = [
        ("address", me),
        ("action", "set-password"),
        ("new_password", password),
        ("confirm_password", password),
    ];
    assert_eq!(common::admin::post(&mut console, "/admin/user", &fields).status, 303);

    let mut agent = p.agent();
    assert_eq!(p.sign_in(&mut agent, me, password, "/").status, 303);
    let r = agent.get("/");
    assert_eq!(
        (r.status, r.location()),
        (303, "/account/passkeys?next=%2F"),
        "nothing before a passkey"
    );
    let page = agent.get(r.location());
    assert!(page.body.contains("id=\"passkeys-required\""), "{}", page.body);
    let mut key = Authenticator::new();
    assert_eq!(enrol(&p, &mut agent, &mut key, "Office", &Faults::default()).status, 303);
    assert_eq!(agent.get("/").status, 200, "enrolled: the inbox opens");

    // Neither the right password nor a right emailed code signs in now.
    let mut other = p.agent();
    let r = p.sign_in(&mut other, me, password, "/");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("requires you to sign in with your passkey"), "{}", r.body);
    let r = p.code_sign_in(&mut other, me, 0);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("requires you to sign in with your passkey"), "{}", r.body);
    assert!(!other.cookies.contains_key(SESSION));
    let refused = audit(&p, "sign-in-failed");
    assert_eq!(
        refused.iter().filter(|(_, what)| what.contains("a passkey is required")).count(),
        2,
        "{refused:?}"
    );

    let (mut phone, r) = passkey_sign_in(&p, &mut key, &Faults::default());
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    let page = phone.get("/account/passkeys");
    let id = common::authenticator::b64(&key.credential_id);
    let r = phone.post("/account/passkeys/remove", &[("csrf", &page.field("csrf")), ("id", &id)]);
    assert_eq!(r.status, 200);
    assert!(
        r.text_of("passkeys-error").contains("requires a passkey"),
        "the last one stays: {}",
        r.body
    );
}
