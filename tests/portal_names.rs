//! Display names and blind copies from the portal, over real HTTPS against
//! the real binary, caught by a real SMTP sink: names typed or given by the
//! original arrive in the headers; a Bcc recipient gets the message and no
//! header names them; the reply's quote line dates the original as the
//! writer reads dates.

mod common;

use std::time::Duration;

use common::https::Agent;
use common::portal::{Portal, save_preferences};
use common::sink::Caught;
use common::{message, smtp, wait_for};

const GOOD: &str = "Correct-Horse-42-battery";

fn compose(agent: &mut Agent, extra: &[(&str, &str)]) -> common::https::Response {
    let page = agent.get("/compose");
    let mut fields = vec![("csrf", page.field("csrf")), ("draft", page.field("draft"))];
    fields.extend(extra.iter().map(|(k, v)| (*k, (*v).to_string())));
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    agent.post_multipart("/compose", &refs, &[])
}

fn caught_for(p: &Portal, to: &str, needle: &str) -> Caught {
    wait_for(Duration::from_secs(20), || {
        p.sink
            .all()
            .into_iter()
            .find(|m| m.to.iter().any(|t| t == to) && m.text().contains(needle))
    })
    .unwrap_or_else(|| panic!("no mail to {to} with {needle:?}"))
}

fn header(m: &Caught, name: &str) -> String {
    let parsed = mail_parser::MessageParser::default().parse(m.data.as_slice()).unwrap();
    parsed.header_raw(name).unwrap_or_default().trim().replace("\r\n ", " ")
}

#[test]
fn typed_names_and_the_authors_own_name_arrive_and_a_blind_copy_names_nobody() {
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    assert_eq!(save_preferences(&mut alice, &[("display_name", "Alice Example")]).status, 303);
    let r = compose(
        &mut alice,
        &[
            ("to", "Bob Example <bob@example.org>"),
            ("cc", "\"Doe, Jane\" <jane@example.org>, Zoë Ünal <zoe@example.org>"),
            ("bcc", "carol@example.org"),
            ("subject", "Names"),
            ("body", "Who is who."),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let copy = caught_for(&p, "bob@example.org", "Who is who.");
    assert_eq!(header(&copy, "From"), "\"Alice Example\" <alice@example.org>");
    assert_eq!(header(&copy, "To"), "\"Bob Example\" <bob@example.org>");
    let parsed = mail_parser::MessageParser::default().parse(copy.data.as_slice()).unwrap();
    let cc: Vec<(Option<&str>, Option<&str>)> = parsed.cc().unwrap().iter().map(|a| (a.name(), a.address())).collect();
    assert_eq!(
        cc,
        [
            (Some("Doe, Jane"), Some("jane@example.org")),
            (Some("Zoë Ünal"), Some("zoe@example.org"))
        ]
    );
    let blind = caught_for(&p, "carol@example.org", "Who is who.");
    for m in [&copy, &blind] {
        assert!(
            !m.text().to_ascii_lowercase().contains("carol"),
            "no header names the blind copy:\n{}",
            m.text()
        );
    }

    // An external author has no Bcc: the field is ignored, nobody gets a copy.
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let r = compose(
        &mut pat,
        &[
            ("to", "alice@example.org"),
            ("bcc", "dave@example.org"),
            ("subject", "Hi"),
            ("body", "No blind copies."),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    caught_for(&p, "alice@example.org", "No blind copies.");
    assert!(p.sink.all().iter().all(|m| !m.to.iter().any(|t| t == "dave@example.org")));
}

#[test]
fn a_reply_carries_the_names_of_the_original_but_not_the_one_it_gave_the_writer_and_dates_it_as_the_writer_reads_dates() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let headers = [
        "From: Alice Example <alice@example.org>",
        "To: Bank Security Team <pat@partner.test>",
        "Subject: [secure] Offer",
    ];
    let r = client.send("alice@example.org", &["pat@partner.test"], &message(&headers, "Our offer.\n"));
    let id = r.trim().rsplit(' ').next().unwrap().to_string();
    let saved = save_preferences(
        &mut pat,
        &[("date_format", "text"), ("clock_hours", "12"), ("time_zone", "Asia/Tokyo")],
    );
    assert_eq!(saved.status, 303);
    let form = pat.get(&format!("/m/{id}/reply"));
    assert!(form.body.contains("Alice Example &lt;alice@example.org&gt;"), "{}", form.body);
    let quote_line = form.body.lines().find(|l| l.contains("wrote:")).unwrap_or_default().to_string();
    assert!(
        quote_line.contains(" JST, ") && (quote_line.contains(" AM ") || quote_line.contains(" PM ")),
        "{quote_line}"
    );
    let r = p.reply(&mut pat, &id, "Re: Offer", "Accepted.");
    assert_eq!(r.status, 303, "{}", r.body);
    let answer = caught_for(&p, "alice@example.org", "Accepted.");
    // A sender chose that name: the writer's own (none set) stands.
    assert_eq!(header(&answer, "From"), "pat@partner.test");
    assert_eq!(header(&answer, "To"), "\"Alice Example\" <alice@example.org>");
}

#[test]
fn suggestions_are_the_users_own_correspondents_most_frequent_first() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    for (from, subject) in [
        ("Alice Example <alice@example.org>", "One"),
        ("carol@example.org", "Two"),
        ("Alice Example <alice@example.org>", "Three"),
    ] {
        let envelope = if from.contains('<') { "alice@example.org" } else { from };
        let headers = [
            format!("From: {from}"),
            "To: pat@partner.test, quinn@partner.test".to_string(),
            format!("Subject: [secure] {subject}"),
        ];
        let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let r = client.send(envelope, &["pat@partner.test", "quinn@partner.test"], &message(&refs, "Hello.\n"));
        assert!(r.starts_with("250"), "{r}");
    }
    let options = |body: &str| -> Vec<String> {
        body.split("<datalist id=\"correspondents\">")
            .nth(1)
            .unwrap()
            .split("</datalist>")
            .next()
            .unwrap()
            .split("<option value=\"")
            .skip(1)
            .map(|o| o.split('"').next().unwrap().replace("&lt;", "<").replace("&gt;", ">"))
            .collect()
    };
    assert_eq!(
        options(&pat.get("/compose").body),
        ["Alice Example <alice@example.org>", "carol@example.org"]
    );

    // An internal user is offered the people they wrote to, outside the organisation too.
    let mut alice = p.internal_user("alice@example.org");
    let r = compose(
        &mut alice,
        &[("to", "Quinn Q <quinn@partner.test>"), ("subject", "Hi"), ("body", "Hello.")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let offered = options(&alice.get("/compose").body);
    assert!(offered.contains(&"Quinn Q <quinn@partner.test>".to_string()), "{offered:?}");
    assert!(!offered.iter().any(|o| o.contains("alice@")), "never oneself: {offered:?}");
}
