//! One appliance, three internal domains, three ways in (issue 24: "per
//! internal domain, a sign-in method"): example.org at the directory (a real
//! `slapd`, direct bind over LDAPS), cloud.test at the OpenID provider (a real
//! `oidc-provider`), branch.test with Cloister's own emailed code. The
//! address step sends each to its own way, and no way lets another
//! domain's users in.

mod common;

use common::Cloister;
use common::https::Agent;
use common::oidc::{Provider, User};
use common::portal::Portal;
use common::sink::Sink;
use common::slapd::{Person, Slapd};

const ANN_PW: &str = "ann-directory-pw";

const CLOUD_USERS: &[User<'static>] = &[User {
    hint: "cara@cloud.test",
    sub: "cara",
    email: "cara@cloud.test",
    verified: true,
    groups: &["staff"],
}];

/// The appliance with all three, and the servers it asks.
fn start() -> (Portal, Slapd, Provider, tempfile::TempDir) {
    let slapd = Slapd::start(&[Person {
        uid: "ann",
        mail: "ann@example.org",
        password: ANN_PW,
        groups: &[],
    }]);
    let dir = tempfile::tempdir().unwrap();
    let provider_ca = dir.path().join("provider-ca.pem");
    std::fs::write(&provider_ca, "").unwrap();
    let provider_port = common::free_port();
    let config = format!(
        "[ldap]\ndomains = [\"example.org\"]\nurl = \"ldaps://127.0.0.1:{}\"\nca_file = \"{}\"\n\
         bind_template = \"uid={{user}},ou=people,dc=example,dc=org\"\n\
         [oidc]\ndomains = [\"cloud.test\"]\nissuer = \"{}\"\nname = \"Cloud ID\"\nclient_id = \"cloister\"\n\
         ca_file = \"{}\"\n",
        slapd.tls_port,
        slapd.ca.display(),
        Provider::issuer(provider_port),
        provider_ca.display()
    );
    let sink = Sink::start();
    let mut cl = Cloister::prepare(sink.port, "", &config);
    cl.edit_config(|c| {
        c.replace(
            "internal_domains = [\"example.org\"]",
            "internal_domains = [\"example.org\", \"cloud.test\", \"branch.test\"]",
        )
    });
    cl.launch();
    let p = Portal { cl, sink };
    let redirect = format!("https://cloister.test:{}/auth/oidc/callback", p.cl.https.port());
    let provider = Provider::start(provider_port, &redirect, CLOUD_USERS, &[]);
    std::fs::copy(&provider.ca, &provider_ca).unwrap();
    (p, slapd, provider, dir)
}

/// The address step for `address`: (the browser, the answer).
fn address_step(p: &Portal, address: &str) -> (Agent, common::https::Response) {
    let mut browser = p.agent();
    let page = browser.get("/login");
    let r = browser.post("/login", &[("csrf", &page.field("csrf")), ("address", address), ("next", "/")]);
    (browser, r)
}

#[test]
fn each_internal_domain_signs_in_its_own_way() {
    let (p, _slapd, provider, _dir) = start();

    // The directory's domain: its password, asked on step 2.
    let (_, r) = address_step(&p, "ann@example.org");
    assert_eq!(r.status, 200, "step 2, not a redirect: {}", r.body);
    let mut ann = p.agent();
    let r = p.sign_in(&mut ann, "ann@example.org", ANN_PW, "/");
    assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);

    // The provider's domain: the address step sends the browser there and it comes back signed in.
    let (mut cara, r) = address_step(&p, "cara@cloud.test");
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location().starts_with(&Provider::issuer(provider.port)), "{}", r.location());
    let back = provider.sign_in_at(&mut provider.agent(), r.location());
    let path = back.strip_prefix(&format!("https://cloister.test:{}", p.cl.https.port())).unwrap();
    assert_eq!(cara.get(path).status, 303);
    assert_eq!(cara.get("/").status, 200, "cara signed in at the provider");

    // The third domain: Cloister's own emailed code (the sender got an account by sending).
    p.cl.send_one("dan@branch.test", &["pat@partner.test"], "[secure] Branch report");
    let (_, r) = address_step(&p, "dan@branch.test");
    assert_eq!(r.status, 200, "step 2: {}", r.body);
    let mut dan = p.agent();
    let r = p.code_sign_in(&mut dan, "dan@branch.test", 0);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(dan.get("/").status, 200, "dan signed in with the emailed code");

    // No way lets another domain's users in: the directory password is not
    // asked of the provider's users, and no code is mailed to them.
    let mut guess = p.agent();
    let page = guess.get("/login");
    let forged = [
        ("csrf", page.field("csrf")),
        ("address", "cara@cloud.test".into()),
        ("password", ANN_PW.into()),
    ];
    let forged: Vec<(&str, &str)> = forged.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = guess.post("/login/password", &forged);
    assert_ne!(r.status, 303, "{}", r.body);
    let r = p.request_code(&mut guess, "cara@cloud.test", "/");
    assert_ne!(r.status, 303, "{}", r.body);
    assert_eq!(guess.get("/").status, 303, "no session");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let to_cara = p
        .sink
        .all()
        .into_iter()
        .filter(|m| m.to.iter().any(|r| r.contains("cara@cloud.test")))
        .count();
    assert_eq!(to_cara, 0, "no code mailed to a provider user");
    let r = p.sign_in(&mut guess, "dan@branch.test", ANN_PW, "/");
    assert!(r.body.contains("Sign-in failed"), "{}", r.body);

    // check-config asks the directory and the provider, which answer.
    let out = p.cl.cli(&["check-config"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !said.contains("did not answer"), "{said}");

    let audit = String::from_utf8_lossy(&p.cl.cli(&["audit"]).stdout).into_owned();
    for (who, how) in [
        ("ann@example.org", "the directory password"),
        ("cara@cloud.test", "the organisation's provider"),
        ("dan@branch.test", ""),
    ] {
        assert!(audit.contains(&format!("{who}  signed in with {how}")), "{who}: {audit}");
    }
}
