//! What an outbox row's outcome changes: the row (sent, retried, dead),
//! the message's recipient state, shared bytes, follow-up mail; and putting a
//! dead-lettered row back in the queue.

use redb::ReadableTable;

use super::ops::{Tables, add_event};
use super::schema::Counters;
use super::writer::{FollowUp, OutboxOutcome, WriteResult};
use super::{VaultError, decode, encode};
use crate::model::{Account, OutboxKind, OutboxRow, OutboxState};

pub(super) fn apply_outbox(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    key: (u8, u64),
    now: i64,
    outcome: &OutboxOutcome,
) -> Result<WriteResult, VaultError> {
    let Some(mut row) = t.outbox.get(key)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
        return Ok(WriteResult::Gone);
    };
    row.attempts += 1;
    let (what, recipient_state) = match outcome {
        OutboxOutcome::Delivered { reply } => {
            t.outbox.remove(key)?;
            release_data(t, row.data_id)?;
            let what = format!(
                "{} {} (attempt {}): {reply}",
                row.kind.sent_phrase(),
                row.recipients.join(", "),
                row.attempts
            );
            (what, Some("relayed"))
        }
        OutboxOutcome::Retry { error, next_attempt_at } => {
            row.last_error = Some(error.clone());
            row.next_attempt_at = *next_attempt_at;
            t.outbox.insert(key, encode(&row).as_slice())?;
            let what = format!(
                "{} attempt {} failed: {error}; next try at unix {next_attempt_at}",
                row.kind.noun(),
                row.attempts
            );
            (what, None)
        }
        OutboxOutcome::Dead { error } => {
            row.last_error = Some(error.clone());
            row.state = OutboxState::Dead;
            t.outbox.insert(key, encode(&row).as_slice())?;
            (
                format!("{} failed for good after {} attempts: {error}", row.kind.noun(), row.attempts),
                Some("failed"),
            )
        }
    };
    if let (Some(state), OutboxKind::Relay | OutboxKind::Direct) = (recipient_state, row.kind) {
        set_recipient_state(t, row.message_id, &row.recipients, state)?;
    }
    add_event(t, counters, row.message_id, now, "outbox", what)?;
    Ok(WriteResult::Outbox)
}

/// Stores the hash of a freshly generated first-contact password before it is mailed.
pub fn apply_initial_password(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    address: &str,
    hash: &str,
    message_id: u64,
    now: i64,
) -> Result<WriteResult, VaultError> {
    let key = address.to_ascii_lowercase();
    let Some(mut account) = t
        .accounts
        .get(key.as_str())?
        .map(|v| decode::<Account>("accounts", v.value()))
        .transpose()?
    else {
        return Ok(WriteResult::Gone);
    };
    account.password_hash = Some(hash.to_string());
    account.must_change_password = true;
    t.accounts.insert(key.as_str(), encode(&account).as_slice())?;
    t.touched.push(key.clone());
    add_event(
        t,
        counters,
        message_id,
        now,
        "cloister",
        format!("one-time password issued for {key}"),
    )?;
    Ok(WriteResult::Outbox)
}

/// One row no longer needs its shared bytes; drop them with the last one.
pub(super) fn release_data(t: &mut Tables<'_>, data_id: u64) -> Result<(), VaultError> {
    if data_id == 0 {
        return Ok(());
    }
    let left = t.outbox_refs.get(data_id)?.map_or(0, |v| v.value()).saturating_sub(1);
    if left == 0 {
        t.outbox_refs.remove(data_id)?;
        t.outbox_data.remove(data_id)?;
    } else {
        t.outbox_refs.insert(data_id, left)?;
    }
    Ok(())
}

pub(super) fn queue_follow_up(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    cause: (u8, u64),
    now: i64,
    f: &FollowUp,
) -> Result<(), VaultError> {
    let Some(origin) = t.outbox.get(cause)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
        return Ok(());
    };
    counters.outbox_seq += 1;
    let row = OutboxRow {
        id: counters.outbox_seq,
        kind: f.kind,
        message_id: origin.message_id,
        sender: String::new(),
        recipients: vec![f.to.clone()],
        created_at: now,
        attempts: 0,
        next_attempt_at: now,
        last_error: None,
        state: OutboxState::Pending,
        data_id: origin.data_id,
        note: f.note.clone(),
    };
    t.outbox.insert((f.kind.code(), row.id), encode(&row).as_slice())?;
    add_event(
        t,
        counters,
        origin.message_id,
        now,
        "outbox",
        format!("{} to {} queued", f.kind.noun(), f.to),
    )
}

/// A dead-lettered row goes back to the queue, with a fresh maximum age.
pub(super) fn apply_retry(t: &mut Tables<'_>, counters: &mut Counters, id: u64, now: i64, actor: &str) -> Result<WriteResult, VaultError> {
    for kind in OutboxKind::ALL {
        let key = (kind.code(), id);
        let Some(mut row) = t.outbox.get(key)?.map(|v| decode::<OutboxRow>("outbox", v.value())).transpose()? else {
            continue;
        };
        if row.state != OutboxState::Dead {
            return Ok(WriteResult::Gone);
        }
        row.state = OutboxState::Pending;
        row.next_attempt_at = now;
        row.created_at = now;
        t.outbox.insert(key, encode(&row).as_slice())?;
        add_event(
            t,
            counters,
            row.message_id,
            now,
            actor,
            format!("{} (outbox {id}) put back in the queue", kind.noun()),
        )?;
        return Ok(WriteResult::Outbox);
    }
    Ok(WriteResult::Gone)
}

fn set_recipient_state(t: &mut Tables<'_>, message_id: u64, recipients: &[String], state: &str) -> Result<(), VaultError> {
    let Some(mut record) = t.message(message_id)? else {
        return Ok(());
    };
    for r in &mut record.recipients {
        if recipients.iter().any(|a| a.eq_ignore_ascii_case(&r.address)) {
            r.state = state.to_string();
        }
    }
    t.put_message(&record)
}

#[cfg(test)]
mod tests {
    use super::super::{IntakeWrite, OutboxKind, OutboxOutcome, Vault, WriteOp};

    /// A dead letter reads as waiting for ever until `outbox retry` puts it
    /// back: then the revivals counter moves (the worker forgets what it
    /// knew of waiting rows) and the row is due again.
    #[test]
    fn dead_letter_waits_until_put_back_and_is_then_due() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        smol::block_on(async {
            let w = IntakeWrite {
                message_id: 1,
                now: 100,
                sender: "ann@acme.test".into(),
                bytes: b"Subject: x\r\n\r\nx\r\n".to_vec(),
                relay: vec!["bob@partner.test".into()],
                ..IntakeWrite::default()
            };
            vault.write(WriteOp::Intake(Box::new(w))).await.unwrap();
            let first = vault.due_outbox(OutboxKind::Relay, 100, 10, |_| false).unwrap();
            assert_eq!((first.due.len(), first.waiting.len()), (1, 0));
            let id = first.due[0].id;
            let dead = OutboxOutcome::Dead { error: "550 no".into() };
            let op = WriteOp::Outbox {
                kind: OutboxKind::Relay,
                id,
                now: 101,
                outcome: dead,
                follow_up: None,
            };
            vault.write(op).await.unwrap();
            let later = vault.due_outbox(OutboxKind::Relay, 10_000, 10, |_| false).unwrap();
            assert!(later.due.is_empty());
            assert_eq!(later.waiting, vec![(id, i64::MAX)]);
            let revivals = vault.outbox_revivals();
            let retry = WriteOp::Retry {
                id,
                now: 10_000,
                actor: "operator".into(),
            };
            vault.write(retry).await.unwrap();
            assert_ne!(vault.outbox_revivals(), revivals);
            let again = vault.due_outbox(OutboxKind::Relay, 10_000, 10, |_| false).unwrap();
            assert_eq!(again.due.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
        });
    }
}
