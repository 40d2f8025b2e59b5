//! Passwordless sign-in codes, internal-sender accounts and the TOTP second
//! factor, over real HTTPS against the real binary, with mail caught by a real sink.

mod common;

use std::time::Duration;

use common::https::Agent;
use common::portal::Portal;
use common::totp;

/// A recipient who has an account (invited by a secure message) but has not signed in.
fn invited(p: &Portal, to: &str) {
    let _ = p.invite(to);
}

fn signed_in_home(agent: &mut Agent, who: &str) {
    let home = agent.get("/");
    assert_eq!(home.status, 200, "{home:?}");
    assert!(home.body.contains(who), "{}", home.body);
}

#[test]
fn sign_in_code_is_mailed_works_once_and_skips_no_password() {
    let p = Portal::start("");
    invited(&p, "ann@partner.test");
    let mut agent = p.agent();
    let page = p.request_code(&mut agent, "ann@partner.test", "/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"code-sent\""), "{}", page.body);
    let code = p.code_mail("ann@partner.test", 0);
    assert_eq!(code.len(), 6, "default code length");
    let mail = p.mail_to("ann@partner.test", "Your code to sign in", 0);
    assert!(mail.contains("15 minutes"), "{mail}");

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = p.enter_code(&mut agent, "ann@partner.test", wrong, "/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);

    let r = p.enter_code(&mut agent, "ann@partner.test", &code, "/");
    assert_eq!(
        (r.status, r.location()),
        (303, "/account/passkeys?offer=1&next=%2F"),
        "a code sign-in skips the one-time password change (a first contact is offered a passkey instead): {}",
        r.body
    );
    signed_in_home(&mut agent, "ann@partner.test");

    let mut other = p.agent();
    let _ = p.request_code(&mut other, "someone@else.test", "/");
    let again = p.enter_code(&mut other, "ann@partner.test", &code, "/");
    assert_eq!(again.status, 200, "a used code does not work twice");
    assert!(again.body.contains("Sign-in failed"));

    let users = p.cl.cli(&["user", "list", "--json"]);
    let users: serde_json::Value = serde_json::from_slice(&users.stdout).unwrap();
    let ann = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["address"] == "ann@partner.test")
        .unwrap();
    assert_eq!(ann["last_sign_in"]["ip"], "127.0.0.1", "{ann}");
}

#[test]
fn sign_in_code_stops_working_after_its_attempts() {
    let p = Portal::start("[portal]\nsign_in_code_attempts = 2\nsign_in_code_digits = 8\n");
    invited(&p, "bo@partner.test");
    let mut agent = p.agent();
    let _ = p.request_code(&mut agent, "bo@partner.test", "/");
    let code = p.code_mail("bo@partner.test", 0);
    assert_eq!(code.len(), 8, "sign_in_code_digits = 8");
    for wrong in ["12345678", "87654321"] {
        if wrong == code {
            continue;
        }
        let r = p.enter_code(&mut agent, "bo@partner.test", wrong, "/");
        assert_eq!(r.status, 200);
    }
    let r = p.enter_code(&mut agent, "bo@partner.test", &code, "/");
    assert_eq!(r.status, 200, "the right code after two wrong ones is refused");
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);
}

#[test]
fn code_request_reveals_nothing_and_is_not_repeated_within_a_minute() {
    let p = Portal::start("");
    invited(&p, "cy@partner.test");
    let mut agent = p.agent();
    let known = p.request_code(&mut agent, "cy@partner.test", "/");
    let unknown = p.request_code(&mut agent, "nobody@partner.test", "/");
    let strip = |body: &str, address: &str| body.replace(address, "ADDRESS").replace(&address.replace('@', "%40"), "ADDRESS");
    assert_eq!(strip(&known.body, "cy@partner.test"), strip(&unknown.body, "nobody@partner.test"));
    let _ = p.code_mail("cy@partner.test", 0);
    let _ = p.request_code(&mut agent, "cy@partner.test", "/");
    std::thread::sleep(Duration::from_secs(2));
    let codes = p.mails_containing("Your code to sign in");
    assert_eq!(
        codes, 1,
        "one code mail: none for the unknown address, none for the repeat within a minute"
    );
}

#[test]
fn sign_in_codes_can_be_switched_off() {
    let p = Portal::start("[portal]\nsign_in_codes = false\n");
    invited(&p, "di@partner.test");
    let mut agent = p.agent();
    let page = agent.get("/login");
    let csrf = page.field("csrf");
    let step2 = agent.post("/login", &[("csrf", &csrf), ("address", "di@partner.test"), ("next", "/")]);
    assert!(!step2.body.contains("code-request"), "{}", step2.body);
    let r = agent.post("/login/code", &[("csrf", &csrf), ("address", "di@partner.test"), ("next", "/")]);
    assert_eq!(r.status, 404);
}

#[test]
fn internal_senders_get_an_account_but_never_a_mailed_password() {
    let p = Portal::start("");
    // alice@example.org is internal (internal_domains = ["example.org"]).
    invited(&p, "ed@partner.test");
    let users = p.cl.cli(&["user", "list", "--json"]);
    assert!(users.status.success());
    let users: serde_json::Value = serde_json::from_slice(&users.stdout).unwrap();
    let alice = users.as_array().unwrap().iter().find(|u| u["address"] == "alice@example.org");
    let alice = alice.expect("the internal sender has an account");
    assert_eq!(
        (alice["internal"].as_bool(), alice["has_password"].as_bool()),
        (Some(true), Some(false))
    );
    // One welcome mail says where the portal is; no password is ever mailed.
    let welcome = p.mail_to("alice@example.org", "secure message portal", 0);
    assert!(!welcome.contains("Password:"), "{welcome}");
    std::thread::sleep(Duration::from_secs(1));
    let to_alice: Vec<String> = p
        .sink
        .all()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "alice@example.org"))
        .map(common::sink::Caught::text)
        .collect();
    assert_eq!(to_alice.len(), 1, "only the welcome is mailed to the internal sender: {to_alice:?}");
    let mut agent = p.agent();
    let r = p.code_sign_in(&mut agent, "alice@example.org", 0);
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    signed_in_home(&mut agent, "alice@example.org");

    let out = p.cl.cli(&["user", "add", "Carol@Example.org"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("internal account carol@example.org") && said.contains("no mail"),
        "{said}"
    );
    let again = p.cl.cli(&["user", "add", "carol@example.org"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = p.cl.cli(&["user", "add", "not an address"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not an email address"));
    let mut carol = p.agent();
    let r = p.code_sign_in(&mut carol, "carol@example.org", 0);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(
        !p.sink
            .all()
            .iter()
            .any(|m| m.to.iter().any(|t| t == "carol@example.org") && common::portal::text_part(m).contains("Password:"))
    );
}

/// Enrols TOTP on a signed-in agent; returns (secret, recovery codes).
fn enrol(agent: &mut Agent) -> (String, Vec<String>) {
    let page = agent.get("/account/2fa");
    assert_eq!(page.status, 200);
    let csrf = page.field("csrf");
    let r = agent.post("/account/2fa/begin", &[("csrf", &csrf), ("next", "/")]);
    assert_eq!(r.status, 303, "{}", r.body);
    let page = agent.get(r.location());
    assert!(page.body.contains("<svg"), "the QR code is drawn inline: {}", page.body);
    let secret = page.text_of("totp-secret");
    let wrong = agent.post("/account/2fa/confirm", &[("csrf", &csrf), ("code", "000000"), ("next", "/")]);
    if totp::code(&secret, 0) != "000000" {
        assert!(wrong.body.contains("That code is not right"), "{}", wrong.body);
    }
    let done = agent.post(
        "/account/2fa/confirm",
        &[("csrf", &csrf), ("code", &totp::code(&secret, 0)), ("next", "/")],
    );
    assert_eq!(done.status, 200, "{}", done.body);
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10, "{}", done.body);
    (secret, codes)
}

#[test]
fn totp_second_step_with_codes_and_recovery_codes() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("fay@partner.test", "Correct-Horse-42-battery");
    let (secret, recovery) = enrol(&mut agent);
    let page = agent.get("/account/2fa");
    assert!(
        page.body.contains("id=\"totp-status\"") && page.body.contains("10 recovery"),
        "{}",
        page.body
    );

    // Sign in again: the password is not enough.
    let mut second = p.agent();
    let r = p.sign_in(&mut second, "fay@partner.test", "Correct-Horse-42-battery", "/");
    assert_eq!(r.status, 303);
    assert!(r.location().starts_with("/login/2fa"), "{}", r.location());
    let home = second.get("/");
    assert!(
        home.location().starts_with("/login/2fa"),
        "nothing else before the second step: {home:?}"
    );
    let page = second.get("/login/2fa?next=/");
    let csrf = page.field("csrf");
    let replay = second.post("/login/2fa", &[("csrf", &csrf), ("code", &totp::code(&secret, 0)), ("next", "/")]);
    assert!(
        replay.body.contains("Sign-in failed"),
        "the enrolment code cannot be replayed: {}",
        replay.body
    );
    let half = second.cookies.get("__Host-cloister").cloned().unwrap();
    let r = second.post(
        "/login/2fa",
        &[("csrf", &csrf), ("code", &recovery[0].to_uppercase()), ("next", "/")],
    );
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    assert_ne!(
        second.cookies.get("__Host-cloister"),
        Some(&half),
        "a new token once both steps passed"
    );
    signed_in_home(&mut second, "fay@partner.test");
}

#[test]
fn recovery_codes_work_once_and_the_next_app_code_is_accepted() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("gil@partner.test", "Correct-Horse-42-battery");
    let (secret, recovery) = enrol(&mut agent);
    let login = |code: &str| -> (u16, String) {
        let mut a = p.agent();
        let r = p.sign_in(&mut a, "gil@partner.test", "Correct-Horse-42-battery", "/");
        assert!(r.location().starts_with("/login/2fa"), "{r:?}");
        let csrf = a.get("/login/2fa").field("csrf");
        let r = a.post("/login/2fa", &[("csrf", &csrf), ("code", code), ("next", "/")]);
        (r.status, r.location().to_string())
    };
    assert_eq!(login(&recovery[3]), (303, "/".to_string()));
    assert_eq!(login(&recovery[3]).0, 200, "a recovery code works once");
    assert_eq!(
        login(&totp::code(&secret, 1)),
        (303, "/".to_string()),
        "the next step's code is within the window"
    );
    let page = agent.get("/account/2fa");
    assert!(page.body.contains("9 recovery"), "{}", page.body);
    let events = p.cl.cli(&["show", "0"]);
    let events = String::from_utf8_lossy(&events.stdout);
    assert!(events.contains("recovery code (9 left)"), "{events}");
    assert!(events.contains("second-factor code already used"), "{events}");
    assert!(events.contains("second step pending"), "{events}");
}

#[test]
fn totp_can_be_removed_with_a_current_code_unless_required() {
    let p = Portal::start("");
    invited(&p, "hal@partner.test");
    let mut agent = p.agent();
    assert_eq!(p.code_sign_in(&mut agent, "hal@partner.test", 0).status, 303);
    let (secret, _) = enrol(&mut agent);
    let csrf = agent.get("/account/2fa").field("csrf");
    let r = agent.post("/account/2fa/remove", &[("csrf", &csrf), ("code", &totp::code(&secret, 0))]);
    assert!(
        r.body.contains("That code is not right"),
        "the enrolment code is used up: {}",
        r.body
    );
    let r = agent.post("/account/2fa/remove", &[("csrf", &csrf), ("code", &totp::code(&secret, 1))]);
    assert!(r.body.contains("Two-step sign-in is off"), "{}", r.body);
}

#[test]
fn required_totp_must_be_enrolled_before_anything_else() {
    let p = Portal::start("[portal]\nrequire_totp = true\n");
    invited(&p, "ivy@partner.test");
    let mut agent = p.agent();
    let r = p.code_sign_in(&mut agent, "ivy@partner.test", 0);
    assert_eq!(r.status, 303);
    let home = agent.get("/");
    assert_eq!(home.status, 303);
    assert!(home.location().starts_with("/account/2fa"), "{}", home.location());
    let page = agent.get(home.location());
    assert!(page.body.contains("requires two-step sign-in"), "{}", page.body);
    let (secret, _) = enrol(&mut agent);
    signed_in_home(&mut agent, "ivy@partner.test");
    let page = agent.get("/account/2fa");
    assert!(!page.body.contains("totp-remove"), "no way to turn it off while required");
    let csrf = page.field("csrf");
    let r = agent.post("/account/2fa/remove", &[("csrf", &csrf), ("code", &totp::code(&secret, 1))]);
    assert!(r.body.contains("requires two-step"), "{}", r.body);
}

#[test]
fn idle_session_ends_after_the_configured_timeout() {
    // 0.05 minutes = 3 seconds.
    let p = Portal::start("[portal]\nsession_idle_minutes = 0.05\n");
    let mut agent = p.signed_in_user("jo@partner.test", "Correct-Horse-42-battery");
    for _ in 0..4 {
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(agent.get("/").status, 200, "activity keeps the session alive");
    }
    std::thread::sleep(Duration::from_secs(4));
    let r = agent.get("/");
    assert_eq!(r.status, 303);
    assert!(r.location().starts_with("/login"), "{}", r.location());
}

#[test]
fn expired_password_must_be_changed_and_a_reset_is_offered() {
    // 0.00005 days = 4.3 seconds.
    let p = Portal::start("[password]\nmax_age_days = 0.00005\n");
    let _ = p.signed_in_user("kim@partner.test", "Correct-Horse-42-battery");
    std::thread::sleep(Duration::from_secs(5));
    let mut agent = p.agent();
    let r = p.sign_in(&mut agent, "kim@partner.test", "Correct-Horse-42-battery", "/");
    assert!(r.location().starts_with("/password/change?why=expired"), "{r:?}");
    let page = agent.get(r.location());
    assert!(page.body.contains("Your password has expired"), "{}", page.body);
    assert!(page.body.contains("href=\"/forgot\""), "a reset is offered");
    assert_eq!(agent.get("/").status, 303, "nothing else until it is changed");
}
