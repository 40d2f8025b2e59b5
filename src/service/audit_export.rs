//! The audit as CSV, streamed: events are read from the vault a batch at a
//! time (each batch its own short read transaction, so a long export never
//! keeps the writer from reusing pages) and sent as they are made; the
//! channel is bounded, so a slow download slows the reading, and one that
//! stops reading for `STALL_LIMIT` ends the export.

use std::time::Duration;

use super::audit::{CSV_HEADER, Filter, csv_row};
use super::{Context, StoreError};

/// Events read per batch.
const BATCH: usize = 1_000;
/// Chunks waiting for the client at most.
const QUEUED: usize = 4;
/// A client that takes no chunk for this long is left.
const STALL_LIMIT: Duration = Duration::from_mins(1);

/// Starts the export of every audit event `filter` keeps, newest first; its
/// chunks come out of the returned channel, which closes at the end.
pub fn csv_chunks(ctx: Context, filter: Filter) -> async_channel::Receiver<Vec<u8>> {
    let (tx, rx) = async_channel::bounded(QUEUED);
    smol::spawn(async move {
        match send_all(&ctx, &filter, &tx).await {
            Ok(rows) => tracing::info!(rows, "audit exported as CSV"),
            Err(e) => tracing::warn!(error = %e, "audit export ended early"),
        }
    })
    .detach();
    rx
}

#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the client stopped reading")]
    Gone,
}

async fn send_all(ctx: &Context, filter: &Filter, tx: &async_channel::Sender<Vec<u8>>) -> Result<u64, ExportError> {
    send(tx, CSV_HEADER.as_bytes().to_vec()).await?;
    let (query, since_ms) = (filter.query_key(), filter.since_ms());
    let (mut before, mut rows) = (u64::MAX, 0u64);
    loop {
        let (events, done) = ctx.vault.events_before(0, before, BATCH, since_ms).map_err(StoreError::from)?;
        let mut chunk = String::new();
        for e in events.iter().filter(|e| filter.keeps(e, &query)) {
            csv_row(&mut chunk, e);
            rows += 1;
        }
        if !chunk.is_empty() {
            send(tx, chunk.into_bytes()).await?;
        }
        match events.last() {
            Some(last) if !done => before = last.seq,
            _ => return Ok(rows),
        }
    }
}

async fn send(tx: &async_channel::Sender<Vec<u8>>, chunk: Vec<u8>) -> Result<(), ExportError> {
    let sent = futures_lite::future::or(async { tx.send(chunk).await.map_err(|_| ExportError::Gone) }, async {
        smol::Timer::after(STALL_LIMIT).await;
        Err(ExportError::Gone)
    });
    sent.await
}
