//! The master key meets the vault: find the key (`[keys]`), make it on the
//! first start, and open the vault only with the key it was sealed under.
//! Every refusal names where the key was looked for; nothing is written then.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::crypto::{KeyError, KeySource, Keyring, MasterKey, unwrap_named, wrap_named};
use crate::mail::words::WordKey;
use crate::vault::{Vault, VaultError};

#[derive(Debug, thiserror::Error)]
pub enum KeysError {
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error(
        "the vault in {dir} is sealed under a master key, and there is none at {place}. Nothing was changed; \
         put the key back there (or name where it is in [keys])"
    )]
    KeyGone { dir: String, place: KeySource },
    #[error("{0} (master key from {1})")]
    Vault(VaultError, KeySource),
    #[error("the backup is sealed under a master key, and there is none at {0}; restoring needs the key the backup was made under")]
    BackupNeedsKey(KeySource),
    #[error(
        "the master key at {0} does not open this backup: it was sealed under another master key (the one in use when it was made; after a rotation, the retired key)"
    )]
    BackupOtherKey(KeySource),
    #[error(
        "a master key rotation is under way and its new key is not at {0}: the messages it re-wrapped cannot be read without it. Put the file back (or the escrow copy of it)"
    )]
    RotationKeyGone(KeySource),
    #[error("a master key rotation is under way: export the key once it has finished (cloister keys rotate finishes it)")]
    Rotating,
    #[error("key files: {0}")]
    Files(String),
    #[error("the vault's search key does not open under the master key from {0}: the vault is damaged")]
    SearchKeyDamaged(KeySource),
}

/// A vault opened with its keys.
pub struct Unsealed {
    pub vault: Vault,
    pub master: Arc<Keyring>,
    /// Keys search's word hashes: a random key kept in the vault wrapped by
    /// the master key (so a new master key re-wraps it, and filters stay).
    pub words: WordKey,
}

/// The name the search key is kept under in the vault.
pub const SEARCH_KEY: &str = "search";

/// Opens the vault of `config` with its master key, making the key first
/// when it is the default file and the vault has never been sealed.
pub fn open_vault(config: &Config) -> Result<Unsealed, KeysError> {
    let source = MasterKey::source_of(config);
    let (_, rotating_to) = Vault::key_checks(&config.data_dir).map_err(|e| KeysError::Vault(e, source.clone()))?;
    if let KeySource::File(path) = &source {
        settle_rotation_files(config, path, rotating_to.as_deref())?;
    }
    let next = rotating_to.map(|check| rotation_key(&source, &check)).transpose()?;
    let master = match MasterKey::load(&source) {
        Ok(key) => key,
        Err(KeyError::Missing(KeySource::File(path))) if may_make(config, &path)? => {
            let key = MasterKey::create(&path)?;
            tracing::warn!(file = %path.display(), "made a new master key: keep a copy apart from the data (without it the vault cannot be read)");
            key
        }
        Err(KeyError::Missing(source)) if Vault::is_sealed(&config.data_dir).unwrap_or(true) => {
            return Err(KeysError::KeyGone {
                dir: config.data_dir.display().to_string(),
                place: source,
            });
        }
        Err(e) => return Err(e.into()),
    };
    let mut search = [0u8; 16];
    getrandom::getrandom(&mut search).expect("the system's random source works");
    let new_search = (SEARCH_KEY, wrap_named(&master, SEARCH_KEY, &search));
    let vault =
        Vault::open_sealed(&config.data_dir, &master.check_value(), &[new_search]).map_err(|e| KeysError::Vault(e, source.clone()))?;
    let keys = Keyring::new(master);
    if let Some(next) = next {
        tracing::warn!("a master key rotation was under way: it goes on now");
        keys.begin_rotation(next);
    }
    let wrapped = vault.vault_key(SEARCH_KEY).map_err(|e| KeysError::Vault(e, source.clone()))?;
    let words = wrapped
        .and_then(|w| keys.unwrap_named(SEARCH_KEY, &w).ok())
        .and_then(|k| <[u8; 16]>::try_from(k).ok())
        .ok_or(KeysError::SearchKeyDamaged(source))?;
    Ok(Unsealed {
        vault,
        master: Arc::new(keys),
        words: WordKey::new(words),
    })
}

/// The new key of a rotation under way (its check value `check`), from the
/// file beside the key file.
fn rotation_key(source: &KeySource, check: &[u8]) -> Result<MasterKey, KeysError> {
    let KeySource::File(path) = source else {
        return Err(KeysError::RotationKeyGone(source.clone()));
    };
    let next_source = KeySource::File(super::rotation::next_file(path));
    match MasterKey::load(&next_source) {
        Ok(next) if next.check_value() == check => Ok(next),
        Ok(_) | Err(KeyError::Missing(_)) => Err(KeysError::RotationKeyGone(next_source)),
        Err(e) => Err(e.into()),
    }
}

/// Key files left by a rotation that was killed: a new key the vault never
/// recorded is removed (it wrapped nothing); one the vault was already sealed
/// under takes the key file's place, the old one retired.
fn settle_rotation_files(config: &Config, key_file: &Path, rotating_to: Option<&[u8]>) -> Result<(), KeysError> {
    let next_path = super::rotation::next_file(key_file);
    if !next_path.exists() {
        return Ok(());
    }
    let next = MasterKey::load(&KeySource::File(next_path.clone()))?.check_value();
    let (sealed_under, _) =
        Vault::key_checks(&config.data_dir).map_err(|e| KeysError::Vault(e, KeySource::File(key_file.to_path_buf())))?;
    if sealed_under.as_deref() == Some(next.as_slice()) {
        let retired = super::rotation::finish_swap(key_file).map_err(|e| KeysError::Files(e.to_string()))?;
        tracing::warn!(retired = %retired.display(), "finished the file swap of a master key rotation killed after its last commit");
    } else if rotating_to != Some(next.as_slice()) {
        std::fs::remove_file(&next_path).map_err(|e| KeysError::Files(e.to_string()))?;
        tracing::warn!(file = %next_path.display(), "removed the new key of a rotation killed before it began");
    }
    Ok(())
}

/// What a running server says of its key: the check value (hex) of the key
/// it wraps new data keys under, and whether a rotation is under way.
pub struct Served {
    pub check_hex: String,
    pub rotating: bool,
}

/// The master key as 64 hex digits with where it is, after checking that it
/// opens the vault (asking the running server, when one holds the vault).
pub fn export(config: &Config, served: Option<Served>) -> Result<(String, KeySource), KeysError> {
    let source = MasterKey::source_of(config);
    let master = MasterKey::load(&source)?;
    let (sealed_under, rotating_to) = match served {
        Some(s) => (parse_hex(&s.check_hex), s.rotating.then(Vec::new)),
        None => Vault::key_checks(&config.data_dir).map_err(|e| KeysError::Vault(e, source.clone()))?,
    };
    if rotating_to.is_some() {
        return Err(KeysError::Rotating);
    }
    if sealed_under.is_some_and(|c| c != master.check_value()) {
        return Err(KeysError::Vault(
            VaultError::WrongMasterKey {
                path: config.data_dir.join("vault.redb").display().to_string(),
            },
            source,
        ));
    }
    Ok((master.to_hex(), source))
}

/// What the configured master key makes of a backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupKey {
    /// Sealed under the master key at this place, which opens it.
    Opens(KeySource),
    /// Made before encryption at rest: nothing in it is sealed.
    NotSealed,
}

impl std::fmt::Display for BackupKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Opens(place) => write!(f, "the master key at {place} opens it"),
            Self::NotSealed => f.write_str("it is not sealed (made before encryption at rest)"),
        }
    }
}

/// Whether `config`'s master key opens the backup `summary` describes: its
/// check value matches and its search key unwraps. A backup is restored only
/// with the key it was sealed under (the server could not read it otherwise).
pub fn opens_backup(config: &Config, summary: &crate::vault::BackupSummary) -> Result<BackupKey, KeysError> {
    let Some(check) = &summary.master_check else {
        return Ok(BackupKey::NotSealed);
    };
    let source = MasterKey::source_of(config);
    let master = match MasterKey::load(&source) {
        Ok(key) => key,
        Err(KeyError::Missing(place)) => return Err(KeysError::BackupNeedsKey(place)),
        Err(e) => return Err(e.into()),
    };
    let search_opens = summary
        .search_key
        .as_ref()
        .is_none_or(|w| unwrap_named(&master, SEARCH_KEY, w).is_ok());
    if &master.check_value() != check || !search_opens {
        return Err(KeysError::BackupOtherKey(source));
    }
    Ok(BackupKey::Opens(source))
}

fn parse_hex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| text.get(i..i + 2).and_then(|p| u8::from_str_radix(p, 16).ok()))
        .collect()
}

/// A key file may be made only where none was ever used: the vault is new,
/// or was written before encryption at rest.
fn may_make(config: &Config, path: &Path) -> Result<bool, KeysError> {
    match Vault::is_sealed(&config.data_dir) {
        Ok(false) => Ok(true),
        Ok(true) => Err(KeysError::KeyGone {
            dir: config.data_dir.display().to_string(),
            place: KeySource::File(path.to_path_buf()),
        }),
        Err(e) => Err(KeysError::Vault(e, KeySource::File(path.to_path_buf()))),
    }
}
