//! Where the vault's bytes go: per table, what its rows hold and what the
//! pages holding them cost, beside the size of the file (`cloister storage`).

use redb::{Database, Key, ReadTransaction, ReadableDatabase as _, ReadableTableMetadata as _, TableDefinition, TableHandle as _, Value};
use serde::Serialize;

use super::schema::{
    ACCOUNT_DOMAINS, ACCOUNTS, ADMIN_SESSIONS, ADMINS, DAY_COUNTS, DOMAINS, DRAFT_FILE_KEYS, DRAFT_FILES, DRAFT_OWNERS, DRAFTS,
    DRAFTS_GONE, EVENTS, EXPIRY_DUE, MAILBOX, MAILBOX_FOLDERS, MESSAGE_KEYS, MESSAGES, META, MONITOR_DAYS, MONITOR_ROWS, MONITOR_STATUS,
    MONITOR_TERMS, OUTBOX, OUTBOX_BY_MESSAGE, OUTBOX_DATA, OUTBOX_DEAD, OUTBOX_DUE, OUTBOX_REFS, PASSKEY_IDS, RAW, RAW_CHUNKS, REPORT_DAYS,
    RESET_TOKENS, SEARCH_DOCS, SEARCH_PENDING, SEARCH_POSTINGS, SEARCH_SEGMENTS, SEARCH_TEXT, SEARCH_WORDS, SENDER_MONTH_COUNTS,
    SENDER_RECIPIENTS, SESSIONS, SIGN_IN_CODES, VAULT_KEYS, each_table,
};
use super::{Vault, VaultError};

/// One table's share of the file.
#[derive(Debug, Clone, Serialize)]
pub struct TableUse {
    pub table: String,
    pub rows: u64,
    /// Bytes of keys and values themselves.
    pub stored_bytes: u64,
    /// Bytes of the pages that hold them: the rows, branch keys and
    /// bookkeeping, and the room left unused inside those pages.
    pub page_bytes: u64,
    /// Unused room inside those pages.
    pub fragmented_bytes: u64,
}

/// The file and its tables.
#[derive(Debug, Clone, Serialize)]
pub struct StorageReport {
    pub file_bytes: u64,
    /// Messages kept (rows of `messages`).
    pub messages: u64,
    /// Bytes of the messages as received (the `raw` table's values).
    pub message_bytes: u64,
    /// Pages of the file no table uses (free, or redb's own bookkeeping).
    pub unused_bytes: u64,
    pub tables: Vec<TableUse>,
}

fn table_use<K: Key + 'static, V: Value + 'static>(txn: &ReadTransaction, def: TableDefinition<K, V>) -> Result<TableUse, VaultError> {
    let table = txn.open_table(def)?;
    let stats = table.stats()?;
    Ok(TableUse {
        table: def.name().to_string(),
        rows: redb::ReadableTableMetadata::len(&table)?,
        stored_bytes: stats.stored_bytes(),
        page_bytes: stats.stored_bytes() + stats.metadata_bytes() + stats.fragmented_bytes(),
        fragmented_bytes: stats.fragmented_bytes(),
    })
}

/// What `compact` did.
#[derive(Debug, Clone, Serialize)]
pub struct Compacted {
    pub before_bytes: u64,
    pub after_bytes: u64,
    pub millis: u64,
}

/// How long compaction waits for reads in flight before giving up.
const READS_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

impl Vault {
    /// Gives free pages back to the file system (redb's `compact`): rows are
    /// moved down and the file is cut. Safe while serving: new reads and
    /// writes wait until it is done (SMTP answers `250` a little later,
    /// pages load a little later), so run it at a quiet time; nothing is lost
    /// if the process stops meanwhile (each step is a durable commit).
    pub fn compact(&self) -> Result<Compacted, VaultError> {
        let size = || std::fs::metadata(&self.inner.path).map_or(0, |m| m.len());
        let started = std::time::Instant::now();
        // Both sizes are taken while nothing else writes.
        let (before_bytes, after_bytes) = self.inner.exclusive(READS_WAIT, |db: &mut Database| {
            let before = size();
            db.compact().map(|_| (before, size()))
        })?;
        let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        tracing::info!(before_bytes, after_bytes, millis, "vault compacted");
        Ok(Compacted {
            before_bytes,
            after_bytes,
            millis,
        })
    }

    /// Where the bytes of the vault file go, read in one snapshot.
    pub fn storage(&self) -> Result<StorageReport, VaultError> {
        let file_bytes = std::fs::metadata(&self.inner.path).map_or(0, |m| m.len());
        let txn = self.db()?.begin_read()?;
        let mut tables = Vec::new();
        macro_rules! measure {
            ($table:expr) => {
                tables.push(table_use(&txn, $table)?);
            };
        }
        each_table!(measure);
        let messages = txn.open_table(MESSAGES)?;
        let mut message_bytes = 0;
        for row in redb::ReadableTable::iter(&messages)? {
            message_bytes += super::decode::<crate::model::MessageRecord>("messages", row?.1.value())?.size;
        }
        let used: u64 = tables.iter().map(|t| t.page_bytes).sum();
        Ok(StorageReport {
            file_bytes,
            messages: tables.iter().find(|t| t.table == MESSAGES.name()).map_or(0, |t| t.rows),
            message_bytes,
            unused_bytes: file_bytes.saturating_sub(used),
            tables,
        })
    }
}
