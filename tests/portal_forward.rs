//! Forward from the portal, over real HTTPS against the real binary: the
//! original's text and attachments go along, an external user may forward
//! only inside the organisation, and a message closed to answers is not
//! forwarded at all.

mod common;

use std::time::Duration;

use common::https::{Agent, Response};
use common::portal::Portal;
use common::{message, smtp, wait_for};

const GOOD: &str = "Correct-Horse-42-battery";

/// Alice (internal) sends pat a secure message with an attachment; its queue id.
fn contract_for_pat(p: &Portal) -> String {
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let body = "--b1\nContent-Type: text/plain\n\nPlease review clause 4.\n--b1\nContent-Type: application/pdf; name=\"contract.pdf\"\nContent-Disposition: attachment; filename=\"contract.pdf\"\n\n%PDF-1.4 contract\n--b1--\n";
    let headers = [
        "From: Alice <alice@example.org>",
        "To: pat@partner.test",
        "Subject: [secure] Contract",
        "Content-Type: multipart/mixed; boundary=\"b1\"",
    ];
    let r = client.send("alice@example.org", &["pat@partner.test"], &message(&headers, body));
    assert!(r.starts_with("250"), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

fn forward(agent: &mut Agent, id: &str) -> Response {
    let page = agent.get(&format!("/m/{id}"));
    assert_eq!(page.status, 200, "{}", page.body);
    agent.post(&format!("/m/{id}/forward"), &[("csrf", &page.field("csrf"))])
}

fn send_draft(agent: &mut Agent, draft_page: &Response, to: &str) -> Response {
    let fields = [
        ("csrf", draft_page.field("csrf")),
        ("draft", draft_page.field("draft")),
        ("purpose", draft_page.field("purpose")),
        ("id", draft_page.field("id")),
        ("to", to.to_string()),
        ("subject", "Fwd: Contract".to_string()),
        ("body", "See below.\n\nPlease review clause 4.".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    agent.post_multipart("/compose", &refs, &[])
}

#[test]
fn an_external_user_forwards_inside_the_organisation_with_the_attachment() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = contract_for_pat(&p);
    assert!(pat.get(&format!("/m/{id}")).body.contains("id=\"forward-button\""));
    let r = forward(&mut pat, &id);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location().starts_with("/drafts/"), "{}", r.location());
    let draft = pat.get(r.location());
    assert!(draft.body.contains("value=\"Fwd: Contract\""), "{}", draft.body);
    assert!(
        draft.body.contains("Forwarded message") && draft.body.contains("Please review clause 4."),
        "{}",
        draft.body
    );
    assert!(draft.body.contains("contract.pdf"), "the attachment goes along: {}", draft.body);
    assert_eq!(draft.field("purpose"), "forward");

    let refused = send_draft(&mut pat, &draft, "outsider@other.test");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("example.org") && refused.body.contains("contract.pdf"),
        "{}",
        refused.body
    );
    let r = send_draft(&mut pat, &refused, "bob@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    let relayed = wait_for(Duration::from_secs(20), || {
        p.sink.all().into_iter().find(|m| m.to.iter().any(|t| t == "bob@example.org"))
    })
    .expect("forwarded to bob");
    let parsed = mail_parser::MessageParser::default().parse(relayed.data.as_slice()).unwrap();
    assert_eq!(
        parsed.attachment(0).map(mail_parser::MessagePart::contents),
        Some(&b"%PDF-1.4 contract"[..])
    );
    assert!(p.sink.all().iter().all(|m| !m.to.iter().any(|t| t == "outsider@other.test")));
}

#[test]
fn a_message_closed_to_answers_is_not_forwarded() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    let fields = [
        ("csrf", form.field("csrf")),
        ("to", "pat@partner.test".to_string()),
        ("subject", "Strictly private".to_string()),
        ("body", "Not for anyone else.".to_string()),
        ("restriction", "no_print_no_reply".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(alice.post_multipart("/compose", &refs, &[]).status, 303);
    let record = wait_for(Duration::from_secs(10), || {
        p.cl.messages().into_iter().find(|m| m["subject"] == "Strictly private")
    })
    .expect("stored");
    let id = record["id"].as_str().unwrap().to_string();
    let page = pat.get(&format!("/m/{id}"));
    assert!(
        page.body.contains("Not for anyone else.") && !page.body.contains("forward-button"),
        "{}",
        page.body
    );
    let r = pat.post(&format!("/m/{id}/forward"), &[("csrf", &page.field("csrf"))]);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(!pat.get("/drafts").body.contains("Strictly private"), "no draft was made");
}

#[test]
fn a_forward_draft_posted_as_a_new_message_still_checks_the_original_at_send() {
    // The form's purpose once decided what was checked: a forward draft
    // posted as `purpose=new` sent the original's files after a recall.
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = contract_for_pat(&p);
    let r = forward(&mut pat, &id);
    assert_eq!(r.status, 303, "{}", r.body);
    let draft = pat.get(r.location());
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    let sent = alice.get(&format!("/m/{id}"));
    let r = alice.post(&format!("/m/{id}/recall"), &[("csrf", &sent.field("csrf")), ("confirm", "yes")]);
    assert_eq!(r.status, 303, "{}", r.body);

    let fields = [
        ("csrf", draft.field("csrf")),
        ("draft", draft.field("draft")),
        ("purpose", "new".to_string()),
        ("id", String::new()),
        ("to", "bob@example.org".to_string()),
        ("subject", "Fwd: Contract".to_string()),
        ("body", "See below.".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = pat.post_multipart("/compose", &refs, &[]);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("no longer available") && r.body.contains("contract.pdf"),
        "{}",
        r.body
    );
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        p.sink.all().iter().all(|m| !m.to.iter().any(|t| t == "bob@example.org")),
        "nothing reached bob"
    );
    let kept = pat.get(&format!("/drafts/{}", draft.field("draft")));
    assert_eq!(kept.field("purpose"), "forward", "{}", kept.body);
}
