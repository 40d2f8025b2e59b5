//! The vault file before it is opened (not empty, not foreign, only the owner
//! may read it) and the vault while it runs (the writer alive and committing,
//! the newest records of each kind still decoding), for `/readyz`.

use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::Path;

use redb::{ReadableDatabase, ReadableTable};

use super::schema::{ACCOUNTS, EVENTS, MESSAGES, OUTBOX, SESSIONS};
use super::{Vault, VaultError, decode};
use crate::model::{Account, Event, MessageRecord, OutboxRow, Session};

/// Newest records of each table decoded by a readiness check.
const SAMPLE: usize = 8;

/// Prepares `path` for redb: creates it empty with mode 0600 when absent;
/// refuses an existing empty file (redb would silently start a fresh vault in
/// it) and makes an existing one 0600, whatever the umask made it.
pub fn prepare_file(path: &Path) -> Result<(), VaultError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() == 0 => Err(VaultError::Unusable {
            path: path.display().to_string(),
            detail: "the file is empty (was it truncated?)".into(),
        }),
        Ok(_) => {
            if repair_needed(path) {
                tracing::warn!(file = %path.display(), "the vault was not closed cleanly (a crash or a kill); it is checked before use");
            }
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| VaultError::Storage(format!("making {} owner-only: {e}", path.display())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => new_private_file(path),
        Err(e) => Err(VaultError::Storage(format!("{}: {e}", path.display()))),
    }
}

/// redb's "repair needed" mark (header byte 9, value 2): set while the file
/// is open, cleared when it is closed cleanly.
fn repair_needed(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 10];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && head[9] & 2 != 0
}

/// Creates `path` empty, readable by the owner only (for a new vault or backup).
pub fn new_private_file(path: &Path) -> Result<(), VaultError> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| VaultError::Storage(format!("creating {}: {e}", path.display())))
}

/// A redb error at open, said as what it means for the operator.
pub fn open_error(path: &Path, e: redb::DatabaseError) -> VaultError {
    match e {
        redb::DatabaseError::DatabaseAlreadyOpen => VaultError::Locked {
            path: path.display().to_string(),
        },
        redb::DatabaseError::Storage(redb::StorageError::Io(io)) if io.kind() != std::io::ErrorKind::InvalidData => {
            VaultError::Storage(format!("{}: {io}", path.display()))
        }
        other => VaultError::Unusable {
            path: path.display().to_string(),
            detail: other.to_string(),
        },
    }
}

/// Decodes the newest `SAMPLE` records of `table` as `T`.
fn newest_decode<K: redb::Key + 'static, T: serde::de::DeserializeOwned>(
    txn: &redb::ReadTransaction,
    table: redb::TableDefinition<K, &[u8]>,
    name: &'static str,
) -> Result<(), VaultError> {
    for row in txn.open_table(table)?.iter()?.rev().take(SAMPLE) {
        decode::<T>(name, row?.1.value())?;
    }
    Ok(())
}

impl Vault {
    /// Ok while the writer is alive and its last commit worked, and the newest
    /// records of every kind decode; otherwise what is wrong.
    pub fn self_check(&self) -> Result<(), VaultError> {
        self.inner.writer.healthy()?;
        let txn = self.db()?.begin_read()?;
        newest_decode::<u64, MessageRecord>(&txn, MESSAGES, "messages")?;
        newest_decode::<&str, Account>(&txn, ACCOUNTS, "accounts")?;
        newest_decode::<(u8, u64), OutboxRow>(&txn, OUTBOX, "outbox")?;
        newest_decode::<(u64, u64), Event>(&txn, EVENTS, "events")?;
        newest_decode::<&str, Session>(&txn, SESSIONS, "sessions")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_that_no_longer_decodes_or_a_stopped_writer_is_not_ready() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        assert!(vault.self_check().is_ok());
        let txn = vault.db().unwrap().begin_write().unwrap();
        txn.open_table(MESSAGES).unwrap().insert(7, b"{not json".as_slice()).unwrap();
        txn.commit().unwrap();
        let err = vault.self_check().unwrap_err();
        assert!(matches!(err, VaultError::Corrupt { table: "messages", .. }), "{err}");
        let txn = vault.db().unwrap().begin_write().unwrap();
        txn.open_table(MESSAGES).unwrap().remove(7).unwrap();
        txn.commit().unwrap();
        assert!(vault.self_check().is_ok());
        vault.close();
        assert!(matches!(vault.self_check(), Err(VaultError::WriterGone)));
    }

    #[test]
    fn an_empty_file_is_refused_and_a_new_one_is_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vault.redb");
        std::fs::write(&path, b"").unwrap();
        let err = Vault::open(dir.path()).err().expect("refused");
        assert!(
            err.to_string().contains("is empty") && err.to_string().contains("cloister restore"),
            "{err}"
        );
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "left as it was");
        std::fs::remove_file(&path).unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        vault.close();
    }
}
