//! A user's secure mailbox: folder pages within the Inbox window, acting on
//! entries, opening a message. Only entries in the user's own mailbox are
//! ever touched or shown.

use super::StoreError;
use super::accounts::Client;
use super::{Context, now};
use crate::mail::words;
use crate::model::{Folder, MailboxAction, MailboxEntry, MessageRecord};
pub use crate::vault::FolderCount;
use crate::vault::{MailboxWrite, WriteOp, WriteResult};

/// Messages per page of a folder.
pub const PAGE_SIZE: usize = 50;

/// One line of a folder page.
pub struct Row {
    pub id: u64,
    pub message: MessageRecord,
    pub read: bool,
}

pub struct Listing {
    pub rows: Vec<Row>,
    pub counts: Vec<(Folder, FolderCount)>,
    /// 1-based page shown, and how many pages the folder has.
    pub page: usize,
    pub pages: usize,
}

/// The smallest message id of the last `secs` seconds (ids start with their unix milliseconds).
fn first_id_since(secs: i64) -> u64 {
    let since = now() - secs;
    (u64::try_from(since.max(0)).unwrap_or(0) * 1000) << 16
}

fn window_start(ctx: &Context) -> u64 {
    first_id_since(ctx.config.portal.inbox_secs())
}

/// The folders' counts (for pages that show the folder list but no folder).
pub fn counts(ctx: &Context, address: &str) -> Result<Vec<(Folder, FolderCount)>, StoreError> {
    Ok(ctx.vault.folder_page(address, Folder::Inbox, window_start(ctx), 0, 0)?.counts)
}

/// Page `page` (1-based) of `folder`, newest first, within the last `portal.inbox_days`.
pub fn list(ctx: &Context, address: &str, folder: Folder, page: usize) -> Result<Listing, StoreError> {
    let page = page.max(1);
    let view = ctx
        .vault
        .folder_page(address, folder, window_start(ctx), (page - 1) * PAGE_SIZE, PAGE_SIZE)?;
    let total = view.counts.iter().find(|(f, _)| *f == folder).map_or(0, |(_, c)| c.total);
    Ok(Listing {
        rows: rows(ctx, view.ids)?,
        counts: view.counts,
        page,
        pages: total.div_ceil(PAGE_SIZE).max(1),
    })
}

/// The latest `n` entries of `folder` within the folder window, newest first (one read).
pub fn latest(ctx: &Context, address: &str, folder: Folder, n: usize) -> Result<Vec<Row>, StoreError> {
    rows(ctx, ctx.vault.folder_page(address, folder, window_start(ctx), 0, n)?.ids)
}

/// The rows of (id, read) items (`rows_of` without tags).
fn rows(ctx: &Context, ids: Vec<(u64, bool)>) -> Result<Vec<Row>, StoreError> {
    Ok(rows_of(ctx, ids.into_iter().map(|item| (item, ())).collect())?
        .into_iter()
        .map(|(row, ())| row)
        .collect())
}

/// The rows for ((id, read), tag) items, the records read in one
/// transaction; an id whose record is gone is left out with its tag.
fn rows_of<T>(ctx: &Context, items: Vec<((u64, bool), T)>) -> Result<Vec<(Row, T)>, StoreError> {
    let records = super::records::messages_by_id(ctx, items.iter().map(|((id, _), _)| *id))?;
    Ok(items
        .into_iter()
        .zip(records)
        .filter_map(|(((id, read), tag), message)| message.map(|message| (Row { id, message, read }, tag)))
        .collect())
}

/// At most this many words of a query are used.
const TERMS_MAX: usize = 8;

/// One page of search results, newest first.
pub struct Found {
    pub rows: Vec<(Row, Folder)>,
    pub page: usize,
    /// Another page follows.
    pub more: bool,
    /// The words searched for (lower case).
    pub terms: Vec<String>,
}

/// The distinct words of a query (`mail::words`), at most `TERMS_MAX`.
fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words::words(query) {
        if !out.contains(&w) && out.len() < TERMS_MAX {
            out.push(w);
        }
    }
    out
}

/// Messages of the user's mailbox (every folder) from the last
/// `portal.archive_search_days` (and not before `since`, unix seconds, when
/// given) whose sender, recipients, subject, attachment names or body text
/// hold every word of `query` (as words, see `mail::words`), newest first.
/// With `since`, the words may be left out. Only the entries the search
/// index says may hold every word are opened (`vault::search_index`), and
/// their words are then checked exactly.
pub fn search(ctx: &Context, address: &str, query: &str, since: Option<i64>, page: usize) -> Result<Found, StoreError> {
    let page = page.max(1);
    let terms = terms(query);
    let mut found = Found {
        rows: Vec::new(),
        page,
        more: false,
        terms,
    };
    if found.terms.is_empty() && since.is_none() {
        return Ok(found);
    }
    let archive = first_id_since(ctx.config.portal.archive_secs());
    let start = since.map_or(archive, |s| archive.max((u64::try_from(s.max(0)).unwrap_or(0) * 1000) << 16));
    let skip = (page - 1) * PAGE_SIZE;
    let (mut matched, mut hits) = (0, Vec::new());
    let probes = words::probes_of(&ctx.word_key, &found.terms);
    let passes = |filter: &[u8]| words::may_contain_all(filter, &probes);
    let tokens: Vec<u32> = found.terms.iter().map(|t| words::token(&ctx.word_key, t)).collect();
    ctx.vault.walk_search(address, start, &tokens, passes, |id, entry, kept_text| {
        let holds_all = found.terms.is_empty() || {
            let text = kept_text.map_or_else(|| stored_search_text(ctx, id), str::to_string);
            words::holds_all(&text, &found.terms)
        };
        if holds_all {
            if matched == skip + PAGE_SIZE {
                found.more = true;
                return false;
            }
            if matched >= skip {
                hits.push(((id, entry.read), entry.folder));
            }
            matched += 1;
        }
        true
    })?;
    found.rows = rows_of(ctx, hits)?;
    Ok(found)
}

/// Search text made from the stored bytes (empty when they cannot be had).
fn stored_search_text(ctx: &Context, id: u64) -> String {
    search_text_of(ctx, id).unwrap_or_default()
}

/// Search text made from the stored bytes: empty when the message is gone or
/// its bytes are damaged (which stays so), an error when the vault could not
/// be read (which may pass).
pub(super) fn search_text_of(ctx: &Context, id: u64) -> Result<String, StoreError> {
    let raw = match super::stored::bytes(ctx, id) {
        Ok(raw) => raw.unwrap_or_default(),
        Err(super::stored::BytesError::Damaged(..)) => Vec::new(),
        Err(super::stored::BytesError::Store(e)) => return Err(e),
    };
    let sender = ctx.vault.message(id)?.map(|m| m.unopened().envelope_from).unwrap_or_default();
    Ok(crate::mail::summary::search_text(&raw, &sender))
}

/// Applies `action` to the user's entries `ids`; false (and nothing changed)
/// when any of them is not in the user's mailbox.
pub async fn act(ctx: &Context, address: &str, action: MailboxAction, ids: Vec<u64>) -> Result<bool, StoreError> {
    if ids.is_empty() {
        return Ok(true);
    }
    let op = MailboxWrite::Act {
        address: address.to_string(),
        ids,
        action,
        at: now(),
    };
    Ok(ctx.vault.write(WriteOp::Mailbox(op)).await? == WriteResult::Done)
}

/// A message of the user's own mailbox with its entry, or None.
pub fn entry(ctx: &Context, address: &str, id: u64) -> Result<Option<(MessageRecord, MailboxEntry)>, StoreError> {
    let Some(entry) = ctx.vault.mailbox_entry(address, id)? else {
        return Ok(None);
    };
    Ok(super::records::message(ctx, id)?.map(|m| (m, entry)))
}

/// Records that the user opened message `id` (read; the first open is an event).
pub async fn opened(ctx: &Context, address: &str, id: u64, client: &Client) -> Result<(), StoreError> {
    let op = MailboxWrite::Open {
        address: address.to_string(),
        id,
        ip: client.ip.to_string(),
        agent: client.agent.chars().take(200).collect(),
        at: now(),
    };
    ctx.vault.write(WriteOp::Mailbox(op)).await?;
    // The first open may have queued a read receipt: it leaves now, not at the next idle poll.
    let _ = ctx.outbox_wake.try_send(());
    Ok(())
}

/// Changes whenever `address`'s mailbox or account changes (a cached page of
/// theirs is good while it stays the same).
pub fn version(ctx: &Context, address: &str) -> u64 {
    ctx.vault.mailbox_version(address)
}
