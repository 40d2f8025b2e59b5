//! Accounts and passwords an admin gives: "Add user" (external or internal,
//! with or without the first-contact mail), and a password typed twice and
//! held to the policy, or one Cloister makes and shows or mails; each either
//! forces the user to choose their own at the next sign-in or may be kept.
//! Real binary, real HTTPS, mail caught by a real SMTP sink.

mod common;

use common::admin::{self, NewAdmin};
use common::https::Agent;
use common::portal::{Portal, password_in};

const GOOD: &str = "Correct-Horse-42-battery";

fn start() -> (Portal, NewAdmin) {
    let p = Portal::start("");
    let a = admin::add(&p.cl, "root");
    (p, a)
}

fn set(root: &mut Agent, password: &str, confirm: &str, must_change: bool) -> common::https::Response {
    let mut fields = vec![
        ("address", "bob@partner.test"),
        ("action", "set-password"),
        ("new_password", password),
        ("confirm_password", confirm),
    ];
    if must_change {
        fields.push(("must_change", "yes"));
    }
    admin::post(root, "/admin/user", &fields)
}

fn add(root: &mut Agent, address: &str, mail: bool) -> common::https::Response {
    let mut fields = vec![("address", address)];
    if mail {
        fields.push(("mail_password", "yes"));
    }
    admin::post(root, "/admin/user/new", &fields)
}

#[test]
fn an_admin_adds_users_with_or_without_the_first_contact_mail() {
    let (p, a) = start();
    let mut root = admin::signed_in(&p.cl, &a);
    let form = root.get("/admin/user/new?domain=partner.test");
    assert!(
        form.body.contains("value=\"@partner.test\""),
        "the domain is filled in: {}",
        form.body
    );

    let r = add(&mut root, " Quiet@Partner.test ", false);
    assert_eq!(
        (r.status, r.location()),
        (303, "/admin/user?address=quiet%40partner.test&done=added")
    );
    let user = root.get(r.location());
    assert!(user.text_of("state-password").contains("none yet"), "{}", user.body);
    assert!(user.body.contains("nothing was mailed"));

    let r = add(&mut root, "new@partner.test", true);
    assert_eq!(r.location(), "/admin/user?address=new%40partner.test&done=added-mailed");
    let mail = p.mail_to("new@partner.test", "An account has", 0);
    let once = password_in(&mail);
    let mut new = p.agent();
    assert!(
        p.sign_in(&mut new, "new@partner.test", &once, "/")
            .location()
            .starts_with("/password/change")
    );
    assert_eq!(p.mails_containing("Password:"), 1, "nothing went to the quiet one");

    let r = add(&mut root, "new@partner.test", true);
    assert_eq!(r.status, 200);
    assert_eq!(r.text_of("add-error"), "There is already an account for new@partner.test.");
    let r = add(&mut root, "not an address", false);
    assert!(r.text_of("add-error").contains("is not an email address"), "{}", r.body);
    assert!(r.body.contains("value=\"not an address\""), "what was typed comes back");
    let r = add(&mut root, "carol@example.org", true);
    assert!(r.text_of("add-error").contains("internal domain"), "{}", r.body);
    let r = add(&mut root, "carol@example.org", false);
    assert_eq!(r.status, 303);
    assert!(root.get(r.location()).body.contains("internal (signs in with emailed codes)"));
    let mut carol = p.agent();
    assert_eq!(
        p.code_sign_in(&mut carol, "carol@example.org", 0).status,
        303,
        "the internal user signs in with a code"
    );

    let audit = root.get("/admin/audit").body;
    for line in [
        "admin root</td><td>created external account new@partner.test (a one-time password queued to be mailed)",
        "admin root</td><td>created external account quiet@partner.test (no password, nothing mailed)",
        "admin root</td><td>created internal account carol@example.org (no password, nothing mailed)",
    ] {
        assert!(audit.contains(line), "audit lacks {line:?}: {audit}");
    }
    assert_eq!(audit.matches("<td>created ").count(), 3, "refused adds leave no event");
}

#[test]
fn a_chosen_password_typed_twice_is_set_and_forced_or_kept_as_ticked() {
    let (p, a) = start();
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut root = admin::signed_in(&p.cl, &a);

    let r = set(&mut root, "Another-Horse-43-battery", "Another-Horse-43-batterY", true);
    assert_eq!(r.status, 200, "the user page again: {}", r.body);
    assert!(r.text_of("password-error").contains("not the same"), "{}", r.body);
    assert!(!r.body.contains("Another-Horse"), "typed passwords are not sent back");
    let r = set(&mut root, "short", "short", true);
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("data-rule=\"length\" class=\"bad\""),
        "the broken rule is marked: {}",
        r.body
    );
    let mut bob = p.agent();
    assert_eq!(
        p.sign_in(&mut bob, "bob@partner.test", GOOD, "/").location(),
        "/",
        "nothing changed yet"
    );

    let chosen = "Another-Horse-43-battery";
    let r = set(&mut root, chosen, chosen, true);
    assert_eq!(
        (r.status, r.location()),
        (303, "/admin/user?address=bob%40partner.test&done=password-forced")
    );
    assert!(root.get(r.location()).text_of("state-password").contains("must change"));
    assert_eq!(bob.get("/").status, 303, "the user's sessions ended");
    let mut bob = p.agent();
    assert!(p.sign_in(&mut bob, "bob@partner.test", GOOD, "/").body.contains("Sign-in failed"));
    let r = p.sign_in(&mut bob, "bob@partner.test", chosen, "/");
    assert!(r.location().starts_with("/password/change"), "forced: {r:?}");

    let kept = "Third-Horse-44-battery";
    let r = set(&mut root, kept, kept, false);
    assert_eq!(r.location(), "/admin/user?address=bob%40partner.test&done=password-set");
    assert!(!root.get(r.location()).text_of("state-password").contains("must change"));
    let mut bob = p.agent();
    assert_eq!(
        p.sign_in(&mut bob, "bob@partner.test", kept, "/").location(),
        "/",
        "kept without a change"
    );

    let audit = root.get("/admin/audit").body;
    assert!(
        audit.contains("set to one the admin chose (2 sessions ended; must be changed at the next sign-in)"),
        "{audit}"
    );
    assert!(audit.contains("the user may keep it"), "{audit}");
    assert!(
        audit.contains("Admin changes</td><td>admin root</td><td>password for bob@partner.test set to one the admin chose"),
        "filed with the admin's changes: {audit}"
    );
}

#[test]
fn generated_passwords_unticked_may_be_kept_shown_or_mailed() {
    let (p, a) = start();
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut root = admin::signed_in(&p.cl, &a);
    let asked = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "reset-show")],
    );
    assert!(
        !asked.body.contains("name=\"must_change\""),
        "unticked stays unticked through the confirmation"
    );
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "reset-show"), ("confirm", "yes")],
    );
    assert!(r.body.contains("The user may keep it."), "{}", r.body);
    let shown = minijinja_unescape(&r.text_of("new-password"));
    let mut bob = p.agent();
    assert_eq!(p.sign_in(&mut bob, "bob@partner.test", &shown, "/").location(), "/");

    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "reset-mail"), ("confirm", "yes")],
    );
    assert_eq!(r.status, 303);
    let mail = p.mail_to("bob@partner.test", "issued you a new password", 0);
    assert!(mail.contains("You may keep this password"), "{mail}");
    let mailed = password_in(&mail);
    let mut bob = p.agent();
    assert_eq!(
        p.sign_in(&mut bob, "bob@partner.test", &mailed, "/").location(),
        "/",
        "kept without a change"
    );
}

#[test]
fn password_resets_shown_once_or_mailed_work_and_must_be_changed() {
    let (p, a) = start();
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut root = admin::signed_in(&p.cl, &a);
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[
            ("address", "bob@partner.test"),
            ("action", "reset-show"),
            ("confirm", "yes"),
            ("must_change", "yes"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let shown = r.text_of("new-password");
    let mut bob = p.agent();
    assert!(
        p.sign_in(&mut bob, "bob@partner.test", GOOD, "/").body.contains("Sign-in failed"),
        "the old password is gone"
    );
    let r = p.sign_in(&mut bob, "bob@partner.test", &minijinja_unescape(&shown), "/");
    assert!(r.location().starts_with("/password/change"), "{r:?}");

    let r = admin::post(
        &mut root,
        "/admin/user",
        &[
            ("address", "bob@partner.test"),
            ("action", "reset-mail"),
            ("confirm", "yes"),
            ("must_change", "yes"),
        ],
    );
    assert_eq!(r.status, 303);
    let mail = p.mail_to("bob@partner.test", "issued you a new password", 0);
    let mailed = password_in(&mail);
    let mut bob2 = p.agent();
    let r = p.sign_in(&mut bob2, "bob@partner.test", &mailed, "/");
    assert!(r.location().starts_with("/password/change"), "{r:?}");
}

/// Pages escape `/` (and the usual) in text; passwords may contain them.
fn minijinja_unescape(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}
