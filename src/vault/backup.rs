//! Online backup and offline restore of the vault file. A backup copies every
//! table inside one read transaction (a consistent snapshot while the writer
//! carries on) into a new file, made durable before it gets its final name.
//! A restore checks the copy, keeps the current vault aside and puts the copy
//! in its place; it needs the server stopped (the file lock says so).

use std::path::{Path, PathBuf};

use redb::{
    Database, Key, ReadTransaction, ReadableDatabase as _, ReadableTable as _, ReadableTableMetadata as _, TableDefinition,
    TableHandle as _, Value, WriteTransaction,
};
use serde::Serialize;

use super::schema::{
    ACCOUNT_DOMAINS, ACCOUNTS, ADMIN_SESSIONS, ADMINS, DAY_COUNTS, DOMAINS, DRAFT_FILE_KEYS, DRAFT_FILES, DRAFT_OWNERS, DRAFTS,
    DRAFTS_GONE, EVENTS, EXPIRY_DUE, MAILBOX, MAILBOX_FOLDERS, MESSAGE_KEYS, MESSAGES, META, MONITOR_DAYS, MONITOR_ROWS, MONITOR_STATUS,
    MONITOR_TERMS, OUTBOX, OUTBOX_BY_MESSAGE, OUTBOX_DATA, OUTBOX_DEAD, OUTBOX_DUE, OUTBOX_REFS, PASSKEY_IDS, RAW, RAW_CHUNKS, REPORT_DAYS,
    RESET_TOKENS, SCHEMA_VERSION, SEARCH_DOCS, SEARCH_PENDING, SEARCH_POSTINGS, SEARCH_SEGMENTS, SEARCH_TEXT, SEARCH_WORDS,
    SENDER_MONTH_COUNTS, SENDER_RECIPIENTS, SESSIONS, SIGN_IN_CODES, VAULT_KEYS, each_table,
};
use super::{Vault, VaultError};

/// What a backup holds, as `backup` and `restore` report it.
#[derive(Debug, Clone, Serialize)]
pub struct BackupSummary {
    pub path: String,
    pub schema: u64,
    pub messages: u64,
    pub accounts: u64,
    pub events: u64,
    pub bytes: u64,
    /// The check value of the master key it is sealed under, and its wrapped
    /// search key (None for a backup of a vault from before encryption at rest).
    pub master_check: Option<Vec<u8>>,
    pub search_key: Option<Vec<u8>>,
}

fn copy<K: Key + 'static, V: Value + 'static>(
    src: &ReadTransaction,
    dst: &WriteTransaction,
    def: TableDefinition<K, V>,
) -> Result<u64, VaultError> {
    let from = src.open_table(def)?;
    let mut to = dst.open_table(def)?;
    let mut rows = 0;
    for row in from.iter()? {
        let (k, v) = row?;
        to.insert(k.value(), v.value())?;
        rows += 1;
    }
    Ok(rows)
}

/// Copies every table; (messages, accounts, events) counted on the way.
fn copy_all(src: &ReadTransaction, dst: &WriteTransaction) -> Result<(u64, u64, u64), VaultError> {
    let mut rows = std::collections::HashMap::new();
    macro_rules! copy_table {
        ($table:expr) => {
            rows.insert($table.name(), copy(src, dst, $table)?);
        };
    }
    each_table!(copy_table);
    let count = |t: &str| rows.get(t).copied().unwrap_or(0);
    Ok((count(MESSAGES.name()), count(ACCOUNTS.name()), count(EVENTS.name())))
}

fn temp_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

impl Vault {
    /// Writes a consistent copy of the vault to `path` (which must not exist).
    pub fn backup_to(&self, path: &Path) -> Result<BackupSummary, VaultError> {
        if path.exists() {
            return Err(VaultError::Storage(format!(
                "{} already exists; choose a new file name",
                path.display()
            )));
        }
        let temp = temp_of(path);
        let _ = std::fs::remove_file(&temp);
        let src = self.db()?.begin_read()?;
        let (messages, accounts, events) = {
            super::self_check::new_private_file(&temp)?;
            let copy_db = Database::create(&temp)?;
            let dst = copy_db.begin_write()?;
            let counted = copy_all(&src, &dst)?;
            dst.commit()?;
            counted
        };
        std::fs::rename(&temp, path).map_err(|e| VaultError::Storage(format!("naming the backup {}: {e}", path.display())))?;
        let schema = src.open_table(META)?.get("schema_version")?.map_or(0, |v| v.value());
        Ok(BackupSummary {
            path: path.display().to_string(),
            schema,
            messages,
            accounts,
            events,
            bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
            master_check: None,
            search_key: None,
        })
    }
}

/// Opens a backup file and reads what it holds; refuses one this binary cannot use.
pub fn check_backup(path: &Path) -> Result<BackupSummary, VaultError> {
    let db = Database::open(path)?;
    let txn = db.begin_read()?;
    let schema = txn.open_table(META)?.get("schema_version")?.map_or(0, |v| v.value());
    if schema == 0 || schema > SCHEMA_VERSION {
        return Err(VaultError::SchemaTooNew {
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    let count = |n: Result<u64, redb::StorageError>| n.map_err(VaultError::from);
    let secret = |name: &str| -> Result<Option<Vec<u8>>, VaultError> {
        match txn.open_table(VAULT_KEYS) {
            Ok(t) => Ok(t.get(name)?.map(|v| v.value().to_vec())),
            Err(redb::TableError::TableDoesNotExist(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    };
    Ok(BackupSummary {
        master_check: secret("master")?,
        search_key: secret("search")?,
        path: path.display().to_string(),
        schema,
        messages: count(txn.open_table(MESSAGES)?.len())?,
        accounts: count(txn.open_table(ACCOUNTS)?.len())?,
        events: count(txn.open_table(EVENTS)?.len())?,
        bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
    })
}

/// Puts the backup at `from` in place of `data_dir`'s vault (the current one is
/// kept as `vault.redb.before-restore-<unix time>`); the server must be stopped.
pub fn restore(from: &Path, data_dir: &Path, now: i64) -> Result<(BackupSummary, Option<PathBuf>), VaultError> {
    let summary = check_backup(from)?;
    let target = data_dir.join("vault.redb");
    if target.exists() {
        // Fails with Locked while a server holds it.
        drop(Vault::open(data_dir)?);
    }
    let temp = temp_of(&target);
    std::fs::copy(from, &temp).map_err(|e| VaultError::Storage(format!("copying {}: {e}", from.display())))?;
    std::fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| VaultError::Storage(format!("syncing {}: {e}", temp.display())))?;
    let kept = if target.exists() {
        let aside = data_dir.join(format!("vault.redb.before-restore-{now}"));
        std::fs::rename(&target, &aside).map_err(|e| VaultError::Storage(format!("keeping the old vault aside: {e}")))?;
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&temp, &target).map_err(|e| VaultError::Storage(format!("putting the backup in place: {e}")))?;
    Ok((summary, kept))
}
