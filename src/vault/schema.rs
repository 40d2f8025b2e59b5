//! Table definitions and the schema version.

use redb::{Database, ReadableTable, TableDefinition};

use super::VaultError;

/// Bump when a table's layout changes; older vaults are migrated in `prepare`.
pub const SCHEMA_VERSION: u64 = 10;

pub const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
pub const MESSAGES: TableDefinition<u64, &[u8]> = TableDefinition::new("messages");
/// Message id → bytes as received, for messages kept before schema 5 (read, never written).
pub const RAW: TableDefinition<u64, &[u8]> = TableDefinition::new("raw");
/// (message id, chunk) → the message's bytes, zstd-compressed and cut in chunks (schema 5, `raw_store`).
pub const RAW_CHUNKS: TableDefinition<(u64, u32), &[u8]> = TableDefinition::new("raw_chunks");
/// Message id → its data key wrapped by the master key (schema 7); the
/// message's chunks in `raw_chunks` are sealed with it. Removed first when the
/// message goes: without it the chunks cannot be opened.
pub const MESSAGE_KEYS: TableDefinition<u64, &[u8]> = TableDefinition::new("message_keys");
/// "master" → the check value of the master key the vault's data keys are
/// wrapped with (an HMAC of a fixed label): a wrong key is refused before
/// anything is written.
pub const VAULT_KEYS: TableDefinition<&str, &[u8]> = TableDefinition::new("vault_keys");
/// (address, message id) → what search filters that entry's words with
/// (`mail::words`; empty: opened by every search), written with the entry at
/// intake (schema 5): the entries not yet in a segment of the search index
/// (`vault::search_index`). Since schema 10 a row goes with its entry.
pub const SEARCH_WORDS: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("search_words");
/// (address, segment number, first token) → a chunk of a search segment's
/// postings (`vault::postings`).
pub const SEARCH_POSTINGS: TableDefinition<(&str, u64, u32), &[u8]> = TableDefinition::new("search_postings");
/// (address, segment number, chunk number) → message ids of the segment's entries.
pub const SEARCH_DOCS: TableDefinition<(&str, u64, u32), &[u8]> = TableDefinition::new("search_docs");
/// (address, segment number) → (oldest id, newest id, entries, entries gone
/// since it was written).
pub const SEARCH_SEGMENTS: TableDefinition<(&str, u64), (u64, u64, u32, u32)> = TableDefinition::new("search_segments");
/// address → (rows of `SEARCH_WORDS`, segments with a quarter of their
/// entries gone): the search index's work (schema 10).
pub const SEARCH_PENDING: TableDefinition<&str, (u32, u32)> = TableDefinition::new("search_pending");
/// (recipient address, message id) → mailbox entry.
pub const MAILBOX: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("mailbox");
pub const ACCOUNTS: TableDefinition<&str, &[u8]> = TableDefinition::new("accounts");
/// (kind code, row id) → row; keyed by kind so the worker scans only what it sends.
pub const OUTBOX: TableDefinition<(u8, u64), &[u8]> = TableDefinition::new("outbox");
/// (kind code, next attempt, row id) → (): the pending rows by due time
/// (schema 6), so the worker reads only what is due; dead letters are not
/// in it. Kept with OUTBOX in every write (`tables::put_row`, `remove_row`).
pub const OUTBOX_DUE: TableDefinition<(u8, i64, u64), ()> = TableDefinition::new("outbox_due");
/// (kind code, row id) → (): the dead-lettered rows (schema 9), so the
/// monitor lists them without reading the rows still waiting.
pub const OUTBOX_DEAD: TableDefinition<(u8, u64), ()> = TableDefinition::new("outbox_dead");
/// (message id, kind code, row id) → (): a message's outbox rows (schema 9),
/// for its story. Both kept with OUTBOX in every write (`tables::put_row`).
pub const OUTBOX_BY_MESSAGE: TableDefinition<(u64, u8, u64), ()> = TableDefinition::new("outbox_by_message");
/// data id → bytes of relayed mail, shared by the per-recipient rows of one message.
pub const OUTBOX_DATA: TableDefinition<u64, &[u8]> = TableDefinition::new("outbox_data");
/// data id → rows still needing those bytes; the bytes go when it reaches 0.
pub const OUTBOX_REFS: TableDefinition<u64, u32> = TableDefinition::new("outbox_refs");
/// (message id, event sequence) → event; message id 0 holds events about no message.
pub const EVENTS: TableDefinition<(u64, u64), &[u8]> = TableDefinition::new("events");
/// SHA-256 (hex) of a session cookie → session.
pub const SESSIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("sessions");
/// SHA-256 (hex) of a reset-link token → what it resets.
pub const RESET_TOKENS: TableDefinition<&str, &[u8]> = TableDefinition::new("reset_tokens");
/// (address, folder code, message id) → flags (bit 0: read): lists and counts
/// a folder newest first without decoding entries. Kept with MAILBOX in one
/// transaction; added in schema 2 (filled from MAILBOX when an older vault opens).
pub const MAILBOX_FOLDERS: TableDefinition<(&str, u8, u64), u8> = TableDefinition::new("mailbox_folders");
/// (address, folder code, UTC day of the message id) → (entries, unread ones):
/// folder totals without walking the index (added in schema 3, built from
/// `MAILBOX_FOLDERS` when an older vault opens; kept in step by `put_entry`).
pub const DAY_COUNTS: TableDefinition<(&str, u8, u32), (u32, u32)> = TableDefinition::new("day_counts");

/// The UTC day of a message id (ids start with their unix milliseconds).
pub fn day_of(id: u64) -> u32 {
    u32::try_from((id >> 16) / 86_400_000).unwrap_or(u32::MAX)
}

/// The first id of a UTC day.
pub fn first_id_of_day(day: u32) -> u64 {
    (u64::from(day) * 86_400_000) << 16
}

/// Message id → what search looks through (lower case). Messages stored before
/// this table existed have no row; search reads their stored bytes instead.
pub const SEARCH_TEXT: TableDefinition<u64, &str> = TableDefinition::new("search_text");
/// Address → its one working emailed sign-in code (hashed).
pub const SIGN_IN_CODES: TableDefinition<&str, &[u8]> = TableDefinition::new("sign_in_codes");

/// (sender, month as yyyymm, recipient) → (): the secure recipients a sender
/// reached that month, for `messages.unique_recipients_per_month`.
pub const SENDER_RECIPIENTS: TableDefinition<(&str, u32, &str), ()> = TableDefinition::new("sender_recipients");
/// (sender, month as yyyymm) → how many keys `SENDER_RECIPIENTS` holds for them.
pub const SENDER_MONTH_COUNTS: TableDefinition<(&str, u32), u32> = TableDefinition::new("sender_month_counts");

/// Admin name → admin account (the admin console's own accounts).
pub const ADMINS: TableDefinition<&str, &[u8]> = TableDefinition::new("admins");
/// SHA-256 (hex) of an admin session cookie → admin session.
pub const ADMIN_SESSIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("admin_sessions");

/// (UTC day, direction: 0 outbound / 1 inbound) → messages kept in the vault
/// that day, for the daily report (added in schema 4; purging leaves it alone).
pub const REPORT_DAYS: TableDefinition<(u32, u8), u32> = TableDefinition::new("report_days");

/// The admin monitor's index (schema 8, `monitor_index`), kept with every
/// write of a message record. Message id → its status code, its expiry still
/// to mark and its terms' keyed tokens (`MonitorRow`).
pub const MONITOR_ROWS: TableDefinition<u64, &[u8]> = TableDefinition::new("monitor_rows");
/// (status code, message id) → (): the messages of one status, newest last.
pub const MONITOR_STATUS: TableDefinition<(u8, u64), ()> = TableDefinition::new("monitor_status");
/// (UTC day of the message id, status code) → messages: the monitor's counts.
pub const MONITOR_DAYS: TableDefinition<(u32, u8), u32> = TableDefinition::new("monitor_days");
/// (keyed token of a term, message id) → (): the messages holding a word of
/// their subject, sender or recipients (keyed like search words: the disk
/// tells which messages share a term, not the term).
pub const MONITOR_TERMS: TableDefinition<(u64, u64), ()> = TableDefinition::new("monitor_terms");
/// (expiry, message id) → (): expiries the expiry job has still to mark.
pub const EXPIRY_DUE: TableDefinition<(i64, u64), ()> = TableDefinition::new("expiry_due");
/// Domain of an account's address → its counts (`domain_index::DomainRow`):
/// every domain that had an account (held mail makes one per recipient),
/// kept after its last account goes. Schema 9.
pub const DOMAINS: TableDefinition<&str, &[u8]> = TableDefinition::new("domains");
/// (domain, address) → (): the accounts of a domain (schema 9), so the
/// directory lists a domain's users without reading every account.
pub const ACCOUNT_DOMAINS: TableDefinition<(&str, &str), ()> = TableDefinition::new("account_domains");
/// Draft id → its `DraftRow` (owner, time and file ids in the clear, the
/// rest sealed). Drafts are messages still being written in the portal.
pub const DRAFTS: TableDefinition<u64, &[u8]> = TableDefinition::new("drafts");
/// (owner, draft id) → (): an account's drafts.
pub const DRAFT_OWNERS: TableDefinition<(&str, u64), ()> = TableDefinition::new("draft_owners");
/// (file id, chunk) → a draft's attached file, sealed in chunks.
pub const DRAFT_FILES: TableDefinition<(u64, u32), &[u8]> = TableDefinition::new("draft_files");
/// File id → the file's data key, wrapped by the master key.
pub const DRAFT_FILE_KEYS: TableDefinition<u64, &[u8]> = TableDefinition::new("draft_file_keys");
/// Draft id → when it was sent, deleted or expired (Unix ms) and whether it
/// was sent: a save that arrives after (an autosave in flight) cannot bring
/// it back, and a second Send of it (a double click) is known for one.
/// Kept as long as drafts are.
pub const DRAFTS_GONE: TableDefinition<u64, (i64, bool)> = TableDefinition::new("drafts_gone");
/// A passkey's credential id (base64url) → whose it is (`PasskeyOwner`): a
/// sign-in names no user, only the credential. The passkey itself is kept
/// in its owner's record.
pub const PASSKEY_IDS: TableDefinition<&str, &[u8]> = TableDefinition::new("passkey_ids");
/// `VAULT_KEYS` key: the last message id older messages were indexed through
/// (absent: none yet; `u64::MAX`: all of them).
pub const MONITOR_THROUGH: &str = "monitor_through";

/// Calls `$each!(TABLE)` for every table of the vault, `META` first: the one
/// list that creating, backing up and measuring the vault all walk.
macro_rules! each_table {
    ($each:ident) => {
        $each!(META);
        $each!(MESSAGES);
        $each!(RAW);
        $each!(RAW_CHUNKS);
        $each!(MESSAGE_KEYS);
        $each!(VAULT_KEYS);
        $each!(SEARCH_WORDS);
        $each!(SEARCH_POSTINGS);
        $each!(SEARCH_DOCS);
        $each!(SEARCH_SEGMENTS);
        $each!(SEARCH_PENDING);
        $each!(MAILBOX);
        $each!(ACCOUNTS);
        $each!(OUTBOX);
        $each!(OUTBOX_DUE);
        $each!(OUTBOX_DEAD);
        $each!(OUTBOX_BY_MESSAGE);
        $each!(OUTBOX_DATA);
        $each!(OUTBOX_REFS);
        $each!(EVENTS);
        $each!(SESSIONS);
        $each!(RESET_TOKENS);
        $each!(SIGN_IN_CODES);
        $each!(MAILBOX_FOLDERS);
        $each!(SEARCH_TEXT);
        $each!(SENDER_RECIPIENTS);
        $each!(SENDER_MONTH_COUNTS);
        $each!(DAY_COUNTS);
        $each!(ADMINS);
        $each!(ADMIN_SESSIONS);
        $each!(REPORT_DAYS);
        $each!(MONITOR_ROWS);
        $each!(MONITOR_STATUS);
        $each!(MONITOR_DAYS);
        $each!(MONITOR_TERMS);
        $each!(EXPIRY_DUE);
        $each!(DOMAINS);
        $each!(ACCOUNT_DOMAINS);
        $each!(DRAFTS);
        $each!(DRAFT_OWNERS);
        $each!(DRAFT_FILES);
        $each!(DRAFT_FILE_KEYS);
        $each!(DRAFTS_GONE);
        $each!(PASSKEY_IDS);
    };
}
pub(super) use each_table;

/// Counters the writer thread keeps in memory and persists with every batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counters {
    pub event_seq: u64,
    pub outbox_seq: u64,
}

/// Creates missing tables, checks the schema version and loads the counters.
pub fn prepare(db: &Database) -> Result<Counters, VaultError> {
    let mut txn = db.begin_write()?;
    txn.set_quick_repair(true);
    let counters = {
        let mut meta = txn.open_table(META)?;
        let found = meta.get("schema_version")?.map(|v| v.value());
        match found {
            Some(v) if v > SCHEMA_VERSION => {
                return Err(VaultError::SchemaTooNew {
                    found: v,
                    supported: SCHEMA_VERSION,
                });
            }
            Some(v) if v < SCHEMA_VERSION => {
                migrate(&txn, v)?;
                meta.insert("schema_version", SCHEMA_VERSION)?;
            }
            Some(_) => {}
            None => {
                meta.insert("schema_version", SCHEMA_VERSION)?;
                // A new vault has no older messages to index.
                let mut marks = txn.open_table(VAULT_KEYS)?;
                marks.insert(MONITOR_THROUGH, u64::MAX.to_be_bytes().as_slice())?;
            }
        }
        Counters {
            event_seq: meta.get("event_seq")?.map_or(0, |v| v.value()),
            outbox_seq: meta.get("outbox_seq")?.map_or(0, |v| v.value()),
        }
    };
    macro_rules! create {
        ($table:expr) => {
            txn.open_table($table)?;
        };
    }
    each_table!(create);
    txn.commit()?;
    Ok(counters)
}

/// Brings a vault written by an older binary up to `SCHEMA_VERSION`, in the
/// transaction that records the new version (all or nothing).
fn migrate(txn: &redb::WriteTransaction, from: u64) -> Result<(), VaultError> {
    if from < 2 {
        let mailbox = txn.open_table(MAILBOX)?;
        let mut index = txn.open_table(MAILBOX_FOLDERS)?;
        let mut filled = 0u64;
        for row in mailbox.iter()? {
            let (k, v) = row?;
            let (address, id) = k.value();
            let entry: crate::model::MailboxEntry = super::decode("mailbox", v.value())?;
            index.insert((address, entry.folder.code(), id), u8::from(entry.read))?;
            filled += 1;
        }
        tracing::info!(entries = filled, "vault schema 1 -> 2: folder index built");
    }
    if from < 3 {
        txn.delete_table(DAY_COUNTS)?;
        let index = txn.open_table(MAILBOX_FOLDERS)?;
        let mut counts = txn.open_table(DAY_COUNTS)?;
        let mut days = 0u64;
        for row in index.iter()? {
            let (k, v) = row?;
            let (address, folder, id) = k.value();
            let key = (address, folder, day_of(id));
            let (total, unread) = counts.get(key)?.map_or((0, 0), |c| c.value());
            days += u64::from(total == 0);
            counts.insert(key, (total + 1, unread + u32::from(v.value() & 1 == 0)))?;
        }
        tracing::info!(days, "vault schema 2 -> 3: folder day counts built");
    }
    if from < 4 {
        txn.delete_table(REPORT_DAYS)?;
        let messages = txn.open_table(MESSAGES)?;
        let mut days = txn.open_table(REPORT_DAYS)?;
        let mut counted = 0u64;
        for row in messages.iter()? {
            let (k, v) = row?;
            let m: crate::model::MessageRecord = super::decode("messages", v.value())?;
            let key = (day_of(k.value()), u8::from(m.inbound));
            let n = days.get(key)?.map_or(0, |c| c.value());
            days.insert(key, n + 1)?;
            counted += 1;
        }
        tracing::info!(messages = counted, "vault schema 3 -> 4: daily report counts built");
    }
    if from < 5 {
        // Older messages stay in `raw` and are searched through `search_text`
        // (or their bytes): each entry gets an empty filter, which every
        // search opens, so search needs to read the filters only.
        let mailbox = txn.open_table(MAILBOX)?;
        let mut filters = txn.open_table(SEARCH_WORDS)?;
        let mut entries = 0u64;
        for row in mailbox.iter()? {
            let (key, _) = row?;
            filters.insert(key.value(), &[][..])?;
            entries += 1;
        }
        tracing::info!(entries, "vault schema 4 -> 5: search filters made for older entries");
    }
    if from < 6 {
        let outbox = txn.open_table(OUTBOX)?;
        let mut due = txn.open_table(OUTBOX_DUE)?;
        let mut pending = 0u64;
        for row in outbox.iter()? {
            let row: crate::model::OutboxRow = super::decode("outbox", row?.1.value())?;
            if row.state == crate::model::OutboxState::Pending {
                due.insert((row.kind.code(), row.next_attempt_at, row.id), ())?;
                pending += 1;
            }
        }
        tracing::info!(pending, "vault schema 5 -> 6: outbox due-time index built");
    }
    if from < 9 {
        let domains = super::domain_index::build(txn)?;
        let (dead, rows) = index_outbox(txn)?;
        tracing::info!(domains, dead, rows, "vault schema 8 -> 9: domain counts and outbox indexes built");
    }
    if from < 10 {
        let addresses = super::search_index::count_unindexed(txn)?;
        tracing::info!(
            addresses,
            "vault schema 9 -> 10: the search index's work listed (it runs while serving)"
        );
    }
    Ok(())
}

/// Fills the dead-letter and per-message indexes of the outbox (schema 9):
/// (dead rows, rows).
fn index_outbox(txn: &redb::WriteTransaction) -> Result<(u64, u64), VaultError> {
    let outbox = txn.open_table(OUTBOX)?;
    let mut dead = txn.open_table(OUTBOX_DEAD)?;
    let mut by_message = txn.open_table(OUTBOX_BY_MESSAGE)?;
    let (mut dead_rows, mut rows) = (0u64, 0u64);
    for row in outbox.iter()? {
        let row: crate::model::OutboxRow = super::decode("outbox", row?.1.value())?;
        let (kind, id) = (row.kind.code(), row.id);
        by_message.insert((row.message_id, kind, id), ())?;
        if row.state == crate::model::OutboxState::Dead {
            dead.insert((kind, id), ())?;
            dead_rows += 1;
        }
        rows += 1;
    }
    Ok((dead_rows, rows))
}
