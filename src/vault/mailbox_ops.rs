//! What a user does to their own mailbox entries: open, mark read or unread,
//! delete (to Deleted), restore, and remove for good from Deleted. A write
//! naming any id that is not in the user's mailbox changes nothing (Gone).

use super::auth_ops::queue_mail_about;
use super::entry_ops::{put_entry, remove_entry};
use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode};
use crate::model::{Folder, MailboxAction, MailboxEntry, MessageRecord, OutboxKind, Payload, What};

#[derive(Debug)]
pub enum MailboxWrite {
    /// The user acts on some of their entries.
    Act {
        address: String,
        ids: Vec<u64>,
        action: MailboxAction,
        at: i64,
    },
    /// The user opened a message: it is read, and the first open is recorded
    /// ("read by …") with where it was read from.
    Open {
        address: String,
        id: u64,
        ip: String,
        agent: String,
        at: i64,
    },
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &MailboxWrite) -> Result<WriteResult, VaultError> {
    match w {
        MailboxWrite::Act { address, ids, action, at } => act(t, counters, address, ids, *action, *at),
        MailboxWrite::Open {
            address,
            id,
            ip,
            agent,
            at,
        } => {
            let Some(mut entry) = entry(t, address, *id)? else {
                return Ok(WriteResult::Gone);
            };
            let first = entry.opened_at.is_none();
            entry.read = true;
            entry.opened_at.get_or_insert(*at);
            put_entry(t, address, *id, &entry)?;
            if first && entry.folder != Folder::Sent {
                add_event(
                    t,
                    counters,
                    *id,
                    *at,
                    address,
                    What::ReadBy {
                        reader: address.clone(),
                        ip: ip.clone(),
                        agent: agent.clone(),
                    },
                )?;
                if let Some(mut message) = t.message(*id)? {
                    note_first_open(t, &mut message, address, *at)?;
                    queue_read_receipt(t, counters, &message, address, *at)?;
                }
            }
            Ok(WriteResult::Done)
        }
    }
}

/// Puts a recipient's first open on the message record, for the sender's status view.
fn note_first_open(t: &mut Tables<'_>, message: &mut MessageRecord, reader: &str, at: i64) -> Result<(), VaultError> {
    let Some(r) = message
        .recipients
        .iter_mut()
        .find(|r| r.read_at.is_none() && r.address.eq_ignore_ascii_case(reader))
    else {
        return Ok(());
    };
    r.read_at = Some(at);
    t.put_message(message)
}

/// The first open by a recipient of a message that asked for a receipt: tell its sender.
fn queue_read_receipt(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    message: &MessageRecord,
    reader: &str,
    at: i64,
) -> Result<(), VaultError> {
    let id = message.id;
    let sender = message.envelope_from.to_ascii_lowercase();
    if !message.read_receipt || sender.is_empty() || sender == reader {
        return Ok(());
    }
    let payload = Payload::ReadReceipt {
        reader: reader.to_string(),
        read_at: at,
    };
    queue_mail_about(t, counters, OutboxKind::ReadReceipt, &sender, (id, payload), at)?;
    add_event(t, counters, id, at, "cloister", What::ReadReceiptQueued { sender: sender.clone() })?;
    Ok(())
}

fn entry(t: &Tables<'_>, address: &str, id: u64) -> Result<Option<MailboxEntry>, VaultError> {
    use redb::ReadableTable as _;
    t.mailbox.get((address, id))?.map(|v| decode("mailbox", v.value())).transpose()
}

fn act(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    address: &str,
    ids: &[u64],
    action: MailboxAction,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let mut entries = Vec::with_capacity(ids.len());
    for &id in ids {
        match entry(t, address, id)? {
            // Purge only takes what is already in Deleted; nothing else is half-done.
            Some(e) if action != MailboxAction::Purge || e.folder == Folder::Deleted => entries.push((id, e)),
            _ => return Ok(WriteResult::Gone),
        }
    }
    for (id, mut e) in entries {
        let what = match action {
            MailboxAction::Read | MailboxAction::Unread => {
                e.read = action == MailboxAction::Read;
                What::Marked {
                    read: e.read,
                    by: address.to_string(),
                }
            }
            MailboxAction::Delete if e.folder != Folder::Deleted => {
                e.deleted_from = Some(e.folder);
                e.folder = Folder::Deleted;
                What::MovedToDeleted { by: address.to_string() }
            }
            MailboxAction::Restore if e.folder == Folder::Deleted => {
                e.folder = e.deleted_from.take().unwrap_or(Folder::Inbox);
                What::Restored {
                    folder: e.folder,
                    by: address.to_string(),
                }
            }
            MailboxAction::Purge => {
                remove_entry(t, address, id)?;
                add_event(
                    t,
                    counters,
                    id,
                    at,
                    address,
                    What::RemovedFromMailbox {
                        address: address.to_string(),
                    },
                )?;
                continue;
            }
            MailboxAction::Delete | MailboxAction::Restore => continue,
        };
        put_entry(t, address, id, &e)?;
        add_event(t, counters, id, at, address, what)?;
    }
    Ok(WriteResult::Done)
}
