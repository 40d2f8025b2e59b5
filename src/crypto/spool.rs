//! Files in the spool (SMTP DATA past the memory threshold, portal uploads)
//! are sealed under a key made for that one file and held only in memory:
//! the bytes on disk are unreadable, and after a crash, with the key gone,
//! the leftovers are deleted at the next start anyway.
//!
//! A file is a run of frames, each the length of its sealed bytes (4 bytes,
//! big-endian) and the bytes sealed under the file's key with the frame's
//! number as nonce, so no nonce repeats under a key.

use super::envelope::{Damaged, DataKey};

/// The key of one spool file.
pub struct SpoolKey(DataKey);

/// A frame's sealed size, at most (the upload writes frames far smaller):
/// a damaged length cannot make a huge buffer.
const MOST_FRAME_BYTES: usize = 16 * 1024 * 1024;

impl SpoolKey {
    pub fn new() -> Self {
        Self(DataKey::new())
    }

    /// Frame `n` of the file, sealing `plain`.
    pub fn frame(&self, n: u32, plain: &[u8]) -> Vec<u8> {
        let sealed = self.0.seal(0, n, plain);
        let mut out = u32::try_from(sealed.len()).unwrap_or(u32::MAX).to_be_bytes().to_vec();
        out.extend_from_slice(&sealed);
        out
    }

    /// Reads a file of frames from `file` and hands each frame's plain bytes
    /// to `each` in order, holding one frame at a time; they must come to
    /// `len` bytes.
    pub fn open_each(&self, mut file: impl std::io::Read, len: u64, mut each: impl FnMut(&[u8])) -> Result<(), Damaged> {
        let (mut total, mut n, mut size) = (0u64, 0u32, [0u8; 4]);
        let mut sealed = Vec::new();
        loop {
            match file.read_exact(&mut size) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
                Err(_) => return Err(Damaged),
            }
            let size = usize::try_from(u32::from_be_bytes(size)).map_err(|_| Damaged)?;
            if size > MOST_FRAME_BYTES {
                return Err(Damaged);
            }
            sealed.resize(size, 0);
            file.read_exact(&mut sealed).map_err(|_| Damaged)?;
            let plain = self.0.open(0, n, &sealed)?;
            total += plain.len() as u64;
            each(&plain);
            n = n.checked_add(1).ok_or(Damaged)?;
        }
        if total == len { Ok(()) } else { Err(Damaged) }
    }

    /// The plain bytes of a whole file of frames, which must come to `len` bytes.
    pub fn open(&self, file: &[u8], len: usize) -> Result<Vec<u8>, Damaged> {
        let mut out = Vec::with_capacity(len);
        let (mut at, mut n) = (0usize, 0u32);
        while at < file.len() {
            let size = file.get(at..at + 4).ok_or(Damaged)?;
            let size = usize::try_from(u32::from_be_bytes(size.try_into().map_err(|_| Damaged)?)).map_err(|_| Damaged)?;
            let sealed = file.get(at + 4..at + 4 + size).ok_or(Damaged)?;
            out.extend_from_slice(&self.0.open(0, n, sealed)?);
            at += 4 + size;
            n = n.checked_add(1).ok_or(Damaged)?;
        }
        if out.len() == len { Ok(out) } else { Err(Damaged) }
    }
}

impl Default for SpoolKey {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_open_in_order_and_only_whole() {
        let key = SpoolKey::new();
        let file = [key.frame(0, b"first secret "), key.frame(1, b"second")].concat();
        assert!(!file.windows(6).any(|w| w == b"secret"));
        assert_eq!(key.open(&file, 19).unwrap(), b"first secret second");
        assert_eq!(key.open(&file, 20), Err(Damaged), "a length that does not match");
        let swapped = [key.frame(1, b"second"), key.frame(0, b"first secret ")].concat();
        assert_eq!(key.open(&swapped, 19), Err(Damaged), "frames out of order");
        assert_eq!(key.open(&file[..file.len() - 1], 19), Err(Damaged), "cut short");
        assert_eq!(SpoolKey::new().open(&file, 19), Err(Damaged), "another file's key");
        let mut pieces = Vec::new();
        key.open_each(&file[..], 19, |p| pieces.push(p.to_vec())).unwrap();
        assert_eq!(pieces, [&b"first secret "[..], b"second"]);
        assert_eq!(key.open_each(&swapped[..], 19, |_| {}), Err(Damaged));
        assert_eq!(key.open_each(&file[..file.len() - 1], 19, |_| {}), Err(Damaged));
        assert_eq!(key.open_each(&file[..], 18, |_| {}), Err(Damaged));
    }
}
