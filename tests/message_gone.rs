//! A message that was held for the reader and is no longer theirs to read —
//! recalled, their access taken back, or expired and removed — says what
//! happened and whom to ask, inside the signed-in page; to anyone else it
//! stays "not found" (regression: all three answered a bare "Not found … not
//! yours to see", even to a partner who had just signed in for it).

mod common;

use common::https::{Agent, Response};
use common::portal::Portal;
use common::stopped_vault;

const GOOD: &str = "Correct-Horse-42-battery";

fn post(agent: &mut Agent, path: &str, fields: &[(&str, &str)]) -> Response {
    let csrf = agent.get("/").field("csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    agent.post(path, &all)
}

fn alice(p: &Portal) -> Agent {
    let mut agent = p.agent();
    let r = p.code_sign_in(&mut agent, "alice@example.org", 0);
    assert_eq!(r.status, 303, "{}", r.body);
    agent
}

/// The page is the signed-in one (header with the reader and sign-out), with no content of the message.
fn assert_signed_in_page(r: &Response, reader: &str) {
    assert!(r.body.contains(reader) && r.body.contains("form id=\"sign-out\""), "{}", r.body);
    assert!(!r.body.contains("Quarterly figures"), "no subject: {}", r.body);
}

#[test]
fn a_recalled_or_revoked_message_says_what_happened_and_whom_to_ask() {
    let p = Portal::start("[notify]\nsupport_contact = \"help@example.org\"\n");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut carol = p.signed_in_user("carol@partner.test", GOOD);
    let mut dave = p.signed_in_user("dave@partner.test", GOOD);
    let recalled =
        p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Quarterly figures");
    let revoked = p.cl.send_one(
        "alice@example.org",
        &["bob@partner.test", "carol@partner.test"],
        "[secure] Quarterly figures",
    );
    assert_eq!(bob.get(&format!("/m/{recalled}")).status, 200);
    let mut alice = alice(&p);
    let r = post(&mut alice, &format!("/m/{recalled}/recall"), &[("confirm", "yes")]);
    assert_eq!(r.status, 303, "{}", r.body);
    let r = post(&mut alice, &format!("/m/{revoked}/revoke"), &[("recipient", "carol@partner.test")]);
    assert_eq!(r.status, 303, "{}", r.body);

    let r = bob.get(&format!("/m/{recalled}"));
    assert_eq!(r.status, 410, "{}", r.body);
    assert!(r.body.contains("This message is no longer available"), "{}", r.body);
    assert!(
        r.body.contains("alice@example.org recalled this message on ") && r.body.contains("If you still need it, ask alice@example.org."),
        "{}",
        r.body
    );
    assert!(r.body.contains("Questions about this service: help@example.org"), "{}", r.body);
    assert_signed_in_page(&r, "bob@partner.test");

    let r = carol.get(&format!("/m/{revoked}"));
    assert_eq!(r.status, 410, "{}", r.body);
    assert!(
        r.body.contains("alice@example.org took back your access to this message on "),
        "{}",
        r.body
    );
    assert_signed_in_page(&r, "carol@partner.test");
    assert_eq!(bob.get(&format!("/m/{revoked}")).status, 200, "bob still reads it");

    // Someone it was never held for learns nothing, and keeps the signed-in page.
    for id in [&recalled, &revoked] {
        let r = dave.get(&format!("/m/{id}"));
        assert_eq!(r.status, 404, "{}", r.body);
        assert!(
            r.body.contains("not yours to see") && !r.body.contains("alice@example.org"),
            "{}",
            r.body
        );
        assert_signed_in_page(&r, "dave@partner.test");
    }
    let r = dave.get("/no/such/page");
    assert_eq!(r.status, 404);
    assert_signed_in_page(&r, "dave@partner.test");
}

#[test]
fn a_message_removed_after_its_retention_says_so() {
    let mut p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let old =
        p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Quarterly figures");
    assert_eq!(bob.get(&format!("/m/{old}")).status, 200);
    p.cl.stop();
    stopped_vault::edit(&p.cl.data_dir(), |txn| {
        stopped_vault::edit_message(txn, &old, stopped_vault::age_past_retention);
    });
    p.cl.launch();
    let out = p.cl.cli(&["purge"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r = bob.get(&format!("/m/{old}"));
    assert_eq!(r.status, 410, "{}", r.body);
    assert!(
        r.body.contains("This message expired and was removed on ") && r.body.contains("ask alice@example.org to send it again"),
        "{}",
        r.body
    );
    assert_signed_in_page(&r, "bob@partner.test");
}
