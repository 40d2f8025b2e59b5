//! The master key meets the vault: find the key (`[keys]`), make it on the
//! first start, and open the vault only with the key it was sealed under.
//! Every refusal names where the key was looked for; nothing is written then.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::crypto::{KeyError, KeySource, MasterKey, unwrap_named, wrap_named};
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
    #[error("the vault's search key does not open under the master key from {0}: the vault is damaged")]
    SearchKeyDamaged(KeySource),
}

/// A vault opened with its keys.
pub struct Unsealed {
    pub vault: Vault,
    pub master: Arc<MasterKey>,
    /// Keys search's word hashes: a random key kept in the vault wrapped by
    /// the master key (so a new master key re-wraps it, and filters stay).
    pub words: WordKey,
}

/// The name the search key is kept under in the vault.
const SEARCH_KEY: &str = "search";

/// Opens the vault of `config` with its master key, making the key first
/// when it is the default file and the vault has never been sealed.
pub fn open_vault(config: &Config) -> Result<Unsealed, KeysError> {
    let source = MasterKey::source_of(config);
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
    let vault = Vault::open_sealed(&config.data_dir, &master.check_value(), &[new_search])
        .map_err(|e| KeysError::Vault(e, source.clone()))?;
    let wrapped = vault.vault_key(SEARCH_KEY).map_err(|e| KeysError::Vault(e, source.clone()))?;
    let words = wrapped
        .and_then(|w| unwrap_named(&master, SEARCH_KEY, &w).ok())
        .and_then(|k| <[u8; 16]>::try_from(k).ok())
        .ok_or(KeysError::SearchKeyDamaged(source))?;
    Ok(Unsealed {
        vault,
        master: Arc::new(master),
        words: WordKey::new(words),
    })
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
