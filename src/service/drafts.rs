//! Drafts: what an author is writing in the portal, saved as they type and
//! when they send (a refused send keeps it, files included). The content is
//! sealed under a data key made for each save and the files each under their
//! own key, all wrapped by the master key: the vault holds ciphertext only.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Context, StoreError};
use crate::crypto::{Damaged, DataKey, Keyring, SpoolKey};
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
    pub bytes: FileBytes,
}

/// Where a new file's bytes are.
pub enum FileBytes {
    Held(Vec<u8>),
    /// An upload in the spool, sealed in frames under `key`: read a frame
    /// at a time, never whole.
    Spooled {
        path: PathBuf,
        key: Arc<SpoolKey>,
        size: u64,
    },
}

impl NewFile {
    /// The whole file in memory (to send it at once); blocking.
    pub fn into_bytes(self) -> Result<Vec<u8>, DraftError> {
        match self.bytes {
            FileBytes::Held(bytes) => Ok(bytes),
            FileBytes::Spooled { path, key, size } => {
                let mut out = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
                read_spooled(&path, &key, size, |piece| out.extend_from_slice(piece))?;
                Ok(out)
            }
        }
    }
}

/// Hands the plain pieces of a spooled upload to `each`, in order.
fn read_spooled(path: &Path, key: &SpoolKey, size: u64, each: impl FnMut(&[u8])) -> Result<(), DraftError> {
    let file = std::fs::File::open(path).map_err(|e| DraftError::Spool(e.to_string()))?;
    key.open_each(std::io::BufReader::new(file), size, each)
        .map_err(|_| DraftError::Spool("a spooled upload does not open".into()))
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
/// stored, then `files` attached, within `limit` bytes of files in all; a
/// save that changes nothing keeps the stored version unless `touch`.
/// Redone when another save of the draft came in between.
pub async fn save(
    ctx: &Context,
    owner: &str,
    id: u64,
    change: impl Fn(&mut DraftContent),
    files: Vec<NewFile>,
    (limit, touch): (u64, bool),
) -> Result<Opened, DraftError> {
    let master = Arc::clone(&ctx.master);
    // Sealing is work (and reads the spool): off the async threads.
    let (added, metas) = smol::unblock(move || seal_files(&master, files)).await?;
    let added = Arc::new(added);
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
        let before = stored.is_some().then(|| content.clone());
        change(&mut content);
        content.files.extend(metas.iter().cloned());
        if let (Some(before), Some(at)) = (before, read_at)
            && before == content
            && !touch
        {
            // Nothing changed (a late save the draft already has): the
            // version stays. An explicit Save (`touch`) is stored all the
            // same: the draft's keep time starts again.
            return Ok(Opened {
                id,
                updated_at: at,
                content,
            });
        }
        let size: u64 = content.files.iter().map(|f| f.size).sum();
        if !metas.is_empty() && size > limit {
            return Err(DraftError::TooLarge { size, limit });
        }
        let updated_at = now_ms().max(read_at.map_or(0, |at| at + 1));
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
            added: Arc::clone(&added),
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

/// Unix milliseconds now.
fn now_ms() -> i64 {
    i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// The files sealed, each under its own key, and what the draft lists of
/// them. Only one chunk of plain bytes is held at a time.
fn seal_files(master: &Keyring, files: Vec<NewFile>) -> Result<(Vec<NewDraftFile>, Vec<DraftFile>), DraftError> {
    let mut sealed = Vec::with_capacity(files.len());
    let mut metas = Vec::with_capacity(files.len());
    for file in files {
        let id = new_id();
        let key = DataKey::new();
        let (chunks, size) = match file.bytes {
            FileBytes::Held(bytes) => (key.seal_chunks(id, &bytes, FILE_CHUNK), bytes.len() as u64),
            FileBytes::Spooled { path, key: spool, size } => {
                let (mut chunks, mut pending) = (Vec::new(), Vec::with_capacity(FILE_CHUNK));
                let seal = |piece: &[u8], chunks: &mut Vec<Vec<u8>>| {
                    let n = u32::try_from(chunks.len()).unwrap_or(u32::MAX);
                    chunks.push(key.seal(id, n, piece));
                };
                read_spooled(&path, &spool, size, |mut piece| {
                    while !piece.is_empty() {
                        let take = (FILE_CHUNK - pending.len()).min(piece.len());
                        pending.extend_from_slice(&piece[..take]);
                        piece = &piece[take..];
                        if pending.len() == FILE_CHUNK {
                            seal(&pending, &mut chunks);
                            pending.clear();
                        }
                    }
                })?;
                if !pending.is_empty() {
                    seal(&pending, &mut chunks);
                }
                (chunks, size)
            }
        };
        sealed.push(NewDraftFile {
            id,
            wrapped_key: master.wrap(&key, id),
            chunks,
        });
        metas.push(DraftFile {
            id,
            name: file.name,
            content_type: file.content_type,
            size,
        });
    }
    Ok((sealed, metas))
}

/// Removes `owner`'s draft `id` with its files (thrown away).
pub async fn delete(ctx: &Context, owner: &str, id: u64) -> Result<(), DraftError> {
    let write = DraftWrite::Delete {
        owner: owner.to_string(),
        id,
        at: now_ms(),
    };
    match ctx.vault.write(WriteOp::Draft(write)).await.map_err(StoreError::from)? {
        WriteResult::Done => Ok(()),
        _ => Err(DraftError::NotFound),
    }
}

/// `owner`'s draft `id`, sent as saved at `version` (None: sent from its post,
/// never stored): what the message's own write retires (`SentDraft`).
pub fn sent(owner: &str, id: u64, version: Option<i64>) -> crate::vault::SentDraft {
    crate::vault::SentDraft {
        owner: owner.to_string(),
        id,
        version,
        at: now_ms(),
    }
}

/// The bytes of file `meta` of draft `id` (whose owner was checked), opened
/// and checked against its size.
pub fn stored_file(ctx: &Context, id: u64, meta: &DraftFile) -> Result<Arc<Vec<u8>>, DraftError> {
    let file = meta.id;
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
    Ok(Arc::new(bytes))
}

/// Removes drafts nobody saved for `keep_days` (a batch at a time).
pub async fn expire(vault: &crate::vault::Vault, keep_days: u32) -> Result<(), StoreError> {
    let before = (super::now() - i64::from(keep_days) * 86_400) * 1000;
    let expire = DraftWrite::Expire {
        before,
        at: now_ms(),
        batch: 500,
    };
    vault.write(WriteOp::Draft(expire)).await?;
    Ok(())
}
