//! Message data past a threshold goes to a file in `<data_dir>/spool` while
//! it arrives, so a session holds at most the threshold in memory however
//! large the message (unfinished DATA of many sessions at once would otherwise
//! cost sessions × size limit). The file is created 0600 and removed when
//! dropped, whatever became of the message; `prepare_spool` clears leftovers
//! of a crash at start. Writes are plain blocking writes of at most
//! `FLUSH_AT` bytes into the page cache, made between reads.

use std::io::{Read as _, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

/// Data kept in memory before it goes to a spool file.
pub const THRESHOLD: usize = 1024 * 1024;
/// Once spooling, data is written out in pieces of about this size.
pub const FLUSH_AT: usize = 256 * 1024;

#[derive(Debug)]
pub struct SpoolFile {
    path: PathBuf,
    file: std::fs::File,
    len: usize,
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
        Ok(Self { path, file, len: 0 })
    }

    pub fn append(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.file.write_all(bytes)?;
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
        let mut out = Vec::with_capacity(self.len);
        self.file.read_to_end(&mut out)?;
        Ok(out)
    }
}

impl Drop for SpoolFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
