//! `cloister compact` gives the vault file's free pages back, while the server
//! runs and takes mail: nothing acknowledged is lost, every message reads back
//! whole, and the file is smaller afterwards. Also `cloister storage`.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::sink::Sink;
use common::smtp::Client;
use common::{Cloister, wait_for};

/// A body of `lines` lines, different for every `n`, that compresses like text.
fn body(n: usize, lines: usize) -> String {
    use std::fmt::Write as _;
    (0..lines).fold(String::new(), |mut s, l| {
        let _ = write!(s, "Line {l} of message {n}: the quarterly figures, reviewed.\r\n");
        s
    })
}

/// Sends secure mail over one session until `stop`; returns (queue id, n) acknowledged.
fn load(c: &Cloister, stop: &Arc<AtomicBool>, from: usize) -> std::thread::JoinHandle<Vec<(String, usize)>> {
    let (addr, stop) = (c.smtp, Arc::clone(stop));
    std::thread::spawn(move || {
        let mut acked = Vec::new();
        let mut client = Client::connect(addr);
        client.cmd("EHLO load.test");
        for n in from.. {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let data = format!("Subject: [secure] load {n}\r\n\r\n{}", body(n, 40));
            let reply = client.send("alice@example.org", &[&format!("p{}@partner.test", n % 7)], data.as_bytes());
            let id = reply.strip_prefix("250 2.0.0 Ok: queued as ").expect("accepted").trim().to_string();
            acked.push((id, n));
        }
        acked
    })
}

#[test]
fn compaction_under_load_loses_nothing_and_gives_space_back() {
    let sink = Sink::start();
    let c = Cloister::start(sink.port, "");
    // Mail whose notices go out: every delivered outbox row frees its pages.
    let stop = Arc::new(AtomicBool::new(false));
    let first = load(&c, &stop, 0);
    std::thread::sleep(Duration::from_secs(4));
    stop.store(true, Ordering::Relaxed);
    let mut acked = first.join().unwrap();
    wait_for(Duration::from_mins(1), || c.outbox().is_empty().then_some(())).expect("notices sent");

    let stop = Arc::new(AtomicBool::new(false));
    let during = load(&c, &stop, 100_000);
    std::thread::sleep(Duration::from_millis(300));
    let out = c.cli(&["compact"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);
    let more = during.join().unwrap();
    assert!(!more.is_empty(), "mail was taken while compacting");
    acked.extend(more);
    let (before, after) = (report["before_bytes"].as_u64().unwrap(), report["after_bytes"].as_u64().unwrap());
    eprintln!(
        "compacted {before} -> {after} bytes in {} ms, {} messages",
        report["millis"],
        acked.len()
    );
    assert!(after < before, "free pages given back: {report}");

    let stored: Vec<String> = c.messages().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    let lost: Vec<&String> = acked.iter().map(|(id, _)| id).filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged but missing after compaction: {lost:?}");
    for (id, n) in acked.iter().step_by(17) {
        let shown: serde_json::Value = serde_json::from_slice(&c.cli(&["show", id]).stdout).unwrap();
        let raw = shown["raw"].as_str().unwrap_or_default();
        assert!(raw.contains(&body(*n, 40)), "message {id} reads back whole");
    }

    let storage: serde_json::Value = serde_json::from_slice(&c.cli(&["storage", "--json"]).stdout).unwrap();
    assert_eq!(storage["messages"].as_u64().unwrap(), acked.len() as u64);
    let chunks = storage["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "raw_chunks")
        .unwrap();
    assert!(
        chunks["stored_bytes"].as_u64().unwrap() < storage["message_bytes"].as_u64().unwrap() / 2,
        "kept compressed: {storage}"
    );
}
