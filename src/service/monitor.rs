//! The secure message monitor: every message kept in the vault with its
//! status, filtered by status and searched by address, subject or date
//! range; one message's whole story; dead-lettered outbox rows to retry.

use super::StoreError;
use super::tracking::Status;
use super::{Context, now};
use crate::model::{Event, Locked, MessageRecord, OutboxRow, OutboxState};

/// Messages per monitor page.
pub const PAGE_SIZE: usize = 50;

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub status: Option<Status>,
    /// Matched (case-insensitive) against sender, recipients and subject.
    pub query: String,
    /// Received at or after (unix seconds).
    pub from: Option<i64>,
    /// Received before (unix seconds).
    pub until: Option<i64>,
}

pub struct Listing {
    /// The page of messages (newest first) with their status.
    pub rows: Vec<(MessageRecord, Status)>,
    /// Messages matching everything but the status, per status (in `Status::ALL` order), and in all.
    pub counts: Vec<(Status, usize)>,
    pub all: usize,
    pub page: usize,
    pub pages: usize,
}

/// Whether `m` matches `query` (lower case) by its addresses or its subject;
/// a sealed subject is opened only when the addresses do not match.
fn matches_query(ctx: &Context, m: &MessageRecord, query: &str) -> bool {
    query.is_empty()
        || m.envelope_from.to_ascii_lowercase().contains(query)
        || m.from.to_lowercase().contains(query)
        || m.recipients.iter().any(|r| r.address.to_ascii_lowercase().contains(query))
        || subject_of(ctx, m).to_lowercase().contains(query)
}

fn subject_of(ctx: &Context, m: &MessageRecord) -> String {
    if m.sealed.is_empty() {
        m.subject.clone()
    } else {
        super::records::open_record(&ctx.master, m.clone()).subject
    }
}

/// Page `page` (1-based) of the messages `filter` selects, newest first.
pub fn list(ctx: &Context, filter: &Filter, page: usize) -> Result<Listing, StoreError> {
    let at = now();
    let query = filter.query.trim().to_lowercase();
    let mut counts: Vec<(Status, usize)> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    let mut selected = Vec::new();
    let mut all = 0;
    for m in ctx.vault.messages()?.into_iter().rev().map(Locked::unopened) {
        let in_range = filter.from.is_none_or(|f| m.received_at >= f) && filter.until.is_none_or(|u| m.received_at < u);
        if !in_range || !matches_query(ctx, &m, &query) {
            continue;
        }
        let status = Status::of(&m, at);
        all += 1;
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == status) {
            c.1 += 1;
        }
        if filter.status.is_none_or(|s| s == status) {
            selected.push((m, status));
        }
    }
    let page = page.max(1);
    let pages = selected.len().div_ceil(PAGE_SIZE).max(1);
    let rows = selected
        .into_iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(m, status)| (super::records::open_record(&ctx.master, m), status))
        .collect();
    Ok(Listing {
        rows,
        counts,
        all,
        page,
        pages,
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
    let outbox = ctx.vault.outbox()?.into_iter().filter(|r| r.message_id == id).collect();
    let holders: Vec<String> = message
        .recipients
        .iter()
        .filter(|r| r.held())
        .map(|r| r.address.to_ascii_lowercase())
        .collect();
    let mut events = ctx.vault.events(id)?;
    // Event numbers follow commit order across all messages: later than the
    // message's first event means after it arrived (times have whole seconds).
    let arrived = events.first().map_or(u64::MAX, |e| e.seq);
    events.extend(ctx.vault.recent_events(0, SIGN_INS_IN_STORY, |e| {
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

/// Every dead-lettered outbox row, newest first.
pub fn dead_letters(ctx: &Context) -> Result<Vec<OutboxRow>, StoreError> {
    let mut rows: Vec<OutboxRow> = ctx.vault.outbox()?.into_iter().filter(|r| r.state == OutboxState::Dead).collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.id));
    Ok(rows)
}

/// Puts dead-lettered row `id` back in the queue; false when it is not dead-lettered.
pub async fn retry(ctx: &Context, admin: &str, id: u64) -> Result<bool, StoreError> {
    let retried = super::operator::retry(&ctx.vault, id, format!("admin {admin}")).await?;
    let _ = ctx.outbox_wake.try_send(());
    Ok(retried)
}
