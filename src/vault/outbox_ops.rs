//! What an outbox row's outcome changes: the row (sent, retried, dead),
//! the message's recipient state, shared bytes, follow-up mail; and putting a
//! dead-lettered row back in the queue.

use redb::ReadableTable;

use super::commands::{FollowUp, OutboxOutcome};
use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode, encode};
use crate::model::{Account, OutboxKind, OutboxRow, OutboxState, What};

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
            t.remove_row(key)?;
            release_data(t, row.data_id)?;
            let what = What::Sent {
                outbox: row.kind,
                to: row.recipients.clone(),
                attempt: row.attempts,
                reply: reply.clone(),
            };
            (what, Some("relayed"))
        }
        OutboxOutcome::Retry { error, next_attempt_at } => {
            row.last_error = Some(error.clone());
            row.next_attempt_at = *next_attempt_at;
            t.put_row(&row)?;
            let what = What::AttemptFailed {
                outbox: row.kind,
                attempt: row.attempts,
                error: error.clone(),
                next_at: *next_attempt_at,
            };
            (what, None)
        }
        OutboxOutcome::Dead { error } => {
            row.last_error = Some(error.clone());
            row.state = OutboxState::Dead;
            t.put_row(&row)?;
            (
                What::FailedForGood {
                    outbox: row.kind,
                    attempts: row.attempts,
                    error: error.clone(),
                },
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
    (message_id, must_change): (u64, bool),
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
    account.must_change_password = must_change;
    if let Some(old) = account.reset_token.take() {
        t.reset_tokens.remove(old.as_str())?;
    }
    t.accounts.insert(key.as_str(), encode(&account).as_slice())?;
    t.touched.push(key.clone());
    add_event(
        t,
        counters,
        message_id,
        now,
        "cloister",
        What::OneTimePasswordIssued { address: key.clone() },
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
        payload: f.payload.clone(),
    };
    t.put_row(&row)?;
    add_event(
        t,
        counters,
        origin.message_id,
        now,
        "outbox",
        What::FollowUpQueued {
            outbox: f.kind,
            to: f.to.clone(),
        },
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
        t.put_row(&row)?;
        add_event(t, counters, row.message_id, now, actor, What::PutBack { outbox: kind, row: id })?;
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

    /// The due-time index: a row deferred is not due before its time, a dead
    /// letter is never due until `outbox retry` puts it back, and then it is.
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
            assert_eq!(first.len(), 1);
            let id = first[0].id;
            let deferred = OutboxOutcome::Retry {
                error: "451 later".into(),
                next_attempt_at: 500,
            };
            let op = WriteOp::Outbox {
                kind: OutboxKind::Relay,
                id,
                now: 100,
                outcome: deferred,
                follow_up: None,
            };
            vault.write(op).await.unwrap();
            assert!(vault.due_outbox(OutboxKind::Relay, 499, 10, |_| false).unwrap().is_empty());
            assert_eq!(vault.next_due(OutboxKind::Relay).unwrap(), Some(500));
            assert_eq!(vault.due_outbox(OutboxKind::Relay, 500, 10, |_| false).unwrap().len(), 1);
            let dead = OutboxOutcome::Dead { error: "550 no".into() };
            let op = WriteOp::Outbox {
                kind: OutboxKind::Relay,
                id,
                now: 101,
                outcome: dead,
                follow_up: None,
            };
            vault.write(op).await.unwrap();
            assert!(vault.due_outbox(OutboxKind::Relay, i64::MAX, 10, |_| false).unwrap().is_empty());
            assert_eq!(vault.next_due(OutboxKind::Relay).unwrap(), None);
            let retry = WriteOp::Retry {
                id,
                now: 10_000,
                actor: "operator".into(),
            };
            vault.write(retry).await.unwrap();
            let again = vault.due_outbox(OutboxKind::Relay, 10_000, 10, |_| false).unwrap();
            assert_eq!(again.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
        });
    }
}
