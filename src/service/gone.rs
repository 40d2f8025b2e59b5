//! Why a message a reader was sent is no longer in their mailbox: recalled
//! by its sender, their access taken back, or expired and removed. Told only
//! to someone it was held for; everyone else gets "not found" as before.

use super::{Context, StoreError};
use crate::model::{Event, What};

/// What happened to a message, with whom to ask and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gone {
    Recalled {
        sender: String,
        at: i64,
    },
    Revoked {
        sender: String,
        at: i64,
    },
    /// Expired, then removed after the retention period (`at`).
    Removed {
        sender: String,
        at: i64,
    },
}

/// Why message `id` is not in `reader`'s mailbox, when it was held for them.
pub fn why(ctx: &Context, reader: &str, id: u64) -> Result<Option<Gone>, StoreError> {
    if let Some(m) = super::records::message(ctx, id)? {
        let Some(r) = m.recipients.iter().find(|r| r.held() && r.address.eq_ignore_ascii_case(reader)) else {
            return Ok(None);
        };
        let sender = m.envelope_from.clone();
        if let Some(at) = m.recalled_at {
            return Ok(Some(Gone::Recalled { sender, at }));
        }
        return Ok(r.revoked.as_ref().map(|revoked| Gone::Revoked { sender, at: revoked.at }));
    }
    // The record is gone (purged after its retention): its events remain.
    let events = ctx.vault.events(id)?;
    Ok(removed(&events, reader))
}

/// A purged message's story as its events tell it, for a reader it was held for.
fn removed(events: &[Event], reader: &str) -> Option<Gone> {
    let held_for_reader = events
        .iter()
        .any(|e| matches!(&e.what, What::Held { recipient, .. } if recipient.eq_ignore_ascii_case(reader)));
    let purged_at = events
        .iter()
        .find(|e| matches!(e.what, What::Purged { .. }))
        .map(|e| e.at_ms / 1000)?;
    if !held_for_reader {
        return None;
    }
    let sender = events.iter().find_map(|e| match &e.what {
        What::Received { sender, .. } => Some(sender.clone()),
        What::WrittenInPortal { author, .. } => Some(author.clone()),
        _ => None,
    })?;
    Some(Gone::Removed { sender, at: purged_at })
}
