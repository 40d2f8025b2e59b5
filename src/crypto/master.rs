//! The master key: where it is (a file, a systemd credential or an
//! environment variable, `[keys]`), reading it, and making it once.
//!
//! It is 32 random bytes, written as 64 hex digits. It never goes into the
//! vault; the vault keeps only a check value (`check_value`) so a wrong key is
//! refused before anything is written.

use std::fmt::Write as _;
use std::io::Write as _;
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use ring::hmac;

use crate::config::Config;

/// The key that wraps every message's data key.
pub struct MasterKey {
    bytes: [u8; 32],
}

/// Where the master key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    File(PathBuf),
    Credential(PathBuf),
    Env(String),
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File(p) => write!(f, "file {} (keys.master_key_file)", p.display()),
            Self::Credential(p) => write!(f, "systemd credential {} (keys.master_key_credential)", p.display()),
            Self::Env(name) => write!(f, "environment variable {name} (keys.master_key_env)"),
        }
    }
}

/// Why the master key could not be had; the text names where it looked.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("no master key at {0}")]
    Missing(KeySource),
    #[error("the master key at {0} cannot be read: {1}")]
    Unreadable(KeySource, String),
    #[error("the master key at {0} is not 64 hex digits")]
    Malformed(KeySource),
    #[error("the master key file {0} can be read by group or others (mode {1:o}); `chmod 600` it")]
    TooOpen(PathBuf, u32),
    #[error("making the master key {0}: {1}")]
    Create(PathBuf, String),
}

impl MasterKey {
    /// Where `config` says the key is.
    pub fn source_of(config: &Config) -> KeySource {
        let k = &config.keys;
        if !k.master_key_credential.is_empty() {
            let dir = std::env::var_os("CREDENTIALS_DIRECTORY").map_or_else(PathBuf::new, PathBuf::from);
            KeySource::Credential(dir.join(&k.master_key_credential))
        } else if !k.master_key_env.is_empty() {
            KeySource::Env(k.master_key_env.clone())
        } else if k.master_key_file.as_os_str().is_empty() {
            KeySource::File(config.data_dir.join("keys").join("master.key"))
        } else {
            KeySource::File(k.master_key_file.clone())
        }
    }

    /// Reads the key from `source`.
    pub fn load(source: &KeySource) -> Result<Self, KeyError> {
        let text = match source {
            KeySource::Env(name) => std::env::var(name).map_err(|_| KeyError::Missing(source.clone()))?,
            KeySource::File(path) | KeySource::Credential(path) => read_file(source, path)?,
        };
        let bytes = parse_hex(text.trim()).ok_or_else(|| KeyError::Malformed(source.clone()))?;
        Ok(Self { bytes })
    }

    /// Makes a new random key at `path` (0600, in a 0700 folder); never
    /// replaces a file that is there.
    pub fn create(path: &Path) -> Result<Self, KeyError> {
        let failed = |e: std::io::Error| KeyError::Create(path.to_path_buf(), e.to_string());
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).map_err(|e| KeyError::Create(path.to_path_buf(), e.to_string()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(failed)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(failed)?;
        file.write_all(format!("{}\n", hex(&bytes)).as_bytes()).map_err(failed)?;
        file.sync_all().map_err(failed)?;
        Ok(Self { bytes })
    }

    /// What the vault keeps to recognise this key (an HMAC of a fixed label;
    /// it tells nothing of the key).
    pub fn check_value(&self) -> Vec<u8> {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.bytes);
        hmac::sign(&key, b"cloister master key check v1").as_ref().to_vec()
    }

    /// The key as written in its file (64 hex digits), for an escrow copy.
    pub fn to_hex(&self) -> String {
        hex(&self.bytes)
    }

    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }
}

fn read_file(source: &KeySource, path: &Path) -> Result<String, KeyError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(KeyError::Missing(source.clone())),
        Err(e) => return Err(KeyError::Unreadable(source.clone(), e.to_string())),
    };
    let mode = meta.permissions().mode() & 0o777;
    if matches!(source, KeySource::File(_)) && mode & 0o077 != 0 {
        return Err(KeyError::TooOpen(path.to_path_buf(), mode));
    }
    std::fs::read_to_string(path).map_err(|e| KeyError::Unreadable(source.clone(), e.to_string()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn parse_hex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in text.as_bytes().chunks(2).enumerate() {
        out[i] = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_key_reads_back_and_a_second_make_never_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/master.key");
        let made = MasterKey::create(&path).unwrap();
        let mode_of = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!((mode_of(&path), mode_of(path.parent().unwrap())), (0o600, 0o700));
        let read = MasterKey::load(&KeySource::File(path.clone())).unwrap();
        assert_eq!(read.check_value(), made.check_value());
        assert!(matches!(MasterKey::create(&path), Err(KeyError::Create(..))));
        assert_eq!(MasterKey::load(&KeySource::File(path)).unwrap().check_value(), made.check_value());
    }

    #[test]
    fn missing_malformed_and_open_keys_are_refused_naming_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("master.key");
        let source = KeySource::File(path.clone());
        let missing = MasterKey::load(&source).err().unwrap().to_string();
        assert!(
            missing.contains(&path.display().to_string()) && missing.contains("keys.master_key_file"),
            "{missing}"
        );
        std::fs::write(&path, "not a key\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(matches!(MasterKey::load(&source), Err(KeyError::Malformed(_))));
        std::fs::write(&path, format!("{}\n", "ab".repeat(32))).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(MasterKey::load(&source), Err(KeyError::TooOpen(_, 0o644))));
        let env = KeySource::Env("CLOISTER_TEST_NO_SUCH_KEY_VARIABLE".into());
        assert!(
            MasterKey::load(&env)
                .err()
                .unwrap()
                .to_string()
                .contains("CLOISTER_TEST_NO_SUCH_KEY_VARIABLE")
        );
    }
}
