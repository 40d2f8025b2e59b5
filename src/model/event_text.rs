//! The words of an event, made from its kind and fields when it is shown
//! (monitor story, audit, `cloister show`, CSV), in English. The pages that
//! show events in the reader's language use `What::text` (`event_words`) and
//! `assets/lang/*/events.ftl`, whose English tests hold equal to these words.

use std::fmt;

use super::event::What;
use super::time::utc_text;

impl fmt::Display for What {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = message_text(self) {
            return f.write_str(&text);
        }
        f.write_str(&account_text(self))
    }
}

/// `n` and the noun that goes with it: `one` for 1, else `other` (the
/// English plural rule, as `events.ftl` selects it).
fn counted(n: &impl fmt::Display, one: &str, other: &str) -> String {
    let n = n.to_string();
    let noun = if n == "1" { one } else { other };
    format!("{n} {noun}")
}

/// Sessions ended, as the log says it.
fn ended(n: usize) -> String {
    format!("{} ended", counted(&n, "session", "sessions"))
}

fn change_note(must_change: bool) -> &'static str {
    if must_change {
        "; must be changed at the next sign-in"
    } else {
        "; the user may keep it"
    }
}

/// Words of an event about a message, or None for the account events.
fn message_text(what: &What) -> Option<String> {
    Some(match what {
        What::Received {
            client,
            helo,
            sender,
            size,
            auth,
        } => {
            let auth = auth.as_ref().map(|u| format!(" auth={u}")).unwrap_or_default();
            format!("received from [{client}] helo={helo} sender=<{sender}> size={size}{auth}")
        }
        What::Held { recipient, rule } => format!("held in isolation vault for {recipient} (rule {rule}); notice queued"),
        What::Ordinary { recipient, rule } => format!("ordinary delivery for {recipient} (rule {rule})"),
        What::WrittenInPortal {
            author,
            client,
            mode,
            expiry_days,
            restriction,
            read_receipt,
            bcc,
        } => format!(
            "written in the portal by {author} from {client}: mode {mode}, expires in {}, restriction {restriction}, read receipt {}{}",
            counted(expiry_days, "day", "days"),
            if *read_receipt { "asked" } else { "not asked" },
            if *bcc { ", copy to the mail server" } else { "" },
        ),
        What::SecureHeaderIgnored { header, sender } => format!("{header} ignored: sender <{sender}> may not choose the secure mode"),
        What::AccountCreated { address, internal: true } => {
            format!("account created for {address} (internal: signs in with an emailed code, no password is mailed)")
        }
        What::AccountCreated { address, internal: false } => format!("account created for {address}; first-contact credentials queued"),
        What::SenderAccountCreated { address } => {
            format!("account created for sender {address} (internal: signs in with an emailed code, no password is mailed)")
        }
        What::RepliedTo { by, reply } => format!("replied to by {by} (message {reply:016X})"),
        _ => return outbox_text(what).or_else(|| reader_text(what)),
    })
}

fn outbox_text(what: &What) -> Option<String> {
    Some(match what {
        What::Queued { outbox, row, to } => format!("queued for {} (outbox {row}) to {to}", outbox.noun()),
        What::TlsFailedRecalled { recipient, reason } => {
            format!("TLS to {recipient} not possible ({reason}); not held: the sender had recalled the message")
        }
        What::TlsFailedHeld { recipient, reason } => {
            format!("TLS to {recipient} not possible ({reason}); held in isolation vault instead; notice queued")
        }
        What::Sent {
            outbox,
            to,
            attempt,
            reply,
        } => format!("{} {} (attempt {attempt}): {reply}", outbox.sent_phrase(), to.join(", ")),
        What::AttemptFailed {
            outbox,
            attempt,
            error,
            next_at,
        } => {
            format!(
                "{} attempt {attempt} failed: {error}; next try at {}",
                outbox.noun(),
                utc_text(*next_at)
            )
        }
        What::FailedForGood { outbox, attempts, error } => format!(
            "{} failed for good after {}: {error}",
            outbox.noun(),
            counted(attempts, "attempt", "attempts")
        ),
        What::OneTimePasswordIssued { address } => format!("one-time password issued for {address}"),
        What::FollowUpQueued { outbox, to } => format!("{} to {to} queued", outbox.noun()),
        What::PutBack { outbox, row } => format!("{} (outbox {row}) put back in the queue", outbox.noun()),
        _ => return None,
    })
}

fn reader_text(what: &What) -> Option<String> {
    Some(match what {
        What::ReadBy { reader, ip, agent } => format!("read by {reader} from {ip} ({agent})"),
        What::ReadReceiptQueued { sender } => format!("read receipt queued for {sender}"),
        What::RemovedFromMailbox { address } => format!("removed from the mailbox of {address}"),
        What::Marked { read, by } => format!("marked {} by {by}", if *read { "read" } else { "unread" }),
        What::MovedToDeleted { by } => format!("moved to Deleted by {by}"),
        What::Restored { folder, by } => format!("restored to {} by {by}", folder.name()),
        What::Recalled { by, cancelled } if cancelled.is_empty() => format!("recalled by {by}: removed from every recipient's mailbox"),
        What::Recalled { by, cancelled } => format!(
            "recalled by {by}: removed from every recipient's mailbox; notice not yet sent cancelled for {}",
            cancelled.join(", ")
        ),
        What::Extended { from, until, by } => format!("expiry extended from {} to {} by {by}", utc_text(*from), utc_text(*until)),
        What::AccessGranted { to, by } => format!("access granted again to {to} by {by}"),
        What::AccessRevoked { of, by } => format!("access revoked for {of} by {by}"),
        What::Damaged { part } => format!(
            "damaged: its stored {part} do not open (changed on disk, or sealed under another master key); readers are told it cannot be shown"
        ),
        What::Expired => "expired: recipients may still read, print and delete it, but no longer answer it".into(),
        What::Purged { days, bytes, entries } => format!(
            "purged after the retention period ({}): record, stored bytes ({}) and {} removed",
            counted(days, "day", "days"),
            counted(bytes, "byte", "bytes"),
            counted(entries, "mailbox entry", "mailbox entries")
        ),
        _ => return None,
    })
}

/// Words of an account, sign-in or admin event.
fn account_text(what: &What) -> String {
    let locked = |l: &bool| if *l { "; now locked" } else { "" };
    match what {
        What::SignedIn {
            method,
            ip,
            agent,
            second_step_pending,
        } => {
            let pending = if *second_step_pending { "; second step pending" } else { "" };
            format!("signed in with {method} from {ip} ({agent}){pending}")
        }
        What::SignInRefused { ip, why, locked: l } => format!("sign-in refused from {ip}: {why}{}", locked(l)),
        What::SignedOut => "signed out".into(),
        What::EndedOtherSessions { count } => format!("ended {}", counted(count, "other session", "other sessions")),
        What::AccountAdded { address, internal, mailed } => format!(
            "created {} account {address} ({})",
            if *internal { "internal" } else { "external" },
            if *mailed {
                "a one-time password queued to be mailed"
            } else {
                "no password, nothing mailed"
            }
        ),
        What::PreferencesSaved {
            date_format,
            clock_hours,
            week_starts,
            time_zone,
            language,
            signature_chars,
        } => format!(
            "preferences saved: dates {date_format}, {clock_hours}-hour clock, week starts {week_starts}, time zone {time_zone}, language {language}, signature {}",
            counted(signature_chars, "character", "characters")
        ),
        What::PasswordChanged { other_sessions_ended } => {
            format!(
                "changed the password ({} ended)",
                counted(other_sessions_ended, "other session", "other sessions")
            )
        }
        What::ResetAsked { ip, too_soon: true } => format!("asked for a password reset from {ip}: asked again too soon, nothing sent"),
        What::ResetAsked { ip, too_soon: false } => format!("asked for a password reset from {ip}"),
        What::PasswordResetWithLink { sessions_ended } => format!("reset the password with a link ({})", ended(*sessions_ended)),
        What::CodeAsked { ip, refused: None } => format!("asked for a sign-in code from {ip}"),
        What::CodeAsked { ip, refused: Some(why) } => format!("sign-in code asked for from {ip}: {why}, nothing sent"),
        What::RecoveryCodesMade => "made new recovery codes (the old ones no longer work)".into(),
        What::TotpEnrolled => "enrolled a TOTP second factor".into(),
        What::SecondFactorPassed { recovery_left: None } => "passed the second factor with an authenticator code".into(),
        What::SecondFactorPassed { recovery_left: Some(n) } => format!("passed the second factor with a recovery code ({n} left)"),
        What::TotpRemoved => "removed the TOTP second factor".into(),
        What::PasskeyAdded { name, instead_of_password } => {
            let instead = if *instead_of_password { " instead of a password" } else { "" };
            format!("added passkey \u{201c}{name}\u{201d}{instead}")
        }
        What::PasskeyRenamed { from, to } => format!("renamed passkey \u{201c}{from}\u{201d} to \u{201c}{to}\u{201d}"),
        What::PasskeyRemoved { name, by: None } => format!("removed passkey \u{201c}{name}\u{201d}"),
        What::PasskeyRemoved { name, by: Some(admin) } => format!("passkey \u{201c}{name}\u{201d} removed by admin {admin}"),
        What::DirectoryLeft { address, sessions_ended } => {
            format!("{address} is no longer in the directory ({})", ended(*sessions_ended))
        }
        _ => admin_text(what),
    }
}

fn admin_text(what: &What) -> String {
    match what {
        What::KeyRotation { stage, rewrapped } if stage == "finished" => {
            format!(
                "master key rotation finished: {} now under the new master key",
                counted(rewrapped, "wrapped key", "wrapped keys")
            )
        }
        What::KeyRotation { stage, .. } => format!("master key rotation {stage}: new data keys are wrapped under the new master key"),
        What::AdminCreated { name, totp } => format!("admin {name} created ({} TOTP)", if *totp { "with" } else { "without" }),
        What::CertificateIssued { names, not_after, reason } => {
            format!(
                "certificate for {} issued by the ACME CA ({reason}); valid until {}",
                names.join(", "),
                super::utc_text(*not_after)
            )
        }
        What::CertificateFailed { error, retry_minutes } => {
            format!("certificate from the ACME CA not obtained: {error}; the current one keeps serving; next try in {retry_minutes} min")
        }
        What::AdminRemoved { name, sessions_ended } => format!("admin {name} removed ({})", ended(*sessions_ended)),
        What::AdminSignedIn { ip, agent } => format!("admin signed in from {ip} ({agent})"),
        What::AdminSignInRefused { name, ip, why, locked } => {
            format!(
                "admin sign-in refused for {name} from {ip}: {why}{}",
                if *locked { "; now locked" } else { "" }
            )
        }
        What::AdminSignedOut => "admin signed out".into(),
        What::PasswordMailed {
            address,
            sessions_ended,
            must_change,
        } => format!(
            "new one-time password for {address} queued to be mailed ({}{})",
            ended(*sessions_ended),
            change_note(*must_change)
        ),
        What::PasswordShown {
            address,
            sessions_ended,
            must_change,
        } => format!(
            "new one-time password for {address} shown to the admin ({}{})",
            ended(*sessions_ended),
            change_note(*must_change)
        ),
        What::PasswordChosen {
            address,
            sessions_ended,
            must_change,
        } => format!(
            "password for {address} set to one the admin chose ({}{})",
            ended(*sessions_ended),
            change_note(*must_change)
        ),
        What::MustChangePassword { address } => format!("{address} must change the password at the next sign-in"),
        What::Logon {
            address, allowed: true, ..
        } => format!("logon allowed for {address}"),
        What::Logon {
            address,
            allowed: false,
            sessions_ended,
        } => format!("logon denied for {address} ({})", ended(*sessions_ended)),
        What::Sending { address, allowed } => format!("sending {} for {address}", if *allowed { "allowed" } else { "denied" }),
        What::LockoutLifted { address } => format!("sign-in lockout lifted for {address}"),
        What::AccountDeleted {
            address,
            entries,
            sessions_ended,
        } => {
            format!(
                "account {address} deleted ({} removed, {})",
                counted(entries, "mailbox entry", "mailbox entries"),
                ended(*sessions_ended)
            )
        }
        What::Legacy { text } => text.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{OutboxKind, What};

    #[test]
    fn a_failed_attempt_says_when_the_next_one_is_as_a_date() {
        let what = What::AttemptFailed {
            outbox: OutboxKind::Notification,
            attempt: 2,
            error: "451 4.3.0 try later".into(),
            next_at: 1_796_222_987,
        };
        let text = what.to_string();
        assert!(text.ends_with("next try at 2026-12-02 14:49 UTC"), "{text}");
    }
}
