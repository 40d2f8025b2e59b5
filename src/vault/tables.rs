//! The tables a write transaction works on, and the small steps every kind
//! of write shares (an event, an account made on first contact).

use redb::{ReadableTable, Table, WriteTransaction};

use super::schema::{
    ACCOUNT_DOMAINS, ACCOUNTS, ADMIN_SESSIONS, ADMINS, Counters, DAY_COUNTS, DOMAINS, DRAFT_FILE_KEYS, DRAFT_FILES, DRAFT_OWNERS, DRAFTS,
    DRAFTS_GONE, EVENTS, EXPIRY_DUE, MAILBOX, MAILBOX_FOLDERS, MESSAGE_KEYS, MESSAGES, MONITOR_DAYS, MONITOR_ROWS, MONITOR_STATUS,
    MONITOR_TERMS, OUTBOX, OUTBOX_BY_MESSAGE, OUTBOX_DATA, OUTBOX_DEAD, OUTBOX_DUE, OUTBOX_REFS, PASSKEY_IDS, RAW, RAW_CHUNKS, REPORT_DAYS,
    RESET_TOKENS, SEARCH_DOCS, SEARCH_PENDING, SEARCH_POSTINGS, SEARCH_SEGMENTS, SEARCH_TEXT, SEARCH_WORDS, SENDER_MONTH_COUNTS,
    SENDER_RECIPIENTS, SESSIONS, SIGN_IN_CODES, VAULT_KEYS,
};
use super::{VaultError, decode, encode};
use crate::model::{Account, Event, MessageRecord, OutboxRow, OutboxState, What};

/// Every table a write may touch, opened once per batch (opening is not free in redb).
pub struct Tables<'t> {
    pub(super) messages: Table<'t, u64, &'static [u8]>,
    pub(super) raw: Table<'t, u64, &'static [u8]>,
    pub(super) raw_chunks: Table<'t, (u64, u32), &'static [u8]>,
    pub(super) message_keys: Table<'t, u64, &'static [u8]>,
    pub(super) search_words: Table<'t, (&'static str, u64), &'static [u8]>,
    pub(super) search_postings: Table<'t, (&'static str, u64, u32), &'static [u8]>,
    pub(super) search_docs: Table<'t, (&'static str, u64, u32), &'static [u8]>,
    pub(super) search_segments: Table<'t, (&'static str, u64), (u64, u64, u32, u32)>,
    pub(super) search_pending: Table<'t, &'static str, (u32, u32)>,
    pub(super) mailbox: Table<'t, (&'static str, u64), &'static [u8]>,
    pub(super) mailbox_folders: Table<'t, (&'static str, u8, u64), u8>,
    pub(super) day_counts: Table<'t, (&'static str, u8, u32), (u32, u32)>,
    pub(super) search_text: Table<'t, u64, &'static str>,
    pub(super) accounts: Table<'t, &'static str, &'static [u8]>,
    pub(super) outbox: Table<'t, (u8, u64), &'static [u8]>,
    outbox_due: Table<'t, (u8, i64, u64), ()>,
    outbox_dead: Table<'t, (u8, u64), ()>,
    outbox_by_message: Table<'t, (u64, u8, u64), ()>,
    pub(super) outbox_data: Table<'t, u64, &'static [u8]>,
    pub(super) outbox_refs: Table<'t, u64, u32>,
    pub(super) events: Table<'t, (u64, u64), &'static [u8]>,
    pub(super) sessions: Table<'t, &'static str, &'static [u8]>,
    pub(super) reset_tokens: Table<'t, &'static str, &'static [u8]>,
    pub(super) sign_in_codes: Table<'t, &'static str, &'static [u8]>,
    pub(super) sender_recipients: Table<'t, (&'static str, u32, &'static str), ()>,
    pub(super) sender_month_counts: Table<'t, (&'static str, u32), u32>,
    pub(super) admins: Table<'t, &'static str, &'static [u8]>,
    pub(super) admin_sessions: Table<'t, &'static str, &'static [u8]>,
    pub(super) report_days: Table<'t, (u32, u8), u32>,
    pub(super) vault_keys: Table<'t, &'static str, &'static [u8]>,
    pub(super) monitor_rows: Table<'t, u64, &'static [u8]>,
    pub(super) monitor_status: Table<'t, (u8, u64), ()>,
    pub(super) monitor_days: Table<'t, (u32, u8), u32>,
    pub(super) monitor_terms: Table<'t, (u64, u64), ()>,
    pub(super) expiry_due: Table<'t, (i64, u64), ()>,
    pub(super) domains: Table<'t, &'static str, &'static [u8]>,
    pub(super) account_domains: Table<'t, (&'static str, &'static str), ()>,
    pub(super) drafts: Table<'t, u64, &'static [u8]>,
    pub(super) draft_owners: Table<'t, (&'static str, u64), ()>,
    pub(super) draft_files: Table<'t, (u64, u32), &'static [u8]>,
    pub(super) draft_file_keys: Table<'t, u64, &'static [u8]>,
    pub(super) drafts_gone: Table<'t, u64, (i64, bool)>,
    pub(super) passkey_ids: Table<'t, &'static str, &'static [u8]>,
    /// Addresses whose mailbox or account this batch changed (`Versions`).
    pub(super) touched: Vec<String>,
}

impl<'t> Tables<'t> {
    pub fn open(txn: &'t WriteTransaction) -> Result<Self, VaultError> {
        Ok(Self {
            messages: txn.open_table(MESSAGES)?,
            raw: txn.open_table(RAW)?,
            raw_chunks: txn.open_table(RAW_CHUNKS)?,
            message_keys: txn.open_table(MESSAGE_KEYS)?,
            search_words: txn.open_table(SEARCH_WORDS)?,
            search_postings: txn.open_table(SEARCH_POSTINGS)?,
            search_docs: txn.open_table(SEARCH_DOCS)?,
            search_segments: txn.open_table(SEARCH_SEGMENTS)?,
            search_pending: txn.open_table(SEARCH_PENDING)?,
            mailbox: txn.open_table(MAILBOX)?,
            mailbox_folders: txn.open_table(MAILBOX_FOLDERS)?,
            day_counts: txn.open_table(DAY_COUNTS)?,
            search_text: txn.open_table(SEARCH_TEXT)?,
            accounts: txn.open_table(ACCOUNTS)?,
            outbox: txn.open_table(OUTBOX)?,
            outbox_due: txn.open_table(OUTBOX_DUE)?,
            outbox_dead: txn.open_table(OUTBOX_DEAD)?,
            outbox_by_message: txn.open_table(OUTBOX_BY_MESSAGE)?,
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
            vault_keys: txn.open_table(VAULT_KEYS)?,
            monitor_rows: txn.open_table(MONITOR_ROWS)?,
            monitor_status: txn.open_table(MONITOR_STATUS)?,
            monitor_days: txn.open_table(MONITOR_DAYS)?,
            monitor_terms: txn.open_table(MONITOR_TERMS)?,
            expiry_due: txn.open_table(EXPIRY_DUE)?,
            domains: txn.open_table(DOMAINS)?,
            account_domains: txn.open_table(ACCOUNT_DOMAINS)?,
            drafts: txn.open_table(DRAFTS)?,
            draft_owners: txn.open_table(DRAFT_OWNERS)?,
            draft_files: txn.open_table(DRAFT_FILES)?,
            draft_file_keys: txn.open_table(DRAFT_FILE_KEYS)?,
            drafts_gone: txn.open_table(DRAFTS_GONE)?,
            passkey_ids: txn.open_table(PASSKEY_IDS)?,
            touched: Vec::new(),
        })
    }

    /// The record of message `id`, if it is kept.
    pub(super) fn message(&self, id: u64) -> Result<Option<MessageRecord>, VaultError> {
        self.messages.get(id)?.map(|v| decode("messages", v.value())).transpose()
    }

    /// Stores an outbox row, keeping its indexes in step: a pending row is in
    /// the due-time index under its next attempt, a dead letter in the
    /// dead-letter index, every row under its message.
    pub(super) fn put_row(&mut self, row: &OutboxRow) -> Result<(), VaultError> {
        let key = (row.kind.code(), row.id);
        self.unindex(key)?;
        match row.state {
            OutboxState::Pending => {
                self.outbox_due.insert((key.0, row.next_attempt_at, key.1), ())?;
            }
            OutboxState::Dead => {
                self.outbox_dead.insert(key, ())?;
            }
        }
        self.outbox_by_message.insert((row.message_id, key.0, key.1), ())?;
        self.outbox.insert(key, encode(row).as_slice())?;
        Ok(())
    }

    /// Removes outbox row `key` and its place in the due-time index.
    pub(super) fn remove_row(&mut self, key: (u8, u64)) -> Result<(), VaultError> {
        self.unindex(key)?;
        self.outbox.remove(key)?;
        Ok(())
    }

    fn unindex(&mut self, key: (u8, u64)) -> Result<(), VaultError> {
        let old = self
            .outbox
            .get(key)?
            .map(|v| decode::<OutboxRow>("outbox", v.value()))
            .transpose()?;
        if let Some(old) = old {
            match old.state {
                OutboxState::Pending => self.outbox_due.remove((key.0, old.next_attempt_at, key.1))?,
                OutboxState::Dead => self.outbox_dead.remove(key)?,
            };
            self.outbox_by_message.remove((old.message_id, key.0, key.1))?;
        }
        Ok(())
    }

    /// Stores a changed message record under its id; the monitor's index follows.
    pub(super) fn put_message(&mut self, m: &MessageRecord) -> Result<(), VaultError> {
        self.messages.insert(m.id, encode(m).as_slice())?;
        self.reindex_message(m)
    }

    /// Stores a message record kept for the first time (or again, with a
    /// recipient added), indexed under `terms` as well as those it had.
    pub(super) fn put_new_message(&mut self, m: &MessageRecord, terms: &[u64]) -> Result<(), VaultError> {
        self.messages.insert(m.id, encode(m).as_slice())?;
        self.index_message(m, terms)
    }

    /// Removes message `id`'s record and its place in the monitor's index.
    pub(super) fn remove_message(&mut self, id: u64) -> Result<(), VaultError> {
        self.messages.remove(id)?;
        self.unindex_message(id)
    }
}

pub(super) fn add_event(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    message_id: u64,
    at: i64,
    actor: &str,
    what: What,
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

/// Creates an account without a password; true when it is new. An external
/// one must change the password it is about to be mailed.
pub(super) fn ensure_account(t: &mut Tables<'_>, address: &str, now: i64, internal: bool) -> Result<bool, VaultError> {
    if t.accounts.get(address)?.is_some() {
        return Ok(false);
    }
    let account = Account::new(address, now, internal);
    t.accounts.insert(address, encode(&account).as_slice())?;
    t.touched.push(address.to_string());
    t.count_domain(address, super::domain_index::DomainChange::Users(1))?;
    Ok(true)
}
