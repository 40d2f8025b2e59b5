//! What a row sends: relay rows their stored bytes, the others a rendered notification.

use minijinja::context;

use super::relay::SendError;
use crate::auth::password;
use crate::notify::Kind;
use crate::service::intake::queue_id_text;
use crate::service::{Context, now};
use crate::vault::{OutboxKind, OutboxRow, WriteOp};

fn failed(message: String) -> SendError {
    SendError { permanent: false, message }
}

/// (envelope sender, recipients, bytes) for one attempt.
pub async fn envelope_and_bytes(ctx: &Context, row: &OutboxRow) -> Result<(String, Vec<String>, Vec<u8>), SendError> {
    let notifier = &ctx.notifier;
    let unique = format!("{}.{}", queue_id_text(row.message_id), row.id);
    match row.kind {
        OutboxKind::Relay => {
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
            let bytes = notifier
                .compose(Kind::SecureMessage, &to, &context! { link }, &unique)
                .map_err(|e| failed(e.to_string()))?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
        OutboxKind::FirstContact => {
            let to = row.recipients.first().cloned().unwrap_or_default();
            let policy = ctx.config.password.clone();
            let (secret, hash) = smol::unblock(move || {
                let secret = password::generate(&policy);
                let hash = password::hash(&secret);
                (secret, hash)
            })
            .await;
            let hash = hash.map_err(failed)?;
            // The hash is durable before the password leaves; a retry issues a new one.
            let op = WriteOp::InitialPassword {
                address: to.clone(),
                hash,
                message_id: row.message_id,
                now: now(),
            };
            ctx.vault.write(op).await.map_err(|e| failed(e.to_string()))?;
            let bytes = notifier
                .compose(Kind::FirstContact, &to, &context! { password => secret }, &unique)
                .map_err(|e| failed(e.to_string()))?;
            Ok((notifier.sender_address(), vec![to], bytes))
        }
    }
}
