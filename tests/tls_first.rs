//! TLS-first routes: deliver directly over verified TLS, hold in the vault only when TLS fails.

mod common;

use std::time::Duration;

use common::sink::Sink;
use common::smtp::Client;
use common::tls_sink::TlsSink;
use common::{Cloister, message, wait_for};

/// A TLS-first route to lawfirm.test; `relay_and_policy` goes into `[relay]`
/// (then may open `[policy]`).
fn start_with(relay: &Sink, mx: &TlsSink, ca_file: &std::path::Path, relay_and_policy: &str) -> Cloister {
    std::fs::write(ca_file, &mx.ca_pem).unwrap();
    let extra = format!(
        "{relay_and_policy}\n[[policy.routes]]\nname = \"lawfirm\"\nrecipient_domain = \"lawfirm.test\"\naction = \"tls_first\"\n[delivery]\ntransport = {{ \"lawfirm.test\" = \"127.0.0.1:{}\" }}\nca_file = \"{}\"\ntimeout_secs = 5\n",
        mx.port,
        ca_file.display()
    );
    Cloister::start(relay.port, &extra)
}

/// TLS-first with the documented fallback to the vault.
fn start(relay: &Sink, mx: &TlsSink, ca_file: &std::path::Path) -> Cloister {
    start_with(relay, mx, ca_file, "[policy]\ntls_fallback = true")
}

#[test]
fn recipient_server_with_trusted_starttls_gets_the_message_directly() {
    let dir = tempfile::tempdir().unwrap();
    let relay = Sink::start();
    let mx = TlsSink::start(true);
    let c = start(&relay, &mx, &dir.path().join("ca.pem"));
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let body = message(&["From: alice@example.org", "Subject: engagement letter"], "confidential\n");
    assert!(
        client
            .send("alice@example.org", &["partner@lawfirm.test"], &body)
            .starts_with("250")
    );
    let got = wait_for(Duration::from_secs(15), || mx.messages().pop())
        .unwrap_or_else(|| panic!("not delivered; log:\n{}\noutbox: {:?}", c.log_text(), c.outbox()));
    assert!(got.1, "over TLS");
    assert_eq!(got.0.to, vec!["partner@lawfirm.test".to_string()]);
    assert_eq!(got.0.from, "alice@example.org");
    assert!(got.0.data.ends_with(&body), "message unchanged apart from Received");
    assert!(c.messages().is_empty(), "nothing held");
    assert!(relay.all().is_empty(), "no notification, nothing through the relay");
}

#[test]
fn recipient_server_without_starttls_means_vault_and_notification() {
    let dir = tempfile::tempdir().unwrap();
    let relay = Sink::start();
    let mx = TlsSink::start(false);
    let c = start(&relay, &mx, &dir.path().join("ca.pem"));
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let body = message(&["From: alice@example.org", "Subject: engagement letter"], "confidential\n");
    let r = client.send("alice@example.org", &["partner@lawfirm.test"], &body);
    let qid = r.trim().rsplit(' ').next().unwrap().to_string();
    let held = wait_for(Duration::from_secs(15), || c.messages().into_iter().next()).expect("held in the vault");
    assert_eq!(held["id"], qid.as_str());
    let rcpt = &held["recipients"][0];
    assert_eq!(
        (rcpt["address"].as_str(), rcpt["decision"].as_str(), rcpt["state"].as_str()),
        (Some("partner@lawfirm.test"), Some("vault"), Some("held"))
    );
    assert!(mx.messages().is_empty(), "nothing sent in plaintext");
    let notes = wait_for(Duration::from_secs(15), || {
        let n = relay.notifications();
        (n.len() == 2).then_some(n)
    })
    .expect("notice and first-contact mail");
    assert!(notes.iter().all(|n| n.to == vec!["partner@lawfirm.test".to_string()]));
    let events = c.events(&qid);
    assert!(
        events.iter().any(|e| e.starts_with("TLS to partner@lawfirm.test not possible")),
        "{events:#?}"
    );
}

#[test]
fn untrusted_certificate_counts_as_no_tls() {
    let dir = tempfile::tempdir().unwrap();
    let relay = Sink::start();
    let mx = TlsSink::start(true);
    let other = TlsSink::start(true);
    // Trust a different CA than the one that signed the recipient server's certificate.
    let ca = dir.path().join("ca.pem");
    let c = start(&relay, &mx, &ca);
    std::fs::write(&ca, &other.ca_pem).unwrap();
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    assert!(
        client
            .send("alice@example.org", &["partner@lawfirm.test"], &message(&["Subject: x"], "x\n"))
            .starts_with("250")
    );
    assert!(
        wait_for(Duration::from_secs(15), || c.messages().into_iter().next()).is_some(),
        "held; outbox {:?}",
        c.outbox()
    );
    assert!(mx.messages().is_empty());
}

/// Regression: a TLS-first delivery still waiting (the recipient's server
/// unreachable) when its sender recalled the message must not, once that
/// server answers without STARTTLS, put the message back in the vault.
#[test]
fn tls_fallback_after_a_recall_holds_nothing() {
    let mx_port = common::free_port();
    let extra = format!(
        "[[policy.routes]]\nname = \"lawfirm\"\nrecipient_domain = \"lawfirm.test\"\naction = \"tls_first\"\n\
         [[policy.routes]]\nname = \"partners\"\nrecipient_domain = \"partner.test\"\naction = \"vault\"\n\
         [delivery]\ntransport = {{ \"lawfirm.test\" = \"127.0.0.1:{mx_port}\" }}\ntimeout_secs = 5\n\
         [policy]\ntls_fallback = true\n"
    );
    let p = common::portal::Portal::start(&extra);
    let id = p.cl.send_one(
        "alice@example.org",
        &["carol@partner.test", "partner@lawfirm.test"],
        "Engagement letter",
    );
    // The direct delivery is refused (nothing listens yet) and waits to be tried again.
    wait_for(Duration::from_secs(15), || {
        p.cl.events(&id).into_iter().find(|e| e.contains("attempt 1 failed"))
    })
    .unwrap_or_else(|| panic!("no failed direct attempt: {:#?}", p.cl.events(&id)));
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    let csrf = alice.get("/").field("csrf");
    let recalled = alice.post(&format!("/m/{id}/recall"), &[("csrf", csrf.as_str()), ("confirm", "yes")]);
    assert_eq!(recalled.status, 303, "{}", recalled.body);
    // Now the recipient's server answers, without STARTTLS.
    let _mx = TlsSink::start_on(mx_port, false);
    let events = wait_for(Duration::from_secs(20), || {
        let events = p.cl.events(&id);
        events
            .iter()
            .any(|e| e.contains("not held: the sender had recalled"))
            .then_some(events)
    })
    .unwrap_or_else(|| panic!("no fallback after the recall: {:#?}", p.cl.events(&id)));
    assert!(!events.iter().any(|e| e.contains("held in isolation vault instead")), "{events:#?}");
    let held = p.cl.messages();
    let rcpts = held[0]["recipients"].as_array().unwrap();
    let partner = rcpts.iter().find(|r| r["address"] == "partner@lawfirm.test").unwrap();
    assert_ne!(partner["state"], "held", "{partner}");
    assert!(
        !p.sink.all().iter().any(|m| m.to.contains(&"partner@lawfirm.test".to_string())),
        "no notice to the TLS-first recipient"
    );
}

/// Regression: `policy.tls_fallback = false` (the default) was read by nothing,
/// and a TLS-first message whose recipient's server offered no STARTTLS went
/// to the vault all the same. Enforced TLS: never plaintext, tried again, and
/// after the retry age a delivery-failure notice to the sender.
#[test]
fn tls_fallback_false_never_sends_in_plaintext_and_bounces_after_the_retry_age() {
    let dir = tempfile::tempdir().unwrap();
    let relay = Sink::start();
    let mx = TlsSink::start(false);
    let c = start_with(&relay, &mx, &dir.path().join("ca.pem"), "retry_max_age_hours = 0");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let body = message(&["From: alice@example.org", "Subject: engagement letter"], "confidential\n");
    let r = client.send("alice@example.org", &["partner@lawfirm.test"], &body);
    let qid = r.trim().rsplit(' ').next().unwrap().to_string();
    let notice = wait_for(Duration::from_secs(20), || {
        relay.all().into_iter().find(|m| m.to == vec!["alice@example.org".to_string()])
    })
    .unwrap_or_else(|| panic!("no failure notice; outbox {:?}\n{}", c.outbox(), c.log_text()));
    let text = String::from_utf8_lossy(&notice.data).to_string();
    assert!(text.contains("partner@lawfirm.test") && text.contains("TLS required"), "{text}");
    let events = c.events(&qid);
    assert!(
        events.iter().any(|e| e.contains("attempt 1 failed") && e.contains("TLS required")),
        "{events:#?}"
    );
    assert!(!events.iter().any(|e| e.contains("isolation vault")), "{events:#?}");
    assert!(c.messages().is_empty(), "nothing held in the vault");
    assert!(mx.messages().is_empty(), "nothing sent in plaintext");
    assert!(
        !relay.all().iter().any(|m| m.to.contains(&"partner@lawfirm.test".to_string())),
        "neither the message nor a notice reached the recipient by another way"
    );
}

/// MTA-STS: lawfirm.test publishes an `enforce` policy naming mx.lawfirm.test;
/// badfirm.test publishes one naming mx.badfirm.test while its MX record points
/// elsewhere (what an attacker who can change DNS answers would do). Mail to the
/// first goes to the named host over TLS; to the second nothing is sent there.
#[test]
fn an_mx_outside_the_domains_mta_sts_policy_is_refused() {
    use common::mta_sts::{FakeDns, PolicyServer, own_loopback_ip};
    let dir = tempfile::tempdir().unwrap();
    let dns = FakeDns::start();
    let policy = |mx: &str| format!("version: STSv1\r\nmode: enforce\r\nmx: {mx}\r\nmax_age: 86400\r\n");
    let (good_policy, bad_policy) = (
        PolicyServer::start("lawfirm.test", &policy("mx.lawfirm.test")),
        PolicyServer::start("badfirm.test", &policy("mx.badfirm.test")),
    );
    let (good_ip, bad_ip) = (own_loopback_ip(), own_loopback_ip());
    let good_mx = TlsSink::start_at((good_ip, 25).into(), &["mx.lawfirm.test"], true);
    let bad_mx = TlsSink::start_at((bad_ip, 25).into(), &["mx.attacker.test"], true);
    for (domain, mx, ip, policy_ip) in [
        ("lawfirm.test", "mx.lawfirm.test", good_ip, good_policy.ip),
        ("badfirm.test", "mx.attacker.test", bad_ip, bad_policy.ip),
    ] {
        dns.mx(domain, mx);
        dns.a(mx, ip);
        dns.txt(&format!("_mta-sts.{domain}"), "v=STSv1; id=20261204T1;");
        dns.a(&format!("mta-sts.{domain}"), policy_ip);
    }
    let ca = dir.path().join("ca.pem");
    std::fs::write(
        &ca,
        [&good_policy.ca_pem, &bad_policy.ca_pem, &good_mx.ca_pem, &bad_mx.ca_pem]
            .map(String::as_str)
            .concat(),
    )
    .unwrap();
    let relay = Sink::start();
    let extra = format!(
        "[policy]\ntls_fallback = true\n\
         [[policy.routes]]\nname = \"partners\"\nrecipient_domain = \"*firm.test\"\naction = \"tls_first\"\n\
         [delivery]\nca_file = \"{}\"\ndns_server = \"{}\"\ntimeout_secs = 5\n",
        ca.display(),
        dns.addr
    );
    let c = Cloister::start(relay.port, &extra);
    let good = c.send_one("alice@example.org", &["partner@lawfirm.test"], "engagement letter");
    let got = wait_for(Duration::from_secs(20), || good_mx.messages().pop())
        .unwrap_or_else(|| panic!("not delivered to the policy's MX; outbox {:?}\n{}", c.outbox(), c.log_text()));
    assert!(got.1, "over TLS");
    let events = c.events(&good);
    assert!(
        events.iter().any(|e| e.contains("MTA-STS enforce, policy 20261204T1")),
        "{events:#?}"
    );

    let bad = c.send_one("alice@example.org", &["partner@badfirm.test"], "engagement letter");
    let events = wait_for(Duration::from_secs(20), || {
        let events = c.events(&bad);
        events.iter().any(|e| e.contains("not possible")).then_some(events)
    })
    .unwrap_or_else(|| panic!("not refused: {:#?}\n{}", c.events(&bad), c.log_text()));
    assert!(
        events
            .iter()
            .any(|e| e.contains("MTA-STS policy of badfirm.test (enforce") && e.contains("mx.attacker.test")),
        "{events:#?}"
    );
    assert!(bad_mx.messages().is_empty(), "nothing sent to the MX outside the policy");
    assert_eq!(*good_policy.fetches.lock().unwrap(), 1);
    // The policy is cached for its max_age: a second message does not fetch it again.
    c.send_one("alice@example.org", &["other@lawfirm.test"], "second letter");
    wait_for(Duration::from_secs(20), || (good_mx.messages().len() == 2).then_some(())).expect("second delivered");
    assert_eq!(*good_policy.fetches.lock().unwrap(), 1, "fetched once, then cached");
}
