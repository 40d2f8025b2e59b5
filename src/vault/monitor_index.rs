//! The admin monitor's index, kept in step with every write of a message
//! record (`Tables::put_message`, `put_new_message`, `remove_message`): each
//! message's status and its terms' keyed tokens, the messages per status,
//! the counts per day and status, and the expiries still to mark. The monitor
//! reads pages and counts from these without decoding the records it does not
//! show (`monitor_reads`).

use redb::{ReadableTable, Table};

use super::VaultError;
use super::WriteResult;
use super::schema::{MONITOR_THROUGH, day_of};
use super::tables::Tables;
use crate::model::{MessageRecord, Status};

/// `due` of a row whose expiry is marked already.
const NO_DUE: i64 = i64::MIN;

/// One message's place in the index, as `MONITOR_ROWS` keeps it: status
/// code, expiry still to mark (`NO_DUE`: none), then its terms' tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorRow {
    pub status: u8,
    pub due: i64,
    pub tokens: Vec<u64>,
}

impl MonitorRow {
    fn of(m: &MessageRecord, tokens: Vec<u64>) -> Self {
        Self {
            status: Status::stored(m).code(),
            due: if m.expired_at.is_none() { m.expires_at } else { NO_DUE },
            tokens,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(9 + 8 * self.tokens.len());
        out.push(self.status);
        out.extend_from_slice(&self.due.to_le_bytes());
        for t in &self.tokens {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Self, VaultError> {
        let bad = || VaultError::Corrupt {
            table: "monitor_rows",
            detail: format!("a row of {} bytes", bytes.len()),
        };
        let (&status, rest) = bytes.split_first().ok_or_else(bad)?;
        if rest.len() < 8 || (rest.len() - 8) % 8 != 0 {
            return Err(bad());
        }
        let word = |b: &[u8]| <[u8; 8]>::try_from(b).map_err(|_| bad());
        let due = i64::from_le_bytes(word(&rest[..8])?);
        let tokens = rest[8..]
            .chunks_exact(8)
            .map(|c| word(c).map(u64::from_le_bytes))
            .collect::<Result<_, _>>()?;
        Ok(Self { status, due, tokens })
    }
}

impl Tables<'_> {
    /// Message `m`'s index row, if it has one (messages of an older vault
    /// get theirs from `index_older`).
    pub(super) fn monitor_row(&self, id: u64) -> Result<Option<MonitorRow>, VaultError> {
        self.monitor_rows.get(id)?.map(|v| MonitorRow::decode(v.value())).transpose()
    }

    /// Indexes `m` with `tokens` added to whatever terms it had; its status
    /// and expiry follow the record.
    pub(super) fn index_message(&mut self, m: &MessageRecord, tokens: &[u64]) -> Result<(), VaultError> {
        let old = self.monitor_row(m.id)?;
        let mut all: Vec<u64> = old.as_ref().map_or_else(Vec::new, |o| o.tokens.clone());
        all.extend_from_slice(tokens);
        all.sort_unstable();
        all.dedup();
        let new = MonitorRow::of(m, all);
        self.move_row(m.id, old.as_ref(), Some(&new))
    }

    /// Follows a changed record: status and expiry (not terms). A message
    /// without a row yet is left to `index_older`.
    pub(super) fn reindex_message(&mut self, m: &MessageRecord) -> Result<(), VaultError> {
        let Some(old) = self.monitor_row(m.id)? else {
            return Ok(());
        };
        let new = MonitorRow::of(m, old.tokens.clone());
        if new != old {
            self.move_row(m.id, Some(&old), Some(&new))?;
        }
        Ok(())
    }

    /// Takes message `id` out of the index (it is purged).
    pub(super) fn unindex_message(&mut self, id: u64) -> Result<(), VaultError> {
        let old = self.monitor_row(id)?;
        self.move_row(id, old.as_ref(), None)
    }

    /// Replaces `old` by `new` in every index table.
    fn move_row(&mut self, id: u64, old: Option<&MonitorRow>, new: Option<&MonitorRow>) -> Result<(), VaultError> {
        let day = day_of(id);
        if let Some(o) = old {
            self.monitor_status.remove((o.status, id))?;
            add_count(&mut self.monitor_days, (day, o.status), -1)?;
            if o.due != NO_DUE {
                self.expiry_due.remove((o.due, id))?;
            }
            for t in o.tokens.iter().filter(|t| new.is_none_or(|n| n.tokens.binary_search(t).is_err())) {
                self.monitor_terms.remove((*t, id))?;
            }
        }
        match new {
            Some(n) => {
                self.monitor_status.insert((n.status, id), ())?;
                add_count(&mut self.monitor_days, (day, n.status), 1)?;
                if n.due != NO_DUE {
                    self.expiry_due.insert((n.due, id), ())?;
                }
                for t in &n.tokens {
                    self.monitor_terms.insert((*t, id), ())?;
                }
                self.monitor_rows.insert(id, n.encode().as_slice())?;
            }
            None => {
                self.monitor_rows.remove(id)?;
            }
        }
        Ok(())
    }
}

/// Indexes older messages (`WriteOp::IndexOlder`).
pub(super) fn index_older(t: &mut Tables<'_>, items: &[(u64, Vec<u64>)], through: u64) -> Result<WriteResult, VaultError> {
    for (id, tokens) in items {
        if t.monitor_row(*id)?.is_some() {
            continue;
        }
        if let Some(m) = t.message(*id)? {
            t.index_message(&m, tokens)?;
        }
    }
    t.vault_keys.insert(MONITOR_THROUGH, through.to_be_bytes().as_slice())?;
    Ok(WriteResult::Done)
}

fn add_count(days: &mut Table<'_, (u32, u8), u32>, key: (u32, u8), by: i64) -> Result<(), VaultError> {
    let n = i64::from(days.get(key)?.map_or(0, |v| v.value())) + by;
    if n <= 0 {
        days.remove(key)?;
    } else {
        days.insert(key, u32::try_from(n).unwrap_or(u32::MAX))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::MonitorRow;

    #[test]
    fn a_row_reads_back_as_written_and_a_torn_one_is_refused() {
        let row = MonitorRow {
            status: 3,
            due: 1_800_000_000,
            tokens: vec![1, u64::MAX, 42],
        };
        assert_eq!(MonitorRow::decode(&row.encode()).unwrap(), row);
        assert!(MonitorRow::decode(&row.encode()[..12]).is_err());
        assert!(MonitorRow::decode(&[]).is_err());
    }
}
