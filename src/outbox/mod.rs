//! The outbox worker: sends queued rows, retries with backoff, records every attempt.
//!
//! Only `relay` rows are sent here so far; notification and first-contact rows
//! stay queued (and visible with `cloister outbox`) until the notifier exists.

pub mod relay;

use std::time::Duration;

use crate::service::{Context, now};
use crate::vault::{OutboxKind, OutboxOutcome, OutboxRow, WriteOp};

/// Rows taken per pass.
const BATCH: usize = 32;
/// Longest sleep between passes when nothing is due.
const IDLE: Duration = Duration::from_secs(30);

/// Runs forever; woken early through `wake` when intake queues mail.
pub async fn run(ctx: Context, wake: async_channel::Receiver<()>) {
    let transport = match relay::transport(&ctx) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "relay transport could not be built; outbox worker stopped");
            return;
        }
    };
    loop {
        let due = match ctx.vault.due_outbox(OutboxKind::Relay, now(), BATCH) {
            Ok(rows) => rows,
            Err(e) => {
                tracing::error!(error = %e, "outbox read failed");
                Vec::new()
            }
        };
        let busy = !due.is_empty();
        for (row, bytes) in due {
            let t = transport.clone();
            let sent = smol::unblock({
                let row = row.clone();
                move || relay::send(&t, &row, &bytes)
            })
            .await;
            let outcome = classify(&ctx, &row, sent);
            log(&row, &outcome);
            if let Err(e) = ctx
                .vault
                .write(WriteOp::Outbox {
                    kind: row.kind,
                    id: row.id,
                    now: now(),
                    outcome,
                })
                .await
            {
                tracing::error!(outbox_id = row.id, error = %e, "recording outbox attempt failed");
            }
        }
        if busy {
            continue;
        }
        let wait = match ctx.vault.next_due(OutboxKind::Relay) {
            Ok(Some(at)) => Duration::from_secs(u64::try_from((at - now()).max(1)).unwrap_or(1)).min(IDLE),
            _ => IDLE,
        };
        let _ = futures_lite::future::or(async { wake.recv().await.ok() }, async {
            smol::Timer::after(wait).await;
            None
        })
        .await;
        while wake.try_recv().is_ok() {}
    }
}

/// Turns a send result into delivered / retry later / dead letter.
fn classify(ctx: &Context, row: &OutboxRow, sent: Result<String, relay::SendError>) -> OutboxOutcome {
    let relay = &ctx.config.relay;
    match sent {
        Ok(reply) => OutboxOutcome::Delivered { reply },
        Err(e) if e.permanent => OutboxOutcome::Dead { error: e.message },
        Err(e) => {
            let age = now() - row.created_at;
            if age > i64::try_from(relay.retry_max_age_hours * 3600).unwrap_or(i64::MAX) {
                return OutboxOutcome::Dead {
                    error: format!("gave up after {}h: {}", relay.retry_max_age_hours, e.message),
                };
            }
            let shift = row.attempts.min(20);
            let delay = relay
                .retry_initial_secs
                .saturating_mul(1u64 << shift)
                .min(relay.retry_max_interval_secs.max(relay.retry_initial_secs));
            OutboxOutcome::Retry {
                error: e.message,
                next_attempt_at: now() + i64::try_from(delay).unwrap_or(i64::MAX / 2),
            }
        }
    }
}

fn log(row: &OutboxRow, outcome: &OutboxOutcome) {
    let qid = crate::service::intake::queue_id_text(row.message_id);
    match outcome {
        OutboxOutcome::Delivered { reply } => {
            tracing::info!(queue_id = %qid, outbox_id = row.id, to = %row.recipients.join(","), %reply, "relayed");
        }
        OutboxOutcome::Retry { error, next_attempt_at } => {
            tracing::warn!(queue_id = %qid, outbox_id = row.id, %error, next_attempt_at, "relay deferred");
        }
        OutboxOutcome::Dead { error } => {
            tracing::error!(queue_id = %qid, outbox_id = row.id, %error, "relay failed for good (dead letter)");
        }
    }
}
