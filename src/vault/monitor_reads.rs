//! The admin monitor's reads through its index (`monitor_index`): one page
//! of messages by keyset (newest first, from a cursor either way) and the
//! counts per status, in one read transaction. What a page costs follows the
//! page and the filter, not the size of the vault: counts come from the day
//! counts, or for a search from its terms' messages (walked up to a cap).

use redb::{ReadTransaction, ReadableDatabase};

use super::monitor_index::MonitorRow;
use super::schema::{EXPIRY_DUE, MESSAGES, MONITOR_DAYS, MONITOR_ROWS, MONITOR_STATUS, MONITOR_TERMS, MONITOR_THROUGH, day_of};
use super::{Vault, VaultError, decode};
use crate::model::{Locked, Status};

/// Messages a search walks for a page, at most (a page only walks far when
/// its other filters match few of the word's messages).
pub const WALK_CAP: usize = 50_000;
/// Messages a search counts, at most: past that the counts are the least
/// there are. (A word every message holds, counted to 20,000, took 15 ms at
/// p99 alone and 103 ms with four admins at once on 2 cores.)
pub const COUNT_CAP: usize = 5_000;

/// Where a page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// The newest messages.
    First,
    /// Messages older than this id.
    Before(u64),
    /// Messages newer than this id.
    After(u64),
    /// The oldest messages.
    Last,
}

/// What the monitor asks for.
#[derive(Debug, Clone)]
pub struct MonitorQuery {
    /// Status codes any of which a message may have (empty: every status).
    pub statuses: Vec<u8>,
    /// Tokens every one of which a message must hold (rarest first is fastest).
    pub terms: Vec<u64>,
    /// Message ids from (inclusive) and until (exclusive): the date range.
    pub ids: (u64, u64),
    pub cursor: Cursor,
    pub limit: usize,
}

/// One page, newest first, and the counts of what matches all but the status.
#[derive(Debug, Default)]
pub struct MonitorPage {
    pub rows: Vec<Locked>,
    /// By status code.
    pub counts: [u64; 6],
    /// The search matched more messages than `COUNT_CAP`: counts are the least.
    pub capped: bool,
    pub newer: bool,
    pub older: bool,
}

impl Vault {
    /// One page of the monitor and its counts.
    pub fn monitor_page(&self, q: &MonitorQuery) -> Result<MonitorPage, VaultError> {
        let txn = self.db()?.begin_read()?;
        let (lo, hi) = q.ids;
        let (from, until, desc) = match q.cursor {
            Cursor::First => (lo, hi, true),
            Cursor::Before(c) => (lo, hi.min(c), true),
            Cursor::After(c) => (lo.max(c.saturating_add(1)), hi, false),
            Cursor::Last => (lo, hi, false),
        };
        let mut ids = if from < until {
            walk(&txn, q, (from, until), desc, q.limit + 1)?
        } else {
            Vec::new()
        };
        let more = ids.len() > q.limit;
        ids.truncate(q.limit);
        if !desc {
            ids.reverse();
        }
        let (newer, older) = match q.cursor {
            Cursor::First => (false, more),
            Cursor::Before(_) => (true, more),
            Cursor::After(_) => (more, true),
            Cursor::Last => (more, false),
        };
        let messages = txn.open_table(MESSAGES)?;
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(v) = messages.get(id)? {
                rows.push(Locked::new(decode("messages", v.value())?));
            }
        }
        let (counts, capped) = if q.terms.is_empty() {
            day_counts(&txn, q.ids)?
        } else {
            term_counts(&txn, q)?
        };
        Ok(MonitorPage {
            rows,
            counts,
            capped,
            newer,
            older,
        })
    }

    /// Messages with ids in `ids` (from inclusive, until exclusive) per
    /// status code, from the day counts (whole UTC days: ids are cut to days).
    pub fn status_counts(&self, ids: (u64, u64)) -> Result<[u64; 6], VaultError> {
        let txn = self.db()?.begin_read()?;
        Ok(day_counts(&txn, ids)?.0)
    }

    /// How far older messages are indexed: `None` when all of them are, else
    /// the last id done (0: none yet).
    pub fn monitor_indexed_through(&self) -> Result<Option<u64>, VaultError> {
        let value = self.vault_key(MONITOR_THROUGH)?;
        let through = value.and_then(|v| <[u8; 8]>::try_from(v).ok()).map_or(0, u64::from_be_bytes);
        Ok((through != u64::MAX).then_some(through))
    }

    /// Messages whose expiry at or before `now` is not marked yet, oldest expiry first.
    pub fn due_expiries(&self, now: i64, limit: usize) -> Result<Vec<u64>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let due = txn.open_table(EXPIRY_DUE)?;
        let mut out = Vec::new();
        for row in due.range(..=(now, u64::MAX))?.take(limit) {
            out.push(row?.0.value().1);
        }
        Ok(out)
    }
}

/// Up to `take` ids in `[from, until)` matching `q`, newest first when `desc`.
fn walk(txn: &ReadTransaction, q: &MonitorQuery, (from, until): (u64, u64), desc: bool, take: usize) -> Result<Vec<u64>, VaultError> {
    let every_status = q.statuses.is_empty() || Status::ALL.iter().all(|s| q.statuses.contains(&s.code()));
    if let Some((&first, rest)) = q.terms.split_first() {
        let terms = txn.open_table(MONITOR_TERMS)?;
        let rows = txn.open_table(MONITOR_ROWS)?;
        let range = terms.range((first, from)..(first, until))?;
        let mut out = Vec::new();
        for row in in_order(range, desc).take(WALK_CAP) {
            let id = row?.0.value().1;
            if !holds_all(&terms, rest, id)? {
                continue;
            }
            if !every_status && !status_of(&rows, id)?.is_some_and(|s| q.statuses.contains(&s)) {
                continue;
            }
            out.push(id);
            if out.len() == take {
                break;
            }
        }
        return Ok(out);
    }
    if every_status {
        let messages = txn.open_table(MESSAGES)?;
        let mut out = Vec::with_capacity(take);
        for row in in_order(messages.range(from..until)?, desc).take(take) {
            out.push(row?.0.value());
        }
        return Ok(out);
    }
    // Each status's next `take` ids, merged.
    let index = txn.open_table(MONITOR_STATUS)?;
    let mut out = Vec::new();
    for &s in &q.statuses {
        for row in in_order(index.range((s, from)..(s, until))?, desc).take(take) {
            out.push(row?.0.value().1);
        }
    }
    out.sort_unstable();
    out.dedup();
    if desc {
        out.reverse();
    }
    out.truncate(take);
    Ok(out)
}

/// A range newest first when `desc`, else oldest first.
fn in_order<'r, I: DoubleEndedIterator + 'r>(range: I, desc: bool) -> Box<dyn Iterator<Item = I::Item> + 'r> {
    if desc { Box::new(range.rev()) } else { Box::new(range) }
}

fn holds_all(terms: &redb::ReadOnlyTable<(u64, u64), ()>, rest: &[u64], id: u64) -> Result<bool, VaultError> {
    for &t in rest {
        if terms.get((t, id))?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

fn status_of(rows: &redb::ReadOnlyTable<u64, &[u8]>, id: u64) -> Result<Option<u8>, VaultError> {
    rows.get(id)?.map(|v| MonitorRow::decode(v.value()).map(|r| r.status)).transpose()
}

/// Counts per status of the messages with ids in `[from, until)`, from the
/// day counts (exact for whole days, which is what the date filter gives).
fn day_counts(txn: &ReadTransaction, (from, until): (u64, u64)) -> Result<([u64; 6], bool), VaultError> {
    let mut counts = [0u64; 6];
    if from >= until {
        return Ok((counts, false));
    }
    let days = txn.open_table(MONITOR_DAYS)?;
    for row in days.range((day_of(from), 0)..=(day_of(until - 1), u8::MAX))? {
        let (k, v) = row?;
        if let Some(c) = counts.get_mut(usize::from(k.value().1)) {
            *c += u64::from(v.value());
        }
    }
    Ok((counts, false))
}

/// Counts per status of the messages holding every term, walking the first
/// term's messages (up to `COUNT_CAP`).
fn term_counts(txn: &ReadTransaction, q: &MonitorQuery) -> Result<([u64; 6], bool), VaultError> {
    let mut counts = [0u64; 6];
    let Some((&first, rest)) = q.terms.split_first() else {
        return Ok((counts, false));
    };
    let terms = txn.open_table(MONITOR_TERMS)?;
    let rows = txn.open_table(MONITOR_ROWS)?;
    let (from, until) = q.ids;
    if from >= until {
        return Ok((counts, false));
    }
    let mut walked = 0;
    for row in terms.range((first, from)..(first, until))? {
        walked += 1;
        if walked > COUNT_CAP {
            return Ok((counts, true));
        }
        let id = row?.0.value().1;
        if holds_all(&terms, rest, id)?
            && let Some(c) = status_of(&rows, id)?.and_then(|s| counts.get_mut(usize::from(s)))
        {
            *c += 1;
        }
    }
    Ok((counts, false))
}
