//! Drafts under the races a real page makes, over real HTTPS against the
//! real binary: saves arriving out of order, an upload finishing after newer
//! text was saved, a save arriving after the draft was sent, and an account
//! with as many drafts as it may keep.

mod common;

use std::time::Duration;

use common::https::{Agent, Response};
use common::portal::{Portal, compose_fields, post_compose};

/// The compose page's own fields, with `extra` (same names replace).
fn fields_of(page: &Response, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    compose_fields(page, &["csrf", "draft", "purpose", "id"], extra)
}

/// The script's save of `body` as save number `seq` of page `page_name`.
fn autosave(agent: &mut Agent, page: &Response, page_name: &str, seq: &str, body: &str) -> Response {
    let fields = fields_of(
        page,
        &[
            ("to", "bob@example.org"),
            ("subject", "Race"),
            ("body", body),
            ("action", "autosave"),
            ("format", "json"),
            ("page", page_name),
            ("seq", seq),
        ],
    );
    post_compose(agent, &fields, &[])
}

/// Whether draft `draft` is stored with file `name` (false while it is not, or no longer).
fn draft_saved_with(agent: &mut Agent, draft: &str, name: &str) -> bool {
    let page = agent.get(&format!("/drafts/{draft}"));
    page.status == 200 && page.body.contains(name)
}

fn draft_body(agent: &mut Agent, draft: &str) -> String {
    let page = agent.get(&format!("/drafts/{draft}"));
    assert_eq!(page.status, 200, "{}", page.body);
    page.body
}

#[test]
fn late_saves_and_uploads_do_not_roll_back_text_and_a_sent_draft_stays_gone() {
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let page = alice.get("/compose");
    let draft = page.field("draft");

    // A beacon (save 3) overtook the fetch it followed (save 2).
    assert_eq!(autosave(&mut alice, &page, "tab-one", "3", "Newest words").status, 200);
    assert_eq!(autosave(&mut alice, &page, "tab-one", "2", "Older words").status, 200);
    let body = draft_body(&mut alice, &draft);
    assert!(body.contains("Newest words") && !body.contains("Older words"), "{body}");
    // Another page of the same draft (a second tab) is not held to tab one's count.
    assert_eq!(autosave(&mut alice, &page, "tab-two", "1", "Second tab words").status, 200);
    assert!(draft_body(&mut alice, &draft).contains("Second tab words"));

    // An upload started before the last save carries older fields: only its file is taken.
    let old_fields = fields_of(
        &page,
        &[
            ("body", "Words from when the upload began"),
            ("action", "attach"),
            ("format", "json"),
        ],
    );
    let r = post_compose(&mut alice, &old_fields, &[("attachment", "big.txt", "text/plain", b"file bytes")]);
    assert_eq!(r.status, 200, "{}", r.body);
    let body = draft_body(&mut alice, &draft);
    assert!(
        body.contains("Second tab words") && !body.contains("upload began") && body.contains("big.txt"),
        "{body}"
    );

    // Sent; a save in flight arriving after the send does not bring the draft back.
    let send = fields_of(&page, &[("to", "bob@example.org"), ("subject", "Race"), ("body", "Final words")]);
    let r = post_compose(&mut alice, &send, &[]);
    assert_eq!((r.status, r.location()), (303, "/sent?done=sent"), "{}", r.body);
    let r = autosave(&mut alice, &page, "tab-one", "9", "Late save");
    assert_eq!(r.status, 410, "{}", r.body);
    assert_eq!(alice.get(&format!("/drafts/{draft}")).status, 404);
    assert!(!alice.get("/drafts").body.contains("Late save"));

    // A Send of it a moment later is the same click: answered as sent, nothing more goes.
    let twice = fields_of(&page, &[("to", "bob@example.org"), ("subject", "Race"), ("body", "Final words")]);
    assert_eq!(post_compose(&mut alice, &twice, &[]).location(), "/sent?done=sent");
    // Other words sent from the same page a moment later are neither lost nor sent blind: kept apart.
    let changed = fields_of(
        &page,
        &[("to", "bob@example.org"), ("subject", "Race"), ("body", "Second thoughts")],
    );
    let r = post_compose(&mut alice, &changed, &[]);
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("Second thoughts"), "{}", r.body);
    // Saved from a tab left open: kept as a new draft.
    let again = fields_of(
        &page,
        &[
            ("to", "bob@example.org"),
            ("subject", "Race"),
            ("body", "Posted from the old tab"),
            ("action", "save"),
        ],
    );
    let r = post_compose(&mut alice, &again, &[]);
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.body.contains("sent or deleted in another window") && r.body.contains("Posted from the old tab"),
        "{}",
        r.body
    );
    assert_ne!(r.field("draft"), draft);
    std::thread::sleep(Duration::from_secs(1));
    let sent_to_bob = p.sink.all().iter().filter(|m| m.to.iter().any(|t| t == "bob@example.org")).count();
    assert!(sent_to_bob <= 1, "only the first send went out ({sent_to_bob})");
}

/// Posts Send of `page`'s form from two tabs at once (no script to stop
/// the second); their statuses, sorted.
fn double_click(alice: &Agent, page: &Response, body: &str) -> Vec<u16> {
    let fields = fields_of(page, &[("to", "bob@example.org"), ("subject", "Twice?"), ("body", body)]);
    let file = std::sync::Arc::new(vec![b'x'; 2_000_000]);
    let posts: Vec<_> = (0..2)
        .map(|_| {
            let (mut tab, fields, file) = (alice.clone(), fields.clone(), file.clone());
            std::thread::spawn(move || {
                let files = [("attachment", "big.bin", "application/octet-stream", file.as_slice())];
                post_compose(&mut tab, &fields, &files).status
            })
        })
        .collect();
    let mut statuses: Vec<u16> = posts.into_iter().map(|t| t.join().unwrap()).collect();
    statuses.sort_unstable();
    statuses
}

#[test]
fn a_double_click_on_send_sends_once() {
    // Two posts of Send for one draft at once: both once went out. The
    // second now waits for the first and is answered as it was: sent.
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let page = alice.get("/compose");
    assert_eq!(double_click(&alice, &page, "Only once"), [303, 303]);
    // The same with the drafts full (each post sent without a draft).
    for n in 0..50 {
        let page = alice.get("/compose");
        assert_eq!(autosave(&mut alice, &page, "p", "1", &format!("Draft {n}")).status, 200);
    }
    let page = alice.get("/compose");
    assert_eq!(double_click(&alice, &page, "Full and once"), [303, 303]);
    std::thread::sleep(Duration::from_secs(2));
    for body in ["Only once", "Full and once"] {
        let arrived = p.sink.all().iter().filter(|m| m.text().contains(body)).count();
        assert_eq!(arrived, 1, "{body}");
    }
    assert!(!alice.get("/drafts").body.contains("Twice?"), "no copy was kept as a draft");
}

#[test]
fn an_account_with_the_most_drafts_still_sends_and_is_told_why_a_save_failed() {
    const MOST: usize = 50;
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    for n in 0..MOST {
        let page = alice.get("/compose");
        let r = autosave(&mut alice, &page, "p", "1", &format!("Draft number {n}"));
        assert_eq!(r.status, 200, "draft {n}: {}", r.body);
    }
    // Once a generic 500, the text gone.
    let page = alice.get("/compose");
    let r = autosave(&mut alice, &page, "p", "1", "One too many");
    assert_eq!(r.status, 507, "{}", r.body);
    let answer: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(answer["error"].as_str().unwrap().contains("50 drafts"), "{answer}");

    let save = fields_of(
        &page,
        &[
            ("to", "bob@example.org"),
            ("subject", "Kept?"),
            ("body", "Text I typed"),
            ("action", "save"),
        ],
    );
    let r = post_compose(&mut alice, &save, &[]);
    assert_eq!(r.status, 507, "{}", r.body);
    assert!(
        r.body.contains("50 drafts") && r.body.contains("Text I typed"),
        "the page keeps the text: {}",
        r.body
    );

    // Sending needs no draft: it goes, with its file.
    let send = fields_of(
        &page,
        &[("to", "bob@example.org"), ("subject", "Sent anyway"), ("body", "Goes out")],
    );
    let r = post_compose(&mut alice, &send, &[("attachment", "a.txt", "text/plain", b"attached")]);
    assert_eq!((r.status, r.location()), (303, "/sent?done=sent"), "{}", r.body);
    let arrived = common::wait_for(Duration::from_secs(20), || {
        p.sink.all().into_iter().find(|m| m.text().contains("Goes out"))
    });
    let arrived = arrived.expect("sent");
    let parsed = mail_parser::MessageParser::default().parse(arrived.data.as_slice()).unwrap();
    assert_eq!(parsed.attachment(0).map(mail_parser::MessagePart::contents), Some(&b"attached"[..]));
}

#[test]
fn a_send_cut_off_by_the_browser_is_not_sent_again_by_the_second_click() {
    // The browser hung up once Send was posted (Stop, a dropped connection):
    // the request's work could end between the message's write and the
    // record of the click, leaving the draft to be sent again by the next.
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let page = alice.get("/compose");
    let draft = page.field("draft");
    let fields = fields_of(
        &page,
        &[
            ("to", "bob@example.org"),
            ("subject", "Cut off"),
            ("body", "Sent before the hang-up"),
        ],
    );
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let file = vec![b'y'; 8_000_000];
    let files = [("attachment", "big.bin", "application/octet-stream", file.as_slice())];
    let (content_type, body) = common::https::multipart(&refs, &files);
    let tls = alice.begin_request("POST", "/compose", Some((&content_type, &body)));
    // Hung up once the draft is saved with its file: the send is under way.
    let mut watcher = alice.clone();
    let mut under_way = || draft_saved_with(&mut watcher, &draft, "big.bin") || p.mails_containing("Sent before the hang-up") > 0;
    let saved = common::wait_for(Duration::from_secs(30), || under_way().then_some(()));
    assert!(saved.is_some(), "the post was saved");
    common::https::hang_up(tls);
    let arrived = common::wait_for(Duration::from_secs(30), || {
        (p.mails_containing("Sent before the hang-up") >= 1).then_some(())
    });
    assert!(arrived.is_some(), "the send went on after the browser hung up");
    // The message's own write took the draft with it.
    assert_eq!(alice.get(&format!("/drafts/{draft}")).status, 404);
    // The second click (the same form, now answered) is that send: nothing more goes.
    let r = post_compose(&mut alice, &fields, &files);
    assert_eq!((r.status, r.location()), (303, "/sent?done=sent"), "{}", r.body);
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(p.mails_containing("Sent before the hang-up"), 1);
    assert!(!alice.get("/drafts").body.contains("Cut off"), "no copy kept as a draft");
    // A file of the same name, type and size but other bytes is another
    // post (once the same click, by name and size): kept apart, not dropped.
    let other = vec![b'z'; file.len()];
    let r = post_compose(
        &mut alice,
        &fields,
        &[("attachment", "big.bin", "application/octet-stream", other.as_slice())],
    );
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(p.mails_containing("Sent before the hang-up"), 1);
}

#[test]
fn an_unchanged_draft_saved_by_hand_starts_its_keep_time_again() {
    // A Save that changed nothing kept the draft's time (right for a late
    // autosave), so a draft saved by hand still expired from its last change.
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let first = alice.get("/compose");
    assert_eq!(autosave(&mut alice, &first, "one", "1", "Alpha words").status, 200);
    std::thread::sleep(Duration::from_millis(20));
    let second = alice.get("/compose");
    assert_eq!(autosave(&mut alice, &second, "two", "1", "Beta words").status, 200);
    let order = |agent: &mut Agent| {
        let list = agent.get("/drafts").body;
        (
            list.find("Race").is_some(),
            list.find(&first.field("draft")) < list.find(&second.field("draft")),
        )
    };
    assert_eq!(order(&mut alice), (true, false), "last saved first");
    // The late autosave the draft already has: nothing is stored.
    assert_eq!(autosave(&mut alice, &first, "one", "1", "Alpha words").status, 200);
    assert_eq!(order(&mut alice), (true, false));
    // Save pressed on the unchanged draft: stored, so it is the last saved.
    let save = fields_of(
        &first,
        &[
            ("to", "bob@example.org"),
            ("subject", "Race"),
            ("body", "Alpha words"),
            ("action", "save"),
            ("page", "one"),
            ("seq", "1"),
        ],
    );
    let r = post_compose(&mut alice, &save, &[]);
    assert_eq!((r.status, r.location()), (303, "/drafts?done=saved"), "{}", r.body);
    assert_eq!(order(&mut alice), (true, true));
}
