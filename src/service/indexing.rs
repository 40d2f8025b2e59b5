//! Messages kept before the admin monitor's index (a vault from an older
//! version) are indexed while the server serves: in id order, `keys.batch`
//! per write, each record opened for its subject's words. The vault
//! remembers how far it got, so a kill costs at most the batch in flight,
//! and a vault that is done costs one read at start. Until it is done the
//! monitor says its counts are partial.

use super::{Context, StoreError};
use crate::model::Locked;
use crate::vault::WriteOp;

/// Indexes every older message; how many it indexed.
pub async fn index_older(ctx: &Context) -> Result<u64, StoreError> {
    let Some(mut after) = ctx.vault.monitor_indexed_through()? else {
        return Ok(0);
    };
    let batch = usize::try_from(ctx.config.keys.batch).unwrap_or(500);
    let mut indexed = 0u64;
    loop {
        let records = ctx.vault.records_after(after, batch)?;
        let Some(last) = records.last().map(|m| m.clone().unopened().id) else {
            break;
        };
        let items: Vec<(u64, Vec<u64>)> = records
            .into_iter()
            .map(|m| {
                let m = super::records::open_record(&ctx.master, Locked::unopened(m));
                (m.id, super::monitor_terms::terms_of(&ctx.word_key, &m))
            })
            .collect();
        indexed += items.len() as u64;
        ctx.vault.write(WriteOp::IndexOlder { items, through: last }).await?;
        tracing::info!(through = %format!("{last:016X}"), indexed, "indexing messages kept before the monitor's index");
        after = last;
    }
    let done = WriteOp::IndexOlder {
        items: Vec::new(),
        through: u64::MAX,
    };
    ctx.vault.write(done).await?;
    Ok(indexed)
}
