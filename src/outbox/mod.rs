//! The outbox worker: sends queued rows, retries with backoff, records every attempt.
//!
//! Relay rows carry their bytes; notification and first-contact rows are
//! written (templates, DKIM) at send time. Every attempt is an event.

pub mod client;
mod direct;
mod mx;
pub mod relay;
mod render;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use crate::service::{Context, now};
use crate::vault::{Fallback, FollowUp, OutboxKind, OutboxOutcome, OutboxRow, WriteOp};

/// Rows taken per kind per pass.
const BATCH: usize = 64;
/// Deliveries in flight at once (each holds one pooled SMTP connection).
const CONCURRENT_SENDS: usize = 8;
/// Longest sleep between passes when nothing is due.
const IDLE: Duration = Duration::from_secs(30);

/// Runs forever; woken early through `wake` when something is queued.
pub async fn run(ctx: Context, relay: Arc<client::Pool>, wake: async_channel::Receiver<()>) {
    // Rows sent whose outcome could not be recorded: never sent again by this process.
    let mut unrecorded: HashSet<(OutboxKind, u64)> = HashSet::new();
    let slots = Arc::new(smol::lock::Semaphore::new(CONCURRENT_SENDS));
    let mut first_kind = 0;
    loop {
        let mut busy = false;
        // Start each pass with the next kind, so a probe of an unreachable relay
        // does not always use (and starve the others behind) the same kind.
        first_kind = (first_kind + 1) % OutboxKind::ALL.len();
        for i in 0..OutboxKind::ALL.len() {
            let kind = OutboxKind::ALL[(first_kind + i) % OutboxKind::ALL.len()];
            // While the relay is unreachable, rows bound for it are not even rendered.
            if kind != OutboxKind::Direct && relay.down_for().is_some() {
                continue;
            }
            let due = ctx.vault.due_outbox(kind, now(), BATCH).unwrap_or_else(|e| {
                tracing::error!(error = %e, "outbox read failed");
                Vec::new()
            });
            // Several rows at once over the pooled connections; their outcomes
            // share group commits.
            let mut running = Vec::new();
            for row in due.into_iter().filter(|r| !unrecorded.contains(&(r.kind, r.id))) {
                busy = true;
                let permit = slots.acquire_arc().await;
                let (ctx, relay) = (ctx.clone(), Arc::clone(&relay));
                running.push(smol::spawn(async move {
                    let recorded = attempt(&ctx, &relay, &row).await;
                    drop(permit);
                    (row.kind, row.id, recorded)
                }));
            }
            for task in running {
                let (kind, id, recorded) = task.await;
                if !recorded {
                    unrecorded.insert((kind, id));
                }
            }
        }
        if busy {
            continue;
        }
        let relay_down = relay.down_for();
        let next = OutboxKind::ALL
            .iter()
            .filter(|k| relay_down.is_none() || **k == OutboxKind::Direct)
            .filter_map(|k| ctx.vault.next_due(*k).ok().flatten())
            .min();
        let mut wait = next.map_or(IDLE, |at| {
            Duration::from_secs(u64::try_from((at - now()).max(1)).unwrap_or(1)).min(IDLE)
        });
        if let Some(pause) = relay_down {
            wait = wait.min(pause.max(Duration::from_millis(100)));
        }
        let _ = futures_lite::future::or(async { wake.recv().await.ok() }, async {
            smol::Timer::after(wait).await;
            None
        })
        .await;
        while wake.try_recv().is_ok() {}
    }
}

/// One delivery attempt of one row, recorded in the vault; false when recording failed.
async fn attempt(ctx: &Context, relay: &client::Pool, row: &OutboxRow) -> bool {
    let outcome = match render::envelope_and_bytes(ctx, row).await {
        Ok((from, to, bytes)) if row.kind == OutboxKind::Direct => match direct_attempt(ctx, row, from, to, bytes).await {
            Ok(outcome) => outcome,
            Err(op) => return record(ctx, row, op).await,
        },
        Ok((from, to, bytes)) => classify(ctx, row, relay::send(relay, &from, &to, &bytes).await),
        Err(e) => classify(ctx, row, Err(e)),
    };
    log(row, &outcome);
    let follow_up = failure_notice(ctx, row, &outcome);
    let op = WriteOp::Outbox {
        follow_up,
        kind: row.kind,
        id: row.id,
        now: now(),
        outcome,
    };
    record(ctx, row, op).await
}

/// Direct TLS delivery: an outcome to record, or (Err) the vault fallback to write instead.
async fn direct_attempt(ctx: &Context, row: &OutboxRow, from: String, to: Vec<String>, bytes: Vec<u8>) -> Result<OutboxOutcome, WriteOp> {
    let rcpt = to.first().cloned().unwrap_or_default();
    match direct::deliver(ctx, &from, &rcpt, &bytes).await {
        direct::DirectOutcome::Delivered(reply) => Ok(OutboxOutcome::Delivered { reply }),
        direct::DirectOutcome::Failed(e) => Ok(classify(ctx, row, Err(e))),
        direct::DirectOutcome::NoTls(reason) => {
            tracing::warn!(outbox_id = row.id, to = %rcpt, %reason, "TLS not possible; holding in the vault");
            let rule = "tls-fallback";
            let (record, entry) = crate::service::intake::fallback_record(ctx, row.message_id, &row.sender, &bytes, &rcpt, rule);
            Err(WriteOp::Fallback(Box::new(Fallback {
                id: row.id,
                now: now(),
                recipient: rcpt,
                reason,
                record,
                raw: bytes,
                entry,
            })))
        }
    }
}

/// Writes the outcome of an attempt; false when that failed.
async fn record(ctx: &Context, row: &OutboxRow, op: WriteOp) -> bool {
    match ctx.vault.write(op).await {
        Ok(_) => true,
        Err(e) => {
            tracing::error!(outbox_id = row.id, error = %e, "recording outbox attempt failed; the row is not sent again until restart");
            smol::Timer::after(Duration::from_secs(1)).await;
            false
        }
    }
}

/// A dead relay row tells its internal sender; never for the null sender or
/// for mail Cloister wrote itself (no loops, no backscatter to outsiders).
fn failure_notice(ctx: &Context, row: &OutboxRow, outcome: &OutboxOutcome) -> Option<FollowUp> {
    let OutboxOutcome::Dead { error } = outcome else { return None };
    let internal = ctx.config.internal_domains.is_empty() || ctx.config.is_internal(&row.sender);
    if !matches!(row.kind, OutboxKind::Relay | OutboxKind::Direct)
        || row.sender.is_empty()
        || !internal
        || row.sender.eq_ignore_ascii_case(&ctx.notifier.sender_address())
    {
        return None;
    }
    let note = serde_json::json!({ "recipients": row.recipients, "reason": error }).to_string();
    Some(FollowUp {
        kind: OutboxKind::DeliveryFailure,
        to: row.sender.clone(),
        note,
    })
}

/// Turns a send result into delivered / retry later / dead letter.
fn classify(ctx: &Context, row: &OutboxRow, sent: Result<String, relay::SendError>) -> OutboxOutcome {
    // Each kind has its own patience: ordinary mail like an MTA, notices shorter.
    let max_age_hours = match row.kind {
        OutboxKind::Relay | OutboxKind::Direct => ctx.config.relay.retry_max_age_hours,
        OutboxKind::Notification | OutboxKind::FirstContact | OutboxKind::DeliveryFailure => ctx.config.notify.retry_max_age_hours,
    };
    match sent {
        Ok(reply) => OutboxOutcome::Delivered { reply },
        Err(e) if e.permanent => OutboxOutcome::Dead { error: e.message },
        Err(e) => {
            let age = now() - row.created_at;
            if age > i64::try_from(max_age_hours * 3600).unwrap_or(i64::MAX) {
                return OutboxOutcome::Dead {
                    error: format!("gave up after {max_age_hours}h: {}", e.message),
                };
            }
            OutboxOutcome::Retry {
                error: e.message,
                next_attempt_at: now() + i64::try_from(backoff(ctx, row.attempts)).unwrap_or(i64::MAX / 2),
            }
        }
    }
}

/// Exponential backoff with up to 25 % jitter, capped at `retry_max_interval_secs`.
fn backoff(ctx: &Context, attempts: u32) -> u64 {
    let relay = &ctx.config.relay;
    let base = relay
        .retry_initial_secs
        .saturating_mul(1u64 << attempts.min(20))
        .min(relay.retry_max_interval_secs.max(relay.retry_initial_secs));
    let mut b = [0u8; 2];
    let _ = getrandom::getrandom(&mut b);
    base + base * u64::from(u16::from_le_bytes(b) % 26) / 100
}

fn log(row: &OutboxRow, outcome: &OutboxOutcome) {
    let qid = crate::service::intake::queue_id_text(row.message_id);
    let kind = row.kind.noun();
    match outcome {
        OutboxOutcome::Delivered { reply } => {
            tracing::info!(queue_id = %qid, outbox_id = row.id, kind, to = %row.recipients.join(","), %reply, "sent");
        }
        OutboxOutcome::Retry { error, next_attempt_at } => {
            tracing::warn!(queue_id = %qid, outbox_id = row.id, kind, %error, next_attempt_at, "deferred");
        }
        OutboxOutcome::Dead { error } => {
            tracing::error!(queue_id = %qid, outbox_id = row.id, kind, %error, "failed for good (dead letter)");
        }
    }
}
