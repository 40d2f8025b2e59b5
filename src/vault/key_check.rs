//! The vault remembers which master key its data keys are wrapped with (a
//! check value, not the key): another key is refused before anything is
//! written, and a vault that has one refuses to open without a key.

use std::path::Path;

use redb::{Database, ReadOnlyDatabase, ReadableDatabase, ReadableTable as _, TableError};

use super::schema::VAULT_KEYS;
use super::{Vault, VaultError};

const MASTER: &str = "master";

/// The check value stored in `db`, if any.
fn stored(db: &impl ReadableDatabase) -> Result<Option<Vec<u8>>, VaultError> {
    let txn = db.begin_read()?;
    let table = match txn.open_table(VAULT_KEYS) {
        Ok(t) => t,
        Err(TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    Ok(table.get(MASTER)?.map(|v| v.value().to_vec()))
}

/// The check values stored: the vault's master key's, and a rotation's next key's.
pub type KeyChecks = (Option<Vec<u8>>, Option<Vec<u8>>);

/// The stored check values: the vault's master key's and a rotation's next key's.
fn checks_in(db: &impl ReadableDatabase) -> Result<KeyChecks, VaultError> {
    let next = {
        let txn = db.begin_read()?;
        match txn.open_table(VAULT_KEYS) {
            Ok(t) => t.get(super::key_ops::NEXT)?.map(|v| v.value().to_vec()),
            Err(TableError::TableDoesNotExist(_)) => None,
            Err(e) => return Err(e.into()),
        }
    };
    Ok((stored(db)?, next))
}

/// Refuses `check` when the vault file at `path` was sealed under another
/// key, reading it without changing a byte (redb marks a file it opens for
/// writing). A file that needs recovery cannot be read so; it is checked
/// again once opened (`verify`).
pub(super) fn verify_file(path: &Path, check: &[u8]) -> Result<(), VaultError> {
    match ReadOnlyDatabase::open(path) {
        Ok(db) => verify(&db, check, path),
        Err(_) => Ok(()),
    }
}

/// Refuses `check` when the vault was sealed under another key.
pub(super) fn verify(db: &impl ReadableDatabase, check: &[u8], path: &Path) -> Result<(), VaultError> {
    match stored(db)? {
        Some(s) if s != check => Err(VaultError::WrongMasterKey {
            path: path.display().to_string(),
        }),
        _ => Ok(()),
    }
}

/// Records `check` when the vault has none yet (a new or older vault), and
/// each named secret the vault does not keep yet.
pub(super) fn record(db: &Database, check: &[u8], secrets: &[super::NamedSecret]) -> Result<(), VaultError> {
    let missing: Vec<&super::NamedSecret> = {
        let txn = db.begin_read()?;
        match txn.open_table(VAULT_KEYS) {
            Ok(t) => secrets.iter().filter(|(name, _)| !matches!(t.get(*name), Ok(Some(_)))).collect(),
            Err(TableError::TableDoesNotExist(_)) => secrets.iter().collect(),
            Err(e) => return Err(e.into()),
        }
    };
    if stored(db)?.is_some() && missing.is_empty() {
        return Ok(());
    }
    let mut txn = db.begin_write()?;
    txn.set_quick_repair(true);
    {
        let mut table = txn.open_table(VAULT_KEYS)?;
        if table.get(MASTER)?.is_none() {
            table.insert(MASTER, check)?;
        }
        for (name, value) in missing {
            table.insert(*name, value.as_slice())?;
        }
    }
    txn.commit()?;
    Ok(())
}

impl Vault {
    /// The secret kept under `name` (wrapped by the master key), if any.
    pub fn vault_key(&self, name: &str) -> Result<Option<Vec<u8>>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = match txn.open_table(VAULT_KEYS) {
            Ok(t) => t,
            Err(TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        Ok(table.get(name)?.map(|v| v.value().to_vec()))
    }

    /// The check values of the master key the vault in `data_dir` is sealed
    /// under and of the key a rotation under way moves to (read without
    /// changing anything; none when there is no vault yet).
    pub fn key_checks(data_dir: &Path) -> Result<KeyChecks, VaultError> {
        let path = data_dir.join("vault.redb");
        if !path.exists() {
            return Ok((None, None));
        }
        if let Ok(db) = ReadOnlyDatabase::open(&path) {
            return checks_in(&db);
        }
        // A file left needing repair (a kill) cannot be read so: opened for
        // writing, redb repairs it (its own bookkeeping, none of ours).
        super::self_check::prepare_file(&path)?;
        let db = Database::create(&path).map_err(|e| super::self_check::open_error(&path, e))?;
        checks_in(&db)
    }

    /// Whether the vault file in `data_dir` was sealed under a master key
    /// (read without changing anything; false when there is no vault yet).
    pub fn is_sealed(data_dir: &Path) -> Result<bool, VaultError> {
        let path = data_dir.join("vault.redb");
        if !path.exists() {
            return Ok(false);
        }
        let db = ReadOnlyDatabase::open(&path).map_err(|e| super::self_check::open_error(&path, e))?;
        Ok(stored(&db)?.is_some())
    }
}

/// A table of wrapped keys a rotation walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrappedIn {
    /// `message_keys`: id → wrapped data key.
    MessageKeys,
    /// `messages`: id → the record's sealed part (empty when it has none).
    Records,
    /// `outbox_data`: data id → relay copy.
    Copies,
    /// `drafts`: draft id → the row's sealed part (which carries its key).
    Drafts,
    /// `draft_file_keys`: file id → wrapped data key.
    DraftFileKeys,
}

impl Vault {
    /// Up to `limit` message records with ids after `after`, in id order.
    pub fn records_after(&self, after: u64, limit: usize) -> Result<Vec<crate::model::Locked>, VaultError> {
        let Some(from) = after.checked_add(1) else {
            return Ok(Vec::new());
        };
        let txn = self.db()?.begin_read()?;
        let mut out = Vec::new();
        for row in txn.open_table(super::schema::MESSAGES)?.range(from..)?.take(limit) {
            out.push(crate::model::Locked::new(super::decode("messages", row?.1.value())?));
        }
        Ok(out)
    }

    /// The last message id older messages are sealed through (0: none yet;
    /// `u64::MAX`: every one, and relay copies too).
    pub fn sealed_through(&self) -> Result<u64, VaultError> {
        let value = self.vault_key(super::key_ops::SEALED_THROUGH)?;
        Ok(value.and_then(|v| <[u8; 8]>::try_from(v).ok()).map_or(0, u64::from_be_bytes))
    }
}

impl WrappedIn {
    /// Where row `id` of this table keeps its wrapped key.
    pub fn place(self, id: u64) -> super::WrapPlace {
        match self {
            Self::MessageKeys => super::WrapPlace::MessageKey(id),
            Self::Records => super::WrapPlace::Record(id),
            Self::Copies => super::WrapPlace::Copy(id),
            Self::Drafts => super::WrapPlace::Draft(id),
            Self::DraftFileKeys => super::WrapPlace::DraftFile(id),
        }
    }
}

impl Vault {
    /// Up to `limit` rows of `table` with ids after `after`, in id order.
    pub fn wrapped_after(&self, table: WrappedIn, after: u64, limit: usize) -> Result<Vec<(u64, Vec<u8>)>, VaultError> {
        let Some(from) = after.checked_add(1) else {
            return Ok(Vec::new());
        };
        let txn = self.db()?.begin_read()?;
        let def = match table {
            WrappedIn::MessageKeys => super::schema::MESSAGE_KEYS,
            WrappedIn::Records => super::schema::MESSAGES,
            WrappedIn::Copies => super::schema::OUTBOX_DATA,
            WrappedIn::Drafts => super::schema::DRAFTS,
            WrappedIn::DraftFileKeys => super::schema::DRAFT_FILE_KEYS,
        };
        let mut out = Vec::new();
        for row in txn.open_table(def)?.range(from..)?.take(limit) {
            let (k, v) = row?;
            let value = match table {
                WrappedIn::Records => super::decode::<crate::model::MessageRecord>("messages", v.value())?.sealed,
                WrappedIn::Drafts => super::decode::<crate::model::DraftRow>("drafts", v.value())?.sealed,
                _ => v.value().to_vec(),
            };
            out.push((k.value(), value));
        }
        Ok(out)
    }
}
