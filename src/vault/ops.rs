//! The writes themselves, applied inside the writer's batch transaction.

use redb::{ReadableTable, Table, WriteTransaction};

use super::entry_ops::{count_report_day, put_entry};
use super::outbox_ops::{apply_initial_password, apply_outbox, apply_retry, queue_follow_up, release_data};
use super::raw_store;
use super::schema::{
    ACCOUNTS, ADMIN_SESSIONS, ADMINS, Counters, DAY_COUNTS, EVENTS, MAILBOX, MAILBOX_FOLDERS, MESSAGES, OUTBOX, OUTBOX_DATA, OUTBOX_REFS,
    RAW, RAW_CHUNKS, REPORT_DAYS, RESET_TOKENS, SEARCH_TEXT, SEARCH_WORDS, SENDER_MONTH_COUNTS, SENDER_RECIPIENTS, SESSIONS, SIGN_IN_CODES,
};
use super::writer::{Fallback, IntakeWrite, RecipientCap, WriteOp, WriteResult};
use super::{VaultError, decode, encode};
use crate::model::{Account, Event, Folder, MailboxEntry, MessageRecord, OutboxKind, OutboxRow, OutboxState};

/// Every table a write may touch, opened once per batch (opening is not free in redb).
pub struct Tables<'t> {
    pub(super) messages: Table<'t, u64, &'static [u8]>,
    pub(super) raw: Table<'t, u64, &'static [u8]>,
    pub(super) raw_chunks: Table<'t, (u64, u32), &'static [u8]>,
    pub(super) search_words: Table<'t, (&'static str, u64), &'static [u8]>,
    pub(super) mailbox: Table<'t, (&'static str, u64), &'static [u8]>,
    pub(super) mailbox_folders: Table<'t, (&'static str, u8, u64), u8>,
    pub(super) day_counts: Table<'t, (&'static str, u8, u32), (u32, u32)>,
    pub(super) search_text: Table<'t, u64, &'static str>,
    pub(super) accounts: Table<'t, &'static str, &'static [u8]>,
    pub(super) outbox: Table<'t, (u8, u64), &'static [u8]>,
    pub(super) outbox_data: Table<'t, u64, &'static [u8]>,
    pub(super) outbox_refs: Table<'t, u64, u32>,
    pub(super) events: Table<'t, (u64, u64), &'static [u8]>,
    pub(super) sessions: Table<'t, &'static str, &'static [u8]>,
    pub(super) reset_tokens: Table<'t, &'static str, &'static [u8]>,
    pub(super) sign_in_codes: Table<'t, &'static str, &'static [u8]>,
    sender_recipients: Table<'t, (&'static str, u32, &'static str), ()>,
    sender_month_counts: Table<'t, (&'static str, u32), u32>,
    pub(super) admins: Table<'t, &'static str, &'static [u8]>,
    pub(super) admin_sessions: Table<'t, &'static str, &'static [u8]>,
    pub(super) report_days: Table<'t, (u32, u8), u32>,
    /// Addresses whose mailbox or account this batch changed (`Versions`).
    pub(super) touched: Vec<String>,
}

impl<'t> Tables<'t> {
    pub fn open(txn: &'t WriteTransaction) -> Result<Self, VaultError> {
        Ok(Self {
            messages: txn.open_table(MESSAGES)?,
            raw: txn.open_table(RAW)?,
            raw_chunks: txn.open_table(RAW_CHUNKS)?,
            search_words: txn.open_table(SEARCH_WORDS)?,
            mailbox: txn.open_table(MAILBOX)?,
            mailbox_folders: txn.open_table(MAILBOX_FOLDERS)?,
            day_counts: txn.open_table(DAY_COUNTS)?,
            search_text: txn.open_table(SEARCH_TEXT)?,
            accounts: txn.open_table(ACCOUNTS)?,
            outbox: txn.open_table(OUTBOX)?,
            outbox_data: txn.open_table(OUTBOX_DATA)?,
            outbox_refs: txn.open_table(OUTBOX_REFS)?,
            events: txn.open_table(EVENTS)?,
            sessions: txn.open_table(SESSIONS)?,
            reset_tokens: txn.open_table(RESET_TOKENS)?,
            sign_in_codes: txn.open_table(SIGN_IN_CODES)?,
            sender_recipients: txn.open_table(SENDER_RECIPIENTS)?,
            sender_month_counts: txn.open_table(SENDER_MONTH_COUNTS)?,
            admins: txn.open_table(ADMINS)?,
            admin_sessions: txn.open_table(ADMIN_SESSIONS)?,
            report_days: txn.open_table(REPORT_DAYS)?,
            touched: Vec::new(),
        })
    }

    /// The record of message `id`, if it is kept.
    pub(super) fn message(&self, id: u64) -> Result<Option<MessageRecord>, VaultError> {
        self.messages.get(id)?.map(|v| decode("messages", v.value())).transpose()
    }

    /// Stores a message record under its id.
    pub(super) fn put_message(&mut self, m: &MessageRecord) -> Result<(), VaultError> {
        self.messages.insert(m.id, encode(m).as_slice())?;
        Ok(())
    }
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, op: &WriteOp) -> Result<WriteResult, VaultError> {
    match op {
        WriteOp::Intake(w) => apply_intake(t, counters, w),
        WriteOp::Outbox {
            kind,
            id,
            now,
            outcome,
            follow_up,
        } => {
            let result = apply_outbox(t, counters, (kind.code(), *id), *now, outcome)?;
            if let (Some(f), WriteResult::Outbox) = (follow_up, &result) {
                queue_follow_up(t, counters, (kind.code(), *id), *now, f)?;
            }
            Ok(result)
        }
        WriteOp::Retry { id, now, actor } => apply_retry(t, counters, *id, *now, actor),
        WriteOp::Fallback(f) => apply_fallback(t, counters, f),
        WriteOp::InitialPassword {
            address,
            hash,
            message_id,
            now,
        } => apply_initial_password(t, counters, address, hash, *message_id, *now),
        WriteOp::Auth(w) => super::auth_ops::apply(t, counters, w),
        WriteOp::Factor(w) => super::factor_ops::apply(t, counters, w),
        WriteOp::Mailbox(w) => super::mailbox_ops::apply(t, counters, w),
        WriteOp::Sender(w) => super::sender_ops::apply(t, counters, w),
        WriteOp::Admin(w) => super::admin_ops::apply(t, counters, w),
        WriteOp::Purge { plan, limits } => super::purge_ops::apply(t, counters, plan, limits),
    }
}

pub(super) fn add_event(
    t: &mut Tables<'_>,
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
    t.events.insert((message_id, counters.event_seq), encode(&event).as_slice())?;
    Ok(())
}

fn add_outbox(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    w: &IntakeWrite,
    kind: OutboxKind,
    recipients: Vec<String>,
    data_id: u64,
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
        data_id,
        note: String::new(),
    };
    t.outbox.insert((kind.code(), row.id), encode(&row).as_slice())?;
    Ok(row.id)
}

/// Stores the words' filter of a new entry of `address` (the message's, for
/// every entry); an empty one (every search opens it) when none was made.
fn put_words(t: &mut Tables<'_>, address: &str, w: &IntakeWrite) -> Result<(), VaultError> {
    let words = w.kept.as_ref().map_or(&[][..], |k| k.words.as_slice());
    t.search_words.insert((address, w.message_id), words)?;
    Ok(())
}

fn apply_intake(t: &mut Tables<'_>, counters: &mut Counters, w: &IntakeWrite) -> Result<WriteResult, VaultError> {
    if let Some(cap) = w.recipient_cap
        && !count_recipients(t, w, cap)?
    {
        return Ok(WriteResult::OverCap { limit: cap.limit });
    }
    if let Some(record) = &w.vaulted {
        if t.messages.get(w.message_id)?.is_some() {
            return Err(VaultError::Storage(format!("queue id {:016X} already used", w.message_id)));
        }
        t.messages.insert(w.message_id, encode(record).as_slice())?;
        match &w.kept {
            Some(kept) => raw_store::put(t, w.message_id, &kept.packed)?,
            None => raw_store::put(t, w.message_id, &raw_store::pack(&w.bytes))?,
        }
        count_report_day(t, w.message_id, record.inbound)?;
    }
    for (address, entry) in &w.mailbox {
        let key = address.to_ascii_lowercase();
        put_entry(t, &key, w.message_id, entry)?;
        put_words(t, &key, w)?;
        let internal = w.internal.contains(&key);
        if ensure_account(t, &key, w.now, internal)? {
            let what = if internal {
                format!("account created for {key} (internal: signs in with an emailed code, no password is mailed)")
            } else {
                add_outbox(t, counters, w, OutboxKind::FirstContact, vec![key.clone()], 0)?;
                format!("account created for {key}; first-contact credentials queued")
            };
            add_event(t, counters, w.message_id, w.now, "cloister", what)?;
        }
        // The event that says the message was held also says its notice is queued.
        add_outbox(t, counters, w, OutboxKind::Notification, vec![key.clone()], 0)?;
    }
    let sent_expiry = (w.vaulted.as_ref().map(|record| record.expires_at)).or_else(|| w.mailbox.first().map(|(_, e)| e.expires_at));
    if let (Some(sender), Some(expires_at)) = (&w.sender_account, sent_expiry) {
        add_sender_copy(t, counters, w, &sender.to_ascii_lowercase(), expires_at)?;
    }
    queue_sends(t, counters, w)?;
    for (actor, what) in &w.events {
        add_event(t, counters, w.message_id, w.now, actor, what.clone())?;
    }
    if let Some(parent) = w.parent
        && t.messages.get(parent)?.is_some()
    {
        let what = format!("replied to by {} (message {:016X})", w.sender, w.message_id);
        add_event(t, counters, parent, w.now, &w.sender, what)?;
    }
    Ok(WriteResult::Intake)
}

/// One outbox row per recipient to relay, deliver directly or copy to the author
/// (a refusal for one must not fail the others), all sharing one copy of the bytes.
fn queue_sends(t: &mut Tables<'_>, counters: &mut Counters, w: &IntakeWrite) -> Result<(), VaultError> {
    let groups = [
        (OutboxKind::Relay, &w.relay),
        (OutboxKind::Direct, &w.direct),
        (OutboxKind::BccCopy, &w.bcc),
    ];
    let rows: usize = groups.iter().map(|(_, g)| g.len()).sum();
    if rows == 0 {
        return Ok(());
    }
    let data_id = counters.outbox_seq + 1;
    t.outbox_data.insert(data_id, w.bytes.as_slice())?;
    t.outbox_refs.insert(data_id, u32::try_from(rows).unwrap_or(u32::MAX))?;
    for (kind, recipients) in groups {
        for rcpt in recipients {
            let id = add_outbox(t, counters, w, kind, vec![rcpt.clone()], data_id)?;
            let what = format!("queued for {} (outbox {id}) to {rcpt}", kind.noun());
            add_event(t, counters, w.message_id, w.now, "cloister", what)?;
        }
    }
    Ok(())
}

/// Records the secure recipients of `w` against its sender's month; false
/// (and nothing recorded) when that would pass the cap. Checked before
/// anything else of the write is stored, so a refusal leaves no trace.
fn count_recipients(t: &mut Tables<'_>, w: &IntakeWrite, cap: RecipientCap) -> Result<bool, VaultError> {
    let sender = w.sender.to_ascii_lowercase();
    if sender.is_empty() || w.mailbox.is_empty() {
        return Ok(true);
    }
    let mut new: Vec<String> = Vec::new();
    for (address, _) in &w.mailbox {
        let address = address.to_ascii_lowercase();
        if !new.contains(&address) && t.sender_recipients.get((sender.as_str(), cap.month, address.as_str()))?.is_none() {
            new.push(address);
        }
    }
    if new.is_empty() {
        return Ok(true);
    }
    let used = t.sender_month_counts.get((sender.as_str(), cap.month))?.map_or(0, |v| v.value());
    let total = used.saturating_add(u32::try_from(new.len()).unwrap_or(u32::MAX));
    if total > cap.limit {
        return Ok(false);
    }
    for address in &new {
        t.sender_recipients.insert((sender.as_str(), cap.month, address.as_str()), ())?;
    }
    t.sender_month_counts.insert((sender.as_str(), cap.month), total)?;
    Ok(true)
}

/// The internal sender of a held message: an account (made quietly, never
/// mailed a password) and the message in their Sent folder.
fn add_sender_copy(t: &mut Tables<'_>, counters: &mut Counters, w: &IntakeWrite, sender: &str, expires_at: i64) -> Result<(), VaultError> {
    if t.mailbox.get((sender, w.message_id))?.is_none() {
        let entry = MailboxEntry::new(Folder::Sent, true, expires_at);
        put_entry(t, sender, w.message_id, &entry)?;
        put_words(t, sender, w)?;
    }
    if ensure_account(t, sender, w.now, true)? {
        let what = format!("account created for sender {sender} (internal: signs in with an emailed code, no password is mailed)");
        add_event(t, counters, w.message_id, w.now, "cloister", what)?;
    }
    Ok(())
}

/// Creates an account without a password; true when it is new. An external
/// one must change the password it is about to be mailed.
pub(super) fn ensure_account(t: &mut Tables<'_>, address: &str, now: i64, internal: bool) -> Result<bool, VaultError> {
    if t.accounts.get(address)?.is_some() {
        return Ok(false);
    }
    let account = Account {
        address: address.to_string(),
        created_at: now,
        internal,
        password_hash: None,
        must_change_password: !internal,
        allow_logon: true,
        allow_sending: true,
        password_changed_at: 0,
        reset_token: None,
        last_sign_in: None,
        previous_sign_in: None,
        code_requested_at: 0,
        reset_requested_at: 0,
        totp: None,
        preferences: crate::model::Preferences::default(),
    };
    t.accounts.insert(address, encode(&account).as_slice())?;
    t.touched.push(address.to_string());
    Ok(true)
}

/// Holds a `tls_first` message for one recipient after TLS failed, exactly as a
/// secure rule would have: record (if new), mailbox entry, account, notices.
fn apply_fallback(t: &mut Tables<'_>, counters: &mut Counters, f: &Fallback) -> Result<WriteResult, VaultError> {
    let key = (OutboxKind::Direct.code(), f.id);
    let Some(row) = t.outbox.get(key)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
        return Ok(WriteResult::Gone);
    };
    t.outbox.remove(key)?;
    release_data(t, row.data_id)?;
    let existing = t.message(row.message_id)?;
    if existing.as_ref().is_some_and(|m| m.recalled_at.is_some()) {
        // Its sender recalled it while this delivery waited: nobody gets it now.
        let what = format!(
            "TLS to {} not possible ({}); not held: the sender had recalled the message",
            f.recipient, f.reason
        );
        add_event(t, counters, row.message_id, f.now, "outbox", what)?;
        return Ok(WriteResult::Outbox);
    }
    let record = if let Some(mut record) = existing {
        for r in record
            .recipients
            .iter_mut()
            .filter(|r| r.address.eq_ignore_ascii_case(&f.recipient))
        {
            r.clone_from(&f.record.recipients[0]);
        }
        record
    } else {
        raw_store::put(t, row.message_id, &f.kept.packed)?;
        count_report_day(t, row.message_id, f.record.inbound)?;
        f.record.clone()
    };
    t.messages.insert(row.message_id, encode(&record).as_slice())?;
    let what = format!(
        "TLS to {} not possible ({}); held in isolation vault instead; notice queued",
        f.recipient, f.reason
    );
    add_event(t, counters, row.message_id, f.now, "outbox", what)?;
    let w = IntakeWrite {
        message_id: row.message_id,
        now: f.now,
        sender: row.sender.clone(),
        mailbox: vec![(f.recipient.clone(), f.entry.clone())],
        sender_account: f.sender_internal.then(|| row.sender.clone()),
        kept: Some(f.kept.clone()),
        ..IntakeWrite::default()
    };
    apply_intake(t, counters, &w)?;
    Ok(WriteResult::Outbox)
}
