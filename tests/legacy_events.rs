//! Events written before they had kinds: a vault made by the binary of
//! commit 617f8d4 (schema 5, every event stored as words; made by driving
//! that binary through an invite, a sign-in, a read, two wrong passwords and
//! an admin's sign-ins) opens under this one. Its events read back word for
//! word in `cloister show`, the monitor and the audit, sort into the audit's
//! kinds, and new events beside them are stored as kinds with fields. A
//! second vault of that binary, stopped while its relay was down, holds
//! pending outbox rows: they must be found by the due-time index that
//! schema 6 builds when it opens.

mod common;

use common::https::Agent;
use common::sink::Sink;
use common::{Cloister, admin};
use std::time::Duration;

use redb::{ReadableDatabase as _, ReadableTable as _};

const FIXTURE: &str = "tests/fixtures/schema5-prose-events.redb";
const MESSAGE: &str = "01A23B60A8150000";

const PENDING: &str = "tests/fixtures/schema5-pending-outbox.redb";

fn upgraded(fixture: &str) -> (Cloister, Sink) {
    let sink = Sink::start();
    let mut cl = Cloister::prepare(sink.port, "", "");
    std::fs::create_dir_all(cl.data_dir()).unwrap();
    std::fs::copy(fixture, cl.data_dir().join("vault.redb")).unwrap();
    cl.launch();
    (cl, sink)
}

#[test]
fn outbox_rows_pending_in_an_older_vault_are_sent_after_the_upgrade() {
    let (cl, sink) = upgraded(PENDING);
    let to_dora = || {
        sink.notifications()
            .into_iter()
            .filter(|m| m.to.iter().any(|r| r == "dora@partner.test"))
            .count()
    };
    let sent = common::wait_for(Duration::from_secs(20), || (to_dora() >= 2).then_some(()));
    assert!(
        sent.is_some(),
        "the notice and first-contact mail waiting in the old outbox were not sent; log: {}",
        cl.log_text()
    );
    assert!(common::wait_for(Duration::from_secs(10), || cl.outbox().is_empty().then_some(())).is_some());
    assert_eq!(to_dora(), 2, "each waiting mail once");
}

/// The "what" cells of the audit table.
fn audit_whats(agent: &mut Agent, query: &str) -> Vec<String> {
    let page = agent.get(&format!("/admin/audit{query}"));
    assert_eq!(page.status, 200);
    let Some(at) = page.body.find("id=\"audit\"") else {
        return Vec::new();
    };
    page.body[at..]
        .split("<tr><td>")
        .skip(1)
        .map(|row| {
            let last = row.split("</td><td>").nth(3).unwrap();
            last[..last.find("</td>").unwrap()].replace("&#x2f;", "/")
        })
        .collect()
}

#[test]
fn prose_events_of_an_older_vault_read_back_word_for_word_and_sort_into_audit_kinds() {
    let (mut cl, _sink) = upgraded(FIXTURE);
    let story = cl.events(MESSAGE);
    for line in [
        "account created for bob@partner.test; first-contact credentials queued",
        "received from [127.0.0.1] helo=x sender=<alice@example.org> size=39",
        "held in isolation vault for bob@partner.test (rule keyword:[secure]); notice queued",
        "notification sent to bob@partner.test (attempt 1): 250 2.0.0 caught",
        "read by bob@partner.test from 127.0.0.1 (cloister-tests/1)",
    ] {
        assert!(story.iter().any(|w| w == line), "{line:?} not in {story:?}");
    }

    let a = admin::add(&cl, "auditor");
    let mut auditor = admin::signed_in(&cl, &a);
    let locked = audit_whats(&mut auditor, "?kind=lockout");
    assert_eq!(locked, ["sign-in refused from 127.0.0.1: wrong password; now locked"], "{locked:?}");
    let failed = audit_whats(&mut auditor, "?kind=sign-in-failed");
    assert_eq!(failed, ["sign-in refused from 127.0.0.1: wrong password"], "{failed:?}");
    let admin_failed = audit_whats(&mut auditor, "?kind=admin-sign-in-failed");
    assert_eq!(admin_failed, ["admin sign-in refused for root from 127.0.0.1: wrong password"]);
    let admin_in = audit_whats(&mut auditor, "?kind=admin-sign-in");
    assert_eq!(
        admin_in.len(),
        2,
        "the old sign-in of root and the new one of auditor: {admin_in:?}"
    );
    assert!(
        admin_in.iter().all(|w| w.starts_with("admin signed in from 127.0.0.1")),
        "{admin_in:?}"
    );
    let changes = audit_whats(&mut auditor, "?kind=admin-change");
    assert!(changes.iter().any(|w| w == "admin root created (with TOTP)"), "{changes:?}");
    assert!(changes.iter().any(|w| w == "admin auditor created (with TOTP)"), "{changes:?}");
    let monitor = auditor.get(&format!("/admin/message?id={MESSAGE}"));
    assert_eq!(monitor.status, 200);
    assert!(
        monitor.body.contains("first-contact credentials sent to bob@partner.test"),
        "{}",
        monitor.body
    );

    // What the new binary writes is a kind with fields; the old words stay words.
    let fresh = cl.send_one("alice@example.org", &["carol@partner.test"], "[secure] After the upgrade");
    assert!(
        cl.events(&fresh)
            .iter()
            .any(|w| w == "held in isolation vault for carol@partner.test (rule keyword:[secure]); notice queued")
    );
    cl.stop();
    let (typed, words) = stored_whats(&cl);
    assert!(typed.iter().any(|k| k == "held"), "{typed:?}");
    assert!(typed.iter().any(|k| k == "admin_signed_in"), "{typed:?}");
    assert!(words >= 15, "the fixture's 15 events stay as they were: {words}");
}

/// The kinds of the typed events stored, and how many are stored as words.
fn stored_whats(cl: &Cloister) -> (Vec<String>, usize) {
    let db = redb::Database::open(cl.data_dir().join("vault.redb")).unwrap();
    let txn = db.begin_read().unwrap();
    let events: redb::TableDefinition<(u64, u64), &[u8]> = redb::TableDefinition::new("events");
    let table = txn.open_table(events).unwrap();
    let (mut typed, mut words) = (Vec::new(), 0);
    for row in table.iter().unwrap() {
        let (_, v) = row.unwrap();
        let event: serde_json::Value = serde_json::from_slice(v.value()).unwrap();
        match &event["what"] {
            serde_json::Value::String(_) => words += 1,
            what => typed.push(what["kind"].as_str().unwrap().to_string()),
        }
    }
    (typed, words)
}
