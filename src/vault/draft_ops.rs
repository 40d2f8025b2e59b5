//! Drafts: messages still being written in the portal. A save replaces the
//! row only when it is the version the service read (two saves of one draft —
//! an autosave and a file upload — cannot undo each other), and the files the
//! new row no longer names are removed with it, keys first.

use redb::{ReadTransaction, ReadableDatabase as _, ReadableTable as _};

use super::outcome::WriteResult;
use super::raw_store::Sealed;
use super::schema::{DRAFT_FILE_KEYS, DRAFT_FILES, DRAFT_OWNERS, DRAFTS};
use super::tables::Tables;
use super::{Vault, VaultError, decode, encode};
use crate::model::DraftRow;

/// A file newly attached to a draft: its chunks sealed under its own data key.
#[derive(Debug, Clone)]
pub struct NewDraftFile {
    pub id: u64,
    pub wrapped_key: Vec<u8>,
    pub chunks: Vec<Vec<u8>>,
}

#[derive(Debug)]
pub enum DraftWrite {
    /// Stores draft `id` as `row`. Refused (`Stale`) when the stored row's
    /// time is not `read_at` (None: the draft must not exist yet); `Gone`
    /// when it belongs to someone else; `Full` when a new draft would make
    /// the owner's more than `most`.
    Save {
        id: u64,
        row: DraftRow,
        read_at: Option<i64>,
        /// Shared: a save redone after a race sends the same sealed files.
        added: std::sync::Arc<Vec<NewDraftFile>>,
        most: usize,
    },
    /// Removes `owner`'s draft `id` and its files, thrown away `at` (Unix ms).
    Delete { owner: String, id: u64, at: i64 },
    /// Removes drafts last saved before `before` (at most `batch` of them),
    /// `at`, and forgets drafts gone before `before`.
    Expire { before: i64, at: i64, batch: usize },
}

/// The portal draft a message was written in, retired by the message's own
/// write: a send that is durable has no draft left to send again, whatever
/// becomes of the request that asked for it.
#[derive(Debug, Clone)]
pub struct SentDraft {
    pub owner: String,
    pub id: u64,
    /// The save that was sent (its time); None: the post was sent without
    /// ever being stored.
    pub version: Option<i64>,
    /// When it was sent (Unix ms).
    pub at: i64,
}

/// Removes the sent draft and remembers it sent. Saved again meanwhile
/// (another window: a newer version), it is kept with what was written there.
pub(super) fn retire_sent(t: &mut Tables<'_>, d: &SentDraft) -> Result<(), VaultError> {
    match stored(t, d.id)? {
        Some(old) if old.owner == d.owner && d.version == Some(old.updated_at) => remove(t, d.id, &old, (d.at, true)),
        Some(_) => Ok(()),
        None => {
            t.drafts_gone.insert(d.id, (d.at, true))?;
            Ok(())
        }
    }
}

pub(super) fn apply(t: &mut Tables<'_>, w: &DraftWrite) -> Result<WriteResult, VaultError> {
    match w {
        DraftWrite::Save {
            id,
            row,
            read_at,
            added,
            most,
        } => save(t, *id, row, *read_at, added, *most),
        DraftWrite::Delete { owner, id, at } => match stored(t, *id)? {
            Some(old) if old.owner == *owner => {
                remove(t, *id, &old, (*at, false))?;
                Ok(WriteResult::Done)
            }
            _ => Ok(WriteResult::Gone),
        },
        DraftWrite::Expire { before, at, batch } => {
            let mut old = Vec::new();
            for row in t.drafts.iter()? {
                let (k, v) = row?;
                let draft: DraftRow = decode("drafts", v.value())?;
                if draft.updated_at < *before {
                    old.push((k.value(), draft));
                }
                if old.len() >= *batch {
                    break;
                }
            }
            for (id, draft) in &old {
                remove(t, *id, draft, (*at, false))?;
            }
            t.drafts_gone.retain(|_, (gone, _)| gone >= *before)?;
            Ok(WriteResult::Done)
        }
    }
}

fn save(
    t: &mut Tables<'_>,
    id: u64,
    row: &DraftRow,
    read_at: Option<i64>,
    added: &[NewDraftFile],
    most: usize,
) -> Result<WriteResult, VaultError> {
    if t.drafts_gone.get(id)?.is_some() {
        return Ok(WriteResult::Gone);
    }
    let old = stored(t, id)?;
    match (&old, read_at) {
        (Some(old), _) if old.owner != row.owner => return Ok(WriteResult::Gone),
        (Some(old), Some(at)) if old.updated_at == at => {}
        (None, None) => {
            let owner = row.owner.as_str();
            // An account deleted while one of its posts was on the way keeps nothing.
            if t.accounts.get(owner)?.is_none() {
                return Ok(WriteResult::Gone);
            }
            let count = t.draft_owners.range((owner, 0)..=(owner, u64::MAX))?.count();
            if count >= most {
                return Ok(WriteResult::Full);
            }
        }
        _ => return Ok(WriteResult::Stale),
    }
    for file in added {
        if t.draft_file_keys.get(file.id)?.is_some() {
            return Ok(WriteResult::Stale);
        }
        t.draft_file_keys.insert(file.id, file.wrapped_key.as_slice())?;
        for (n, chunk) in file.chunks.iter().enumerate() {
            t.draft_files
                .insert((file.id, u32::try_from(n).unwrap_or(u32::MAX)), chunk.as_slice())?;
        }
    }
    if let Some(old) = &old {
        for gone in old.files.iter().filter(|f| !row.files.contains(f)) {
            remove_file(t, *gone)?;
        }
    }
    t.drafts.insert(id, encode(row).as_slice())?;
    t.draft_owners.insert((row.owner.as_str(), id), ())?;
    Ok(WriteResult::Done)
}

/// Removes all of `owner`'s drafts and their files (the account is deleted, `at`).
pub(super) fn remove_all_of(t: &mut Tables<'_>, owner: &str, at: i64) -> Result<usize, VaultError> {
    let mut ids = Vec::new();
    for row in t.draft_owners.range((owner, 0)..=(owner, u64::MAX))? {
        ids.push(row?.0.value().1);
    }
    for &id in &ids {
        match stored(t, id)? {
            Some(row) => remove(t, id, &row, (at, false))?,
            None => {
                t.draft_owners.remove((owner, id))?;
            }
        }
    }
    Ok(ids.len())
}

fn stored(t: &Tables<'_>, id: u64) -> Result<Option<DraftRow>, VaultError> {
    t.drafts.get(id)?.map(|v| decode("drafts", v.value())).transpose()
}

/// Removes draft `id` and its files, and remembers it gone since `at` (and whether sent).
fn remove(t: &mut Tables<'_>, id: u64, row: &DraftRow, gone: (i64, bool)) -> Result<(), VaultError> {
    for file in &row.files {
        remove_file(t, *file)?;
    }
    t.drafts.remove(id)?;
    t.drafts_gone.insert(id, gone)?;
    t.draft_owners.remove((row.owner.as_str(), id))?;
    Ok(())
}

/// A file's key first: without it the chunks are noise, here and in backups.
fn remove_file(t: &mut Tables<'_>, id: u64) -> Result<(), VaultError> {
    t.draft_file_keys.remove(id)?;
    t.draft_files.retain_in((id, 0)..=(id, u32::MAX), |_, _| false)?;
    Ok(())
}

impl Vault {
    /// Draft `id`, whoever owns it (the service checks).
    pub fn draft(&self, id: u64) -> Result<Option<DraftRow>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(DRAFTS)?;
        table.get(id)?.map(|v| decode("drafts", v.value())).transpose()
    }

    /// `owner`'s drafts with their ids, in id order.
    pub fn drafts_of(&self, owner: &str) -> Result<Vec<(u64, DraftRow)>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let index = txn.open_table(DRAFT_OWNERS)?;
        let drafts = txn.open_table(DRAFTS)?;
        let mut out = Vec::new();
        for row in index.range((owner, 0)..=(owner, u64::MAX))? {
            let id = row?.0.value().1;
            if let Some(v) = drafts.get(id)? {
                out.push((id, decode("drafts", v.value())?));
            }
        }
        Ok(out)
    }

    /// A draft file's wrapped key and sealed chunks.
    pub fn draft_file(&self, id: u64) -> Result<Option<Sealed>, VaultError> {
        let txn = self.db()?.begin_read()?;
        file_of(&txn, id)
    }
}

fn file_of(txn: &ReadTransaction, id: u64) -> Result<Option<Sealed>, VaultError> {
    let Some(wrapped_key) = txn.open_table(DRAFT_FILE_KEYS)?.get(id)?.map(|v| v.value().to_vec()) else {
        return Ok(None);
    };
    let mut chunks = Vec::new();
    for row in txn.open_table(DRAFT_FILES)?.range((id, 0)..=(id, u32::MAX))? {
        chunks.push(row?.1.value().to_vec());
    }
    Ok(Some(Sealed { wrapped_key, chunks }))
}
