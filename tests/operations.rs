//! Operations against the real binary: the metrics listener (Prometheus text,
//! health and readiness), and readiness over HTTPS.

mod common;

use std::time::Duration;

use common::portal::Portal;
use common::{plain_http as http, wait_for};

/// The value written after `name` (with its labels) in the exposition.
fn value<'a>(metrics: &'a str, name: &str) -> &'a str {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("no {name} in\n{metrics}"))
}

fn number(metrics: &str, name: &str) -> f64 {
    value(metrics, name).parse().unwrap()
}

#[test]
fn metrics_count_what_happened_and_health_checks_answer() {
    let p = Portal::start("");
    let addr = p.cl.metrics_addr();
    assert!(addr.ip().is_loopback());
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Held");
    p.cl.send_one("alice@example.org", &["erin@example.org"], "Relayed");
    let mut agent = p.agent();
    let page = agent.get("/login");
    let csrf = page.field("csrf");
    agent.post("/login", &[("csrf", &csrf), ("address", "nobody@partner.test"), ("next", "/")]);
    agent.post(
        "/login/password",
        &[
            ("csrf", &csrf),
            ("address", "nobody@partner.test"),
            ("password", "wrong-Pass-1234"),
            ("next", "/"),
        ],
    );
    let metrics = wait_for(Duration::from_secs(20), || {
        let (status, body) = http(addr, "GET", "/metrics");
        assert_eq!(status, 200);
        (number(&body, "cloister_outbox_attempts_total{kind=\"notification\",outcome=\"sent\"}") >= 1.0
            && number(&body, "cloister_outbox_attempts_total{kind=\"relay\",outcome=\"sent\"}") >= 1.0)
            .then_some(body)
    })
    .expect("the notice and the relayed mail are counted as sent");
    assert_eq!(value(&metrics, "cloister_smtp_messages_accepted_total"), "2");
    assert_eq!(value(&metrics, "cloister_recipients_total{decision=\"vault\"}"), "1");
    assert_eq!(value(&metrics, "cloister_recipients_total{decision=\"relay\"}"), "1");
    assert_eq!(value(&metrics, "cloister_sign_ins_total{area=\"portal\",result=\"failed\"}"), "1");
    assert!(number(&metrics, "cloister_http_request_duration_seconds_count") >= 3.0);
    assert!(number(&metrics, "cloister_vault_size_bytes") > 0.0);
    assert!(metrics.contains("# TYPE cloister_http_request_duration_seconds histogram"));
    assert_eq!(http(addr, "GET", "/healthz"), (200, "ok\n".into()));
    assert_eq!(http(addr, "GET", "/readyz"), (200, "ready\n".into()));
    assert_eq!(http(addr, "POST", "/metrics").0, 405);
    assert_eq!(http(addr, "GET", "/admin").0, 404, "nothing else is served there");
    let over_https = agent.get("/readyz");
    assert_eq!((over_https.status, over_https.body.as_str()), (200, "ready\n"));
}

#[test]
fn sighup_reloads_a_good_configuration_in_place_and_ignores_a_bad_one() {
    let mut p = Portal::start("");
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Before reload");
    let pid = p.cl.child.as_ref().unwrap().id();
    let original = std::fs::read_to_string(&p.cl.config).unwrap();

    std::fs::write(&p.cl.config, format!("{original}[portal]\ninbox_days = -1\n")).unwrap();
    p.cl.signal(1);
    wait_for(Duration::from_secs(10), || {
        p.cl.log_text().contains("still running with the old one").then_some(())
    })
    .expect("a bad configuration is reported");
    assert!(
        p.cl.log_text().contains("portal.inbox_days"),
        "the log names the key: {}",
        p.cl.log_text()
    );
    assert_eq!(p.agent().get("/login").status, 200, "still serving");

    std::fs::write(&p.cl.config, format!("{original}[notify]\norganisation = \"Reloaded Org\"\n")).unwrap();
    p.cl.signal(1);
    let page = wait_for(Duration::from_secs(20), || {
        let mut agent = p.agent();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| agent.get("/login")))
            .ok()
            .filter(|r| r.body.contains("Reloaded Org"))
    })
    .expect("the new configuration is in use");
    assert_eq!(page.status, 200);
    let child = p.cl.child.as_mut().unwrap();
    assert_eq!(child.id(), pid);
    assert!(child.try_wait().unwrap().is_none(), "the same process carries on");
    let ids: Vec<String> = p.cl.messages().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&id), "the vault came back with its messages");
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] After reload");
}
