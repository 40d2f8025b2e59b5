//! Reading a user's folders through the folder index (one page newest first,
//! and the totals and unread counts of every folder, in one read transaction),
//! and walking the whole mailbox for search.

use redb::ReadableDatabase;

use super::schema::{MAILBOX, MAILBOX_FOLDERS, SEARCH_TEXT};
use super::{Folder, MailboxEntry, Vault, VaultError, decode};

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
    /// Entries of `address` in `folder` with ids from `since_id` on (the window),
    /// newest first, skipping `offset` and taking `limit`.
    pub fn folder_page(&self, address: &str, folder: Folder, since_id: u64, offset: usize, limit: usize) -> Result<FolderPage, VaultError> {
        let txn = self.db.begin_read()?;
        let index = txn.open_table(MAILBOX_FOLDERS)?;
        let mut page = FolderPage::default();
        for f in Folder::ALL {
            let mut count = FolderCount::default();
            for row in index.range((address, f.code(), since_id)..=(address, f.code(), u64::MAX))?.rev() {
                let (k, v) = row?;
                let read = v.value() & 1 == 1;
                if f == folder && count.total >= offset && page.ids.len() < limit {
                    page.ids.push((k.value().2, read));
                }
                count.total += 1;
                count.unread += usize::from(!read);
            }
            page.counts.push((f, count));
        }
        Ok(page)
    }

    /// Walks every mailbox entry of `address` with an id from `since_id` on,
    /// newest first, with the message's search text (None for messages stored
    /// before search text was kept), until `visit` returns false.
    pub fn walk_mailbox(
        &self,
        address: &str,
        since_id: u64,
        mut visit: impl FnMut(u64, &MailboxEntry, Option<&str>) -> bool,
    ) -> Result<(), VaultError> {
        let txn = self.db.begin_read()?;
        let mailbox = txn.open_table(MAILBOX)?;
        let texts = txn.open_table(SEARCH_TEXT)?;
        for row in mailbox.range((address, since_id)..=(address, u64::MAX))?.rev() {
            let (k, v) = row?;
            let id = k.value().1;
            let entry: MailboxEntry = decode("mailbox", v.value())?;
            let text = texts.get(id)?;
            if !visit(id, &entry, text.as_ref().map(redb::AccessGuard::value)) {
                break;
            }
        }
        Ok(())
    }
}
