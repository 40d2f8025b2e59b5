//! A held message's bytes on their way into and out of the vault: compressed
//! (zstd), cut into chunks and sealed with the message's own data key, which
//! is stored wrapped by the master key (`crypto`). The vault holds only the
//! sealed chunks and the wrapped key.

use super::{Context, StoreError};
use crate::crypto::{Damaged, DataKey, Keyring};
use crate::model::MessageRecord;
use crate::vault::{Sealed, Stored};

/// zstd's default level: about 3x on prose at hundreds of MB/s.
const LEVEL: i32 = 3;
/// No stored message is bigger (the SMTP size limit is far below).
const MAX_MESSAGE: usize = 1 << 30;
/// Plaintext per chunk: two sealed chunks (with their 16-byte tags) fit a
/// 4 KiB page with their keys and redb's bookkeeping.
const CHUNK: usize = 1984;

/// What the reader of a damaged message is told.
pub const DAMAGED: &str = "note-damaged";

/// Why a message's bytes could not be had.
#[derive(Debug, thiserror::Error)]
pub enum BytesError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored bytes do not open: changed on disk, or another key.
    #[error("message {0:016X}: {1}")]
    Damaged(u64, Damaged),
}

/// The message of `record`: its bytes compressed and sealed under a new data
/// key, and the record's subject and attachments sealed under the same key
/// (`record.sealed`, which carries the key wrapped).
pub fn seal_message(keys: &Keyring, record: &mut MessageRecord, bytes: &[u8]) -> Sealed {
    let key = DataKey::new();
    record.sealed = seal_fields(keys, &key, record.id, &record.take_fields());
    seal_with(keys, &key, record.id, bytes)
}

/// The bytes of message `id` compressed and sealed under `key`.
fn seal_with(keys: &Keyring, key: &DataKey, id: u64, bytes: &[u8]) -> Sealed {
    let packed = zstd::bulk::compress(bytes, LEVEL).expect("zstd compresses in memory");
    Sealed {
        wrapped_key: keys.wrap(key, id),
        chunks: key.seal_chunks(id, &packed, CHUNK),
    }
}

/// The chunk number a record's fields are sealed under: a message never has
/// that many chunks, and the fields are sealed once, at intake.
const FIELDS_CHUNK: u32 = u32::MAX - 1;

/// `fields` sealed under `key` for message (or draft) `id`: wrapped key
/// length (2 bytes), wrapped key, sealed JSON.
pub(super) fn seal_fields<T: serde::Serialize>(keys: &Keyring, key: &DataKey, id: u64, fields: &T) -> Vec<u8> {
    let plain = serde_json::to_vec(fields).expect("fields serialise");
    let wrapped = keys.wrap(key, id);
    let mut out = u16::try_from(wrapped.len()).expect("a wrapped key is short").to_be_bytes().to_vec();
    out.extend_from_slice(&wrapped);
    out.extend_from_slice(&key.seal(id, FIELDS_CHUNK, &plain));
    out
}

/// Where the wrapped key sits in a record's sealed part.
pub fn embedded_key(sealed: &[u8]) -> Option<(usize, usize)> {
    let len = usize::from(u16::from_be_bytes(sealed.get(..2)?.try_into().ok()?));
    (sealed.len() >= 2 + len).then_some((2, 2 + len))
}

/// Where the wrapped key sits in a relay copy (None: a copy from before sealing).
pub fn copy_key(stored: &[u8]) -> Option<(usize, usize)> {
    if stored.first() != Some(&SEALED_COPY) {
        return None;
    }
    let len = usize::from(u16::from_be_bytes(stored.get(1..3)?.try_into().ok()?));
    (stored.len() >= 3 + len).then_some((3, 3 + len))
}

/// A record's sealed subject and attachments (or a draft's content), opened.
pub fn open_fields<T: serde::de::DeserializeOwned>(keys: &Keyring, id: u64, sealed: &[u8]) -> Result<T, Damaged> {
    let len = usize::from(u16::from_be_bytes(sealed.get(..2).ok_or(Damaged)?.try_into().map_err(|_| Damaged)?));
    let wrapped = sealed.get(2..2 + len).ok_or(Damaged)?;
    let key = keys.unwrap(id, wrapped)?;
    let plain = key.open(id, FIELDS_CHUNK, &sealed[2 + len..])?;
    serde_json::from_slice(&plain).map_err(|_| Damaged)
}

/// Message `id`'s bytes as received, from what the vault holds.
pub fn open(keys: &Keyring, id: u64, stored: Stored) -> Result<Vec<u8>, Damaged> {
    let packed = match stored {
        Stored::Plain(bytes) => return Ok(bytes),
        Stored::Packed(packed) => packed,
        Stored::Sealed(Sealed { wrapped_key, chunks }) => keys.unwrap(id, &wrapped_key)?.open_chunks(id, &chunks)?,
    };
    decompress(&packed).ok_or(Damaged)
}

/// Message `id`'s bytes, opened; None when the vault has none.
pub fn bytes(ctx: &Context, id: u64) -> Result<Option<Vec<u8>>, BytesError> {
    let Some(stored) = ctx.vault.raw_message(id).map_err(StoreError::from)? else {
        return Ok(None);
    };
    match open(&ctx.master, id, stored) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) => {
            tracing::error!(message = %format!("{id:016X}"), "stored message does not open: damaged on disk, or another master key");
            note_damaged(ctx, id, "bytes");
            Err(BytesError::Damaged(id, e))
        }
    }
}

/// First byte of a sealed relay copy: a message handed over never starts
/// with NUL (SMTP intake refuses NUL bytes; the portal writes headers first),
/// so copies stored before sealing are told apart.
const SEALED_COPY: u8 = 0;
/// The chunk number a relay copy is sealed under (apart from a held copy's).
const COPY_CHUNK: u32 = u32::MAX;

/// Message `id`'s bytes as they wait in the outbox to be relayed, sealed
/// under a data key of their own: marker, wrapped key length (2 bytes),
/// wrapped key, sealed bytes.
pub fn seal_copy(keys: &Keyring, id: u64, bytes: &[u8]) -> Vec<u8> {
    let key = DataKey::new();
    let wrapped = keys.wrap(&key, id);
    let mut out = vec![SEALED_COPY];
    out.extend_from_slice(&u16::try_from(wrapped.len()).expect("a wrapped key is short").to_be_bytes());
    out.extend_from_slice(&wrapped);
    out.extend_from_slice(&key.seal(id, COPY_CHUNK, bytes));
    out
}

/// A relay copy of message `id` as sent, from what the outbox holds.
pub fn open_copy(keys: &Keyring, id: u64, stored: Vec<u8>) -> Result<Vec<u8>, Damaged> {
    if stored.first() != Some(&SEALED_COPY) {
        return Ok(stored);
    }
    let len = usize::from(u16::from_be_bytes(
        stored.get(1..3).ok_or(Damaged)?.try_into().map_err(|_| Damaged)?,
    ));
    let wrapped = stored.get(3..3 + len).ok_or(Damaged)?;
    let key = keys.unwrap(id, wrapped)?;
    key.open(id, COPY_CHUNK, &stored[3 + len..])
}

/// The relay copy of message `id` kept under `data_id`, opened; None when gone.
pub async fn copy_bytes(ctx: &Context, id: u64, data_id: u64) -> Result<Option<Vec<u8>>, BytesError> {
    let vault = ctx.vault.clone();
    let stored = smol::unblock(move || vault.outbox_data(data_id)).await.map_err(StoreError::from)?;
    let Some(stored) = stored else { return Ok(None) };
    match open_copy(&ctx.master, id, stored) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) => {
            tracing::error!(message = %format!("{id:016X}"), data_id, "stored relay copy does not open: damaged on disk, or another master key");
            note_damaged(ctx, id, "relay copy");
            Err(BytesError::Damaged(id, e))
        }
    }
}

/// The message's "damaged" event (once), queued without waiting.
pub fn note_damaged(ctx: &Context, id: u64, part: &str) {
    ctx.vault.write_soon(crate::vault::WriteOp::Damaged {
        message_id: id,
        part: part.to_string(),
        now: super::now(),
    });
}

fn decompress(packed: &[u8]) -> Option<Vec<u8>> {
    // A decompression context is ~100 KB to set up: one per thread, reused.
    thread_local! {
        static DECOMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { std::cell::RefCell::new(None) };
    }
    let size = zstd::zstd_safe::get_frame_content_size(packed).ok().flatten()?;
    let size = usize::try_from(size).unwrap_or(usize::MAX).min(MAX_MESSAGE);
    DECOMPRESSOR
        .with_borrow_mut(|d| match d {
            Some(d) => d.decompress(packed, size),
            None => zstd::bulk::Decompressor::new().and_then(|new| d.insert(new).decompress(packed, size)),
        })
        .ok()
}
