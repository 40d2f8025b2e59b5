//! Search against a straightforward scan: a randomised mailbox (seeded, so a
//! failure repeats), random queries over real HTTPS, the expected answer
//! worked out here from what each message holds; again after messages are
//! deleted, restored, removed for good and recalled by their sender.

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
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = (0..20).map(|n| format!("w{n}x")).collect();
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

fn deliver(p: &Portal, subject: &str, body: &str) -> String {
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
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
            q.push("w99x".into());
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
    let csrf = pat.get("/").field("csrf");
    let fields = [
        ("csrf", csrf.as_str()),
        ("action", action),
        ("id", id),
        ("confirm", "yes"),
        ("back", "/"),
    ];
    let r = pat.post("/mailbox/act", &fields);
    assert_eq!(r.status, 303, "{action} {id}: {}", r.body);
}

#[test]
fn search_equals_a_scan_after_delete_restore_purge_and_recall() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let words = vocabulary();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut model = Model { held: BTreeMap::new() };
    for i in 0..40 {
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
        let subject = pick(1 + rng.below(2), &mut rng).join(" ");
        let body = format!(
            "{}.\n{}\n",
            pick(2 + rng.below(8), &mut rng).join(", "),
            pick(rng.below(4), &mut rng).join("-")
        );
        let id = deliver(&p, &format!("{subject} n{i}"), &body);
        model.held.insert(id, held);
    }
    check(&mut pat, &model, &mut rng, &words, "fresh");

    let ids: Vec<String> = model.held.keys().cloned().collect();
    // Deleted and restored messages stay found (search covers every folder).
    for id in ids.iter().step_by(5) {
        act(&mut pat, "delete", id);
    }
    act(&mut pat, "restore", &ids[5]);
    check(&mut pat, &model, &mut rng, &words, "after delete and restore");

    // Removed for good (from Deleted): no longer found.
    for id in [&ids[0], &ids[10], &ids[15]] {
        act(&mut pat, "purge", id);
        model.held.remove(id.as_str());
    }
    check(&mut pat, &model, &mut rng, &words, "after purge");

    // Recalled by the sender: gone from pat's mailbox, so from search.
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    for id in [&ids[2], &ids[21], &ids[30]] {
        let csrf = alice.get("/").field("csrf");
        let r = alice.post(&format!("/m/{id}/recall"), &[("csrf", csrf.as_str()), ("confirm", "yes")]);
        assert_eq!(r.status, 303, "recall {id}: {}", r.body);
        model.held.remove(id.as_str());
    }
    check(&mut pat, &model, &mut rng, &words, "after recall");
}
