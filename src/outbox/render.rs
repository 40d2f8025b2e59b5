//! What a row sends: relay rows their stored bytes, the others a rendered notification.

use std::sync::Arc;

use minijinja::{Value, context};

use super::relay::SendError;
use crate::auth::{password, tokens};
use crate::model::{OutboxKind, OutboxRow};
use crate::notify::Kind;
use crate::service::intake::queue_id_text;
use crate::service::{Context, now, utc_text};
use crate::vault::{ADMIN_RESET_NOTE, AuthWrite, WriteOp, WriteResult};

fn failed(message: String) -> SendError {
    SendError { permanent: false, message }
}

/// (envelope sender, recipients, bytes) for one attempt.
pub async fn envelope_and_bytes(ctx: &Context, row: &OutboxRow) -> Result<(String, Vec<String>, Vec<u8>), SendError> {
    let notifier = &ctx.notifier;
    let unique = format!("{}.{}", queue_id_text(row.message_id), row.id);
    match row.kind {
        OutboxKind::Relay | OutboxKind::Direct | OutboxKind::BccCopy => {
            let vault = ctx.vault.clone();
            let data_id = row.data_id;
            let stored = smol::unblock(move || vault.outbox_data(data_id))
                .await
                .map_err(|e| failed(e.to_string()))?;
            let bytes = stored.ok_or_else(|| SendError {
                permanent: true,
                message: format!("stored bytes {data_id} missing"),
            })?;
            Ok((row.sender.clone(), row.recipients.clone(), bytes))
        }
        OutboxKind::Notification => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let link = format!("{}/m/{}", ctx.config.public_url(), queue_id_text(row.message_id));
            let bytes = compose(ctx, Kind::SecureMessage, &to, context! { link }, &unique).await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::FirstContact => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let policy = ctx.config.password.clone();
            let (secret, hash) = smol::unblock(move || password::generate_hashed(&policy)).await;
            let hash = hash.map_err(failed)?;
            // The hash is durable before the password leaves; a retry issues a new one.
            let op = WriteOp::InitialPassword {
                address: to.clone(),
                hash,
                message_id: row.message_id,
                now: now(),
            };
            ctx.vault.write(op).await.map_err(|e| failed(e.to_string()))?;
            let bytes = compose(
                ctx,
                Kind::FirstContact,
                &to,
                context! { password => secret, reset => row.note == ADMIN_RESET_NOTE },
                &unique,
            )
            .await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::PasswordReset => reset_link(ctx, row, &unique).await,
        OutboxKind::SignInCode => sign_in_code(ctx, row, &unique).await,
        OutboxKind::ReadReceipt => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let note: serde_json::Value = serde_json::from_str(&row.note).unwrap_or_default();
            let message = ctx.vault.message(row.message_id).map_err(|e| failed(e.to_string()))?;
            let (subject, sent_at) = message.map_or_else(|| ("(no longer stored)".into(), 0), |m| (m.subject, m.received_at));
            let values = context! {
                subject, sent_at => utc_text(sent_at), reader => note["reader"].as_str().unwrap_or("?"),
                read_at => utc_text(note["read_at"].as_i64().unwrap_or(0)),
            };
            let bytes = compose(ctx, Kind::ReadReceipt, &to, values, &unique).await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::DeliveryFailure => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let note: serde_json::Value = serde_json::from_str(&row.note).unwrap_or_default();
            let recipients = note["recipients"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "))
                .unwrap_or_default();
            let reason = note["reason"].as_str().unwrap_or("unknown").to_string();
            let subject = original_subject(ctx, row.data_id).await;
            let values = context! { subject, recipients, reason };
            let bytes = compose(ctx, Kind::DeliveryFailure, &to, values, &unique).await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
    }
}

/// A reset-link mail. The link is made now and its hash stored (voiding older
/// links) before the mail leaves; a retry makes a new link.
async fn reset_link(ctx: &Context, row: &OutboxRow, unique: &str) -> Result<(String, Vec<String>, Vec<u8>), SendError> {
    let to = row.recipients.first().cloned().unwrap_or_default();
    let (token, token_hash) = tokens::new_token();
    let hours = ctx.config.password.reset_link_hours;
    let op = WriteOp::Auth(AuthWrite::IssueReset {
        address: to.clone(),
        token_hash,
        expires_at: now() + i64::from(hours) * 3600,
        at: now(),
    });
    match ctx.vault.write(op).await.map_err(|e| failed(e.to_string()))? {
        WriteResult::Done => {}
        _ => {
            return Err(SendError {
                permanent: true,
                message: format!("no account {to} any more"),
            });
        }
    }
    let link = format!("{}/reset/{token}", ctx.config.public_url());
    let bytes = compose(ctx, Kind::PasswordReset, &to, context! { link, hours }, unique).await?;
    Ok((ctx.notifier.sender_address(), vec![to], bytes))
}

/// A sign-in code mail. The code is made now and its hash stored (voiding
/// older codes) before the mail leaves; a retry makes a new code.
async fn sign_in_code(ctx: &Context, row: &OutboxRow, unique: &str) -> Result<(String, Vec<String>, Vec<u8>), SendError> {
    let to = row.recipients.first().cloned().unwrap_or_default();
    let issued = crate::service::sign_in_codes::issue_code(ctx, &to).await;
    let Some(code) = issued.map_err(|e| failed(e.to_string()))? else {
        return Err(SendError {
            permanent: true,
            message: format!("no account {to} any more"),
        });
    };
    let minutes = ctx.config.portal.sign_in_code_minutes;
    let bytes = compose(ctx, Kind::SignInCode, &to, context! { code, minutes }, unique).await?;
    Ok((ctx.notifier.sender_address(), vec![to], bytes))
}

/// Renders and signs the message. An RSA signature is done on the blocking
/// pool, where it can use every core without holding up the async threads;
/// an Ed25519 one is cheaper than the hand-over (measured with the notify bench).
async fn compose(ctx: &Context, kind: Kind, to: &str, values: Value, unique: &str) -> Result<Vec<u8>, SendError> {
    let notifier = Arc::clone(&ctx.notifier);
    let result = if notifier.dkim.is_costly() {
        let (to, unique) = (to.to_string(), unique.to_string());
        smol::unblock(move || notifier.compose(kind, &to, &values, &unique)).await
    } else {
        notifier.compose(kind, to, &values, unique)
    };
    result.map_err(|e| failed(e.to_string()))
}

/// Subject of the stored relay bytes, for telling the sender which message failed.
async fn original_subject(ctx: &Context, data_id: u64) -> String {
    let vault = ctx.vault.clone();
    let bytes = smol::unblock(move || vault.outbox_data(data_id))
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let subject = mail_parser::MessageParser::default()
        .parse_headers(&bytes)
        .and_then(|m| m.subject().map(str::to_string));
    subject.unwrap_or_else(|| "(no subject)".into())
}
