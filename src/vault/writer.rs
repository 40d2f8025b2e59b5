//! The single writer thread: batches concurrent writes into one durable commit.

use std::sync::Arc;

use redb::Database;

use super::VaultError;
use super::commands::WriteOp;
use super::ops::apply;
use super::outcome::WriteResult;
use super::schema::{Counters, META};
use super::tables::Tables;

/// Most writes one commit takes; bounds latency under heavy load.
const MAX_BATCH: usize = 512;

/// The open database, shared by every handle and the writer thread (which
/// takes it for each batch); None once closed.
pub(super) type Slot = Arc<std::sync::RwLock<Option<Arc<Database>>>>;

type Reply = async_channel::Sender<Result<WriteResult, VaultError>>;

#[derive(Clone)]
pub struct WriterHandle {
    jobs: async_channel::Sender<(WriteOp, Reply)>,
    /// Receives once the writer thread has finished its last commit and let go of the file.
    stopped: async_channel::Receiver<()>,
    /// The error of the last commit, while commits fail.
    failing: Arc<std::sync::Mutex<Option<String>>>,
}

impl WriterHandle {
    pub async fn submit(&self, op: WriteOp) -> Result<WriteResult, VaultError> {
        let (tx, rx) = async_channel::bounded(1);
        self.jobs.send((op, tx)).await.map_err(|_| VaultError::WriterGone)?;
        rx.recv().await.map_err(|_| VaultError::WriterGone)?
    }

    /// Queues `op` without waiting for its commit; dropped if the writer is gone.
    pub fn submit_soon(&self, op: WriteOp) {
        let (tx, _) = async_channel::bounded(1);
        let _ = self.jobs.try_send((op, tx));
    }

    /// Ok while the writer thread runs and its last commit worked.
    pub fn healthy(&self) -> Result<(), VaultError> {
        if self.jobs.is_closed() || self.stopped.is_closed() || !self.stopped.is_empty() {
            return Err(VaultError::WriterGone);
        }
        match self.failing.lock().expect("writer state").clone() {
            Some(e) => Err(VaultError::CommitsFailing(e)),
            None => Ok(()),
        }
    }

    /// Finishes queued writes, then stops the writer thread (no more writes are taken).
    pub fn close(&self) {
        self.jobs.close();
        let _ = self.stopped.recv_blocking();
    }
}

pub fn start(db: Slot, counters: Counters, versions: Arc<super::versions::Versions>) -> WriterHandle {
    let (tx, rx) = async_channel::unbounded::<(WriteOp, Reply)>();
    let (done_tx, done_rx) = async_channel::bounded(1);
    let failing = Arc::new(std::sync::Mutex::new(None));
    let state = Arc::clone(&failing);
    std::thread::Builder::new()
        .name("vault-writer".into())
        .spawn(move || {
            run(&db, counters, &rx, (&versions, &state));
            drop(db);
            let _ = done_tx.send_blocking(());
        })
        .expect("spawn vault writer thread");
    WriterHandle {
        jobs: tx,
        stopped: done_rx,
        failing,
    }
}

type Failing = std::sync::Mutex<Option<String>>;

fn run(
    slot: &Slot,
    mut counters: Counters,
    rx: &async_channel::Receiver<(WriteOp, Reply)>,
    (versions, failing): (&super::versions::Versions, &Failing),
) {
    while let Ok(first) = rx.recv_blocking() {
        let mut batch = vec![first];
        take_waiting(rx, &mut batch);
        if batch.iter().all(|(op, _)| matches!(op, WriteOp::Outbox { .. })) {
            linger(rx, &mut batch);
        }
        let before = counters;
        let started = std::time::Instant::now();
        // Taken for each batch, so compaction can have the file to itself between batches.
        let db = slot.read().expect("vault slot").clone();
        let committed = db.map_or(Err(VaultError::Closed), |db| commit_batch(&db, &mut counters, &batch));
        tracing::debug!(jobs = batch.len(), micros = started.elapsed().as_micros(), "vault group commit");
        match committed {
            Ok((results, touched)) => {
                *failing.lock().expect("writer state") = None;
                // Before anyone hears of the commit, so no page is built from the old state and kept.
                versions.bump(touched);
                for ((_, reply), result) in batch.into_iter().zip(results) {
                    let _ = reply.try_send(Ok(result));
                }
            }
            Err(e) => {
                *failing.lock().expect("writer state") = Some(e.to_string());
                counters = before;
                tracing::error!(error = %e, jobs = batch.len(), "vault commit failed; nothing of this batch was stored");
                for (_, reply) in batch {
                    let _ = reply.try_send(Err(VaultError::Storage(e.to_string())));
                }
            }
        }
    }
}

/// Applies every op of the batch in one write transaction, opening each table once.
/// Most a batch of outbox outcomes waits for company before it is committed.
const LINGER: std::time::Duration = std::time::Duration::from_millis(2);
/// A lingering batch this large is committed at once.
const LINGER_ENOUGH: usize = 32;

/// Adds every job already waiting, up to `MAX_BATCH`.
fn take_waiting(rx: &async_channel::Receiver<(WriteOp, Reply)>, batch: &mut Vec<(WriteOp, Reply)>) {
    while batch.len() < MAX_BATCH {
        match rx.try_recv() {
            Ok(job) => batch.push(job),
            Err(_) => break,
        }
    }
}

/// Outbox outcomes (nobody waits on them to answer a client) wait up to
/// `LINGER`, polling, for more writes, so several share one durable commit;
/// any other write that arrives meanwhile ends the wait at once.
fn linger(rx: &async_channel::Receiver<(WriteOp, Reply)>, batch: &mut Vec<(WriteOp, Reply)>) {
    let deadline = std::time::Instant::now() + LINGER;
    while batch.len() < LINGER_ENOUGH && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_micros(200));
        let before = batch.len();
        take_waiting(rx, batch);
        if batch[before..].iter().any(|(op, _)| !matches!(op, WriteOp::Outbox { .. })) {
            return;
        }
    }
}

/// The results, and the addresses whose mailbox or account changed.
fn commit_batch(db: &Database, counters: &mut Counters, batch: &[(WriteOp, Reply)]) -> Result<(Vec<WriteResult>, Vec<String>), VaultError> {
    let mut txn = db.begin_write()?;
    // Each commit also saves the allocator state (two-phase commit), so a
    // crash costs a quick repair at the next start instead of a walk of the whole file.
    txn.set_quick_repair(true);
    let (results, mut touched) = {
        let mut tables = Tables::open(&txn)?;
        let mut results = Vec::with_capacity(batch.len());
        for (op, _) in batch {
            results.push(apply(&mut tables, counters, op)?);
        }
        let mut meta = txn.open_table(META)?;
        meta.insert("event_seq", counters.event_seq)?;
        meta.insert("outbox_seq", counters.outbox_seq)?;
        (results, std::mem::take(&mut tables.touched))
    };
    txn.commit()?;
    touched.sort_unstable();
    touched.dedup();
    Ok((results, touched))
}
