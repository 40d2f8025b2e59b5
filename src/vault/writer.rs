//! The single writer thread: batches concurrent writes into one durable commit.

use std::sync::Arc;

use redb::{Database, ReadableTable, WriteTransaction};

use super::schema::{ACCOUNTS, Counters, EVENTS, MAILBOX, MESSAGES, META, OUTBOX, OUTBOX_DATA, RAW};
use super::{Account, Event, MailboxEntry, MessageRecord, OutboxKind, OutboxRow, OutboxState, VaultError, decode, encode};

/// Most writes one commit takes; bounds latency under heavy load.
const MAX_BATCH: usize = 512;

/// Everything one accepted SMTP transaction (or portal send) stores.
#[derive(Debug, Default)]
pub struct IntakeWrite {
    pub message_id: u64,
    pub now: i64,
    pub sender: String,
    /// The message and its stored bytes, when at least one recipient is vaulted.
    pub vaulted: Option<(MessageRecord, Vec<u8>)>,
    /// Mailbox entries of vaulted recipients (address, entry).
    pub mailbox: Vec<(String, MailboxEntry)>,
    /// Recipients to relay as ordinary mail, with the bytes to send.
    pub relay: Option<(Vec<String>, Vec<u8>)>,
    /// (actor, what) events to record for the message.
    pub events: Vec<(String, String)>,
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
    },
}

#[derive(Debug, PartialEq)]
pub enum WriteResult {
    /// Accounts created by this intake (first contact).
    Intake {
        new_accounts: Vec<String>,
    },
    Outbox,
    /// The outbox row no longer exists (already handled).
    Gone,
}

type Reply = async_channel::Sender<Result<WriteResult, VaultError>>;

#[derive(Clone)]
pub struct WriterHandle {
    jobs: async_channel::Sender<(WriteOp, Reply)>,
}

impl WriterHandle {
    pub async fn submit(&self, op: WriteOp) -> Result<WriteResult, VaultError> {
        let (tx, rx) = async_channel::bounded(1);
        self.jobs.send((op, tx)).await.map_err(|_| VaultError::WriterGone)?;
        rx.recv().await.map_err(|_| VaultError::WriterGone)?
    }
}

pub fn start(db: Arc<Database>, counters: Counters) -> WriterHandle {
    let (tx, rx) = async_channel::unbounded::<(WriteOp, Reply)>();
    std::thread::Builder::new()
        .name("vault-writer".into())
        .spawn(move || run(&db, counters, &rx))
        .expect("spawn vault writer thread");
    WriterHandle { jobs: tx }
}

fn run(db: &Database, mut counters: Counters, rx: &async_channel::Receiver<(WriteOp, Reply)>) {
    while let Ok(first) = rx.recv_blocking() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let before = counters;
        match commit_batch(db, &mut counters, &batch) {
            Ok(results) => {
                for ((_, reply), result) in batch.into_iter().zip(results) {
                    let _ = reply.try_send(Ok(result));
                }
            }
            Err(e) => {
                counters = before;
                tracing::error!(error = %e, jobs = batch.len(), "vault commit failed; nothing of this batch was stored");
                for (_, reply) in batch {
                    let _ = reply.try_send(Err(VaultError::Storage(e.to_string())));
                }
            }
        }
    }
}

fn commit_batch(db: &Database, counters: &mut Counters, batch: &[(WriteOp, Reply)]) -> Result<Vec<WriteResult>, VaultError> {
    let txn = db.begin_write()?;
    let mut results = Vec::with_capacity(batch.len());
    for (op, _) in batch {
        results.push(apply(&txn, counters, op)?);
    }
    {
        let mut meta = txn.open_table(META)?;
        meta.insert("event_seq", counters.event_seq)?;
        meta.insert("outbox_seq", counters.outbox_seq)?;
    }
    txn.commit()?;
    Ok(results)
}

fn apply(txn: &WriteTransaction, counters: &mut Counters, op: &WriteOp) -> Result<WriteResult, VaultError> {
    match op {
        WriteOp::Intake(w) => apply_intake(txn, counters, w),
        WriteOp::Outbox { kind, id, now, outcome } => apply_outbox(txn, counters, (kind.code(), *id), *now, outcome),
    }
}

fn add_event(
    txn: &WriteTransaction,
    counters: &mut Counters,
    message_id: u64,
    at: i64,
    actor: &str,
    what: String,
) -> Result<(), VaultError> {
    counters.event_seq += 1;
    let event = Event {
        seq: counters.event_seq,
        message_id,
        at_ms: at * 1000,
        actor: actor.to_string(),
        what,
    };
    txn.open_table(EVENTS)?
        .insert((message_id, counters.event_seq), encode(&event).as_slice())?;
    Ok(())
}

fn add_outbox(
    txn: &WriteTransaction,
    counters: &mut Counters,
    w: &IntakeWrite,
    kind: OutboxKind,
    recipients: Vec<String>,
    data: Option<&[u8]>,
) -> Result<u64, VaultError> {
    counters.outbox_seq += 1;
    let row = OutboxRow {
        id: counters.outbox_seq,
        kind,
        message_id: w.message_id,
        sender: w.sender.clone(),
        recipients,
        created_at: w.now,
        attempts: 0,
        next_attempt_at: w.now,
        last_error: None,
        state: OutboxState::Pending,
    };
    txn.open_table(OUTBOX)?.insert((kind.code(), row.id), encode(&row).as_slice())?;
    if let Some(bytes) = data {
        txn.open_table(OUTBOX_DATA)?.insert(row.id, bytes)?;
    }
    Ok(row.id)
}

fn apply_intake(txn: &WriteTransaction, counters: &mut Counters, w: &IntakeWrite) -> Result<WriteResult, VaultError> {
    let mut new_accounts = Vec::new();
    if let Some((record, raw)) = &w.vaulted {
        let mut messages = txn.open_table(MESSAGES)?;
        if messages.get(w.message_id)?.is_some() {
            return Err(VaultError::Storage(format!("queue id {:016X} already used", w.message_id)));
        }
        messages.insert(w.message_id, encode(record).as_slice())?;
        txn.open_table(RAW)?.insert(w.message_id, raw.as_slice())?;
    }
    for (address, entry) in &w.mailbox {
        let key = address.to_ascii_lowercase();
        txn.open_table(MAILBOX)?
            .insert((key.as_str(), w.message_id), encode(entry).as_slice())?;
        if ensure_account(txn, &key, w.now)? {
            add_outbox(txn, counters, w, OutboxKind::FirstContact, vec![key.clone()], None)?;
            add_event(
                txn,
                counters,
                w.message_id,
                w.now,
                "cloister",
                format!("account created for {key}; first-contact credentials queued"),
            )?;
            new_accounts.push(key.clone());
        }
        add_outbox(txn, counters, w, OutboxKind::Notification, vec![key.clone()], None)?;
        add_event(
            txn,
            counters,
            w.message_id,
            w.now,
            "cloister",
            format!("notification to {key} queued"),
        )?;
    }
    if let Some((recipients, bytes)) = &w.relay {
        let id = add_outbox(txn, counters, w, OutboxKind::Relay, recipients.clone(), Some(bytes))?;
        add_event(
            txn,
            counters,
            w.message_id,
            w.now,
            "cloister",
            format!("queued for relay (outbox {id}) to {}", recipients.join(", ")),
        )?;
    }
    for (actor, what) in &w.events {
        add_event(txn, counters, w.message_id, w.now, actor, what.clone())?;
    }
    Ok(WriteResult::Intake { new_accounts })
}

/// Creates an external account without a password; true when it is new.
fn ensure_account(txn: &WriteTransaction, address: &str, now: i64) -> Result<bool, VaultError> {
    let mut accounts = txn.open_table(ACCOUNTS)?;
    if accounts.get(address)?.is_some() {
        return Ok(false);
    }
    let account = Account {
        address: address.to_string(),
        created_at: now,
        internal: false,
        password_hash: None,
        must_change_password: true,
        allow_logon: true,
        allow_sending: true,
    };
    accounts.insert(address, encode(&account).as_slice())?;
    Ok(true)
}

fn apply_outbox(
    txn: &WriteTransaction,
    counters: &mut Counters,
    key: (u8, u64),
    now: i64,
    outcome: &OutboxOutcome,
) -> Result<WriteResult, VaultError> {
    let mut outbox = txn.open_table(OUTBOX)?;
    let id = key.1;
    let Some(mut row) = outbox.get(key)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
        return Ok(WriteResult::Gone);
    };
    row.attempts += 1;
    let (what, recipient_state) = match outcome {
        OutboxOutcome::Delivered { reply } => {
            outbox.remove(key)?;
            txn.open_table(OUTBOX_DATA)?.remove(id)?;
            (
                format!("relayed to {} (attempt {}): {reply}", row.recipients.join(", "), row.attempts),
                Some("relayed"),
            )
        }
        OutboxOutcome::Retry { error, next_attempt_at } => {
            row.last_error = Some(error.clone());
            row.next_attempt_at = *next_attempt_at;
            outbox.insert(key, encode(&row).as_slice())?;
            (
                format!("relay attempt {} failed: {error}; next try at unix {next_attempt_at}", row.attempts),
                None,
            )
        }
        OutboxOutcome::Dead { error } => {
            row.last_error = Some(error.clone());
            row.state = OutboxState::Dead;
            outbox.insert(key, encode(&row).as_slice())?;
            (
                format!("relay failed for good after {} attempts: {error}", row.attempts),
                Some("failed"),
            )
        }
    };
    drop(outbox);
    if let Some(state) = recipient_state {
        set_recipient_state(txn, row.message_id, &row.recipients, state)?;
    }
    add_event(txn, counters, row.message_id, now, "outbox", what)?;
    Ok(WriteResult::Outbox)
}

fn set_recipient_state(txn: &WriteTransaction, message_id: u64, recipients: &[String], state: &str) -> Result<(), VaultError> {
    let mut messages = txn.open_table(MESSAGES)?;
    let Some(mut record) = messages
        .get(message_id)?
        .map(|v| decode::<MessageRecord>("messages", v.value()))
        .transpose()?
    else {
        return Ok(());
    };
    for r in &mut record.recipients {
        if recipients.iter().any(|a| a.eq_ignore_ascii_case(&r.address)) {
            r.state = state.to_string();
        }
    }
    messages.insert(message_id, encode(&record).as_slice())?;
    Ok(())
}
