//! Who may do what with a message: the one home of that rule. Opening a
//! message reads its entry and record together and says what the reader may
//! do; the message page, print, `.eml` and reply all use that answer.

use super::stored::{self, BytesError};
use super::{Context, StoreError, now};
use crate::model::{MailboxEntry, MessageRecord, Restriction};

/// A message of the reader's own mailbox, and what they may do with it.
pub struct Opened {
    pub message: MessageRecord,
    pub entry: MailboxEntry,
    pub may: Allowed,
}

/// What the reader may do: its sender may do anything; others as the
/// sender's restriction allows, and no reply after expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed {
    pub print: bool,
    pub reply: bool,
    /// Why not, for the message page (a catalogue id).
    pub note: Option<&'static str>,
    /// Why a reply is refused, when it is (a catalogue id).
    pub no_reply: Option<&'static str>,
}

pub const NO_PRINT: &str = "note-no-print-or-save";

/// Message `id` as `reader` may see it: `None` when it is not in their mailbox.
pub fn open(ctx: &Context, reader: &str, id: u64) -> Result<Option<Opened>, StoreError> {
    let Some((message, entry)) = super::records::entry_with_message(ctx, reader, id)? else {
        return Ok(None);
    };
    let may = allowed(reader, &message, &entry, now());
    Ok(Some(Opened { message, entry, may }))
}

pub fn allowed(reader: &str, m: &MessageRecord, entry: &MailboxEntry, now: i64) -> Allowed {
    if m.envelope_from.eq_ignore_ascii_case(reader) {
        return Allowed {
            print: true,
            reply: true,
            note: None,
            no_reply: None,
        };
    }
    let expired = entry.expires_at <= now;
    let note = match (m.restriction, expired) {
        (Restriction::NoPrintNoReply, _) => Some("note-no-print-no-reply"),
        (Restriction::NoPrint, true) => Some("note-no-print-expired"),
        (Restriction::NoPrint, false) => Some("note-no-print"),
        (Restriction::None, true) => Some("note-expired-no-answer"),
        (Restriction::None, false) => None,
    };
    let no_reply = if !m.restriction.may_reply() {
        Some("note-no-reply")
    } else if expired {
        Some("note-expired-no-answer")
    } else {
        None
    };
    Allowed {
        print: m.restriction.may_print(),
        reply: no_reply.is_none(),
        note,
        no_reply,
    }
}

/// The bytes as stored of a message `reader` may see; `None` when it is not theirs.
pub fn own_bytes(ctx: &Context, reader: &str, id: u64) -> Result<Option<Vec<u8>>, BytesError> {
    if ctx.vault.mailbox_entry(reader, id).map_err(StoreError::from)?.is_none() {
        return Ok(None);
    }
    stored::bytes(ctx, id)
}

/// The bytes as stored of message `id`; the caller has checked the reader
/// (an opened message, or a grant for its inline images).
pub fn bytes_of(ctx: &Context, opened_or_granted: u64) -> Result<Option<Vec<u8>>, BytesError> {
    stored::bytes(ctx, opened_or_granted)
}

/// Whether message `id` is in `reader`'s mailbox.
pub fn in_mailbox(ctx: &Context, reader: &str, id: u64) -> Result<bool, StoreError> {
    Ok(ctx.vault.mailbox_entry(reader, id)?.is_some())
}
