//! The search index's indexer (`vault::search_index` keeps the index): while
//! the server serves, it turns each user's new entries into segments a batch
//! at a time and merges small segments into larger ones, so a search reads a
//! few segments and the entries its words point at.
//!
//! Entries wait as filter rows (searched by their filters) until a user has
//! `BATCH` of them; then one segment is made of up to `BATCH_MAX` of them,
//! from each message's search text. Eight segments under 512 entries are
//! merged into one, and four under 4,096 (a segment holds at most
//! `postings::SEGMENT_MAX_DOCS`); a segment with a quarter of its entries
//! gone is written again without them. Building and merging run on the
//! blocking pool; what a merge holds is its input and output segments
//! (about 1.2 bytes per word of an entry, some 10 MB at the largest).

use std::time::Duration;

use super::{Context, StoreError};
use crate::mail::words;
use crate::vault::postings;
use crate::vault::{IndexWrite, SegmentMeta, WriteOp, WriteResult};

/// Filter rows of one user that make a segment.
pub const BATCH: u32 = 64;
/// Filter rows one segment is made of, at most (a mailbox kept before the
/// index is indexed in segments of this many, then merged).
const BATCH_MAX: usize = 1_024;
/// How often the indexer looks for work.
const EVERY: Duration = Duration::from_secs(2);
/// Writes one look makes at most before it sleeps again.
const WRITES_PER_LOOK: usize = 1_000;
/// The merge tiers: segments with entries in `lo..hi` merge `count` (or
/// more) at a time.
const TIERS: [(u32, u32, usize); 2] = [(0, 512, 8), (512, 4_096, 4)];

/// Indexes for as long as the server runs.
pub async fn run(ctx: Context) {
    loop {
        smol::Timer::after(EVERY).await;
        if let Err(e) = catch_up(&ctx).await {
            tracing::warn!("the search index could not be brought up to date: {e} (tried again shortly)");
        }
    }
}

/// Does the index work due now (at most `WRITES_PER_LOOK` writes); how
/// many writes it made.
pub async fn catch_up(ctx: &Context) -> Result<usize, StoreError> {
    let mut writes = 0;
    while writes < WRITES_PER_LOOK {
        let due = ctx.vault.search_index_due(BATCH, 16)?;
        if due.is_empty() {
            break;
        }
        for address in due {
            writes += index_address(ctx, &address).await?;
        }
    }
    Ok(writes)
}

/// One user's work: a segment of their filter rows when there are enough,
/// then merges and rewrites until none is due.
async fn index_address(ctx: &Context, address: &str) -> Result<usize, StoreError> {
    let mut writes = 0;
    let rows = ctx.vault.search_unindexed(address, BATCH_MAX)?;
    if rows.len() >= BATCH as usize {
        writes += usize::from(flush(ctx, address, rows).await?);
    }
    while writes < WRITES_PER_LOOK {
        let Some(group) = pick(&ctx.vault.search_segments(address)?) else {
            break;
        };
        if !merge(ctx, address, &group).await? {
            break;
        }
        writes += 1;
    }
    Ok(writes)
}

/// Makes a segment of filter rows (id, still an entry); whether it was written.
async fn flush(ctx: &Context, address: &str, rows: Vec<(u64, bool)>) -> Result<bool, StoreError> {
    let worker = ctx.clone();
    let address = address.to_string();
    // A message whose bytes could not be read this time is tried again
    // later: indexed without its words it would never be found.
    let write = smol::unblock(move || -> Result<IndexWrite, StoreError> {
        let mut docs = Vec::with_capacity(rows.len());
        for &(id, _) in rows.iter().filter(|r| r.1) {
            let text = super::mailbox::search_text_of(&worker, id)?;
            docs.push((id, words::tokens_of(&worker.word_key, &text)));
        }
        Ok(IndexWrite {
            address,
            unindexed: rows.iter().map(|r| r.0).collect(),
            replaces: Vec::new(),
            segment: postings::build(docs),
        })
    })
    .await?;
    Ok(ctx.vault.write(WriteOp::SearchIndex(Box::new(write))).await? == WriteResult::Done)
}

/// Writes `group` again as one segment, without the entries gone; whether it was written.
async fn merge(ctx: &Context, address: &str, group: &[SegmentMeta]) -> Result<bool, StoreError> {
    let parts = group
        .iter()
        .map(|s| ctx.vault.search_segment(address, s.number))
        .collect::<Result<Vec<_>, _>>()?;
    let kept = ctx.vault.entries_kept(address, parts.iter().flat_map(|p| p.docs.iter().copied()))?;
    let segment = smol::unblock(move || postings::merge(&parts, |id| kept.contains(&id))).await;
    let write = IndexWrite {
        address: address.to_string(),
        unindexed: Vec::new(),
        replaces: group.iter().map(|s| (s.number, s.docs)).collect(),
        segment,
    };
    Ok(ctx.vault.write(WriteOp::SearchIndex(Box::new(write))).await? == WriteResult::Done)
}

/// The segments to write again next: a worn one alone, or the smallest of a
/// tier that has enough, as many as fit one segment.
fn pick(segments: &[SegmentMeta]) -> Option<Vec<SegmentMeta>> {
    if let Some(s) = segments.iter().find(|s| s.worn()) {
        return Some(vec![*s]);
    }
    let max = u32::try_from(postings::SEGMENT_MAX_DOCS).unwrap_or(u32::MAX);
    for (lo, hi, count) in TIERS {
        let mut tier: Vec<SegmentMeta> = segments.iter().filter(|s| (lo..hi).contains(&s.docs)).copied().collect();
        if tier.len() < count {
            continue;
        }
        tier.sort_by_key(|s| s.docs);
        let mut total = 0;
        let group: Vec<SegmentMeta> = tier
            .into_iter()
            .take_while(|s| {
                total += s.docs;
                total <= max
            })
            .collect();
        if group.len() >= 2 {
            return Some(group);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(number: u64, docs: u32, gone: u32) -> SegmentMeta {
        SegmentMeta {
            number,
            oldest: number,
            newest: number,
            docs,
            gone,
        }
    }

    #[test]
    fn merges_go_by_tier_and_worn_segments_first() {
        let small: Vec<SegmentMeta> = (0..7).map(|n| seg(n, 64, 0)).collect();
        assert_eq!(pick(&small), None, "seven small segments wait for an eighth");
        let mut eight = small.clone();
        eight.push(seg(7, 70, 0));
        assert_eq!(pick(&eight).map(|g| g.len()), Some(8));
        eight.push(seg(8, 600, 200));
        assert_eq!(pick(&eight), Some(vec![seg(8, 600, 200)]), "a quarter gone comes first");
        let big: Vec<SegmentMeta> = (0..5).map(|n| seg(n, 3_000, 0)).collect();
        let group = pick(&big).expect("five of the middle tier");
        assert_eq!(group.len(), 2, "no more than fit one segment");
        assert_eq!(pick(&[seg(0, 8_000, 0), seg(1, 8_000, 0)]), None);
    }
}
