//! Pages and mails in the reader's language, over real HTTPS and SMTP: the
//! browser's `Accept-Language`, else `portal.default_language`; a signed-in
//! user's own choice over both; a notice in the recipient's chosen language.
//! The expected words are read from the shipped catalogues, so a better
//! translation never breaks a test but a missing one does.

mod common;

use std::path::Path;

use common::https::Agent;
use common::portal::{Portal, save_preferences};

const GOOD: &str = "Correct-Horse-42-battery";

/// The single-line message `id` of language `lang`, as HTML shows it.
fn said(lang: &str, id: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lang").join(lang);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((key, value)) = line.split_once(" = ")
                && key.trim() == id
            {
                return value.trim().replace('\'', "&#x27;").replace('"', "&quot;");
            }
        }
    }
    panic!("{lang} has no single-line message {id}");
}

fn get_in(agent: &mut Agent, path: &str, accept: &str) -> common::https::Response {
    agent.request("GET", path, None, &[("Accept-Language", accept)])
}

#[test]
fn the_browsers_language_chooses_the_page_and_unknown_ones_get_the_default() {
    let p = Portal::start("[portal]\ndefault_language = \"fr\"\n");
    let mut agent = p.agent();
    for (accept, lang) in [
        ("de-DE,de;q=0.9,en;q=0.8", "de"),
        ("nl", "nl"),
        ("ja, es;q=0.5", "es"),
        ("ja", "fr"),
        ("", "fr"),
    ] {
        let page = get_in(&mut agent, "/no/such/page", accept);
        assert_eq!(page.status, 404);
        assert!(
            page.body.contains(&format!("<html lang=\"{lang}\"")),
            "{accept:?} → {lang}: {}",
            page.body
        );
        assert!(page.body.contains(&said(lang, "fault-not-found")), "{accept:?}: {}", page.body);
        let login = get_in(&mut agent, "/login", accept);
        assert!(login.body.contains(&format!("<html lang=\"{lang}\"")), "{}", login.body);
    }
}

#[test]
fn a_users_own_language_wins_over_the_browsers_for_pages_and_the_kept_inbox_follows_the_language() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("nina@partner.test", GOOD);
    let inbox = get_in(&mut agent, "/", "de");
    assert!(inbox.body.contains(&said("de", "folder-inbox")), "{}", inbox.body);
    let inbox = get_in(&mut agent, "/", "fr");
    assert!(
        inbox.body.contains("<html lang=\"fr\""),
        "the Inbox kept for the session is per language"
    );
    assert_eq!(save_preferences(&mut agent, &[("language", "nl")]).status, 303);
    let inbox = get_in(&mut agent, "/", "de");
    assert!(inbox.body.contains("<html lang=\"nl\""), "{}", inbox.body);
    assert!(inbox.body.contains(&said("nl", "folder-inbox")), "{}", inbox.body);
    // An unknown language is refused with the reason, in the user's language.
    let refused = save_preferences(&mut agent, &[("language", "xx")]);
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains(&said("nl", "note-choose-language")), "{}", refused.body);
}

#[test]
fn a_notice_goes_out_in_the_recipients_chosen_language() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("olga@partner.test", GOOD);
    assert_eq!(save_preferences(&mut agent, &[("language", "es")]).status, 303);
    let id = p.cl.send_one("alice@example.org", &["olga@partner.test"], "[secure] Second");
    let subject = said("es", "mail-secure-subject").replace("{ $org }", "Cloister");
    let notice = common::wait_for(std::time::Duration::from_secs(20), || {
        p.sink.all().into_iter().find(|m| common::portal::text_part(m).contains(&id))
    })
    .expect("the second notice is caught");
    let text = common::portal::text_part(&notice);
    assert!(text.contains(&said("es", "mail-greeting")), "{text}");
    let parsed = mail_parser::MessageParser::default().parse(&notice.data).expect("parses");
    assert_eq!(parsed.subject(), Some(subject.as_str()), "the subject in Spanish");
}

#[test]
fn a_template_overridden_for_one_language_is_used_for_that_language_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("de")).unwrap();
    std::fs::write(dir.path().join("de/secure_message.subject"), "Vertraulich: {{ org }}\n").unwrap();
    let extra = format!(
        "[notify]\ntemplate_dir = \"{}\"\n[portal]\ndefault_language = \"de\"\n",
        dir.path().display()
    );
    let mut p = Portal::start(&extra);
    p.cl.send_one("alice@example.org", &["ext@partner.test"], "[secure] Hallo");
    let subjects = || -> Vec<String> { p.sink.all().iter().filter_map(|m| m.header("Subject")).collect() };
    let found = common::wait_for(std::time::Duration::from_secs(20), || {
        subjects().into_iter().find(|s| s.starts_with("Vertraulich: "))
    });
    assert!(found.is_some(), "{:?}", subjects());

    p.cl.stop();
    std::fs::create_dir(dir.path().join("xx")).unwrap();
    let out = p.cl.cli(&["check-config"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("xx/ is not a language"), "{err}");
}
