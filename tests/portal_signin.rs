//! Portal sign-in over real HTTPS against the real binary: two steps, the
//! forced password change, generic failures, throttling, CSRF, sessions and
//! reset links. Mail is caught by a real SMTP sink.

mod common;

use common::portal::{Portal, link_path};

const GOOD: &str = "Correct-Horse-42-battery";

#[test]
fn first_sign_in_forces_a_password_change_then_opens_the_deep_link() {
    let p = Portal::start("");
    let (once, deep) = p.invite("pat@partner.test");
    let mut agent = p.agent();

    let r = agent.get(&deep);
    assert_eq!(r.status, 303);
    assert_eq!(r.location(), format!("/login?next={}", deep.replace('/', "%2F")));

    let r = p.sign_in(&mut agent, "pat@partner.test", &once, &deep);
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location().starts_with("/password/change?why=first&next="), "{}", r.location());
    let cookie = r
        .all("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("__Host-cloister="))
        .expect("session cookie");
    for flag in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} in {cookie}");
    }
    assert!(!cookie.contains("Domain"), "host-only: {cookie}");

    // Nothing else until the password is changed.
    let r = agent.get(&deep);
    assert_eq!(r.status, 303);
    assert!(r.location().starts_with("/password/change"), "{}", r.location());
    let page = agent.get("/password/change?why=first");
    assert!(
        page.body.contains("id=\"password-rules\"") && page.body.contains("data-rule=\"length\""),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("current_password"),
        "a forced change does not ask the current password again"
    );
    let csrf = page.field("csrf");
    let change = |agent: &mut common::https::Agent, new: &str, confirm: &str| {
        agent.post(
            "/password/change",
            &[
                ("csrf", &csrf),
                ("new_password", new),
                ("confirm_password", confirm),
                ("next", &deep),
            ],
        )
    };
    let r = change(&mut agent, "short", "short");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("data-rule=\"length\" class=\"bad\""), "{}", r.body);
    let r = change(&mut agent, GOOD, "Correct-Horse-42-batterz");
    assert!(r.body.contains("not the same"), "{}", r.body);
    let r = change(&mut agent, "Pat@Partner.Test", "Pat@Partner.Test");
    assert!(r.body.contains("data-rule=\"not_address\" class=\"bad\""), "{}", r.body);
    let r = change(&mut agent, &once, &once);
    assert!(r.body.contains("data-rule=\"not_current\" class=\"bad\""), "{}", r.body);

    let r = change(&mut agent, GOOD, GOOD);
    assert_eq!((r.status, r.location()), (303, deep.as_str()), "{}", r.body);
    let r = agent.get(&deep);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body.contains("<h1 id=\"subject\">Contract draft</h1>"),
        "the deep link opens the message: {}",
        r.body
    );

    // The one-time password is gone; the new one works.
    let mut other = p.agent();
    let r = p.sign_in(&mut other, "pat@partner.test", &once, "/");
    assert_eq!(r.status, 200, "old password refused");
    let r = p.sign_in(&mut other, "PAT@partner.test", GOOD, "/");
    assert_eq!((r.status, r.location()), (303, "/"), "address case does not matter");
}

/// Step 2 of sign-in, posted straight away.
fn post_password(agent: &mut common::https::Agent, csrf: &str, address: &str, password: &str) -> common::https::Response {
    agent.post(
        "/login/password",
        &[("csrf", csrf), ("address", address), ("password", password), ("next", "/")],
    )
}

/// The failure page with the typed address and the CSRF token blanked out.
fn failure_body(body: &str, address: &str, csrf: &str) -> String {
    body.replace(address, "ADDRESS")
        .replace(&address.replace('@', "%40"), "ADDRESS")
        .replace(csrf, "CSRF")
}

#[test]
fn every_sign_in_failure_looks_the_same_and_takes_as_long() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("pat@partner.test", GOOD);
    let _ = agent.post("/logout", &[]);
    let mut agent = p.agent();
    let csrf = agent.get("/login").field("csrf");
    let mut attempt = |address: &str, password: &str| {
        let r = post_password(&mut agent, &csrf, address, password);
        assert_eq!(r.status, 200, "{address}: refused");
        (failure_body(&r.body, address, &csrf), r.elapsed)
    };
    let (wrong, t_wrong) = attempt("pat@partner.test", "Wrong-password-1");
    let (unknown, t_unknown) = attempt("nobody@partner.test", "Wrong-password-1");
    assert!(wrong.contains("Sign-in failed."), "{wrong}");
    assert_eq!(wrong, unknown, "unknown address and wrong password read the same");
    // Both do the same password hashing work (no early exit for unknown accounts).
    let (slow, fast) = (t_wrong.max(t_unknown), t_wrong.min(t_unknown));
    assert!(
        slow.as_secs_f64() < fast.as_secs_f64() * 3.0 + 0.05,
        "timing differs: {t_wrong:?} vs {t_unknown:?}"
    );
}

/// Regression: a locked-out user who typed the right password was told to
/// check the address and password. Now the right password (and only it) is
/// told until when, and whom to ask; a wrong one learns nothing, and the lock
/// allows only as many such checks as its threshold.
#[test]
fn repeated_failures_lock_the_address_without_revealing_whether_it_exists() {
    let p = Portal::start("[portal]\nlockout_threshold = 3\n[notify]\nsupport_contact = \"help@example.org\"\n");
    let _ = p.signed_in_user("pat@partner.test", GOOD);
    let mut agent = p.agent();
    let csrf = agent.get("/login").field("csrf");
    let mut attempt = |address: &str, password: &str| {
        let r = post_password(&mut agent, &csrf, address, password);
        (r.status, failure_body(&r.body, address, &csrf))
    };
    for _ in 0..3 {
        attempt("pat@partner.test", "Wrong-password-1");
        attempt("ghost@partner.test", "Wrong-password-1");
    }
    let (_, wrong_real) = attempt("pat@partner.test", "Wrong-password-2");
    let (_, locked_ghost) = attempt("ghost@partner.test", GOOD);
    assert_eq!(wrong_real, locked_ghost, "a lock looks the same for an unknown address");
    assert!(locked_ghost.contains("Sign-in failed"), "{locked_ghost}");
    let (status, right_real) = attempt("pat@partner.test", GOOD);
    assert_eq!(status, 200, "the right password is refused while locked");
    assert!(
        right_real.contains("This account is locked after too many failed sign-ins, until 20")
            && right_real.contains("Help: help@example.org"),
        "{right_real}"
    );
    // Three checks per lock (the threshold): the fourth try learns nothing, right or not.
    let _ = attempt("pat@partner.test", "Wrong-password-3");
    let (_, after_probes) = attempt("pat@partner.test", GOOD);
    assert_eq!(after_probes, locked_ghost, "no more checks during this lock");
    // Another address is not affected by pat's lock.
    let _ = p.signed_in_user("sam@partner.test", GOOD);
}

#[test]
fn forms_without_the_right_csrf_token_or_from_another_site_are_refused() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("pat@partner.test", GOOD);
    let home = agent.get("/");
    assert_eq!(home.status, 200);
    let csrf = home.field("csrf");
    assert_eq!(agent.post("/logout", &[]).status, 403, "no token");
    assert_eq!(agent.post("/logout", &[("csrf", "forged")]).status, 403, "wrong token");
    let body = format!("csrf={csrf}");
    let r = agent.request("POST", "/logout", Some(&body), &[("Origin", "https://evil.example")]);
    assert_eq!(r.status, 403, "cross-site origin");
    assert_eq!(agent.get("/").status, 200, "still signed in");

    let mut anon = p.agent();
    let pre = anon.get("/login").field("csrf");
    assert_eq!(anon.post("/login", &[("address", "pat@partner.test")]).status, 403);
    assert_eq!(
        anon.post("/login", &[("csrf", "nope"), ("address", "pat@partner.test")]).status,
        403
    );
    assert_eq!(anon.post("/forgot", &[("address", "pat@partner.test")]).status, 403);
    anon.cookies.clear();
    assert_eq!(
        anon.post("/login", &[("csrf", &pre), ("address", "pat@partner.test")]).status,
        403,
        "token without its cookie"
    );

    let r = agent.post("/logout", &[("csrf", &csrf)]);
    assert_eq!((r.status, r.location()), (303, "/login?notice=signed-out"));
}

#[test]
fn sign_out_ends_the_session_on_the_server() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("pat@partner.test", GOOD);
    let saved = agent.cookies.clone();
    let csrf = agent.get("/").field("csrf");
    agent.post("/logout", &[("csrf", &csrf)]);
    agent.cookies = saved;
    let r = agent.get("/");
    assert_eq!((r.status, r.location()), (303, "/login?next=%2F"), "the old cookie no longer works");
}

#[test]
fn sessions_page_lists_sessions_and_ends_the_others() {
    let p = Portal::start("");
    let mut first = p.signed_in_user("pat@partner.test", GOOD);
    let mut second = p.agent();
    second.browser = "Second-Browser/2".into();
    assert_eq!(p.sign_in(&mut second, "pat@partner.test", GOOD, "/").status, 303);
    let page = first.get("/account/sessions");
    assert!(
        page.body.contains("Second-Browser") && page.body.contains("(this one)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Previous sign-in"), "{}", page.body);
    let csrf = page.field("csrf");
    let r = first.post("/account/sessions/end-others", &[("csrf", &csrf)]);
    assert_eq!(r.status, 303);
    assert_eq!(second.get("/").status, 303, "the other session ended");
    assert_eq!(first.get("/").status, 200, "this one goes on");
}

#[test]
fn reset_link_get_never_uses_it_post_does_once_and_a_newer_link_voids_older_ones() {
    let p = Portal::start("[password]\nreset_interval_secs = 1");
    let mut signed = p.signed_in_user("pat@partner.test", GOOD);
    let mut agent = p.agent();
    let csrf = agent.get("/forgot").field("csrf");
    for n in 0..2 {
        let r = agent.post("/forgot", &[("csrf", &csrf), ("address", "pat@partner.test")]);
        assert!(r.body.contains("class=\"notice\""), "{}", r.body);
        p.mail_to("pat@partner.test", "/reset/", n);
        // One link per account per password.reset_interval_secs.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let older = link_path(&p.mail_to("pat@partner.test", "/reset/", 0), "/reset/");
    let newer = link_path(&p.mail_to("pat@partner.test", "/reset/", 1), "/reset/");
    assert_ne!(older, newer);
    assert_eq!(agent.get(&older).status, 404, "a newer request voids the older link");
    for _ in 0..2 {
        let r = agent.get(&newer);
        assert_eq!(r.status, 200, "a GET (a mail scanner) does not use the link up");
        assert!(r.body.contains("id=\"reset\""), "{}", r.body);
    }
    let new = "Another-Strong-Pass-7";
    let weak = agent.post(&newer, &[("csrf", &csrf), ("new_password", "weak"), ("confirm_password", "weak")]);
    assert!(weak.body.contains("class=\"bad\""), "policy enforced on reset: {}", weak.body);
    let r = agent.post(&newer, &[("csrf", &csrf), ("new_password", new), ("confirm_password", new)]);
    assert_eq!((r.status, r.location()), (303, "/login?notice=password-set"), "{}", r.body);
    let again = agent.post(&newer, &[("csrf", &csrf), ("new_password", new), ("confirm_password", new)]);
    assert_eq!(again.status, 404, "one use only");
    assert!(again.body.contains("no longer works"));
    assert_eq!(signed.get("/").status, 303, "a reset ends every session");
    assert_eq!(
        p.sign_in(&mut agent, "pat@partner.test", GOOD, "/").status,
        200,
        "old password gone"
    );
    assert_eq!(p.sign_in(&mut agent, "pat@partner.test", new, "/").status, 303);
}

#[test]
fn forgot_password_answers_the_same_for_unknown_addresses_and_mails_only_real_ones() {
    let p = Portal::start("");
    let _ = p.signed_in_user("pat@partner.test", GOOD);
    let mut agent = p.agent();
    let csrf = agent.get("/forgot").field("csrf");
    let known = agent.post("/forgot", &[("csrf", &csrf), ("address", "pat@partner.test")]);
    let unknown = agent.post("/forgot", &[("csrf", &csrf), ("address", "nobody@partner.test")]);
    assert_eq!(
        failure_body(&known.body, "pat@partner.test", &csrf),
        failure_body(&unknown.body, "nobody@partner.test", &csrf)
    );
    p.mail_to("pat@partner.test", "/reset/", 0);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(!p.sink.all().iter().any(|m| m.to.iter().any(|t| t == "nobody@partner.test")));
}

#[test]
fn every_response_carries_the_security_headers() {
    let p = Portal::start("");
    let mut agent = p.agent();
    for path in ["/login", "/no-such-page", "/forgot", "/"] {
        let r = agent.get(path);
        let csp = r.header("content-security-policy").unwrap_or_else(|| panic!("CSP on {path}"));
        for part in [
            "default-src 'none'",
            "script-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(part), "{path}: {part} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{path}");
        assert!(
            r.header("strict-transport-security").is_some_and(|v| v.contains("max-age=")),
            "{path}"
        );
    }
    let missing = agent.get("/no-such-page");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Not found"), "friendly page: {}", missing.body);
    // Static files: content-hashed names, cached for good, no inline script anywhere.
    let login = agent.get("/login");
    assert!(
        !login.body.contains("<script>") && !login.body.contains("style="),
        "no inline script or style"
    );
    let css = login
        .body
        .split("href=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#x2f;", "/");
    let r = agent.get(&css);
    assert_eq!(r.status, 200, "{css}");
    assert!(r.header("cache-control").is_some_and(|v| v.contains("immutable")), "{css}");
    // A tab icon in the accent colour, and a link past the header for keyboards.
    let icon = common::https::quoted_after(&login.body, "rel=\"icon\" href=\"").replace("&#x2f;", "/");
    let r = agent.get(&icon);
    assert_eq!((r.status, r.header("content-type")), (200, Some("image/svg+xml")), "{icon}");
    assert!(r.body.starts_with("<svg") && r.body.contains("#1f5fbf"), "{}", r.body);
    assert!(login.body.contains("<a class=\"skip-link\" href=\"#main\">") && login.body.contains("<main id=\"main\""));
    let big = "a".repeat(70 * 1024);
    let r = agent.request("POST", "/login", Some(&format!("address={big}")), &[]);
    assert_eq!(r.status, 413, "form bodies are limited");
}

/// Regression: with `Referrer-Policy: no-referrer` Chromium sends `Origin: null`
/// on same-origin form posts; the CSRF check refused every sign-in in a browser.
#[test]
fn origin_null_from_no_referrer_policy_does_not_block_same_origin_forms() {
    let p = Portal::start("");
    let mut agent = p.agent();
    let csrf = agent.get("/login").field("csrf");
    let body = format!("csrf={csrf}&address=pat%40partner.test&next=%2F");
    let same = [("Origin", "null"), ("Sec-Fetch-Site", "same-origin")];
    let r = agent.request("POST", "/login", Some(&body), &same);
    assert_eq!(r.status, 200, "{}", r.body);
    let cross = [("Origin", "null"), ("Sec-Fetch-Site", "cross-site")];
    assert_eq!(agent.request("POST", "/login", Some(&body), &cross).status, 403);
    let sibling = [("Sec-Fetch-Site", "same-site")];
    assert_eq!(
        agent.request("POST", "/login", Some(&body), &sibling).status,
        403,
        "another site of the same domain"
    );
}

#[test]
fn page_overrides_take_effect_and_broken_ones_stop_the_service() {
    let dir = tempfile::tempdir().unwrap();
    let set = format!("web.template_dir={}", dir.path().display());
    std::fs::write(
        dir.path().join("error.html"),
        "{% extends \"_layout.html\" %}{% block content %}{% if %}{% endblock %}",
    )
    .unwrap();
    let p = Portal::start("");
    let out = p.cl.cli(&["check-config", "--set", &set]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a broken page override is refused");
    assert!(
        err.contains("web.template_dir") && err.contains("error.html:1"),
        "names the key, file and line: {err}"
    );
    std::fs::write(dir.path().join("eror.html"), "x").unwrap();
    std::fs::write(dir.path().join("error.html"), "OVERRIDDEN {{ title }}").unwrap();
    let out = p.cl.cli(&["check-config", "--set", &set]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a page name"),
        "a misnamed file is refused"
    );
    std::fs::remove_file(dir.path().join("eror.html")).unwrap();
    let out = p.cl.cli(&["check-config", "--set", &set]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The running service uses the override.
    let mut p = p;
    p.cl.stop();
    let config = std::fs::read_to_string(&p.cl.config).unwrap();
    let line = format!("[web]\ntemplate_dir = \"{}\"\n", dir.path().display());
    std::fs::write(&p.cl.config, config.replacen("[web]\n", &line, 1)).unwrap();
    p.cl.launch();
    let r = p.agent().get("/no-such-page");
    assert_eq!(r.status, 404);
    assert_eq!(r.body, "OVERRIDDEN Not found");
}

#[test]
fn shutdown_lets_a_request_in_flight_finish() {
    let mut p = Portal::start("");
    let mut agent = p.agent();
    let csrf = agent.get("/login").field("csrf");
    let pre = agent.cookies.get("__Host-cloister-pre").cloned().unwrap();
    let body = format!("csrf={csrf}&address=late%40partner.test&next=%2F");
    let mut tls = agent.connect();
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: cloister.test\r\nCookie: __Host-cloister-pre={pre}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    std::io::Write::write_all(&mut tls, head.as_bytes()).unwrap();
    std::io::Write::write_all(&mut tls, &body.as_bytes()[..10]).unwrap();
    std::io::Write::flush(&mut tls).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.cl.signal_term();
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        p.cl.wait_exit(std::time::Duration::from_millis(10)).is_none(),
        "it waits for the request in flight"
    );
    std::io::Write::write_all(&mut tls, &body.as_bytes()[10..]).unwrap();
    let mut answer = Vec::new();
    let _ = std::io::Read::read_to_end(&mut tls, &mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("login-password"), "the whole page arrives: {answer}");
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "and the connection closes: {answer}"
    );
    let status = p.cl.wait_exit(std::time::Duration::from_secs(5)).expect("then it exits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn password_change_issues_a_new_session_token() {
    let p = Portal::start("");
    let mut agent = p.signed_in_user("rex@partner.test", GOOD);
    let before = agent.cookies.get("__Host-cloister").cloned().unwrap();
    let csrf = agent.get("/password/change").field("csrf");
    let newer = "Another-Horse-43-battery";
    let r = agent.post(
        "/password/change",
        &[
            ("csrf", &csrf),
            ("current_password", GOOD),
            ("new_password", newer),
            ("confirm_password", newer),
            ("next", "/"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let after = agent.cookies.get("__Host-cloister").cloned().unwrap();
    assert_ne!(before, after, "a new token after the change");
    assert_eq!(agent.get("/").status, 200, "the new token works");
    let mut stale = p.agent();
    stale.cookies.insert("__Host-cloister".into(), before);
    assert_eq!(stale.get("/").status, 303, "the old token no longer does");
}
