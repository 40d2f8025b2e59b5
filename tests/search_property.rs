//! Search against a straightforward scan: a randomised mailbox (seeded, so a
//! failure repeats), random queries over real HTTPS, the expected answer
//! worked out here from what each message holds; again after messages are
//! deleted, restored, removed for good, recalled by their sender, and
//! revoked and granted again. Once with a mailbox small enough that its
//! entries wait as filter rows, once with one the indexer puts in segments
//! and merges (`vault::search_index`).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::https::Agent;
use common::portal::{Portal, search_ids as search};
use common::{message, smtp};

const GOOD: &str = "Correct-Horse-42-battery";

/// A small deterministic generator (xorshift), so a failing case repeats.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap()
    }
}

/// Words no other part of a test message (headers, addresses, the invitation) contains.
fn vocabulary(n: usize) -> Vec<String> {
    let mut words: Vec<String> = (0..n).map(|n| format!("w{n}x")).collect();
    // Upper case of each of these lowers back to it (not so "ß").
    words.extend(["été", "ünïcode", "見", "bilan"].map(String::from));
    words
}

/// What the test knows: each message in pat's mailbox and the vocabulary words it holds.
struct Model {
    held: BTreeMap<String, BTreeSet<String>>,
}

impl Model {
    /// Every message holding every word of `query`, newest (highest queue id) first.
    fn scan(&self, query: &[String]) -> Vec<String> {
        let query: Vec<String> = query.iter().map(|w| w.to_lowercase()).collect();
        self.held
            .iter()
            .rev()
            .filter(|(_, words)| query.iter().all(|w| words.contains(w)))
            .map(|(id, _)| id.clone())
            .collect()
    }
}

fn deliver(client: &mut smtp::Client, subject: &str, body: &str) -> String {
    let subject = format!("Subject: [secure] {subject}");
    let headers = ["From: Alice <alice@example.org>", "To: pat@partner.test", subject.as_str()];
    let r = client.send("alice@example.org", &["pat@partner.test"], &message(&headers, body));
    assert!(r.starts_with("250"), "{r}");
    r.trim().rsplit(' ').next().unwrap().to_string()
}

/// Random queries (and every single word) give exactly what the scan gives.
fn check(pat: &mut Agent, model: &Model, rng: &mut Rng, words: &[String], phase: &str) {
    let mut queries: Vec<Vec<String>> = words.iter().map(|w| vec![w.clone()]).collect();
    for _ in 0..25 {
        let n = 1 + rng.below(3);
        let mut q: Vec<String> = (0..n).map(|_| words[rng.below(words.len())].clone()).collect();
        if rng.below(6) == 0 {
            q.push("w999x".into());
        }
        if rng.below(3) == 0 {
            q[0] = q[0].to_uppercase();
        }
        queries.push(q);
    }
    for q in queries {
        let expected = model.scan(&q);
        assert!(expected.len() <= 50, "one page holds every answer");
        assert_eq!(search(pat, &q.join(" ")), expected, "{phase}: query {q:?}");
    }
}

fn act(pat: &mut Agent, action: &str, id: &str) {
    act_on(pat, action, &[id.to_string()]);
}

/// One mailbox action on several messages at once.
fn act_on(pat: &mut Agent, action: &str, ids: &[String]) {
    let csrf = pat.get("/").field("csrf");
    let mut fields = vec![("csrf", csrf.as_str()), ("action", action), ("confirm", "yes"), ("back", "/")];
    fields.extend(ids.iter().map(|id| ("id", id.as_str())));
    let r = pat.post("/mailbox/act", &fields);
    assert_eq!(r.status, 303, "{action} {ids:?}: {}", r.body);
}

/// The filter rows and segments of the vault's search index (`cloister storage`).
fn index_rows(p: &Portal) -> (u64, u64) {
    let storage: serde_json::Value = serde_json::from_slice(&p.cl.cli(&["storage", "--json"]).stdout).unwrap();
    let rows = |name: &str| {
        storage["tables"].as_array().unwrap().iter().find(|t| t["table"] == name).unwrap()["rows"]
            .as_u64()
            .unwrap()
    };
    (rows("search_words"), rows("search_segments"))
}

/// Waits until the indexer has put all but the last few entries in
/// segments: fewer than 64 filter rows each for pat and for alice (an
/// internal sender, whose Sent folder holds a copy of each message).
fn wait_for_segments(p: &Portal) -> (u64, u64) {
    let until = std::time::Instant::now() + std::time::Duration::from_mins(2);
    loop {
        let (rows, segments) = index_rows(p);
        if rows < 2 * 64 && segments > 0 {
            return (rows, segments);
        }
        assert!(
            std::time::Instant::now() < until,
            "the indexer did not catch up: {rows} filter rows, {segments} segments; log:\n{}",
            p.cl.log_text()
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
}

/// Delivers `count` messages of random words to pat; what each holds. With
/// `wait_every`, waits for the indexer after each that many messages, so
/// segments of that many are made and merged.
fn fill(p: &Portal, count: usize, words: &[String], rng: &mut Rng, wait_every: Option<usize>) -> Model {
    let mut model = Model { held: BTreeMap::new() };
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    for i in 0..count {
        let mut held = BTreeSet::new();
        let mut pick = |n: usize, rng: &mut Rng| -> Vec<String> {
            (0..n)
                .map(|_| {
                    let w = &words[rng.below(words.len())];
                    held.insert(w.clone());
                    // Written in either case: search is case-insensitive.
                    if rng.below(2) == 0 { w.to_uppercase() } else { w.clone() }
                })
                .collect()
        };
        let subject = pick(1 + rng.below(2), rng).join(" ");
        let body = format!(
            "{}.\n{}\n",
            pick(2 + rng.below(8), rng).join(", "),
            pick(rng.below(4), rng).join("-")
        );
        let id = deliver(&mut client, &format!("{subject} n{i}"), &body);
        model.held.insert(id, held);
        if wait_every.is_some_and(|n| (i + 1) % n == 0) {
            wait_for_segments(p);
        }
    }
    model
}

/// Builds a mailbox of `count` messages over a vocabulary of `vocab` words
/// (and four in other scripts), then checks search against the scan after
/// each change; `indexed`: waits for the indexer first.
fn search_equals_a_scan(count: usize, vocab: usize, indexed: bool) {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let words = vocabulary(vocab);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut model = fill(&p, count, &words, &mut rng, indexed.then_some(64));
    if indexed {
        let (rows, segments) = wait_for_segments(&p);
        eprintln!("{count} messages: {segments} segments, {rows} filter rows");
    }
    check(&mut pat, &model, &mut rng, &words, "fresh");

    let ids: Vec<String> = model.held.keys().cloned().collect();
    // Odd, so none of them is among those removed for good below.
    let step = (count / 8).max(5) | 1;
    // Deleted and restored messages stay found (search covers every folder).
    for id in ids.iter().step_by(5) {
        act(&mut pat, "delete", id);
    }
    act(&mut pat, "restore", &ids[5]);
    check(&mut pat, &model, &mut rng, &words, "after delete and restore");

    // Removed for good (from Deleted): no longer found. With the large
    // mailbox, 200 of the oldest segment's 512 entries go, so the indexer
    // writes it again without them.
    let purged: Vec<String> = if indexed {
        ids[20..420].iter().step_by(2).cloned().collect()
    } else {
        vec![ids[0].clone(), ids[10].clone(), ids[15].clone()]
    };
    act_on(&mut pat, "delete", &purged);
    act_on(&mut pat, "purge", &purged);
    for id in &purged {
        model.held.remove(id.as_str());
    }
    check(&mut pat, &model, &mut rng, &words, "after purge");

    // Recalled by the sender: gone from pat's mailbox, so from search.
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    for id in [&ids[2], &ids[step + 2], &ids[count - 10]] {
        let csrf = alice.get("/").field("csrf");
        let r = alice.post(&format!("/m/{id}/recall"), &[("csrf", csrf.as_str()), ("confirm", "yes")]);
        assert_eq!(r.status, 303, "recall {id}: {}", r.body);
        model.held.remove(id.as_str());
    }
    check(&mut pat, &model, &mut rng, &words, "after recall");

    // Revoked, then granted again: found again.
    for id in [&ids[3], &ids[step + 4], &ids[count - 3]] {
        let post = |alice: &mut common::https::Agent, what: &str| {
            let csrf = alice.get("/").field("csrf");
            let r = alice.post(
                &format!("/m/{id}/{what}"),
                &[("csrf", csrf.as_str()), ("recipient", "pat@partner.test")],
            );
            assert_eq!(r.status, 303, "{what} {id}: {}", r.body);
        };
        post(&mut alice, "revoke");
        let held = model.held.remove(id.as_str()).unwrap();
        check(&mut pat, &model, &mut rng, &words, "after revoke");
        post(&mut alice, "grant");
        model.held.insert(id.clone(), held);
    }
    check(&mut pat, &model, &mut rng, &words, "after access granted again");
    if indexed {
        // The indexer writes the worn segment again and indexes the entries given back.
        std::thread::sleep(std::time::Duration::from_secs(5));
        check(&mut pat, &model, &mut rng, &words, "after the indexer ran again");
    }
}

#[test]
fn search_equals_a_scan_after_delete_restore_purge_and_recall() {
    search_equals_a_scan(40, 20, false);
}

/// 700 messages: ten segments of 64 made, eight of them merged into one.
#[test]
fn search_equals_a_scan_when_the_mailbox_is_indexed_in_segments() {
    search_equals_a_scan(700, 300, true);
}
