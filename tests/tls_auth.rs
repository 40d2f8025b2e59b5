//! STARTTLS with the auto CA, AUTH only over TLS, trusted networks.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::smtp::Client;
use common::{BIN, Cloister, message};

fn hash(password: &str) -> String {
    let mut child = Command::new(BIN)
        .arg("hash-password")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(password.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn plain(user: &str, pass: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{pass}"))
}

#[test]
fn starttls_with_the_auto_ca_then_auth_is_offered_and_works() {
    let h = hash("s3cret-pass");
    let smtp_extra = format!("auth_users = [{{ username = \"mta\", password_hash = \"{h}\" }}]\ntrusted_networks = [\"10.0.0.0/8\"]");
    let c = Cloister::start_with(common::free_port(), &smtp_extra, "");
    let mut client = Client::connect(c.smtp);
    let ehlo = client.cmd("EHLO client.test");
    assert!(ehlo.contains("STARTTLS"), "{ehlo}");
    assert!(!ehlo.contains("AUTH"), "AUTH is not offered before TLS: {ehlo}");
    let r = client.cmd(&format!("AUTH PLAIN {}", plain("mta", "s3cret-pass")));
    assert!(r.starts_with("538 5.7.11"), "AUTH refused in plaintext: {r}");
    // Untrusted (loopback is not in trusted_networks here) and not authenticated: refused per recipient.
    assert!(client.cmd("MAIL FROM:<a@example.org>").starts_with("250"));
    let r = client.cmd("RCPT TO:<x@other.test>");
    assert!(r.starts_with("550 5.7.1"), "{r}");
    assert!(client.cmd("RSET").starts_with("250"));

    let mut tls = client.starttls(&c.ca_pem(), "localhost").expect("handshake trusting only our CA");
    let ehlo = tls.cmd("EHLO client.test");
    assert!(ehlo.contains("AUTH PLAIN LOGIN"), "{ehlo}");
    assert!(!ehlo.contains("STARTTLS"));
    let r = tls.cmd(&format!("AUTH PLAIN {}", plain("mta", "wrong")));
    assert!(r.starts_with("535 5.7.8"), "{r}");
    let r = tls.cmd(&format!("AUTH PLAIN {}", plain("mta", "s3cret-pass")));
    assert!(r.starts_with("235"), "{r}");
    let r = tls.send("a@example.org", &["x@other.test"], &message(&["Subject: [secure] over tls"], "x\n"));
    assert!(r.starts_with("250"), "{r}");
    assert_eq!(c.messages().len(), 1);
}

#[test]
fn auth_login_works_over_tls() {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let h = hash("pw-login-1");
    let smtp_extra = format!("auth_users = [{{ username = \"relayuser\", password_hash = \"{h}\" }}]\ntrusted_networks = []");
    let c = Cloister::start_with(common::free_port(), &smtp_extra, "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let mut tls = client.starttls(&c.ca_pem(), "127.0.0.1").unwrap();
    tls.cmd("EHLO x");
    assert!(tls.cmd("AUTH LOGIN").starts_with("334 VXNlcm5hbWU6"));
    assert!(tls.cmd(&b64("relayuser")).starts_with("334 UGFzc3dvcmQ6"));
    assert!(tls.cmd(&b64("pw-login-1")).starts_with("235"));
    assert!(tls.cmd("MAIL FROM:<a@example.org>").starts_with("250"));
    assert!(tls.cmd("RCPT TO:<x@other.test>").starts_with("250"));
}

#[test]
fn certificate_from_another_ca_is_rejected_by_the_client() {
    let a = Cloister::start(common::free_port(), "");
    let b = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(a.smtp);
    client.cmd("EHLO x");
    assert!(client.starttls(&b.ca_pem(), "localhost").is_err(), "each install has its own CA");
}

#[test]
fn plaintext_pipelined_after_starttls_is_discarded() {
    let c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    // Injected command in the same packet as STARTTLS must not be executed inside TLS.
    client.send_raw(b"STARTTLS\r\nMAIL FROM:<injected@example.org>\r\n");
    let r = client.reply();
    assert!(r.starts_with("220"), "{r}");
    let mut tls = client.upgrade(&c.ca_pem(), "localhost").unwrap();
    assert!(tls.cmd("EHLO x").starts_with("250"));
    let r = tls.cmd("RCPT TO:<x@other.test>");
    assert!(r.starts_with("503 5.5.1"), "the injected MAIL was not executed: {r}");
    assert!(c.log_text().contains("plaintext pipelined after STARTTLS was discarded"));
}

#[test]
fn require_tls_refuses_mail_before_starttls() {
    let c = Cloister::start_with(common::free_port(), "require_tls = true", "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let r = client.cmd("MAIL FROM:<a@example.org>");
    assert!(r.starts_with("530 5.7.0"), "{r}");
    let mut tls = client.starttls(&c.ca_pem(), "localhost").unwrap();
    tls.cmd("EHLO x");
    assert!(tls.cmd("MAIL FROM:<a@example.org>").starts_with("250"));
}

#[test]
fn repeated_auth_failures_from_one_address_are_throttled() {
    let h = hash("right-password");
    let smtp_extra = format!("auth_users = [{{ username = \"mta\", password_hash = \"{h}\" }}]\ntrusted_networks = []");
    let c = Cloister::start_with(common::free_port(), &smtp_extra, "");
    let connect = || {
        let mut client = Client::connect(c.smtp);
        client.cmd("EHLO x");
        let mut tls = client.starttls(&c.ca_pem(), "localhost").unwrap();
        tls.cmd("EHLO x");
        tls
    };
    for _ in 0..5 {
        let mut tls = connect();
        let r = tls.cmd(&format!("AUTH PLAIN {}", plain("mta", "guess")));
        assert!(r.starts_with("535"), "{r}");
    }
    let mut tls = connect();
    let r = tls.cmd(&format!("AUTH PLAIN {}", plain("mta", "right-password")));
    assert!(r.starts_with("421 4.7.0"), "throttled even with the right password: {r}");
    assert_eq!(tls.reply(), "", "and disconnected");
    assert!(c.log_text().contains("smtp auth refused: too many failures"));
}
