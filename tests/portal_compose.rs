//! Reply, reply all and compose from the portal, over real HTTPS against the
//! real binary; what leaves is caught by a real SMTP sink.

mod common;

use std::time::Duration;

use common::https::Response;
use common::portal::{Portal, compose_fields, post_compose, text_part};
use common::sink::Caught;
use common::{message, smtp, wait_for};
use redb::ReadableTable as _;

const GOOD: &str = "Correct-Horse-42-battery";

/// Alice (internal) sends a secure message to `to`; returns its queue id.
fn from_alice(p: &Portal, to: &[&str], cc: &[&str], subject: &str) -> String {
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let to_header = format!("To: {}", to.join(", "));
    let cc_header = format!("Cc: {}", cc.join(", "));
    let subject = format!("Subject: {subject}");
    let mut headers = vec![
        "From: Alice <alice@example.org>",
        &to_header,
        &subject,
        "Message-ID: <orig-1@example.org>",
    ];
    if !cc.is_empty() {
        headers.push(&cc_header);
    }
    let all: Vec<&str> = to.iter().chain(cc).copied().collect();
    let r = client.send("alice@example.org", &all, &message(&headers, "The original text.\n"));
    assert!(r.starts_with("250"), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

/// The form fields of a compose page, with `extra` (same names replace).
fn form_fields(page: &Response, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    compose_fields(page, &["csrf", "purpose", "id"], extra)
}

/// Mails the sink caught for `to` whose raw text contains `needle`.
fn caught_for(p: &Portal, to: &str, needle: &str) -> Vec<Caught> {
    p.sink
        .all()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == to) && (m.text().contains(needle) || text_part(m).contains(needle)))
        .collect()
}

fn wait_caught(p: &Portal, to: &str, needle: &str) -> Caught {
    wait_for(Duration::from_secs(20), || caught_for(p, to, needle).into_iter().next())
        .unwrap_or_else(|| panic!("no mail to {to} containing {needle:?}"))
}

fn spool_is_empty(p: &Portal) -> bool {
    std::fs::read_dir(p.cl.data_dir().join("spool")).unwrap().next().is_none()
}

#[test]
fn reply_reaches_the_internal_sender_through_the_relay_with_its_attachment() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = from_alice(&p, &["pat@partner.test"], &[], "[secure] Contract draft");
    let page = pat.get(&format!("/m/{id}"));
    assert!(page.body.contains(&format!("href=\"/m/{id}/reply\"")), "{}", page.body);
    let form = pat.get(&format!("/m/{id}/reply"));
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("alice@example.org"), "{}", form.body);
    assert!(
        form.body.contains("&gt; The original text."),
        "the original is quoted: {}",
        form.body
    );
    let pdf = b"%PDF-1.4 signed contract\n".repeat(4000);
    // A forged recipient is ignored: a reply goes only to the original parties.
    let fields = form_fields(
        &form,
        &[
            ("subject", "Re: Contract draft"),
            ("body", "Signed copy attached.\nGrüße, Pat"),
            ("to", "evil@elsewhere.test"),
        ],
    );
    let r = post_compose(&mut pat, &fields, &[("attachment", "signed.pdf", "application/pdf", &pdf)]);
    assert_eq!((r.status, r.location()), (303, "/sent?done=sent"), "{}", r.body);
    let reply = wait_caught(&p, "alice@example.org", "Signed copy");
    assert_eq!(reply.to, vec!["alice@example.org".to_string()]);
    assert_eq!(reply.from, "pat@partner.test");
    assert!(caught_for(&p, "evil@elsewhere.test", "").is_empty());
    let parsed = mail_parser::MessageParser::default().parse(&reply.data).unwrap();
    assert_eq!(parsed.in_reply_to().as_text(), Some("orig-1@example.org"));
    assert_eq!(text_part(&reply).replace("\r\n", "\n"), "Signed copy attached.\nGrüße, Pat");
    assert_eq!(parsed.attachment(0).unwrap().contents(), pdf.as_slice());
    let sent = pat.get("/sent?done=sent");
    assert!(sent.body.contains("Message sent."), "{}", sent.body);
    assert!(sent.body.contains("Re: Contract draft"), "the reply is in Sent: {}", sent.body);
    assert!(spool_is_empty(&p), "spool files are removed after sending");
    // Regression: a portal send was recorded as an SMTP delivery ("received
    // from … helo=portal", `with ESMTPSA`).
    let head = String::from_utf8_lossy(&reply.data[..reply.data.windows(4).position(|w| w == b"\r\n\r\n").unwrap()]).to_string();
    assert!(head.contains("with HTTPS") && !head.contains("ESMTP"), "{head}");
    let messages = p.cl.messages();
    let written = messages
        .iter()
        .find(|m| m["subject"] == "Re: Contract draft")
        .expect("the reply is kept");
    let story = p.cl.events(written["id"].as_str().unwrap());
    assert!(story.iter().all(|w| !w.starts_with("received from")), "{story:?}");
    assert!(
        story
            .iter()
            .any(|w| w.starts_with("written in the portal by pat@partner.test from 127.0.0.1")),
        "{story:?}"
    );
}

#[test]
fn reply_all_relays_to_internal_parties_and_holds_it_for_external_ones() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = from_alice(
        &p,
        &["pat@partner.test", "bob@example.org"],
        &["quinn@other.test"],
        "[secure] Board pack",
    );
    let form = pat.get(&format!("/m/{id}/reply-all"));
    assert_eq!(form.status, 200, "{}", form.body);
    for party in ["alice@example.org", "bob@example.org", "quinn@other.test"] {
        assert!(form.body.contains(party), "{party} in {}", form.body);
    }
    let fields = form_fields(&form, &[("subject", "Re: Board pack"), ("body", "Agreed.")]);
    let r = post_compose(&mut pat, &fields, &[]);
    assert_eq!(r.status, 303, "{}", r.body);
    wait_caught(&p, "alice@example.org", "Agreed.");
    wait_caught(&p, "bob@example.org", "Agreed.");
    // Quinn is external: a notice, never the text.
    assert!(caught_for(&p, "quinn@other.test", "Agreed.").is_empty());
    let notices = wait_for(Duration::from_secs(20), || {
        let n = p.sink.notifications().into_iter().filter(|m| m.to == ["quinn@other.test"]).count();
        (n >= 2).then_some(n)
    });
    assert!(notices.is_some(), "Quinn is notified of the original and of the reply");
}

#[test]
fn external_users_write_only_to_internal_addresses() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let inbox = pat.get("/");
    assert!(inbox.body.contains("href=\"/compose\""), "{}", inbox.body);
    let form = pat.get("/compose");
    assert_eq!(form.status, 200);
    assert!(!form.body.contains("name=\"restriction\""), "options are for internal senders only");
    let outside = form_fields(&form, &[("to", "someone@other.test"), ("subject", "Hi"), ("body", "x")]);
    let r = post_compose(&mut pat, &outside, &[]);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("someone@other.test is not one of them"), "{}", r.body);
    let bad = form_fields(&form, &[("to", "not an address"), ("subject", "Hi")]);
    let r = post_compose(&mut pat, &bad, &[]);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("is not an email address"), "{}", r.body);
    let ok = form_fields(
        &form,
        &[("to", "Bob <bob@example.org>"), ("subject", "Question"), ("body", "New question.")],
    );
    let r = post_compose(&mut pat, &ok, &[]);
    assert_eq!(r.status, 303, "{}", r.body);
    wait_caught(&p, "bob@example.org", "New question.");
}

#[test]
fn lite_mode_has_no_compose_for_external_users() {
    let p = Portal::start("[portal]\nlite_mode = true\n");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let inbox = pat.get("/");
    assert!(!inbox.body.contains("href=\"/compose\""), "{}", inbox.body);
    assert_eq!(pat.get("/compose").status, 404);
    let csrf = inbox.field("csrf");
    let r = pat.post_multipart(
        "/compose",
        &[("csrf", &csrf), ("purpose", "new"), ("to", "bob@example.org"), ("body", "x")],
        &[],
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("New messages cannot be written"), "{}", r.body);
    // Replies still work in lite mode.
    let id = from_alice(&p, &["pat@partner.test"], &[], "[secure] Lite");
    assert_eq!(pat.get(&format!("/m/{id}/reply")).status, 200);
    // Internal users still compose.
    let mut alice = p.internal_user("alice@example.org");
    assert_eq!(alice.get("/compose").status, 200);
}

#[test]
fn restricted_message_has_no_print_or_reply_and_a_forged_reply_is_refused() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    assert!(form.body.contains("name=\"restriction\""), "{}", form.body);
    let fields = form_fields(
        &form,
        &[
            ("to", "pat@partner.test"),
            ("subject", "Strictly private"),
            ("body", "Do not print."),
            ("mode", "external"),
            ("restriction", "no_print_no_reply"),
            ("read_receipt", "yes"),
            ("expiry", "7"),
        ],
    );
    let r = post_compose(&mut alice, &fields, &[]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(
        caught_for(&p, "pat@partner.test", "Do not print.").is_empty(),
        "external: held, not relayed"
    );
    let record = wait_for(Duration::from_secs(10), || {
        p.cl.messages().into_iter().find(|m| m["subject"] == "Strictly private")
    })
    .expect("stored");
    let id = record["id"].as_str().unwrap().to_string();
    let unix = |k: &str| {
        mail_parser::DateTime::parse_rfc3339(record[k].as_str().unwrap())
            .unwrap()
            .to_timestamp()
    };
    assert_eq!((unix("expires_at") - unix("received_at")) / 86_400, 7, "{record}");
    assert_eq!(record["restriction"], "no_print_no_reply");
    assert_eq!(record["read_receipt"], true);
    let page = pat.get(&format!("/m/{id}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Do not print."));
    for absent in ["/reply\"", "/print", "/eml"] {
        assert!(!page.body.contains(&format!("/m/{id}{absent}")), "{absent} offered: {}", page.body);
    }
    assert!(page.body.contains("does not allow printing or replying"), "{}", page.body);
    assert_eq!(pat.get(&format!("/m/{id}/print")).status, 403);
    assert_eq!(pat.get(&format!("/m/{id}/eml")).status, 403);
    assert_eq!(pat.get(&format!("/m/{id}/reply")).status, 403);
    let csrf = page.field("csrf");
    let forged = pat.post_multipart(
        "/compose",
        &[("csrf", &csrf), ("purpose", "reply"), ("id", &id), ("body", "forged")],
        &[],
    );
    assert_eq!(forged.status, 422, "{}", forged.body);
    assert!(forged.body.contains("does not allow replies"), "{}", forged.body);
    // The sender may still print her own message; the read receipt reaches her.
    assert_eq!(alice.get(&format!("/m/{id}/print")).status, 200);
    let events = p.cl.events(&id);
    assert!(
        events.iter().any(|e| e.contains("read receipt queued for alice@example.org")),
        "{events:#?}"
    );
    p.mail_to("alice@example.org", "pat@partner.test", 0);
}

#[test]
fn attachments_over_the_limit_are_refused_and_nothing_is_kept() {
    let p = Portal::start("[messages]\nattachment_limit = 100000\n");
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    assert!(
        form.body.contains("data-limit=\"100000\""),
        "the page knows the limit: {}",
        form.body
    );
    let big = vec![b'x'; 60_000];
    let fields = form_fields(&form, &[("to", "pat@partner.test"), ("subject", "Big"), ("body", "Too big")]);
    let r = post_compose(
        &mut alice,
        &fields,
        &[
            ("attachment", "a.bin", "application/octet-stream", &big),
            ("attachment", "b.bin", "application/octet-stream", &big),
        ],
    );
    assert_eq!(r.status, 413, "{}", r.body);
    assert!(
        r.body
            .contains("The attachments come to 120 kB; the total allowed per message is 100 kB"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Too big"), "the text survives: {}", r.body);
    assert!(spool_is_empty(&p));
    assert!(p.cl.messages().iter().all(|m| m["subject"] != "Big"));
    let r = post_compose(&mut alice, &fields, &[("attachment", "a.bin", "application/octet-stream", &big)]);
    assert_eq!(r.status, 303, "under the limit it goes: {}", r.body);
}

#[test]
fn a_multipart_post_without_the_csrf_field_first_writes_nothing() {
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let page = alice.get("/compose");
    let csrf = page.field("csrf");
    let file: &[u8] = b"payload";
    let files = [("attachment", "x.bin", "application/octet-stream", file)];
    let r = alice.post_multipart("/compose", &[("purpose", "new"), ("csrf", &csrf)], &files);
    assert_eq!(r.status, 403, "csrf must come first");
    let r = alice.post_multipart("/compose", &[("csrf", "wrong"), ("to", "pat@partner.test")], &files);
    assert_eq!(r.status, 403);
    // Multipart is accepted only by the compose form.
    let r = alice.post_multipart("/logout", &[("csrf", &csrf)], &[]);
    assert_eq!(r.status, 403);
    assert!(spool_is_empty(&p));
    assert_eq!(alice.get("/").status, 200, "still signed in");
}

#[test]
fn another_users_message_cannot_be_replied_to() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let theirs = from_alice(&p, &["quinn@other.test"], &[], "[secure] Not for Pat");
    assert_eq!(pat.get(&format!("/m/{theirs}/reply")).status, 404);
    assert_eq!(pat.get(&format!("/m/{theirs}/reply-all")).status, 404);
    let csrf = pat.get("/").field("csrf");
    let r = pat.post_multipart(
        "/compose",
        &[("csrf", &csrf), ("purpose", "reply_all"), ("id", &theirs), ("body", "peek")],
        &[],
    );
    // Refused as any original not there is (the draft is kept): nothing
    // tells that the message exists.
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("no longer available") && !r.body.contains("Not for Pat"),
        "{}",
        r.body
    );
    assert!(caught_for(&p, "alice@example.org", "peek").is_empty());
}

#[test]
fn unique_recipient_cap_refuses_smtp_and_portal_sends_naming_the_limit() {
    let p = Portal::start("[messages]\nunique_recipients_per_month = 2\n");
    for to in ["r1@other.test", "r2@other.test", "r1@other.test"] {
        from_alice(&p, &[to], &[], "[secure] capped");
    }
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let r = client.send(
        "alice@example.org",
        &["r3@other.test"],
        &message(&["Subject: [secure] one more"], "x\n"),
    );
    assert!(r.starts_with("550 5.7.1"), "{r}");
    assert!(r.contains("limit of 2 unique secure recipients"), "{r}");
    // Ordinary mail is not counted.
    let r = client.send("alice@example.org", &["r4@other.test"], &message(&["Subject: plain"], "x\n"));
    assert!(r.starts_with("250"), "{r}");
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    let fields = form_fields(&form, &[("to", "r5@other.test"), ("subject", "Capped"), ("body", "x")]);
    let r = post_compose(&mut alice, &fields, &[]);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("limit of 2 different secure recipients"), "{}", r.body);
    assert!(p.cl.messages().iter().all(|m| m["subject"] != "Capped"), "nothing stored");
}

#[test]
fn internal_senders_choose_the_mode_and_get_a_copy_at_the_mail_server() {
    let p = Portal::start("[messages]\nbcc_to_mail_server = true\n");
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    // Mode off: ordinary policy, so a plain message to an outsider is relayed.
    let off = form_fields(
        &form,
        &[
            ("to", "ext@other.test"),
            ("subject", "Lunch"),
            ("body", "Ordinary."),
            ("mode", "off"),
        ],
    );
    assert_eq!(post_compose(&mut alice, &off, &[]).status, 303);
    wait_caught(&p, "ext@other.test", "Ordinary.");
    // Mode all: even the internal recipient reads it in the portal.
    let all = form_fields(
        &form,
        &[
            ("to", "bob@example.org"),
            ("subject", "Salaries"),
            ("body", "Private."),
            ("mode", "all"),
        ],
    );
    assert_eq!(post_compose(&mut alice, &all, &[]).status, 303);
    let notice = wait_for(Duration::from_secs(20), || {
        p.sink.notifications().into_iter().find(|m| m.to == ["bob@example.org"])
    });
    assert!(notice.is_some(), "bob is notified");
    assert!(caught_for(&p, "bob@example.org", "Private.").is_empty());
    // Both went to Alice's own mailbox through the mail server too.
    let copy = wait_caught(&p, "alice@example.org", "Private.");
    assert_eq!(copy.from, "alice@example.org");
    wait_caught(&p, "alice@example.org", "Ordinary.");
    let sent = alice.get("/sent");
    assert!(sent.body.contains("Salaries") && sent.body.contains("Lunch"), "{}", sent.body);
}

#[test]
fn an_expired_message_can_be_read_but_not_answered() {
    let mut p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = from_alice(&p, &["pat@partner.test"], &[], "[secure] Short-lived");
    assert_eq!(pat.get(&format!("/m/{id}/reply")).status, 200);
    p.cl.stop();
    {
        // Move Pat's entry past its expiry, as time would.
        let db = redb::Database::create(p.cl.data_dir().join("vault.redb")).unwrap();
        let txn = db.begin_write().unwrap();
        {
            let mailbox: redb::TableDefinition<(&str, u64), &[u8]> = redb::TableDefinition::new("mailbox");
            let mut table = txn.open_table(mailbox).unwrap();
            let key = ("pat@partner.test", u64::from_str_radix(&id, 16).unwrap());
            let mut entry: serde_json::Value = serde_json::from_slice(table.get(key).unwrap().unwrap().value()).unwrap();
            entry["expires_at"] = serde_json::json!(1);
            table.insert(key, serde_json::to_vec(&entry).unwrap().as_slice()).unwrap();
        }
        txn.commit().unwrap();
    }
    p.cl.launch();
    let mut pat = p.agent();
    assert_eq!(p.sign_in(&mut pat, "pat@partner.test", GOOD, "/").status, 303);
    let page = pat.get(&format!("/m/{id}"));
    assert_eq!(page.status, 200, "still readable");
    assert!(
        page.body.contains("it has expired") || page.body.contains("has expired"),
        "{}",
        page.body
    );
    assert!(!page.body.contains(&format!("/m/{id}/reply")), "no reply button");
    assert!(page.body.contains(&format!("/m/{id}/print")), "print stays available");
    let r = pat.get(&format!("/m/{id}/reply"));
    assert_eq!(r.status, 403);
    assert!(r.body.contains("expired"), "{}", r.body);
    let csrf = page.field("csrf");
    let forged = pat.post_multipart(
        "/compose",
        &[("csrf", &csrf), ("purpose", "reply"), ("id", &id), ("body", "late")],
        &[],
    );
    assert_eq!(forged.status, 422);
    assert!(caught_for(&p, "alice@example.org", "late").is_empty());
}
