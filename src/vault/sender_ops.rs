//! What the sender of a held message may do to it afterwards: recall it from
//! every recipient, extend its expiry once, and take one recipient's access
//! away or give it back. The service checks who asks; the write re-checks the
//! message's state inside the transaction, so two clicks cannot both win.

use redb::ReadableTable as _;

use super::entry_ops::{put_entry, remove_entry};
use super::outcome::{SenderRefusal, WriteResult};
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode};
use crate::model::{Folder, MailboxEntry, MessageRecord, OutboxKind, OutboxRow, OutboxState, RecipientStatus, Revoked, What};

#[derive(Debug)]
pub enum SenderWrite {
    /// Removes the message from every recipient's mailbox, for good.
    Recall { sender: String, id: u64, at: i64 },
    /// Moves the expiry to `until` (later than now's expiry, at most `limit`).
    Extend {
        sender: String,
        id: u64,
        until: i64,
        limit: i64,
        at: i64,
    },
    /// Takes away (`grant` false) or gives back one held recipient's access.
    Access {
        sender: String,
        id: u64,
        recipient: String,
        grant: bool,
        at: i64,
    },
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &SenderWrite) -> Result<WriteResult, VaultError> {
    let (SenderWrite::Recall { sender, id, .. } | SenderWrite::Extend { sender, id, .. } | SenderWrite::Access { sender, id, .. }) = w;
    let Some(mut m) = t.message(*id)? else {
        return Ok(WriteResult::Gone);
    };
    if !m.envelope_from.eq_ignore_ascii_case(sender) {
        return Ok(WriteResult::Gone);
    }
    if m.recalled_at.is_some() {
        return Ok(WriteResult::Refused(SenderRefusal::Recalled));
    }
    let result = match w {
        SenderWrite::Recall { sender, at, .. } => recall(t, counters, &mut m, sender, *at)?,
        SenderWrite::Extend {
            sender, until, limit, at, ..
        } => extend(t, counters, &mut m, sender, (*until, *limit), *at)?,
        SenderWrite::Access {
            sender,
            recipient,
            grant,
            at,
            ..
        } => access(t, counters, &mut m, sender, recipient, *grant, *at)?,
    };
    if result == WriteResult::Done {
        t.put_message(&m)?;
    }
    Ok(result)
}

/// Every held recipient's entry goes (the sender's own Sent copy stays), and
/// notices not yet sent are dropped: they would point at nothing.
fn recall(t: &mut Tables<'_>, counters: &mut Counters, m: &mut MessageRecord, sender: &str, at: i64) -> Result<WriteResult, VaultError> {
    let sender = sender.to_ascii_lowercase();
    for r in m.recipients.iter_mut().filter(|r| r.held()) {
        let key = r.address.to_ascii_lowercase();
        if key != sender {
            let entry = remove_entry(t, &key, m.id)?;
            keep_first_open(r, entry.as_ref());
        }
    }
    let dropped = drop_pending_notices(t, m.id)?;
    m.recalled_at = Some(at);
    let what = What::Recalled {
        by: sender.clone(),
        cancelled: dropped,
    };
    add_event(t, counters, m.id, at, &sender, what)?;
    Ok(WriteResult::Done)
}

/// Messages opened before first opens were kept on the record have it only on
/// the entry: keep it when the entry goes.
fn keep_first_open(r: &mut RecipientStatus, entry: Option<&MailboxEntry>) {
    if r.read_at.is_none() {
        r.read_at = entry.and_then(|e| e.opened_at);
    }
}

/// Removes pending "secure message waiting" rows of message `id`; their recipients.
pub(super) fn drop_pending_notices(t: &mut Tables<'_>, id: u64) -> Result<Vec<String>, VaultError> {
    let code = OutboxKind::Notification.code();
    let mut doomed = Vec::new();
    for row in t.outbox.range((code, 0)..=(code, u64::MAX))? {
        let (k, v) = row?;
        let row: OutboxRow = decode("outbox", v.value())?;
        if row.message_id == id && row.state == OutboxState::Pending {
            doomed.push((k.value().1, row.recipients.join(", ")));
        }
    }
    for (row_id, _) in &doomed {
        t.remove_row((code, *row_id))?;
    }
    Ok(doomed.into_iter().map(|(_, to)| to).collect())
}

fn extend(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    m: &mut MessageRecord,
    sender: &str,
    (until, limit): (i64, i64),
    at: i64,
) -> Result<WriteResult, VaultError> {
    if m.extended_at.is_some() {
        return Ok(WriteResult::Refused(SenderRefusal::AlreadyExtended));
    }
    if until <= m.expires_at {
        return Ok(WriteResult::Refused(SenderRefusal::NotLater));
    }
    if until > limit {
        return Ok(WriteResult::Refused(SenderRefusal::PastRetention));
    }
    let mut holders: Vec<String> = m
        .recipients
        .iter()
        .filter(|r| r.held())
        .map(|r| r.address.to_ascii_lowercase())
        .collect();
    holders.push(sender.to_ascii_lowercase());
    holders.sort();
    holders.dedup();
    for address in &holders {
        let entry: Option<MailboxEntry> = t
            .mailbox
            .get((address.as_str(), m.id))?
            .map(|v| decode("mailbox", v.value()))
            .transpose()?;
        if let Some(mut entry) = entry {
            entry.expires_at = until;
            put_entry(t, address, m.id, &entry)?;
        }
    }
    for r in &mut m.recipients {
        if let Some(Revoked { entry: Some(entry), .. }) = &mut r.revoked {
            entry.expires_at = until;
        }
    }
    let what = What::Extended {
        from: m.expires_at,
        until,
        by: sender.to_string(),
    };
    m.expires_at = until;
    // Extended after it expired: it is open again (the expiry job marks it anew).
    m.expired_at = None;
    m.extended_at = Some(at);
    add_event(t, counters, m.id, at, sender, what)?;
    Ok(WriteResult::Done)
}

fn access(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    m: &mut MessageRecord,
    sender: &str,
    recipient: &str,
    grant: bool,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let id = m.id;
    let Some(r) = m
        .recipients
        .iter_mut()
        .find(|r| r.held() && r.address.eq_ignore_ascii_case(recipient))
    else {
        return Ok(WriteResult::Refused(SenderRefusal::NotHeld));
    };
    let key = r.address.to_ascii_lowercase();
    let what = if grant {
        let Some(revoked) = r.revoked.take() else {
            return Ok(WriteResult::Refused(SenderRefusal::NotRevoked));
        };
        let entry = revoked
            .entry
            .unwrap_or_else(|| MailboxEntry::new(Folder::Inbox, r.read_at.is_some(), m.expires_at));
        put_entry(t, &key, id, &entry)?;
        super::search_index::add_back(t, &key, id)?;
        What::AccessGranted {
            to: key.clone(),
            by: sender.to_string(),
        }
    } else {
        if r.revoked.is_some() {
            return Ok(WriteResult::Refused(SenderRefusal::AlreadyRevoked));
        }
        let entry = remove_entry(t, &key, id)?;
        keep_first_open(r, entry.as_ref());
        r.revoked = Some(Revoked { at, entry });
        What::AccessRevoked {
            of: key.clone(),
            by: sender.to_string(),
        }
    };
    add_event(t, counters, id, at, sender, what)?;
    Ok(WriteResult::Done)
}
