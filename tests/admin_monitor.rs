//! The admin monitor over real HTTPS against the real binary: status counts
//! equal what the test did, filters and search, one message's whole story,
//! dead-lettered mail retried by an admin.

mod common;

use std::time::Duration;

use common::admin;
use common::https::{Agent, Response};
use common::portal::Portal;
use common::{Cloister, wait_for};

const GOOD: &str = "Correct-Horse-42-battery";

/// The count shown on a status tab.
fn tab(page: &Response, label: &str) -> usize {
    let at = page
        .body
        .find(&format!("id=\"tab-{}\"", label.to_lowercase()))
        .unwrap_or_else(|| panic!("no tab {label}"));
    let rest = &page.body[at..];
    let count = &rest[rest.find("class=\"count\">").unwrap() + 14..];
    count[..count.find('<').unwrap()].parse().unwrap()
}

fn rows(page: &Response) -> usize {
    let list = page.body.split("id=\"dead\"").next().unwrap();
    list.matches("<a href=\"/admin/message?id=").count()
}

fn alice(p: &Portal) -> Agent {
    let mut agent = p.agent();
    let r = p.code_sign_in(&mut agent, "alice@example.org", 0);
    assert_eq!(r.status, 303, "{}", r.body);
    agent
}

fn alice_post(agent: &mut Agent, path: &str, fields: &[(&str, &str)]) -> Response {
    let csrf = agent.get("/").field("csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    agent.post(path, &all)
}

/// Read, recalled, extended and untouched messages; returns their ids in that order.
fn four_messages(p: &Portal) -> [String; 4] {
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let read = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Read one");
    let recalled = p.cl.send_one("alice@example.org", &["carol@partner.test"], "[secure] Recalled one");
    let extended = p.cl.send_one("alice@example.org", &["dan@other.test"], "[secure] Extended one");
    assert_eq!(bob.get(&format!("/m/{read}")).status, 200);
    let mut alice = alice(p);
    assert_eq!(
        alice_post(&mut alice, &format!("/m/{recalled}/recall"), &[("confirm", "yes")]).status,
        303
    );
    let page = alice.get(&format!("/m/{extended}"));
    let until = page
        .body
        .split("<option value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        alice_post(&mut alice, &format!("/m/{extended}/extend"), &[("until", &until)]).status,
        303
    );
    // The invitation bob got from `signed_in_user` is the untouched one.
    let first = p.cl.messages()[0]["id"].as_str().unwrap().to_string();
    [read, recalled, extended, first]
}

#[test]
fn status_counts_equal_what_happened_and_each_filter_shows_its_messages() {
    let p = Portal::start("");
    let [read, recalled, extended, untouched] = four_messages(&p);
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    let all = root.get("/admin/monitor");
    assert_eq!(all.status, 200, "{}", all.body);
    assert_eq!((tab(&all, "All"), tab(&all, "Sent"), tab(&all, "Read")), (4, 1, 1));
    assert_eq!((tab(&all, "Recalled"), tab(&all, "Extended"), tab(&all, "Expired")), (1, 1, 0));
    assert_eq!(rows(&all), 4);
    for (label, id) in [
        ("Read", &read),
        ("Recalled", &recalled),
        ("Extended", &extended),
        ("Sent", &untouched),
    ] {
        let page = root.get(&format!("/admin/monitor?status={label}"));
        assert_eq!(rows(&page), 1, "{label}");
        assert!(page.body.contains(&format!("/admin/message?id={id}\"")), "{label}: {}", page.body);
    }
    let carol = root.get("/admin/monitor?q=CAROL");
    assert_eq!((rows(&carol), tab(&carol, "All"), tab(&carol, "Recalled")), (1, 1, 1));
    let subject = root.get("/admin/monitor?q=extended+one");
    assert_eq!(rows(&subject), 1);
    let today = time_today();
    let from_today = root.get(&format!("/admin/monitor?from={today}&to={today}"));
    assert_eq!(tab(&from_today, "All"), 4);
    let later = root.get("/admin/monitor?from=2999-01-01");
    assert_eq!(tab(&later, "All"), 0);
    let bad = root.get("/admin/monitor?from=yesterday");
    assert!(bad.body.contains("Dates are written YYYY-MM-DD, like "), "{}", bad.body);
    assert_eq!(tab(&bad, "All"), 4, "the unreadable date is left out");
}

fn time_today() -> String {
    let out = std::process::Command::new("date").args(["-u", "+%Y-%m-%d"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn one_message_shows_its_whole_story_in_time_order() {
    let p = Portal::start("");
    let [read, recalled, ..] = four_messages(&p);
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    let story = root.get(&format!("/admin/message?id={read}"));
    assert_eq!(story.status, 200);
    assert!(story.body.contains("id=\"message-status\">Read<"));
    let events = &story.body[story.body.find("id=\"events\"").unwrap()..];
    let order = [
        "received from [127.0.0.1]",
        "held in isolation vault for bob@partner.test",
        "notification sent to bob@partner.test",
        "read by bob@partner.test",
    ];
    let mut at = 0;
    for needle in order {
        let found = events[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing or out of order in {events}"));
        at += found;
    }
    let recalled_story = root.get(&format!("/admin/message?id={recalled}"));
    assert!(
        recalled_story.body.contains("recalled by alice@example.org"),
        "{}",
        recalled_story.body
    );
    assert!(recalled_story.body.contains("<dt>Recalled</dt>"));
    assert_eq!(root.get("/admin/message?id=ffff").status, 404);
    assert_eq!(root.get("/admin/message?id=nothex").status, 404);
}

#[test]
fn subjects_stay_out_of_the_monitor_when_the_setting_is_off() {
    let p = Portal::start("[admin]\nmonitor_shows_subject = false\n");
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Merger plans");
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    assert!(!root.get("/admin/monitor").body.contains("Merger plans"));
    assert!(!root.get(&format!("/admin/message?id={id}")).body.contains("Merger plans"));
}

#[test]
fn dead_lettered_mail_is_listed_and_an_admin_puts_it_back() {
    let relay = common::picky::PickyRelay::start(|rcpt| rcpt.contains("typo@"));
    let mut cl = Cloister::start(relay.port, "");
    let id = cl.send_one("alice@example.org", &["typo@example.org"], "ordinary");
    wait_for(Duration::from_secs(20), || {
        cl.outbox().iter().any(|r| r["state"] == "dead").then_some(())
    })
    .expect("the refused row is dead-lettered");
    let row = cl.outbox().into_iter().find(|r| r["state"] == "dead").unwrap()["id"]
        .as_u64()
        .unwrap();
    let a = admin::add(&cl, "root");
    let mut root = admin::signed_in(&cl, &a);
    let page = root.get("/admin/monitor");
    assert!(page.body.contains(&format!("id=\"retry-{row}\"")), "{}", page.body);
    assert!(page.body.contains("550"), "the last reply is shown: {}", page.body);
    // A vault from before the outbox's dead-letter and per-message indexes gets them.
    cl.stop();
    drop_tables_and_say_schema_8(&cl.data_dir(), &["outbox_dead", "outbox_by_message"]);
    cl.launch();
    assert!(
        root.get("/admin/monitor").body.contains(&format!("id=\"retry-{row}\"")),
        "listed after the upgrade"
    );
    assert!(
        root.get("/admin").body.contains("<strong>1</strong> dead-lettered"),
        "counted from the index"
    );
    let r = admin::post(&mut root, "/admin/outbox/retry", &[("id", &row.to_string())]);
    assert_eq!(
        (r.status, r.location()),
        (303, format!("/admin/monitor?retried={row}#dead").as_str())
    );
    let events = cl.events(&id);
    assert!(
        events.iter().any(|e| e.contains(&format!("(outbox {row}) put back in the queue"))),
        "{events:?}"
    );
    let again = admin::post(&mut root, "/admin/outbox/retry", &[("id", "999999")]);
    assert_eq!(again.status, 403);
}

#[test]
fn the_story_weaves_in_the_recipients_sign_in_and_reply() {
    let p = Portal::start("");
    let _ = p.signed_in_user("bob@partner.test", GOOD);
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Question");
    let mut bob = p.agent();
    assert_eq!(p.sign_in(&mut bob, "bob@partner.test", GOOD, "/").status, 303);
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
    let form = bob.get(&format!("/m/{id}/reply"));
    let fields = [
        ("csrf", form.field("csrf")),
        ("purpose", form.field("purpose")),
        ("id", form.field("id")),
        ("subject", "Re: Question".to_string()),
        ("body", "Answer.".to_string()),
    ];
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(bob.post_multipart("/compose", &refs, &[]).status, 303);
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    // Bob's reply went to alice (internal) as ordinary mail: counted apart.
    let monitor = root.get("/admin/monitor");
    assert_eq!((tab(&monitor, "All"), tab(&monitor, "Ordinary"), rows(&monitor)), (2, 1, 2));
    assert!(!monitor.body.contains("Re: Question"));
    let ordinary = root.get("/admin/monitor?status=Ordinary");
    assert_eq!(rows(&ordinary), 1);
    assert!(
        ordinary.body.contains("Re: Question") && ordinary.body.contains(">Ordinary<"),
        "{}",
        ordinary.body
    );
    let story = root.get(&format!("/admin/message?id={id}"));
    let events = &story.body[story.body.find("id=\"events\"").unwrap()..];
    let mut at = 0;
    for needle in [
        "held in isolation vault for bob@partner.test",
        "signed in with a password from 127.0.0.1",
        "read by bob@partner.test",
        "replied to by bob@partner.test (message ",
    ] {
        at += events[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing or out of order in {events}"));
    }
    assert_eq!(
        events.matches("signed in with a password").count(),
        1,
        "the sign-in before the message is not part of its story"
    );
}

/// Makes the stopped vault look written by schema 8: `tables` gone.
fn drop_tables_and_say_schema_8(data_dir: &std::path::Path, tables: &[&str]) {
    let db = redb::Database::create(data_dir.join("vault.redb")).unwrap();
    let txn = db.begin_write().unwrap();
    for name in tables {
        let table: redb::TableDefinition<(u64, u64), ()> = redb::TableDefinition::new(name);
        assert!(txn.delete_table(table).unwrap(), "{name} was there");
    }
    let meta: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("meta");
    txn.open_table(meta).unwrap().insert("schema_version", 8).unwrap();
    txn.commit().unwrap();
}
