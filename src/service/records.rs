//! Message records out of the vault, opened: the one place a record's sealed
//! subject and attachments (`MessageRecord::sealed`) are opened. A record
//! whose seal does not open shows `DAMAGED_SUBJECT` and is logged; the rest
//! of it (addresses, dates, states) is still there.

use super::{Context, StoreError};
use crate::model::{Locked, MailboxEntry, MessageRecord};

/// The subject shown for a record whose sealed part does not open.
pub const DAMAGED_SUBJECT: &str = "(damaged: cannot be shown)";

/// `record` with its subject and attachments opened.
pub fn open(ctx: &Context, locked: Locked) -> MessageRecord {
    let (record, damaged) = opened(&ctx.master, locked.unopened());
    if damaged {
        super::stored::note_damaged(ctx, record.id, "subject and attachment names");
    }
    record
}

/// A record as stored (perhaps sealed), opened.
pub fn open_record(master: &crate::crypto::Keyring, record: MessageRecord) -> MessageRecord {
    opened(master, record).0
}

/// The record opened, and whether its seal failed.
fn opened(master: &crate::crypto::Keyring, mut record: MessageRecord) -> (MessageRecord, bool) {
    if record.sealed.is_empty() {
        return (record, false);
    }
    if let Ok(fields) = super::stored::open_fields(master, record.id, &record.sealed) {
        record.put_fields(fields);
        return (record, false);
    }
    tracing::error!(message = %format!("{:016X}", record.id), "a message record's sealed subject does not open: damaged on disk, or another master key");
    record.subject = DAMAGED_SUBJECT.to_string();
    record.sealed.clear();
    (record, true)
}

/// Message `id`'s record, opened.
pub fn message(ctx: &Context, id: u64) -> Result<Option<MessageRecord>, StoreError> {
    Ok(ctx.vault.message(id)?.map(|m| open(ctx, m)))
}

/// The records of `ids` (one per id asked, None where gone), opened.
pub fn messages_by_id(ctx: &Context, ids: impl IntoIterator<Item = u64>) -> Result<Vec<Option<MessageRecord>>, StoreError> {
    Ok(ctx
        .vault
        .messages_by_id(ids)?
        .into_iter()
        .map(|m| m.map(|m| open(ctx, m)))
        .collect())
}

/// `address`'s entry for message `id` with the record, opened, in one read.
pub fn entry_with_message(ctx: &Context, address: &str, id: u64) -> Result<Option<(MessageRecord, MailboxEntry)>, StoreError> {
    Ok(ctx.vault.entry_with_message(address, id)?.map(|(m, entry)| (open(ctx, m), entry)))
}

/// Walks the records after id `after` in id order, `keys.batch` per batch
/// (unopened: subjects may still be sealed), for the jobs that bring an older
/// vault up to date while the server serves. `write` turns a batch and its
/// last id into the write that records it (which remembers how far it got)
/// and how many it changed; `what` is logged per batch. How many changed.
pub async fn walk_older(
    ctx: &Context,
    mut after: u64,
    what: &'static str,
    mut write: impl FnMut(Vec<MessageRecord>, u64) -> (crate::vault::WriteOp, u64),
) -> Result<u64, StoreError> {
    let batch = usize::try_from(ctx.config.keys.batch).unwrap_or(500);
    let mut changed = 0u64;
    loop {
        let records: Vec<MessageRecord> = ctx.vault.records_after(after, batch)?.into_iter().map(Locked::unopened).collect();
        let Some(last) = records.last().map(|m| m.id) else {
            return Ok(changed);
        };
        let (op, n) = write(records, last);
        changed += n;
        ctx.vault.write(op).await?;
        tracing::info!(through = %format!("{last:016X}"), changed, "{what}");
        after = last;
    }
}
