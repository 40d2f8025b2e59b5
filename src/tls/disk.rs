//! Key and certificate files written whole or not at all, with their mode.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use super::TlsError;

fn write_with_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<(), TlsError> {
    let err = |e: std::io::Error| TlsError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let mut nonce = [0u8; 6];
    getrandom::getrandom(&mut nonce).map_err(|e| TlsError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    let tmp = path.with_extension(format!(
        "tmp.{}.{}",
        std::process::id(),
        u64::from_le_bytes([nonce[0], nonce[1], nonce[2], nonce[3], nonce[4], nonce[5], 0, 0])
    ));
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(&tmp)
        .map_err(err)?;
    f.write_all(bytes).map_err(err)?;
    f.sync_all().map_err(err)?;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(mode)).map_err(err)?;
    fs::rename(&tmp, path).map_err(err)?;
    if let Some(dir) = path.parent() {
        fs::File::open(dir).and_then(|d| d.sync_all()).map_err(err)?;
    }
    Ok(())
}

pub(crate) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), TlsError> {
    write_with_mode(path, bytes, 0o600)
}

pub(super) fn write_public(path: &Path, bytes: &[u8]) -> Result<(), TlsError> {
    write_with_mode(path, bytes, 0o644)
}
