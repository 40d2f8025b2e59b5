//! The admin monitor over many messages (not timed; the speed is the
//! benchmark's): counts, keyset paging both ways and the filters equal a
//! straightforward count over what the test sent and did, through the real
//! binary over SMTP and HTTPS.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::admin;
use common::https::{Agent, Response};
use common::portal::Portal;

const GOOD: &str = "Correct-Horse-42-battery";
const MESSAGES: usize = 430;
const PARTNERS: [&str; 5] = [
    "bob@partner.test",
    "carol@partner.test",
    "dan@other.test",
    "erin@other.test",
    "fay@third.test",
];
const SENDERS: [&str; 2] = ["alice@example.org", "ann@example.org"];
const WORDS: [&str; 3] = ["alpha", "beta", "gamma"];

/// What the test sent: id → (sender, recipient, word, status label).
struct Sent {
    sender: &'static str,
    to: &'static str,
    word: &'static str,
    status: &'static str,
}

fn send_all(p: &Portal) -> BTreeMap<String, Sent> {
    let mut client = common::smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO scale.test");
    let mut sent = BTreeMap::new();
    for i in 0..MESSAGES {
        let (sender, to, word) = (SENDERS[i % 2], PARTNERS[i % PARTNERS.len()], WORDS[i % WORDS.len()]);
        let subject = format!("Subject: [secure] Report {word} number {i}");
        let r = client.send(sender, &[to], &common::message(&[&subject], "figures\n"));
        assert!(r.starts_with("250 "), "{r}");
        let id = r.trim().rsplit(' ').next().unwrap().to_string();
        sent.insert(
            id,
            Sent {
                sender,
                to,
                word,
                status: "Sent",
            },
        );
    }
    client.cmd("QUIT");
    sent
}

/// Message ids listed on a page, in order, and its older/newer/last links.
fn page_ids(page: &Response) -> Vec<String> {
    assert_eq!(page.status, 200, "{page:?}");
    let list = page.body.split("id=\"dead\"").next().unwrap();
    list.split("<a href=\"/admin/message?id=")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

fn link(page: &Response, id: &str) -> Option<String> {
    let at = page.body.find(&format!("id=\"{id}\" href=\""))?;
    let rest = &page.body[at + id.len() + 12..];
    let href = &rest[..rest.find('"').unwrap()];
    Some(href.replace("&#x2f;", "/").replace("&#x3d;", "=").replace("&amp;", "&"))
}

fn tab(page: &Response, label: &str) -> usize {
    let at = page.body.find(&format!("id=\"tab-{}\"", label.to_lowercase())).unwrap();
    let rest = &page.body[at..];
    let count = &rest[rest.find("class=\"count\">").unwrap() + 14..];
    count[..count.find('<').unwrap()].parse().unwrap()
}

/// Every id the listing at `first` shows, walking Older to the end, checked
/// against a walk from the last page back with Newer: same rows, no repeats.
fn walk(root: &mut Agent, first: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut at = Some(first.to_string());
    let mut last_link = None;
    while let Some(path) = at {
        let page = root.get(&path);
        ids.extend(page_ids(&page));
        last_link = last_link.or_else(|| link(&page, "page-last"));
        at = link(&page, "page-older");
    }
    let mut back = Vec::new();
    let mut at = last_link;
    while let Some(path) = at {
        let page = root.get(&path);
        let mut these = page_ids(&page);
        these.extend(back);
        back = these;
        at = link(&page, "page-newer");
    }
    if ids.len() > 50 {
        assert_eq!(back, ids, "walking back from the last page shows the same rows");
    }
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a row on two pages");
    ids
}

/// The ids of `sent` that `keep` selects, newest first.
fn expected(sent: &BTreeMap<String, Sent>, keep: impl Fn(&Sent) -> bool) -> Vec<String> {
    sent.iter().filter(|(_, s)| keep(s)).map(|(id, _)| id.clone()).rev().collect()
}

fn act(p: &Portal, sent: &mut BTreeMap<String, Sent>, bob: &mut Agent) {
    let ids: Vec<String> = sent.keys().cloned().collect();
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    let bobs: Vec<String> = ids.iter().filter(|id| sent[*id].to == "bob@partner.test").cloned().collect();
    for id in bobs.iter().step_by(7) {
        assert_eq!(bob.get(&format!("/m/{id}")).status, 200);
        sent.get_mut(id).unwrap().status = "Read";
    }
    let alices: Vec<String> = ids
        .iter()
        .filter(|id| sent[*id].sender == "alice@example.org" && sent[*id].status == "Sent")
        .cloned()
        .collect();
    for (n, id) in alices.iter().step_by(23).enumerate() {
        let csrf = alice.get("/").field("csrf");
        let r = if n % 2 == 0 {
            sent.get_mut(id).unwrap().status = "Recalled";
            alice.post(&format!("/m/{id}/recall"), &[("csrf", &csrf), ("confirm", "yes")])
        } else {
            let page = alice.get(&format!("/m/{id}"));
            let until = common::https::quoted_after(&page.body, "<option value=\"").to_string();
            sent.get_mut(id).unwrap().status = "Extended";
            alice.post(&format!("/m/{id}/extend"), &[("csrf", &csrf), ("until", &until)])
        };
        assert_eq!(r.status, 303, "{}", r.body);
    }
}

#[test]
fn counts_paging_and_filters_equal_a_straight_count_over_many_messages() {
    let p = Portal::start("");
    // The first-contact invitation `signed_in_user` sends bob is one more.
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let invitation = p.cl.messages()[0]["id"].as_str().unwrap().to_string();
    let mut sent = send_all(&p);
    act(&p, &mut sent, &mut bob);
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);

    let all = root.get("/admin/monitor");
    let count = |label: &str| sent.values().filter(|s| s.status == label).count();
    assert_eq!(tab(&all, "All"), MESSAGES + 1);
    assert_eq!(tab(&all, "Sent"), count("Sent") + 1);
    for label in ["Read", "Recalled", "Extended"] {
        assert!(count(label) > 2, "the test made too few {label}");
        assert_eq!(tab(&all, label), count(label), "{label}");
    }
    assert_eq!(tab(&all, "Expired"), 0);
    let mut everything = expected(&sent, |_| true);
    everything.push(invitation);
    everything.sort_by(|a, b| b.cmp(a));
    assert_eq!(walk(&mut root, "/admin/monitor"), everything);

    let several = "/admin/monitor?status=Read&status=Recalled";
    assert_eq!(
        walk(&mut root, several),
        expected(&sent, |s| ["Read", "Recalled"].contains(&s.status))
    );
    let page = root.get(several);
    assert!(page.body.contains("id=\"status-read\" checked") && page.body.contains("id=\"status-recalled\" checked"));
    assert!(!page.body.contains("id=\"status-sent\" checked"));

    let to_dan = walk(&mut root, "/admin/monitor?q=dan%40other.test");
    assert_eq!(to_dan, expected(&sent, |s| s.to == "dan@other.test"));
    let gamma_other = root.get("/admin/monitor?q=gamma+other.test&status=Sent");
    let wanted = |s: &Sent| s.word == "gamma" && s.to.ends_with("@other.test");
    assert_eq!(tab(&gamma_other, "All"), sent.values().filter(|s| wanted(s)).count());
    assert_eq!(
        tab(&gamma_other, "Sent"),
        sent.values().filter(|s| wanted(s) && s.status == "Sent").count()
    );
    assert_eq!(
        walk(&mut root, "/admin/monitor?q=gamma+other.test&status=Sent"),
        expected(&sent, |s| wanted(s) && s.status == "Sent")
    );
    let ann_beta = walk(&mut root, "/admin/monitor?q=ANN+beta");
    assert_eq!(ann_beta, expected(&sent, |s| s.sender == "ann@example.org" && s.word == "beta"));
    assert_eq!(page_ids(&root.get("/admin/monitor?q=nosuchword")), Vec::<String>::new());
    let later = root.get("/admin/monitor?from=2999-01-01");
    assert_eq!((tab(&later, "All"), page_ids(&later).len()), (0, 0));

    // The operator's listing streams the same messages, filtered alike.
    let listed = |args: &[&str]| -> Vec<String> {
        let out = p.cl.cli(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
    };
    let mut recalled = expected(&sent, |s| s.status == "Recalled");
    recalled.reverse();
    assert_eq!(listed(&["messages", "--json", "--status", "recalled"]), recalled);
    let mut read_or_extended = expected(&sent, |s| ["Read", "Extended"].contains(&s.status));
    read_or_extended.reverse();
    assert_eq!(listed(&["messages", "--json", "--status", "read,EXTENDED"]), read_or_extended);
    assert_eq!(listed(&["messages", "--json", "--limit", "7"]).len(), 7);
    assert_eq!(listed(&["messages", "--json", "--since", "2999-01-01"]), Vec::<String>::new());
    assert_eq!(listed(&["messages", "--json"]).len(), MESSAGES + 1);
    let bad = p.cl.cli(&["messages", "--status", "bogus"]);
    let told = String::from_utf8_lossy(&bad.stderr);
    assert!(
        !bad.status.success() && told.contains("allowed: sent, read, recalled, extended, expired"),
        "{told}"
    );
    let table = p.cl.cli(&["messages", "--status", "recalled"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.ends_with(&format!("{} row(s)\n", recalled.len())), "{text}");
}
