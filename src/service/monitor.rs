//! The secure message monitor: every message kept in the vault with its
//! status, filtered by status and searched by address, subject or date
//! range; one message's whole story; dead-lettered outbox rows to retry.

use super::StoreError;
use super::tracking::Status;
use super::{Context, now};
use crate::model::{Event, MessageRecord, OutboxRow};
use crate::vault::MonitorQuery;

/// Messages per monitor page.
pub const PAGE_SIZE: usize = 50;

pub use crate::vault::Cursor;

#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Any of these (empty: every secure status; ordinary messages only when asked for).
    pub statuses: Vec<Status>,
    /// Addresses (whole, or their words) and words of the subject or From,
    /// every one of which a message must hold (`monitor_terms`).
    pub query: String,
    /// Received at or after (unix seconds).
    pub from: Option<i64>,
    /// Received before (unix seconds).
    pub until: Option<i64>,
}

pub struct Listing {
    /// The page of messages (newest first) with their status.
    pub rows: Vec<(MessageRecord, Status)>,
    /// Messages matching everything but the status, per status (in
    /// `Status::ALL` order), and all the secure ones.
    pub counts: Vec<(Status, u64)>,
    pub all: u64,
    /// A search matched so many messages that the counts are the least there are.
    pub capped: bool,
    /// The cursor of the page before (newer) and after (older) this one, when there is one.
    pub newer: Option<u64>,
    pub older: Option<u64>,
    /// Messages kept before the index are still being indexed: counts are partial.
    pub indexing: bool,
}

/// The first message id accepted at or after unix time `secs`.
pub fn first_id_at(secs: i64) -> u64 {
    let ms = u64::try_from(secs).unwrap_or(0).saturating_mul(1000);
    if ms >= 1 << 48 { u64::MAX } else { ms << 16 }
}

/// The page of the messages `filter` selects that `cursor` points at, newest first.
pub fn list(ctx: &Context, filter: &Filter, cursor: Cursor) -> Result<Listing, StoreError> {
    let query = MonitorQuery {
        statuses: if filter.statuses.is_empty() {
            &Status::SECURE[..]
        } else {
            &filter.statuses[..]
        }
        .iter()
        .map(|s| s.code())
        .collect(),
        terms: super::monitor_terms::query_terms(&ctx.word_key, &filter.query),
        ids: (filter.from.map_or(0, first_id_at), filter.until.map_or(u64::MAX, first_id_at)),
        cursor,
        limit: PAGE_SIZE,
    };
    let page = ctx.vault.monitor_page(&query)?;
    let rows: Vec<(MessageRecord, Status)> = page
        .rows
        .into_iter()
        .map(|m| {
            let m = super::records::open_record(&ctx.master, m.unopened());
            let status = Status::stored(&m);
            (m, status)
        })
        .collect();
    let counts: Vec<(Status, u64)> = Status::ALL.iter().map(|s| (*s, page.counts[usize::from(s.code())])).collect();
    Ok(Listing {
        all: counts.iter().filter(|c| c.0 != Status::Ordinary).map(|c| c.1).sum(),
        counts,
        capped: page.capped,
        newer: page.newer.then(|| rows.first().map(|r| r.0.id)).flatten(),
        older: page.older.then(|| rows.last().map(|r| r.0.id)).flatten(),
        indexing: ctx.vault.monitor_indexed_through()?.is_some(),
        rows,
    })
}

/// One message's record, its events in time order and its outbox rows still kept.
pub struct Story {
    pub message: MessageRecord,
    pub status: Status,
    pub events: Vec<Event>,
    pub outbox: Vec<OutboxRow>,
}

/// Account events shown in a message's story, at most.
const SIGN_INS_IN_STORY: usize = 200;

/// The message's record, outbox rows and events, with the sign-ins (and
/// refused ones) of its secure recipients since it arrived woven in by time.
pub fn story(ctx: &Context, id: u64) -> Result<Option<Story>, StoreError> {
    let Some(message) = super::records::message(ctx, id)? else {
        return Ok(None);
    };
    let outbox = ctx.vault.message_outbox(id)?;
    let holders: Vec<String> = message
        .recipients
        .iter()
        .filter(|r| r.held())
        .map(|r| r.address.to_ascii_lowercase())
        .collect();
    let mut events = ctx.vault.events(id)?;
    // Event numbers follow commit order across all messages: later than the
    // message's first event means after it arrived (times have whole seconds).
    let (arrived, arrived_ms) = events.first().map_or((u64::MAX, i64::MAX), |e| (e.seq, e.at_ms));
    // The walk back stops a second before the arrival (event times may be a little out of order).
    let window = (SIGN_INS_IN_STORY, arrived_ms.saturating_sub(1000));
    events.extend(ctx.vault.recent_events(0, window, |e| {
        e.seq > arrived && holders.contains(&e.actor) && e.what.is_sign_in_attempt()
    })?);
    events.sort_by_key(|e| e.seq);
    Ok(Some(Story {
        status: Status::of(&message, now()),
        events,
        outbox,
        message,
    }))
}

/// The outbox at a glance at `at` (overdue: due longer than the readiness check allows).
pub fn outbox_waiting(ctx: &Context, at: i64) -> Result<crate::vault::OutboxHealth, StoreError> {
    Ok(ctx.vault.outbox_health(at - super::health::STUCK_AFTER_SECS)?)
}

/// Dead-lettered rows the monitor lists at most (the dashboard counts them all).
pub const DEAD_SHOWN: usize = 200;

/// The newest dead-lettered outbox rows (`DEAD_SHOWN`), newest first.
pub fn dead_letters(ctx: &Context) -> Result<Vec<OutboxRow>, StoreError> {
    Ok(ctx.vault.dead_letters(DEAD_SHOWN)?)
}

/// Puts dead-lettered row `id` back in the queue; false when it is not dead-lettered.
pub async fn retry(ctx: &Context, admin: &str, id: u64) -> Result<bool, StoreError> {
    let retried = super::operator::retry(&ctx.vault, id, format!("admin {admin}")).await?;
    let _ = ctx.outbox_wake.try_send(());
    Ok(retried)
}
