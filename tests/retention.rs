//! The retention and expiry job against the real binary: `cloister purge
//! --dry-run` shows what is due and changes nothing; `cloister purge`
//! removes exactly that. Age is given to records by editing the stopped
//! vault (the job reads the times stored in them).

mod common;

use common::portal::Portal;
use common::stopped_vault::{DAY, age_past_retention, edit_message, unix_now as now};
use redb::ReadableTable as _;

const GOOD: &str = "Correct-Horse-42-battery";

/// Changes stored JSON records of the stopped vault.
fn edit_vault(p: &Portal, f: impl FnOnce(&redb::WriteTransaction)) {
    common::stopped_vault::edit(&p.cl.data_dir(), f);
}

fn purge(p: &Portal, dry_run: bool) -> serde_json::Value {
    let args: &[&str] = if dry_run { &["purge", "--dry-run"] } else { &["purge"] };
    let out = p.cl.cli(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn purge_removes_exactly_what_is_due_and_marks_expiry_once() {
    let mut p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let old = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Old");
    let expired = p.cl.send_one("alice@example.org", &["carol@partner.test"], "[secure] Expired");
    let fresh = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Fresh");
    assert_eq!(bob.get(&format!("/m/{old}")).status, 200);
    p.cl.stop();
    edit_vault(&p, |txn| {
        edit_message(txn, &old, age_past_retention);
        edit_message(txn, &expired, |m| m["expires_at"] = (now() - 60).into());
        let sessions: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("sessions");
        let mut t = txn.open_table(sessions).unwrap();
        let rows: Vec<(String, serde_json::Value)> = t
            .iter()
            .unwrap()
            .map(|r| {
                let (k, v) = r.unwrap();
                (k.value().to_string(), serde_json::from_slice(v.value()).unwrap())
            })
            .collect();
        for (k, mut s) in rows {
            s["last_seen"] = (now() - 2 * DAY).into();
            t.insert(k.as_str(), serde_json::to_vec(&s).unwrap().as_slice()).unwrap();
        }
    });

    // Offline dry run: says what is due, changes nothing.
    let plan = purge(&p, true);
    assert_eq!(plan["done"], false);
    assert_eq!(plan["purged"], serde_json::json!([old]));
    assert_eq!(plan["expired"], serde_json::json!([expired]));
    assert_eq!(plan["sessions"], 1, "{plan}");
    assert_eq!(purge(&p, true), plan, "a dry run changes nothing");

    p.cl.launch();
    let done = purge(&p, false);
    assert_eq!(done["done"], true);
    assert_eq!((&done["purged"], &done["expired"]), (&plan["purged"], &plan["expired"]));
    assert_eq!(done["sessions"], 1, "the stale session was removed: {done}");
    let ids: Vec<String> = p.cl.messages().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    assert!(!ids.contains(&old), "{ids:?}");
    assert!(ids.contains(&expired) && ids.contains(&fresh) && ids.len() == 3, "{ids:?}");
    let events = p.cl.events(&old);
    assert!(
        events.iter().any(|e| e.starts_with("purged after the retention period (365 days)")),
        "the log stays: {events:?}"
    );
    assert!(p.cl.events(&expired).iter().any(|e| e.starts_with("expired:")));
    assert!(bob.get("/").location().starts_with("/login"), "the stale session is gone");
    let mut bob = p.agent();
    assert_eq!(p.sign_in(&mut bob, "bob@partner.test", GOOD, "/").status, 303);
    // Purged: its reader is told it expired and was removed (tests/message_gone.rs).
    assert_eq!(bob.get(&format!("/m/{old}")).status, 410);
    assert_eq!(bob.get(&format!("/m/{fresh}")).status, 200);
    assert!(!bob.get("/").body.contains("Old"));

    let again = purge(&p, false);
    assert_eq!(
        (
            again["purged"].as_array().unwrap().len(),
            again["expired"].as_array().unwrap().len()
        ),
        (0, 0),
        "expiry is marked once: {again}"
    );
    assert!(p.cl.log_text().contains("retention job removed what was due"));
}
