//! A held message's bytes as the vault keeps them. Since schema 7 they come
//! sealed: compressed and encrypted by the service (`service::stored`) in
//! chunks small enough that several share a page, with the message's data key
//! wrapped by the master key beside them (`message_keys`). The vault never
//! sees the plaintext or a key it could use. Older messages stay as they were
//! kept: zstd chunks without a key (schema 5–6), or plain bytes in `raw`.

use redb::ReadTransaction;

use super::VaultError;
use super::schema::{MESSAGE_KEYS, RAW, RAW_CHUNKS};
use super::tables::Tables;

/// A message's bytes ready to store: its chunks, sealed, and its wrapped key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sealed {
    pub wrapped_key: Vec<u8>,
    pub chunks: Vec<Vec<u8>>,
}

/// What the vault holds of a message's bytes, for the service to open.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Kept before schema 5: the bytes as received.
    Plain(Vec<u8>),
    /// Kept by schema 5–6: zstd-compressed, not encrypted.
    Packed(Vec<u8>),
    /// Sealed chunks and the data key wrapped by the master key.
    Sealed(Sealed),
}

/// Stores message `id`'s sealed bytes (replacing none: ids are used once).
pub(super) fn put(t: &mut Tables<'_>, id: u64, sealed: &Sealed) -> Result<(), VaultError> {
    t.message_keys.insert(id, sealed.wrapped_key.as_slice())?;
    for (n, chunk) in sealed.chunks.iter().enumerate() {
        t.raw_chunks.insert((id, u32::try_from(n).unwrap_or(u32::MAX)), chunk.as_slice())?;
    }
    Ok(())
}

/// Removes message `id`'s bytes: its wrapped key first (without it the
/// chunks are noise, in this file and in every backup), then the chunks.
pub(super) fn remove(t: &mut Tables<'_>, id: u64) -> Result<(), VaultError> {
    t.message_keys.remove(id)?;
    t.raw_chunks.retain_in((id, 0)..=(id, u32::MAX), |_, _| false)?;
    t.raw.remove(id)?;
    Ok(())
}

/// What is kept of message `id`'s bytes, or None.
pub(super) fn read(txn: &ReadTransaction, id: u64) -> Result<Option<Stored>, VaultError> {
    let chunks = txn.open_table(RAW_CHUNKS)?;
    let mut parts = Vec::new();
    for row in chunks.range((id, 0)..=(id, u32::MAX))? {
        parts.push(row?.1.value().to_vec());
    }
    if parts.is_empty() {
        let plain = txn.open_table(RAW)?;
        return Ok(plain.get(id)?.map(|v| Stored::Plain(v.value().to_vec())));
    }
    let wrapped_key = txn.open_table(MESSAGE_KEYS)?.get(id)?.map(|v| v.value().to_vec());
    Ok(Some(match wrapped_key {
        Some(wrapped_key) => Stored::Sealed(Sealed {
            wrapped_key,
            chunks: parts,
        }),
        None => Stored::Packed(parts.concat()),
    }))
}
