//! The operator's listings (`cloister messages`, `outbox`, `user list`, `audit`),
//! streamed: rows are read from the vault a batch at a time and handed on
//! one by one, so neither the server nor the command holds more than a
//! batch however large the vault is.

use serde_json::Value;

use super::StoreError;
use super::views;
use crate::model::{Locked, MessageRecord, Status};
use crate::vault::Vault;

/// Rows read from the vault per read transaction.
const BATCH: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Messages,
    Outbox,
    Users,
    Audit,
}

/// What a listing keeps.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Messages accepted at or after, outbox rows made at or after,
    /// accounts made at or after (unix seconds).
    pub since: Option<i64>,
    /// Messages with any of these statuses, outbox rows in any of these
    /// states ("pending", "dead"), audit events of these kinds; empty: all.
    pub status: Vec<String>,
    /// Rows handed on, at most.
    pub limit: Option<u64>,
}

/// Hands every row `listing` and `filter` select to `each`, oldest first
/// (accounts by address), until `each` returns false; how many it handed on.
pub fn each_row(
    vault: &Vault,
    master: &crate::crypto::Keyring,
    listing: Listing,
    filter: &ListFilter,
    each: &mut dyn FnMut(Value) -> bool,
) -> Result<u64, StoreError> {
    let limit = filter.limit.unwrap_or(u64::MAX);
    let mut sent = 0u64;
    let mut give = |row: Value| -> bool {
        sent += 1;
        each(row) && sent < limit
    };
    if limit == 0 {
        return Ok(0);
    }
    match listing {
        Listing::Messages => messages(vault, master, filter, &mut give)?,
        Listing::Outbox => outbox(vault, filter, &mut give)?,
        Listing::Users => users(vault, filter, &mut give)?,
        Listing::Audit => audit(vault, filter, &mut give)?,
    }
    Ok(sent)
}

fn wanted(filter: &ListFilter, label: &str) -> bool {
    filter.status.is_empty() || filter.status.iter().any(|s| s.eq_ignore_ascii_case(label))
}

fn messages(
    vault: &Vault,
    master: &crate::crypto::Keyring,
    filter: &ListFilter,
    give: &mut dyn FnMut(Value) -> bool,
) -> Result<(), StoreError> {
    let now = super::now();
    let mut after = filter.since.map_or(0, |s| super::monitor::first_id_at(s).saturating_sub(1));
    loop {
        let batch: Vec<MessageRecord> = vault.records_after(after, BATCH)?.into_iter().map(Locked::unopened).collect();
        let Some(last) = batch.last().map(|m| m.id) else {
            return Ok(());
        };
        for m in batch {
            let status = Status::of(&m, now);
            if !wanted(filter, status.label()) {
                continue;
            }
            let m = super::records::open_record(master, m);
            if !give(views::message_row(&m, status)) {
                return Ok(());
            }
        }
        after = last;
    }
}

fn outbox(vault: &Vault, filter: &ListFilter, give: &mut dyn FnMut(Value) -> bool) -> Result<(), StoreError> {
    let mut after = None;
    loop {
        let batch = vault.outbox_after(after, BATCH)?;
        let Some(last) = batch.last().map(|r| (r.kind.code(), r.id)) else {
            return Ok(());
        };
        for r in &batch {
            if filter.since.is_some_and(|s| r.created_at < s) || !wanted(filter, r.state.as_str()) {
                continue;
            }
            if !give(views::outbox_row(r)) {
                return Ok(());
            }
        }
        after = Some(last);
    }
}

fn users(vault: &Vault, filter: &ListFilter, give: &mut dyn FnMut(Value) -> bool) -> Result<(), StoreError> {
    let mut after = String::new();
    loop {
        let batch = vault.accounts_after(&after, BATCH)?;
        let Some(last) = batch.last().map(|a| a.address.clone()) else {
            return Ok(());
        };
        for a in &batch {
            if filter.since.is_some_and(|s| a.created_at < s) {
                continue;
            }
            if !give(views::user_row(a)) {
                return Ok(());
            }
        }
        after = last;
    }
}

/// The audit (events of message 0), oldest first from `since`: found by
/// walking back from the newest, then read forward a batch at a time.
fn audit(vault: &Vault, filter: &ListFilter, give: &mut dyn FnMut(Value) -> bool) -> Result<(), StoreError> {
    let mut after = match filter.since {
        Some(since) => vault.last_event_before(0, since.saturating_mul(1000))?,
        None => 0,
    };
    loop {
        let batch = vault.events_after(0, after, BATCH)?;
        let Some(last) = batch.last().map(|e| e.seq) else {
            return Ok(());
        };
        for e in &batch {
            if !wanted(filter, super::audit::Kind::of(e).name()) {
                continue;
            }
            if !give(views::audit_row(e)) {
                return Ok(());
            }
        }
        after = last;
    }
}
