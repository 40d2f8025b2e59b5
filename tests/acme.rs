//! `tls.mode = "acme"` against Pebble, Let's Encrypt's ACME test server:
//! issuance by TLS-ALPN-01 and by HTTP-01, the certificate served on HTTPS
//! and SMTP, renewal, and the CA gone during a renewal.

mod common;

use std::net::Ipv4Addr;
use std::time::Duration;

use common::mta_sts::FakeDns;
use common::pebble::{Pebble, served_certificate_verifies};
use common::{Cloister, wait_for};

/// A Cloister named cloister.test (resolved to 127.0.0.1 for Pebble) that
/// asks `pebble` for its certificate; `extra` goes into `[tls]`.
fn acme_cloister(challenge: &str, extra_tls: &str) -> (Cloister, Pebble, FakeDns) {
    acme_cloister_issuing_for(challenge, extra_tls, 157_766_400)
}

fn acme_cloister_issuing_for(challenge: &str, extra_tls: &str, validity_secs: u64) -> (Cloister, Pebble, FakeDns) {
    let dns = FakeDns::start();
    dns.a("cloister.test", Ipv4Addr::LOCALHOST);
    dns.a("extra.cloister.test", Ipv4Addr::LOCALHOST);
    let redirect = common::free_port();
    let mut c = Cloister::prepare(common::free_port(), "", "");
    let pebble = Pebble::start_issuing_for(redirect, c.https.port(), dns.addr, validity_secs);
    let acme = format!(
        "[tls]\nmode = \"acme\"\n{extra_tls}\n[tls.acme]\ndirectory = \"{}\"\nca_file = \"{}\"\nchallenge = \"{challenge}\"\ncontact = \"mailto:admin@example.org\"\n",
        pebble.directory(),
        pebble.listener_ca.display()
    );
    c.edit_config(|text| text.replace("[web]\n", &format!("[web]\nhttp_redirect_listen = \"127.0.0.1:{redirect}\"\n")) + &acme);
    c.launch();
    (c, pebble, dns)
}

/// Waits until the HTTPS listener serves a certificate for `host` from Pebble's root.
fn wait_for_pebble_certificate(c: &Cloister, pebble: &Pebble, host: &str) {
    let root = pebble.root_pem();
    wait_for(Duration::from_secs(30), || served_certificate_verifies(c.https, host, &root).ok()).unwrap_or_else(|| {
        panic!(
            "no certificate from Pebble for {host}: {:?}\ncloister:\n{}\npebble:\n{}",
            served_certificate_verifies(c.https, host, &root),
            c.log_text(),
            pebble.log_text()
        )
    });
}

fn certificate_events(c: &Cloister) -> Vec<String> {
    let out = c.cli(&["audit", "--json", "--status", "certificate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rows.as_array().unwrap().iter().map(ToString::to_string).collect()
}

/// Chromium with Pebble's root in its NSS database loads the portal without
/// a warning; without the root it is stopped (`tests/browser/trusted_certificate.py`).
fn chromium_trusts(c: &Cloister, pebble: &Pebble) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root.pem");
    std::fs::write(&root, pebble.root_pem()).unwrap();
    let artefacts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-artefacts/acme");
    let url = format!("https://cloister.test:{}/", c.https.port());
    let status = std::process::Command::new("python3")
        .args([
            "tests/browser/trusted_certificate.py",
            &url,
            root.to_str().unwrap(),
            "cloister.test",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ARTEFACTS", &artefacts)
        .status()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}); run tests/browser/install.sh"));
    assert!(
        status.success(),
        "the browser check failed ({status}); screenshots in {}",
        artefacts.display()
    );
}

#[test]
fn a_certificate_is_issued_by_tls_alpn_01_and_served_on_https_and_smtp() {
    let (c, pebble, _dns) = acme_cloister("tls-alpn-01", "");
    wait_for_pebble_certificate(&c, &pebble, "cloister.test");
    chromium_trusts(&c, &pebble);
    // The same certificate for STARTTLS on SMTP.
    let root = pebble.root_pem();
    let mut smtp = common::smtp::Client::connect(c.smtp);
    smtp.cmd("EHLO x");
    let mut smtp = smtp
        .starttls(root.as_bytes(), "cloister.test")
        .expect("SMTP STARTTLS presents the ACME certificate");
    assert!(smtp.cmd("EHLO x").starts_with("250"));
    let events = certificate_events(&c);
    assert!(
        events
            .iter()
            .any(|e| e.contains("certificate for cloister.test issued by the ACME CA (no ACME certificate yet)")),
        "{events:#?}"
    );
    let key = c.data_dir().join("tls/acme/certificate.pem");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&key).unwrap().permissions()) & 0o777,
        0o600
    );
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(c.data_dir().join("tls/acme/account.json")).unwrap().permissions())
            & 0o777,
        0o600
    );
}

#[test]
fn a_certificate_is_issued_by_http_01_on_the_redirect_listener() {
    let (c, pebble, _dns) = acme_cloister("http-01", "");
    wait_for_pebble_certificate(&c, &pebble, "cloister.test");
}

/// A renewal (here because a name was added) uses the stored account; with
/// the CA gone, the certificate served stays and the failure is an event.
#[test]
fn renewal_gets_a_new_certificate_and_a_ca_that_is_gone_changes_nothing_served() {
    let (mut c, mut pebble, _dns) = acme_cloister("tls-alpn-01", "");
    wait_for_pebble_certificate(&c, &pebble, "cloister.test");
    let first = std::fs::read(c.data_dir().join("tls/acme/certificate.pem")).unwrap();
    let account = std::fs::read(c.data_dir().join("tls/acme/account.json")).unwrap();

    // Due: a new name. Renewed at start, same account.
    c.stop();
    c.edit_config(|text| text.replace("mode = \"acme\"\n", "mode = \"acme\"\nnames = [\"extra.cloister.test\"]\n"));
    c.launch();
    wait_for_pebble_certificate(&c, &pebble, "extra.cloister.test");
    assert_ne!(std::fs::read(c.data_dir().join("tls/acme/certificate.pem")).unwrap(), first);
    assert_eq!(
        std::fs::read(c.data_dir().join("tls/acme/account.json")).unwrap(),
        account,
        "same account"
    );
    let events = certificate_events(&c);
    assert!(events.iter().any(|e| e.contains("the names changed")), "{events:#?}");

    // Due again, the CA is gone: the last good certificate keeps serving.
    let root = pebble.root_pem();
    let served = std::fs::read(c.data_dir().join("tls/acme/certificate.pem")).unwrap();
    pebble.stop();
    c.stop();
    c.edit_config(|text| {
        text.replace(
            "names = [\"extra.cloister.test\"]",
            "names = [\"extra.cloister.test\", \"third.cloister.test\"]",
        )
    });
    c.launch();
    let failed = wait_for(Duration::from_secs(30), || {
        certificate_events(&c).into_iter().find(|e| e.contains("not obtained"))
    })
    .unwrap_or_else(|| panic!("no failure event:\n{}", c.log_text()));
    assert!(failed.contains("the current one keeps serving; next try in 1 min"), "{failed}");
    served_certificate_verifies(c.https, "extra.cloister.test", &root).expect("the last good certificate is served");
    assert_eq!(std::fs::read(c.data_dir().join("tls/acme/certificate.pem")).unwrap(), served);
}

/// Renewal when due, in a running server: Pebble issues 9-second
/// certificates, due after two thirds of their life; each is replaced in
/// time with no restart, and the HTTPS listener serves the new one.
#[test]
fn a_certificate_is_renewed_when_due_without_a_restart() {
    let (c, pebble, _dns) = acme_cloister_issuing_for("tls-alpn-01", "", 9);
    wait_for_pebble_certificate(&c, &pebble, "cloister.test");
    let first = std::fs::read(c.data_dir().join("tls/acme/certificate.pem")).unwrap();
    let renewed = wait_for(Duration::from_secs(30), || {
        let events = certificate_events(&c);
        events.iter().any(|e| e.contains("(it expires at ")).then_some(events)
    })
    .unwrap_or_else(|| panic!("not renewed:\n{}", c.log_text()));
    assert!(renewed.iter().all(|e| !e.contains("not obtained")), "{renewed:#?}");
    // Not renewed again and again: the first at start, the second when due (6 s in).
    assert!(renewed.len() <= 3, "{renewed:#?}");
    assert_ne!(std::fs::read(c.data_dir().join("tls/acme/certificate.pem")).unwrap(), first);
    served_certificate_verifies(c.https, "cloister.test", &pebble.root_pem()).expect("the renewed certificate is served");
}
