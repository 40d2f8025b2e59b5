//! Per-user preferences over real HTTPS: date and time format, time zone, first
//! day of the week (search "this week"), signature; applied on every page.

mod common;

use common::https::Agent;
use common::portal::Portal;

const GOOD: &str = "Correct-Horse-42-battery";

fn save(agent: &mut Agent, fields: &[(&str, &str)]) -> common::https::Response {
    common::portal::save_preferences(agent, fields)
}

/// Whether `text` holds a date like 24/11/2026 followed by a 12-hour time and JST.
/// (Pages escape "/" as `&#x2f;`.)
fn has_dmy_12h_tokyo(text: &str) -> bool {
    text.replace("&#x2f;", "/").replace('>', " ").split("JST").any(|before| {
        let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        matches!(words.as_slice(), [ampm, time, date]
            if (*ampm == "AM" || *ampm == "PM")
                && time.contains(':')
                && date.len() == 10 && date.as_bytes()[2] == b'/' && date.as_bytes()[5] == b'/')
    })
}

#[test]
fn preferences_change_every_date_the_portal_shows() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let id = p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] Dates");
    let inbox = pat.get("/");
    assert!(inbox.body.contains(" UTC</td>"), "default: ISO dates in UTC: {}", inbox.body);
    let r = save(
        &mut pat,
        &[("date_format", "dmy"), ("clock_hours", "12"), ("time_zone", "Asia/Tokyo")],
    );
    assert_eq!((r.status, r.location()), (303, "/account/preferences?done=saved"), "{}", r.body);
    let page = pat.get("/account/preferences?done=saved");
    assert!(page.body.contains("Preferences saved."));
    assert!(
        page.body.contains("<option selected>Asia&#x2f;Tokyo</option>"),
        "the choice is shown"
    );
    for path in [
        "/".to_string(),
        format!("/m/{id}"),
        "/account/sessions".into(),
        "/search?q=dates".into(),
    ] {
        let body = pat.get(&path).body;
        assert!(has_dmy_12h_tokyo(&body), "{path} shows dd/mm/yyyy h:mm AM/PM JST: {body}");
        assert!(!body.contains(" UTC<"), "{path} still shows UTC: {body}");
    }
    let out = p.cl.cli(&["show", "0"]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("preferences saved: dates dmy, 12-hour clock"), "an event: {shown}");
}

#[test]
fn bad_preferences_are_refused_with_the_reason_and_nothing_changes() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let r = save(&mut pat, &[("time_zone", "Mars/Olympus"), ("date_format", "dmy")]);
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("&quot;Mars&#x2f;Olympus&quot; is not a time zone"), "{}", r.body);
    let r = save(&mut pat, &[("date_format", "yyyy")]);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("Choose a date format"), "{}", r.body);
    let long = "x".repeat(2001);
    let r = save(&mut pat, &[("signature", &long)]);
    assert_eq!(r.status, 422);
    let page = pat.get("/account/preferences");
    assert!(page.body.contains("<option selected>UTC</option>"), "unchanged: {}", page.body);
    let r = pat.post("/account/preferences", &[("date_format", "dmy"), ("time_zone", "UTC")]);
    assert_eq!(r.status, 403, "no CSRF token");
}

#[test]
fn the_signature_starts_new_messages_and_replies() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let r = save(&mut pat, &[("signature", "Pat Doe\r\nPartner Ltd")]);
    assert_eq!(r.status, 303, "{}", r.body);
    let compose = pat.get("/compose");
    assert!(
        compose.body.contains("\n\n-- \nPat Doe\nPartner Ltd</textarea>"),
        "{}",
        compose.body
    );
    let id = p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] Sig");
    let reply = pat.get(&format!("/m/{id}/reply"));
    let body = reply.body;
    let sig = body.find("-- \nPat Doe\nPartner Ltd").expect("signature in the reply");
    let quote = body.find(" wrote:").expect("quoted original");
    assert!(sig < quote, "the signature sits above the quoted original");
}

#[test]
fn search_by_period_without_words_uses_the_users_day_and_week() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] Period one");
    for tz in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
        let r = save(&mut pat, &[("time_zone", tz), ("week_starts", "sunday")]);
        assert_eq!(r.status, 303);
        for when in ["today", "week", "month"] {
            let found = pat.get(&format!("/search?q=&when={when}"));
            assert_eq!(found.status, 200);
            assert!(found.body.contains("Period one"), "{tz} {when}: {}", found.body);
        }
    }
    let none = pat.get("/search?q=nothing-like-this&when=week");
    assert!(none.body.contains("in that period"), "{}", none.body);
}
