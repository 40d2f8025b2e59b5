//! The session state machine without any network.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

use super::session::{Limits, Session, Step};
use crate::service::queue_ids::QueueIds;

fn limits() -> Arc<Limits> {
    Arc::new(Limits {
        hostname: "mx.test".into(),
        max_message_size: 1000,
        max_recipients: 2,
        max_line_length: 1000,
        max_errors: 3,
        require_tls: false,
        auth_enabled: true,
        spool_dir: None,
    })
}

fn session(trusted: bool) -> Session {
    let mut s = Session::new(limits(), IpAddr::V4(Ipv4Addr::LOCALHOST), trusted, Arc::new(QueueIds::default()));
    assert!(String::from_utf8(s.take_output()).unwrap().starts_with("220 mx.test"));
    s
}

/// Feeds input, runs until input is needed, returns (output, last step).
fn feed(s: &mut Session, input: &str) -> (String, Step) {
    s.receive(input.as_bytes());
    let step = s.step();
    (String::from_utf8(s.take_output()).unwrap(), step)
}

#[test]
fn pipelined_transaction_yields_one_delivery() {
    let mut s = session(true);
    let (out, step) = feed(
        &mut s,
        "EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\nDATA\r\nSubject: s\r\n\r\nhi\r\n.\r\n",
    );
    assert!(
        out.contains("250-mx.test") && out.contains("250 2.1.0") && out.contains("250 2.1.5") && out.contains("354"),
        "{out}"
    );
    let Step::Deliver(d) = step else {
        panic!("expected delivery, got {step:?}")
    };
    assert!(d.queue_id > 0);
    assert_eq!(
        (d.sender.as_str(), d.recipients.clone()),
        ("a@x.test", vec!["b@y.test".to_string()])
    );
    assert_eq!(d.data, b"Subject: s\r\n\r\nhi\r\n");
    s.delivered(Ok("250 2.0.0 Ok: queued as X".into()));
    let (out, step) = feed(&mut s, "QUIT\r\n");
    assert!(out.starts_with("250 2.0.0 Ok: queued") && out.contains("221"), "{out}");
    assert!(matches!(step, Step::Close));
}

#[test]
fn ehlo_advertises_starttls_in_plaintext_and_auth_only_after_tls() {
    let mut s = session(true);
    let (out, _) = feed(&mut s, "EHLO c\r\n");
    for ext in ["SIZE 1000", "PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8", "STARTTLS"] {
        assert!(out.contains(ext), "{ext} in {out}");
    }
    assert!(!out.contains("AUTH"));
    let (out, step) = feed(&mut s, "STARTTLS\r\n");
    assert!(out.starts_with("220 2.0.0"));
    assert!(matches!(step, Step::StartTls));
    assert!(s.tls_started());
    let (out, _) = feed(&mut s, "EHLO c\r\n");
    assert!(out.contains("AUTH PLAIN LOGIN") && !out.contains("STARTTLS"), "{out}");
}

#[test]
fn untrusted_needs_auth_for_each_recipient() {
    let mut s = session(false);
    let (out, _) = feed(&mut s, "EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\n");
    assert!(
        out.ends_with("550 5.7.1 Relaying denied: authenticate first (AUTH is offered after STARTTLS)\r\n"),
        "{out}"
    );
}

#[test]
fn recipient_limit_and_duplicates() {
    let mut s = session(true);
    let (out, _) = feed(
        &mut s,
        "EHLO c\r\nMAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\nRCPT TO:<B@y.test>\r\nRCPT TO:<c@y.test>\r\nRCPT TO:<d@y.test>\r\n",
    );
    assert!(out.contains("duplicate recipient"), "{out}");
    assert!(out.ends_with("452 4.5.3 Too many recipients\r\n"), "{out}");
}

#[test]
fn auth_plain_in_two_steps_and_cancel() {
    let mut s = session(false);
    assert!(s.tls_started());
    let (out, _) = feed(&mut s, "EHLO c\r\nAUTH PLAIN\r\n");
    assert!(out.ends_with("334 \r\n"));
    let (out, _) = feed(&mut s, "*\r\n");
    assert!(out.starts_with("501 5.0.0"), "{out}");
    let (_, step) = feed(&mut s, "AUTH PLAIN AHVzZXIAcGFzcw==\r\n");
    let Step::Authenticate { username, password } = step else {
        panic!("{step:?}")
    };
    assert_eq!((username.as_str(), password.as_str()), ("user", "pass"));
    s.auth_checked(username, true);
    let (out, _) = feed(&mut s, "MAIL FROM:<a@x.test>\r\nRCPT TO:<b@y.test>\r\n");
    assert!(out.starts_with("235") && out.ends_with("250 2.1.5 Ok\r\n"), "{out}");
}

#[test]
fn long_command_line_is_refused_without_buffering_it() {
    let mut s = session(true);
    let long = "NOOP ".to_string() + &"x".repeat(5000);
    let (out, step) = feed(&mut s, &long);
    assert!(out.is_empty() && matches!(step, Step::NeedInput));
    let (out, _) = feed(&mut s, "\r\nNOOP\r\n");
    assert!(
        out.starts_with("500 5.5.2 Line too long") && out.ends_with("250 2.0.0 Ok\r\n"),
        "{out}"
    );
}

#[test]
fn too_many_errors_close_the_session() {
    let mut s = session(true);
    let (out, step) = feed(&mut s, "X\r\nY\r\nZ\r\nNOOP\r\n");
    assert!(out.ends_with("421 4.7.0 Too many errors, closing connection\r\n"), "{out}");
    assert!(matches!(step, Step::Close));
}

#[test]
fn timeout_reply() {
    let mut s = session(true);
    s.timed_out();
    assert!(String::from_utf8(s.take_output()).unwrap().starts_with("421 4.4.2 mx.test"));
    assert!(matches!(s.step(), Step::Close));
}
