//! Reading a user's folders through the folder index (one page newest first,
//! and the totals and unread counts of every folder, in one read transaction),
//! and walking the whole mailbox for search.

use redb::ReadableDatabase;

use super::schema::{DAY_COUNTS, MAILBOX, MAILBOX_FOLDERS, MESSAGES, day_of, first_id_of_day};
use super::{Vault, VaultError, decode};
use crate::model::{Folder, Locked, MailboxEntry};

/// Totals of one folder within the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FolderCount {
    pub total: usize,
    pub unread: usize,
}

/// One page of a folder: (message id, read) newest first, and every folder's counts.
#[derive(Debug, Default)]
pub struct FolderPage {
    pub ids: Vec<(u64, bool)>,
    pub counts: Vec<(Folder, FolderCount)>,
}

impl Vault {
    /// `address`'s entry for message `id` and the message's record, in one read
    /// transaction; `None` unless both are there.
    pub fn entry_with_message(&self, address: &str, id: u64) -> Result<Option<(Locked, MailboxEntry)>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let Some(entry) = txn.open_table(MAILBOX)?.get((address, id))? else {
            return Ok(None);
        };
        let entry: MailboxEntry = decode("mailbox", entry.value())?;
        let message = txn.open_table(MESSAGES)?.get(id)?;
        message
            .map(|m| Ok((Locked::new(decode("messages", m.value())?), entry)))
            .transpose()
    }

    /// Entries of `address` in `folder` with ids from `since_id` on (the window),
    /// newest first, skipping `offset` and taking `limit`.
    pub fn folder_page(&self, address: &str, folder: Folder, since_id: u64, offset: usize, limit: usize) -> Result<FolderPage, VaultError> {
        let txn = self.db()?.begin_read()?;
        let index = txn.open_table(MAILBOX_FOLDERS)?;
        let days = txn.open_table(DAY_COUNTS)?;
        let mut page = FolderPage::default();
        let rows = index.range((address, folder.code(), since_id)..=(address, folder.code(), u64::MAX))?;
        for row in rows.rev().skip(offset).take(limit) {
            let (k, v) = row?;
            page.ids.push((k.value().2, v.value() & 1 == 1));
        }
        // Whole days from the day counts; the window's first (partial) day from the index.
        let first_day = day_of(since_id);
        for f in Folder::ALL {
            let mut count = FolderCount::default();
            for row in days.range((address, f.code(), first_day.saturating_add(1))..=(address, f.code(), u32::MAX))? {
                let (total, unread) = row?.1.value();
                count.total += total as usize;
                count.unread += unread as usize;
            }
            let next_day = first_id_of_day(first_day.saturating_add(1));
            for row in index.range((address, f.code(), since_id)..(address, f.code(), next_day))? {
                count.total += 1;
                count.unread += usize::from(row?.1.value() & 1 == 0);
            }
            page.counts.push((f, count));
        }
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema::first_id_of_day;
    use super::super::{IntakeWrite, MailboxWrite, WriteOp};
    use super::*;
    use crate::model::MailboxAction;

    /// Counts from the day table plus the partial first day equal a plain walk
    /// of the index, after moves, read marks and removals.
    #[test]
    fn folder_counts_match_a_walk_of_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let me = "pat@partner.test";
        let day = 20_000;
        // 5 days, 7 messages a day, spread over each day.
        let ids: Vec<u64> = (0..5u32)
            .flat_map(|d| (0..7u64).map(move |k| first_id_of_day(day + d) + k * (3 << 16) * 3_600_000))
            .collect();
        smol::block_on(async {
            for &id in &ids {
                let w = IntakeWrite {
                    message_id: id,
                    mailbox: vec![(me.to_string(), MailboxEntry::new(Folder::Inbox, id % 3 == 0, i64::MAX))],
                    ..IntakeWrite::default()
                };
                vault.write(WriteOp::Intake(Box::new(w))).await.unwrap();
            }
            let act = |ids: Vec<u64>, action| MailboxWrite::Act {
                address: me.into(),
                ids,
                action,
                at: 0,
            };
            vault
                .write(WriteOp::Mailbox(act(ids[3..9].to_vec(), MailboxAction::Delete)))
                .await
                .unwrap();
            vault
                .write(WriteOp::Mailbox(act(ids[10..20].to_vec(), MailboxAction::Read)))
                .await
                .unwrap();
            vault
                .write(WriteOp::Mailbox(act(ids[4..6].to_vec(), MailboxAction::Purge)))
                .await
                .unwrap();
            vault
                .write(WriteOp::Mailbox(act(ids[20..22].to_vec(), MailboxAction::Unread)))
                .await
                .unwrap();
        });
        for since in [0, ids[0], ids[9] + 1, ids[16], first_id_of_day(day + 3), ids[34] + 1] {
            let page = vault.folder_page(me, Folder::Inbox, since, 0, 50).unwrap();
            let txn = vault.db().unwrap().begin_read().unwrap();
            let index = txn.open_table(MAILBOX_FOLDERS).unwrap();
            for (f, count) in &page.counts {
                let mut walked = FolderCount::default();
                for row in index.range((me, f.code(), since)..=(me, f.code(), u64::MAX)).unwrap() {
                    walked.total += 1;
                    walked.unread += usize::from(row.unwrap().1.value() & 1 == 0);
                }
                assert_eq!(*count, walked, "{f:?} since {since}");
            }
        }
    }
}
