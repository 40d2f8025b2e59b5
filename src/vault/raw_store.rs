//! A held message's bytes as the vault keeps them: compressed (zstd) and cut
//! into chunks small enough that several share a page. One 10 KB message used
//! to take a 16 KiB page run of its own (redb gives a value too big for one page
//! a power-of-two run of pages); compressed and chunked, prose takes about a
//! third of its size. Compressing is done by whoever builds the write (`pack`),
//! not by the single writer thread.

use redb::ReadTransaction;

use super::VaultError;
use super::schema::{RAW, RAW_CHUNKS};
use super::tables::Tables;

/// zstd's default level: about 3x on prose at hundreds of MB/s.
const LEVEL: i32 = 3;
/// No stored message is bigger (the SMTP size limit is far below).
const MAX_MESSAGE: usize = 1 << 30;
/// Chunk size: two fit a 4 KiB page with their keys and redb's bookkeeping.
const CHUNK: usize = 2000;

/// A message's bytes, compressed and ready to store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Packed(Vec<u8>);

/// Compresses a message's bytes for the vault.
pub fn pack(bytes: &[u8]) -> Packed {
    // Compressing from memory into memory cannot fail but for allocation.
    Packed(zstd::bulk::compress(bytes, LEVEL).expect("zstd compresses in memory"))
}

/// Stores message `id`'s packed bytes (replacing none: ids are used once).
pub(super) fn put(t: &mut Tables<'_>, id: u64, packed: &Packed) -> Result<(), VaultError> {
    for (n, chunk) in packed.0.chunks(CHUNK).enumerate() {
        t.raw_chunks.insert((id, u32::try_from(n).unwrap_or(u32::MAX)), chunk)?;
    }
    Ok(())
}

/// Removes message `id`'s bytes, packed or (from before packing) plain.
pub(super) fn remove(t: &mut Tables<'_>, id: u64) -> Result<(), VaultError> {
    t.raw_chunks.retain_in((id, 0)..=(id, u32::MAX), |_, _| false)?;
    t.raw.remove(id)?;
    Ok(())
}

/// Message `id`'s bytes as received, or None.
pub(super) fn read(txn: &ReadTransaction, id: u64) -> Result<Option<Vec<u8>>, VaultError> {
    let chunks = txn.open_table(RAW_CHUNKS)?;
    let mut packed = Vec::new();
    for row in chunks.range((id, 0)..=(id, u32::MAX))? {
        packed.extend_from_slice(row?.1.value());
    }
    if packed.is_empty() {
        let plain = txn.open_table(RAW)?;
        return Ok(plain.get(id)?.map(|v| v.value().to_vec()));
    }
    // A decompression context is ~100 KB to set up: one per thread, reused.
    thread_local! {
        static DECOMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { std::cell::RefCell::new(None) };
    }
    let size = zstd::zstd_safe::get_frame_content_size(&packed).ok().flatten().unwrap_or(0);
    let size = usize::try_from(size).unwrap_or(usize::MAX).min(MAX_MESSAGE);
    DECOMPRESSOR
        .with_borrow_mut(|d| match d {
            Some(d) => d.decompress(&packed, size),
            None => zstd::bulk::Decompressor::new().and_then(|new| d.insert(new).decompress(&packed, size)),
        })
        .map(Some)
        .map_err(|e| VaultError::Corrupt {
            table: "raw_chunks",
            detail: format!("message {id:016X}: {e}"),
        })
}
