//! The writes themselves, applied inside the writer's batch transaction.

use redb::{ReadableTable, Table, WriteTransaction};

use super::schema::{ACCOUNTS, Counters, EVENTS, MAILBOX, MESSAGES, OUTBOX, OUTBOX_DATA, RAW};
use super::writer::{IntakeWrite, OutboxOutcome, WriteOp, WriteResult};
use super::{Account, Event, MessageRecord, OutboxKind, OutboxRow, OutboxState, VaultError, decode, encode};

/// Every table a write may touch, opened once per batch (opening is not free in redb).
pub struct Tables<'t> {
    messages: Table<'t, u64, &'static [u8]>,
    raw: Table<'t, u64, &'static [u8]>,
    mailbox: Table<'t, (&'static str, u64), &'static [u8]>,
    accounts: Table<'t, &'static str, &'static [u8]>,
    outbox: Table<'t, (u8, u64), &'static [u8]>,
    outbox_data: Table<'t, u64, &'static [u8]>,
    events: Table<'t, (u64, u64), &'static [u8]>,
}

impl<'t> Tables<'t> {
    pub fn open(txn: &'t WriteTransaction) -> Result<Self, VaultError> {
        Ok(Self {
            messages: txn.open_table(MESSAGES)?,
            raw: txn.open_table(RAW)?,
            mailbox: txn.open_table(MAILBOX)?,
            accounts: txn.open_table(ACCOUNTS)?,
            outbox: txn.open_table(OUTBOX)?,
            outbox_data: txn.open_table(OUTBOX_DATA)?,
            events: txn.open_table(EVENTS)?,
        })
    }
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, op: &WriteOp) -> Result<WriteResult, VaultError> {
    match op {
        WriteOp::Intake(w) => apply_intake(t, counters, w),
        WriteOp::Outbox { kind, id, now, outcome } => apply_outbox(t, counters, (kind.code(), *id), *now, outcome),
    }
}

fn add_event(t: &mut Tables<'_>, counters: &mut Counters, message_id: u64, at: i64, actor: &str, what: String) -> Result<(), VaultError> {
    counters.event_seq += 1;
    let event = Event {
        seq: counters.event_seq,
        message_id,
        at_ms: at * 1000,
        actor: actor.to_string(),
        what,
    };
    t.events.insert((message_id, counters.event_seq), encode(&event).as_slice())?;
    Ok(())
}

fn add_outbox(
    t: &mut Tables<'_>,
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
    t.outbox.insert((kind.code(), row.id), encode(&row).as_slice())?;
    if let Some(bytes) = data {
        t.outbox_data.insert(row.id, bytes)?;
    }
    Ok(row.id)
}

fn apply_intake(t: &mut Tables<'_>, counters: &mut Counters, w: &IntakeWrite) -> Result<WriteResult, VaultError> {
    let mut new_accounts = Vec::new();
    if let Some((record, raw)) = &w.vaulted {
        if t.messages.get(w.message_id)?.is_some() {
            return Err(VaultError::Storage(format!("queue id {:016X} already used", w.message_id)));
        }
        t.messages.insert(w.message_id, encode(record).as_slice())?;
        t.raw.insert(w.message_id, raw.as_slice())?;
    }
    for (address, entry) in &w.mailbox {
        let key = address.to_ascii_lowercase();
        t.mailbox.insert((key.as_str(), w.message_id), encode(entry).as_slice())?;
        if ensure_account(t, &key, w.now)? {
            add_outbox(t, counters, w, OutboxKind::FirstContact, vec![key.clone()], None)?;
            let what = format!("account created for {key}; first-contact credentials queued");
            add_event(t, counters, w.message_id, w.now, "cloister", what)?;
            new_accounts.push(key.clone());
        }
        add_outbox(t, counters, w, OutboxKind::Notification, vec![key.clone()], None)?;
        add_event(
            t,
            counters,
            w.message_id,
            w.now,
            "cloister",
            format!("notification to {key} queued"),
        )?;
    }
    if let Some((recipients, bytes)) = &w.relay {
        let id = add_outbox(t, counters, w, OutboxKind::Relay, recipients.clone(), Some(bytes))?;
        let what = format!("queued for relay (outbox {id}) to {}", recipients.join(", "));
        add_event(t, counters, w.message_id, w.now, "cloister", what)?;
    }
    for (actor, what) in &w.events {
        add_event(t, counters, w.message_id, w.now, actor, what.clone())?;
    }
    Ok(WriteResult::Intake { new_accounts })
}

/// Creates an external account without a password; true when it is new.
fn ensure_account(t: &mut Tables<'_>, address: &str, now: i64) -> Result<bool, VaultError> {
    if t.accounts.get(address)?.is_some() {
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
    t.accounts.insert(address, encode(&account).as_slice())?;
    Ok(true)
}

fn apply_outbox(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    key: (u8, u64),
    now: i64,
    outcome: &OutboxOutcome,
) -> Result<WriteResult, VaultError> {
    let id = key.1;
    let Some(mut row) = t.outbox.get(key)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
        return Ok(WriteResult::Gone);
    };
    row.attempts += 1;
    let (what, recipient_state) = match outcome {
        OutboxOutcome::Delivered { reply } => {
            t.outbox.remove(key)?;
            t.outbox_data.remove(id)?;
            let what = format!("relayed to {} (attempt {}): {reply}", row.recipients.join(", "), row.attempts);
            (what, Some("relayed"))
        }
        OutboxOutcome::Retry { error, next_attempt_at } => {
            row.last_error = Some(error.clone());
            row.next_attempt_at = *next_attempt_at;
            t.outbox.insert(key, encode(&row).as_slice())?;
            let what = format!("relay attempt {} failed: {error}; next try at unix {next_attempt_at}", row.attempts);
            (what, None)
        }
        OutboxOutcome::Dead { error } => {
            row.last_error = Some(error.clone());
            row.state = OutboxState::Dead;
            t.outbox.insert(key, encode(&row).as_slice())?;
            (
                format!("relay failed for good after {} attempts: {error}", row.attempts),
                Some("failed"),
            )
        }
    };
    if let Some(state) = recipient_state {
        set_recipient_state(t, row.message_id, &row.recipients, state)?;
    }
    add_event(t, counters, row.message_id, now, "outbox", what)?;
    Ok(WriteResult::Outbox)
}

fn set_recipient_state(t: &mut Tables<'_>, message_id: u64, recipients: &[String], state: &str) -> Result<(), VaultError> {
    let Some(mut record) = t
        .messages
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
    t.messages.insert(message_id, encode(&record).as_slice())?;
    Ok(())
}
