//! Read-only views for operators: rows of `cloister messages`, `outbox`,
//! `user list` (streamed by `listings`), `show` and `admin list`.

use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;

use super::StoreError;
use super::intake::queue_id_text;
use crate::model::{Account, Event, MessageRecord, OutboxRow, Status};
use crate::vault::Vault;

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// A held message with per-recipient decision and state, as listings show it.
pub fn message_row(m: &MessageRecord, status: Status) -> Value {
    json!({
        "id": queue_id_text(m.id),
        "status": status.label(),
        "from": m.from,
        "envelope_from": m.envelope_from,
        "subject": m.subject,
        "received_at": rfc3339(m.received_at),
        "expires_at": rfc3339(m.expires_at),
        "size": m.size,
        "restriction": m.restriction,
        "read_receipt": m.read_receipt,
        "recalled_at": m.recalled_at.map(rfc3339),
        "extended_at": m.extended_at.map(rfc3339),
        "attachments": m.attachments.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
        "recipients": m.recipients.iter().map(|r| json!({
            "address": r.address, "decision": r.decision, "rule": r.rule, "state": r.state,
            "read_at": r.read_at.map(rfc3339), "revoked": r.revoked.is_some(),
        })).collect::<Vec<_>>(),
    })
}

/// An outbox row, pending or dead-lettered.
pub fn audit_row(e: &Event) -> Value {
    json!({
        "seq": e.seq, "at": rfc3339(e.at_ms / 1000), "kind": super::audit::Kind::of(e).name(),
        "who": e.actor, "what": e.what.to_string(),
    })
}

pub fn outbox_row(r: &OutboxRow) -> Value {
    json!({
        "id": r.id, "kind": r.kind, "message_id": queue_id_text(r.message_id), "recipients": r.recipients,
        "state": r.state, "attempts": r.attempts, "created_at": rfc3339(r.created_at),
        "next_attempt_at": rfc3339(r.next_attempt_at), "last_error": r.last_error,
    })
}

/// A portal account, without secrets.
pub fn user_row(a: &Account) -> Value {
    json!({
        "address": a.address, "internal": a.internal, "created_at": rfc3339(a.created_at),
        "has_password": a.password_hash.is_some(), "must_change_password": a.must_change_password,
        "allow_logon": a.allow_logon, "two_step": a.totp.is_some(),
        "last_sign_in": a.last_sign_in.as_ref().map(|s| json!({"at": rfc3339(s.at), "ip": s.ip})),
    })
}

/// One message: its record, its event log in time order, and the stored bytes.
pub fn show(vault: &Vault, master: &crate::crypto::Keyring, message_id: u64) -> Result<Value, StoreError> {
    let events: Vec<Value> = vault
        .events(message_id)?
        .into_iter()
        .map(|e| json!({"seq": e.seq, "at": rfc3339(e.at_ms / 1000), "actor": e.actor, "what": e.what.to_string()}))
        .collect();
    let raw = vault
        .raw_message(message_id)?
        .map(|stored| match super::stored::open(master, message_id, stored) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => format!("({e})"),
        });
    Ok(
        json!({"id": queue_id_text(message_id), "message": vault.message(message_id)?.map(|m| super::records::open_record(master, m.unopened())), "events": events, "raw": raw}),
    )
}

/// Every admin, without secrets.
pub fn admins(vault: &Vault) -> Result<Value, StoreError> {
    let list: Vec<Value> = vault
        .admins()?
        .into_iter()
        .map(|a| {
            json!({
                "name": a.name, "created_at": rfc3339(a.created_at), "totp": a.totp.is_some(),
                "last_sign_in": a.last_sign_in.map(|l| json!({"at": rfc3339(l.at), "ip": l.ip})),
            })
        })
        .collect();
    Ok(Value::Array(list))
}
