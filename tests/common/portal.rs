//! A Cloister with its relay sink and helpers for portal tests: invite a
//! recipient by sending them a secure message, read what the sink caught, sign in.

use std::time::Duration;

use super::https::{Agent, Response};
use super::sink::{Caught, Sink};
use super::{Cloister, wait_for};

pub struct Portal {
    pub cl: Cloister,
    pub sink: Sink,
}

/// The decoded text part of a caught mail.
pub fn text_part(m: &Caught) -> String {
    let parsed = mail_parser::MessageParser::default().parse(&m.data).expect("parses");
    parsed.body_text(0).unwrap_or_default().into_owned()
}

/// The path of the first portal link in `text` that contains `marker` (e.g. "/reset/").
/// The one-time password on the `Password:` line of a credentials mail's text.
pub fn password_in(text: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("Password:"))
        .expect("password line")
        .trim()
        .to_string()
}

pub fn link_path(text: &str, marker: &str) -> String {
    let at = text.find(marker).unwrap_or_else(|| panic!("no {marker} link in:\n{text}"));
    text[at..].split_whitespace().next().unwrap().to_string()
}

/// Queue ids of the search results for `q` (one page), newest first.
pub fn search_ids(agent: &mut Agent, q: &str) -> Vec<String> {
    let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let page = agent.get(&format!("/search?q={q}"));
    assert_eq!(page.status, 200, "{}", page.body);
    page.body
        .split("<a href=\"/m/")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

impl Portal {
    pub fn start(extra: &str) -> Self {
        let sink = Sink::start();
        let cl = Cloister::start(sink.port, extra);
        Self { cl, sink }
    }

    pub fn agent(&self) -> Agent {
        Agent::new(self.cl.https, &self.cl.ca_pem())
    }

    /// The `n`-th mail to `to` whose text part contains `needle` (waits for it).
    pub fn mail_to(&self, to: &str, needle: &str, n: usize) -> String {
        wait_for(Duration::from_secs(20), || {
            let found: Vec<String> = self
                .sink
                .all()
                .iter()
                .filter(|m| m.to.iter().any(|t| t == to))
                .map(text_part)
                .filter(|t| t.contains(needle))
                .collect();
            found.get(n).cloned()
        })
        .unwrap_or_else(|| panic!("mail #{n} to {to} containing {needle:?} not caught"))
    }

    /// How many caught mails have a text part containing `needle`.
    pub fn mails_containing(&self, needle: &str) -> usize {
        self.sink.all().iter().filter(|m| text_part(m).contains(needle)).count()
    }

    /// Sends `to` a secure message; returns (one-time password, deep-link path).
    pub fn invite(&self, to: &str) -> (String, String) {
        let id = self.cl.send_one("alice@example.org", &[to], "[secure] Contract draft");
        let password = password_in(&self.mail_to(to, "Password:", 0));
        let notice = self.mail_to(to, "/m/", 0);
        assert!(notice.contains(&id), "the notice links to message {id}");
        (password, link_path(&notice, "/m/"))
    }

    /// Both sign-in steps; returns the answer to the password step.
    #[allow(clippy::unused_self)] // a method, so tests read p.sign_in(..) like the other steps
    pub fn sign_in(&self, agent: &mut Agent, address: &str, password: &str, next: &str) -> Response {
        let page = agent.get(&format!("/login?next={next}"));
        assert_eq!(page.status, 200, "{}", page.body);
        let csrf = page.field("csrf");
        let step2 = agent.post("/login", &[("csrf", &csrf), ("address", address), ("next", next)]);
        assert_eq!(step2.status, 200, "{}", step2.body);
        assert!(step2.body.contains("login-password"), "step 2 asks the password: {}", step2.body);
        agent.post(
            "/login/password",
            &[("csrf", &csrf), ("address", address), ("password", password), ("next", next)],
        )
    }

    /// Asks for a sign-in code for `address` (step 2's button); returns the code page.
    #[allow(clippy::unused_self)]
    pub fn request_code(&self, agent: &mut Agent, address: &str, next: &str) -> Response {
        let page = agent.get(&format!("/login?next={next}"));
        let csrf = page.field("csrf");
        agent.post("/login/code", &[("csrf", &csrf), ("address", address), ("next", next)])
    }

    /// The code in the `n`-th sign-in code mail to `to`.
    pub fn code_mail(&self, to: &str, n: usize) -> String {
        let text = self.mail_to(to, "Your code to sign in", n);
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or_else(|| panic!("no code in:\n{text}"))
            .to_string()
    }

    /// Enters `code` on the code page; returns the answer.
    #[allow(clippy::unused_self)]
    pub fn enter_code(&self, agent: &mut Agent, address: &str, code: &str, next: &str) -> Response {
        let csrf = agent.cookies.get("__Host-cloister-pre").cloned().expect("pre-sign-in cookie");
        agent.post(
            "/login/code/verify",
            &[("csrf", &csrf), ("address", address), ("code", code), ("next", next)],
        )
    }

    /// Signs `address` in with the `n`-th emailed code; returns the answer to the code step.
    pub fn code_sign_in(&self, agent: &mut Agent, address: &str, n: usize) -> Response {
        let r = self.request_code(agent, address, "/");
        assert!(r.body.contains("login-code"), "{}", r.body);
        let code = self.code_mail(address, n);
        self.enter_code(agent, address, &code, "/")
    }

    /// Invites `to`, signs in with the one-time password and sets `new_password`.
    pub fn signed_in_user(&self, to: &str, new_password: &str) -> Agent {
        let (once, _) = self.invite(to);
        let mut agent = self.agent();
        let r = self.sign_in(&mut agent, to, &once, "/");
        assert!(r.location().starts_with("/password/change"), "{r:?}");
        let page = agent.get(r.location());
        let csrf = page.field("csrf");
        let r = agent.post(
            "/password/change",
            &[
                ("csrf", &csrf),
                ("new_password", new_password),
                ("confirm_password", new_password),
                ("next", "/"),
            ],
        );
        assert_eq!((r.status, r.location()), (303, "/"), "{}", r.body);
        agent
    }

    /// `agent` posts the reply form of message `id` with `subject` and `body`;
    /// returns the answer (303 when it was sent).
    #[allow(clippy::unused_self)] // a method, so tests read p.reply(..) like the other steps
    pub fn reply(&self, agent: &mut Agent, id: &str, subject: &str, body: &str) -> Response {
        let form = agent.get(&format!("/m/{id}/reply"));
        assert_eq!(form.status, 200, "{}", form.body);
        let fields = [
            ("csrf", form.field("csrf")),
            ("purpose", form.field("purpose")),
            ("id", form.field("id")),
            ("subject", subject.to_string()),
            ("body", body.to_string()),
        ];
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        agent.post_multipart("/compose", &refs, &[])
    }

    /// Signs an internal user in with an emailed code (their account is made
    /// first unless sending a secure message made it already).
    pub fn internal_user(&self, address: &str) -> Agent {
        let out = self.cl.cli(&["user", "add", address]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() || said.contains("already exists"), "{said}");
        let mut agent = self.agent();
        let r = self.code_sign_in(&mut agent, address, 0);
        assert_eq!(r.status, 303, "{}", r.body);
        agent
    }
}

/// The hidden fields `names` of a compose page, then `extra` (same names replace).
pub fn compose_fields(page: &Response, names: &[&str], extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = names.iter().map(|n| ((*n).to_string(), page.field(n))).collect();
    for (k, v) in extra {
        fields.retain(|(n, _)| n != k);
        fields.push(((*k).to_string(), (*v).to_string()));
    }
    fields
}

/// Posts compose `fields` and `files` to `/compose` as the form does (multipart).
pub fn post_compose(agent: &mut Agent, fields: &[(String, String)], files: &[(&str, &str, &str, &[u8])]) -> Response {
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    agent.post_multipart("/compose", &refs, files)
}

/// Posts the preferences form with everything at its default but `fields`
/// (the page's CSRF token included).
pub fn save_preferences(agent: &mut Agent, fields: &[(&str, &str)]) -> Response {
    let csrf = agent.get("/account/preferences").field("csrf");
    let mut all = vec![
        ("csrf", csrf.as_str()),
        ("date_format", "iso"),
        ("clock_hours", "24"),
        ("week_starts", "monday"),
        ("time_zone", "UTC"),
        ("signature", ""),
        ("language", "en"),
    ];
    for (k, v) in fields {
        all.retain(|(n, _)| n != k);
        all.push((k, v));
    }
    agent.post("/account/preferences", &all)
}

impl Portal {
    /// `honoured` and `ignored` each send a message with `X-Cloister-Secure`
    /// over SMTP: only `honoured`'s is held (whoever decides who may ask).
    pub fn secure_header_honoured_only_for(&self, honoured: &str, ignored: &str) {
        let mut client = super::smtp::Client::connect(self.cl.smtp);
        client.cmd("EHLO x");
        for from in [honoured, ignored] {
            let headers = [
                format!("From: {from}"),
                format!("Subject: Header from {from}"),
                "X-Cloister-Secure: external".to_string(),
            ];
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            let r = client.send(from, &["pat@partner.test"], &super::message(&headers, "Body.\n"));
            assert!(r.starts_with("250"), "{r}");
        }
        let subject = |who: &str| format!("Header from {who}");
        let held = super::wait_for(std::time::Duration::from_secs(10), || {
            let subjects: Vec<String> = self
                .cl
                .messages()
                .iter()
                .map(|m| m["subject"].as_str().unwrap_or("").to_string())
                .collect();
            subjects.contains(&subject(honoured)).then_some(subjects)
        })
        .unwrap_or_else(|| panic!("{honoured}'s message held"));
        assert!(!held.contains(&subject(ignored)), "{ignored}'s header ignored: {held:?}");
    }
}
