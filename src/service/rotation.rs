//! Master key rotation while serving (`cloister keys rotate`).
//!
//! 1. A new key is written beside the current file (`master.key.next`, 0600)
//!    and the vault records its check value (`master_next`); from then on
//!    new data keys are wrapped under it, and both keys open what exists.
//! 2. Every wrapped key (message keys, records' sealed parts, relay copies,
//!    the search key) is re-wrapped in batches of `keys.batch`, each
//!    put in place only where the old wrapping is still there.
//! 3. The vault takes the new check value; the old file is kept as
//!    `master.key.retired-<unix time>` (backups made before need it) and the
//!    new one takes the key file's name.
//!
//! Killed anywhere, the next start picks it up (`keys::open_vault`): before
//! step 1's commit the stray new file is removed; within step 2 the walk
//! starts again (already re-wrapped keys are skipped); after step 3's commit
//! the files are renamed.

use std::path::{Path, PathBuf};

use super::{StoreError, now};
use crate::config::Config;
use crate::crypto::{DataKey, KeyError, KeySource, Keyring, MasterKey};
use crate::vault::{KeysWrite, Rewrap, Vault, WrapPlace, WrappedIn, WriteOp};

/// What a rotation works on: the vault, the keys in use, the settings, and
/// the lock that lets one rotation run at a time.
#[derive(Clone)]
pub struct Rotator {
    pub vault: Vault,
    pub keys: std::sync::Arc<Keyring>,
    pub config: std::sync::Arc<Config>,
    pub one_at_a_time: std::sync::Arc<smol::lock::Mutex<()>>,
}

#[derive(Debug, thiserror::Error)]
pub enum RotationError {
    #[error(
        "rotation needs the master key in a file (keys.master_key_file); it comes from {0}. Move it to a file, rotate, then put the new key back where it was"
    )]
    NotAFile(KeySource),
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("key files: {0}")]
    Files(String),
    #[error("{0} wrapped keys do not open under either key; nothing was changed for them (see the log)")]
    Unopenable(u64),
}

/// What a finished rotation did.
#[derive(Debug, Clone)]
pub struct Rotated {
    pub rewrapped: u64,
    pub key_file: PathBuf,
    pub retired: PathBuf,
}

/// The file a rotation's new key waits in.
pub fn next_file(key_file: &Path) -> PathBuf {
    let mut name = key_file.as_os_str().to_owned();
    name.push(".next");
    PathBuf::from(name)
}

/// Rotates the master key (or finishes a rotation under way): one at a time.
pub async fn rotate(ctx: &Rotator) -> Result<Rotated, RotationError> {
    let _one = ctx.one_at_a_time.lock().await;
    let key_file = match MasterKey::source_of(&ctx.config) {
        KeySource::File(path) => path,
        other => return Err(RotationError::NotAFile(other)),
    };
    if ctx.keys.retiring().is_none() {
        begin(ctx, &key_file).await?;
    }
    let rewrapped = rewrap_all(ctx).await?;
    let next = ctx.keys.current().check_value();
    let at = now();
    ctx.vault
        .write(WriteOp::Keys(KeysWrite::Finish { next, rewrapped, at }))
        .await
        .map_err(StoreError::from)?;
    let retired = swap_files(&key_file, at)?;
    ctx.keys.end_rotation();
    tracing::warn!(retired = %retired.display(), rewrapped, "master key rotated: keep a copy of the new key apart from the data; the retired key is needed only for backups made before now");
    Ok(Rotated {
        rewrapped,
        key_file,
        retired,
    })
}

/// Makes the new key and records it: new keys are wrapped under it from now.
async fn begin(ctx: &Rotator, key_file: &Path) -> Result<(), RotationError> {
    let next_path = next_file(key_file);
    // A new file left by a rotation killed before the vault knew of it wrapped nothing.
    let _ = std::fs::remove_file(&next_path);
    let next = MasterKey::create(&next_path)?;
    sync_dir(key_file)?;
    let write = KeysWrite::Begin {
        next: next.check_value(),
        at: now(),
    };
    ctx.vault.write(WriteOp::Keys(write)).await.map_err(StoreError::from)?;
    ctx.keys.begin_rotation(next);
    tracing::info!(next = %next_path.display(), "master key rotation begun: new data keys are wrapped under the new key");
    Ok(())
}

/// Re-wraps every wrapped key not under the current key yet; how many.
async fn rewrap_all(ctx: &Rotator) -> Result<u64, RotationError> {
    let batch = usize::try_from(ctx.config.keys.batch).unwrap_or(500);
    let (mut done, mut unopenable) = (0u64, 0u64);
    for table in [
        WrappedIn::MessageKeys,
        WrappedIn::Records,
        WrappedIn::Copies,
        WrappedIn::Drafts,
        WrappedIn::DraftFileKeys,
    ] {
        let mut after = 0u64;
        loop {
            let rows = ctx.vault.wrapped_after(table, after, batch).map_err(StoreError::from)?;
            let Some(&(last, _)) = rows.last() else { break };
            let mut items = Vec::new();
            for (id, value) in rows {
                match rewrapped(&ctx.keys, table, id, &value) {
                    Ok(Some(new)) => items.push(Rewrap {
                        place: table.place(id),
                        old: value,
                        new,
                    }),
                    Ok(None) => {}
                    Err(()) => {
                        tracing::error!(table = ?table, id, "a wrapped key opens under neither master key: left as it is");
                        unopenable += 1;
                    }
                }
            }
            done += items.len() as u64;
            if !items.is_empty() {
                ctx.vault
                    .write(WriteOp::Keys(KeysWrite::Rewrap(items)))
                    .await
                    .map_err(StoreError::from)?;
                tracing::info!(table = ?table, through = last, rewrapped = done, "master key rotation: re-wrapped a batch");
            }
            after = last;
        }
    }
    done += rewrap_search_key(ctx).await?;
    if unopenable > 0 {
        return Err(RotationError::Unopenable(unopenable));
    }
    Ok(done)
}

/// The search key under the current key.
async fn rewrap_search_key(ctx: &Rotator) -> Result<u64, RotationError> {
    let name = super::keys::SEARCH_KEY;
    let Some(old) = ctx.vault.vault_key(name).map_err(StoreError::from)? else {
        return Ok(0);
    };
    let current = ctx.keys.current();
    if crate::crypto::unwrap_named(&current, name, &old).is_ok() {
        return Ok(0);
    }
    let secret = ctx.keys.unwrap_named(name, &old).map_err(|_| RotationError::Unopenable(1))?;
    let new = crate::crypto::wrap_named(&current, name, &secret);
    let item = Rewrap {
        place: WrapPlace::Named(name.to_string()),
        old,
        new,
    };
    ctx.vault
        .write(WriteOp::Keys(KeysWrite::Rewrap(vec![item])))
        .await
        .map_err(StoreError::from)?;
    Ok(1)
}

/// `value` (a row of `table` for `id`) with its key wrapped under the current
/// master key; None when it already is (or holds no key); Err when neither key opens it.
fn rewrapped(keys: &Keyring, table: WrappedIn, id: u64, value: &[u8]) -> Result<Option<Vec<u8>>, ()> {
    let (start, end) = match table {
        WrappedIn::MessageKeys | WrappedIn::DraftFileKeys => (0, value.len()),
        WrappedIn::Records | WrappedIn::Drafts => match super::stored::embedded_key(value) {
            Some(range) => range,
            None => return Ok(None),
        },
        WrappedIn::Copies => match super::stored::copy_key(value) {
            Some(range) => range,
            None => return Ok(None),
        },
    };
    let wrapped = &value[start..end];
    let current = keys.current();
    if DataKey::unwrap(&current, id, wrapped).is_ok() {
        return Ok(None);
    }
    let key = keys.unwrap(id, wrapped).map_err(|_| ())?;
    let new = key.wrap(&current, id);
    if new.len() != wrapped.len() {
        return Err(());
    }
    let mut out = value.to_vec();
    out[start..end].copy_from_slice(&new);
    Ok(Some(out))
}

/// The finished rotation's files: the old key retired, the new one in its place.
fn swap_files(key_file: &Path, at: i64) -> Result<PathBuf, RotationError> {
    // Never over an earlier retired key (two rotations within a second).
    let retired = (0..u32::MAX)
        .map(|n| {
            let mut name = key_file.as_os_str().to_owned();
            name.push(if n == 0 {
                format!(".retired-{at}")
            } else {
                format!(".retired-{at}-{n}")
            });
            PathBuf::from(name)
        })
        .find(|p| !p.exists())
        .expect("a free name");
    let failed = |e: std::io::Error| RotationError::Files(e.to_string());
    if key_file.exists() {
        std::fs::rename(key_file, &retired).map_err(failed)?;
    }
    std::fs::rename(next_file(key_file), key_file).map_err(failed)?;
    sync_dir(key_file)?;
    Ok(retired)
}

fn sync_dir(key_file: &Path) -> Result<(), RotationError> {
    let dir = key_file.parent().unwrap_or(Path::new("."));
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| RotationError::Files(format!("{}: {e}", dir.display())))
}

/// Files after a rotation whose last commit was made but whose files were not
/// renamed (killed in between): the vault is sealed under the new file's key.
pub fn finish_swap(key_file: &Path) -> Result<PathBuf, RotationError> {
    swap_files(key_file, now())
}
