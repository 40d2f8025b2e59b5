//! The words of an event as a catalogue message (`assets/lang/*/events.ftl`),
//! for the pages that show events in the reader's language. The English
//! catalogue says exactly what `event_text` (Display: logs, CSV, the command
//! line) says; the tests below hold the two equal, kind by kind.
//!
//! Words other types make (an outbox row's noun, a folder's name, a refusal's
//! reason, a secure mode, …) are passed as text arguments, as they are.

use super::event::What;
use super::time::utc_text;
use crate::i18n::Text;

impl What {
    /// This event's catalogue id and arguments.
    pub fn text(&self) -> Text {
        message_words(self)
            .or_else(|| outbox_words(self))
            .or_else(|| reader_words(self))
            .or_else(|| account_words(self))
            .unwrap_or_else(|| admin_words(self))
    }
}

/// A yes/no argument, for the catalogue's selectors.
fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// A count chosen between plural forms, as a catalogue number.
fn number(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn message_words(what: &What) -> Option<Text> {
    Some(match what {
        What::Received {
            client,
            helo,
            sender,
            size,
            auth,
        } => {
            let text = match auth {
                Some(user) => Text::new("event-received-auth").with("auth", user.as_str()),
                None => Text::new("event-received"),
            };
            text.with("client", client.as_str())
                .with("helo", helo.as_str())
                .with("sender", sender.as_str())
                .with("size", size.to_string())
        }
        What::Held { recipient, rule } => Text::new("event-held")
            .with("recipient", recipient.as_str())
            .with("rule", rule.as_str()),
        What::Ordinary { recipient, rule } => Text::new("event-ordinary")
            .with("recipient", recipient.as_str())
            .with("rule", rule.as_str()),
        What::WrittenInPortal {
            author,
            client,
            mode,
            expiry_days,
            restriction,
            read_receipt,
            bcc,
        } => Text::new("event-written-in-portal")
            .with("author", author.as_str())
            .with("client", client.as_str())
            .with("mode", mode.as_str())
            .with("days", *expiry_days)
            .with("restriction", restriction.as_str())
            .with("read_receipt", yes(*read_receipt))
            .with("bcc", yes(*bcc)),
        What::SecureHeaderIgnored { header, sender } => Text::new("event-secure-header-ignored")
            .with("header", header.as_str())
            .with("sender", sender.as_str()),
        What::AccountCreated { address, internal: true } => Text::new("event-account-created-internal").with("address", address.as_str()),
        What::AccountCreated { address, internal: false } => Text::new("event-account-created-external").with("address", address.as_str()),
        What::SenderAccountCreated { address } => Text::new("event-sender-account-created").with("address", address.as_str()),
        What::RepliedTo { by, reply } => Text::new("event-replied-to")
            .with("by", by.as_str())
            .with("reply", format!("{reply:016X}")),
        _ => return None,
    })
}

fn outbox_words(what: &What) -> Option<Text> {
    Some(match what {
        What::Queued { outbox, row, to } => Text::new("event-queued")
            .with("outbox", outbox.noun())
            .with("row", row.to_string())
            .with("to", to.as_str()),
        What::TlsFailedRecalled { recipient, reason } => Text::new("event-tls-failed-recalled")
            .with("recipient", recipient.as_str())
            .with("reason", reason.as_str()),
        What::TlsFailedHeld { recipient, reason } => Text::new("event-tls-failed-held")
            .with("recipient", recipient.as_str())
            .with("reason", reason.as_str()),
        What::Sent {
            outbox,
            to,
            attempt,
            reply,
        } => Text::new("event-sent")
            .with("sent", outbox.sent_phrase())
            .with("to", to.join(", "))
            .with("attempt", attempt.to_string())
            .with("reply", reply.as_str()),
        What::AttemptFailed {
            outbox,
            attempt,
            error,
            next_at,
        } => Text::new("event-attempt-failed")
            .with("outbox", outbox.noun())
            .with("attempt", attempt.to_string())
            .with("error", error.as_str())
            .with("next", utc_text(*next_at)),
        What::FailedForGood { outbox, attempts, error } => Text::new("event-failed-for-good")
            .with("outbox", outbox.noun())
            .with("attempts", *attempts)
            .with("error", error.as_str()),
        What::OneTimePasswordIssued { address } => Text::new("event-one-time-password-issued").with("address", address.as_str()),
        What::FollowUpQueued { outbox, to } => Text::new("event-follow-up-queued")
            .with("outbox", outbox.noun())
            .with("to", to.as_str()),
        What::PutBack { outbox, row } => Text::new("event-put-back")
            .with("outbox", outbox.noun())
            .with("row", row.to_string()),
        _ => return None,
    })
}

fn reader_words(what: &What) -> Option<Text> {
    Some(match what {
        What::ReadBy { reader, ip, agent } => Text::new("event-read-by")
            .with("reader", reader.as_str())
            .with("ip", ip.as_str())
            .with("agent", agent.as_str()),
        What::ReadReceiptQueued { sender } => Text::new("event-read-receipt-queued").with("sender", sender.as_str()),
        What::RemovedFromMailbox { address } => Text::new("event-removed-from-mailbox").with("address", address.as_str()),
        What::Marked { read: true, by } => Text::new("event-marked-read").with("by", by.as_str()),
        What::Marked { read: false, by } => Text::new("event-marked-unread").with("by", by.as_str()),
        What::MovedToDeleted { by } => Text::new("event-moved-to-deleted").with("by", by.as_str()),
        What::Restored { folder, by } => Text::new("event-restored").with("folder", folder.name()).with("by", by.as_str()),
        What::Recalled { by, cancelled } if cancelled.is_empty() => Text::new("event-recalled").with("by", by.as_str()),
        What::Recalled { by, cancelled } => Text::new("event-recalled-cancelled")
            .with("by", by.as_str())
            .with("cancelled", cancelled.join(", ")),
        What::Extended { from, until, by } => Text::new("event-extended")
            .with("from", utc_text(*from))
            .with("until", utc_text(*until))
            .with("by", by.as_str()),
        What::AccessGranted { to, by } => Text::new("event-access-granted").with("to", to.as_str()).with("by", by.as_str()),
        What::AccessRevoked { of, by } => Text::new("event-access-revoked").with("of", of.as_str()).with("by", by.as_str()),
        What::Damaged { part } => Text::new("event-damaged").with("part", part.as_str()),
        What::Expired => Text::new("event-expired"),
        What::Purged { days, bytes, entries } => Text::new("event-purged")
            .with("days", *days)
            .with("bytes", number(*bytes))
            .with("entries", *entries),
        _ => return None,
    })
}

/// How a user signed in, as the vault records it ("a password", "an emailed
/// code"), in the reader's words; anything else as it was stored.
fn method_words(method: &str) -> crate::i18n::Arg {
    match method {
        "a password" => Text::new("event-method-password").into(),
        "an emailed code" => Text::new("event-method-code").into(),
        "the directory password" => Text::new("event-method-directory").into(),
        "the organisation's provider" => Text::new("event-method-provider").into(),
        "a passkey" => Text::new("event-method-passkey").into(),
        other => other.into(),
    }
}

/// Words of a portal account or sign-in event.
fn account_words(what: &What) -> Option<Text> {
    Some(match what {
        What::SignedIn {
            method,
            ip,
            agent,
            second_step_pending,
        } => Text::new(if *second_step_pending {
            "event-signed-in-pending"
        } else {
            "event-signed-in"
        })
        .with("method", method_words(method))
        .with("ip", ip.as_str())
        .with("agent", agent.as_str()),
        What::SignInRefused { ip, why, locked } => Text::new(if *locked {
            "event-sign-in-refused-locked"
        } else {
            "event-sign-in-refused"
        })
        .with("ip", ip.as_str())
        .with("why", why.as_str()),
        What::SignedOut => Text::new("event-signed-out"),
        What::EndedOtherSessions { count } => Text::new("event-ended-other-sessions").with("count", *count),
        What::AccountAdded { address, internal, mailed } => Text::new("event-account-added")
            .with("internal", yes(*internal))
            .with("address", address.as_str())
            .with("mailed", yes(*mailed)),
        What::PreferencesSaved {
            date_format,
            clock_hours,
            week_starts,
            time_zone,
            language,
            signature_chars,
        } => Text::new("event-preferences-saved")
            .with("date_format", date_format.as_str())
            .with("clock_hours", clock_hours.to_string())
            .with("week_starts", week_starts.as_str())
            .with("time_zone", time_zone.as_str())
            .with("language", language.as_str())
            .with("chars", *signature_chars),
        What::PasswordChanged { other_sessions_ended } => Text::new("event-password-changed").with("sessions", *other_sessions_ended),
        What::ResetAsked { ip, too_soon: true } => Text::new("event-reset-asked-too-soon").with("ip", ip.as_str()),
        What::ResetAsked { ip, too_soon: false } => Text::new("event-reset-asked").with("ip", ip.as_str()),
        What::PasswordResetWithLink { sessions_ended } => Text::new("event-password-reset-with-link").with("sessions", *sessions_ended),
        What::CodeAsked { ip, refused: None } => Text::new("event-code-asked").with("ip", ip.as_str()),
        What::CodeAsked { ip, refused: Some(why) } => Text::new("event-code-refused").with("ip", ip.as_str()).with("why", why.as_str()),
        What::RecoveryCodesMade => Text::new("event-recovery-codes-made"),
        What::TotpEnrolled => Text::new("event-totp-enrolled"),
        What::SecondFactorPassed { recovery_left: None } => Text::new("event-second-factor-passed"),
        What::SecondFactorPassed { recovery_left: Some(n) } => Text::new("event-second-factor-recovery").with("left", *n),
        What::TotpRemoved => Text::new("event-totp-removed"),
        What::PasskeyAdded { name, instead_of_password } => Text::new(if *instead_of_password {
            "event-passkey-added-instead"
        } else {
            "event-passkey-added"
        })
        .with("name", name.as_str()),
        What::PasskeyRenamed { from, to } => Text::new("event-passkey-renamed")
            .with("from", from.as_str())
            .with("to", to.as_str()),
        What::PasskeyRemoved { name, by: None } => Text::new("event-passkey-removed").with("name", name.as_str()),
        What::PasskeyRemoved { name, by: Some(admin) } => Text::new("event-passkey-removed-by")
            .with("name", name.as_str())
            .with("admin", admin.as_str()),
        _ => return None,
    })
}

/// Words of an admin console event; a kind the families miss says its English.
fn admin_words(what: &What) -> Text {
    match what {
        What::KeyRotation { stage, rewrapped } if stage == "finished" => {
            Text::new("event-key-rotation-finished").with("keys", number(*rewrapped))
        }
        What::KeyRotation { stage, .. } => Text::new("event-key-rotation").with("stage", stage.as_str()),
        What::AdminCreated { name, totp } => Text::new(if *totp {
            "event-admin-created"
        } else {
            "event-admin-created-no-totp"
        })
        .with("name", name.as_str()),
        What::CertificateIssued { names, not_after, reason } => Text::new("event-certificate-issued")
            .with("names", names.join(", "))
            .with("until", super::utc_text(*not_after))
            .with("reason", reason.as_str()),
        What::CertificateFailed { error, retry_minutes } => Text::new("event-certificate-failed")
            .with("error", error.as_str())
            .with("minutes", *retry_minutes),
        What::AdminRemoved { name, sessions_ended } => Text::new("event-admin-removed")
            .with("name", name.as_str())
            .with("sessions", *sessions_ended),
        What::AdminSignedIn { ip, agent } => Text::new("event-admin-signed-in")
            .with("ip", ip.as_str())
            .with("agent", agent.as_str()),
        What::AdminSignInRefused { name, ip, why, locked } => Text::new(if *locked {
            "event-admin-sign-in-refused-locked"
        } else {
            "event-admin-sign-in-refused"
        })
        .with("name", name.as_str())
        .with("ip", ip.as_str())
        .with("why", why.as_str()),
        What::AdminSignedOut => Text::new("event-admin-signed-out"),
        What::PasswordMailed {
            address,
            sessions_ended,
            must_change,
        } => password_set(Text::new("event-password-mailed"), address, *sessions_ended, *must_change),
        What::PasswordShown {
            address,
            sessions_ended,
            must_change,
        } => password_set(Text::new("event-password-shown"), address, *sessions_ended, *must_change),
        What::PasswordChosen {
            address,
            sessions_ended,
            must_change,
        } => password_set(Text::new("event-password-chosen"), address, *sessions_ended, *must_change),
        What::MustChangePassword { address } => Text::new("event-must-change-password").with("address", address.as_str()),
        What::Logon {
            address, allowed: true, ..
        } => Text::new("event-logon-allowed").with("address", address.as_str()),
        What::Logon {
            address,
            allowed: false,
            sessions_ended,
        } => Text::new("event-logon-denied")
            .with("address", address.as_str())
            .with("sessions", *sessions_ended),
        What::Sending { address, allowed } => Text::new(if *allowed {
            "event-sending-allowed"
        } else {
            "event-sending-denied"
        })
        .with("address", address.as_str()),
        What::LockoutLifted { address } => Text::new("event-lockout-lifted").with("address", address.as_str()),
        What::DirectoryLeft { address, sessions_ended } => Text::new("event-directory-left")
            .with("address", address.as_str())
            .with("sessions", *sessions_ended),
        What::AccountDeleted {
            address,
            entries,
            sessions_ended,
        } => Text::new("event-account-deleted")
            .with("address", address.as_str())
            .with("entries", *entries)
            .with("sessions", *sessions_ended),
        What::Legacy { text } => Text::new("event-legacy").with("text", text.as_str()),
        _ => Text::new("event-legacy").with("text", what.to_string()),
    }
}

/// A password an admin reset: mailed, shown or chosen.
fn password_set(text: Text, address: &str, sessions_ended: usize, must_change: bool) -> Text {
    text.with("address", address)
        .with("sessions", sessions_ended)
        .with("must_change", yes(must_change))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::What;
    use crate::i18n::Catalogues;

    /// One event of every kind, and of every branch of its words (yes and no,
    /// one and many), as stored (`{"kind": …, fields}`). A new `What` variant
    /// gets its samples here, and its message in `events.ftl`, which
    /// `every_event_message_has_a_sample` checks.
    const SAMPLES: &str = r#"[
        {"kind": "received", "client": "192.0.2.1", "helo": "mx.corp.test", "sender": "alice@corp.test", "size": 12345, "auth": null},
        {"kind": "received", "client": "192.0.2.1", "helo": "mx.corp.test", "sender": "alice@corp.test", "size": 1, "auth": "alice"},
        {"kind": "held", "recipient": "bob@x.test", "rule": "subject [secure]"},
        {"kind": "ordinary", "recipient": "bob@x.test", "rule": "default"},
        {"kind": "written_in_portal", "author": "alice@corp.test", "client": "192.0.2.1", "mode": "secure", "expiry_days": 1,
            "restriction": "no print", "read_receipt": true, "bcc": true},
        {"kind": "written_in_portal", "author": "alice@corp.test", "client": "192.0.2.1", "mode": "secure", "expiry_days": 30,
            "restriction": "none", "read_receipt": false, "bcc": false},
        {"kind": "secure_header_ignored", "header": "X-Secure", "sender": "eve@z.test"},
        {"kind": "account_created", "address": "bob@x.test", "internal": true},
        {"kind": "account_created", "address": "bob@x.test", "internal": false},
        {"kind": "sender_account_created", "address": "alice@corp.test"},
        {"kind": "replied_to", "by": "bob@x.test", "reply": 737894400291},
        {"kind": "queued", "outbox": "notification", "row": 17, "to": "bob@x.test"},
        {"kind": "tls_failed_recalled", "recipient": "bob@x.test", "reason": "no STARTTLS"},
        {"kind": "tls_failed_held", "recipient": "bob@x.test", "reason": "certificate expired"},
        {"kind": "sent", "outbox": "relay", "to": ["bob@x.test", "carol@y.test"], "attempt": 2, "reply": "250 2.0.0 ok"},
        {"kind": "attempt_failed", "outbox": "first_contact", "attempt": 3, "error": "451 4.3.0 try later", "next_at": 1796222987},
        {"kind": "failed_for_good", "outbox": "direct", "attempts": 1, "error": "550 no such user"},
        {"kind": "failed_for_good", "outbox": "bcc_copy", "attempts": 8, "error": "timed out"},
        {"kind": "one_time_password_issued", "address": "bob@x.test"},
        {"kind": "follow_up_queued", "outbox": "read_receipt", "to": "alice@corp.test"},
        {"kind": "put_back", "outbox": "sign_in_code", "row": 4},
        {"kind": "read_by", "reader": "bob@x.test", "ip": "198.51.100.7", "agent": "Firefox"},
        {"kind": "read_receipt_queued", "sender": "alice@corp.test"},
        {"kind": "removed_from_mailbox", "address": "bob@x.test"},
        {"kind": "marked", "read": true, "by": "bob@x.test"},
        {"kind": "marked", "read": false, "by": "bob@x.test"},
        {"kind": "moved_to_deleted", "by": "bob@x.test"},
        {"kind": "restored", "folder": "inbox", "by": "bob@x.test"},
        {"kind": "recalled", "by": "alice@corp.test", "cancelled": []},
        {"kind": "recalled", "by": "alice@corp.test", "cancelled": ["bob@x.test", "carol@y.test"]},
        {"kind": "extended", "from": 1796222987, "until": 1797000000, "by": "alice@corp.test"},
        {"kind": "access_granted", "to": "bob@x.test", "by": "alice@corp.test"},
        {"kind": "access_revoked", "of": "bob@x.test", "by": "alice@corp.test"},
        {"kind": "damaged", "part": "sealed fields"},
        {"kind": "expired"},
        {"kind": "purged", "days": 1, "bytes": 1, "entries": 1},
        {"kind": "purged", "days": 365, "bytes": 48213, "entries": 0},
        {"kind": "signed_in", "method": "a password", "ip": "198.51.100.7", "agent": "Firefox", "second_step_pending": false},
        {"kind": "signed_in", "method": "an emailed code", "ip": "198.51.100.7", "agent": "Safari", "second_step_pending": true},
        {"kind": "signed_in", "method": "the directory password", "ip": "198.51.100.7", "agent": "Edge", "second_step_pending": false},
        {"kind": "signed_in", "method": "the organisation's provider", "ip": "198.51.100.7", "agent": "Edge", "second_step_pending": false},
        {"kind": "sign_in_refused", "ip": "198.51.100.7", "why": "wrong password", "locked": false},
        {"kind": "sign_in_refused", "ip": "198.51.100.7", "why": "wrong password", "locked": true},
        {"kind": "signed_out"},
        {"kind": "ended_other_sessions", "count": 1},
        {"kind": "ended_other_sessions", "count": 3},
        {"kind": "account_added", "address": "bob@x.test", "internal": true, "mailed": false},
        {"kind": "account_added", "address": "bob@x.test", "internal": false, "mailed": true},
        {"kind": "preferences_saved", "date_format": "iso", "clock_hours": 24, "week_starts": "monday", "time_zone": "Europe/Berlin",
            "language": "de", "signature_chars": 1},
        {"kind": "preferences_saved", "date_format": "us", "clock_hours": 12, "week_starts": "sunday", "time_zone": "UTC",
            "language": "en", "signature_chars": 0},
        {"kind": "password_changed", "other_sessions_ended": 1},
        {"kind": "password_changed", "other_sessions_ended": 0},
        {"kind": "reset_asked", "ip": "198.51.100.7", "too_soon": true},
        {"kind": "reset_asked", "ip": "198.51.100.7", "too_soon": false},
        {"kind": "password_reset_with_link", "sessions_ended": 2},
        {"kind": "code_asked", "ip": "198.51.100.7", "refused": null},
        {"kind": "code_asked", "ip": "198.51.100.7", "refused": "too many codes from this network"},
        {"kind": "recovery_codes_made"},
        {"kind": "totp_enrolled"},
        {"kind": "second_factor_passed", "recovery_left": null},
        {"kind": "second_factor_passed", "recovery_left": 9},
        {"kind": "totp_removed"},
        {"kind": "passkey_added", "name": "Work laptop", "instead_of_password": false},
        {"kind": "passkey_added", "name": "Phone", "instead_of_password": true},
        {"kind": "passkey_renamed", "from": "Phone", "to": "Old phone"},
        {"kind": "passkey_removed", "name": "Old phone", "by": null},
        {"kind": "passkey_removed", "name": "Old phone", "by": "root"},
        {"kind": "signed_in", "method": "a passkey", "ip": "198.51.100.7", "agent": "Chrome", "second_step_pending": false},
        {"kind": "key_rotation", "stage": "begun", "rewrapped": 0},
        {"kind": "certificate_issued", "names": ["portal.example.org", "mail.example.org"], "not_after": 1800000000, "reason": "no ACME certificate yet"},
        {"kind": "certificate_failed", "error": "connection refused", "retry_minutes": 1},
        {"kind": "certificate_failed", "error": "connection refused", "retry_minutes": 30},
        {"kind": "key_rotation", "stage": "finished", "rewrapped": 1},
        {"kind": "key_rotation", "stage": "finished", "rewrapped": 42},
        {"kind": "admin_created", "name": "root", "totp": true},
        {"kind": "admin_created", "name": "ops", "totp": false},
        {"kind": "admin_removed", "name": "ops", "sessions_ended": 1},
        {"kind": "admin_signed_in", "ip": "127.0.0.1", "agent": "curl"},
        {"kind": "admin_sign_in_refused", "name": "root", "ip": "127.0.0.1", "why": "wrong password", "locked": false},
        {"kind": "admin_sign_in_refused", "name": "root", "ip": "127.0.0.1", "why": "wrong password", "locked": true},
        {"kind": "admin_signed_out"},
        {"kind": "password_mailed", "address": "bob@x.test", "sessions_ended": 0, "must_change": true},
        {"kind": "password_shown", "address": "bob@x.test", "sessions_ended": 1, "must_change": false},
        {"kind": "password_chosen", "address": "bob@x.test", "sessions_ended": 2, "must_change": true},
        {"kind": "password_chosen", "address": "bob@x.test", "sessions_ended": 1, "must_change": false},
        {"kind": "must_change_password", "address": "bob@x.test"},
        {"kind": "logon", "address": "bob@x.test", "allowed": true, "sessions_ended": 0},
        {"kind": "logon", "address": "bob@x.test", "allowed": false, "sessions_ended": 1},
        {"kind": "sending", "address": "bob@x.test", "allowed": true},
        {"kind": "sending", "address": "bob@x.test", "allowed": false},
        {"kind": "lockout_lifted", "address": "bob@x.test"},
        {"kind": "directory_left", "address": "ben@corp.test", "sessions_ended": 1},
        {"kind": "directory_left", "address": "ben@corp.test", "sessions_ended": 2},
        {"kind": "account_deleted", "address": "bob@x.test", "entries": 1, "sessions_ended": 3},
        {"kind": "account_deleted", "address": "bob@x.test", "entries": 12, "sessions_ended": 1},
        {"kind": "legacy", "text": "signed out"}
    ]"#;

    fn samples() -> Vec<What> {
        serde_json::from_str(SAMPLES).unwrap()
    }

    #[test]
    fn the_english_catalogue_says_what_display_says() {
        let c = Catalogues::load("en").unwrap();
        for what in samples() {
            assert_eq!(c.say("en", &what.text()), what.to_string(), "{what:?}");
        }
    }

    #[test]
    fn every_event_message_has_a_sample() {
        let catalogue = include_str!("../../assets/lang/en/events.ftl");
        let messages: BTreeSet<&str> = catalogue
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .map(|(id, _)| id)
            .filter(|id| id.starts_with("event-"))
            .collect();
        // Each event's own message, and the words nested in it (how one signed in).
        let mut said = BTreeSet::new();
        for text in samples().iter().map(What::text) {
            said.insert(text.id);
            for (_, arg) in &text.args {
                if let crate::i18n::Arg::Said(inner) = arg {
                    said.insert(inner.id);
                }
            }
        }
        assert_eq!(said, messages);
    }
}
