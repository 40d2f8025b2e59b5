//! "250 means durable": restarts, kill -9, relay outages, concurrency.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use base64::Engine as _;
use common::sink::Sink;
use common::smtp::Client;
use common::{Cloister, message, wait_for};

fn send_secure(c: &Cloister, n: usize, tag: &str) -> Vec<String> {
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    (0..n)
        .map(|i| {
            let m = message(
                &[
                    &format!("Subject: [secure] {tag} {i}"),
                    &format!("Message-ID: <{tag}-{i}@example.org>"),
                ],
                "body\n",
            );
            let r = client.send("alice@example.org", &["x@other.test"], &m);
            assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
            r.trim().rsplit(' ').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn restart_keeps_messages_accounts_and_outbox() {
    let mut c = Cloister::start(common::free_port(), "");
    let ids = send_secure(&c, 5, "restart");
    let before = c.messages();
    let outbox_before = c.outbox();
    let ca_before = c.ca_pem();
    let cert_before = std::fs::read(c.data_dir().join("tls/server.pem")).unwrap();
    c.stop();
    // While stopped, the CLI reads the vault directly.
    let offline = c.messages();
    assert_eq!(offline, before);
    c.launch();
    assert_eq!(c.messages(), before, "same messages after restart");
    let rows = |v: &[serde_json::Value]| {
        v.iter()
            .map(|r| (r["id"].clone(), r["kind"].clone(), r["recipients"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&c.outbox()), rows(&outbox_before), "same outbox rows after restart");
    let got: Vec<String> = before.iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    for id in &ids {
        assert!(got.contains(id), "queue id {id} from the 250 reply is listed");
    }
    assert_eq!(c.ca_pem(), ca_before, "CA reused");
    assert_eq!(
        std::fs::read(c.data_dir().join("tls/server.pem")).unwrap(),
        cert_before,
        "server cert reused"
    );
    // New messages still get stored after restart.
    send_secure(&c, 1, "after");
    assert_eq!(c.messages().len(), 6);
}

#[test]
fn kill_9_right_after_250_keeps_the_message() {
    for round in 0..3 {
        let mut c = Cloister::start(common::free_port(), "");
        let mut client = Client::connect(c.smtp);
        client.cmd("EHLO x");
        let m = message(&["Subject: [secure] crash", "Message-ID: <crash@example.org>"], "must survive\n");
        let r = client.send("alice@example.org", &["x@other.test"], &m);
        assert!(r.starts_with("250"), "{r}");
        c.kill9();
        let msgs = c.messages();
        assert_eq!(msgs.len(), 1, "round {round}: the acknowledged message survived kill -9");
        c.launch();
        assert_eq!(c.messages().len(), 1);
    }
}

#[test]
fn relay_down_then_up_delivers_everything_exactly_once() {
    let relay_port = common::free_port();
    let c = Cloister::start(relay_port, "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    for i in 0..10 {
        let m = message(&["Subject: ordinary", &format!("Message-ID: <relay-{i}@example.org>")], "x\n");
        assert!(client.send("alice@example.org", &["x@other.test"], &m).starts_with("250"));
    }
    let deferred = wait_for(Duration::from_secs(10), || {
        let rows = c.outbox();
        rows.iter()
            .all(|r| r["attempts"].as_u64().unwrap_or(0) >= 1 && r["last_error"].is_string())
            .then_some(rows)
    })
    .expect("every row tried and deferred while the relay is down");
    assert_eq!(deferred.len(), 10);
    assert!(deferred.iter().all(|r| r["state"] == "pending"));

    let sink = Sink::start_on(relay_port);
    let caught = wait_for(Duration::from_secs(30), || {
        let m = sink.messages();
        (m.len() >= 10 && c.outbox().is_empty()).then_some(m)
    })
    .expect("all delivered once the relay is back");
    std::thread::sleep(Duration::from_secs(3));
    let caught_later = sink.messages();
    assert_eq!(caught_later.len(), caught.len(), "nothing sent twice later");
    let mut count: HashMap<String, usize> = HashMap::new();
    for m in &caught_later {
        let text = String::from_utf8_lossy(&m.data);
        let id = text.lines().find(|l| l.starts_with("Message-ID:")).unwrap().to_string();
        *count.entry(id).or_default() += 1;
    }
    assert_eq!(count.len(), 10);
    assert!(count.values().all(|&n| n == 1), "{count:?}");
}

#[test]
fn dead_letter_after_a_permanent_refusal_is_visible() {
    // A relay that answers 550 to every RCPT.
    let relay = common::picky::PickyRelay::start(|_| true);
    let port = relay.port;
    let c = Cloister::start(port, "");
    c.send_one("alice@example.org", &["nobody@other.test"], "x");
    let dead = wait_for(Duration::from_secs(10), || {
        let rows = c.outbox();
        rows.into_iter().find(|r| r["state"] == "dead")
    })
    .expect("row dead-lettered");
    assert!(dead["last_error"].as_str().unwrap().contains("550"), "{dead}");
}

#[test]
fn concurrent_sessions_all_stored() {
    let c = Cloister::start(common::free_port(), "");
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let addr = c.smtp;
            std::thread::spawn(move || {
                let mut client = Client::connect(addr);
                client.cmd("EHLO x");
                for i in 0..25 {
                    let m = message(&[&format!("Subject: [secure] t{t} m{i}")], "x\n");
                    let r = client.send("alice@example.org", &["x@other.test", "y@other.test"], &m);
                    assert!(r.starts_with("250"), "{r}");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let msgs = c.messages();
    assert_eq!(msgs.len(), 200);
    // One first-contact row per new recipient, one notification per vaulted recipient per message.
    let outbox = c.outbox();
    let first = outbox.iter().filter(|r| r["kind"] == "first_contact").count();
    let notes = outbox.iter().filter(|r| r["kind"] == "notification").count();
    assert_eq!((first, notes), (2, 400));
}

#[test]
fn relay_starttls_required_never_sends_in_plaintext() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "starttls = \"required\"\n");
    c.send_one("alice@example.org", &["x@other.test"], "x");
    let row = wait_for(Duration::from_secs(10), || {
        c.outbox().into_iter().find(|r| r["attempts"].as_u64().unwrap_or(0) >= 1)
    })
    .expect("attempted");
    assert_eq!(row["state"], "pending", "a missing STARTTLS is retried, not dropped");
    assert!(row["last_error"].as_str().unwrap().to_lowercase().contains("tls"), "{row}");
    assert!(sink.all().is_empty(), "nothing went out in plaintext");
}

#[test]
fn one_refused_recipient_does_not_fail_the_others() {
    // A relay that refuses one mailbox and takes the rest.
    let relay = common::picky::PickyRelay::start(|rcpt| rcpt.contains("typo@"));
    let (port, got) = (relay.port, std::sync::Arc::clone(&relay.delivered));
    let c = Cloister::start(port, "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let r = client.send(
        "alice@example.org",
        &["a@example.org", "typo@example.org", "b@example.org"],
        &message(&["Subject: team"], "x\n"),
    );
    assert!(r.starts_with("250"));
    let dead = wait_for(Duration::from_secs(10), || c.outbox().into_iter().find(|r| r["state"] == "dead")).expect("typo@ dead-lettered");
    assert_eq!(dead["recipients"], serde_json::json!(["typo@example.org"]));
    // a@ and b@ get the message; the internal sender gets a delivery-failure notice.
    wait_for(Duration::from_secs(10), || (got.lock().unwrap().len() == 3).then_some(())).expect("a@, b@ and the notice delivered");
    let rcpts = got.lock().unwrap().join(" ");
    let notice = relay
        .data
        .lock()
        .unwrap()
        .iter()
        .find(|d| d.contains("Auto-Submitted: auto-generated"))
        .cloned()
        .expect("failure notice");
    let parsed = mail_parser::MessageParser::default().parse(notice.as_bytes()).unwrap();
    assert_eq!(parsed.subject(), Some("Not delivered: team"));
    let text = parsed.body_text(0).unwrap();
    assert!(
        text.contains("typo@example.org") && text.contains("550 5.1.1 no such user"),
        "{text}"
    );
    assert!(
        rcpts.contains("a@example.org") && rcpts.contains("b@example.org") && rcpts.contains("alice@example.org"),
        "{rcpts}"
    );

    // The operator puts the dead row back; it is tried again (and refused again).
    let id = dead["id"].as_u64().unwrap().to_string();
    let out = c.cli(&["outbox", "retry", &id]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = wait_for(Duration::from_secs(10), || {
        c.outbox()
            .into_iter()
            .find(|r| r["id"] == dead["id"] && r["state"] == "dead" && r["attempts"].as_u64() > dead["attempts"].as_u64())
    });
    assert!(again.is_some(), "retried after `outbox retry`");
    let out = c.cli(&["outbox", "retry", "999999"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("not dead-lettered"));
}

#[test]
fn sigterm_tells_idle_sessions_421_and_keeps_what_was_acknowledged() {
    let mut c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let r = client.send(
        "alice@example.org",
        &["x@other.test"],
        &message(&["Subject: [secure] before stop"], "x\n"),
    );
    assert!(r.starts_with("250"));
    let started = std::time::Instant::now();
    c.stop();
    assert!(started.elapsed() < Duration::from_secs(8), "stops promptly");
    let r = client.reply();
    assert!(r.starts_with("421 4.3.2"), "idle session told to come back: {r:?}");
    assert!(c.log_text().contains("vault closed; stopped"), "clean close:\n{}", c.log_text());
    assert!(!c.data_dir().join("control.sock").exists(), "socket removed");
    c.launch();
    assert_eq!(c.messages().len(), 1);
}

#[test]
fn relay_over_starttls_with_auth_and_certificate_checks() {
    use common::tls_sink::TlsSink;
    use std::io::Write as _;
    let relay = TlsSink::start(true);
    let dir = tempfile::tempdir().unwrap();
    let pw = dir.path().join("relay.pw");
    std::fs::File::create(&pw).unwrap().write_all(b"relay-secret\n").unwrap();
    // The relay's certificate is from a CA Cloister does not know: with verification
    // on, nothing is sent (no downgrade to plaintext); with it off, mail goes over TLS.
    let extra = format!("username = \"cloister\"\npassword_file = \"{}\"\n", pw.display());
    let c = Cloister::start(relay.port, &extra);
    c.send_one("alice@example.org", &["x@other.test"], "via tls relay");
    let row = wait_for(Duration::from_secs(10), || {
        c.outbox().into_iter().find(|r| r["attempts"].as_u64().unwrap_or(0) >= 1)
    })
    .unwrap();
    assert!(row["last_error"].as_str().unwrap().starts_with("tls:"), "{row}");
    assert!(relay.messages().is_empty());

    let c = Cloister::start(relay.port, &format!("{extra}verify_certificate = false\n"));
    c.send_one("alice@example.org", &["x@other.test"], "via tls relay");
    let (got, over_tls) = wait_for(Duration::from_secs(10), || relay.messages().pop()).expect("relayed");
    assert!(over_tls);
    assert_eq!(got.to, vec!["x@other.test".to_string()]);
    let token = relay.auth.lock().unwrap().first().cloned().expect("AUTH PLAIN used");
    assert_eq!(
        base64::engine::general_purpose::STANDARD.decode(token).unwrap(),
        b"\0cloister\0relay-secret"
    );
}
