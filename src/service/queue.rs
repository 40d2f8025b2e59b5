//! What the outbox worker asks of the vault: due rows, the next due time,
//! the bytes and records a mail is built from, the outcome of an attempt,
//! and the one path by which a notice's secret (first-contact password,
//! reset link, sign-in code) is made and its hash stored before it leaves.

use super::{Context, StoreError, now};
use crate::auth::{password, tokens};
use crate::model::{MessageRecord, OutboxKind, OutboxRow, Payload};
use crate::vault::{AuthWrite, WriteOp, WriteResult};

/// Pending rows of `kind` due by `cutoff`, soonest first (at most `limit`),
/// skipping those `skip` names.
pub fn due(ctx: &Context, kind: OutboxKind, cutoff: i64, limit: usize, skip: impl Fn(u64) -> bool) -> Result<Vec<OutboxRow>, StoreError> {
    Ok(ctx.vault.due_outbox(kind, cutoff, limit, skip)?)
}

/// When the next row of `kind` is due.
pub fn next_due(ctx: &Context, kind: OutboxKind) -> Result<Option<i64>, StoreError> {
    Ok(ctx.vault.next_due(kind)?)
}

/// Writes what came of an attempt (sent, deferred, dead, fallen back).
pub async fn record(ctx: &Context, op: WriteOp) -> Result<WriteResult, StoreError> {
    Ok(ctx.vault.write(op).await?)
}

/// The bytes of relayed mail row `row` sends, opened.
pub async fn relay_bytes(ctx: &Context, row: &OutboxRow) -> Result<Option<Vec<u8>>, super::stored::BytesError> {
    super::stored::copy_bytes(ctx, row.message_id, row.data_id).await
}

pub fn message(ctx: &Context, id: u64) -> Result<Option<MessageRecord>, StoreError> {
    super::records::message(ctx, id)
}

/// The secret a notice carries, made now; its hash is durable before the
/// mail is built, so a retry issues a new one and an old one stops working.
pub enum Secret {
    Password(String),
    ResetLink { token: String, hours: u32 },
    SignInCode { code: String, minutes: u32 },
}

/// Makes and stores the secret of a notice `row` to `to`; `None` when the
/// account is gone or the kind carries none.
pub async fn issue_secret(ctx: &Context, row: &OutboxRow, to: &str) -> Result<Option<Secret>, IssueError> {
    let message_id = row.message_id;
    match row.kind {
        OutboxKind::FirstContact => {
            let policy = ctx.config.password.clone();
            let (secret, hash) = smol::unblock(move || password::generate_hashed(&policy)).await;
            let op = WriteOp::InitialPassword {
                address: to.to_string(),
                hash: hash.map_err(IssueError::Hashing)?,
                message_id,
                must_change: !matches!(row.payload, Payload::AdminReset { must_change: false }),
                now: now(),
            };
            ctx.vault.write(op).await.map_err(StoreError::from)?;
            Ok(Some(Secret::Password(secret)))
        }
        OutboxKind::PasswordReset => {
            let (token, token_hash) = tokens::new_token();
            let hours = ctx.config.password.reset_link_hours;
            let op = WriteOp::Auth(AuthWrite::IssueReset {
                address: to.to_string(),
                token_hash,
                expires_at: now() + i64::from(hours) * 3600,
                at: now(),
            });
            let stored = ctx.vault.write(op).await.map_err(StoreError::from)? == WriteResult::Done;
            Ok(stored.then_some(Secret::ResetLink { token, hours }))
        }
        OutboxKind::SignInCode => {
            let code = super::sign_in_codes::issue_code(ctx, to).await?;
            let minutes = ctx.config.portal.sign_in_code_minutes;
            Ok(code.map(|code| Secret::SignInCode { code, minutes }))
        }
        _ => Ok(None),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error("hashing failed: {0}")]
    Hashing(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}
