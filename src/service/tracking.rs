//! The sender's side of a held message: how it stands with each recipient,
//! and the controls (recall, extend expiry once, revoke and re-grant one
//! recipient). Only the internal sender whose mailbox holds the message may
//! see or use them; anyone else gets "not found".

use super::StoreError;
use super::{Context, now};
use crate::i18n::Text;
use crate::model::{MessageRecord, RecipientStatus};
use crate::vault::{SenderRefusal, SenderWrite, VaultError, WriteOp, WriteResult};

pub use crate::model::Status;

/// One recipient as the sender sees it.
pub struct Line {
    pub address: String,
    /// Held in the vault (the controls apply); otherwise delivered as ordinary mail.
    pub held: bool,
    /// "Sent", "Read", "Access revoked", "Recalled", "Expired", "Extended",
    /// or for ordinary mail its delivery state.
    pub status: &'static str,
    pub read_at: Option<i64>,
    pub revoked: bool,
}

pub struct Tracking {
    pub message: MessageRecord,
    pub status: Status,
    pub lines: Vec<Line>,
    /// Latest expiry allowed (received + `messages.retention_days`).
    pub limit: i64,
    /// Expiry dates the sender may choose now (empty when extending is not possible).
    pub extend_to: Vec<i64>,
    /// Why the expiry cannot be extended, when it cannot.
    pub extend_note: Option<&'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    #[error("not found")]
    NotFound,
    /// The sender is told why.
    #[error("refused: {}", .0.id)]
    Refused(Text),
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

/// Extensions offered, in days past the current expiry (or past now, once expired).
const EXTEND_BY: [i64; 3] = [1, 7, 30];

/// The message `id` when `sender` sent it, is internal, and still has it in their mailbox.
fn own_sent(ctx: &Context, sender: &str, id: u64) -> Result<MessageRecord, ControlError> {
    let internal = ctx.vault.account(sender)?.is_some_and(|a| a.internal);
    if !internal || ctx.vault.mailbox_entry(sender, id)?.is_none() {
        return Err(ControlError::NotFound);
    }
    let m = super::records::message(ctx, id)?.ok_or(ControlError::NotFound)?;
    if !m.envelope_from.eq_ignore_ascii_case(sender) || !m.recipients.iter().any(RecipientStatus::held) {
        return Err(ControlError::NotFound);
    }
    Ok(m)
}

/// The latest expiry the retention period allows for `m`.
pub fn retention_limit(ctx: &Context, m: &MessageRecord) -> i64 {
    m.received_at + i64::from(ctx.config.messages.retention_days) * 86_400
}

/// The sender's status view of message `id`, or None when it is not theirs to control.
pub fn tracking(ctx: &Context, sender: &str, id: u64) -> Result<Option<Tracking>, StoreError> {
    let m = match own_sent(ctx, sender, id) {
        Ok(m) => m,
        Err(ControlError::Store(e)) => return Err(e),
        Err(_) => return Ok(None),
    };
    let now = now();
    let mut lines = Vec::with_capacity(m.recipients.len());
    for r in &m.recipients {
        // Opens from before they were kept on the record are only on the entry.
        let read_at = match r.read_at {
            Some(at) => Some(at),
            None if r.held() => ctx
                .vault
                .mailbox_entry(&r.address.to_ascii_lowercase(), id)?
                .and_then(|e| e.opened_at),
            None => None,
        };
        lines.push(Line {
            address: r.address.clone(),
            held: r.held(),
            status: line_status(&m, r, read_at, now),
            read_at,
            revoked: r.revoked.is_some(),
        });
    }
    let limit = retention_limit(ctx, &m);
    let (extend_to, extend_note) = extend_choices(&m, limit, now);
    Ok(Some(Tracking {
        status: Status::of(&m, now),
        message: m,
        lines,
        limit,
        extend_to,
        extend_note,
    }))
}

fn line_status(m: &MessageRecord, r: &RecipientStatus, read_at: Option<i64>, now: i64) -> &'static str {
    if !r.held() {
        return match r.state.as_str() {
            "relayed" => "recipient-state-delivered-ordinary",
            "failed" => "recipient-state-delivery-failed",
            _ => "recipient-state-queued-ordinary",
        };
    }
    if m.recalled_at.is_some() {
        "recipient-state-recalled"
    } else if r.revoked.is_some() {
        "recipient-state-access-revoked"
    } else if read_at.is_some() {
        "recipient-state-read"
    } else if m.expires_at <= now {
        "recipient-state-expired"
    } else if m.extended_at.is_some() {
        "recipient-state-extended"
    } else {
        "recipient-state-sent"
    }
}

/// The dates offered for the one extension, or why there are none.
fn extend_choices(m: &MessageRecord, limit: i64, now: i64) -> (Vec<i64>, Option<&'static str>) {
    if m.recalled_at.is_some() {
        return (Vec::new(), Some("note-recalled-no-extend"));
    }
    if m.extended_at.is_some() {
        return (Vec::new(), Some("note-extended-once"));
    }
    if m.expires_at >= limit {
        return (Vec::new(), Some("note-at-retention-end"));
    }
    let base = m.expires_at.max(now);
    let mut choices: Vec<i64> = EXTEND_BY
        .iter()
        .map(|days| base + days * 86_400)
        .filter(|&until| until < limit)
        .collect();
    choices.push(limit);
    (choices, None)
}

/// Recalls message `id` from every recipient, for good; `confirmed` is the
/// sender's "cannot be undone" tick (asked for only of the message's sender).
pub async fn recall(ctx: &Context, sender: &str, id: u64, confirmed: bool) -> Result<(), ControlError> {
    own_sent(ctx, sender, id)?;
    if !confirmed {
        return Err(ControlError::Refused(Text::new("note-tick-recall")));
    }
    let op = SenderWrite::Recall {
        sender: sender.to_string(),
        id,
        at: now(),
    };
    outcome(ctx, op, 0).await
}

/// Moves the expiry of `id` to `until` (once; never past the retention
/// period); None when the form carried no date that could be read.
pub async fn extend(ctx: &Context, sender: &str, id: u64, until: Option<i64>) -> Result<(), ControlError> {
    let m = own_sent(ctx, sender, id)?;
    let Some(until) = until else {
        return Err(ControlError::Refused(Text::new("note-choose-expiry")));
    };
    let limit = retention_limit(ctx, &m);
    let op = SenderWrite::Extend {
        sender: sender.to_string(),
        id,
        until,
        limit,
        at: now(),
    };
    outcome(ctx, op, limit).await
}

/// Takes away (`grant` false) or gives back the access of one held recipient.
pub async fn set_access(ctx: &Context, sender: &str, id: u64, recipient: &str, grant: bool) -> Result<(), ControlError> {
    own_sent(ctx, sender, id)?;
    let op = SenderWrite::Access {
        sender: sender.to_string(),
        id,
        recipient: recipient.to_string(),
        grant,
        at: now(),
    };
    outcome(ctx, op, 0).await
}

async fn outcome(ctx: &Context, op: SenderWrite, limit: i64) -> Result<(), ControlError> {
    match ctx.vault.write(WriteOp::Sender(op)).await? {
        WriteResult::Done => Ok(()),
        WriteResult::Refused(why) => Err(ControlError::Refused(refusal_text(why, limit))),
        _ => Err(ControlError::NotFound),
    }
}

fn refusal_text(why: SenderRefusal, limit: i64) -> Text {
    Text::new(match why {
        SenderRefusal::Recalled => "note-recall-final",
        SenderRefusal::AlreadyExtended => "note-extended-once",
        SenderRefusal::NotLater => "note-not-later",
        SenderRefusal::PastRetention => {
            return Text::new("note-past-retention").with("until", super::utc_text(limit));
        }
        SenderRefusal::NotHeld => "note-not-held",
        SenderRefusal::AlreadyRevoked => "note-already-revoked",
        SenderRefusal::NotRevoked => "note-not-revoked",
    })
}

impl From<VaultError> for ControlError {
    fn from(e: VaultError) -> Self {
        Self::Store(e.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, Restriction, Revoked};

    fn record(expires_at: i64) -> MessageRecord {
        MessageRecord {
            id: 1,
            received_at: 0,
            client: String::new(),
            helo: String::new(),
            envelope_from: "alice@example.org".into(),
            from: String::new(),
            to: Vec::new(),
            cc: Vec::new(),
            subject: String::new(),
            date: None,
            size: 0,
            attachments: Vec::new(),
            recipients: vec![
                RecipientStatus::new("bob@x.test".into(), Decision::Vault, "r".into(), "held"),
                RecipientStatus::new("carol@example.org".into(), Decision::Relay, "r".into(), "relayed"),
            ],
            expires_at,
            read_receipt: false,
            restriction: Restriction::None,
            recalled_at: None,
            extended_at: None,
            expired_at: None,
            inbound: false,
            sealed: Vec::new(),
        }
    }

    #[test]
    fn status_orders_recalled_then_expired_then_read_then_extended() {
        let mut m = record(100);
        assert_eq!(Status::of(&m, 50), Status::Sent);
        m.extended_at = Some(10);
        assert_eq!(Status::of(&m, 50), Status::Extended);
        m.recipients[0].read_at = Some(20);
        assert_eq!(Status::of(&m, 50), Status::Read);
        assert_eq!(Status::of(&m, 100), Status::Expired);
        m.recalled_at = Some(30);
        assert_eq!(Status::of(&m, 100), Status::Recalled);
        // A relayed recipient never counts as a read.
        let mut relayed_only = record(100);
        relayed_only.recipients[1].read_at = Some(20);
        assert_eq!(Status::of(&relayed_only, 50), Status::Sent);
        // No secure recipient at all: ordinary mail, counted apart.
        relayed_only.recipients.remove(0);
        assert_eq!(Status::of(&relayed_only, 50), Status::Ordinary);
    }

    #[test]
    fn each_line_says_how_it_stands_for_that_recipient() {
        let mut m = record(100);
        let (bob, carol) = (m.recipients[0].clone(), m.recipients[1].clone());
        assert_eq!(line_status(&m, &carol, None, 50), "recipient-state-delivered-ordinary");
        assert_eq!(line_status(&m, &bob, None, 50), "recipient-state-sent");
        assert_eq!(line_status(&m, &bob, None, 100), "recipient-state-expired");
        assert_eq!(line_status(&m, &bob, Some(40), 100), "recipient-state-read");
        let mut revoked = bob.clone();
        revoked.revoked = Some(Revoked { at: 1, entry: None });
        assert_eq!(line_status(&m, &revoked, Some(40), 50), "recipient-state-access-revoked");
        m.recalled_at = Some(60);
        assert_eq!(line_status(&m, &revoked, Some(40), 50), "recipient-state-recalled");
    }

    #[test]
    fn extension_choices_stop_at_the_retention_limit() {
        let day = 86_400;
        let m = record(30 * day);
        let (choices, note) = extend_choices(&m, 40 * day, day);
        assert_eq!(choices, vec![31 * day, 37 * day, 40 * day]);
        assert!(note.is_none());
        // An expired message is extended from now, not from its old expiry.
        let (choices, _) = extend_choices(&m, 400 * day, 35 * day);
        assert_eq!(choices, vec![36 * day, 42 * day, 65 * day, 400 * day]);
        let (choices, note) = extend_choices(&record(40 * day), 40 * day, day);
        assert!(choices.is_empty() && note.is_some());
        let mut once = record(30 * day);
        once.extended_at = Some(1);
        assert!(extend_choices(&once, 400 * day, day).0.is_empty());
    }
}
