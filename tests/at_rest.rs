//! Encryption at rest against the real binary: a held message's bytes are
//! sealed under its own data key, wrapped by a master key kept outside the
//! vault file. No word of a body is left readable in any file of the data
//! dir; a wrong or missing key is refused without touching the vault; a
//! damaged ciphertext shows that message as damaged and no other.

mod common;

use std::io::{Read as _, Write as _};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::portal::{Portal, search_ids};
use common::smtp;
use common::{BIN, Cloister, message};
use redb::{ReadableDatabase as _, ReadableTable as _};

const GOOD: &str = "Correct-Horse-42-battery";
const MARKER: &str = "Zebrafishmarker";
/// Words of the subject, an attachment's name and its content.
const SUBJECT_MARKER: &str = "Quokkasubject";
const FILE_MARKER: &str = "Narwhalfile";
const CONTENT_MARKER: &str = "Okapicontent";
const MARKERS: [&str; 4] = [MARKER, SUBJECT_MARKER, FILE_MARKER, CONTENT_MARKER];

/// A held message from alice whose text and HTML parts carry `MARKER`, its
/// subject `SUBJECT_MARKER`, and an attachment `FILE_MARKER` whose text is `CONTENT_MARKER`.
fn send_marked(cl: &Cloister, to: &str) -> String {
    let mut client = smtp::Client::connect(cl.smtp);
    client.cmd("EHLO x");
    let body = format!(
        "--m\nContent-Type: multipart/alternative; boundary=b\n\n\
         --b\nContent-Type: text/plain; charset=utf-8\n\nThe {MARKER} plans are attached.\n--b\n\
         Content-Type: text/html; charset=utf-8\n\n<p>The <b>{MARKER}</b> plans.</p>\n--b--\n\
         --m\nContent-Type: text/plain; name=\"{FILE_MARKER}.txt\"\n\
         Content-Disposition: attachment; filename=\"{FILE_MARKER}.txt\"\n\n{CONTENT_MARKER} figures\n--m--\n"
    );
    let subject = format!("Subject: [secure] Plans {SUBJECT_MARKER}");
    let m = message(
        &[subject.as_str(), "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=m"],
        &body,
    );
    let r = client.send("alice@example.org", &[to], &m);
    assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

/// Every file under `dir` (or `dir` itself, a file) whose bytes hold
/// `needle`, in any letter case.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let needle = needle.to_ascii_lowercase().into_bytes();
    let mut found = Vec::new();
    if dir.is_file() {
        if std::fs::read(dir)
            .unwrap()
            .to_ascii_lowercase()
            .windows(needle.len())
            .any(|w| w == needle)
        {
            found.push(dir.to_path_buf());
        }
        return found;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file()
                && std::fs::read(&path)
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
    let page = bob.get(&format!("/m/{id}"));
    assert!(
        page.body.contains(SUBJECT_MARKER) && page.body.contains(FILE_MARKER),
        "the reader sees the subject and the attachment's name: {}",
        page.body
    );
    assert!(bob.get("/").body.contains(SUBJECT_MARKER), "and the subject in the list");
    let body = bob.get(&format!("/m/{id}/body"));
    assert!(body.body.contains(MARKER), "the reader sees the text: {}", body.body);
    for word in [MARKER, SUBJECT_MARKER, FILE_MARKER] {
        assert_eq!(
            search_ids(&mut bob, &word.to_lowercase()).join(","),
            id,
            "search still finds {word}"
        );
    }
    let shown = p.cl.cli(&["messages", "--json"]);
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains(SUBJECT_MARKER),
        "the operator's listing opens the subject"
    );
    let backup = p.cl.dir.path().join("backup.redb");
    assert!(p.cl.cli(&["backup", backup.to_str().unwrap()]).status.success());
    // A key rotation re-wraps keys only: still no word readable after it.
    let rotated = p.cl.cli(&["keys", "rotate"]);
    assert!(rotated.status.success(), "{}", String::from_utf8_lossy(&rotated.stderr));
    assert!(bob.get(&format!("/m/{id}/body")).body.contains(MARKER));
    p.cl.stop();
    let data = p.cl.data_dir();
    for marker in MARKERS {
        assert_eq!(files_holding(&data, marker), Vec::<PathBuf>::new(), "{marker} in the data dir");
        assert!(files_holding(&backup, marker).is_empty(), "{marker} in the backup");
    }
    let key = data.join("keys/master.key");
    assert_eq!(
        (mode(&key), mode(key.parent().unwrap()), mode(&data.join("vault.redb")), mode(&data)),
        (0o600, 0o700, 0o600, 0o700)
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

/// Flips one byte of the sealed subject of message `id`'s record in a stopped vault.
fn flip_a_sealed_subject_byte(data: &Path, id: &str) {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let db = redb::Database::create(data.join("vault.redb")).unwrap();
    let messages: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("messages");
    let key = u64::from_str_radix(id, 16).unwrap();
    let txn = db.begin_write().unwrap();
    {
        let mut table = txn.open_table(messages).unwrap();
        let mut record: serde_json::Value = serde_json::from_slice(table.get(key).unwrap().unwrap().value()).unwrap();
        let mut sealed = b64.decode(record["sealed"].as_str().expect("a sealed record")).unwrap();
        let last = sealed.len() - 3;
        sealed[last] ^= 0x01;
        record["sealed"] = b64.encode(&sealed).into();
        table.insert(key, serde_json::to_vec(&record).unwrap().as_slice()).unwrap();
    }
    txn.commit().unwrap();
}

#[test]
fn one_flipped_byte_shows_that_message_damaged_and_the_others_still_open() {
    let mut p = Portal::start("");
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let damaged = send_marked(&p.cl, "bob@partner.test");
    let fine = send_marked(&p.cl, "bob@partner.test");
    let bad_subject = send_marked(&p.cl, "bob@partner.test");
    p.cl.stop();
    flip_a_stored_byte(&p.cl.data_dir(), &damaged);
    flip_a_sealed_subject_byte(&p.cl.data_dir(), &bad_subject);
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
    // Opened again: still one "damaged" event in its story, none for the other.
    assert!(bob.get(&format!("/m/{damaged}")).body.contains("This message is damaged"));
    let damaged_events = |id: &str| p.cl.events(id).iter().filter(|e| e.contains("damaged:")).count();
    let once = common::wait_for(std::time::Duration::from_secs(5), || (damaged_events(&damaged) == 1).then_some(()));
    assert!(once.is_some(), "one event: {:?}", p.cl.events(&damaged));
    assert_eq!(damaged_events(&fine), 0);
    // A damaged sealed subject: the list shows it as such, the message's own
    // text still opens (it has its own chunks), and the admin is told.
    let inbox = bob.get("/");
    assert!(inbox.body.contains("(damaged: cannot be shown)"), "{}", inbox.body);
    let rows = inbox.body.matches(&format!("Plans {SUBJECT_MARKER}")).count();
    assert_eq!(rows % 2, 0, "the two others' subjects, as many times each: {}", inbox.body);
    assert_eq!(
        inbox.body.matches("(damaged: cannot be shown)").count() * 2,
        rows,
        "the damaged one shown where its subject would be: {}",
        inbox.body
    );
    let subject_event = common::wait_for(std::time::Duration::from_secs(5), || {
        (damaged_events(&bad_subject) == 1).then_some(())
    });
    assert!(subject_event.is_some(), "{:?}", p.cl.events(&bad_subject));
    assert!(p.cl.log_text().contains("sealed subject does not open"));
}

/// Files in the spool now, with their sizes.
fn spool_files(data: &Path) -> Vec<(PathBuf, u64)> {
    std::fs::read_dir(data.join("spool"))
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            (path, size)
        })
        .collect()
}

/// Waits until the spool holds a file of at least `size` bytes; its mode.
fn spooled_at_least(data: &Path, size: u64) -> u32 {
    let found = common::wait_for(std::time::Duration::from_secs(10), || {
        spool_files(data).into_iter().find(|(_, s)| *s >= size)
    });
    let (path, _) = found.unwrap_or_else(|| panic!("nothing of {size} bytes spooled: {:?}", spool_files(data)));
    mode(&path)
}

#[test]
fn a_large_message_spooled_while_it_arrives_is_unreadable_on_disk_and_arrives_whole() {
    let p = Portal::start("");
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    assert!(client.cmd("MAIL FROM:<alice@example.org>").starts_with("250"));
    assert!(client.cmd("RCPT TO:<bob@partner.test>").starts_with("250"));
    assert!(client.cmd("DATA").starts_with("354"));
    let line = format!("The {CONTENT_MARKER} figures for the quarter, line after line.\r\n");
    let body = line.repeat(2 * 1024 * 1024 / line.len());
    client.send_raw(format!("Subject: [secure] Big {SUBJECT_MARKER}\r\nFrom: alice@example.org\r\n\r\n{body}").as_bytes());
    // Past the 1 MiB threshold the data is in a spool file: sealed, owner-only.
    assert_eq!(spooled_at_least(&p.cl.data_dir(), 1024 * 1024), 0o600);
    for marker in [CONTENT_MARKER, SUBJECT_MARKER] {
        assert_eq!(
            files_holding(&p.cl.data_dir(), marker),
            Vec::<PathBuf>::new(),
            "{marker} on disk mid-DATA"
        );
    }
    let r = client.data_end();
    assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
    let id = r.trim().rsplit(' ').next().unwrap().to_string();
    let shown = p.cl.cli(&["show", &id]);
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert_eq!(
        shown.matches(CONTENT_MARKER).count(),
        body.matches(CONTENT_MARKER).count(),
        "every line arrived"
    );
    assert!(spool_files(&p.cl.data_dir()).is_empty(), "the spool file is gone");
}

/// A compose post (head, body) from `agent` to carol with one attachment, `content`.
fn compose_post(agent: &common::https::Agent, csrf: &str, host: std::net::SocketAddr, content: &str) -> (String, Vec<u8>) {
    let boundary = "----at-rest-upload-boundary";
    let mut body = Vec::new();
    for (name, value) in [
        ("csrf", csrf),
        ("purpose", "new"),
        ("to", "carol@example.org"),
        ("subject", "Figures"),
        ("body", "Attached."),
        ("mode", "off"),
    ] {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"{FILE_MARKER}.txt\"\r\n\
             Content-Type: text/plain\r\n\r\n{content}\r\n--{boundary}--\r\n"
        )
        .as_bytes(),
    );
    let cookies: Vec<String> = agent.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let head = format!(
        "POST /compose HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {}\r\nConnection: close\r\nCookie: {}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        agent.browser,
        cookies.join("; "),
        body.len()
    );
    (head, body)
}

#[test]
fn an_upload_in_the_spool_is_unreadable_on_disk_and_the_attachment_arrives_whole() {
    let p = Portal::start("");
    let alice = p.internal_user("alice@example.org");
    let mut page_agent = p.agent();
    page_agent.cookies.clone_from(&alice.cookies);
    let csrf = page_agent.get("/compose").field("csrf");
    let content = format!("{CONTENT_MARKER} row\n").repeat(40_000);
    let (head, body) = compose_post(&alice, &csrf, p.cl.https, &content);
    let mut tls = alice.connect();
    tls.write_all(head.as_bytes()).unwrap();
    // All but the end: the file is in the spool, the request still open.
    let (most, rest) = body.split_at(body.len() - 200);
    tls.write_all(most).unwrap();
    tls.flush().unwrap();
    assert_eq!(spooled_at_least(&p.cl.data_dir(), 500_000), 0o600);
    assert_eq!(
        files_holding(&p.cl.data_dir(), CONTENT_MARKER),
        Vec::<PathBuf>::new(),
        "the file's text on disk mid-upload"
    );
    tls.write_all(rest).unwrap();
    let mut answer = Vec::new();
    let _ = tls.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    let arrived = common::wait_for(std::time::Duration::from_secs(20), || {
        p.sink.all().into_iter().find(|m| m.to == ["carol@example.org"])
    })
    .expect("the message reaches the relay");
    let parsed = mail_parser::MessageParser::default().parse(&arrived.data).unwrap();
    assert_eq!(
        parsed.attachment(0).unwrap().contents(),
        content.as_bytes(),
        "the attachment arrives whole"
    );
    assert!(spool_files(&p.cl.data_dir()).is_empty(), "the spool file is gone");
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

#[test]
fn a_secure_message_written_in_the_portal_leaves_no_word_readable_on_disk() {
    let mut p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    let subject = format!("Board {SUBJECT_MARKER}");
    let text = format!("The {MARKER} numbers, privately.");
    let fields = [
        ("csrf", form.field("csrf")),
        ("purpose", "new".to_string()),
        ("to", "dora@partner.test".to_string()),
        ("subject", subject.clone()),
        ("body", text.clone()),
        ("mode", "all".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let content = format!("{CONTENT_MARKER} appendix");
    let files: [(&str, &str, &str, &[u8]); 1] = [("attachment", &format!("{FILE_MARKER}.txt"), "text/plain", content.as_bytes())];
    let r = alice.post_multipart("/compose", &refs, &files);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(alice.get("/sent").body.contains(&subject), "alice's Sent copy shows the subject");
    p.cl.stop();
    for marker in MARKERS {
        assert_eq!(files_holding(&p.cl.data_dir(), marker), Vec::<PathBuf>::new(), "{marker}");
    }
    p.cl.launch();
    let listed = p.cl.messages();
    assert_eq!(listed[0]["subject"], subject.as_str());
    assert_eq!(listed[0]["attachments"][0], format!("{FILE_MARKER}.txt").as_str());
}

/// Rows of a table keyed by message id (or (id, chunk)) for message `id`, in a stopped vault.
fn rows_for(data: &Path, id: &str) -> (bool, usize) {
    let db = redb::Database::create(data.join("vault.redb")).unwrap();
    let txn = db.begin_read().unwrap();
    let id = u64::from_str_radix(id, 16).unwrap();
    let keys: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("message_keys");
    let chunks: redb::TableDefinition<(u64, u32), &[u8]> = redb::TableDefinition::new("raw_chunks");
    let has_key = txn.open_table(keys).unwrap().get(id).unwrap().is_some();
    let chunk_count = txn.open_table(chunks).unwrap().range((id, 0)..=(id, u32::MAX)).unwrap().count();
    (has_key, chunk_count)
}

#[test]
fn a_purged_message_leaves_neither_its_wrapped_key_nor_its_chunks() {
    let mut p = Portal::start("");
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let old = send_marked(&p.cl, "bob@partner.test");
    let kept = send_marked(&p.cl, "bob@partner.test");
    p.cl.stop();
    assert!(rows_for(&p.cl.data_dir(), &old).0);
    common::stopped_vault::edit(&p.cl.data_dir(), |txn| {
        common::stopped_vault::edit_message(txn, &old, common::stopped_vault::age_past_retention);
    });
    let out = p.cl.cli(&["purge"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(rows_for(&p.cl.data_dir(), &old), (false, 0), "its key and chunks are gone");
    assert!(rows_for(&p.cl.data_dir(), &kept).0, "the other keeps its own");
    for marker in MARKERS {
        assert_eq!(files_holding(&p.cl.data_dir(), marker), Vec::<PathBuf>::new(), "{marker}");
    }
}

#[test]
fn a_draft_and_its_file_leave_no_word_readable_on_disk() {
    let mut p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let form = alice.get("/compose");
    let draft = form.field("draft");
    let fields = [
        ("csrf", form.field("csrf")),
        ("draft", draft.clone()),
        ("to", "dora@partner.test".to_string()),
        ("subject", format!("Board {SUBJECT_MARKER}")),
        ("body", format!("The {MARKER} numbers, not sent yet.")),
        ("body_html", format!("<p>The <b>{MARKER}</b> numbers, not sent yet.</p>")),
        ("action", "save".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let content = format!("{CONTENT_MARKER} appendix");
    let files: [(&str, &str, &str, &[u8]); 1] = [("attachment", &format!("{FILE_MARKER}.txt"), "text/plain", content.as_bytes())];
    assert_eq!(alice.post_multipart("/compose", &refs, &files).status, 303);
    p.cl.stop();
    for marker in MARKERS {
        assert_eq!(files_holding(&p.cl.data_dir(), marker), Vec::<PathBuf>::new(), "{marker}");
    }
    p.cl.launch();
    let resumed = alice.get(&format!("/drafts/{draft}"));
    assert!(
        resumed.body.contains(SUBJECT_MARKER) && resumed.body.contains(&format!("{FILE_MARKER}.txt")),
        "{}",
        resumed.body
    );
}
