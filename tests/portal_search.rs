//! Searching the secure mailbox over real HTTPS: every field, all words,
//! only the user's own messages, and the archive window.

mod common;

use common::portal::{Portal, search_ids as search};
use common::{message, smtp};

const GOOD: &str = "Correct-Horse-42-battery";

fn deliver(p: &Portal, from: &str, to: &[&str], headers: &[&str], body: &str) -> String {
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let r = client.send(from, to, &message(headers, body));
    assert!(r.starts_with("250"), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

fn with_attachment(name: &str) -> String {
    format!(
        "--b\nContent-Type: text/plain\n\nThe kangaroo budget is attached.\n--b\n\
         Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"{name}\"\n\
         Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n"
    )
}

#[test]
fn search_finds_every_field_with_all_words_in_own_mailbox_only() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let body = with_attachment("zebra-plan.pdf");
    let invoice = deliver(
        &p,
        "bob@example.org",
        &["pat@partner.test"],
        &[
            "From: Bob <bob@example.org>",
            "To: pat@partner.test",
            "Cc: carol@partner.test",
            "Subject: [secure] Invoice 42",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b\"",
        ],
        &body,
    );
    let _quinn = p.signed_in_user("quinn@partner.test", GOOD);
    let _theirs = deliver(
        &p,
        "bob@example.org",
        &["quinn@partner.test"],
        &["Subject: [secure] kangaroo for quinn"],
        "kangaroo\n",
    );

    for q in [
        "kangaroo",
        "ZEBRA-plan",
        "bob@example",
        "carol@partner.test",
        "invoice 42",
        "Invoice  KANGAROO",
    ] {
        assert_eq!(search(&mut pat, q), std::slice::from_ref(&invoice), "{q}");
    }
    assert!(search(&mut pat, "invoice elephant").is_empty(), "every word must match");
    let page = pat.get("/search?q=elephant");
    assert!(page.body.contains("id=\"no-results\""), "{}", page.body);

    // Deleted messages are found too, and say where they are.
    let csrf = pat.get("/").field("csrf");
    let r = pat.post(
        "/mailbox/act",
        &[
            ("csrf", &csrf),
            ("action", "delete"),
            ("id", &invoice),
            ("confirm", "yes"),
            ("back", "/"),
        ],
    );
    assert_eq!(r.status, 303);
    let page = pat.get("/search?q=kangaroo");
    assert!(page.body.contains("<td>Deleted</td>"), "{}", page.body);

    let hostile = pat.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert!(!hostile.body.contains("<script>alert"), "the query is escaped");
    assert!(pat.get("/search").body.contains("Type words to look for"));
}

#[test]
fn search_reaches_past_the_inbox_window_but_not_past_the_archive_limit() {
    // 0.00003 days = 2.6 seconds.
    let wide = Portal::start("[portal]\ninbox_days = 0.00003\narchive_search_days = 1\n");
    let narrow = Portal::start("[portal]\ninbox_days = 0.00003\narchive_search_days = 0.00003\n");
    let mut agents = Vec::new();
    for p in [&wide, &narrow] {
        let mut pat = p.signed_in_user("pat@partner.test", GOOD);
        assert_eq!(search(&mut pat, "contract").len(), 1, "found while new");
        agents.push(pat);
    }
    std::thread::sleep(std::time::Duration::from_secs(4));
    let [wide_pat, narrow_pat] = agents.as_mut_slice() else {
        unreachable!()
    };
    assert!(wide_pat.get("/").body.contains("id=\"empty\""), "older than the Inbox window");
    assert_eq!(search(wide_pat, "contract").len(), 1, "search reaches the archive");
    assert!(search(narrow_pat, "contract").is_empty(), "but not past archive_search_days");
}

#[test]
fn messages_kept_before_schema_5_are_still_found_and_read() {
    // A vault written by the previous schema: the bytes plain in `raw`, no
    // words' filters, no search text (as before search text was kept).
    let mut p = Portal::start("");
    let _ = p.signed_in_user("pat@partner.test", GOOD);
    // The bytes as received, from `cloister show` (the vault keeps them sealed).
    let kept: Vec<(u64, Vec<u8>)> =
        p.cl.messages()
            .iter()
            .map(|m| {
                let id = m["id"].as_str().unwrap();
                let shown: serde_json::Value = serde_json::from_slice(&p.cl.cli(&["show", id]).stdout).unwrap();
                (
                    u64::from_str_radix(id, 16).unwrap(),
                    shown["raw"].as_str().unwrap().as_bytes().to_vec(),
                )
            })
            .collect();
    assert!(!kept.is_empty(), "the intake stored the bytes");
    p.cl.stop();
    {
        let db = redb::Database::create(p.cl.data_dir().join("vault.redb")).unwrap();
        let txn = db.begin_write().unwrap();
        let chunks: redb::TableDefinition<(u64, u32), &[u8]> = redb::TableDefinition::new("raw_chunks");
        let keys: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("message_keys");
        let raw: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("raw");
        let filters: redb::TableDefinition<(&str, u64), &[u8]> = redb::TableDefinition::new("search_words");
        let meta: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("meta");
        {
            let mut plain = txn.open_table(raw).unwrap();
            for (id, bytes) in &kept {
                plain.insert(*id, bytes.as_slice()).unwrap();
            }
            txn.open_table(meta).unwrap().insert("schema_version", 4).unwrap();
        }
        assert!(txn.delete_table(keys).unwrap());
        assert!(txn.delete_table(chunks).unwrap());
        assert!(txn.delete_table(filters).unwrap());
        txn.commit().unwrap();
    }
    p.cl.launch();
    let mut pat = p.agent();
    assert_eq!(p.sign_in(&mut pat, "pat@partner.test", GOOD, "/").status, 303);
    let found = search(&mut pat, "contract draft");
    assert_eq!(found.len(), 1);
    assert!(search(&mut pat, "contract elephant").is_empty());
    let page = pat.get(&format!("/m/{}", found[0]));
    assert_eq!(page.status, 200, "{}", page.body);
}
