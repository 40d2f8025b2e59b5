//! Internal users sign in with the organisation's directory: a real `OpenLDAP`
//! (`slapd`, started here on loopback with LDAPS and `StartTLS` and a test CA)
//! against the real binary over HTTPS and SMTP. Right and wrong passwords,
//! a user outside the portal's groups, the secure-send group in compose and
//! over SMTP, the directory down (the emailed code still works), a leaver
//! signed out at the next check, and a direct bind by DN template.

mod common;

use std::time::Duration;

use common::https::{Agent, Response};
use common::portal::{Portal, compose_fields, post_compose};
use common::slapd::{Person, SERVICE_DN, SERVICE_PASSWORD, Slapd};
use common::wait_for;

const ANN_PW: &str = "ann-directory-pw";
const BEN_PW: &str = "ben-directory-pw";
const CARL_PW: &str = "carl-directory-pw";

fn people() -> Vec<Person<'static>> {
    vec![
        Person {
            uid: "ann",
            mail: "ann@example.org",
            password: ANN_PW,
            groups: &["cloister-users", "secure-senders"],
        },
        Person {
            uid: "ben",
            mail: "ben@example.org",
            password: BEN_PW,
            groups: &["cloister-users"],
        },
        Person {
            uid: "carl",
            mail: "carl@example.org",
            password: CARL_PW,
            groups: &[],
        },
    ]
}

/// The `[ldap]` section for `slapd`: search-then-bind with the service account over LDAPS.
fn search_config(slapd: &Slapd, dir: &std::path::Path) -> String {
    let secret = dir.join("ldap-bind-password");
    std::fs::write(&secret, format!("{SERVICE_PASSWORD}\n")).unwrap();
    format!(
        "[ldap]\ndomains = [\"example.org\"]\nurl = \"ldaps://127.0.0.1:{}\"\nca_file = \"{}\"\n\
         bind_dn = \"{SERVICE_DN}\"\nbind_password_file = \"{}\"\nbase_dn = \"ou=people,dc=example,dc=org\"\n\
         user_filter = \"(&(objectClass=inetOrgPerson)(mail={{address}}))\"\n\
         secure_groups = [\"secure-senders\"]\nportal_groups = [\"cloister-users\"]\nrecheck_minutes = 0.05\n",
        slapd.tls_port,
        slapd.ca.display(),
        secret.display()
    )
}

fn sign_in(p: &Portal, address: &str, password: &str) -> (Agent, Response) {
    let mut agent = p.agent();
    let r = p.sign_in(&mut agent, address, password, "/");
    (agent, r)
}

fn compose_secure(agent: &mut Agent, subject: &str) -> Response {
    let page = agent.get("/compose");
    let fields = compose_fields(
        &page,
        &["csrf", "draft"],
        &[
            ("to", "pat@partner.test"),
            ("subject", subject),
            ("body", "Directory-checked."),
            ("mode", "external"),
        ],
    );
    post_compose(agent, &fields, &[])
}

#[test]
fn directory_users_sign_in_and_their_groups_decide_who_sends_secure() {
    let keys = tempfile::tempdir().unwrap();
    let slapd = Slapd::start(&people());
    let p = Portal::start(&search_config(&slapd, keys.path()));

    let (_, wrong) = sign_in(&p, "ann@example.org", "not-her-password");
    assert_eq!(wrong.status, 200);
    assert!(wrong.body.contains("Sign-in failed"), "{}", wrong.body);
    let (_, unknown) = sign_in(&p, "zed@example.org", "whatever-pw");
    assert!(unknown.body.contains("Sign-in failed"), "the same words: {}", unknown.body);
    // A wildcard in the address is a character, not a pattern: unescaped,
    // "(mail=ann*@…)" would have found Ann and opened a new account with her password.
    for hostile in ["ann*@example.org", "an*@example.org", "ann @example.org"] {
        let (_, r) = sign_in(&p, hostile, ANN_PW);
        assert!(r.body.contains("Sign-in failed"), "{hostile}: {}", r.body);
    }
    let users = String::from_utf8_lossy(&p.cl.cli(&["user", "list", "--json"]).stdout).into_owned();
    assert!(!users.contains('*'), "no account for a pattern: {users}");
    let (_, outside) = sign_in(&p, "carl@example.org", CARL_PW);
    assert!(
        outside.body.contains("turned off sign-in"),
        "outside the portal's groups: {}",
        outside.body
    );

    let (mut ann, r) = sign_in(&p, "ann@example.org", ANN_PW);
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    assert_eq!(ann.get("/").status, 200);
    let (mut ben, r) = sign_in(&p, "ben@example.org", BEN_PW);
    assert_eq!(r.status, 303, "{}", r.body);

    // The password is the directory's: nothing to change or reset here.
    let change = ann.get("/password/change");
    assert!(
        change.body.contains("id=\"password-directory\"") && !change.body.contains("new_password"),
        "{}",
        change.body
    );
    let mut stranger = p.agent();
    let forgot = stranger.get("/forgot");
    let r = stranger.post("/forgot", &[("csrf", &forgot.field("csrf")), ("address", "ann@example.org")]);
    assert!(r.body.contains("id=\"forgot-directory\""), "{}", r.body);

    // In the secure-send group: sent. Not in it: refused with why, the draft kept.
    assert_eq!(compose_secure(&mut ann, "From Ann").status, 303);
    // The admin's directory page says where that comes from.
    let boss = common::admin::add(&p.cl, "boss");
    let mut console = common::admin::signed_in(&p.cl, &boss);
    let page = console.get("/admin/user?address=ann%40example.org");
    assert!(page.body.contains("allowed: from LDAP group"), "{}", page.body);
    assert!(page.body.contains("uid=ann,"), "{}", page.body);
    let refused = compose_secure(&mut ben, "From Ben");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("not allowed you to send secure messages"), "{}", refused.body);

    // Over SMTP the header is honoured for Ann only.
    p.secure_header_honoured_only_for("ann@example.org", "ben@example.org");
}

#[test]
fn the_directory_down_leaves_the_code_and_a_leaver_is_signed_out() {
    let keys = tempfile::tempdir().unwrap();
    let mut slapd = Slapd::start(&people());
    let p = Portal::start(&search_config(&slapd, keys.path()));
    let (mut ann, r) = sign_in(&p, "ann@example.org", ANN_PW);
    assert_eq!(r.status, 303, "{}", r.body);
    let (mut ben, r) = sign_in(&p, "ben@example.org", BEN_PW);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(ben.get("/").status, 200);

    slapd.stop();
    // However often she tries, a directory that is down locks nobody out.
    for _ in 0..8 {
        let (_, r) = sign_in(&p, "ann@example.org", ANN_PW);
        assert!(r.body.contains("unavailable just now"), "{}", r.body);
    }
    let mut by_code = p.agent();
    let r = p.code_sign_in(&mut by_code, "ann@example.org", 0);
    assert_eq!(r.status, 303, "the emailed code still works: {}", r.body);
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(ann.get("/").status, 200, "a directory that cannot be asked ends nobody's session");

    slapd.resume();
    slapd.modify(&format!("dn: {}\nchangetype: delete\n", Slapd::dn("ben")));
    // Ben's stored answer ages past recheck_minutes (3 s): his next request asks again.
    let out = wait_for(Duration::from_secs(90), || (ben.get("/").status == 303).then_some(()));
    assert!(out.is_some(), "the leaver is signed out");
    let audit = String::from_utf8_lossy(&p.cl.cli(&["audit"]).stdout).into_owned();
    assert!(
        audit.contains("ben@example.org is no longer in the directory (1 session ended)"),
        "{audit}"
    );
    let (_, r) = sign_in(&p, "ben@example.org", BEN_PW);
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);
    // Nor does an emailed code let the leaver back in.
    let mut by_code = p.agent();
    let r = p.code_sign_in(&mut by_code, "ben@example.org", 0);
    assert_ne!(r.status, 303, "{}", r.body);
    assert_eq!(by_code.get("/").status, 303);
    assert_eq!(ann.get("/").status, 200, "the others stay");
}

#[test]
fn a_direct_bind_by_template_over_starttls_needs_no_service_account() {
    let slapd = Slapd::start(&people());
    let config = format!(
        "[ldap]\ndomains = [\"example.org\"]\nurl = \"ldap://127.0.0.1:{}\"\nca_file = \"{}\"\n\
         bind_template = \"uid={{user}},ou=people,dc=example,dc=org\"\nsecure_groups = [\"secure-senders\"]\n",
        slapd.port,
        slapd.ca.display()
    );
    let p = Portal::start(&config);
    let (_, r) = sign_in(&p, "ann@example.org", ANN_PW);
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    let (_, r) = sign_in(&p, "ann@example.org", BEN_PW);
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);
    // Groups come from the user's own entry (memberOf), read as themselves.
    let (mut ann, _) = sign_in(&p, "ann@example.org", ANN_PW);
    assert_eq!(compose_secure(&mut ann, "Ann by template").status, 303);
    let (mut ben, r) = sign_in(&p, "ben@example.org", BEN_PW);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(compose_secure(&mut ben, "Ben by template").status, 422, "not in the secure group");
}

#[test]
fn a_bad_directory_setting_is_named_by_check_config() {
    let p = Portal::start("");
    let bad = [
        ("--set=ldap.domains=[\"other.test\"]", "ldap.domains.0"),
        ("--set=ldap.url=http://dc1", "ldap.url"),
        ("--set=ldap.ca_file=/nonexistent/ca.pem", "ldap.ca_file"),
        ("--set=ldap.ca_file=/etc/hostname", "ldap.ca_file"),
    ];
    for (setting, key) in bad {
        let extra = [
            "--set=ldap.domains=[\"example.org\"]",
            "--set=ldap.url=ldaps://dc1.example.org",
            "--set=ldap.base_dn=dc=x",
            "--set=ldap.bind_template=uid={user}",
        ];
        let mut args = vec!["check-config"];
        // "--set=ldap.url=…" replaces the good "--set=ldap.url=…".
        let name = &setting[..=setting[6..].find('=').unwrap() + 6];
        args.extend(extra.iter().filter(|e| !e.starts_with(name)));
        args.push(setting);
        let out = p.cl.cli(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && said.contains(key), "{setting}: {said}");
    }
    // A directory that does not answer is named, as a warning (it may be down for now).
    let closed = format!("--set=ldap.url=ldaps://127.0.0.1:{}", common::free_port());
    let out = p.cl.cli(&[
        "check-config",
        "--set=ldap.domains=[\"example.org\"]",
        &closed,
        "--set=ldap.base_dn=dc=x",
        "--set=ldap.bind_template=uid={user}",
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("warning: `ldap.url`") && said.contains("did not answer"),
        "{said}"
    );
}

#[test]
fn sign_ins_and_checks_reuse_directory_connections_and_survive_a_restart() {
    // Each sign-in and each check once opened its own LDAPS connection (a
    // TLS handshake each); now they are kept open between uses.
    let keys = tempfile::tempdir().unwrap();
    let mut slapd = Slapd::start(&people());
    let proxy = common::proxy::CountingProxy::start(slapd.tls_port);
    let config = search_config(&slapd, keys.path()).replace(
        &format!("ldaps://127.0.0.1:{}", slapd.tls_port),
        &format!("ldaps://127.0.0.1:{}", proxy.port),
    );
    let p = Portal::start(&config);
    for _ in 0..3 {
        assert_eq!(sign_in(&p, "ann@example.org", ANN_PW).1.status, 303);
    }
    let (_, wrong) = sign_in(&p, "ann@example.org", "not-her-password");
    assert!(wrong.body.contains("Sign-in failed"), "{}", wrong.body);
    let (mut ann, _) = sign_in(&p, "ann@example.org", ANN_PW);
    std::thread::sleep(std::time::Duration::from_secs(4));
    assert_eq!(ann.get("/").status, 200, "looked up again after recheck_minutes");
    assert_eq!(proxy.accepted(), 1, "five sign-ins and a check over one connection");

    // The directory restarted: the waiting connection is dead; the next sign-in opens another.
    slapd.stop();
    slapd.resume();
    assert_eq!(sign_in(&p, "ann@example.org", ANN_PW).1.status, 303);
    assert_eq!(proxy.accepted(), 2);
}
