//! The sender's controls over a secure message, over real HTTPS against the
//! real binary: status per recipient, recall, extend once within retention,
//! revoke and re-grant one recipient; and that nobody else can use them.

mod common;

use common::https::{Agent, Response};
use common::portal::Portal;
use common::{message, smtp};

const GOOD: &str = "Correct-Horse-42-battery";

/// Alice (internal) sends a secure message over SMTP; returns its queue id.
fn from_alice(p: &Portal, to: &[&str], subject: &str) -> String {
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let to_header = format!("To: {}", to.join(", "));
    let subject = format!("Subject: {subject}");
    let headers = ["From: Alice <alice@example.org>", to_header.as_str(), subject.as_str()];
    let r = client.send("alice@example.org", to, &message(&headers, "The original text.\n"));
    assert!(r.starts_with("250"), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

/// Alice signed in with an emailed code (her account exists once she has sent secure mail).
fn alice(p: &Portal) -> Agent {
    let mut agent = p.agent();
    let r = p.code_sign_in(&mut agent, "alice@example.org", 0);
    assert_eq!(r.status, 303, "{}", r.body);
    agent
}

fn post(agent: &mut Agent, path: &str, fields: &[(&str, &str)]) -> Response {
    let csrf = agent.get("/").field("csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    agent.post(path, &all)
}

/// The text of the status cell of `address` in the sender's status table.
fn status_of(page: &str, address: &str) -> String {
    let table = &page[page.find("id=\"recipient-status\"").expect("status table")..];
    let row = &table[table
        .find(&format!("<td>{address}</td>"))
        .unwrap_or_else(|| panic!("no row for {address}"))..];
    let cell = &row[row.find("class=\"status\">").unwrap() + 15..];
    cell[..cell.find("</td>").unwrap()].to_string()
}

/// The (value, text) options of the extend list.
fn extend_options(page: &str) -> Vec<(i64, String)> {
    let Some(at) = page.find("name=\"until\"") else {
        return Vec::new();
    };
    let list = &page[at..page[at..].find("</select>").unwrap() + at];
    list.split("<option value=\"")
        .skip(1)
        .map(|o| {
            let (value, rest) = o.split_once("\">").unwrap();
            (value.parse().unwrap(), rest[..rest.find('<').unwrap()].to_string())
        })
        .collect()
}

#[test]
fn sent_view_shows_each_recipients_status_with_the_read_time() {
    let p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = from_alice(&p, &["bob@partner.test", "carol@partner.test"], "[secure] Figures");
    let mut alice = alice(&p);
    let before = alice.get(&format!("/m/{id}"));
    assert_eq!(status_of(&before.body, "bob@partner.test"), "Sent");
    assert!(alice.get("/sent").body.contains("<td class=\"status\">Sent</td>"));

    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
    let after = alice.get(&format!("/m/{id}"));
    let bob_status = status_of(&after.body, "bob@partner.test");
    assert!(
        bob_status.starts_with("Read <span class=\"hint\">20"),
        "read with its time: {bob_status}"
    );
    assert_eq!(status_of(&after.body, "carol@partner.test"), "Sent");
    assert!(after.body.contains("id=\"message-status\">Read<"), "{}", after.body);
    let sent = alice.get("/sent");
    assert!(sent.body.contains("<td class=\"status\">Read by 1 of 2</td>"), "{}", sent.body);
    let listed = p.cl.messages();
    let record = listed.iter().find(|m| m["id"] == id.as_str()).unwrap();
    assert!(record["recipients"][0]["read_at"].is_string(), "{record}");
    // Recipients see no status panel and no controls.
    let as_bob = bob.get(&format!("/m/{id}"));
    assert!(
        !as_bob.body.contains("recipient-status") && !as_bob.body.contains("/recall"),
        "{}",
        as_bob.body
    );
}

#[test]
fn recall_removes_the_original_from_every_recipient_at_once_and_cannot_be_undone() {
    let p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = from_alice(&p, &["bob@partner.test", "carol@partner.test"], "[secure] Wrong figures");
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
    assert!(bob.get("/").body.contains("Wrong figures"));
    let mut alice = alice(&p);

    let unconfirmed = post(&mut alice, &format!("/m/{id}/recall"), &[]);
    assert_eq!(unconfirmed.status, 403, "a recall needs the box ticked");
    assert!(unconfirmed.body.contains("cannot be undone"), "{}", unconfirmed.body);
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200, "nothing recalled yet");

    let r = post(&mut alice, &format!("/m/{id}/recall"), &[("confirm", "yes")]);
    assert_eq!((r.status, r.location()), (303, format!("/m/{id}?done=recalled#status").as_str()));
    // Gone from the recipient at once; the page says so (410, tests/message_gone.rs).
    assert_eq!(bob.get(&format!("/m/{id}")).status, 410, "gone from the recipient at once");
    assert!(!bob.get("/").body.contains("Wrong figures"));
    assert!(bob.get("/").body.contains("Contract draft"), "other messages stay");
    let page = alice.get(&format!("/m/{id}?done=recalled"));
    assert!(page.body.contains("recalled from every recipient"), "{}", page.body);
    assert!(
        status_of(&page.body, "bob@partner.test").starts_with("Recalled <span class=\"hint\">(read 20"),
        "bob had read it"
    );
    assert_eq!(status_of(&page.body, "carol@partner.test"), "Recalled");
    assert!(
        !page.body.contains("recall-form") && !page.body.contains("/grant"),
        "no controls left"
    );
    assert!(alice.get("/sent").body.contains("<td class=\"status\">Recalled</td>"));

    let again = post(&mut alice, &format!("/m/{id}/recall"), &[("confirm", "yes")]);
    assert_eq!(again.status, 403);
    assert!(again.body.contains("cannot be undone"), "{}", again.body);
    let regrant = post(&mut alice, &format!("/m/{id}/grant"), &[("recipient", "bob@partner.test")]);
    assert_eq!(regrant.status, 403, "no access again after a recall");
    assert_eq!(bob.get(&format!("/m/{id}")).status, 410);
    let events = p.cl.events(&id);
    assert!(events.iter().any(|e| e.starts_with("recalled by alice@example.org")), "{events:?}");
}

#[test]
fn recall_leaves_the_recipients_reply_in_place() {
    let p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = from_alice(&p, &["bob@partner.test"], "[secure] Question");
    let r = p.reply(&mut bob, &id, "Re: Question", "My answer.");
    assert_eq!(r.status, 303, "{}", r.body);
    let mut alice = alice(&p);
    let r = post(&mut alice, &format!("/m/{id}/recall"), &[("confirm", "yes")]);
    assert_eq!(r.status, 303);
    let sent = bob.get("/sent");
    assert!(
        sent.body.contains("Re: Question"),
        "the reply stays in the recipient's Sent: {}",
        sent.body
    );
    let reply_id = sent.body.split("href=\"/m/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let reply = bob.get(&format!("/m/{reply_id}"));
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("My answer."), "{}", reply.body);
}

#[test]
fn expiry_is_extended_once_and_never_past_the_retention_period() {
    let p = Portal::start("[messages]\nexpiry_default_days = 30\nexpiry_max_days = 30\nretention_days = 40\n");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = from_alice(&p, &["bob@partner.test"], "[secure] Long project");
    let mut alice = alice(&p);
    let page = alice.get(&format!("/m/{id}"));
    let options = extend_options(&page.body);
    // 30 days + 1 or 7 fit in 40 days; +30 does not: the retention end is offered instead.
    assert_eq!(options.len(), 3, "{options:?}");
    let limit = options.last().unwrap().0;
    assert!(options.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(options[1].0 - options[0].0, 6 * 86_400);

    let past = post(&mut alice, &format!("/m/{id}/extend"), &[("until", &(limit + 86_400).to_string())]);
    assert_eq!(past.status, 403);
    assert!(past.body.contains("retention period"), "{}", past.body);
    let earlier = post(
        &mut alice,
        &format!("/m/{id}/extend"),
        &[("until", &(options[0].0 - 5 * 86_400).to_string())],
    );
    assert_eq!(earlier.status, 403);
    assert!(earlier.body.contains("later than the current one"), "{}", earlier.body);
    let junk = post(&mut alice, &format!("/m/{id}/extend"), &[("until", "soon")]);
    assert_eq!(junk.status, 403);

    let (until, text) = options[1].clone();
    let r = post(&mut alice, &format!("/m/{id}/extend"), &[("until", &until.to_string())]);
    assert_eq!(r.status, 303, "{}", r.body);
    let bob_page = bob.get(&format!("/m/{id}"));
    assert!(
        bob_page.body.contains(&format!("<dt>Expires</dt><dd>{text}</dd>")),
        "the recipient sees the new expiry {text}: {}",
        bob_page.body
    );
    let page = alice.get(&format!("/m/{id}"));
    assert!(extend_options(&page.body).is_empty(), "no second extension is offered");
    assert!(page.body.contains("only once"), "{}", page.body);
    let second = post(&mut alice, &format!("/m/{id}/extend"), &[("until", &limit.to_string())]);
    assert_eq!(second.status, 403);
    assert!(second.body.contains("only once"), "{}", second.body);
    assert!(p.cl.events(&id).iter().any(|e| e.starts_with("expiry extended from")));
}

#[test]
fn an_unread_extended_message_shows_extended() {
    let p = Portal::start("");
    let id = from_alice(&p, &["dan@partner.test"], "[secure] Later");
    let mut alice = alice(&p);
    let (until, _) = extend_options(&alice.get(&format!("/m/{id}")).body)[0].clone();
    assert_eq!(
        post(&mut alice, &format!("/m/{id}/extend"), &[("until", &until.to_string())]).status,
        303
    );
    let page = alice.get(&format!("/m/{id}"));
    assert_eq!(status_of(&page.body, "dan@partner.test"), "Extended");
    assert!(alice.get("/sent").body.contains("<td class=\"status\">Extended</td>"));
}

#[test]
fn access_is_revoked_and_granted_again_for_one_recipient_even_after_reading() {
    let p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut carol = p.signed_in_user("carol@partner.test", GOOD);
    let id = from_alice(&p, &["bob@partner.test", "carol@partner.test"], "[secure] Board pack");
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
    let mut alice = alice(&p);

    let r = post(&mut alice, &format!("/m/{id}/revoke"), &[("recipient", "bob@partner.test")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(bob.get(&format!("/m/{id}")).status, 410, "taken back: the page says so");
    assert_eq!(bob.get(&format!("/m/{id}/eml")).status, 404);
    assert!(!bob.get("/").body.contains("Board pack"));
    assert_eq!(carol.get(&format!("/m/{id}")).status, 200, "the other recipient keeps access");
    let page = alice.get(&format!("/m/{id}"));
    assert!(status_of(&page.body, "bob@partner.test").starts_with("Access revoked <span class=\"hint\">(read 20"));
    let twice = post(&mut alice, &format!("/m/{id}/revoke"), &[("recipient", "bob@partner.test")]);
    assert_eq!(twice.status, 403);
    let stranger = post(&mut alice, &format!("/m/{id}/revoke"), &[("recipient", "eve@partner.test")]);
    assert_eq!(stranger.status, 403);
    assert!(stranger.body.contains("not a secure recipient"), "{}", stranger.body);

    let r = post(&mut alice, &format!("/m/{id}/grant"), &[("recipient", "bob@partner.test")]);
    assert_eq!(r.status, 303, "{}", r.body);
    let inbox = bob.get("/");
    assert!(inbox.body.contains("Board pack"), "back in the Inbox: {}", inbox.body);
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
    let page = alice.get(&format!("/m/{id}"));
    assert!(
        status_of(&page.body, "bob@partner.test").starts_with("Read"),
        "still read, with its time"
    );
    let events = p.cl.events(&id);
    assert!(
        events
            .iter()
            .any(|e| e == "access revoked for bob@partner.test by alice@example.org"),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e == "access granted again to bob@partner.test by alice@example.org"),
        "{events:?}"
    );
}

#[test]
fn sender_controls_answer_not_found_to_everyone_but_the_sender() {
    let p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = from_alice(&p, &["bob@partner.test"], "[secure] Mine");
    let mut dave = p.agent();
    p.cl.cli(&["user", "add", "dave@example.org"]);
    let r = p.code_sign_in(&mut dave, "dave@example.org", 0);
    assert_eq!(r.status, 303);
    for agent in [&mut bob, &mut dave] {
        for (path, fields) in [
            ("recall", vec![("confirm", "yes")]),
            ("extend", vec![("until", "4102444800")]),
            ("revoke", vec![("recipient", "bob@partner.test")]),
            ("grant", vec![("recipient", "bob@partner.test")]),
        ] {
            let r = post(agent, &format!("/m/{id}/{path}"), &fields);
            assert_eq!(r.status, 404, "{path}: {}", r.body);
        }
    }
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200, "nothing changed");
    // Without the form token nothing happens either.
    let mut alice = alice(&p);
    let forged = alice.post(&format!("/m/{id}/recall"), &[("confirm", "yes")]);
    assert_eq!(forged.status, 403);
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
}
