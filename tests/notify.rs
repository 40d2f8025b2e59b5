//! Mail Cloister writes itself: secure-message notices, first-contact credentials,
//! templates and DKIM, caught by a real SMTP sink.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::sink::{Caught, Sink};
use common::smtp::Client;
use common::{Cloister, message, wait_for};
use mail_parser::MessageParser;

fn send_secure(c: &Cloister, to: &[&str], subject: &str) -> String {
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let m = message(
        &["From: Alice Sender <alice@example.org>", &format!("Subject: [secure] {subject}")],
        "the secret body text\n",
    );
    let r = client.send("alice@example.org", to, &m);
    assert!(r.starts_with("250"), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

/// Notices and credentials caught: the sender's welcome mail (tests/welcome.rs) left out.
fn notes_of(sink: &Sink) -> Vec<Caught> {
    let welcome = |m: &Caught| m.header("Subject").is_some_and(|s| s.contains("secure message portal"));
    sink.notifications().into_iter().filter(|m| !welcome(m)).collect()
}

fn wait_notifications(sink: &Sink, n: usize) -> Vec<Caught> {
    wait_for(Duration::from_secs(15), || {
        let got = notes_of(sink);
        (got.len() >= n).then_some(got)
    })
    .unwrap_or_else(|| panic!("expected {n} notifications, got {:?}", notes_of(sink).len()))
}

fn decoded_parts(m: &Caught) -> (String, String) {
    let parsed = MessageParser::default().parse(&m.data).expect("parses");
    (
        parsed.body_text(0).unwrap_or_default().into_owned(),
        parsed.body_html(0).unwrap_or_default().into_owned(),
    )
}

fn is_notice(m: &Caught) -> bool {
    m.header("Subject").is_some_and(|s| s.contains("secure message is waiting"))
}

#[test]
fn notice_and_credentials_arrive_without_leaking_sender_subject_or_body() {
    let sink = Sink::start();
    let c = Cloister::start(
        sink.port,
        "[notify]\norganisation = \"Example Ltd\"\nsupport_contact = \"IT desk 1234\"\n",
    );
    let qid = send_secure(&c, &["ext@partner.test"], "Quarterly Zebra figures");
    let notes = wait_notifications(&sink, 2);
    assert_eq!(notes.len(), 2);
    let notice = notes.iter().find(|m| is_notice(m)).expect("secure-message notice");
    let creds = notes.iter().find(|m| !is_notice(m)).expect("first-contact mail");

    for m in [notice, creds] {
        assert_eq!(m.to, vec!["ext@partner.test".to_string()]);
        assert_eq!(m.from, "no-reply@cloister.test", "envelope sender");
        assert!(m.header("From").unwrap().contains("no-reply@cloister.test"));
        for h in ["Date", "Message-ID", "DKIM-Signature", "MIME-Version"] {
            assert!(m.header(h).is_some(), "{h} present");
        }
        assert_eq!(m.header("Auto-Submitted").as_deref(), Some("auto-generated"));
        assert!(
            m.header("List-Unsubscribe").is_none() && m.header("Precedence").is_none(),
            "no bulk markers"
        );
        assert!(m.header("Content-Type").unwrap().starts_with("multipart/alternative"));
        let (text, html) = decoded_parts(m);
        assert!(!text.is_empty() && html.contains("<html"), "text and HTML parts");
        assert!(
            !html.contains("http://") && !html.to_lowercase().contains("<img src=\"http"),
            "no remote content"
        );
        for leak in ["alice", "Alice Sender", "Quarterly", "Zebra", "secret body"] {
            for (what, hay) in [("raw", m.text()), ("text", text.clone()), ("html", html.clone())] {
                assert!(!hay.contains(leak), "{leak:?} leaked into the {what} of {:?}", m.header("Subject"));
            }
        }
    }
    let (text, html) = decoded_parts(notice);
    // minijinja escapes '/' in HTML as &#x2f; (browsers decode it in href).
    let html = html.replace("&#x2f;", "/");
    let link = format!("https://cloister.test:{}/m/{qid}", c.https.port());
    assert!(
        text.contains(&link) && html.contains(&link),
        "deep link {link} in both parts:\n{text}\n{html}"
    );
    assert!(text.contains("never asks for your password"), "how to recognise a genuine notice");
    assert!(
        text.contains("IT desk 1234") && text.contains("Example Ltd"),
        "branding from config"
    );

    let (text, _) = decoded_parts(creds);
    assert!(text.contains("Sign in as:  ext@partner.test"), "{text}");
    let password = common::portal::password_in(&text);
    assert!(password.len() >= 16, "{password}");
    assert!(
        password.chars().any(|c| c.is_ascii_uppercase())
            && password.chars().any(|c| c.is_ascii_lowercase())
            && password.chars().any(|c| c.is_ascii_digit())
    );
    assert!(!notice.text().contains(&password), "the password is only in the credentials mail");

    let events = c.events(&qid);
    for expected in [
        "one-time password issued for ext@partner.test",
        "notification sent to ext@partner.test",
        "first-contact credentials sent to ext@partner.test",
    ] {
        assert!(events.iter().any(|e| e.starts_with(expected)), "{expected} in {events:#?}");
    }
}

#[test]
fn a_notice_names_the_sender_only_when_the_setting_says_so() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "[notify]\nname_sender = true\n");
    send_secure(&c, &["ext@partner.test"], "Named");
    let notes = wait_notifications(&sink, 2);
    let notice = notes.iter().find(|m| is_notice(m)).expect("secure-message notice");
    let (text, html) = decoded_parts(notice);
    assert!(
        text.contains("Alice Sender <alice@example.org> has sent you (ext@partner.test) a secure message"),
        "{text}"
    );
    assert!(
        html.contains("<strong>Alice Sender &lt;alice@example.org&gt;</strong> has sent you"),
        "{html}"
    );
    assert!(!text.contains("Named") && !html.contains("Named"), "still no subject");
}

#[test]
fn first_contact_is_sent_once_per_account() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    send_secure(&c, &["ext@partner.test", "other@partner.test"], "one");
    wait_notifications(&sink, 4);
    send_secure(&c, &["EXT@partner.test"], "two");
    let notes = wait_notifications(&sink, 5);
    std::thread::sleep(Duration::from_secs(2));
    let notes_later = notes_of(&sink);
    assert_eq!(notes_later.len(), notes.len(), "nothing more arrives");
    let creds: Vec<&Caught> = notes_later.iter().filter(|m| !is_notice(m)).collect();
    let notices: Vec<&Caught> = notes_later.iter().filter(|m| is_notice(m)).collect();
    assert_eq!(
        (creds.len(), notices.len()),
        (2, 3),
        "one credentials mail per account, one notice per message and recipient"
    );
}

fn published_record(c: &Cloister) -> String {
    let out = c.cli(&["dkim"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let zone = text.lines().find(|l| l.contains("._domainkey.")).unwrap();
    zone.split('"').skip(1).step_by(2).collect::<String>()
}

fn dkimpy(message: &[u8], record: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let (m, r) = (dir.path().join("m.eml"), dir.path().join("r.txt"));
    std::fs::write(&m, message).unwrap();
    std::fs::write(&r, record).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/dkim_verify.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&m)
        .arg(&r)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success() || String::from_utf8_lossy(&out.stdout).contains("fail"),
        "verifier crashed (is dkimpy installed? tests/run.sh installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.status.success()
}

#[test]
fn dkim_signatures_verify_with_an_independent_verifier() {
    for alg in ["rsa", "ed25519"] {
        let sink = Sink::start();
        let c = Cloister::start(
            sink.port,
            &format!("[notify]\ndkim_algorithm = \"{alg}\"\ndkim_selector = \"sel1\"\n"),
        );
        send_secure(&c, &["ext@partner.test"], "signed");
        let notes = wait_notifications(&sink, 2);
        let record = published_record(&c);
        assert!(record.contains(&format!("k={alg}")), "{record}");
        let sig = notes[0].header("DKIM-Signature").unwrap();
        assert!(sig.contains("d=cloister.test") && sig.contains("s=sel1"), "{sig}");
        for n in &notes {
            assert!(dkimpy(&n.data, &record), "{alg}: dkimpy verifies {:?}", n.header("Subject"));
        }
        let mut tampered = notes[0].data.clone();
        let at = tampered.len() - 10;
        tampered[at] = if tampered[at] == b'x' { b'y' } else { b'x' };
        assert!(!dkimpy(&tampered, &record), "{alg}: a changed body fails");
    }
}

#[test]
fn template_overrides_take_effect_and_broken_ones_stop_the_service() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secure_message.subject"), "Custom notice from {{ org }}\n").unwrap();
    let sink = Sink::start();
    let extra = format!("[notify]\ntemplate_dir = \"{}\"\n", dir.path().display());
    let mut c = Cloister::start(sink.port, &extra);
    send_secure(&c, &["ext@partner.test"], "x");
    let notes = wait_notifications(&sink, 2);
    assert!(
        notes
            .iter()
            .any(|m| m.header("Subject").as_deref() == Some("Custom notice from Cloister")),
        "override used"
    );

    c.stop();
    std::fs::write(dir.path().join("first_contact.txt"), "Hello\n\n{% if %}\n").unwrap();
    let out = c.cli(&["check-config"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("first_contact.txt:3"), "file and line named: {err}");
    let serve = std::process::Command::new(common::BIN)
        .args(["serve", "--config"])
        .arg(&c.config)
        .output()
        .unwrap();
    assert!(!serve.status.success(), "refuses to start");
    assert!(String::from_utf8_lossy(&serve.stderr).contains("first_contact.txt:3"));

    std::fs::remove_file(dir.path().join("first_contact.txt")).unwrap();
    std::fs::write(dir.path().join("secure_mesage.txt"), "typo in the name\n").unwrap();
    let err = String::from_utf8_lossy(&c.cli(&["check-config"]).stderr).into_owned();
    assert!(err.contains("secure_mesage.txt") && err.contains("not a template name"), "{err}");
}

#[test]
fn notifications_wait_out_a_relay_outage_and_arrive_once() {
    let relay_port = common::free_port();
    let c = Cloister::start(relay_port, "");
    for (i, to) in ["a@partner.test", "b@partner.test", "c@partner.test"].iter().enumerate() {
        send_secure(&c, &[to], &format!("m{i}"));
    }
    // The relay is found unreachable; the rows wait (untouched while it is paused).
    wait_for(Duration::from_secs(10), || {
        let rows = c.outbox();
        let tried = rows
            .iter()
            .filter(|r| r["last_error"].as_str().is_some_and(|e| e.starts_with("network:")))
            .count();
        (rows.len() == 7 && tried >= 1 && rows.iter().all(|r| r["state"] == "pending")).then_some(())
    })
    .expect("relay found down, all seven rows (six, and alice's welcome) pending");
    let sink = Sink::start_on(relay_port);
    let notes = wait_notifications(&sink, 6);
    wait_for(Duration::from_secs(10), || c.outbox().is_empty().then_some(())).expect("outbox drained");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(notes_of(&sink).len(), notes.len(), "nothing sent twice");
    let ids: HashSet<String> = notes.iter().map(|m| m.header("Message-ID").unwrap()).collect();
    assert_eq!(ids.len(), 6);
}

#[test]
fn relay_back_after_an_outage_sends_waiting_notices_within_seconds() {
    // Regression: with the default retry delays (60 s, doubling to an hour) the
    // first notice waited 52-55 s after the relay came back, and longer the
    // longer the outage had lasted.
    let relay_port = common::free_port();
    let mut c = Cloister::prepare(relay_port, "", "");
    c.edit_config(|text| text.replace("retry_initial_secs = 1\nretry_max_interval_secs = 2\n", ""));
    c.launch();
    for (i, to) in ["a@partner.test", "b@partner.test", "c@partner.test"].iter().enumerate() {
        send_secure(&c, &[to], &format!("m{i}"));
    }
    let tried = |rows: &[serde_json::Value]| rows.iter().map(|r| r["attempts"].as_u64().unwrap()).sum::<u64>();
    let rows = wait_for(Duration::from_secs(10), || {
        let rows = c.outbox();
        // Three notices, three first-contact mails and alice's welcome.
        (rows.len() == 7 && rows.iter().all(|r| r["attempts"].as_u64() >= Some(1))).then_some(rows)
    })
    .unwrap_or_else(|| panic!("each row tried once and waiting: {:#?}", c.outbox()));
    // An outage long enough for several probes: they write no attempts (the
    // rows' own retry delays, a minute or more, have not run out).
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(tried(&c.outbox()), tried(&rows), "probing the relay wrote no attempts");
    let back = std::time::Instant::now();
    let sink = Sink::start_on(relay_port);
    wait_for(Duration::from_secs(15), || (sink.notifications().len() >= 7).then_some(())).unwrap_or_else(|| {
        panic!(
            "7 mails within 15 s of the relay coming back: {} arrived",
            sink.notifications().len()
        )
    });
    eprintln!("relay back: 7 waiting mails delivered in {:?}", back.elapsed());
    wait_for(Duration::from_secs(10), || c.outbox().is_empty().then_some(())).expect("outbox drained");
    assert_eq!(sink.notifications().len(), 7, "nothing sent twice");
}

#[test]
fn notices_have_their_own_maximum_age() {
    // Relay down for good; notices give up after notify.retry_max_age_hours (0 here),
    // ordinary mail keeps waiting for relay.retry_max_age_hours.
    let c = Cloister::start(common::free_port(), "[notify]\nretry_max_age_hours = 0\n");
    send_secure(&c, &["ext@partner.test"], "old news");
    c.send_one("alice@example.org", &["friend@other.test"], "ordinary");
    let rows = wait_for(Duration::from_secs(20), || {
        let rows = c.outbox();
        let notices_dead = rows.iter().filter(|r| r["kind"] != "relay").all(|r| r["state"] == "dead");
        // Notice, credentials, alice's welcome and the relay row.
        (rows.len() == 4 && notices_dead).then_some(rows)
    })
    .unwrap_or_else(|| panic!("notice and credentials dead-lettered: {:#?}", c.outbox()));
    let relay_row = rows.iter().find(|r| r["kind"] == "relay").unwrap();
    assert_eq!(relay_row["state"], "pending", "ordinary mail still waits");
    assert!(
        rows.iter()
            .filter(|r| r["state"] == "dead")
            .all(|r| r["last_error"].as_str().unwrap().starts_with("gave up after 0 minutes"))
    );
}

#[test]
fn logo_is_embedded_inline_and_referenced_by_cid() {
    // A 1x1 PNG.
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
        0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63,
        0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
        0xAE, 0x42, 0x60, 0x82,
    ];
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, PNG).unwrap();
    let sink = Sink::start();
    let c = Cloister::start(sink.port, &format!("[notify]\nlogo_file = \"{}\"\n", logo.display()));
    send_secure(&c, &["ext@partner.test"], "with logo");
    let notes = wait_notifications(&sink, 2);
    let notice = notes.iter().find(|m| is_notice(m)).unwrap();
    let parsed = MessageParser::default().parse(&notice.data).unwrap();
    assert!(parsed.body_html(0).unwrap().contains("cid:logo"), "HTML refers to the inline logo");
    let image = parsed
        .parts
        .iter()
        .find(|p| mail_parser::MimeHeaders::content_type(*p).is_some_and(|ct| ct.ctype() == "image"))
        .expect("an image part");
    assert_eq!(mail_parser::MimeHeaders::content_id(image), Some("logo"));
    assert_eq!(image.contents(), PNG, "the logo bytes, unchanged");
    assert!(!notice.text().to_lowercase().contains("src=\"http"), "no remote image");

    // The portal's header shows the same logo, served from our own origin.
    let mut agent = common::https::Agent::new(c.https, &c.ca_pem());
    let login = agent.get("/login");
    let src = login.body.split("<img class=\"logo\" src=\"").nth(1).expect("a logo in the header");
    let src = &src[..src.find('"').unwrap()].replace("&#x2f;", "/");
    assert!(
        src.starts_with("/static/logo.") && std::path::Path::new(src.as_str()).extension().is_some_and(|e| e == "png"),
        "{src}"
    );
    let png = agent.get(src);
    assert_eq!((png.status, png.header("content-type")), (200, Some("image/png")));
    assert_eq!(png.body.len(), String::from_utf8_lossy(PNG).len(), "the logo's bytes");

    // Not a PNG: a clear startup error.
    std::fs::write(&logo, b"GIF89a").unwrap();
    let out = c.cli(&["check-config"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`notify.logo_file`"));
    let serve = std::process::Command::new(common::BIN)
        .args(["serve", "--config"])
        .arg(&c.config)
        .output()
        .unwrap();
    assert!(!serve.status.success());
    assert!(
        String::from_utf8_lossy(&serve.stderr).contains("not a PNG file"),
        "{}",
        String::from_utf8_lossy(&serve.stderr)
    );
}
