//! Multipart form posts with file uploads, streamed chunk by chunk into spool
//! files under `<data_dir>/spool` (never whole into memory). The CSRF field must
//! come first, so nothing is written for a forged post; a file total over the
//! limit stops the writing, and the rest of the body is read and dropped so the
//! browser gets the answer instead of a reset connection.

use smol::fs::unix::OpenOptionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_lite::{AsyncWriteExt as _, StreamExt as _};
use http_body_util::BodyStream;

use super::http::Req;
use crate::auth::tokens;

/// Longest wait for the next piece of an upload.
const CHUNK_IDLE: Duration = Duration::from_mins(1);
/// Text fields in all (the message text is the big one).
const TEXT_LIMIT: usize = 2 * 1024 * 1024;

/// A file in the spool, sealed under `key` (held only in memory,
/// `crypto::spool`); removed when dropped, whatever happened to the request.
pub struct Spooled {
    pub name: String,
    pub content_type: String,
    pub path: PathBuf,
    pub size: u64,
    /// SHA-256 of the file's bytes (a post's fingerprint includes it).
    pub digest: [u8; 32],
    pub key: std::sync::Arc<crate::crypto::SpoolKey>,
}

impl std::fmt::Debug for Spooled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spooled")
            .field("name", &self.name)
            .field("path", &self.path)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A read multipart post.
#[derive(Debug, Default)]
pub struct Received {
    pub form: Vec<(String, String)>,
    pub files: Vec<Spooled>,
    /// Bytes of all file parts, counted even past the limit.
    pub files_size: u64,
    /// The files passed `limit`; none were kept.
    pub over_limit: bool,
}

impl Received {
    pub fn field(&self, name: &str) -> &str {
        self.form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("the CSRF field was missing, wrong or not first")]
    Forged,
    #[error("text fields larger than {TEXT_LIMIT} bytes")]
    TextTooLarge,
    #[error("upload stalled for {} s", CHUNK_IDLE.as_secs())]
    Stalled,
    #[error("malformed multipart body: {0}")]
    Broken(String),
    #[error("spool: {0}")]
    Spool(#[from] std::io::Error),
}

/// The spool directory, created (0700) and emptied of leftovers at start.
pub fn prepare_spool(data_dir: &Path) -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt as _;
    let dir = data_dir.join("spool");
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir)?;
    for entry in std::fs::read_dir(&dir)? {
        let _ = std::fs::remove_file(entry?.path());
    }
    Ok(dir)
}

/// Reads the multipart body of `req`: text fields into memory, files into the
/// spool while their total stays within `limit`.
/// `accept` says whether the CSRF token (the first field) is one of the user's.
pub async fn receive(req: &Req, spool: &Path, accept: &(dyn Fn(&str) -> bool + Sync), limit: u64) -> Result<Received, UploadError> {
    let Some((body, boundary)) = req.multipart.lock().ok().and_then(|mut m| m.take()) else {
        return Err(UploadError::Broken("no multipart body".into()));
    };
    let stream = BodyStream::new(body).filter_map(|frame| match frame {
        Ok(frame) => frame.into_data().ok().map(Ok::<_, hyper::Error>),
        Err(e) => Some(Err(e)),
    });
    receive_stream(stream, boundary, spool, accept, limit).await
}

/// `receive` on any stream of body chunks (the fuzz target feeds it bytes).
pub async fn receive_stream<S, E>(
    stream: S,
    boundary: String,
    spool: &Path,
    accept: &(dyn Fn(&str) -> bool + Sync),
    limit: u64,
) -> Result<Received, UploadError>
where
    S: futures_lite::Stream<Item = Result<hyper::body::Bytes, E>> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static,
{
    let mut parts = multer::Multipart::new(stream, boundary);
    let mut got = Received::default();
    let mut text_size = 0usize;
    let mut checked = false;
    while let Some(mut field) = idle(parts.next_field()).await?.map_err(broken)? {
        let name = field.name().unwrap_or("").to_string();
        if !checked {
            let value = read_text(&mut field, TEXT_LIMIT).await?;
            if name != "csrf" || !accept(&value) {
                return Err(UploadError::Forged);
            }
            checked = true;
            got.form.push((name, value));
            continue;
        }
        if let Some(file_name) = field.file_name().map(str::to_string) {
            spool_file(&mut field, &mut got, (spool, limit), file_name).await?;
        } else {
            let value = read_text(&mut field, TEXT_LIMIT - text_size).await?;
            text_size += value.len();
            got.form.push((name, value));
        }
    }
    if !checked {
        return Err(UploadError::Forged);
    }
    Ok(got)
}

async fn idle<T>(work: impl Future<Output = T>) -> Result<T, UploadError> {
    futures_lite::future::or(async { Ok(work.await) }, async {
        smol::Timer::after(CHUNK_IDLE).await;
        Err(UploadError::Stalled)
    })
    .await
}

#[allow(clippy::needless_pass_by_value)] // used as map_err(broken)
fn broken(e: multer::Error) -> UploadError {
    UploadError::Broken(e.to_string())
}

async fn read_text(field: &mut multer::Field<'static>, limit: usize) -> Result<String, UploadError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = idle(field.chunk()).await?.map_err(broken)? {
        if bytes.len() + chunk.len() > limit {
            return Err(UploadError::TextTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| UploadError::Broken("a text field is not UTF-8".into()))
}

/// One file part: written to the spool while the total allows, else counted and dropped.
async fn spool_file(
    field: &mut multer::Field<'static>,
    got: &mut Received,
    (spool, limit): (&Path, u64),
    file_name: String,
) -> Result<(), UploadError> {
    let content_type = crate::mail::headers::clean_content_type(field.content_type().map_or("", |m| m.essence_str()));
    let path = spool.join(tokens::new_token().0);
    let mut file = smol::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .await?;
    // From here on the file is removed however this ends.
    let mut spooled = Spooled {
        name: file_name,
        content_type,
        path,
        size: 0,
        digest: [0; 32],
        key: std::sync::Arc::new(crate::crypto::SpoolKey::new()),
    };
    let mut digest = ring::digest::Context::new(&ring::digest::SHA256);
    let mut frames = 0u32;
    let mut keep = !got.over_limit;
    while let Some(chunk) = idle(field.chunk()).await?.map_err(broken)? {
        got.files_size += chunk.len() as u64;
        if got.files_size > limit {
            keep = false;
            got.over_limit = true;
            got.files.clear();
        }
        if keep {
            file.write_all(&spooled.key.frame(frames, &chunk)).await?;
            frames = frames
                .checked_add(1)
                .ok_or_else(|| std::io::Error::other("too many spool frames"))?;
            spooled.size += chunk.len() as u64;
            digest.update(&chunk);
        }
    }
    spooled.digest.copy_from_slice(digest.finish().as_ref());
    file.flush().await?;
    // A form with no file chosen still sends an empty, unnamed part.
    if keep && !(spooled.name.is_empty() && spooled.size == 0) {
        got.files.push(spooled);
    }
    Ok(())
}
