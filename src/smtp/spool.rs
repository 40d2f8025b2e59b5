//! Message data past a threshold goes to a file in `<data_dir>/spool` while
//! it arrives, so a session holds at most the threshold in memory however
//! large the message (unfinished DATA of many sessions at once would otherwise
//! cost sessions × size limit). The file is created 0600 and removed when
//! dropped, whatever became of the message; `prepare_spool` clears leftovers
//! of a crash at start. Writes are plain blocking writes of at most
//! `FLUSH_AT` bytes into the page cache, made between reads. What is written
//! is sealed under a key of this file alone, held only in memory
//! (`crypto::spool`): no word of the message is readable on disk.

use std::io::{Read as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use crate::crypto::SpoolKey;

/// Data kept in memory before it goes to a spool file.
pub const THRESHOLD: usize = 1024 * 1024;
/// Once spooling, data is written out in pieces of about this size.
pub const FLUSH_AT: usize = 256 * 1024;

pub struct SpoolFile {
    path: PathBuf,
    file: std::fs::File,
    len: usize,
    key: SpoolKey,
    frames: u32,
}

impl std::fmt::Debug for SpoolFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpoolFile")
            .field("path", &self.path)
            .field("len", &self.len)
            .finish_non_exhaustive()
    }
}

impl SpoolFile {
    pub fn create(dir: &Path) -> std::io::Result<Self> {
        let (token, _) = crate::auth::tokens::new_token();
        let path = dir.join(format!("smtp-{token}"));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        Ok(Self {
            path,
            file,
            len: 0,
            key: SpoolKey::new(),
            frames: 0,
        })
    }

    pub fn append(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.file.write_all(&self.key.frame(self.frames, bytes))?;
        self.frames = self
            .frames
            .checked_add(1)
            .ok_or_else(|| std::io::Error::other("too many spool frames"))?;
        self.len += bytes.len();
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The whole message, read back (the file is removed when `self` drops).
    pub fn read_all(mut self) -> std::io::Result<Vec<u8>> {
        use std::io::Seek as _;
        self.file.seek(std::io::SeekFrom::Start(0))?;
        let mut sealed = Vec::with_capacity(self.len + 20 * self.frames as usize);
        self.file.read_to_end(&mut sealed)?;
        self.key
            .open(&sealed, self.len)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

impl Drop for SpoolFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
