//! Drafts: what an author is writing in the portal, saved as they type and
//! when they send (a refused send keeps it, files included). The content is
//! sealed under a data key made for each save and the files each under their
//! own key, all wrapped by the master key: the vault holds ciphertext only.

use std::sync::Arc;

use super::{Context, StoreError};
use crate::crypto::{Damaged, DataKey};
use crate::model::{DraftContent, DraftFile, DraftRow};
use crate::vault::{DraftWrite, NewDraftFile, WriteOp, WriteResult};

/// Most drafts one account keeps.
pub const MOST_PER_ACCOUNT: usize = 50;
/// Plain bytes per sealed chunk of a file.
const FILE_CHUNK: usize = 64 * 1024;
/// Saves redone after losing a race with another save of the same draft.
const TRIES: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Not a draft of this author (or none).
    #[error("no such draft")]
    NotFound,
    #[error("draft {0:016x} does not open: damaged on disk, or another master key")]
    Damaged(u64),
    /// The author has `MOST_PER_ACCOUNT` drafts.
    #[error("too many drafts")]
    Full,
    /// The files would come to more than the attachment limit.
    #[error("files of {size} bytes, over the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    #[error("the draft kept changing while it was saved")]
    Busy,
    /// An uploaded file could not be read back from the spool.
    #[error("spool: {0}")]
    Spool(String),
}

impl From<crate::vault::VaultError> for DraftError {
    fn from(e: crate::vault::VaultError) -> Self {
        Self::Store(e.into())
    }
}

/// A draft opened for its author.
#[derive(Debug, Clone)]
pub struct Opened {
    pub id: u64,
    pub updated_at: i64,
    pub content: DraftContent,
}

/// A file to attach: its name, type and bytes.
pub struct NewFile {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// A fresh draft id (random: it appears in the author's URLs, and the owner
/// is checked on every use).
pub fn new_id() -> u64 {
    loop {
        let mut bytes = [0u8; 8];
        getrandom::getrandom(&mut bytes).expect("the system random source works");
        let id = u64::from_be_bytes(bytes) >> 1;
        if id != 0 {
            return id;
        }
    }
}

/// `owner`'s draft `id`, opened.
pub fn open(ctx: &Context, owner: &str, id: u64) -> Result<Opened, DraftError> {
    let row = ctx.vault.draft(id).map_err(StoreError::from)?;
    let row = row.filter(|r| r.owner == owner).ok_or(DraftError::NotFound)?;
    opened(ctx, id, &row)
}

fn opened(ctx: &Context, id: u64, row: &DraftRow) -> Result<Opened, DraftError> {
    let content = super::stored::open_fields(&ctx.master, id, &row.sealed).map_err(|_: Damaged| {
        tracing::error!(draft = %format!("{id:016x}"), "a draft does not open: damaged on disk, or another master key");
        DraftError::Damaged(id)
    })?;
    Ok(Opened {
        id,
        updated_at: row.updated_at,
        content,
    })
}

/// `owner`'s drafts, last saved first (one that does not open is left out, and logged).
pub fn list(ctx: &Context, owner: &str) -> Result<Vec<Opened>, DraftError> {
    let rows = ctx.vault.drafts_of(owner).map_err(StoreError::from)?;
    let mut out: Vec<Opened> = rows.into_iter().filter_map(|(id, row)| opened(ctx, id, &row).ok()).collect();
    out.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
    Ok(out)
}

/// Saves `owner`'s draft `id` (made when new): `change` applied to what is
/// stored, then `files` attached, within `limit` bytes of files in all.
/// Redone when another save of the draft came in between.
pub async fn save(
    ctx: &Context,
    owner: &str,
    id: u64,
    change: impl Fn(&mut DraftContent),
    files: Vec<NewFile>,
    limit: u64,
) -> Result<Opened, DraftError> {
    let (added, metas) = seal_files(ctx, files);
    for _ in 0..TRIES {
        let stored = ctx.vault.draft(id).map_err(StoreError::from)?;
        if stored.as_ref().is_some_and(|r| r.owner != owner) {
            return Err(DraftError::NotFound);
        }
        let read_at = stored.as_ref().map(|r| r.updated_at);
        let mut content = match &stored {
            Some(row) => opened(ctx, id, row)?.content,
            None => DraftContent::default(),
        };
        change(&mut content);
        content.files.extend(metas.iter().cloned());
        let size: u64 = content.files.iter().map(|f| f.size).sum();
        if !metas.is_empty() && size > limit {
            return Err(DraftError::TooLarge { size, limit });
        }
        let updated_at = i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX);
        let updated_at = updated_at.max(read_at.map_or(0, |at| at + 1));
        let key = DataKey::new();
        let row = DraftRow {
            owner: owner.to_string(),
            updated_at,
            files: content.files.iter().map(|f| f.id).collect(),
            sealed: super::stored::seal_fields(&ctx.master, &key, id, &content),
        };
        let write = DraftWrite::Save {
            id,
            row,
            read_at,
            added: added.clone(),
            most: MOST_PER_ACCOUNT,
        };
        match ctx.vault.write(WriteOp::Draft(write)).await.map_err(StoreError::from)? {
            WriteResult::Done => return Ok(Opened { id, updated_at, content }),
            WriteResult::Full => return Err(DraftError::Full),
            WriteResult::Gone => return Err(DraftError::NotFound),
            _ => {}
        }
    }
    Err(DraftError::Busy)
}

/// The files sealed, each under its own key, and what the draft lists of them.
fn seal_files(ctx: &Context, files: Vec<NewFile>) -> (Vec<NewDraftFile>, Vec<DraftFile>) {
    let mut sealed = Vec::with_capacity(files.len());
    let mut metas = Vec::with_capacity(files.len());
    for file in files {
        let id = new_id();
        let key = DataKey::new();
        sealed.push(NewDraftFile {
            id,
            wrapped_key: ctx.master.wrap(&key, id),
            chunks: key.seal_chunks(id, &file.bytes, FILE_CHUNK),
        });
        metas.push(DraftFile {
            id,
            name: file.name,
            content_type: file.content_type,
            size: file.bytes.len() as u64,
        });
    }
    (sealed, metas)
}

/// Removes `owner`'s draft `id` with its files (sent, or thrown away).
pub async fn delete(ctx: &Context, owner: &str, id: u64) -> Result<(), DraftError> {
    let write = DraftWrite::Delete {
        owner: owner.to_string(),
        id,
    };
    match ctx.vault.write(WriteOp::Draft(write)).await.map_err(StoreError::from)? {
        WriteResult::Done => Ok(()),
        _ => Err(DraftError::NotFound),
    }
}

/// The bytes of a file of `owner`'s draft `id`.
pub fn file_bytes(ctx: &Context, owner: &str, id: u64, file: u64) -> Result<(DraftFile, Arc<Vec<u8>>), DraftError> {
    let draft = open(ctx, owner, id)?;
    let meta = draft.content.files.into_iter().find(|f| f.id == file).ok_or(DraftError::NotFound)?;
    let crate::vault::Sealed { wrapped_key, chunks } = ctx.vault.draft_file(file).map_err(StoreError::from)?.ok_or(DraftError::NotFound)?;
    let damaged = |_: Damaged| {
        tracing::error!(file = %format!("{file:016x}"), "a draft's file does not open: damaged on disk, or another master key");
        DraftError::Damaged(id)
    };
    let key = ctx.master.unwrap(file, &wrapped_key).map_err(damaged)?;
    let bytes = key.open_chunks(file, &chunks).map_err(damaged)?;
    if bytes.len() as u64 != meta.size {
        return Err(damaged(Damaged));
    }
    Ok((meta, Arc::new(bytes)))
}

/// Removes drafts nobody saved for `keep_days` (a batch at a time).
pub async fn expire(vault: &crate::vault::Vault, keep_days: u32) -> Result<(), StoreError> {
    let before = (super::now() - i64::from(keep_days) * 86_400) * 1000;
    vault.write(WriteOp::Draft(DraftWrite::Expire { before, batch: 500 })).await?;
    Ok(())
}
