//! The secure mailbox over real HTTPS: folders, paging, marking, deleting,
//! restoring, removing, the first-open event, and that nobody acts on anyone
//! else's messages. Messages arrive over real SMTP.

mod common;

use common::https::Agent;
use common::portal::Portal;

const GOOD: &str = "Correct-Horse-42-battery";

/// Rows of a folder page: (queue id, unread).
fn rows(agent: &mut Agent, path: &str) -> Vec<(String, bool)> {
    let page = agent.get(path);
    assert_eq!(page.status, 200, "{path}: {}", page.body);
    page.body
        .split("<tr")
        .skip(2)
        .filter_map(|tr| {
            let id = tr.split("name=\"id\" value=\"").nth(1)?.split('"').next()?.to_string();
            Some((id, tr.starts_with(" class=\"unread\"")))
        })
        .collect()
}

fn act(agent: &mut Agent, action: &str, ids: &[&str], confirm: bool) -> common::https::Response {
    let csrf = agent.get("/").field("csrf");
    let mut fields = vec![("csrf", csrf.as_str()), ("action", action), ("back", "/")];
    fields.extend(ids.iter().map(|id| ("id", *id)));
    if confirm {
        fields.push(("confirm", "yes"));
    }
    agent.post("/mailbox/act", &fields)
}

#[test]
fn folders_mark_delete_restore_and_remove() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let first = rows(&mut pat, "/")[0].0.clone();
    let second = p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] Second");
    let third = p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] Third");
    let inbox = rows(&mut pat, "/");
    let ids: Vec<&str> = inbox.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, [third.as_str(), second.as_str(), first.as_str()], "newest first");
    assert!(inbox.iter().all(|(_, unread)| *unread), "{inbox:?}");
    // Regression: the folder window read "the last 60.0 days".
    let page = pat.get("/").body;
    assert!(page.contains("Messages of the last 60 days"), "{page}");

    let r = act(&mut pat, "read", &[&third, &second], false);
    assert_eq!((r.status, r.location()), (303, "/?done=read"));
    let inbox = rows(&mut pat, "/");
    assert_eq!(inbox.iter().filter(|(_, u)| *u).count(), 1);
    let page = pat.get("/");
    assert!(
        page.body.contains("class=\"count\" title=\"unread\">1<"),
        "Inbox count: {}",
        page.body
    );

    let r = act(&mut pat, "delete", &[&second], false);
    assert_eq!(r.status, 200, "deleting asks first");
    assert!(r.body.contains("id=\"confirm-form\"") && r.body.contains("Second"), "{}", r.body);
    assert_eq!(rows(&mut pat, "/").len(), 3, "nothing moved before OK");
    let r = act(&mut pat, "delete", &[&second], true);
    assert_eq!(r.status, 303);
    assert_eq!(rows(&mut pat, "/").len(), 2, "moved at once");
    assert_eq!(rows(&mut pat, "/deleted"), [(second.clone(), false)]);

    let r = act(&mut pat, "restore", &[&second], false);
    assert_eq!(r.status, 303);
    assert_eq!(rows(&mut pat, "/").len(), 3);
    assert!(rows(&mut pat, "/deleted").is_empty());

    let r = act(&mut pat, "purge", &[&second], true);
    assert_eq!(r.status, 404, "only what is in Deleted can be removed for good");
    assert_eq!(act(&mut pat, "delete", &[&second], true).status, 303);
    assert_eq!(act(&mut pat, "purge", &[&second], true).status, 303);
    assert!(rows(&mut pat, "/deleted").is_empty());
    assert_eq!(pat.get(&format!("/m/{second}")).status, 404, "gone for pat");

    // The internal sender still has it in Sent.
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    let sent = rows(&mut alice, "/sent");
    assert!(sent.iter().any(|(id, _)| *id == second), "{sent:?}");
    assert_eq!(alice.get(&format!("/m/{second}")).status, 200);
    let events = p.cl.events(&second);
    for what in [
        "marked read by pat@partner.test",
        "moved to Deleted by pat@partner.test",
        "restored to Inbox",
        "removed from the mailbox of pat@partner.test",
    ] {
        assert!(events.iter().any(|e| e.contains(what)), "{what} in {events:?}");
    }
}

#[test]
fn nobody_acts_on_or_reads_someone_elses_messages() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let mut quinn = p.signed_in_user("quinn@partner.test", GOOD);
    let pats = rows(&mut pat, "/")[0].0.clone();
    let quinns = rows(&mut quinn, "/")[0].0.clone();
    for action in ["read", "unread", "delete", "restore", "purge"] {
        let r = act(&mut quinn, action, &[&quinns, &pats], true);
        assert_eq!(r.status, 404, "{action}");
    }
    assert!(rows(&mut quinn, "/")[0].1, "quinn's own message is untouched too");
    assert!(rows(&mut pat, "/")[0].1);
    assert_eq!(quinn.get(&format!("/m/{pats}")).status, 404);
    assert_eq!(act(&mut quinn, "read", &["not-hex"], false).status, 404);
    assert_eq!(act(&mut quinn, "explode", &[&quinns], false).status, 404);
    let csrf_less = quinn.post("/mailbox/act", &[("action", "read"), ("id", &quinns)]);
    assert_eq!(csrf_less.status, 403);
}

#[test]
fn opening_marks_read_and_records_the_first_open_once() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = rows(&mut pat, "/")[0].0.clone();
    let head = pat.request("HEAD", &format!("/m/{id}"), None, &[]);
    assert_eq!(head.status, 200);
    assert!(rows(&mut pat, "/")[0].1, "HEAD does not read");
    assert_eq!(pat.get(&format!("/m/{id}")).status, 200);
    assert!(!rows(&mut pat, "/")[0].1, "opened = read");
    assert_eq!(act(&mut pat, "unread", &[&id], false).status, 303);
    assert_eq!(pat.get(&format!("/m/{id}")).status, 200);
    let events = p.cl.events(&id);
    let reads: Vec<&String> = events
        .iter()
        .filter(|e| e.starts_with("read by pat@partner.test from 127.0.0.1"))
        .collect();
    assert_eq!(reads.len(), 1, "{events:?}");
}

#[test]
fn folders_page_by_fifty() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    for n in 0..54 {
        p.cl.send_one("alice@example.org", &["pat@partner.test"], &format!("[secure] Number {n}"));
    }
    assert_eq!(rows(&mut pat, "/").len(), 50);
    let page2 = rows(&mut pat, "/?page=2");
    assert_eq!(page2.len(), 5);
    let body = pat.get("/?page=2").body;
    assert!(body.contains("Page 2 of 2") && body.contains("rel=\"prev\""), "{body}");
    assert_eq!(pat.get("/?page=3").status, 404);
}

#[test]
fn vault_from_schema_1_gets_its_folder_index() {
    let mut p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let before = rows(&mut pat, "/");
    assert_eq!(before.len(), 1);
    p.cl.stop();
    {
        // What a schema-1 vault looks like: no folder index, version 1.
        let db = redb::Database::create(p.cl.data_dir().join("vault.redb")).unwrap();
        let txn = db.begin_write().unwrap();
        let index: redb::TableDefinition<(&str, u8, u64), u8> = redb::TableDefinition::new("mailbox_folders");
        assert!(txn.delete_table(index).unwrap());
        let meta: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("meta");
        txn.open_table(meta).unwrap().insert("schema_version", 1).unwrap();
        txn.commit().unwrap();
    }
    p.cl.launch();
    assert!(p.cl.log_text().contains("vault schema 1 -> 2"), "{}", p.cl.log_text());
    let mut pat = p.agent();
    assert_eq!(p.sign_in(&mut pat, "pat@partner.test", GOOD, "/").status, 303);
    assert_eq!(rows(&mut pat, "/"), before);
}

#[test]
fn a_reused_inbox_page_never_hides_new_mail_or_a_change() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let first = rows(&mut pat, "/");
    assert_eq!(rows(&mut pat, "/"), first, "the same page twice while nothing changed");
    let id = p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] Fresh news");
    let after = rows(&mut pat, "/");
    assert!(after.contains(&(id.clone(), true)), "new mail shows at once: {after:?}");
    assert_eq!(pat.get(&format!("/m/{id}")).status, 200);
    assert!(rows(&mut pat, "/").contains(&(id.clone(), false)), "read at once");
    let csrf = pat.get("/").field("csrf");
    let r = pat.post("/mailbox/act", &[("csrf", &csrf), ("action", "unread"), ("id", &id), ("back", "/")]);
    assert_eq!(r.status, 303);
    assert!(rows(&mut pat, "/").contains(&(id.clone(), true)), "unread at once");
    let other =
        p.cl.send_one("alice@example.org", &["someone@partner.test"], "[secure] Not for pat");
    assert!(!rows(&mut pat, "/").iter().any(|(i, _)| *i == other));
}
