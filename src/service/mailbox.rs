//! A user's secure mailbox: folder pages within the Inbox window, acting on
//! entries, opening a message. Only entries in the user's own mailbox are
//! ever touched or shown.

use super::accounts::Client;
use super::{Context, now};
use crate::vault::{Folder, FolderCount, MailboxAction, MailboxEntry, MailboxWrite, MessageRecord, VaultError, WriteOp, WriteResult};

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

/// The smallest message id inside the Inbox window (ids start with their unix milliseconds).
fn window_start(ctx: &Context) -> u64 {
    let since = now() - i64::from(ctx.config.portal.inbox_days) * 86_400;
    (u64::try_from(since.max(0)).unwrap_or(0) * 1000) << 16
}

/// Page `page` (1-based) of `folder`, newest first, within the last `portal.inbox_days`.
pub fn list(ctx: &Context, address: &str, folder: Folder, page: usize) -> Result<Listing, VaultError> {
    let page = page.max(1);
    let view = ctx
        .vault
        .folder_page(address, folder, window_start(ctx), (page - 1) * PAGE_SIZE, PAGE_SIZE)?;
    let total = view.counts.iter().find(|(f, _)| *f == folder).map_or(0, |(_, c)| c.total);
    let mut rows = Vec::with_capacity(view.ids.len());
    for (id, read) in view.ids {
        if let Some(message) = ctx.vault.message(id)? {
            rows.push(Row { id, message, read });
        }
    }
    Ok(Listing {
        rows,
        counts: view.counts,
        page,
        pages: total.div_ceil(PAGE_SIZE).max(1),
    })
}

/// Applies `action` to the user's entries `ids`; false (and nothing changed)
/// when any of them is not in the user's mailbox.
pub async fn act(ctx: &Context, address: &str, action: MailboxAction, ids: Vec<u64>) -> Result<bool, VaultError> {
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
pub fn entry(ctx: &Context, address: &str, id: u64) -> Result<Option<(MessageRecord, MailboxEntry)>, VaultError> {
    let Some(entry) = ctx.vault.mailbox_entry(address, id)? else {
        return Ok(None);
    };
    Ok(ctx.vault.message(id)?.map(|m| (m, entry)))
}

/// Records that the user opened message `id` (read; the first open is an event).
pub async fn opened(ctx: &Context, address: &str, id: u64, client: &Client) -> Result<(), VaultError> {
    let op = MailboxWrite::Open {
        address: address.to_string(),
        id,
        ip: client.ip.to_string(),
        agent: client.agent.chars().take(200).collect(),
        at: now(),
    };
    ctx.vault.write(WriteOp::Mailbox(op)).await?;
    Ok(())
}
