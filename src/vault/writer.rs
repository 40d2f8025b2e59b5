//! The single writer thread: batches concurrent writes into one durable commit.

use std::sync::Arc;

use redb::Database;

use super::VaultError;
use super::ops::{Tables, apply};
use super::schema::{Counters, META};
use crate::model::{MailboxEntry, MessageRecord, OutboxKind};

/// Most writes one commit takes; bounds latency under heavy load.
const MAX_BATCH: usize = 512;

/// Everything one accepted SMTP transaction (or portal send) stores.
#[derive(Debug, Default)]
pub struct IntakeWrite {
    pub message_id: u64,
    pub now: i64,
    pub sender: String,
    /// The message as stored and sent (one copy for the vault and every outbox row).
    pub bytes: Vec<u8>,
    /// The message record, when it is kept in the vault (a recipient is held, or it was written in the portal).
    pub vaulted: Option<MessageRecord>,
    /// Mailbox entries of vaulted recipients (address, entry).
    pub mailbox: Vec<(String, MailboxEntry)>,
    /// Recipients to relay as ordinary mail.
    pub relay: Vec<String>,
    /// Recipients to deliver directly over verified TLS (`tls_first`).
    pub direct: Vec<String>,
    /// (actor, what) events to record for the message.
    pub events: Vec<(String, String)>,
    /// Mailbox addresses (lower case) in `internal_domains`: never mailed a password.
    pub internal: Vec<String>,
    /// The internal sender of a held message, or the author of a portal message:
    /// gets an account (if new) and a Sent copy.
    pub sender_account: Option<String>,
    /// Its bytes packed and its words' filter, for a held message (packed
    /// here from `bytes` when missing).
    pub kept: Option<Kept>,
    /// The author's own address at the mail server, for a copy (`bcc_to_mail_server`).
    pub bcc: Vec<String>,
    /// Refuse the whole write when the sender would reach more unique secure
    /// recipients this month than allowed.
    pub recipient_cap: Option<RecipientCap>,
    /// The message this one answers: its log gets a "replied to" event.
    pub parent: Option<u64>,
}

/// `messages.unique_recipients_per_month` as the writer checks it.
#[derive(Debug, Clone, Copy)]
pub struct RecipientCap {
    /// Calendar month (UTC) as yyyymm.
    pub month: u32,
    pub limit: u32,
}

/// Everything a TLS fallback stores (see `WriteOp::Fallback`).
#[derive(Debug)]
pub struct Fallback {
    pub id: u64,
    pub now: i64,
    pub recipient: String,
    pub reason: String,
    /// Used when the message is not in the vault yet.
    pub record: MessageRecord,
    pub entry: MailboxEntry,
    /// The sender is in `internal_domains` (gets an account and a Sent copy).
    pub sender_internal: bool,
    /// Its bytes packed and its words' filter.
    pub kept: Kept,
}

/// What the vault keeps of a held message besides its record, made by
/// whoever builds the write (compressing is not the writer thread's work).
#[derive(Debug, Clone, Default)]
pub struct Kept {
    pub packed: super::raw_store::Packed,
    /// The filter search checks an entry's words with (`mail::words`).
    pub words: Vec<u8>,
}

/// A row to queue because of another row's outcome.
#[derive(Debug, Clone)]
pub struct FollowUp {
    pub kind: OutboxKind,
    pub to: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub enum OutboxOutcome {
    Delivered { reply: String },
    Retry { error: String, next_attempt_at: i64 },
    Dead { error: String },
}

#[derive(Debug)]
pub enum WriteOp {
    Intake(Box<IntakeWrite>),
    Outbox {
        kind: OutboxKind,
        id: u64,
        now: i64,
        outcome: OutboxOutcome,
        /// Mail this outcome causes (a delivery-failure notice), queued in the same transaction.
        follow_up: Option<FollowUp>,
    },
    /// TLS to a `tls_first` recipient failed: hold the message for that recipient instead.
    Fallback(Box<Fallback>),
    /// Puts a dead-lettered row back in the queue (`cloister outbox retry`).
    Retry {
        id: u64,
        now: i64,
        actor: String,
    },
    /// Sign-in, sessions, password changes and resets.
    Auth(super::AuthWrite),
    /// Emailed sign-in codes and the TOTP second factor.
    Factor(super::FactorWrite),
    /// A user's own mailbox: open, mark, delete, restore, remove.
    Mailbox(super::MailboxWrite),
    /// The sender's controls over a held message: recall, extend, revoke, re-grant.
    Sender(super::SenderWrite),
    /// The admin console: admin accounts and sessions, and what admins do to portal accounts.
    Admin(super::AdminWrite),
    /// Retention and expiry: applies (a chunk of) a plan, checking each item again.
    Purge {
        plan: Box<super::PurgePlan>,
        limits: super::PurgeLimits,
    },
    /// A first-contact password's argon2id hash, stored before the mail goes out.
    InitialPassword {
        address: String,
        hash: String,
        message_id: u64,
        now: i64,
    },
}

#[derive(Debug, PartialEq)]
pub enum WriteResult {
    /// The intake is stored (new accounts and their first-contact rows included).
    Intake,
    /// Nothing was stored: the sender has reached `limit` unique secure recipients this month.
    OverCap {
        limit: u32,
    },
    Outbox,
    /// The outbox row no longer exists (already handled); or the account, session
    /// or token an auth write names does not exist (or no longer works).
    Gone,
    /// An auth write took effect.
    Done,
    /// A sender's control changed nothing, for this reason.
    Refused(super::SenderRefusal),
}

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

pub fn start(db: super::closing::Slot, counters: Counters, versions: Arc<super::versions::Versions>) -> WriterHandle {
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
    slot: &super::closing::Slot,
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
                if batch.iter().any(|(op, _)| matches!(op, WriteOp::Retry { .. })) {
                    versions.revived_outbox_rows();
                }
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
