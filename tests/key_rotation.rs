//! The master key's life against the real binary: `cloister keys rotate`
//! re-wraps every message's key while SMTP keeps taking mail, survives a
//! `kill -9` in the middle (the next start finishes it), and retires the old
//! key file; `keys export` prints the key that opens the vault; `restore
//! --check` says whether the configured key opens a backup.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::smtp::Client;
use common::{Cloister, wait_for};

/// Sends secure mail (subject and body carry the number) in a loop until
/// `stop`; returns the queue ids acknowledged.
fn mail_in_flight(c: &Cloister, stop: &Arc<AtomicBool>, from: usize) -> std::thread::JoinHandle<Vec<String>> {
    let (addr, stop) = (c.smtp, Arc::clone(stop));
    std::thread::spawn(move || {
        let mut acked = Vec::new();
        let mut client = Client::connect(addr);
        client.cmd("EHLO load.test");
        for n in from.. {
            if stop.load(Ordering::Relaxed) || !client.try_send_raw(b"MAIL FROM:<alice@example.org>\r\n") {
                break;
            }
            let mut ok = client.reply().starts_with("250");
            ok = ok && client.cmd("RCPT TO:<bob@partner.test>").starts_with("250");
            ok = ok && client.cmd("DATA").starts_with("354");
            if !ok {
                break;
            }
            let text = format!("Subject: [secure] Rotated {n}\r\n\r\nBody of message number {n}.\r\n");
            match client.data_end_with(text.as_bytes()).strip_prefix("250 2.0.0 Ok: queued as ") {
                Some(id) => acked.push(id.trim().to_string()),
                None => break,
            }
        }
        acked
    })
}

fn key_file(c: &Cloister) -> std::path::PathBuf {
    c.data_dir().join("keys/master.key")
}

fn retired_files(c: &Cloister) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(c.data_dir().join("keys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".retired-"))
        .collect();
    found.sort();
    found
}

/// Every message `cloister messages` lists opens: its subject (sealed in the
/// record) and, through `show`, its body (sealed chunks) for a sample.
fn every_message_opens(c: &Cloister, acked: &[String]) {
    let listed = c.messages();
    for id in acked {
        let m = listed
            .iter()
            .find(|m| m["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id} acknowledged but missing"));
        let subject = m["subject"].as_str().unwrap();
        assert!(subject.starts_with("Rotated "), "{id}: {subject}");
    }
    let step = (acked.len() / 15).max(1);
    for id in acked.iter().step_by(step) {
        let shown = c.cli(&["show", id]);
        let raw = serde_json::from_slice::<serde_json::Value>(&shown.stdout).unwrap()["raw"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(raw.contains("Body of message number"), "{id}: {raw}");
    }
}

#[test]
fn rotation_under_smtp_load_killed_midway_is_finished_by_the_next_start_and_loses_nothing() {
    let mut c = Cloister::start(common::free_port(), "[keys]\nbatch = 1\n");
    // Mail held before the rotation.
    let stop = Arc::new(AtomicBool::new(false));
    let before = mail_in_flight(&c, &stop, 0);
    std::thread::sleep(Duration::from_secs(4));
    stop.store(true, Ordering::Relaxed);
    let mut acked = before.join().unwrap();
    assert!(acked.len() > 40, "{} sent", acked.len());
    let old_key = std::fs::read_to_string(key_file(&c)).unwrap();
    let backup = c.dir.path().join("before-rotation.redb");
    assert!(c.cli(&["backup", backup.to_str().unwrap()]).status.success());

    // Rotate while mail keeps coming; kill -9 once some batches are in.
    let stop = Arc::new(AtomicBool::new(false));
    let during = mail_in_flight(&c, &stop, 100_000);
    let rotate = std::process::Command::new(common::BIN)
        .args(["keys", "rotate", "--config"])
        .arg(&c.config)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let batches = || c.log_text().matches("re-wrapped a batch").count();
    assert!(
        wait_for(Duration::from_secs(20), || (batches() >= 20).then_some(())).is_some(),
        "the rotation did not get going: {}",
        c.log_text()
    );
    c.kill9();
    stop.store(true, Ordering::Relaxed);
    acked.extend(during.join().unwrap());
    let _ = rotate.wait_with_output();
    let next_file = c.data_dir().join("keys/master.key.next");
    assert!(next_file.exists(), "killed midway: the new key waits beside the old");
    assert_eq!(std::fs::read_to_string(key_file(&c)).unwrap(), old_key);

    // The next start goes on with it and finishes.
    c.launch();
    let finished = wait_for(Duration::from_mins(1), || {
        c.log_text()
            .contains("the interrupted master key rotation is finished")
            .then_some(())
    });
    assert!(finished.is_some(), "{}", c.log_text());
    assert!(!next_file.exists());
    let new_key = std::fs::read_to_string(key_file(&c)).unwrap();
    assert_ne!(new_key, old_key, "a new key in the key file's place");
    let retired = retired_files(&c);
    assert_eq!(retired.len(), 1, "{retired:?}");
    assert_eq!(
        std::fs::read_to_string(&retired[0]).unwrap(),
        old_key,
        "the old key is kept, retired"
    );
    every_message_opens(&c, &acked);
    assert!(!c.log_text().contains("does not open"), "{}", c.log_text());

    // Restarting with only the new key works; the old backup needs the retired key.
    c.stop();
    c.launch();
    every_message_opens(&c, &acked[..20]);
    let check = c.cli(&["restore", "--check", backup.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(!check.status.success() && said.contains("does not open this backup"), "{said}");
}

#[test]
fn a_rotation_while_serving_keeps_mail_and_the_portal_working_and_can_run_again() {
    let mut p = common::portal::Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", "Correct-Horse-42-battery");
    let first = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Rotated first");
    // A draft with a file, each under its own key: re-wrapped too.
    let page = bob.get("/compose");
    let draft = page.field("draft");
    let fields = [
        ("csrf", page.field("csrf")),
        ("draft", draft.clone()),
        ("to", "alice@example.org".to_string()),
        ("subject", "Draft across rotations".to_string()),
        ("body", "Still here.".to_string()),
        ("action", "save".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = bob.post_multipart(
        "/compose",
        &refs,
        &[("attachment", "kept.txt", "text/plain", b"file across rotations")],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    for round in 0..2 {
        let out = p.cl.cli(&["keys", "rotate"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let said: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(said["rewrapped"].as_u64().unwrap() >= 2, "{said}");
        assert_eq!(retired_files(&p.cl).len(), round + 1);
        let later =
            p.cl.send_one("alice@example.org", &["bob@partner.test"], &format!("[secure] Rotated {round}"));
        for id in [&first, &later] {
            let page = bob.get(&format!("/m/{id}"));
            assert!(page.body.contains("Rotated"), "{}", page.body);
        }
        let found = common::portal::search_ids(&mut bob, "rotated");
        assert_eq!(
            found.len(),
            round + 2,
            "search still finds them: {found:?} first {first} later {later}"
        );
    }
    let events = p.cl.events("0000000000000000");
    assert!(events.iter().any(|e| e.contains("master key rotation finished")), "{events:?}");
    p.cl.stop();
    p.cl.launch();
    assert!(bob.get(&format!("/m/{first}")).body.contains("Rotated first"));
    // Only the new key is loaded now: the draft and its file open under it.
    let resumed = bob.get(&format!("/drafts/{draft}"));
    assert!(
        resumed.body.contains("Still here.") && resumed.body.contains("kept.txt"),
        "{}",
        resumed.body
    );
    let fields = [
        ("csrf", resumed.field("csrf")),
        ("draft", draft),
        ("to", "alice@example.org".to_string()),
        ("subject", "Draft across rotations".to_string()),
        ("body", "Still here.".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(bob.post_multipart("/compose", &refs, &[]).status, 303);
    let sent = common::wait_for(std::time::Duration::from_secs(20), || {
        p.sink
            .all()
            .into_iter()
            .find(|m| m.to.iter().any(|t| t == "alice@example.org") && m.text().contains("Still here."))
    })
    .expect("the draft was sent");
    let parsed = mail_parser::MessageParser::default().parse(sent.data.as_slice()).unwrap();
    assert_eq!(
        parsed.attachment(0).map(mail_parser::MessagePart::contents),
        Some(&b"file across rotations"[..])
    );
}

#[test]
fn keys_export_prints_the_key_that_opens_the_vault_and_refuses_another() {
    let mut c = Cloister::start(common::free_port(), "");
    let id = c.send_one("alice@example.org", &["bob@partner.test"], "[secure] Escrow");
    let out = c.cli(&["keys", "export"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(printed.trim(), std::fs::read_to_string(key_file(&c)).unwrap().trim());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Keep this copy offline"));
    // Stopped, the same copy (checked against the vault file itself).
    c.stop();
    assert_eq!(String::from_utf8_lossy(&c.cli(&["keys", "export"]).stdout), printed);
    // The escrow copy works as a key file.
    let escrow = c.dir.path().join("escrow.key");
    std::fs::write(&escrow, printed.as_bytes()).unwrap();
    std::fs::set_permissions(&escrow, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let text = std::fs::read_to_string(&c.config).unwrap();
    let other = c.dir.path().join("other.toml");
    std::fs::write(&other, format!("{text}\n[keys]\nmaster_key_file = \"{}\"\n", escrow.display())).unwrap();
    let shown = std::process::Command::new(common::BIN)
        .args(["show", &id, "--config"])
        .arg(&other)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains("Escrow"),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    // Another key is not exported as if it were this vault's.
    std::fs::write(&escrow, format!("{}\n", "ab".repeat(32))).unwrap();
    let refused = std::process::Command::new(common::BIN)
        .args(["keys", "export", "--config"])
        .arg(&other)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(refused.stdout.is_empty(), "nothing printed");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("another key"));
}

#[test]
fn restore_check_says_whether_the_key_opens_a_backup_and_a_wrong_key_changes_nothing() {
    let mut c = Cloister::start(common::free_port(), "");
    c.send_one("alice@example.org", &["bob@partner.test"], "[secure] Kept");
    let backup = c.dir.path().join("b.redb");
    assert!(c.cli(&["backup", backup.to_str().unwrap()]).status.success());
    c.stop();
    let check = c.cli(&["restore", "--check", backup.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && said.contains("opens it"), "{said}");
    // Another key: check and restore refuse, and the vault is untouched.
    let key = key_file(&c);
    let right = std::fs::read(&key).unwrap();
    std::fs::write(&key, format!("{}\n", "cd".repeat(32))).unwrap();
    let vault_before = std::fs::read(c.data_dir().join("vault.redb")).unwrap();
    for args in [vec!["restore", "--check"], vec!["restore"]] {
        let mut args = args.clone();
        args.push(backup.to_str().unwrap());
        let out = c.cli(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && said.contains("does not open this backup"), "{said}");
    }
    assert_eq!(std::fs::read(c.data_dir().join("vault.redb")).unwrap(), vault_before);
    std::fs::remove_file(&key).unwrap();
    let out = c.cli(&["restore", "--check", backup.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is none at"));
    std::fs::write(&key, &right).unwrap();
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let restored = c.cli(&["restore", backup.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
}
