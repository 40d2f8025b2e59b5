//! The audit: events about no message (message 0) — portal and admin
//! sign-ins and refusals, lockouts, password changes and resets, admin
//! changes — sorted into kinds, filtered, and exported as CSV.

use std::fmt::Write as _;

use super::Context;
use super::StoreError;
use crate::model::{Event, What};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SignIn,
    SignInFailed,
    Lockout,
    Password,
    AdminSignIn,
    AdminSignInFailed,
    AdminChange,
    Account,
    Certificate,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::SignIn,
        Kind::SignInFailed,
        Kind::Lockout,
        Kind::Password,
        Kind::AdminSignIn,
        Kind::AdminSignInFailed,
        Kind::AdminChange,
        Kind::Account,
        Kind::Certificate,
    ];

    /// Stable name used in links and the CSV.
    pub fn name(self) -> &'static str {
        match self {
            Self::SignIn => "sign-in",
            Self::SignInFailed => "sign-in-failed",
            Self::Lockout => "lockout",
            Self::Password => "password",
            Self::AdminSignIn => "admin-sign-in",
            Self::AdminSignInFailed => "admin-sign-in-failed",
            Self::AdminChange => "admin-change",
            Self::Account => "account",
            Self::Certificate => "certificate",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == s)
    }

    /// What kind of audit event `e` is, from its kind.
    pub fn of(e: &Event) -> Self {
        match &e.what {
            What::SignInRefused { locked: true, .. } | What::AdminSignInRefused { locked: true, .. } => Self::Lockout,
            What::AdminSignedIn { .. } => Self::AdminSignIn,
            What::AdminSignInRefused { .. } => Self::AdminSignInFailed,
            What::AdminCreated { .. }
            | What::AdminRemoved { .. }
            | What::AdminSignedOut
            | What::AccountAdded { .. }
            | What::PasswordMailed { .. }
            | What::PasswordShown { .. }
            | What::PasswordChosen { .. }
            | What::MustChangePassword { .. }
            | What::Logon { .. }
            | What::Sending { .. }
            | What::LockoutLifted { .. }
            | What::AccountDeleted { .. }
            | What::PasskeyRemoved { by: Some(_), .. } => Self::AdminChange,
            What::SignedIn { .. } | What::SecondFactorPassed { .. } => Self::SignIn,
            What::SignInRefused { .. } => Self::SignInFailed,
            What::PasswordChanged { .. } | What::ResetAsked { .. } | What::PasswordResetWithLink { .. } => Self::Password,
            What::CertificateIssued { .. } | What::CertificateFailed { .. } => Self::Certificate,
            What::Legacy { text } => Self::of_words(&e.actor, text),
            _ => Self::Account,
        }
    }

    /// The kind of an event stored as words, before events had kinds.
    fn of_words(actor: &str, w: &str) -> Self {
        if w.contains("now locked") {
            Self::Lockout
        } else if actor.starts_with("admin ") || actor.starts_with("operator") {
            if w.starts_with("admin signed in") {
                Self::AdminSignIn
            } else if w.starts_with("admin sign-in refused") {
                Self::AdminSignInFailed
            } else {
                Self::AdminChange
            }
        } else if w.starts_with("signed in") || w.starts_with("passed the second factor") {
            Self::SignIn
        } else if w.starts_with("sign-in refused") {
            Self::SignInFailed
        } else if w.contains("password") {
            Self::Password
        } else {
            Self::Account
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub kind: Option<Kind>,
    /// Matched (case-insensitive) against who and what.
    pub query: String,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

impl Filter {
    /// The query as `keeps` compares it (trimmed, lower-cased).
    pub fn query_key(&self) -> String {
        self.query.trim().to_lowercase()
    }

    /// Where a walk back through the audit may stop: the start of `from`, in ms.
    pub fn since_ms(&self) -> i64 {
        self.from.map_or(i64::MIN, |f| f.saturating_mul(1000))
    }

    /// Whether `e` passes; `query` is `query_key()`.
    pub fn keeps(&self, e: &Event, query: &str) -> bool {
        let at = e.at_ms / 1000;
        self.kind.is_none_or(|k| Kind::of(e) == k)
            && self.from.is_none_or(|f| at >= f)
            && self.until.is_none_or(|u| at < u)
            && (query.is_empty() || e.actor.to_lowercase().contains(query) || e.what.to_string().to_lowercase().contains(query))
    }
}

/// Newest first, at most `limit` events that `filter` keeps.
pub fn list(ctx: &Context, filter: &Filter, limit: usize) -> Result<Vec<Event>, StoreError> {
    let query = filter.query_key();
    Ok(ctx
        .vault
        .recent_events(0, (limit, filter.since_ms()), |e| filter.keeps(e, &query))?)
}

/// A CSV field, always quoted, in which nothing a spreadsheet could run as a
/// formula survives (an address typed at sign-in can be anything): a `'` goes
/// before `= + - @` wherever a cell could begin, in any locale: at the start,
/// and after every `,` `;` tab or line break (a semicolon locale splits
/// `x;=cmd` into a cell `=cmd`, quotes or not), spaces between allowed.
fn csv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    out.push('"');
    let mut cell_start = true;
    for c in s.chars() {
        if cell_start && matches!(c, '=' | '+' | '-' | '@') {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        cell_start = matches!(c, ',' | ';' | '\t' | '\r' | '\n') || (cell_start && c == ' ');
    }
    out.push('"');
    out
}

/// The first line of the audit's CSV.
pub const CSV_HEADER: &str = "time_utc,kind,who,what\r\n";

/// Appends `e` as one CSV line.
pub fn csv_row(out: &mut String, e: &Event) {
    let _ = write!(
        out,
        "{},{},{},{}\r\n",
        csv_field(&super::utc_text(e.at_ms / 1000)),
        Kind::of(e).name(),
        csv_field(&e.actor),
        csv_field(&e.what.to_string())
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(events: &[Event]) -> String {
        let mut out = CSV_HEADER.to_string();
        for e in events {
            csv_row(&mut out, e);
        }
        out
    }

    fn event(actor: &str, what: &str) -> Event {
        typed(actor, What::Legacy { text: what.into() })
    }

    fn typed(actor: &str, what: What) -> Event {
        Event {
            seq: 1,
            message_id: 0,
            at_ms: 0,
            actor: actor.into(),
            what,
        }
    }

    #[test]
    fn typed_events_are_sorted_into_kinds_by_their_kind_not_their_words() {
        let refused = |locked| What::SignInRefused {
            ip: "127.0.0.1".into(),
            why: "wrong password".into(),
            locked,
        };
        let cases = [
            (What::SecondFactorPassed { recovery_left: Some(3) }, Kind::SignIn),
            (refused(false), Kind::SignInFailed),
            (refused(true), Kind::Lockout),
            (
                What::ResetAsked {
                    ip: "127.0.0.1".into(),
                    too_soon: true,
                },
                Kind::Password,
            ),
            (
                What::AdminSignedIn {
                    ip: "127.0.0.1".into(),
                    agent: "t".into(),
                },
                Kind::AdminSignIn,
            ),
            (
                What::AccountAdded {
                    address: "a@x.test".into(),
                    internal: false,
                    mailed: true,
                },
                Kind::AdminChange,
            ),
            (What::TotpEnrolled, Kind::Account),
        ];
        for (what, kind) in cases {
            assert_eq!(Kind::of(&typed("bob@x.test", what.clone())), kind, "{what:?}");
        }
    }

    /// Events written before they had kinds are sorted by their words, as then.
    #[test]
    fn legacy_events_are_sorted_into_kinds_by_their_wording() {
        let cases = [
            ("bob@x.test", "signed in with a password from 127.0.0.1 (t)", Kind::SignIn),
            ("bob@x.test", "sign-in refused from 127.0.0.1: wrong password", Kind::SignInFailed),
            (
                "bob@x.test",
                "sign-in refused from 127.0.0.1: wrong password; now locked",
                Kind::Lockout,
            ),
            ("bob@x.test", "asked for a password reset from 127.0.0.1", Kind::Password),
            ("admin root", "admin signed in from 127.0.0.1 (t)", Kind::AdminSignIn),
            (
                "admin root",
                "admin sign-in refused for root from 127.0.0.1: wrong password",
                Kind::AdminSignInFailed,
            ),
            ("admin root", "logon denied for bob@x.test (0 session(s) ended)", Kind::AdminChange),
            ("bob@x.test", "preferences saved: dates iso", Kind::Account),
        ];
        for (actor, what, kind) in cases {
            assert_eq!(Kind::of(&event(actor, what)), kind, "{what}");
        }
    }

    #[test]
    fn csv_never_hands_a_spreadsheet_a_formula() {
        let out = csv(&[event(
            "=HYPERLINK(\"http://x\")@x.test",
            "sign-in refused from 127.0.0.1: no account",
        )]);
        assert!(out.contains(",\"'=HYPERLINK(\"\"http://x\"\")@x.test\","), "{out}");
    }

    /// Regression: only a leading `= + - @` was neutralised, so `x;=cmd`
    /// became a formula cell in semicolon locales.
    #[test]
    fn csv_neutralises_formulas_after_any_separator() {
        for (field, expected) in [
            ("x;=cmd|' /C calc'!A0", "\"x;'=cmd|' /C calc'!A0\""),
            ("a, +1", "\"a, '+1\""),
            ("a\t-2\n@SUM(A1)", "\"a\t'-2\n'@SUM(A1)\""),
            ("bob@x.test - fine", "\"bob@x.test - fine\""),
        ] {
            assert_eq!(csv_field(field), expected, "{field:?}");
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let out = csv(&[event("bob@x.test", "said \"hi\", then left")]);
        assert_eq!(
            out,
            "time_utc,kind,who,what\r\n\"1970-01-01 00:00 UTC\",account,\"bob@x.test\",\"said \"\"hi\"\", then left\"\r\n"
        );
    }
}
