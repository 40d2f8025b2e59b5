//! Encryption at rest against the real binary: a held message's bytes are
//! sealed under its own data key, wrapped by a master key kept outside the
//! vault file. No word of a body is left readable in any file of the data
//! dir; a wrong or missing key is refused without touching the vault; a
//! damaged ciphertext shows that message as damaged and no other.

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::portal::{Portal, search_ids};
use common::smtp;
use common::{BIN, Cloister, message};
use redb::{ReadableDatabase as _, ReadableTable as _};

const GOOD: &str = "Correct-Horse-42-battery";
const MARKER: &str = "Zebrafishmarker";

/// A held message from alice whose text and HTML parts carry `MARKER`.
fn send_marked(cl: &Cloister, to: &str) -> String {
    let mut client = smtp::Client::connect(cl.smtp);
    client.cmd("EHLO x");
    let body = format!(
        "--b\nContent-Type: text/plain; charset=utf-8\n\nThe {MARKER} plans are attached.\n--b\n\
         Content-Type: text/html; charset=utf-8\n\n<p>The <b>{MARKER}</b> plans.</p>\n--b--\n"
    );
    let m = message(
        &[
            "Subject: [secure] Plans",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=b",
        ],
        &body,
    );
    let r = client.send("alice@example.org", &[to], &m);
    assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

/// Every file under `dir` whose bytes hold `needle`, in any letter case.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let needle = needle.to_ascii_lowercase().into_bytes();
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .to_ascii_lowercase()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                found.push(path);
            }
        }
    }
    found
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn no_word_of_a_held_body_is_readable_in_any_file_of_the_data_dir() {
    let mut p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = send_marked(&p.cl, "bob@partner.test");
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
    let body = bob.get(&format!("/m/{id}/body"));
    assert!(body.body.contains(MARKER), "the reader sees the text: {}", body.body);
    assert_eq!(search_ids(&mut bob, &MARKER.to_lowercase()).join(","), id, "search still finds it");
    p.cl.stop();
    let data = p.cl.data_dir();
    assert_eq!(files_holding(&data, MARKER), Vec::<PathBuf>::new());
    let key = data.join("keys/master.key");
    assert_eq!(
        (mode(&key), mode(key.parent().unwrap()), mode(&data.join("vault.redb"))),
        (0o600, 0o700, 0o600)
    );
    // The same check finds the marker when it is there: the scan is not blind.
    std::fs::write(data.join("probe"), format!("x{MARKER}x")).unwrap();
    assert_eq!(files_holding(&data, MARKER), [data.join("probe")]);
}

/// `serve` with the instance's config; its exit status and stderr (it must not start).
fn serve_refused(cl: &Cloister) -> (bool, String) {
    let out = Command::new("timeout")
        .arg("20")
        .arg(BIN)
        .args(["serve", "--config"])
        .arg(&cl.config)
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_wrong_or_missing_master_key_is_refused_naming_its_place_and_the_vault_is_unchanged() {
    let sink = common::sink::Sink::start();
    let mut cl = Cloister::start(sink.port, "");
    let id = send_marked(&cl, "carol@partner.test");
    cl.stop();
    let (vault, key) = (cl.data_dir().join("vault.redb"), cl.data_dir().join("keys/master.key"));
    let (before, right_key) = (std::fs::read(&vault).unwrap(), std::fs::read(&key).unwrap());

    std::fs::write(&key, format!("{}\n", "5a".repeat(32))).unwrap();
    let (started, stderr) = serve_refused(&cl);
    assert!(!started, "a wrong key must not start the server");
    assert!(
        stderr.contains("sealed under another key") && stderr.contains(&key.display().to_string()),
        "{stderr}"
    );
    assert!(std::fs::read(&vault).unwrap() == before, "the vault is unchanged after a wrong key");

    std::fs::remove_file(&key).unwrap();
    let (started, stderr) = serve_refused(&cl);
    assert!(!started, "a missing key must not start the server (nor be made anew)");
    assert!(
        stderr.contains("sealed under a master key") && stderr.contains(&key.display().to_string()),
        "{stderr}"
    );
    assert!(!key.exists(), "no new key replaces the lost one");
    assert!(
        std::fs::read(&vault).unwrap() == before,
        "the vault is unchanged after a missing key"
    );

    std::fs::write(&key, &right_key).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let shown = cl.cli(&["show", &id]);
    assert!(shown.status.success(), "{}", String::from_utf8_lossy(&shown.stderr));
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains(MARKER),
        "the right key opens it again"
    );
}

/// Flips one byte of the first stored chunk of message `id` in a stopped vault.
fn flip_a_stored_byte(data: &Path, id: &str) {
    let db = redb::Database::create(data.join("vault.redb")).unwrap();
    let chunks: redb::TableDefinition<(u64, u32), &[u8]> = redb::TableDefinition::new("raw_chunks");
    let key = (u64::from_str_radix(id, 16).unwrap(), 0u32);
    let txn = db.begin_write().unwrap();
    {
        let mut table = txn.open_table(chunks).unwrap();
        let mut bytes = table.get(key).unwrap().expect("a stored chunk").value().to_vec();
        bytes[5] ^= 0x01;
        table.insert(key, bytes.as_slice()).unwrap();
    }
    txn.commit().unwrap();
    let read = db.begin_read().unwrap();
    assert!(read.open_table(chunks).unwrap().get(key).unwrap().is_some());
}

#[test]
fn one_flipped_byte_shows_that_message_damaged_and_the_others_still_open() {
    let mut p = Portal::start("");
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let damaged = send_marked(&p.cl, "bob@partner.test");
    let fine = send_marked(&p.cl, "bob@partner.test");
    p.cl.stop();
    flip_a_stored_byte(&p.cl.data_dir(), &damaged);
    p.cl.launch();
    let mut bob = p.agent();
    let r = p.sign_in(&mut bob, "bob@partner.test", GOOD, "/");
    assert_eq!(r.status, 303, "{}", r.body);
    let page = bob.get(&format!("/m/{damaged}"));
    assert!(page.body.contains("This message is damaged"), "{} {}", page.status, page.body);
    assert!(!page.body.contains(MARKER));
    assert_eq!(bob.get(&format!("/m/{fine}")).status, 200);
    let other = bob.get(&format!("/m/{fine}/body"));
    assert!(other.body.contains(MARKER), "the other message still opens: {}", other.body);
    assert!(
        p.cl.log_text().contains("stored message does not open"),
        "the admin sees it in the log"
    );
}

#[test]
fn ordinary_mail_waiting_for_the_relay_is_sealed_and_arrives_intact() {
    let port = common::free_port();
    let mut cl = Cloister::start(port, "");
    let mut client = smtp::Client::connect(cl.smtp);
    client.cmd("EHLO x");
    let m = message(&["Subject: Lunch"], &format!("The {MARKER} place at noon?\n"));
    let r = client.send("alice@example.org", &["bob@example.org"], &m);
    assert!(r.starts_with("250 "), "{r}");
    assert_eq!(cl.outbox().len(), 1, "it waits for the relay");
    cl.stop();
    assert_eq!(files_holding(&cl.data_dir(), MARKER), Vec::<PathBuf>::new());
    let sink = common::sink::Sink::start_on(port);
    cl.launch();
    let arrived = common::wait_for(std::time::Duration::from_secs(20), || {
        sink.messages().into_iter().find(|m| m.to == ["bob@example.org"])
    })
    .expect("relayed once the relay answers");
    assert!(
        arrived.text().contains(&format!("The {MARKER} place at noon?")),
        "{}",
        arrived.text()
    );
}
