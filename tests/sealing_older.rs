//! A vault from before encryption at rest is sealed in place while the
//! server serves. The fixture was made by the binary of commit 82e735e (the
//! last one without encryption): 150 held messages from alice to bob (subject
//! "[secure] Oldsubjectmarker number N", body "Oldbodymarker text of message
//! N.", every tenth with an attachment "OldfilemarkerN.txt"), and 3 ordinary
//! messages to carol waiting for a relay that was down ("Oldrelaymarker").
//! The upgrade is killed midway and resumed; afterwards no marker is readable
//! in any file, every message and relay copy opens, and search finds words
//! through the keyed filters.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::portal::{Portal, search_ids};
use common::sink::Sink;
use common::{Cloister, wait_for};
use redb::{ReadableDatabase as _, ReadableTable as _};

const FIXTURE: &str = "tests/fixtures/before-encryption.redb";
const MARKERS: [&str; 4] = ["Oldsubjectmarker", "Oldbodymarker", "Oldfilemarker", "Oldrelaymarker"];

fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let needle = needle.as_bytes();
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file() && std::fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle) {
                found.push(path);
            }
        }
    }
    found
}

/// How far sealing got, and how many records still hold a plain subject,
/// read from the stopped vault.
fn progress(data: &Path) -> (u64, usize) {
    let db = redb::Database::create(data.join("vault.redb")).unwrap();
    let txn = db.begin_read().unwrap();
    let keys: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("vault_keys");
    let through = txn
        .open_table(keys)
        .unwrap()
        .get("sealed_through")
        .unwrap()
        .map_or(0, |v| u64::from_be_bytes(v.value().try_into().unwrap()));
    let messages: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("messages");
    let plain = txn
        .open_table(messages)
        .unwrap()
        .iter()
        .unwrap()
        .filter(|row| {
            let record: serde_json::Value = serde_json::from_slice(row.as_ref().unwrap().1.value()).unwrap();
            record["subject"].as_str().unwrap_or_default().contains("Oldsubjectmarker")
        })
        .count();
    (through, plain)
}

/// Relay copies in the stopped vault that are sealed (their first byte is 0).
fn sealed_copies(data: &Path) -> usize {
    let db = redb::Database::create(data.join("vault.redb")).unwrap();
    let txn = db.begin_read().unwrap();
    let copies: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("outbox_data");
    let table = txn.open_table(copies).unwrap();
    table
        .iter()
        .unwrap()
        .filter(|row| row.as_ref().unwrap().1.value().first() == Some(&0))
        .count()
}

/// An instance on a copy of the fixture, sealing one message per write,
/// killed once some messages are sealed and some are not. None when sealing
/// finished before the kill (the caller tries again).
fn killed_midway(relay_port: u16) -> Option<Cloister> {
    // Rows of the fixture are old: patience without end, so the relay being
    // down for the test never turns them into dead letters.
    let extra = "retry_max_age_hours = 1000000\n[notify]\nretry_max_age_hours = 1000000\n[keys]\nbatch = 1\n";
    let mut cl = Cloister::prepare(relay_port, "", extra);
    std::fs::create_dir_all(cl.data_dir()).unwrap();
    std::fs::copy(FIXTURE, cl.data_dir().join("vault.redb")).unwrap();
    cl.launch();
    let batches = || cl.log_text().matches("sealing messages kept before encryption at rest").count();
    wait_for(Duration::from_secs(30), || (batches() >= 10).then_some(())).expect("sealing did not start");
    cl.kill9();
    let (through, plain) = progress(&cl.data_dir());
    (through > 0 && through < u64::MAX && plain > 0 && plain < 150).then_some(cl)
}

#[test]
fn an_older_plaintext_vault_is_sealed_in_place_resuming_after_a_kill() {
    let relay_port = common::free_port();
    let mut cl = (0..3).find_map(|_| killed_midway(relay_port)).expect("never caught sealing midway");
    cl.launch();
    let done = wait_for(Duration::from_mins(1), || {
        cl.log_text()
            .contains("every message kept before encryption at rest is sealed now")
            .then_some(())
    });
    assert!(done.is_some(), "{}", cl.log_text());
    let indexed = wait_for(Duration::from_mins(1), || {
        cl.log_text()
            .contains("every message kept before the monitor's index is indexed now")
            .then_some(())
    });
    assert!(
        indexed.is_some(),
        "the monitor's index is built for older messages: {}",
        cl.log_text()
    );
    // Stopped cleanly, nothing of the old plaintext is left in any file.
    cl.stop();
    assert_eq!(progress(&cl.data_dir()), (u64::MAX, 0));
    assert_eq!(
        sealed_copies(&cl.data_dir()),
        3,
        "the waiting relay copies are sealed where they wait"
    );
    for marker in MARKERS {
        assert_eq!(files_holding(&cl.data_dir(), marker), Vec::<PathBuf>::new(), "{marker}");
    }
    cl.launch();
    let listed = cl.messages();
    assert_eq!(listed.len(), 150, "every held message is still there");
    let number_7 = listed
        .iter()
        .find(|m| m["subject"] == "Oldsubjectmarker number 7")
        .expect("subjects open");
    let with_file = listed.iter().find(|m| m["subject"] == "Oldsubjectmarker number 10").unwrap();
    assert_eq!(with_file["attachments"][0], "Oldfilemarker10.txt");
    let shown = cl.cli(&["show", number_7["id"].as_str().unwrap()]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("Oldbodymarker text of message 7."));

    // The relay comes back: the copies that waited (sealed now) arrive whole.
    let p = Portal {
        sink: Sink::start_on(relay_port),
        cl,
    };
    let copies = wait_for(Duration::from_secs(30), || {
        let to_carol: Vec<_> = p.sink.all().into_iter().filter(|m| m.to == ["carol@example.org"]).collect();
        (to_carol.len() == 3).then_some(to_carol)
    })
    .expect("the waiting relay copies are delivered");
    assert!(copies.iter().all(|m| m.text().contains("Oldrelaymarker waiting")));
    // Search goes through the keyed filters now.
    let mut bob = p.agent();
    let r = p.code_sign_in(&mut bob, "bob@partner.test", 0);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(search_ids(&mut bob, "oldfilemarker10").len(), 1);
    assert_eq!(search_ids(&mut bob, "oldbodymarker message 42").len(), 1);
    assert!(search_ids(&mut bob, "elephant").is_empty());

    // The admin monitor finds them through its index, by subject words.
    let a = common::admin::add(&p.cl, "root");
    let mut root = common::admin::signed_in(&p.cl, &a);
    let all = root.get("/admin/monitor?q=Oldsubjectmarker");
    assert_eq!(all.status, 200);
    assert!(!all.body.contains("id=\"indexing\""), "the index is complete");
    assert!(all.body.contains("id=\"tab-all\">All <span class=\"count\">150<"), "{}", all.body);
    let one = root.get("/admin/monitor?q=oldsubjectmarker+number+42");
    assert_eq!(one.body.matches("<a href=\"/admin/message?id=").count(), 1, "{}", one.body);
}
