//! The catalogue ids of the model's names (folders, statuses, restrictions, audit kinds),
//! so a page shows them in its reader's language.

use crate::i18n::Catalogues;
use crate::model::{Folder, Preferences, Restriction, Status};
use crate::service::audit::Kind;
use crate::service::preferences::Clock;

pub fn folder(f: Folder) -> &'static str {
    match f {
        Folder::Inbox => "folder-inbox",
        Folder::Sent => "folder-sent",
        Folder::Deleted => "folder-deleted",
    }
}

pub fn status(s: Status) -> &'static str {
    match s {
        Status::Sent => "status-sent",
        Status::Read => "status-read",
        Status::Recalled => "status-recalled",
        Status::Extended => "status-extended",
        Status::Expired => "status-expired",
        Status::Ordinary => "status-ordinary",
    }
}

pub fn restriction(r: Restriction) -> &'static str {
    match r {
        Restriction::None => "restriction-none",
        Restriction::NoPrint => "restriction-no-print",
        Restriction::NoPrintNoReply => "restriction-no-print-no-reply",
    }
}

pub fn audit_kind(k: Kind) -> &'static str {
    match k {
        Kind::SignIn => "audit-kind-sign-in",
        Kind::SignInFailed => "audit-kind-sign-in-failed",
        Kind::Lockout => "audit-kind-lockout",
        Kind::Password => "audit-kind-password",
        Kind::AdminSignIn => "audit-kind-admin-sign-in",
        Kind::AdminSignInFailed => "audit-kind-admin-sign-in-failed",
        Kind::AdminChange => "audit-kind-admin-change",
        Kind::Account => "audit-kind-account",
        Kind::Certificate => "audit-kind-certificate",
    }
}

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10", "month-11", "month-12",
];

/// How a reader in `lang` with `preferences` reads dates: the month names
/// are looked up only for the "text" format, the one that writes them (not
/// on every request of everyone else).
pub fn clock(catalogues: &Catalogues, lang: &str, preferences: &Preferences) -> Clock {
    let clock = Clock::of(preferences);
    if preferences.date_format == "text" {
        clock.with_months(MONTHS.iter().map(|id| catalogues.text(lang, id, &[])).collect())
    } else {
        clock
    }
}

/// How the date formats look, for the preferences' list: the "text" one
/// with the reader's month name.
pub fn date_format_example(catalogues: &Catalogues, lang: &str, value: &str, example: &'static str) -> String {
    if value == "text" {
        format!("24 {} 2026", catalogues.text(lang, "month-11", &[]))
    } else {
        example.to_string()
    }
}
