//! The outbox worker: sends queued rows, retries with backoff, records every attempt.
//!
//! Relay rows carry their bytes; notification and first-contact rows are
//! written (templates, DKIM) at send time. Every attempt is an event.

pub mod client;
mod direct;
mod mta_sts;
pub mod pool;
pub mod relay;
mod render;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use crate::model::{OutboxKind, OutboxRow, Payload};
use crate::service::{Context, now, queue};
use crate::vault::{Fallback, FollowUp, OutboxOutcome, WriteOp};

/// Rows taken per kind per pass.
const BATCH: usize = 64;
/// Deliveries in flight at once: more than the pool's connections, so a
/// message is queued when a connection's previous data goes out (and can go
/// with it, pipelined). 16 / 32 / 64 measured: 32 best.
const CONCURRENT_SENDS: usize = 32;
/// Longest sleep between passes when nothing is due.
const IDLE: Duration = Duration::from_secs(30);

/// Finished attempts: (kind, id, whether the outcome was recorded).
type Done = (OutboxKind, u64, bool);

/// The dispatcher's view of rows it has handed out.
struct Dispatch {
    ctx: Context,
    relay: Arc<pool::Pool>,
    /// Recipient domains' MTA-STS policies, for direct delivery.
    mta_sts: Arc<mta_sts::Cache>,
    /// One permit per delivery in flight (being written, waiting for a connection, or sent).
    slots: Arc<smol::lock::Semaphore>,
    /// Rows being attempted, not to be picked up again until recorded.
    in_flight: HashSet<(OutboxKind, u64)>,
    /// Rows sent whose outcome could not be recorded: never sent again by this process.
    unrecorded: HashSet<(OutboxKind, u64)>,
    done_tx: async_channel::Sender<Done>,
    done_rx: async_channel::Receiver<Done>,
    /// Which kind goes first in the next pass.
    first_kind: usize,
    /// Whether the relay was reachable at the last pass.
    relay_was_up: bool,
    /// After the relay answered again: the relay-bound rows already handed
    /// out since, while every other waiting row goes without waiting out its
    /// retry delay. None once a pass finds no such row left.
    catch_up: Option<HashSet<(OutboxKind, u64)>>,
}

/// The in-flight key of a bare connection probe of the unreachable relay (row ids start at 1).
const PROBE: (OutboxKind, u64) = (OutboxKind::Relay, 0);

/// Runs forever; woken early through `wake` when something is queued.
///
/// Rows flow continuously: a row is handed to a task as soon as a delivery
/// slot is free, the slot is released once the relay answered, and the
/// outcome is written afterwards (sharing group commits with other rows).
pub async fn run(ctx: Context, relay: Arc<pool::Pool>, wake: async_channel::Receiver<()>) {
    let (done_tx, done_rx) = async_channel::unbounded();
    let mut d = Dispatch {
        ctx,
        relay,
        mta_sts: Arc::default(),
        slots: Arc::new(smol::lock::Semaphore::new(CONCURRENT_SENDS)),
        in_flight: HashSet::new(),
        unrecorded: HashSet::new(),
        done_tx,
        done_rx,
        first_kind: 0,
        relay_was_up: true,
        catch_up: None,
    };
    loop {
        d.collect_finished();
        if d.dispatch_due().await > 0 {
            continue;
        }
        if d.in_flight.is_empty() {
            d.idle(&wake).await;
        } else {
            // Something finishes or is queued: look again.
            let done = d.done_rx.clone();
            let _ = futures_lite::future::or(async { done.recv().await.ok().map(|f| d.finished(f)) }, async {
                wake.recv().await.ok()
            })
            .await;
        }
    }
}

impl Dispatch {
    fn finished(&mut self, (kind, id, recorded): Done) {
        self.in_flight.remove(&(kind, id));
        if !recorded {
            self.unrecorded.insert((kind, id));
        }
    }

    fn collect_finished(&mut self) {
        while let Ok(done) = self.done_rx.try_recv() {
            self.finished(done);
        }
    }

    /// Hands every due row to a delivery task; returns how many were started
    /// (a probe of the unreachable relay counts as one).
    async fn dispatch_due(&mut self) -> usize {
        let mut started = 0;
        let reach = self.relay.reach();
        if reach == pool::Reach::Up && !self.relay_was_up {
            self.catch_up = Some(HashSet::new());
        }
        self.relay_was_up = reach == pool::Reach::Up;
        let mut caught_up = 0;
        // Start each pass with the next kind, so one kind's backlog does not
        // always go first.
        self.first_kind = (self.first_kind + 1) % OutboxKind::ALL.len();
        for i in 0..OutboxKind::ALL.len() {
            let kind = OutboxKind::ALL[(self.first_kind + i) % OutboxKind::ALL.len()];
            // While the relay is paused, rows bound for it are not even read;
            // once the pause is over, rows that are due go as usual (and age out).
            let relayed = kind != OutboxKind::Direct;
            if relayed && matches!(reach, pool::Reach::Paused(_)) {
                continue;
            }
            let catching_up = relayed && self.catch_up.is_some();
            for row in self.due_rows(kind, catching_up) {
                let permit = self.slots.acquire_arc().await;
                self.in_flight.insert((kind, row.id));
                if let Some(sent) = self.catch_up.as_mut().filter(|_| catching_up) {
                    sent.insert((kind, row.id));
                    caught_up += 1;
                }
                let (ctx, relay, done) = (self.ctx.clone(), Arc::clone(&self.relay), self.done_tx.clone());
                let mta_sts = Arc::clone(&self.mta_sts);
                smol::spawn(async move {
                    let recorded = attempt(&ctx, (&relay, &mta_sts), &row, permit).await;
                    let _ = done.send((row.kind, row.id, recorded)).await;
                })
                .detach();
                started += 1;
            }
        }
        if caught_up == 0 {
            self.catch_up = None;
        }
        // Nothing due to find out whether it is back: a bare connection does.
        if reach == pool::Reach::Probe && !self.in_flight.iter().any(|(k, _)| *k != OutboxKind::Direct) {
            self.probe();
            started += 1;
        }
        started
    }

    /// Rows of `kind` to attempt now: those due, or while `catching_up`
    /// every pending one not yet handed out since the relay came back. The
    /// vault finds them by due time: rows waiting for later and dead letters
    /// are not read at all.
    fn due_rows(&self, kind: OutboxKind, catching_up: bool) -> Vec<OutboxRow> {
        let (in_flight, unrecorded, sent) = (&self.in_flight, &self.unrecorded, &self.catch_up);
        let skip = |id: u64| {
            let key = (kind, id);
            in_flight.contains(&key) || unrecorded.contains(&key) || (catching_up && sent.as_ref().is_some_and(|s| s.contains(&key)))
        };
        let cutoff = if catching_up { i64::MAX } else { now() };
        queue::due(&self.ctx, kind, cutoff, BATCH, skip).unwrap_or_else(|e| {
            tracing::error!(error = %e, "outbox read failed");
            Vec::new()
        })
    }

    /// Tries a bare connection to the unreachable relay in the background.
    fn probe(&mut self) {
        self.in_flight.insert(PROBE);
        let (relay, done) = (Arc::clone(&self.relay), self.done_tx.clone());
        smol::spawn(async move {
            let up = relay.probe().await;
            tracing::debug!(up, "relay probed");
            let _ = done.send((PROBE.0, PROBE.1, true)).await;
        })
        .detach();
    }

    /// Nothing due and nothing in flight: sleep until the next row is due, or a wake.
    async fn idle(&self, wake: &async_channel::Receiver<()>) {
        let relay_down = self.relay.down_for();
        let next = OutboxKind::ALL
            .iter()
            .filter(|k| relay_down.is_none() || **k == OutboxKind::Direct)
            .filter_map(|k| queue::next_due(&self.ctx, *k).ok().flatten())
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
/// The slot (`permit`) is given back as soon as the relay has answered.
async fn attempt(
    ctx: &Context,
    (relay, mta_sts): (&pool::Pool, &mta_sts::Cache),
    row: &OutboxRow,
    permit: smol::lock::SemaphoreGuardArc,
) -> bool {
    let outcome = match render::envelope_and_bytes(ctx, row).await {
        Ok((from, to, bytes)) if row.kind == OutboxKind::Direct => match direct_attempt(ctx, mta_sts, row, from, to, bytes).await {
            Ok(outcome) => outcome,
            Err(op) => {
                drop(permit);
                return record(ctx, row, op).await;
            }
        },
        Ok((from, to, bytes)) => classify(ctx, row, relay::send(relay, &from, &to, bytes).await),
        Err(e) => classify(ctx, row, Err(e)),
    };
    drop(permit);
    log(row, &outcome);
    let counted = match &outcome {
        OutboxOutcome::Delivered { .. } => crate::metrics::Delivery::Sent,
        OutboxOutcome::Retry { .. } => crate::metrics::Delivery::Deferred,
        OutboxOutcome::Dead { .. } => crate::metrics::Delivery::Dead,
    };
    ctx.metrics.delivery(row.kind, counted);
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
async fn direct_attempt(
    ctx: &Context,
    mta_sts: &mta_sts::Cache,
    row: &OutboxRow,
    from: String,
    to: Vec<String>,
    bytes: Vec<u8>,
) -> Result<OutboxOutcome, WriteOp> {
    let rcpt = to.first().cloned().unwrap_or_default();
    match direct::deliver(ctx, mta_sts, &from, &rcpt, &bytes).await {
        direct::DirectOutcome::Delivered(reply) => Ok(OutboxOutcome::Delivered { reply }),
        direct::DirectOutcome::Failed(e) => Ok(classify(ctx, row, Err(e))),
        // Enforced TLS: never plaintext; retried like any temporary failure and,
        // after relay.retry_max_age_hours, a delivery-failure notice to the sender.
        direct::DirectOutcome::NoTls(reason) if !ctx.config.policy.tls_fallback => {
            let message = format!("TLS required and not possible (policy.tls_fallback = false): {reason}");
            Ok(classify(ctx, row, Err(relay::SendError { permanent: false, message })))
        }
        direct::DirectOutcome::NoTls(reason) => {
            tracing::warn!(outbox_id = row.id, to = %rcpt, %reason, "TLS not possible; holding in the vault");
            let rule = "tls-fallback";
            let (mut record, entry) = crate::service::intake::fallback_record(ctx, row.message_id, &row.sender, &bytes, &rcpt, rule);
            let kept = crate::service::intake::kept_of(ctx, &mut record, &bytes);
            Err(WriteOp::Fallback(Box::new(Fallback {
                id: row.id,
                now: now(),
                recipient: rcpt,
                reason,
                record,
                entry,
                sender_internal: ctx.config.is_internal(&row.sender),
                kept,
            })))
        }
    }
}

/// Writes the outcome of an attempt; false when that failed.
async fn record(ctx: &Context, row: &OutboxRow, op: WriteOp) -> bool {
    match queue::record(ctx, op).await {
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
    Some(FollowUp {
        kind: OutboxKind::DeliveryFailure,
        to: row.sender.clone(),
        payload: Payload::DeliveryFailure {
            recipients: row.recipients.clone(),
            reason: error.clone(),
        },
    })
}

/// Turns a send result into delivered / retry later / dead letter.
fn classify(ctx: &Context, row: &OutboxRow, sent: Result<String, relay::SendError>) -> OutboxOutcome {
    // Each kind has its own patience: ordinary mail like an MTA, notices shorter.
    // A sign-in code is useless after its validity: the user will have asked for a new one.
    let max_age_secs = match row.kind {
        OutboxKind::Relay | OutboxKind::Direct | OutboxKind::BccCopy => ctx.config.relay.retry_max_age_hours * 3600,
        OutboxKind::SignInCode => u64::from(ctx.config.portal.sign_in_code_minutes) * 60,
        OutboxKind::Notification
        | OutboxKind::FirstContact
        | OutboxKind::DeliveryFailure
        | OutboxKind::PasswordReset
        | OutboxKind::ReadReceipt
        | OutboxKind::Welcome => ctx.config.notify.retry_max_age_hours * 3600,
    };
    match sent {
        Ok(reply) => OutboxOutcome::Delivered { reply },
        Err(e) if e.permanent => OutboxOutcome::Dead { error: e.message },
        Err(e) => {
            let age = now() - row.created_at;
            if age > i64::try_from(max_age_secs).unwrap_or(i64::MAX) {
                return OutboxOutcome::Dead {
                    error: format!("gave up after {} minutes: {}", max_age_secs / 60, e.message),
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
