//! The vault file closed cleanly however the process stops. redb marks the
//! file "repair needed" while it is open and clears the mark only when the
//! `Database` is dropped; a handle still held by a background task at exit
//! (a keep-alive connection, a CLI's writer thread) left the mark set, and the
//! next start read the whole file before listening. So every handle shares one
//! slot: `close` (explicit at shutdown, or when the last handle drops) stops
//! the writer, takes the database out of the slot, waits for reads in flight
//! to let go of it and drops it; later calls get `VaultError::Closed`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use redb::{CompactionError, Database};

use super::VaultError;
use super::versions::Versions;
use super::writer::{Slot, WriterHandle};

/// Longest wait for reads in flight when closing.
const READS_GRACE: Duration = Duration::from_secs(5);

pub(super) struct Inner {
    db: Slot,
    /// The vault file.
    pub(super) path: PathBuf,
    pub(super) writer: WriterHandle,
    pub(super) versions: Arc<Versions>,
}

impl Inner {
    pub(super) fn new(db: Slot, path: PathBuf, writer: WriterHandle, versions: Arc<Versions>) -> Self {
        Self {
            db,
            path,
            writer,
            versions,
        }
    }

    /// The open database, for one read.
    pub(super) fn db(&self) -> Result<Arc<Database>, VaultError> {
        self.db.read().expect("vault slot").clone().ok_or(VaultError::Closed)
    }

    /// Runs `work` with the database to itself: new reads and the writer's
    /// next batch wait meanwhile; reads in flight get up to `wait` to end
    /// (else `VaultError::Busy`, and nothing was done).
    pub(super) fn exclusive<T>(
        &self,
        wait: Duration,
        mut work: impl FnMut(&mut Database) -> Result<T, CompactionError>,
    ) -> Result<T, VaultError> {
        let mut slot = self.db.write().expect("vault slot");
        let db = slot.as_mut().ok_or(VaultError::Closed)?;
        let deadline = Instant::now() + wait;
        loop {
            if let Some(db) = Arc::get_mut(db) {
                match work(db) {
                    // A read transaction begun just before still runs.
                    Err(CompactionError::TransactionInProgress) if Instant::now() < deadline => {}
                    Err(CompactionError::TransactionInProgress) => return Err(VaultError::Busy),
                    done => return done.map_err(|e| VaultError::Storage(e.to_string())),
                }
            } else if Instant::now() >= deadline {
                return Err(VaultError::Busy);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Finishes queued writes, stops the writer and closes the file (once; later calls do nothing).
    pub(super) fn close(&self) {
        self.writer.close();
        let Some(mut db) = self.db.write().expect("vault slot").take() else {
            return;
        };
        let deadline = Instant::now() + READS_GRACE;
        loop {
            match Arc::try_unwrap(db) {
                Ok(database) => {
                    drop(database);
                    tracing::debug!("vault file closed cleanly");
                    return;
                }
                Err(shared) if Instant::now() < deadline => {
                    db = shared;
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(_) => {
                    tracing::warn!("a read held the vault past shutdown; the next start checks the file");
                    return;
                }
            }
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.close();
    }
}
