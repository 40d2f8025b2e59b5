//! SMTP intake end to end: the real binary, real SMTP, a real sink as relay.

mod common;

use std::time::Duration;

use common::sink::Sink;
use common::smtp::Client;
use common::{Cloister, message, wait_for};

fn recipients_of(msg: &serde_json::Value) -> Vec<(String, String, String, String)> {
    msg["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("address"), s("decision"), s("rule"), s("state"))
        })
        .collect()
}

fn ehlo(c: &Cloister) -> Client {
    let mut client = Client::connect(c.smtp);
    assert!(client.greeting.starts_with("220 "), "{}", client.greeting);
    let r = client.cmd("EHLO client.example.org");
    assert!(r.starts_with("250"), "{r}");
    client
}

/// The sink got exactly `original` with one Received header in front.
fn assert_byte_identical_apart_from_received(got: &[u8], original: &[u8]) {
    assert!(got.starts_with(b"Received: from "), "starts with our Received header");
    let end = got
        .windows(2)
        .enumerate()
        .skip(1)
        .find(|(i, w)| *w == b"\r\n" && !matches!(got.get(i + 2), Some(b' ' | b'\t')))
        .map(|(i, _)| i + 2)
        .unwrap();
    assert_eq!(&got[end..], original, "everything after Received is byte-identical");
}

#[test]
fn keyword_holds_external_recipient_and_relays_internal_one() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    let mut client = ehlo(&c);
    let body = message(
        &[
            "From: Alice <alice@example.org>",
            "To: x@other.test, bob@example.org",
            "Subject: [secure] Payroll March",
            "Message-ID: <k1@example.org>",
        ],
        "salaries\n",
    );
    let r = client.send("alice@example.org", &["x@other.test", "bob@example.org"], &body);
    assert!(r.starts_with("250 2.0.0"), "{r}");

    let msgs = c.messages();
    assert_eq!(msgs.len(), 1);
    assert_eq!(
        msgs[0]["subject"], "Payroll March",
        "the keyword is removed from the subject recipients see"
    );
    assert_eq!(msgs[0]["envelope_from"], "alice@example.org");
    let rcpts = recipients_of(&msgs[0]);
    assert!(
        rcpts.contains(&("x@other.test".into(), "vault".into(), "keyword:[secure]".into(), "held".into())),
        "{rcpts:?}"
    );
    let bob = rcpts.iter().find(|r| r.0 == "bob@example.org").unwrap();
    assert_eq!((bob.1.as_str(), bob.2.as_str()), ("relay", "internal-domain"));

    let caught = wait_for(Duration::from_secs(10), || {
        let m = sink.messages();
        (!m.is_empty()).then_some(m)
    })
    .expect("internal copy relayed");
    assert_eq!(caught.len(), 1);
    assert_eq!(
        caught[0].to,
        vec!["bob@example.org".to_string()],
        "only the internal recipient is relayed"
    );
    assert_byte_identical_apart_from_received(&caught[0].data, &body);
    // The relay state is recorded on the held message.
    let ok = wait_for(Duration::from_secs(5), || {
        let m = c.messages();
        recipients_of(&m[0])
            .iter()
            .any(|r| r.0 == "bob@example.org" && r.3 == "relayed")
            .then_some(())
    });
    assert!(ok.is_some(), "bob's state becomes relayed");
    // The external recipient gets the notice and first-contact credentials, the
    // internal sender (whose account this made) a welcome; the outbox empties.
    let notes = wait_for(Duration::from_secs(10), || {
        let n = sink.notifications();
        (n.len() == 3).then_some(n)
    })
    .expect("notification, first-contact and welcome mail sent");
    let to_partner = notes.iter().filter(|n| n.to == vec!["x@other.test".to_string()]).count();
    let welcome = notes.iter().filter(|n| n.to == vec!["alice@example.org".to_string()]).count();
    assert_eq!((to_partner, welcome), (2, 1));
    assert!(wait_for(Duration::from_secs(5), || c.outbox().is_empty().then_some(())).is_some());
}

#[test]
fn route_rules_hold_by_recipient_domain_and_sender() {
    let sink = Sink::start();
    let extra = r#"
[[policy.routes]]
name = "bank"
recipient_domain = "bank.test"
[[policy.routes]]
name = "legal"
sender = "*@legal.example.org"
"#;
    let c = Cloister::start(sink.port, extra);
    let mut client = ehlo(&c);
    let m1 = message(&["Subject: statement"], "x\n");
    assert!(
        client
            .send("alice@example.org", &["teller@bank.test", "friend@other.test"], &m1)
            .starts_with("250")
    );
    let m2 = message(&["Subject: contract"], "y\n");
    assert!(
        client
            .send("lawyer@legal.example.org", &["client@other.test"], &m2)
            .starts_with("250")
    );
    let msgs = c.messages();
    assert_eq!(msgs.len(), 2);
    let by_subject = |s: &str| msgs.iter().find(|m| m["subject"] == s).unwrap();
    let r1 = recipients_of(by_subject("statement"));
    assert!(
        r1.contains(&("teller@bank.test".into(), "vault".into(), "route:bank".into(), "held".into())),
        "{r1:?}"
    );
    assert!(
        r1.iter().any(|r| r.0 == "friend@other.test" && r.1 == "relay" && r.2 == "default"),
        "{r1:?}"
    );
    let r2 = recipients_of(by_subject("contract"));
    assert_eq!(
        r2,
        vec![("client@other.test".into(), "vault".into(), "route:legal".into(), "held".into())]
    );
    wait_for(Duration::from_secs(10), || (sink.messages().len() == 1).then_some(())).expect("friend@other.test relayed");
    assert_eq!(sink.messages()[0].to, vec!["friend@other.test".to_string()]);
}

#[test]
fn secure_header_modes_external_all_off_and_invalid() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    let mut client = ehlo(&c);
    let to = ["ext@other.test", "int@example.org"];

    let ext = message(&["Subject: one", "X-Cloister-Secure: external"], "a\n");
    assert!(client.send("alice@example.org", &to, &ext).starts_with("250"));
    let all = message(&["Subject: two", "X-Cloister-Secure: all"], "b\n");
    assert!(client.send("alice@example.org", &to, &all).starts_with("250"));
    let off = message(&["Subject: three", "X-Cloister-Secure: off"], "c\n");
    assert!(client.send("alice@example.org", &to, &off).starts_with("250"));
    let bad = message(&["Subject: four", "X-Cloister-Secure: maybe"], "d\n");
    let r = client.send("alice@example.org", &to, &bad);
    assert!(r.starts_with("550 5.6.0") && r.contains("off, external or all"), "{r}");

    let msgs = c.messages();
    assert_eq!(msgs.len(), 2, "external and all are held; off and the refused one are not");
    let by_subject = |s: &str| msgs.iter().find(|m| m["subject"] == s).unwrap();
    let r1 = recipients_of(by_subject("one"));
    assert!(r1.contains(&("ext@other.test".into(), "vault".into(), "header:external".into(), "held".into())));
    assert!(r1.iter().any(|r| r.0 == "int@example.org" && r.1 == "relay"));
    let r2 = recipients_of(by_subject("two"));
    assert!(r2.iter().all(|r| r.1 == "vault" && r.2 == "header:all"), "{r2:?}");

    let caught = wait_for(Duration::from_secs(10), || {
        let m = sink.messages();
        (m.len() == 3).then_some(m)
    })
    .expect("three relays (one per recipient): int@ of 'external', both of 'off'");
    for m in &caught {
        let text = String::from_utf8_lossy(&m.data);
        assert!(
            !text.to_ascii_lowercase().contains("x-cloister-secure"),
            "header stripped before relay: {text}"
        );
    }
    let mut off_to: Vec<String> = caught
        .iter()
        .filter(|m| m.text().contains("Subject: three"))
        .flat_map(|m| m.to.clone())
        .collect();
    off_to.sort();
    assert_eq!(
        off_to,
        vec!["ext@other.test".to_string(), "int@example.org".to_string()],
        "'off' relayed to both"
    );
    // The stored copy has the header removed too, and the event log says why it was held.
    let shown = c.cli(&["show", by_subject("two")["id"].as_str().unwrap()]);
    assert!(shown.status.success());
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let raw = shown["raw"].as_str().unwrap();
    assert!(
        raw.starts_with("Received: ") && raw.contains("Subject: two") && !raw.contains("X-Cloister-Secure"),
        "{raw}"
    );
    let events = c.events(by_subject("two")["id"].as_str().unwrap());
    assert!(
        events
            .iter()
            .any(|e| e.starts_with("held in isolation vault for int@example.org (rule header:all)")),
        "{events:?}"
    );
}

#[test]
fn secure_header_ignored_for_senders_not_allowed() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "[policy]\nsecure_mode_senders = [\"internal\"]\n");
    let mut client = ehlo(&c);
    let m = message(&["Subject: hi", "X-Cloister-Secure: all"], "x\n");
    assert!(client.send("outsider@elsewhere.test", &["ext@other.test"], &m).starts_with("250"));
    assert!(c.messages().is_empty(), "header from a sender not allowed does not vault");
    let caught = wait_for(Duration::from_secs(10), || sink.messages().pop()).expect("relayed as ordinary mail");
    assert!(!String::from_utf8_lossy(&caught.data).contains("X-Cloister-Secure"));
}

#[test]
fn ordinary_mail_arrives_at_the_relay_byte_identical() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    let mut client = ehlo(&c);
    let mut body = message(
        &[
            "From: alice@example.org",
            "To: x@other.test",
            "Subject: =?utf-8?q?caf=C3=A9?=",
            "Message-ID: <o1@example.org>",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ],
        ".leading dot line\n..two dots\ncafé ünïcode 8bit\n   indented\n\nlast line without trailing spaces",
    );
    body.extend_from_slice(b"\r\n");
    let r = client.send("alice@example.org", &["x@other.test"], &body);
    assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
    let caught = wait_for(Duration::from_secs(10), || sink.messages().pop()).expect("relayed");
    assert_eq!(caught.from, "alice@example.org");
    assert_eq!(caught.to, vec!["x@other.test".to_string()]);
    assert_byte_identical_apart_from_received(&caught.data, &body);
    let received = String::from_utf8_lossy(&caught.data);
    assert!(received.contains("by cloister.test (Cloister) with ESMTP id "), "{received}");
    assert!(c.messages().is_empty(), "ordinary mail is not held");
}

#[test]
fn null_sender_is_accepted_and_relayed() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    let mut client = ehlo(&c);
    let body = message(&["Subject: bounce"], "x\n");
    assert!(client.send("", &["x@other.test"], &body).starts_with("250"));
    let caught = wait_for(Duration::from_secs(10), || sink.messages().pop()).expect("relayed");
    assert_eq!(caught.from, "");
}

#[test]
fn oversize_is_refused_early_and_late_and_session_continues() {
    let c = Cloister::start_with(common::free_port(), "max_message_size = 2000", "");
    let mut client = ehlo(&c);
    assert!(client.cmd("EHLO x").contains("SIZE 2000"));
    let r = client.cmd("MAIL FROM:<a@example.org> SIZE=5000");
    assert!(r.starts_with("552 5.3.4"), "{r}");
    assert!(client.cmd("MAIL FROM:<a@example.org>").starts_with("250"));
    assert!(client.cmd("RCPT TO:<x@other.test>").starts_with("250"));
    let big = message(&["Subject: [secure] big"], &vec!["x".repeat(70); 50].join("\n"));
    let r = client.data(&big);
    assert!(r.starts_with("552 5.3.4"), "{r}");
    // The session goes on and a small message still works.
    let r = client.send("a@example.org", &["x@other.test"], &message(&["Subject: [secure] small"], "ok\n"));
    assert!(r.starts_with("250"), "{r}");
    assert_eq!(c.messages().len(), 1);
}

#[test]
fn bad_command_sequences_get_5xx_and_too_many_errors_close() {
    let c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    assert!(client.cmd("MAIL FROM:<a@example.org>").starts_with("503 5.5.1"), "MAIL before EHLO");
    assert!(client.cmd("EHLO x").starts_with("250"));
    assert!(client.cmd("RCPT TO:<x@other.test>").starts_with("503 5.5.1"), "RCPT before MAIL");
    assert!(client.cmd("DATA").starts_with("503 5.5.1"), "DATA before MAIL");
    assert!(client.cmd("MAIL FROM:<a@example.org>").starts_with("250"));
    assert!(
        client.cmd("MAIL FROM:<a@example.org>").starts_with("503 5.5.1"),
        "second MAIL without RSET"
    );
    assert!(client.cmd("DATA").starts_with("554 5.5.1"), "DATA without recipients");
    assert!(client.cmd("RSET").starts_with("250"));
    assert!(client.cmd("MAIL FROM:<a@example.org>").starts_with("250"), "MAIL after RSET");
    assert!(
        client.cmd("RCPT TO:<postmaster>").starts_with('5'),
        "a bare local part is not a deliverable recipient"
    );
    assert!(client.cmd("VRFY bob").starts_with("252"));
    assert!(client.cmd("NOOP").starts_with("250"));
    assert!(client.cmd("FOOBAR").starts_with("500 5.5.2"));
    assert!(client.cmd("MAIL FROM:bad").starts_with("501"));
    client.send_raw(b"NOOP\n");
    assert!(client.reply().starts_with("500 5.5.2"), "bare LF in a command");
    // Keep erring until the server gives up on us.
    let mut last = String::new();
    for _ in 0..10 {
        last = client.cmd("FOOBAR");
        if last.contains("421") {
            break;
        }
    }
    assert!(last.contains("421 4.7.0"), "{last}");
    assert_eq!(client.reply(), "", "connection closed");
}

#[test]
fn smuggling_payloads_are_refused_and_nothing_is_smuggled() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    let payloads: [&[u8]; 5] = [b"\n.\n", b"\n.\r\n", b"\r\n.\n", b"\r.\r\n", b"\r\n.\r"];
    for p in payloads {
        let mut client = ehlo(&c);
        assert!(client.cmd("MAIL FROM:<alice@example.org>").starts_with("250"));
        assert!(client.cmd("RCPT TO:<x@other.test>").starts_with("250"));
        assert!(client.cmd("DATA").starts_with("354"));
        let mut data = b"Subject: first\r\n\r\nhello".to_vec();
        data.extend_from_slice(p);
        data.extend_from_slice(
            b"MAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@other.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n.\r\n",
        );
        client.send_raw(&data);
        let r = client.reply();
        assert!(r.starts_with("550 5.6.0"), "payload {p:?}: {r}");
        assert!(
            client.cmd("NOOP").starts_with("250"),
            "session is in command state after the real end of data"
        );
    }
    std::thread::sleep(Duration::from_secs(2));
    assert!(sink.all().is_empty(), "nothing relayed: {:?}", sink.all());
    assert!(c.messages().is_empty());
}

#[test]
fn idle_client_is_disconnected_with_421() {
    let c = Cloister::start_with(common::free_port(), "command_timeout_secs = 1", "");
    let mut client = ehlo(&c);
    let started = std::time::Instant::now();
    let r = client.reply();
    assert!(r.starts_with("421 4.4.2"), "{r}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(client.reply(), "");
}
