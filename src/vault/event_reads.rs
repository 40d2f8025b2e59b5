//! Reads of the event log: a message's story, the newest events of the
//! audit, and a bounded walk back to a point in time (the dashboard).

use redb::ReadableDatabase;

use super::schema::EVENTS;
use super::{Vault, VaultError, decode};
use crate::model::Event;

impl Vault {
    /// The newest (at most `limit`) events of `message_id` that `keep`
    /// accepts, newest first, none older than `since_ms` (the walk stops there).
    pub fn recent_events(
        &self,
        message_id: u64,
        (limit, since_ms): (usize, i64),
        mut keep: impl FnMut(&Event) -> bool,
    ) -> Result<Vec<Event>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(EVENTS)?;
        let mut out = Vec::new();
        for row in table.range((message_id, 0)..=(message_id, u64::MAX))?.rev() {
            let event: Event = decode("events", row?.1.value())?;
            if event.at_ms < since_ms {
                break;
            }
            if keep(&event) {
                out.push(event);
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Up to `limit` events of `message_id` numbered below `before`, newest
    /// first, none older than `since_ms`; true when there are no more.
    pub fn events_before(&self, message_id: u64, before: u64, limit: usize, since_ms: i64) -> Result<(Vec<Event>, bool), VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(EVENTS)?;
        let mut out = Vec::with_capacity(limit.min(1024));
        for row in table.range((message_id, 0)..(message_id, before))?.rev() {
            let event: Event = decode("events", row?.1.value())?;
            if event.at_ms < since_ms {
                return Ok((out, true));
            }
            out.push(event);
            if out.len() >= limit {
                return Ok((out, false));
            }
        }
        Ok((out, true))
    }

    /// Shows `visit` the events of `message_id` from the newest back to
    /// `since_ms`, at most `cap` of them; true when the cap stopped the walk.
    pub fn walk_events_since(&self, message_id: u64, since_ms: i64, cap: usize, mut visit: impl FnMut(&Event)) -> Result<bool, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(EVENTS)?;
        for (walked, row) in table.range((message_id, 0)..=(message_id, u64::MAX))?.rev().enumerate() {
            let event: Event = decode("events", row?.1.value())?;
            if event.at_ms < since_ms {
                return Ok(false);
            }
            if walked >= cap {
                return Ok(true);
            }
            visit(&event);
        }
        Ok(false)
    }

    /// Up to `limit` events of `message_id` numbered above `after`, oldest first.
    pub fn events_after(&self, message_id: u64, after: u64, limit: usize) -> Result<Vec<Event>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(EVENTS)?;
        let mut out = Vec::with_capacity(limit.min(1024));
        for row in table
            .range((message_id, after.saturating_add(1))..=(message_id, u64::MAX))?
            .take(limit)
        {
            out.push(decode("events", row?.1.value())?);
        }
        Ok(out)
    }

    /// The number of the newest event of `message_id` older than `before_ms`
    /// (0: none), walking back from the newest a batch at a time.
    pub fn last_event_before(&self, message_id: u64, before_ms: i64) -> Result<u64, VaultError> {
        let mut before = u64::MAX;
        loop {
            let (events, done) = self.events_before(message_id, before, 1_000, i64::MIN)?;
            if let Some(older) = events.iter().find(|e| e.at_ms < before_ms) {
                return Ok(older.seq);
            }
            match events.last() {
                Some(last) if !done => before = last.seq,
                _ => return Ok(0),
            }
        }
    }

    /// Events of one message in time order.
    pub fn events(&self, message_id: u64) -> Result<Vec<Event>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(EVENTS)?;
        let mut out = Vec::new();
        for row in table.range((message_id, 0)..=(message_id, u64::MAX))? {
            let (_, v) = row?;
            out.push(decode("events", v.value())?);
        }
        Ok(out)
    }
}
