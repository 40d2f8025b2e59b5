//! Drafts over real HTTPS against the real binary: what is written is kept
//! (autosave, Save, a refused send, a session that ran out), resumed from
//! Drafts with its files, sent from there, and never anyone else's.

mod common;

use std::time::Duration;

use common::https::{Agent, Response};
use common::portal::{Portal, compose_fields, post_compose, text_part};
use common::wait_for;

const GOOD: &str = "Correct-Horse-42-battery";

/// The compose page's own fields, with `extra` (same names replace).
fn fields_of(page: &Response, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    compose_fields(page, &["csrf", "draft", "purpose", "id"], extra)
}

fn json(r: &Response) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

#[test]
fn a_refused_send_keeps_the_text_and_the_files_and_the_draft_sends_later() {
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let page = alice.get("/compose");
    let draft = page.field("draft");
    assert_eq!(draft.len(), 16, "every compose page carries a draft id");
    let fields = fields_of(
        &page,
        &[
            ("to", "not an address"),
            ("subject", "Quarterly figures"),
            ("body", "Numbers attached."),
        ],
    );
    let files: [(&str, &str, &str, &[u8]); 2] = [
        ("attachment", "figures.csv", "text/csv", b"q1,q2\n1,2\n"),
        ("attachment", "notes.txt", "text/plain", b"private notes"),
    ];
    let r = post_compose(&mut alice, &fields, &files);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("figures.csv") && r.body.contains("notes.txt"),
        "the files are still attached: {}",
        r.body
    );
    assert!(r.body.contains("Numbers attached."), "{}", r.body);
    assert_eq!(r.field("draft"), draft, "the same draft");
    let listed = alice.get("/drafts");
    assert!(
        listed.body.contains("Quarterly figures") && listed.body.contains(&format!("/drafts/{draft}")),
        "{}",
        listed.body
    );
    remove_one_file_then_send(&p, &mut alice, &draft);
}

/// Removes the second file without script (its chip's button posts the form), then sends the draft.
fn remove_one_file_then_send(p: &Portal, alice: &mut Agent, draft: &str) {
    let again = alice.get(&format!("/drafts/{draft}"));
    let notes_id = again
        .body
        .split("data-file=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let r = post_compose(alice, &fields_of(&again, &[("to", "not an address"), ("remove", &notes_id)]), &[]);
    assert_eq!(r.status, 303, "{}", r.body);
    let again = alice.get(&format!("/drafts/{draft}"));
    assert!(
        again.body.contains("figures.csv") && !again.body.contains("notes.txt"),
        "{}",
        again.body
    );
    let r = post_compose(
        alice,
        &fields_of(
            &again,
            &[
                ("to", "Bob Example <bob@example.org>"),
                ("subject", "Quarterly figures"),
                ("body", "Numbers attached."),
            ],
        ),
        &[],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location(), "/sent?done=sent");
    let relayed = wait_for(Duration::from_secs(20), || {
        p.sink.all().into_iter().find(|m| m.to.iter().any(|t| t == "bob@example.org"))
    })
    .expect("relayed to bob");
    let parsed = mail_parser::MessageParser::default().parse(relayed.data.as_slice()).unwrap();
    assert_eq!(parsed.attachment_count(), 1);
    assert_eq!(parsed.attachment(0).unwrap().contents(), b"q1,q2\n1,2\n");
    assert!(text_part(&relayed).contains("Numbers attached."));
    let listed = alice.get("/drafts");
    assert!(
        !listed.body.contains("Quarterly figures"),
        "a sent draft leaves Drafts: {}",
        listed.body
    );
    assert_eq!(alice.get(&format!("/drafts/{draft}")).status, 404);
}

#[test]
fn autosave_answers_the_script_and_a_draft_is_only_its_authors() {
    let p = Portal::start("");
    let mut alice = p.internal_user("alice@example.org");
    let page = alice.get("/compose");
    let draft = page.field("draft");
    let mut fields = fields_of(
        &page,
        &[
            ("to", "bob@example.org"),
            ("subject", "Plans"),
            ("body", "First lines"),
            ("action", "autosave"),
            ("format", "json"),
        ],
    );
    let r = post_compose(&mut alice, &fields, &[]);
    assert_eq!(r.status, 200, "{}", r.body);
    let answer = json(&r);
    assert_eq!(answer["draft"], draft.as_str());
    assert!(answer["left"].as_i64().unwrap() > 3000, "seconds the session has left: {answer}");
    let file: &[u8] = b"attached while writing";
    let r = post_compose(&mut alice, &fields, &[("attachment", "plan.txt", "text/plain", file)]);
    let answer = json(&r);
    assert_eq!(answer["files"][0]["name"], "plan.txt");
    assert_eq!(answer["files"][0]["size"], file.len());
    fields.retain(|(k, _)| k != "body");
    fields.push(("body".into(), "First lines and more".into()));
    assert_eq!(post_compose(&mut alice, &fields, &[]).status, 200);
    let resumed = alice.get(&format!("/drafts/{draft}"));
    assert!(
        resumed.body.contains("First lines and more") && resumed.body.contains("plan.txt"),
        "{}",
        resumed.body
    );

    // Someone else: not found, not listed, not overwritten, not deleted.
    let mut carol = p.internal_user("carol@example.org");
    assert_eq!(carol.get(&format!("/drafts/{draft}")).status, 404);
    assert!(!carol.get("/drafts").body.contains("Plans"));
    let theirs = carol.get("/compose");
    let r = post_compose(
        &mut carol,
        &fields_of(
            &theirs,
            &[("draft", &draft), ("subject", "Hijack"), ("action", "autosave"), ("format", "json")],
        ),
        &[],
    );
    // Answered as a draft sent or deleted is: nothing tells that it is someone's.
    assert_eq!(r.status, 410, "{}", r.body);
    let r = carol.post(&format!("/drafts/{draft}/delete"), &[("csrf", &theirs.field("csrf"))]);
    assert_eq!(r.status, 404);
    assert!(alice.get(&format!("/drafts/{draft}")).body.contains("First lines and more"));

    let r = alice.post(&format!("/drafts/{draft}/delete"), &[("csrf", &page.field("csrf"))]);
    assert_eq!(r.status, 303);
    assert_eq!(alice.get(&format!("/drafts/{draft}")).status, 404);
}

#[test]
fn a_post_after_the_session_ran_out_is_kept_and_signing_in_leads_back_to_it() {
    let p = Portal::start("[portal]\nsession_idle_minutes = 0.05\n");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let page = pat.get("/compose");
    let draft = page.field("draft");
    // A session that never finished signing in (its password still to be
    // changed) once had its post kept as well.
    let (once, _) = p.invite("quill@partner.test");
    let mut quill = p.agent();
    let r = p.sign_in(&mut quill, "quill@partner.test", &once, "/");
    let unfinished = quill.get(r.location());
    std::thread::sleep(Duration::from_secs(4));
    let forged = compose_fields(&unfinished, &["csrf"], &[("subject", "Unfinished"), ("body", "Not kept")]);
    assert_eq!(post_compose(&mut quill, &forged, &[]).status, 403);
    assert_eq!(pat.get("/").status, 303, "the session has run out");
    let fields = fields_of(
        &page,
        &[
            ("to", "bob@example.org"),
            ("subject", "Late"),
            ("body", "Written while the session ran out"),
        ],
    );
    let r = post_compose(&mut pat, &fields, &[("attachment", "late.txt", "text/plain", b"kept too")]);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location(), format!("/login?notice=draft-kept&next=%2Fdrafts%2F{draft}"));
    assert!(
        p.sink.all().iter().all(|m| !m.to.iter().any(|t| t == "bob@example.org")),
        "nothing was sent"
    );
    let login = pat.get(r.location());
    assert!(login.body.contains("kept as a draft"), "{}", login.body);
    let next = format!("/drafts/{draft}");
    let r = p.sign_in(&mut pat, "pat@partner.test", GOOD, &next);
    assert_eq!((r.status, r.location()), (303, next.as_str()), "{}", r.body);
    let resumed = pat.get(&next);
    assert!(
        resumed.body.contains("Written while the session ran out") && resumed.body.contains("late.txt"),
        "{}",
        resumed.body
    );

    // Sent, then its second click arrives after the session ran out: that
    // send is the answer (once kept again as a copy in a new draft).
    let page = pat.get("/compose");
    let send = fields_of(
        &page,
        &[
            ("to", "alice@example.org"),
            ("subject", "Just in time"),
            ("body", "Sent as the session ended"),
        ],
    );
    assert_eq!(post_compose(&mut pat, &send, &[]).location(), "/sent?done=sent");
    std::thread::sleep(Duration::from_secs(4));
    let r = post_compose(&mut pat, &send, &[]);
    assert_eq!((r.status, r.location()), (303, "/login?next=%2Fsent%3Fdone%3Dsent"), "{}", r.body);
    let r = p.sign_in(&mut pat, "pat@partner.test", GOOD, "/drafts");
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(!pat.get("/drafts").body.contains("Just in time"), "no copy was kept");

    // A session ended on purpose keeps nothing: the post is refused.
    let page = pat.get("/compose");
    let csrf = page.field("csrf");
    assert_eq!(pat.post("/logout", &[("csrf", &csrf)]).status, 303);
    let r = post_compose(&mut pat, &fields_of(&page, &[("subject", "After sign-out")]), &[]);
    assert_eq!(r.status, 403);
}

#[test]
fn a_form_from_an_older_session_of_the_same_user_is_kept_not_sent_and_a_strangers_is_refused() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let page = pat.get("/compose");
    // Signed in again (another tab, after the first session ran out): the page's token is the old session's.
    assert_eq!(p.sign_in(&mut pat, "pat@partner.test", GOOD, "/").status, 303);
    let fields = fields_of(
        &page,
        &[
            ("to", "alice@example.org"),
            ("subject", "From the old tab"),
            ("body", "Typed before signing in again"),
        ],
    );
    let r = post_compose(&mut pat, &fields, &[]);
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.body.contains("kept as this draft") && r.body.contains("Typed before signing in again"),
        "{}",
        r.body
    );
    assert!(
        p.sink.all().iter().all(|m| !m.text().contains("Typed before signing in again")),
        "not sent"
    );
    assert!(
        pat.get(&format!("/drafts/{}", page.field("draft")))
            .body
            .contains("Typed before signing in again")
    );

    // Another user's page token is no token of pat's: nothing is written.
    let mut quinn = p.signed_in_user("quinn@partner.test", GOOD);
    let theirs = quinn.get("/compose");
    let r = post_compose(&mut pat, &fields_of(&theirs, &[("subject", "Forged")]), &[]);
    assert_eq!(r.status, 403);
    assert!(!pat.get("/drafts").body.contains("Forged"));
}
