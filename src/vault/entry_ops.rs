//! Mailbox entries as every write changes them: the entry, its folder-index
//! key and its folder's day count, always together.

use redb::ReadableTable;

use super::schema::day_of;
use super::tables::Tables;
use super::{VaultError, decode, encode};
use crate::model::MailboxEntry;

/// Stores a mailbox entry and keeps the folder index and day counts in step with it.
pub(crate) fn put_entry(t: &mut Tables<'_>, address: &str, id: u64, entry: &MailboxEntry) -> Result<(), VaultError> {
    let old = t
        .mailbox
        .insert((address, id), encode(entry).as_slice())?
        .map(|old| decode::<MailboxEntry>("mailbox", old.value()))
        .transpose()?;
    if let Some(old) = old {
        t.mailbox_folders.remove((address, old.folder.code(), id))?;
        count_entry(t, address, id, &old, -1)?;
    }
    t.mailbox_folders.insert((address, entry.folder.code(), id), u8::from(entry.read))?;
    t.touched.push(address.to_string());
    count_entry(t, address, id, entry, 1)
}

/// Removes a mailbox entry, its index key, its count and its place in the
/// search index; the entry if there was one.
pub(crate) fn remove_entry(t: &mut Tables<'_>, address: &str, id: u64) -> Result<Option<MailboxEntry>, VaultError> {
    let old = t
        .mailbox
        .remove((address, id))?
        .map(|old| decode::<MailboxEntry>("mailbox", old.value()))
        .transpose()?;
    super::search_index::forget(t, address, id, old.is_some())?;
    let Some(old) = old else {
        return Ok(None);
    };
    t.mailbox_folders.remove((address, old.folder.code(), id))?;
    count_entry(t, address, id, &old, -1)?;
    t.touched.push(address.to_string());
    Ok(Some(old))
}

/// Adds (`by` = 1) or takes away (-1) one entry in its folder's day count.
fn count_entry(t: &mut Tables<'_>, address: &str, id: u64, entry: &MailboxEntry, by: i64) -> Result<(), VaultError> {
    let key = (address, entry.folder.code(), day_of(id));
    let (total, unread) = t.day_counts.get(key)?.map_or((0, 0), |c| c.value());
    let step = |n: u32, d: i64| u32::try_from((i64::from(n) + d).max(0)).unwrap_or(u32::MAX);
    let (total, unread) = (step(total, by), step(unread, if entry.read { 0 } else { by }));
    if total == 0 {
        t.day_counts.remove(key)?;
    } else {
        t.day_counts.insert(key, (total, unread))?;
    }
    Ok(())
}

/// Counts a message newly kept in the vault on its day, for the daily report.
pub(crate) fn count_report_day(t: &mut Tables<'_>, id: u64, inbound: bool) -> Result<(), VaultError> {
    let key = (day_of(id), u8::from(inbound));
    let n = t.report_days.get(key)?.map_or(0, |c| c.value());
    t.report_days.insert(key, n.saturating_add(1))?;
    Ok(())
}
