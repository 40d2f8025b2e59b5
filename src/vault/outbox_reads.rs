//! The outbox at a glance (health checks, metrics, the dashboard), read from
//! table lengths and the due-time index rather than by decoding every row: an
//! outage that leaves 100,000 notices waiting costs the same as an idle day.

use redb::{ReadableDatabase, ReadableTable, ReadableTableMetadata};

use super::schema::{OUTBOX, OUTBOX_BY_MESSAGE, OUTBOX_DEAD, OUTBOX_DUE};
use super::{Vault, VaultError, decode};
use crate::model::{OutboxKind, OutboxRow, OutboxState};

/// Overdue rows counted at most (readiness only asks whether there are any).
pub const OVERDUE_COUNT_CAP: u64 = 10_000;
/// Rows of one kind read at most to find its oldest pending one (dead
/// letters in front of it are skipped one by one).
const OLDEST_WALK_CAP: usize = 1_000;

#[derive(Debug, Default, Clone, Copy)]
pub struct OutboxHealth {
    pub pending: u64,
    pub dead: u64,
    /// Creation time of the oldest pending row.
    pub oldest_created: Option<i64>,
    /// Pending rows due before the time asked about (at most `OVERDUE_COUNT_CAP`).
    pub overdue: u64,
}

impl Vault {
    /// Pending and dead rows, the oldest pending row's creation time, and how
    /// many pending rows were due before `overdue_before` (a worker that keeps up leaves none).
    pub fn outbox_health(&self, overdue_before: i64) -> Result<OutboxHealth, VaultError> {
        let txn = self.db()?.begin_read()?;
        let rows = txn.open_table(OUTBOX)?;
        let due = txn.open_table(OUTBOX_DUE)?;
        let mut h = OutboxHealth {
            pending: due.len()?,
            dead: txn.open_table(OUTBOX_DEAD)?.len()?,
            ..OutboxHealth::default()
        };
        for kind in OutboxKind::ALL {
            let code = kind.code();
            if h.overdue < OVERDUE_COUNT_CAP {
                let late = due.range((code, i64::MIN, 0)..(code, overdue_before, 0))?;
                h.overdue += late
                    .take(usize::try_from(OVERDUE_COUNT_CAP - h.overdue).unwrap_or(usize::MAX))
                    .count() as u64;
            }
            for row in rows.range((code, 0)..=(code, u64::MAX))?.take(OLDEST_WALK_CAP) {
                let row: OutboxRow = decode("outbox", row?.1.value())?;
                if row.state == OutboxState::Pending {
                    h.oldest_created = Some(h.oldest_created.map_or(row.created_at, |o| o.min(row.created_at)));
                    break;
                }
            }
        }
        Ok(h)
    }

    /// The newest `limit` dead-lettered rows, newest first (from their index:
    /// the rows still waiting are not read).
    pub fn dead_letters(&self, limit: usize) -> Result<Vec<OutboxRow>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let mut keys: Vec<(u8, u64)> = Vec::new();
        for key in txn.open_table(OUTBOX_DEAD)?.iter()? {
            keys.push(key?.0.value());
        }
        keys.sort_unstable_by_key(|&(_, id)| std::cmp::Reverse(id));
        keys.truncate(limit);
        let rows = txn.open_table(OUTBOX)?;
        let mut out = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(v) = rows.get(key)? {
                out.push(decode("outbox", v.value())?);
            }
        }
        Ok(out)
    }

    /// The outbox rows about message `message_id` still kept.
    pub fn message_outbox(&self, message_id: u64) -> Result<Vec<OutboxRow>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let rows = txn.open_table(OUTBOX)?;
        let mut out = Vec::new();
        for key in txn
            .open_table(OUTBOX_BY_MESSAGE)?
            .range((message_id, 0, 0)..=(message_id, u8::MAX, u64::MAX))?
        {
            let (_, kind, id) = key?.0.value();
            if let Some(v) = rows.get((kind, id))? {
                out.push(decode("outbox", v.value())?);
            }
        }
        Ok(out)
    }
}
