//! The vault: the only module that touches redb.
//!
//! Writes go through one writer thread that batches concurrent requests into a
//! single durable transaction (group commit); reads run on any thread.

mod admin_ops;
mod auth_ops;
mod backup;
mod closing;
mod commands;
mod directory_ops;
mod domain_index;
mod draft_ops;
mod entry_ops;
mod event_reads;
mod factor_ops;
mod key_check;
mod key_ops;
mod mailbox_ops;
mod mailbox_reads;
mod monitor_index;
mod monitor_reads;
mod ops;
mod outbox_ops;
mod outbox_reads;
mod outcome;
mod passkey_ops;
pub mod postings;
mod purge_ops;
mod raw_store;
mod schema;
mod search_index;
mod self_check;
mod sender_ops;
mod storage;
mod tables;
mod versions;
mod writer;

use std::path::Path;
use std::sync::Arc;

use redb::{Database, ReadableDatabase, ReadableTable};

use crate::model::{Account, AdminAccount, AdminSession, Locked, MailboxEntry, OutboxKind, OutboxRow, ResetToken, Session, SignInCode};

/// A secret kept in the vault under a name, wrapped by the master key.
pub type NamedSecret<'a> = (&'a str, Vec<u8>);

pub use admin_ops::AdminWrite;
pub use auth_ops::AuthWrite;
pub use backup::{BackupSummary, check_backup, restore};
pub use commands::{Fallback, FollowUp, IntakeWrite, Kept, OutboxOutcome, RecipientCap, WriteOp};
pub use draft_ops::{DraftWrite, NewDraftFile, SentDraft};
pub use factor_ops::{FactorWrite, Proof};
pub use key_check::WrappedIn;
pub use key_ops::{KeysWrite, Rewrap, SealedOlder, WrapPlace};
pub use mailbox_ops::MailboxWrite;
pub use mailbox_reads::FolderCount;
pub use monitor_reads::{Cursor, MonitorQuery};
pub use outbox_reads::OutboxHealth;
pub use outcome::{SenderRefusal, WriteResult};
pub use passkey_ops::{EnrolledFrom, PasskeyWrite, Start};
pub use purge_ops::{PurgeLimits, PurgePlan};
pub use raw_store::{Sealed, Stored};
pub use search_index::{IndexWrite, SegmentMeta};
pub use sender_ops::SenderWrite;

use schema::{
    ACCOUNTS, ADMIN_SESSIONS, ADMINS, EVENTS, MAILBOX, MESSAGES, OUTBOX, OUTBOX_DATA, OUTBOX_DUE, REPORT_DAYS, RESET_TOKENS, SESSIONS,
    SIGN_IN_CODES,
};

/// Errors of the storage layer; the text is for logs, not for users.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("vault file {path} is in use by another Cloister process (stop it, or use the control socket)")]
    Locked { path: String },
    #[error("vault schema {found} is newer than this binary understands ({supported})")]
    SchemaTooNew { found: u64, supported: u64 },
    #[error("storage: {0}")]
    Storage(String),
    #[error("corrupt record in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },
    #[error("the vault writer has stopped")]
    WriterGone,
    #[error("the vault is closed (the server is stopping)")]
    Closed,
    #[error(
        "the master key does not open vault file {path}: it was sealed under another key. Nothing was changed; \
         give Cloister the key it was made with"
    )]
    WrongMasterKey { path: String },
    #[error("the vault is busy (reads did not finish in time); try again")]
    Busy,
    #[error("the last vault commit failed: {0}")]
    CommitsFailing(String),
    /// The file cannot be used as a vault (empty, foreign or damaged).
    #[error(
        "vault file {path} cannot be used: {detail}. Nothing was changed. Put a backup in its place with \
         `cloister restore FILE` (the damaged file is kept beside it), or move it away to start an empty vault"
    )]
    Unusable { path: String, detail: String },
}

macro_rules! storage_from {
    ($($t:ty),*) => {$(
        impl From<$t> for VaultError {
            fn from(e: $t) -> Self { VaultError::Storage(e.to_string()) }
        }
    )*};
}
storage_from!(
    redb::Error,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::DatabaseError
);

/// Page cache of the vault file (reads and the write buffer).
const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// Handle to the open vault; cheap to clone. The file is closed when
/// `close` is called or the last handle drops (`closing.rs`).
#[derive(Clone)]
pub struct Vault {
    inner: Arc<closing::Inner>,
}

impl Vault {
    /// Opens (or creates) `vault.redb` in `data_dir` and starts the writer
    /// thread, without a master key (tests of the storage alone).
    pub fn open(data_dir: &Path) -> Result<Self, VaultError> {
        Self::open_checked(data_dir, None)
    }

    /// Opens the vault for the master key whose check value is `check`:
    /// refused, before anything is written, when it was sealed under another.
    /// Opens the vault sealed under the master key whose check value is
    /// `check`, keeping each of `secrets` (name, wrapped value) unless one of
    /// that name is kept already (`vault_key`).
    pub fn open_sealed(data_dir: &Path, check: &[u8], secrets: &[NamedSecret]) -> Result<Self, VaultError> {
        Self::open_checked(data_dir, Some((check, secrets)))
    }

    fn open_checked(data_dir: &Path, sealed: Option<(&[u8], &[NamedSecret])>) -> Result<Self, VaultError> {
        let check = sealed.map(|s| s.0);
        let path = data_dir.join("vault.redb");
        if let Some(check) = check.filter(|_| path.exists()) {
            key_check::verify_file(&path, check)?;
        }
        self_check::prepare_file(&path)?;
        // redb's default cache is 1 GiB: far too much beside other services on a Pi.
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create(&path)
            .map_err(|e| self_check::open_error(&path, e))?;
        if let Some(check) = check {
            key_check::verify(&db, check, &path)?;
        }
        let counters = schema::prepare(&db)?;
        if let Some((check, secrets)) = sealed {
            key_check::record(&db, check, secrets)?;
        }
        let slot: writer::Slot = Arc::new(std::sync::RwLock::new(Some(Arc::new(db))));
        let versions = Arc::new(versions::Versions::default());
        let writer = writer::start(Arc::clone(&slot), counters, Arc::clone(&versions));
        Ok(Self {
            inner: Arc::new(closing::Inner::new(slot, path, writer, versions)),
        })
    }

    /// Lets queued writes finish, stops the writer and closes the file cleanly,
    /// even while other handles are still held (they get `VaultError::Closed`).
    pub fn close(&self) {
        self.inner.close();
    }

    /// The open database, for one read.
    fn db(&self) -> Result<Arc<Database>, VaultError> {
        self.inner.db()
    }

    /// Applies one write in the next group commit and waits until it is durable.
    pub async fn write(&self, op: WriteOp) -> Result<WriteResult, VaultError> {
        self.inner.writer.submit(op).await
    }

    /// Queues `op` for the next commit without waiting for it (a note that
    /// must not hold up a read, such as a damaged message's event).
    pub fn write_soon(&self, op: WriteOp) {
        self.inner.writer.submit_soon(op);
    }

    /// A number that changes whenever a write changes `address`'s mailbox
    /// entries or account (in memory; a restart starts again).
    pub fn mailbox_version(&self, address: &str) -> u64 {
        self.inner.versions.of(address)
    }

    /// The account of `address` (lower case).
    pub fn account(&self, address: &str) -> Result<Option<Account>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(ACCOUNTS)?;
        table.get(address)?.map(|v| decode("accounts", v.value())).transpose()
    }

    /// Up to `limit` accounts with addresses after `after`, by address.
    pub fn accounts_after(&self, after: &str, limit: usize) -> Result<Vec<Account>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(ACCOUNTS)?;
        let rows = table.range::<&str>((std::ops::Bound::Excluded(after), std::ops::Bound::Unbounded))?;
        rows.take(limit).map(|row| decode("accounts", row?.1.value())).collect()
    }

    /// The session stored under `token_hash`.
    pub fn session(&self, token_hash: &str) -> Result<Option<Session>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(SESSIONS)?;
        table.get(token_hash)?.map(|v| decode("sessions", v.value())).transpose()
    }

    /// Every session of `address` with its token hash, newest first.
    pub fn sessions_of(&self, address: &str) -> Result<Vec<(String, Session)>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(SESSIONS)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let s: Session = decode("sessions", v.value())?;
            if s.address == address {
                out.push((k.value().to_string(), s));
            }
        }
        out.sort_by_key(|(_, s)| std::cmp::Reverse(s.created_at));
        Ok(out)
    }

    /// Messages kept per UTC day from `first` to `last` (inclusive): (day, outbound, inbound), days with none left out.
    pub fn report_days(&self, first: u32, last: u32) -> Result<Vec<(u32, u32, u32)>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(REPORT_DAYS)?;
        let mut out: Vec<(u32, u32, u32)> = Vec::new();
        for row in table.range((first, 0)..=(last, u8::MAX))? {
            let (k, v) = row?;
            let (day, inbound) = k.value();
            if out.last().is_none_or(|d| d.0 != day) {
                out.push((day, 0, 0));
            }
            let entry = out.last_mut().expect("pushed above");
            if inbound == 0 {
                entry.1 += v.value();
            } else {
                entry.2 += v.value();
            }
        }
        Ok(out)
    }

    /// The admin named `name` (lower case).
    /// Whose passkey credential `id` (base64url) is.
    pub fn passkey_owner(&self, id: &str) -> Result<Option<crate::model::PasskeyOwner>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(schema::PASSKEY_IDS)?;
        table.get(id)?.map(|v| decode("passkey_ids", v.value())).transpose()
    }

    pub fn admin(&self, name: &str) -> Result<Option<AdminAccount>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(ADMINS)?;
        table.get(name)?.map(|v| decode("admins", v.value())).transpose()
    }

    /// Every admin, by name.
    pub fn admins(&self) -> Result<Vec<AdminAccount>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(ADMINS)?;
        table.iter()?.map(|row| decode("admins", row?.1.value())).collect()
    }

    /// The admin session stored under `token_hash`.
    pub fn admin_session(&self, token_hash: &str) -> Result<Option<AdminSession>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(ADMIN_SESSIONS)?;
        table.get(token_hash)?.map(|v| decode("admin_sessions", v.value())).transpose()
    }

    /// The emailed sign-in code waiting for `address`, if any.
    pub fn sign_in_code(&self, address: &str) -> Result<Option<SignInCode>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(SIGN_IN_CODES)?;
        table.get(address)?.map(|v| decode("sign_in_codes", v.value())).transpose()
    }

    /// The reset link stored under `token_hash`, if it is still the account's current one.
    pub fn reset_token(&self, token_hash: &str) -> Result<Option<ResetToken>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let token: Option<ResetToken> = txn
            .open_table(RESET_TOKENS)?
            .get(token_hash)?
            .map(|v| decode("reset_tokens", v.value()))
            .transpose()?;
        let Some(token) = token else { return Ok(None) };
        let account: Option<Account> = txn
            .open_table(ACCOUNTS)?
            .get(token.address.as_str())?
            .map(|v| decode("accounts", v.value()))
            .transpose()?;
        Ok(account.filter(|a| a.reset_token.as_deref() == Some(token_hash)).map(|_| token))
    }

    /// One mailbox entry: present only when message `id` is in `address`'s mailbox.
    pub fn mailbox_entry(&self, address: &str, id: u64) -> Result<Option<MailboxEntry>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(MAILBOX)?;
        table.get((address, id))?.map(|v| decode("mailbox", v.value())).transpose()
    }

    pub fn message(&self, id: u64) -> Result<Option<Locked>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(MESSAGES)?;
        table.get(id)?.map(|v| decode("messages", v.value()).map(Locked::new)).transpose()
    }

    /// The records of several messages in one read transaction, one per id asked.
    pub fn messages_by_id(&self, ids: impl IntoIterator<Item = u64>) -> Result<Vec<Option<Locked>>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(MESSAGES)?;
        ids.into_iter()
            .map(|id| table.get(id)?.map(|v| decode("messages", v.value()).map(Locked::new)).transpose())
            .collect()
    }

    /// The stored MIME bytes of a vaulted message.
    pub fn raw_message(&self, id: u64) -> Result<Option<Stored>, VaultError> {
        let txn = self.db()?.begin_read()?;
        raw_store::read(&txn, id)
    }

    /// Up to `limit` outbox rows after key `after` (kind code, row id), in key order.
    pub fn outbox_after(&self, after: Option<(u8, u64)>, limit: usize) -> Result<Vec<OutboxRow>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(OUTBOX)?;
        let rows = match after {
            Some(key) => table.range((std::ops::Bound::Excluded(key), std::ops::Bound::Unbounded))?,
            None => table.range::<(u8, u64)>(..)?,
        };
        rows.take(limit).map(|row| decode("outbox", row?.1.value())).collect()
    }

    pub fn outbox(&self) -> Result<Vec<OutboxRow>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(OUTBOX)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (_, v) = row?;
            out.push(decode("outbox", v.value())?);
        }
        Ok(out)
    }

    /// Up to `limit` pending rows of `kind` due by `now`, soonest first,
    /// leaving out those `skip` names; found through the due-time index, so
    /// rows waiting for later and dead letters cost nothing. Bytes are read
    /// per row with `outbox_data`.
    pub fn due_outbox(&self, kind: OutboxKind, now: i64, limit: usize, skip: impl Fn(u64) -> bool) -> Result<Vec<OutboxRow>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let (due, rows) = (txn.open_table(OUTBOX_DUE)?, txn.open_table(OUTBOX)?);
        let code = kind.code();
        let mut out = Vec::new();
        for key in due.range((code, i64::MIN, 0)..=(code, now, u64::MAX))? {
            let (_, _, id) = key?.0.value();
            if skip(id) {
                continue;
            }
            if let Some(row) = rows.get((code, id))? {
                out.push(decode("outbox", row.value())?);
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// The bytes a relay row sends.
    pub fn outbox_data(&self, data_id: u64) -> Result<Option<Vec<u8>>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(OUTBOX_DATA)?;
        Ok(table.get(data_id)?.map(|v| v.value().to_vec()))
    }

    /// Earliest next attempt among pending rows of `kind`.
    pub fn next_due(&self, kind: OutboxKind) -> Result<Option<i64>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let due = txn.open_table(OUTBOX_DUE)?;
        let code = kind.code();
        let first = due.range((code, i64::MIN, 0)..=(code, i64::MAX, u64::MAX))?.next().transpose()?;
        Ok(first.map(|(k, _)| k.value().1))
    }

    /// The highest message id that has events (every accepted message has some).
    pub fn last_message_id(&self) -> Result<u64, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(EVENTS)?;
        Ok(table.last()?.map_or(0, |(k, _)| k.value().0))
    }
}

pub(crate) fn decode<T: serde::de::DeserializeOwned>(table: &'static str, bytes: &[u8]) -> Result<T, VaultError> {
    serde_json::from_slice(bytes).map_err(|e| VaultError::Corrupt {
        table,
        detail: e.to_string(),
    })
}

pub(crate) fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("vault records always serialise")
}
