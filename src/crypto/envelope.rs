//! Envelope encryption: each message has its own random data key; its
//! stored bytes are sealed with it (ChaCha20-Poly1305), and the data key is
//! kept wrapped (sealed) by the master key. The message id is bound into
//! every seal as associated data, so a ciphertext moved to another record
//! does not open.
//!
//! Nonces: a data key seals the chunks of one message only, each under its
//! own chunk number, so a (key, nonce) pair is never used twice; a wrap uses
//! a random nonce stored beside it.

use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};

use super::master::MasterKey;

/// A message's own key; made at intake, stored only wrapped.
pub struct DataKey([u8; 32]);

/// A sealed value failed to open: the wrong key, or the bytes were changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the sealed bytes do not open (damaged, or another key)")]
pub struct Damaged;

impl DataKey {
    pub fn new() -> Self {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).expect("the system's random source works");
        Self(bytes)
    }

    /// The key sealed under `master` for message `id`: nonce, then ciphertext and tag.
    pub fn wrap(&self, master: &MasterKey, id: u64) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::getrandom(&mut nonce).expect("the system's random source works");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&seal_with(master.bytes(), nonce, &wrap_aad(id), &self.0));
        out
    }

    /// The data key of message `id` from its wrapped form.
    pub fn unwrap(master: &MasterKey, id: u64, wrapped: &[u8]) -> Result<Self, Damaged> {
        let (nonce, sealed) = wrapped.split_at_checked(NONCE_LEN).ok_or(Damaged)?;
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| Damaged)?;
        let plain = open_with(master.bytes(), nonce, &wrap_aad(id), sealed)?;
        Ok(Self(plain.try_into().map_err(|_| Damaged)?))
    }

    /// Chunk `index` of message `id`, sealed.
    pub fn seal(&self, id: u64, index: u32, plain: &[u8]) -> Vec<u8> {
        seal_with(&self.0, chunk_nonce(index), &chunk_aad(id, index), plain)
    }

    /// Chunk `index` of message `id`, opened.
    pub fn open(&self, id: u64, index: u32, sealed: &[u8]) -> Result<Vec<u8>, Damaged> {
        open_with(&self.0, chunk_nonce(index), &chunk_aad(id, index), sealed)
    }

    /// `plain` cut into pieces of `size` bytes, piece n sealed as chunk n of `id`.
    pub fn seal_chunks(&self, id: u64, plain: &[u8], size: usize) -> Vec<Vec<u8>> {
        plain
            .chunks(size)
            .enumerate()
            .map(|(n, piece)| self.seal(id, u32::try_from(n).unwrap_or(u32::MAX), piece))
            .collect()
    }

    /// Chunks made by `seal_chunks` for `id`, opened and joined.
    pub fn open_chunks(&self, id: u64, chunks: &[Vec<u8>]) -> Result<Vec<u8>, Damaged> {
        let mut plain = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
        for (n, chunk) in chunks.iter().enumerate() {
            plain.extend_from_slice(&self.open(id, u32::try_from(n).unwrap_or(u32::MAX), chunk)?);
        }
        Ok(plain)
    }
}

/// A vault-wide secret (such as the search key) sealed under `master`, bound
/// to `name`: nonce, then ciphertext and tag.
pub fn wrap_named(master: &MasterKey, name: &str, secret: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::getrandom(&mut nonce).expect("the system's random source works");
    let mut out = nonce.to_vec();
    out.extend_from_slice(&seal_with(master.bytes(), nonce, &named_aad(name), secret));
    out
}

/// The secret `name` from its wrapped form.
pub fn unwrap_named(master: &MasterKey, name: &str, wrapped: &[u8]) -> Result<Vec<u8>, Damaged> {
    let (nonce, sealed) = wrapped.split_at_checked(NONCE_LEN).ok_or(Damaged)?;
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| Damaged)?;
    open_with(master.bytes(), nonce, &named_aad(name), sealed)
}

fn named_aad(name: &str) -> Vec<u8> {
    [b"cloister vault secret v1 ".as_slice(), name.as_bytes()].concat()
}

impl Default for DataKey {
    fn default() -> Self {
        Self::new()
    }
}

fn wrap_aad(id: u64) -> Vec<u8> {
    [b"cloister data key v1".as_slice(), &id.to_be_bytes()].concat()
}

fn chunk_aad(id: u64, index: u32) -> Vec<u8> {
    [b"cloister chunk v1".as_slice(), &id.to_be_bytes(), &index.to_be_bytes()].concat()
}

fn chunk_nonce(index: u32) -> [u8; NONCE_LEN] {
    let mut nonce = [0u8; NONCE_LEN];
    nonce[NONCE_LEN - 4..].copy_from_slice(&index.to_be_bytes());
    nonce
}

fn aead_key(key: &[u8; 32]) -> LessSafeKey {
    LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, key).expect("a 32-byte key fits ChaCha20-Poly1305"))
}

fn seal_with(key: &[u8; 32], nonce: [u8; NONCE_LEN], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let mut buf = plain.to_vec();
    aead_key(key)
        .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(aad), &mut buf)
        .expect("sealing in memory cannot fail");
    buf
}

fn open_with(key: &[u8; 32], nonce: [u8; NONCE_LEN], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, Damaged> {
    let mut buf = sealed.to_vec();
    let plain = aead_key(key)
        .open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(aad), &mut buf)
        .map_err(|_| Damaged)?;
    Ok(plain.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn master(dir: &std::path::Path) -> MasterKey {
        MasterKey::create(&dir.join("master.key")).unwrap()
    }

    #[test]
    fn chunks_open_only_with_their_key_message_and_place() {
        let dir = tempfile::tempdir().unwrap();
        let (m, other) = (master(dir.path()), master(&dir.path().join("b")));
        let key = DataKey::new();
        let wrapped = key.wrap(&m, 7);
        let sealed = key.seal(7, 0, b"the quarterly figures");
        assert!(!sealed.windows(9).any(|w| w == b"quarterly"));
        let again = DataKey::unwrap(&m, 7, &wrapped).unwrap();
        assert_eq!(again.open(7, 0, &sealed).unwrap(), b"the quarterly figures");
        assert_eq!(
            DataKey::unwrap(&m, 8, &wrapped).err(),
            Some(Damaged),
            "wrapped key moved to another message"
        );
        assert_eq!(DataKey::unwrap(&other, 7, &wrapped).err(), Some(Damaged), "another master key");
        assert_eq!(again.open(8, 0, &sealed).err(), Some(Damaged), "chunk moved to another message");
        assert_eq!(again.open(7, 1, &sealed).err(), Some(Damaged), "chunk moved to another place");
        let mut flipped = sealed.clone();
        flipped[3] ^= 1;
        assert_eq!(again.open(7, 0, &flipped).err(), Some(Damaged), "one flipped byte");
        assert_ne!(key.wrap(&m, 7), wrapped, "each wrap has its own nonce");
    }
}
