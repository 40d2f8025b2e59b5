//! The welcome mail: an internal user whose portal account is made (by
//! sending a secure message, or by an operator) is told once where the
//! portal is and how to sign in; `notify.welcome_internal = false` sends none.

mod common;

use std::time::Duration;

use common::portal::{Portal, text_part};

fn welcomes(p: &Portal, to: &str) -> Vec<String> {
    p.sink
        .all()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == to) && m.text().contains("secure message portal"))
        .map(|m| text_part(&m))
        .collect()
}

fn settle() {
    std::thread::sleep(Duration::from_millis(1500));
}

#[test]
fn an_internal_sender_is_welcomed_once_with_the_way_in() {
    let p = Portal::start("");
    p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] First");
    let text = p.mail_to("alice@example.org", "secure message portal", 0);
    let login = text.split_whitespace().find(|w| w.starts_with("https://") && w.ends_with("/login"));
    assert!(login.is_some(), "the portal's sign-in address: {text}");
    assert!(
        text.contains("alice@example.org") && text.contains("Email me a sign-in code instead"),
        "{text}"
    );
    p.cl.send_one("alice@example.org", &["quinn@partner.test"], "[secure] Second");
    p.mail_to("quinn@partner.test", "Password", 0);
    settle();
    assert_eq!(welcomes(&p, "alice@example.org").len(), 1, "once, when the account is made");
    assert!(
        welcomes(&p, "pat@partner.test").is_empty(),
        "external recipients get first-contact mail instead"
    );

    let out = p.cl.cli(&["user", "add", "bob@example.org"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    p.mail_to("bob@example.org", "secure message portal", 0);
}

#[test]
fn no_welcome_when_it_is_turned_off() {
    let p = Portal::start("[notify]\nwelcome_internal = false\n");
    p.cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] First");
    p.mail_to("pat@partner.test", "Password", 0);
    let out = p.cl.cli(&["user", "add", "bob@example.org"]);
    assert!(out.status.success());
    settle();
    assert!(welcomes(&p, "alice@example.org").is_empty() && welcomes(&p, "bob@example.org").is_empty());
}

#[test]
fn directory_and_provider_users_are_told_their_organisations_way_in() {
    let ldap = Portal::start("[ldap]\ndomains = [\"example.org\"]\nurl = \"ldaps://127.0.0.1:1\"\nbind_template = \"uid={user}\"\n");
    let oidc = Portal::start(
        "[oidc]\ndomains = [\"example.org\"]\nissuer = \"https://127.0.0.1:1\"\nname = \"Example ID\"\nclient_id = \"cloister\"\n",
    );
    for p in [&ldap, &oidc] {
        let out = p.cl.cli(&["user", "add", "ann@example.org"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let text = ldap.mail_to("ann@example.org", "secure message portal", 0);
    assert!(text.contains("usual password") && !text.contains("sign-in code"), "{text}");
    let text = oidc.mail_to("ann@example.org", "secure message portal", 0);
    assert!(text.contains("taken to Example ID") && !text.contains("Forgot password"), "{text}");
}
