//! What a row sends: relay rows their stored bytes, the others a rendered notification.

use std::sync::Arc;

use minijinja::{Value, context};

use super::relay::SendError;
use crate::model::{OutboxKind, OutboxRow, Payload};
use crate::notify::Kind;
use crate::service::intake::queue_id_text;
use crate::service::queue::{self, Secret};
use crate::service::{Context, utc_text};

fn failed(message: String) -> SendError {
    SendError { permanent: false, message }
}

/// (envelope sender, recipients, bytes) for one attempt.
pub async fn envelope_and_bytes(ctx: &Context, row: &OutboxRow) -> Result<(String, Vec<String>, Vec<u8>), SendError> {
    let notifier = &ctx.notifier;
    let unique = format!("{}.{}", queue_id_text(row.message_id), row.id);
    match row.kind {
        OutboxKind::Relay | OutboxKind::Direct | OutboxKind::BccCopy => {
            let data_id = row.data_id;
            let stored = queue::relay_bytes(ctx, row).await.map_err(|e| failed(e.to_string()))?;
            let bytes = stored.ok_or_else(|| SendError {
                permanent: true,
                message: format!("stored bytes {data_id} missing"),
            })?;
            Ok((row.sender.clone(), row.recipients.clone(), bytes))
        }
        OutboxKind::Notification => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let link = format!("{}/m/{}", ctx.config.public_url(), queue_id_text(row.message_id));
            let sender = named_sender(ctx, row)?;
            let bytes = compose(ctx, Kind::SecureMessage, &to, context! { link, sender }, &unique).await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::FirstContact => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            // The hash is durable before the password leaves; a retry issues a new one.
            let Some(Secret::Password(secret)) = issue(ctx, row, &to).await? else {
                return Err(gone(&to));
            };
            let bytes = compose(
                ctx,
                Kind::FirstContact,
                &to,
                context! { password => secret, reset => matches!(row.payload, Payload::AdminReset { .. }), keep => matches!(row.payload, Payload::AdminReset { must_change: false }) },
                &unique,
            )
            .await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::PasswordReset => reset_link(ctx, row, &unique).await,
        OutboxKind::SignInCode => sign_in_code(ctx, row, &unique).await,
        OutboxKind::ReadReceipt => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let (reader, read_at) = match &row.payload {
                Payload::ReadReceipt { reader, read_at } => (reader.as_str(), *read_at),
                _ => ("?", 0),
            };
            let message = queue::message(ctx, row.message_id).map_err(|e| failed(e.to_string()))?;
            let gone = || ctx.notifier.catalogues.text(mail_language(ctx, &to), "note-mail-gone", &[]);
            // The sender's own page of the message: who has read it, recall, extend.
            let link = message
                .as_ref()
                .map(|_| format!("{}/m/{}", ctx.config.public_url(), queue_id_text(row.message_id)));
            let (subject, sent_at) = message.map_or_else(|| (gone(), 0), |m| (m.subject, m.received_at));
            let values = context! {
                subject, sent_at => utc_text(sent_at), reader,
                read_at => utc_text(read_at), link,
            };
            let bytes = compose(ctx, Kind::ReadReceipt, &to, values, &unique).await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::Welcome => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            // Directory and provider users sign in the organisation's way, not with a code or a password of ours.
            let values = context! {
                login => format!("{}/login", ctx.config.public_url()), codes => ctx.config.portal.sign_in_codes,
                directory => ctx.config.sign_in_way(&to), provider => ctx.config.oidc.name, address => to,
            };
            let bytes = compose(ctx, Kind::Welcome, &to, values, &unique).await?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::DeliveryFailure => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let (recipients, reason) = match &row.payload {
                Payload::DeliveryFailure { recipients, reason } => (recipients.join(", "), reason.clone()),
                _ => (String::new(), "unknown".to_string()),
            };
            let subject = original_subject(ctx, row)
                .await
                .unwrap_or_else(|| ctx.notifier.catalogues.text(mail_language(ctx, &to), "note-mail-no-subject", &[]));
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
    let Some(Secret::ResetLink { token, hours }) = issue(ctx, row, &to).await? else {
        return Err(gone(&to));
    };
    let link = format!("{}/reset/{token}", ctx.config.public_url());
    let bytes = compose(ctx, Kind::PasswordReset, &to, context! { link, hours }, unique).await?;
    Ok((ctx.notifier.sender_address(), vec![to], bytes))
}

/// A sign-in code mail. The code is made now and its hash stored (voiding
/// older codes) before the mail leaves; a retry makes a new code.
async fn sign_in_code(ctx: &Context, row: &OutboxRow, unique: &str) -> Result<(String, Vec<String>, Vec<u8>), SendError> {
    let to = row.recipients.first().cloned().unwrap_or_default();
    let Some(Secret::SignInCode { code, minutes }) = issue(ctx, row, &to).await? else {
        return Err(gone(&to));
    };
    let bytes = compose(ctx, Kind::SignInCode, &to, context! { code, minutes }, unique).await?;
    Ok((ctx.notifier.sender_address(), vec![to], bytes))
}

/// The row's secret, made and stored through the one path the service keeps.
async fn issue(ctx: &Context, row: &OutboxRow, to: &str) -> Result<Option<Secret>, SendError> {
    queue::issue_secret(ctx, row, to).await.map_err(|e| failed(e.to_string()))
}

fn gone(to: &str) -> SendError {
    SendError {
        permanent: true,
        message: format!("no account {to} any more"),
    }
}

/// Renders and signs the message. An RSA signature is done on the blocking
/// pool, where it can use every core without holding up the async threads;
/// an Ed25519 one is cheaper than the hand-over (measured with the notify bench).
async fn compose(ctx: &Context, kind: Kind, to: &str, values: Value, unique: &str) -> Result<Vec<u8>, SendError> {
    let notifier = Arc::clone(&ctx.notifier);
    let lang = mail_language(ctx, to);
    let result = if notifier.dkim.is_costly() {
        let (to, unique) = (to.to_string(), unique.to_string());
        smol::unblock(move || notifier.compose(kind, &to, lang, &values, &unique)).await
    } else {
        notifier.compose(kind, to, lang, &values, unique)
    };
    result.map_err(|e| failed(e.to_string()))
}

/// The recipient's chosen language, else the organisation's default
/// (`portal.default_language`): a mail has no browser to ask.
fn mail_language(ctx: &Context, to: &str) -> &'static str {
    let chosen = crate::service::accounts::account(ctx, to)
        .ok()
        .flatten()
        .map(|a| a.preferences.language)
        .unwrap_or_default();
    ctx.notifier.catalogues.pick(&chosen, "")
}

/// Who sent the message, for a notice that names them (`notify.name_sender`):
/// the From header as written, else the envelope sender; None when off.
fn named_sender(ctx: &Context, row: &OutboxRow) -> Result<Option<String>, SendError> {
    if !ctx.config.notify.name_sender {
        return Ok(None);
    }
    let message = queue::message(ctx, row.message_id).map_err(|e| failed(e.to_string()))?;
    Ok(message.map(|m| {
        let from = if m.from.trim().is_empty() { m.envelope_from } else { m.from };
        from.chars().filter(|c| !c.is_control()).take(200).collect()
    }))
}

/// Subject of the stored relay bytes, for telling the sender which message failed.
async fn original_subject(ctx: &Context, row: &OutboxRow) -> Option<String> {
    let bytes = queue::relay_bytes(ctx, row).await.ok().flatten().unwrap_or_default();
    mail_parser::MessageParser::default()
        .parse_headers(&bytes)
        .and_then(|m| m.subject().map(str::to_string))
}
