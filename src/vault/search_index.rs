//! The search index: per user, word tokens → the mailbox entries holding
//! them, so a search reads the entries its words point at, not the mailbox.
//!
//! An entry is indexed in the transaction that stores it, as a row of
//! `SEARCH_WORDS` (its words' filter, made at intake). The indexer
//! (`service::search_index`) turns such rows into segments (`vault::postings`)
//! a batch at a time and merges small segments into larger ones; each of its
//! writes replaces what it read in one transaction, or nothing when that
//! changed meanwhile. An entry that goes loses its filter row at once; in a
//! segment it is counted gone, and a segment a quarter gone is written again
//! without its gone entries.
//!
//! What holds: every mailbox entry is in a filter row or in a segment (a
//! segment may also name entries gone since, which search skips).

use std::collections::HashSet;

use redb::{ReadOnlyTable, ReadableDatabase as _, ReadableTable, Table, WriteTransaction};

use super::postings::{self, Built, Segment};
use super::schema::{MAILBOX, SEARCH_DOCS, SEARCH_PENDING, SEARCH_POSTINGS, SEARCH_SEGMENTS, SEARCH_TEXT, SEARCH_WORDS};
use super::tables::Tables;
use super::{Vault, VaultError, WriteResult, decode};
use crate::model::MailboxEntry;

/// The indexer's write: a segment made from filter rows and segments it read.
#[derive(Debug, Default)]
pub struct IndexWrite {
    pub address: String,
    /// The filter rows the segment covers (those gone since are left alone).
    pub unindexed: Vec<u64>,
    /// The segments it replaces: (number, entries) as read.
    pub replaces: Vec<(u64, u32)>,
    /// The new segment (no entries: nothing written).
    pub segment: Built,
}

/// One segment of a user's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentMeta {
    pub number: u64,
    pub oldest: u64,
    pub newest: u64,
    pub docs: u32,
    pub gone: u32,
}

impl SegmentMeta {
    /// A quarter or more of its entries are gone: write it again without them.
    pub fn worn(&self) -> bool {
        worn(self.docs, self.gone)
    }
}

fn worn(docs: u32, gone: u32) -> bool {
    gone > 0 && u64::from(gone) * 4 >= u64::from(docs)
}

/// Adds to an address's work counts (filter rows, worn segments).
fn bump(t: &mut Tables<'_>, address: &str, rows: i64, worn: i64) -> Result<(), VaultError> {
    let (r, w) = t.search_pending.get(address)?.map_or((0, 0), |v| v.value());
    let step = |n: u32, d: i64| u32::try_from((i64::from(n) + d).max(0)).unwrap_or(u32::MAX);
    let (r, w) = (step(r, rows), step(w, worn));
    if (r, w) == (0, 0) {
        t.search_pending.remove(address)?;
    } else {
        t.search_pending.insert(address, (r, w))?;
    }
    Ok(())
}

/// Indexes a new entry by its words' filter (empty: opened by every search).
pub(super) fn add_unindexed(t: &mut Tables<'_>, address: &str, id: u64, filter: &[u8]) -> Result<(), VaultError> {
    if t.search_words.insert((address, id), filter)?.is_none() {
        bump(t, address, 1, 0)?;
    }
    Ok(())
}

/// Indexes an entry given back (access granted again), unless it still has a
/// filter row: with an empty filter, which the indexer fills in.
pub(super) fn add_back(t: &mut Tables<'_>, address: &str, id: u64) -> Result<(), VaultError> {
    if t.search_words.get((address, id))?.is_none() {
        add_unindexed(t, address, id, &[])?;
    }
    Ok(())
}

/// An entry went (`existed`: it was in the mailbox until now): its filter row
/// goes; otherwise the segment holding it counts it gone.
pub(super) fn forget(t: &mut Tables<'_>, address: &str, id: u64, existed: bool) -> Result<(), VaultError> {
    if t.search_words.remove((address, id))?.is_some() {
        return bump(t, address, -1, 0);
    }
    if !existed {
        return Ok(());
    }
    let segments = metas(&t.search_segments, address)?;
    for s in segments.into_iter().filter(|s| (s.oldest..=s.newest).contains(&id)) {
        if segment_holds(&t.search_docs, address, s.number, id)? {
            t.search_segments
                .insert((address, s.number), (s.oldest, s.newest, s.docs, s.gone + 1))?;
            if worn(s.docs, s.gone + 1) && !s.worn() {
                bump(t, address, 0, 1)?;
            }
            return Ok(());
        }
    }
    Ok(())
}

/// Applies the indexer's write; `Gone` (nothing changed) when a segment it
/// replaces is no longer as it read it.
pub(super) fn apply(t: &mut Tables<'_>, w: &IndexWrite) -> Result<WriteResult, VaultError> {
    let address = w.address.as_str();
    for &(number, docs) in &w.replaces {
        if t.search_segments.get((address, number))?.is_none_or(|v| v.value().2 != docs) {
            return Ok(WriteResult::Gone);
        }
    }
    // Numbered after every segment there is, those replaced included.
    let number = t
        .search_segments
        .range((address, 0)..=(address, u64::MAX))?
        .next_back()
        .transpose()?
        .map_or(0, |(k, _)| k.value().1 + 1);
    for &(replaced, _) in &w.replaces {
        drop_segment(t, address, replaced)?;
    }
    let mut removed = 0;
    for &id in &w.unindexed {
        removed += i64::from(t.search_words.remove((address, id))?.is_some());
    }
    bump(t, address, -removed, 0)?;
    let b = &w.segment;
    let (Some(&oldest), Some(&newest)) = (b.docs.first(), b.docs.last()) else {
        return Ok(WriteResult::Done);
    };
    for (first, chunk) in &b.chunks {
        t.search_postings.insert((address, number, *first), chunk.as_slice())?;
    }
    for (i, chunk) in (0u32..).zip(&b.doc_chunks) {
        t.search_docs.insert((address, number, i), chunk.as_slice())?;
    }
    let mut gone = 0u32;
    for &id in &b.docs {
        gone += u32::from(t.mailbox.get((address, id))?.is_none());
    }
    let docs = u32::try_from(b.docs.len()).unwrap_or(u32::MAX);
    t.search_segments.insert((address, number), (oldest, newest, docs, gone))?;
    if worn(docs, gone) {
        bump(t, address, 0, 1)?;
    }
    Ok(WriteResult::Done)
}

fn drop_segment(t: &mut Tables<'_>, address: &str, number: u64) -> Result<(), VaultError> {
    let was = t.search_segments.remove((address, number))?.map(|v| v.value());
    if let Some((_, _, docs, gone)) = was
        && worn(docs, gone)
    {
        bump(t, address, 0, -1)?;
    }
    t.search_postings
        .retain_in((address, number, 0)..=(address, number, u32::MAX), |_, _| false)?;
    t.search_docs
        .retain_in((address, number, 0)..=(address, number, u32::MAX), |_, _| false)?;
    Ok(())
}

/// Lists every address's filter rows in `SEARCH_PENDING` (schema 9 → 10);
/// how many addresses have some.
pub(super) fn count_unindexed(txn: &WriteTransaction) -> Result<u64, VaultError> {
    let words = txn.open_table(SEARCH_WORDS)?;
    let mut pending = txn.open_table(SEARCH_PENDING)?;
    let (mut current, mut rows, mut addresses): (Option<String>, u32, u64) = (None, 0, 0);
    let mut flush = |address: Option<String>, rows: u32, pending: &mut Table<'_, &str, (u32, u32)>| -> Result<(), VaultError> {
        if let Some(a) = address {
            pending.insert(a.as_str(), (rows, 0))?;
            addresses += 1;
        }
        Ok(())
    };
    for row in words.iter()? {
        let (k, _) = row?;
        let address = k.value().0;
        if current.as_deref() != Some(address) {
            flush(current.replace(address.to_string()), rows, &mut pending)?;
            rows = 0;
        }
        rows += 1;
    }
    flush(current, rows, &mut pending)?;
    Ok(addresses)
}

fn metas(table: &impl ReadableTable<(&'static str, u64), (u64, u64, u32, u32)>, address: &str) -> Result<Vec<SegmentMeta>, VaultError> {
    let mut out = Vec::new();
    for row in table.range((address, 0)..=(address, u64::MAX))? {
        let (k, v) = row?;
        let (oldest, newest, docs, gone) = v.value();
        out.push(SegmentMeta {
            number: k.value().1,
            oldest,
            newest,
            docs,
            gone,
        });
    }
    Ok(out)
}

fn segment_holds(
    docs: &impl ReadableTable<(&'static str, u64, u32), &'static [u8]>,
    address: &str,
    number: u64,
    id: u64,
) -> Result<bool, VaultError> {
    for row in docs.range((address, number, 0)..=(address, number, u32::MAX))? {
        let ids = postings::doc_ids(row?.1.value());
        if ids.binary_search(&id).is_ok() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The message ids of a segment's entries numbered `locals` (ascending).
fn ids_of(
    docs: &ReadOnlyTable<(&'static str, u64, u32), &'static [u8]>,
    address: &str,
    number: u64,
    locals: &[u32],
) -> Result<Vec<u64>, VaultError> {
    let per = u32::try_from(postings::DOCS_PER_CHUNK).unwrap_or(u32::MAX);
    let (mut out, mut chunk_no, mut ids) = (Vec::with_capacity(locals.len()), None, Vec::new());
    for &n in locals {
        if chunk_no != Some(n / per) {
            chunk_no = Some(n / per);
            ids = docs
                .get((address, number, n / per))?
                .map(|v| postings::doc_ids(v.value()))
                .unwrap_or_default();
        }
        if let Some(&id) = ids.get((n % per) as usize) {
            out.push(id);
        }
    }
    Ok(out)
}

/// The entries of a segment holding every token (ascending numbers).
fn matching(
    postings_table: &ReadOnlyTable<(&'static str, u64, u32), &'static [u8]>,
    address: &str,
    number: u64,
    tokens: &[u32],
) -> Result<Vec<u32>, VaultError> {
    let mut found: Option<Vec<u32>> = None;
    for &token in tokens {
        let Some(row) = postings_table.range((address, number, 0)..=(address, number, token))?.next_back() else {
            return Ok(Vec::new());
        };
        let locals = postings::find(row?.1.value(), token).map(|p| p.locals()).unwrap_or_default();
        let next = match found {
            None => locals,
            Some(prev) => postings::intersect(&prev, &locals),
        };
        if next.is_empty() {
            return Ok(next);
        }
        found = Some(next);
    }
    Ok(found.unwrap_or_default())
}

impl Vault {
    /// Walks the mailbox entries of `address` with an id from `since_id` on,
    /// newest first, that may hold every one of `tokens` (all of them when
    /// there are none): those of the segments holding every token, and the
    /// entries not in a segment yet whose filter `passes`. Gives each with
    /// the search text kept for it (messages from before schema 5), until
    /// `visit` returns false.
    pub fn walk_search(
        &self,
        address: &str,
        since_id: u64,
        tokens: &[u32],
        passes: impl Fn(&[u8]) -> bool,
        mut visit: impl FnMut(u64, &MailboxEntry, Option<&str>) -> bool,
    ) -> Result<(), VaultError> {
        let txn = self.db()?.begin_read()?;
        let mailbox = txn.open_table(MAILBOX)?;
        let texts = txn.open_table(SEARCH_TEXT)?;
        let texts = |id: u64| texts.get(id);
        if tokens.is_empty() {
            // Every entry of the period: read newest first, only as far as the visit goes.
            for row in mailbox.range((address, since_id)..=(address, u64::MAX))?.rev() {
                let (k, v) = row?;
                let (id, entry) = (k.value().1, decode::<MailboxEntry>("mailbox", v.value())?);
                if !visit(id, &entry, texts(id)?.as_ref().map(redb::AccessGuard::value)) {
                    break;
                }
            }
            return Ok(());
        }
        for id in candidates(&txn, address, since_id, tokens, passes)?.into_iter().rev() {
            let Some(entry) = mailbox.get((address, id))? else { continue };
            let entry: MailboxEntry = decode("mailbox", entry.value())?;
            if !visit(id, &entry, texts(id)?.as_ref().map(redb::AccessGuard::value)) {
                break;
            }
        }
        Ok(())
    }

    /// Addresses with index work: at least `batch` filter rows, or a worn
    /// segment; at most `limit` of them.
    pub fn search_index_due(&self, batch: u32, limit: usize) -> Result<Vec<String>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let pending = txn.open_table(SEARCH_PENDING)?;
        let mut out = Vec::new();
        for row in pending.iter()? {
            let (k, v) = row?;
            let (rows, worn) = v.value();
            if rows >= batch || worn > 0 {
                out.push(k.value().to_string());
                if out.len() == limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// The filter rows of `address`, oldest first, at most `limit`: (message
    /// id, whether it is an entry of the mailbox now).
    pub fn search_unindexed(&self, address: &str, limit: usize) -> Result<Vec<(u64, bool)>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let words = txn.open_table(SEARCH_WORDS)?;
        let mailbox = txn.open_table(MAILBOX)?;
        let mut out = Vec::new();
        for row in words.range((address, 0)..=(address, u64::MAX))?.take(limit) {
            let id = row?.0.value().1;
            out.push((id, mailbox.get((address, id))?.is_some()));
        }
        Ok(out)
    }

    /// The segments of `address`'s index, oldest first.
    pub fn search_segments(&self, address: &str) -> Result<Vec<SegmentMeta>, VaultError> {
        let txn = self.db()?.begin_read()?;
        metas(&txn.open_table(SEARCH_SEGMENTS)?, address)
    }

    /// One segment as stored (empty when it is gone).
    pub fn search_segment(&self, address: &str, number: u64) -> Result<Segment, VaultError> {
        let txn = self.db()?.begin_read()?;
        let docs = txn.open_table(SEARCH_DOCS)?;
        let chunks = txn.open_table(SEARCH_POSTINGS)?;
        let mut out = Segment::default();
        for row in docs.range((address, number, 0)..=(address, number, u32::MAX))? {
            out.docs.extend(postings::doc_ids(row?.1.value()));
        }
        for row in chunks.range((address, number, 0)..=(address, number, u32::MAX))? {
            out.chunks.push(row?.1.value().to_vec());
        }
        Ok(out)
    }

    /// Which of `ids` are entries of `address`'s mailbox now.
    pub fn entries_kept(&self, address: &str, ids: impl Iterator<Item = u64>) -> Result<HashSet<u64>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let mailbox = txn.open_table(MAILBOX)?;
        let mut out = HashSet::new();
        for id in ids {
            if mailbox.get((address, id))?.is_some() {
                out.insert(id);
            }
        }
        Ok(out)
    }
}

/// The ids (ascending, distinct, from `since_id` on) that may hold every token.
fn candidates(
    txn: &redb::ReadTransaction,
    address: &str,
    since_id: u64,
    tokens: &[u32],
    passes: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u64>, VaultError> {
    let filters = txn.open_table(SEARCH_WORDS)?;
    let mut ids = Vec::new();
    for row in filters.range((address, since_id)..=(address, u64::MAX))? {
        let (k, filter) = row?;
        let filter = filter.value();
        if filter.is_empty() || passes(filter) {
            ids.push(k.value().1);
        }
    }
    let chunks = txn.open_table(SEARCH_POSTINGS)?;
    let docs = txn.open_table(SEARCH_DOCS)?;
    for s in metas(&txn.open_table(SEARCH_SEGMENTS)?, address)? {
        if s.newest < since_id {
            continue;
        }
        let locals = matching(&chunks, address, s.number, tokens)?;
        ids.extend(ids_of(&docs, address, s.number, &locals)?.into_iter().filter(|&id| id >= since_id));
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::super::{IntakeWrite, MailboxWrite, WriteOp};
    use super::*;
    use crate::model::{Folder, MailboxAction};

    /// Filter rows become a segment; entries that go are counted gone in it;
    /// a quarter gone makes the address due; a write over a segment that
    /// changed meanwhile does nothing; search skips what went.
    #[test]
    fn segments_count_what_goes_and_refuse_stale_writes() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::open(dir.path()).unwrap();
        let me = "pat@partner.test";
        let ids: Vec<u64> = (1..=100u64).map(|n| n << 20).collect();
        let write = |op| smol::block_on(vault.write(op)).unwrap();
        for &id in &ids {
            let w = IntakeWrite {
                message_id: id,
                // In Deleted, so the user's purge removes them for good.
                mailbox: vec![(me.to_string(), MailboxEntry::new(Folder::Deleted, false, i64::MAX))],
                ..IntakeWrite::default()
            };
            write(WriteOp::Intake(Box::new(w)));
        }
        assert_eq!(vault.search_index_due(64, 10).unwrap(), [me]);
        assert_eq!(vault.search_unindexed(me, 1_000).unwrap().len(), 100);
        let index = |unindexed: Vec<u64>, replaces: Vec<(u64, u32)>, segment: Built| {
            let w = IndexWrite {
                address: me.into(),
                unindexed,
                replaces,
                segment,
            };
            write(WriteOp::SearchIndex(Box::new(w)))
        };
        let built = postings::build(ids.iter().map(|&id| (id, vec![1, u32::from(id % 3 == 0)])).collect());
        assert_eq!(index(ids.clone(), Vec::new(), built), WriteResult::Done);
        assert!(vault.search_index_due(1, 10).unwrap().is_empty());
        let purge = |ids: &[u64]| {
            let op = MailboxWrite::Act {
                address: me.into(),
                ids: ids.to_vec(),
                action: MailboxAction::Purge,
                at: 0,
            };
            write(WriteOp::Mailbox(op))
        };
        purge(&ids[..24]);
        let segments = vault.search_segments(me).unwrap();
        assert_eq!((segments.len(), segments[0].docs, segments[0].gone), (1, 100, 24));
        assert!(
            vault.search_index_due(64, 10).unwrap().is_empty(),
            "24 of 100 gone is not a quarter"
        );
        purge(&ids[24..25]);
        assert_eq!(vault.search_index_due(64, 10).unwrap(), [me], "a quarter gone");

        let mut found = Vec::new();
        vault
            .walk_search(
                me,
                0,
                &[1],
                |_| false,
                |id, _, _| {
                    found.push(id);
                    true
                },
            )
            .unwrap();
        let kept: Vec<u64> = ids[25..].iter().rev().copied().collect();
        assert_eq!(found, kept, "newest first, without the entries gone");

        assert_eq!(index(Vec::new(), vec![(0, 99)], Built::default()), WriteResult::Gone, "stale");
        let stored = vault.search_segment(me, 0).unwrap();
        let kept_ids = vault.entries_kept(me, stored.docs.iter().copied()).unwrap();
        let merged = postings::merge(&[stored], |id| kept_ids.contains(&id));
        assert_eq!(index(Vec::new(), vec![(0, 100)], merged), WriteResult::Done);
        let segments = vault.search_segments(me).unwrap();
        assert_eq!((segments[0].number, segments[0].docs, segments[0].gone), (1, 75, 0));
        assert!(vault.search_index_due(1, 10).unwrap().is_empty());
    }
}
