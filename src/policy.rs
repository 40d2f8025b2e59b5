//! Per-recipient decision: hold in the vault or relay as ordinary mail.
//!
//! Pure logic over the configuration; no I/O.

use crate::config::{Config, Route, RouteAction};
use crate::model::Decision;

/// The sender-set secure mode (`X-Cloister-Secure`), as the seeds' "CCM mode".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecureMode {
    Off,
    External,
    All,
}

impl SecureMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::External => "external",
            Self::All => "all",
        }
    }

    /// Parses a header value; `None` for anything but off / external / all.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "off" => Some(Self::Off),
            "external" => Some(Self::External),
            "all" => Some(Self::All),
            _ => None,
        }
    }
}

/// What the policy looks at for one message.
pub struct MessageFacts<'a> {
    pub sender: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    /// The secure mode the sender asked for, already checked against `secure_mode_senders`.
    pub mode: Option<SecureMode>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub decision: Decision,
    pub rule: String,
}

fn verdict(decision: Decision, rule: impl Into<String>) -> Verdict {
    Verdict {
        decision,
        rule: rule.into(),
    }
}

/// Decides for one recipient. Order: sender mode "all", internal domains,
/// sender mode "external", route rules, content keywords, default relay.
/// Policies always apply, whatever mode the sender chose (mode "off" only
/// means the sender did not ask for secure delivery).
pub fn decide(config: &Config, facts: &MessageFacts<'_>, recipient: &str) -> Verdict {
    if facts.mode == Some(SecureMode::All) {
        return verdict(Decision::Vault, "header:all");
    }
    if config.is_internal(recipient) {
        return verdict(Decision::Relay, "internal-domain");
    }
    if facts.mode == Some(SecureMode::External) {
        return verdict(Decision::Vault, "header:external");
    }
    if let Some(route) = config.policy.routes.iter().find(|r| route_matches(r, facts.sender, recipient)) {
        return match route.action {
            RouteAction::Vault => verdict(Decision::Vault, format!("route:{}", route.name)),
            RouteAction::TlsFirst => verdict(Decision::TlsFirst, format!("tls-first:{}", route.name)),
        };
    }
    if let Some(k) = find_keyword(&config.policy.subject_keywords, facts.subject) {
        return verdict(Decision::Vault, format!("keyword:{k}"));
    }
    if let Some(k) = find_keyword(&config.policy.body_keywords, facts.body_text) {
        return verdict(Decision::Vault, format!("body-keyword:{k}"));
    }
    verdict(Decision::Relay, "default")
}

/// True when `sender` may set the secure mode header.
pub fn may_set_mode(config: &Config, sender: &str) -> bool {
    config.policy.secure_mode_senders.iter().any(|p| {
        if p == "internal" {
            config.is_internal(sender)
        } else {
            wildcard_match(p, sender)
        }
    })
}

fn route_matches(route: &Route, sender: &str, recipient: &str) -> bool {
    let domain = recipient.rsplit_once('@').map_or("", |(_, d)| d);
    let field = |pattern: &str, value: &str| pattern.is_empty() || wildcard_match(pattern, value);
    field(&route.sender, sender) && field(&route.recipient, recipient) && field(&route.recipient_domain, domain)
}

/// The first keyword found in `text`, case-insensitively.
pub fn find_keyword<'k>(keywords: &'k [String], text: &str) -> Option<&'k str> {
    let haystack = text.to_lowercase();
    keywords.iter().map(String::as_str).find(|k| haystack.contains(&k.to_lowercase()))
}

/// `subject` without the first occurrence of `keyword` (case-insensitive), spaces tidied.
pub fn strip_keyword(subject: &str, keyword: &str) -> String {
    let lower = subject.to_lowercase();
    let needle = keyword.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; only strip when offsets agree.
    match lower.find(&needle) {
        Some(start) if lower.len() == subject.len() && subject.is_char_boundary(start) => {
            let end = start + needle.len();
            let joined = format!("{} {}", subject[..start].trim_end(), subject[end..].trim_start());
            joined.trim().to_string()
        }
        _ => subject.to_string(),
    }
}

/// Case-insensitive match with `*` matching any run of characters.
pub fn wildcard_match(pattern: &str, value: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let v: Vec<char> = value.to_lowercase().chars().collect();
    let (mut pi, mut vi) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while vi < v.len() {
        if pi < p.len() && p[pi] == '*' {
            star = Some((pi, vi));
            pi += 1;
        } else if pi < p.len() && p[pi] == v[vi] {
            pi += 1;
            vi += 1;
        } else if let Some((sp, sv)) = star {
            pi = sp + 1;
            vi = sv + 1;
            star = Some((sp, sv + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let mut c = Config {
            internal_domains: vec!["example.org".into()],
            ..Config::default()
        };
        c.policy.routes = vec![
            Route {
                name: "legal".into(),
                sender: "*@legal.example.org".into(),
                ..Route::default()
            },
            Route {
                name: "bank".into(),
                recipient_domain: "bank.test".into(),
                ..Route::default()
            },
            Route {
                name: "ceo".into(),
                recipient: "ceo@partner.test".into(),
                ..Route::default()
            },
            Route {
                name: "law".into(),
                recipient_domain: "lawfirm.test".into(),
                action: RouteAction::TlsFirst,
                ..Route::default()
            },
        ];
        c.policy.body_keywords = vec!["confidential salary".into()];
        c
    }

    /// sender, subject, body, mode, recipient, expected decision, expected rule
    type Case<'a> = (&'a str, &'a str, &'a str, Option<SecureMode>, &'a str, Decision, &'a str);

    #[test]
    #[allow(clippy::too_many_lines)] // one line per case
    fn decision_table() {
        let c = config();
        let cases: &[Case<'_>] = &[
            // sender, subject, body, mode, recipient, decision, rule
            ("a@example.org", "Hello", "", None, "x@other.test", Decision::Relay, "default"),
            (
                "a@example.org",
                "[secure] Pay",
                "",
                None,
                "x@other.test",
                Decision::Vault,
                "keyword:[secure]",
            ),
            (
                "a@example.org",
                "re: [SECURE] pay",
                "",
                None,
                "x@other.test",
                Decision::Vault,
                "keyword:[secure]",
            ),
            (
                "a@example.org",
                "[secure] Pay",
                "",
                None,
                "b@example.org",
                Decision::Relay,
                "internal-domain",
            ),
            (
                "a@example.org",
                "[secure] Pay",
                "",
                None,
                "b@EXAMPLE.ORG",
                Decision::Relay,
                "internal-domain",
            ),
            (
                "a@example.org",
                "Hi",
                "the Confidential Salary list",
                None,
                "x@other.test",
                Decision::Vault,
                "body-keyword:confidential salary",
            ),
            (
                "z@legal.example.org",
                "Hi",
                "",
                None,
                "x@other.test",
                Decision::Vault,
                "route:legal",
            ),
            (
                "z@legal.example.org",
                "Hi",
                "",
                None,
                "b@example.org",
                Decision::Relay,
                "internal-domain",
            ),
            ("a@example.org", "Hi", "", None, "someone@bank.test", Decision::Vault, "route:bank"),
            ("a@example.org", "Hi", "", None, "someone@sub.bank.test", Decision::Relay, "default"),
            ("a@example.org", "Hi", "", None, "CEO@partner.test", Decision::Vault, "route:ceo"),
            (
                "a@example.org",
                "Hi",
                "",
                None,
                "x@lawfirm.test",
                Decision::TlsFirst,
                "tls-first:law",
            ),
            // A keyword still wins over nothing, but a tls_first route is decided first.
            (
                "a@example.org",
                "[secure] Hi",
                "",
                None,
                "x@lawfirm.test",
                Decision::TlsFirst,
                "tls-first:law",
            ),
            (
                "a@example.org",
                "Hi",
                "",
                Some(SecureMode::External),
                "x@other.test",
                Decision::Vault,
                "header:external",
            ),
            (
                "a@example.org",
                "Hi",
                "",
                Some(SecureMode::External),
                "b@example.org",
                Decision::Relay,
                "internal-domain",
            ),
            (
                "a@example.org",
                "Hi",
                "",
                Some(SecureMode::All),
                "b@example.org",
                Decision::Vault,
                "header:all",
            ),
            (
                "a@example.org",
                "Hi",
                "",
                Some(SecureMode::All),
                "x@other.test",
                Decision::Vault,
                "header:all",
            ),
            (
                "a@example.org",
                "Hi",
                "",
                Some(SecureMode::Off),
                "x@other.test",
                Decision::Relay,
                "default",
            ),
            // Mode "off" never overrides a policy.
            (
                "a@example.org",
                "[secure] x",
                "",
                Some(SecureMode::Off),
                "x@other.test",
                Decision::Vault,
                "keyword:[secure]",
            ),
            (
                "a@example.org",
                "Hi",
                "",
                Some(SecureMode::Off),
                "y@bank.test",
                Decision::Vault,
                "route:bank",
            ),
        ];
        for (sender, subject, body, mode, rcpt, decision, rule) in cases {
            let facts = MessageFacts {
                sender,
                subject,
                body_text: body,
                mode: *mode,
            };
            let v = decide(&c, &facts, rcpt);
            assert_eq!(
                (v.decision, v.rule.as_str()),
                (*decision, *rule),
                "case {sender} {subject:?} {mode:?} -> {rcpt}"
            );
        }
    }

    #[test]
    fn secure_mode_header_values() {
        assert_eq!(SecureMode::parse(" External "), Some(SecureMode::External));
        assert_eq!(SecureMode::parse("ALL"), Some(SecureMode::All));
        assert_eq!(SecureMode::parse("off"), Some(SecureMode::Off));
        assert_eq!(SecureMode::parse("yes"), None);
    }

    #[test]
    fn who_may_set_mode() {
        let mut c = config();
        assert!(may_set_mode(&c, "anyone@anywhere.test"));
        c.policy.secure_mode_senders = vec!["internal".into()];
        assert!(may_set_mode(&c, "a@example.org"));
        assert!(!may_set_mode(&c, "a@other.test"));
        c.policy.secure_mode_senders = vec!["boss@*".into()];
        assert!(may_set_mode(&c, "boss@example.org"));
        assert!(!may_set_mode(&c, "clerk@example.org"));
    }

    #[test]
    fn keyword_is_stripped_from_subject() {
        assert_eq!(strip_keyword("[secure] Payroll", "[secure]"), "Payroll");
        assert_eq!(strip_keyword("Payroll [SECURE] March", "[secure]"), "Payroll March");
        assert_eq!(strip_keyword("Payroll", "[secure]"), "Payroll");
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*", "a@b.c"));
        assert!(wildcard_match("*@b.c", "A@B.C"));
        assert!(wildcard_match("a*c", "abbbc"));
        assert!(!wildcard_match("a*c", "abbb"));
        assert!(wildcard_match("*.example.*", "x@mail.example.com"));
        assert!(!wildcard_match("x@y", "x@yz"));
    }
}
