//! Messages kept before the admin monitor's index (a vault from an older
//! version) are indexed while the server serves: in id order, `keys.batch`
//! per write, each record opened for its subject's words. The vault
//! remembers how far it got, so a kill costs at most the batch in flight,
//! and a vault that is done costs one read at start. Until it is done the
//! monitor says its counts are partial.

use super::{Context, StoreError};
use crate::vault::WriteOp;

/// Indexes every older message; how many it indexed.
pub async fn index_older(ctx: &Context) -> Result<u64, StoreError> {
    let Some(after) = ctx.vault.monitor_indexed_through()? else {
        return Ok(0);
    };
    let indexed = super::records::walk_older(ctx, after, "indexing messages kept before the monitor's index", |records, last| {
        let items: Vec<(u64, Vec<u64>)> = records
            .into_iter()
            .map(|m| {
                let m = super::records::open_record(&ctx.master, m);
                (m.id, super::monitor_terms::terms_of(&ctx.word_key, &m))
            })
            .collect();
        let n = items.len() as u64;
        (WriteOp::IndexOlder { items, through: last }, n)
    })
    .await?;
    let done = WriteOp::IndexOlder {
        items: Vec::new(),
        through: u64::MAX,
    };
    ctx.vault.write(done).await?;
    Ok(indexed)
}
