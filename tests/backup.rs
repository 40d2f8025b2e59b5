//! Backup while serving and restore, against the real binary: a backup taken
//! while messages keep arriving holds every message acknowledged before it
//! began, and the restored vault serves them.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::portal::Portal;
use common::{message, smtp};

#[test]
fn a_backup_taken_under_load_restores_every_acknowledged_message() {
    let mut p = Portal::start("");
    let smtp_addr = p.cl.smtp;
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let senders: Vec<_> = (0..3)
        .map(|n| {
            let (acked, stop) = (Arc::clone(&acked), Arc::clone(&stop));
            std::thread::spawn(move || {
                let mut client = smtp::Client::connect(smtp_addr);
                client.cmd("EHLO load");
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let subject = format!("Subject: [secure] load {n}-{i}");
                    let r = client.send("alice@example.org", &["bob@partner.test"], &message(&[subject.as_str()], "body\n"));
                    assert!(r.starts_with("250"), "{r}");
                    acked.lock().unwrap().push(r.trim().rsplit(' ').next().unwrap().to_string());
                    i += 1;
                }
            })
        })
        .collect();
    while acked.lock().unwrap().len() < 30 {
        std::thread::sleep(Duration::from_millis(20));
    }
    let before: Vec<String> = acked.lock().unwrap().clone();
    let file = p.cl.data_dir().parent().unwrap().join("backup.redb");
    let out = p.cl.cli(&["backup", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    stop.store(true, Ordering::Relaxed);
    for s in senders {
        s.join().unwrap();
    }
    let total = acked.lock().unwrap().len();
    assert!(summary["messages"].as_u64().unwrap() >= before.len() as u64, "{summary}");
    let again = p.cl.cli(&["backup", file.to_str().unwrap()]);
    assert!(!again.status.success(), "an existing file is never overwritten");

    // Restoring needs the server stopped.
    let refused = p.cl.cli(&["restore", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("stop it first"));
    let check = p.cl.cli(&["restore", "--check", file.to_str().unwrap()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    p.cl.stop();
    let done = p.cl.cli(&["restore", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&done.stdout).to_string();
    assert!(done.status.success(), "{said}{}", String::from_utf8_lossy(&done.stderr));
    assert!(said.contains("the previous vault is kept as"), "{said}");
    p.cl.launch();
    let restored: Vec<String> = p.cl.messages().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    for id in &before {
        assert!(restored.contains(id), "message {id}, acknowledged before the backup, is missing");
    }
    assert!(restored.len() <= total, "nothing invented");
    let shown = p.cl.cli(&["show", &before[0]]);
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert!(
        shown["raw"].as_str().unwrap().contains("[secure] load"),
        "the stored bytes came along"
    );
    // The restored vault takes new mail.
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] After restore");
}

#[test]
fn restore_refuses_a_file_that_is_not_a_backup() {
    let mut p = Portal::start("");
    p.cl.stop();
    let junk = p.cl.data_dir().parent().unwrap().join("junk.redb");
    std::fs::write(&junk, b"not a database").unwrap();
    let out = p.cl.cli(&["restore", junk.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(p.cl.data_dir().join("vault.redb").exists(), "the vault is untouched");
    p.cl.launch();
}
