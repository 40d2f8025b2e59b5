//! Connection limits, broken input that must not be lost, and the transaction log.

mod common;

use std::time::Duration;

use common::sink::Sink;
use common::smtp::Client;
use common::{Cloister, message, wait_for};

#[test]
fn connections_per_client_and_in_total_are_limited() {
    let c = Cloister::start_with(
        common::free_port(),
        "max_connections_per_client = 2\nmax_connections = 3\nreserved_trusted_connections = 0",
        "",
    );
    let a = Client::connect(c.smtp);
    let b = Client::connect(c.smtp);
    assert!(a.greeting.starts_with("220") && b.greeting.starts_with("220"));
    let third = Client::connect(c.smtp);
    assert!(
        third.greeting.starts_with("421 4.7.0 Too many connections from your address"),
        "{}",
        third.greeting
    );
    drop(a);
    let again = wait_for(Duration::from_secs(5), || {
        let c2 = Client::connect(c.smtp);
        c2.greeting.starts_with("220").then_some(c2)
    });
    assert!(again.is_some(), "a slot frees when a connection ends");

    let c = Cloister::start_with(
        common::free_port(),
        "max_connections_per_client = 10\nmax_connections = 2\nreserved_trusted_connections = 0",
        "",
    );
    let _a = Client::connect(c.smtp);
    let _b = Client::connect(c.smtp);
    let third = Client::connect(c.smtp);
    assert!(
        third.greeting.starts_with("421 4.7.0 Too many connections, try again later"),
        "{}",
        third.greeting
    );
}

#[test]
fn broken_mime_is_accepted_and_kept_byte_for_byte() {
    let c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let broken = b"Subject: [secure] broken\r\nContent-Type: multipart/mixed; boundary=\"never-closed\"\r\nContent-Transfer-Encoding: base64\r\n\r\n--never-closed\r\nContent-Type: text/plain\r\n\r\n!!! not base64 \xff\xfe\r\n--wrong-boundary--\r\n".to_vec();
    let r = client.send("alice@example.org", &["x@other.test"], &broken);
    assert!(r.starts_with("250"), "{r}");
    let msgs = c.messages();
    assert_eq!(msgs.len(), 1);
    let id = msgs[0]["id"].as_str().unwrap();
    let shown: serde_json::Value = serde_json::from_slice(&c.cli(&["show", id]).stdout).unwrap();
    let raw = shown["raw"].as_str().unwrap();
    assert!(
        raw.ends_with(&String::from_utf8_lossy(&broken).into_owned()),
        "stored bytes are the received bytes"
    );

    // A message with no header section at all is kept too (and relayed when not secure).
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    assert!(
        client
            .send("alice@example.org", &["x@other.test"], b"just a line of text\r\n")
            .starts_with("250")
    );
    let caught = wait_for(Duration::from_secs(10), || sink.messages().pop()).unwrap();
    assert!(caught.data.ends_with(b"\r\njust a line of text\r\n"));
}

#[test]
fn one_log_line_per_transaction_names_everything() {
    let c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let r = client.send(
        "alice@example.org",
        &["x@other.test", "bob@example.org"],
        &message(&["Subject: [secure] log me"], "x\n"),
    );
    let qid = r.trim().rsplit(' ').next().unwrap().to_string();
    let line = wait_for(Duration::from_secs(5), || {
        c.log_text()
            .lines()
            .find(|l| l.contains("smtp transaction") && l.contains(&qid))
            .map(str::to_string)
    })
    .expect("transaction logged");
    for part in [
        "client=127.0.0.1",
        "sender=alice@example.org",
        "x@other.test=vault(keyword:[secure])",
        "bob@example.org=relay(internal-domain)",
        "size=",
        "result=250",
    ] {
        assert!(line.contains(part), "{part} in {line}");
    }
    // Refused transactions are logged too.
    client.cmd("MAIL FROM:<alice@example.org>");
    client.cmd("RCPT TO:<x@other.test>");
    client.cmd("DATA");
    client.send_raw(b"Subject: x\r\n\r\nbare\nlf\r\n.\r\n");
    assert!(client.reply().starts_with("550"));
    assert!(wait_for(Duration::from_secs(5), || c.log_text().contains("message refused").then_some(())).is_some());
}
