//! Internal users sign in at the organisation's OpenID provider — a real
//! one, `oidc-provider` on loopback (tests/common/oidc.rs) — over real
//! HTTPS against the real binary: the code flow with PKCE, state and nonce
//! from the address step to a session; the provider's groups deciding who
//! may use the portal and send secure messages; replayed, foreign and
//! forged answers refused; a session sent back to the provider in time.

mod common;

use std::time::Duration;

use common::https::{Agent, Response};
use common::oidc::{Provider, admin_sign_in, back_from, sign_in, start, start_with};
use common::portal::{Portal, compose_fields, post_compose};

fn compose_secure(agent: &mut Agent, subject: &str) -> Response {
    let page = agent.get("/compose");
    let fields = compose_fields(
        &page,
        &["csrf", "draft"],
        &[
            ("to", "pat@partner.test"),
            ("subject", subject),
            ("body", "Provider-checked."),
            ("mode", "external"),
        ],
    );
    post_compose(agent, &fields, &[])
}

#[test]
fn users_sign_in_at_the_provider_and_its_groups_decide() {
    let (p, provider, _dir) = start("");
    let (mut ann, r, path) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    let home = ann.get("/");
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("ann@example.org"), "{}", home.body);
    // The same answer again (a replayed state): refused, no session.
    let mut replay = p.agent();
    let r = replay.get(&path);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Signing in at Example ID did not complete"), "{}", r.body);
    assert_eq!(replay.get("/").status, 303);

    // The address as the provider spells it is the account's, in lower case.
    let (mut ben, r, _) = sign_in(&p, &provider, "ben@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    // In the secure-send group: sent. Not in it: refused with why.
    assert_eq!(compose_secure(&mut ann, "From Ann").status, 303);
    let refused = compose_secure(&mut ben, "From Ben");
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("not allowed you to send secure messages"), "{}", refused.body);
    // Over SMTP the header is honoured for Ann only (the groups of their last sign-in).
    p.secure_header_honoured_only_for("ann@example.org", "ben@example.org");

    // Signed in as an address that is not ours; an unverified address; out of the portal's groups.
    let (_, r, _) = sign_in(&p, &provider, "cat@example.org");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("cat@elsewhere.test, which does not sign in here"), "{}", r.body);
    let (_, r, _) = sign_in(&p, &provider, "dan@example.org");
    assert!(r.body.contains("did not complete"), "{}", r.body);
    let (mut eve, r, _) = sign_in(&p, &provider, "eve@example.org");
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("turned off sign-in"), "{}", r.body);
    assert_eq!(eve.get("/").status, 303, "no session");

    // No password and no emailed code here for the provider's users.
    let mut guess = p.agent();
    let page = guess.get("/login");
    let r = guess.post(
        "/login/password",
        &[
            ("csrf", &page.field("csrf")),
            ("address", "ann@example.org"),
            ("password", "anything"),
            ("next", "/"),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Check the address and password"), "{}", r.body);
    let change = ann.get("/password/change");
    assert!(change.body.contains("sign in at Example ID"), "{}", change.body);

    // The answer brought back by another browser than the one that asked:
    // refused, and the flow stays its own browser's (nobody else can use it up).
    let mut asker = p.agent();
    let page = asker.get("/login");
    let r = asker.post(
        "/login",
        &[("csrf", &page.field("csrf")), ("address", "ben@example.org"), ("next", "/")],
    );
    let path = back_from(&p, &provider, r.location());
    let mut other = p.agent();
    assert!(other.get(&path).body.contains("did not complete"));
    assert_eq!(other.get("/").status, 303, "no session");
    assert_eq!(asker.get(&path).status, 303, "the browser that asked signs in");
    assert!(asker.get(&path).body.contains("did not complete"), "once");

    let audit = String::from_utf8_lossy(&p.cl.cli(&["audit"]).stdout).into_owned();
    assert!(
        audit.contains("ann@example.org  signed in with the organisation's provider"),
        "{audit}"
    );
}

#[test]
fn forged_id_tokens_are_refused() {
    let (p, provider, _dir) = start("");
    for how in ["tampered", "wrong-aud", "expired", "stranger"] {
        provider.forge(how);
        let (mut browser, r, _) = sign_in(&p, &provider, "ann@example.org");
        assert!(r.body.contains("did not complete"), "{how}: {}", r.body);
        assert_eq!(browser.get("/").status, 303, "{how}: no session");
    }
    let (_, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "an honest token still signs in: {}", r.body);
}

#[test]
fn a_session_goes_back_to_the_provider_in_time_and_a_provider_down_is_said() {
    let (p, provider, _dir) = start("recheck_minutes = 0.05\n");
    let (mut ann, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(ann.get("/").status, 200);
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(ann.get("/").status, 303, "the session ended at the re-check");
    // Back at the provider (still signed in there): in again at once.
    let (mut ann, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(ann.get("/").status, 200);

    // A provider that cannot be reached: said, nobody let in.
    let nowhere = common::free_port();
    let down = Portal::start(&format!(
        "[oidc]\ndomains = [\"example.org\"]\nissuer = \"{}\"\nname = \"Example ID\"\nclient_id = \"cloister\"\ntimeout_secs = 2\n",
        Provider::issuer(nowhere)
    ));
    let mut browser = down.agent();
    let page = browser.get("/login");
    let r = browser.post(
        "/login",
        &[("csrf", &page.field("csrf")), ("address", "ann@example.org"), ("next", "/")],
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Signing in at Example ID is unavailable just now"), "{}", r.body);
}

#[test]
fn a_provider_signing_with_es256_and_a_client_secret_signs_in_too() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("client-secret");
    std::fs::write(&secret, "s3cret-for-tests\n").unwrap();
    let extra = format!("client_secret_file = \"{}\"\n", secret.display());
    let (p, provider, _dir) = start_with(&extra, &[("ID_TOKEN_ALG", "ES256"), ("CLIENT_SECRET", "s3cret-for-tests")]);
    let (mut ann, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
    assert_eq!(ann.get("/").status, 200);
    provider.forge("stranger");
    let (_, r, _) = sign_in(&p, &provider, "ann@example.org");
    assert!(r.body.contains("did not complete"), "{}", r.body);
}

#[test]
fn a_bad_provider_setting_is_named_by_check_config() {
    let p = Portal::start("");
    let good = [
        "--set=oidc.domains=[\"example.org\"]",
        "--set=oidc.issuer=https://id.example.org",
        "--set=oidc.client_id=cloister",
    ];
    let bad = [
        ("--set=oidc.domains=[\"other.test\"]", "oidc.domains.0"),
        ("--set=oidc.issuer=http://id.example.org", "oidc.issuer"),
        ("--set=oidc.client_id=", "oidc.client_id"),
        ("--set=oidc.ca_file=/nonexistent/ca.pem", "oidc.ca_file"),
        ("--set=oidc.ca_file=/etc/hostname", "oidc.ca_file"),
        ("--set=oidc.client_secret_file=/nonexistent/secret", "oidc.client_secret_file"),
        ("--set=oidc.recheck_minutes=0", "oidc.recheck_minutes"),
        ("--set=ldap.domains=[\"example.org\"]", "oidc.domains.0"),
    ];
    for (setting, key) in bad {
        let name = &setting[..=setting[6..].find('=').unwrap() + 6];
        let mut args = vec!["check-config"];
        args.extend(good.iter().filter(|g| !g.starts_with(name)));
        args.push(setting);
        let out = p.cl.cli(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && said.contains(key), "{setting}: {said}");
    }
    let mut args = vec!["check-config"];
    args.extend(good);
    let out = p.cl.cli(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A provider that does not answer is named, as a warning (it may be down for now).
    let closed = format!("--set=oidc.issuer=https://127.0.0.1:{}", common::free_port());
    let mut args = vec!["check-config", &closed];
    args.extend(good.iter().filter(|g| !g.starts_with("--set=oidc.issuer")));
    let out = p.cl.cli(&args);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("warning: `oidc.issuer`") && said.contains("did not answer"),
        "{said}"
    );
    args.insert(1, "--offline");
    let out = p.cl.cli(&args);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("did not answer"),
        "--offline asks no server"
    );
}

#[test]
fn members_of_the_admin_groups_sign_in_to_the_console_at_the_provider_and_local_admins_still_can() {
    let (p, provider, _dir) = start("admin_groups = [\"cloister-admins\"]\n");
    let (mut root, r) = admin_sign_in(&p, &provider, "root@example.org");
    // A page, not a redirect: the console's cookie is SameSite=Strict.
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("http-equiv=\"refresh\" content=\"0;url=/admin\""), "{}", r.body);
    let console = root.get("/admin");
    assert_eq!(console.status, 200, "{}", console.body);
    assert!(console.body.contains("root@example.org"), "{}", console.body);

    // The directory shows how a user signs in, their groups, and where secure sending comes from.
    for who in ["ann@example.org", "ben@example.org"] {
        assert_eq!(sign_in(&p, &provider, who).1.status, 303);
    }
    let ann = root.get("/admin/user?address=ann%40example.org");
    assert!(ann.body.contains("Example ID (OpenID Connect)"), "{}", ann.body);
    assert!(ann.body.contains("<code>staff</code>, <code>secure-senders</code>"), "{}", ann.body);
    assert!(ann.body.contains("allowed: from Example ID group secure-senders"), "{}", ann.body);
    let ben = root.get("/admin/user?address=ben%40example.org");
    assert!(
        ben.body.contains("not allowed: in none of the secure-sending groups"),
        "{}",
        ben.body
    );
    // Their password is the provider's: no form for it here, and a forged post changes nothing.
    assert!(
        ann.body.contains("id=\"password-elsewhere\"") && !ann.body.contains("id=\"password-form\""),
        "{}",
        ann.body
    );
    let forged = common::admin::post(
        &mut root,
        "/admin/user",
        &[("address", "ann@example.org"), ("action", "reset-show"), ("confirm", "yes")],
    );
    assert_eq!(forged.status, 404, "{}", forged.body);

    // Staff outside the admin groups: not let in.
    let (mut ben, r) = admin_sign_in(&p, &provider, "ben@example.org");
    assert!(r.body.contains("did not let you into the console"), "{}", r.body);
    assert_eq!(ben.get("/admin").status, 303);
    let out = p.cl.cli(&["audit", "--json", "--status", "admin-sign-in-failed"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("in none of oidc.admin_groups"), "an event says who and why: {said}");

    // The provider's admin has no password here.
    let mut guess = p.agent();
    let page = guess.get("/admin/login");
    let r = guess.post(
        "/admin/login",
        &[
            ("csrf", &page.field("csrf")),
            ("name", "root@example.org"),
            ("password", ""),
            ("code", "123456"),
        ],
    );
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);

    // The local admins are the way in when the provider is down.
    let local = common::admin::add(&p.cl, "breakglass");
    let mut local_agent = common::admin::signed_in(&p.cl, &local);
    assert_eq!(local_agent.get("/admin").status, 200);
}
