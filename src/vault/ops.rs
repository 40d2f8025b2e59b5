//! The writes themselves, applied inside the writer's batch transaction.

use redb::ReadableTable;

use super::commands::{Fallback, IntakeWrite, RecipientCap, WriteOp};
use super::entry_ops::{count_report_day, put_entry};
use super::outbox_ops::{apply_initial_password, apply_outbox, apply_retry, queue_follow_up, release_data};
use super::outcome::WriteResult;
use super::raw_store;
use super::schema::Counters;
use super::tables::{Tables, add_event, ensure_account};
use super::{VaultError, decode};
use crate::model::{Event, Folder, MailboxEntry, OutboxKind, OutboxRow, OutboxState, Payload, What};

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
            must_change,
            now,
        } => apply_initial_password(t, counters, address, hash, (*message_id, *must_change), *now),
        WriteOp::Auth(w) => super::auth_ops::apply(t, counters, w),
        WriteOp::Draft(w) => super::draft_ops::apply(t, w),
        WriteOp::Factor(w) => super::factor_ops::apply(t, counters, w),
        WriteOp::Mailbox(w) => super::mailbox_ops::apply(t, counters, w),
        WriteOp::Sender(w) => super::sender_ops::apply(t, counters, w),
        WriteOp::Admin(w) => super::admin_ops::apply(t, counters, w),
        WriteOp::Passkey(w) => super::passkey_ops::apply(t, counters, w),
        WriteOp::Purge { plan, limits } => super::purge_ops::apply(t, counters, plan, limits),
        WriteOp::Keys(w) => super::key_ops::apply(t, counters, w),
        WriteOp::IndexOlder { items, through } => super::monitor_index::index_older(t, items, *through),
        WriteOp::SearchIndex(w) => super::search_index::apply(t, w),
        WriteOp::Damaged { message_id, part, now } => note_damaged(t, counters, *message_id, part, *now),
        WriteOp::SystemEvent { what, at } => {
            super::tables::add_event(t, counters, 0, *at, "cloister", what.clone())?;
            Ok(WriteResult::Done)
        }
    }
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
        payload: Payload::None,
    };
    t.put_row(&row)?;
    Ok(row.id)
}

/// Stores the words' filter of a new entry of `address` (the message's, for
/// every entry); an empty one (every search opens it) when none was made.
fn put_words(t: &mut Tables<'_>, address: &str, w: &IntakeWrite) -> Result<(), VaultError> {
    let words = w.kept.as_ref().map_or(&[][..], |k| k.words.as_slice());
    super::search_index::add_unindexed(t, address, w.message_id, words)
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
        t.put_new_message(record, w.kept.as_ref().map_or(&[][..], |k| k.terms.as_slice()))?;
        if let Some(kept) = &w.kept {
            raw_store::put(t, w.message_id, &kept.sealed)?;
        }
        count_report_day(t, w.message_id, record.inbound)?;
    }
    for (address, entry) in &w.mailbox {
        let key = address.to_ascii_lowercase();
        put_entry(t, &key, w.message_id, entry)?;
        put_words(t, &key, w)?;
        let internal = w.internal.contains(&key);
        let made = ensure_account(t, &key, w.now, internal)?;
        t.count_domain(&key, super::domain_index::DomainChange::Held(w.now))?;
        if made {
            if !internal {
                add_outbox(t, counters, w, OutboxKind::FirstContact, vec![key.clone()], 0)?;
            } else if w.welcome {
                add_outbox(t, counters, w, OutboxKind::Welcome, vec![key.clone()], 0)?;
            }
            let what = What::AccountCreated {
                address: key.clone(),
                internal,
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
        let what = What::RepliedTo {
            by: w.sender.clone(),
            reply: w.message_id,
        };
        add_event(t, counters, parent, w.now, &w.sender, what)?;
    }
    if let Some(draft) = &w.draft {
        super::draft_ops::retire_sent(t, draft)?;
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
            let what = What::Queued {
                outbox: kind,
                row: id,
                to: rcpt.clone(),
            };
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
        let what = What::SenderAccountCreated {
            address: sender.to_string(),
        };
        add_event(t, counters, w.message_id, w.now, "cloister", what)?;
        if w.welcome {
            add_outbox(t, counters, w, OutboxKind::Welcome, vec![sender.to_string()], 0)?;
        }
    }
    Ok(())
}

/// Holds a `tls_first` message for one recipient after TLS failed, exactly as a
/// secure rule would have: record (if new), mailbox entry, account, notices.
fn apply_fallback(t: &mut Tables<'_>, counters: &mut Counters, f: &Fallback) -> Result<WriteResult, VaultError> {
    let key = (OutboxKind::Direct.code(), f.id);
    let Some(row) = t.outbox.get(key)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
        return Ok(WriteResult::Gone);
    };
    t.remove_row(key)?;
    release_data(t, row.data_id)?;
    let existing = t.message(row.message_id)?;
    if existing.as_ref().is_some_and(|m| m.recalled_at.is_some()) {
        // Its sender recalled it while this delivery waited: nobody gets it now.
        let what = What::TlsFailedRecalled {
            recipient: f.recipient.clone(),
            reason: f.reason.clone(),
        };
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
        raw_store::put(t, row.message_id, &f.kept.sealed)?;
        count_report_day(t, row.message_id, f.record.inbound)?;
        f.record.clone()
    };
    t.put_new_message(&record, &f.kept.terms)?;
    let what = What::TlsFailedHeld {
        recipient: f.recipient.clone(),
        reason: f.reason.clone(),
    };
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

/// The message's "damaged" event, once: a reader opening it again adds none.
fn note_damaged(t: &mut Tables<'_>, counters: &mut Counters, message_id: u64, part: &str, now: i64) -> Result<WriteResult, VaultError> {
    if t.message(message_id)?.is_none() {
        return Ok(WriteResult::Gone);
    }
    for row in t.events.range((message_id, 0)..=(message_id, u64::MAX))? {
        if matches!(decode::<Event>("events", row?.1.value())?.what, What::Damaged { .. }) {
            return Ok(WriteResult::Done);
        }
    }
    let what = What::Damaged { part: part.to_string() };
    add_event(t, counters, message_id, now, "vault", what)?;
    Ok(WriteResult::Done)
}
