//! The search index's segments (kept by `vault::search_index`): a batch of
//! one user's mailbox entries, stored as the word tokens they hold, in
//! order, each with the entries of the batch that hold it.
//!
//! A token is the low 32 bits of a word's keyed hash (`mail::words::token`), so the disk
//! tells which entries share a word, not the word. Two words of one batch may
//! share a token; that only lets through an entry the exact check then drops.
//!
//! Entries are numbered within their batch (0, 1, … in id order); the batch's
//! message ids are kept apart, `DOCS_PER_CHUNK` to a chunk (first id in 8
//! bytes, then varint gaps). The postings are cut into chunks of about
//! `CHUNK_TARGET` bytes at token boundaries and stored under their first
//! token, so finding a token reads one chunk (two fit a 4 KiB page; a value
//! larger than a page would take a run of pages of its own). In a chunk, each
//! token is 4 bytes (little-endian), a varint header (payload length << 1,
//! low bit set for a bitmap), then the entries holding it: a bitmap over the
//! batch or the numbers as varint gaps, whichever is shorter. A batch holds
//! at most `SEGMENT_MAX_DOCS` entries, so a token's payload is at most 1 KiB.

/// Postings bytes per chunk, about (a chunk ends after the token that passes it).
pub const CHUNK_TARGET: usize = 1_900;
/// Message ids per chunk of a segment's id list.
pub const DOCS_PER_CHUNK: usize = 512;
/// Entries in one segment, at most.
pub const SEGMENT_MAX_DOCS: usize = 8_192;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(u8::try_from(v & 0x7f).unwrap_or(0) | 0x80);
        v >>= 7;
    }
    out.push(u8::try_from(v).unwrap_or(0));
}

fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// A segment ready to store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Built {
    /// The entries' message ids, ascending.
    pub docs: Vec<u64>,
    /// The id list in chunks (`DOCS_PER_CHUNK` each).
    pub doc_chunks: Vec<Vec<u8>>,
    /// (first token, chunk) in token order.
    pub chunks: Vec<(u32, Vec<u8>)>,
}

/// Writes postings chunk by chunk; tokens must come in ascending order.
struct Encoder {
    docs: usize,
    chunks: Vec<(u32, Vec<u8>)>,
    list: Vec<u8>,
}

impl Encoder {
    fn new(docs: usize) -> Self {
        Self {
            docs,
            chunks: Vec::new(),
            list: Vec::new(),
        }
    }

    /// Adds a token and the (ascending, distinct) numbers of the entries holding it.
    fn push(&mut self, token: u32, locals: &[u32]) {
        if locals.is_empty() {
            return;
        }
        self.list.clear();
        let mut prev = 0;
        for (i, &n) in locals.iter().enumerate() {
            put_varint(&mut self.list, u64::from(if i == 0 { n } else { n - prev }));
            prev = n;
        }
        let bitmap_len = self.docs.div_ceil(8);
        let chunk = match self.chunks.last_mut() {
            Some((_, c)) if c.len() < CHUNK_TARGET => c,
            _ => {
                self.chunks.push((token, Vec::with_capacity(CHUNK_TARGET + 64)));
                &mut self.chunks.last_mut().expect("just pushed").1
            }
        };
        chunk.extend_from_slice(&token.to_le_bytes());
        if bitmap_len < self.list.len() {
            put_varint(chunk, (bitmap_len as u64) << 1 | 1);
            let start = chunk.len();
            chunk.resize(start + bitmap_len, 0);
            for &n in locals {
                let n = n as usize;
                chunk[start + n / 8] |= 1 << (n % 8);
            }
        } else {
            put_varint(chunk, (self.list.len() as u64) << 1);
            chunk.extend_from_slice(&self.list);
        }
    }

    fn finish(self, docs: Vec<u64>) -> Built {
        let doc_chunks = docs.chunks(DOCS_PER_CHUNK).map(doc_chunk).collect();
        Built {
            docs,
            doc_chunks,
            chunks: self.chunks,
        }
    }
}

/// One chunk of ascending ids: the first in 8 bytes, then varint gaps.
fn doc_chunk(ids: &[u64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + ids.len() * 4);
    out.extend_from_slice(&ids.first().copied().unwrap_or(0).to_le_bytes());
    for pair in ids.windows(2) {
        put_varint(&mut out, pair[1] - pair[0]);
    }
    out
}

/// The ids of one chunk of a segment's id list.
pub fn doc_ids(chunk: &[u8]) -> Vec<u64> {
    let Some(first) = chunk.get(..8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes) else {
        return Vec::new();
    };
    let mut out = vec![first];
    let mut at = 8;
    while at < chunk.len() {
        let Some(gap) = get_varint(chunk, &mut at) else { break };
        out.push(out[out.len() - 1].saturating_add(gap));
    }
    out
}

/// The entries of one token in a chunk.
#[derive(Debug, Clone, Copy)]
pub struct Postings<'a> {
    bitmap: bool,
    payload: &'a [u8],
}

impl Postings<'_> {
    /// The numbers of the entries, ascending.
    pub fn locals(&self) -> Vec<u32> {
        let mut out = Vec::new();
        if self.bitmap {
            for (i, &byte) in self.payload.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 {
                        out.push(u32::try_from(i * 8 + bit).unwrap_or(u32::MAX));
                    }
                }
            }
            return out;
        }
        let (mut at, mut n) = (0, 0u64);
        while at < self.payload.len() {
            let Some(gap) = get_varint(self.payload, &mut at) else { break };
            n = if out.is_empty() { gap } else { n + gap };
            out.push(u32::try_from(n).unwrap_or(u32::MAX));
        }
        out
    }
}

/// Walks the (token, postings) of one chunk, in order (stops at damage).
pub fn entries(chunk: &[u8]) -> impl Iterator<Item = (u32, Postings<'_>)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let token = u32::from_le_bytes(chunk.get(at..at + 4)?.try_into().ok()?);
        at += 4;
        let header = get_varint(chunk, &mut at)?;
        let len = usize::try_from(header >> 1).ok()?;
        let payload = chunk.get(at..at.checked_add(len)?)?;
        at += len;
        Some((
            token,
            Postings {
                bitmap: header & 1 == 1,
                payload,
            },
        ))
    })
}

/// The postings of `token` in the chunk that would hold it.
pub fn find(chunk: &[u8], token: u32) -> Option<Postings<'_>> {
    entries(chunk)
        .take_while(|(t, _)| *t <= token)
        .find(|(t, _)| *t == token)
        .map(|(_, p)| p)
}

/// The numbers in both ascending lists.
pub fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A segment of the entries `docs` (message id, its tokens ascending); ids
/// may come in any order (a repeated id keeps its first tokens).
pub fn build(mut docs: Vec<(u64, Vec<u32>)>) -> Built {
    docs.sort_by_key(|d| d.0);
    docs.dedup_by_key(|d| d.0);
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(docs.iter().map(|d| d.1.len()).sum());
    for (local, (_, tokens)) in docs.iter().enumerate() {
        let local = u32::try_from(local).unwrap_or(u32::MAX);
        pairs.extend(tokens.iter().map(|&t| (t, local)));
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut encoder = Encoder::new(docs.len());
    let mut locals = Vec::new();
    for (i, &(token, local)) in pairs.iter().enumerate() {
        locals.push(local);
        if pairs.get(i + 1).is_none_or(|next| next.0 != token) {
            encoder.push(token, &locals);
            locals.clear();
        }
    }
    encoder.finish(docs.into_iter().map(|d| d.0).collect())
}

/// A stored segment as read back: its ids and its postings chunks in order.
#[derive(Debug, Clone, Default)]
pub struct Segment {
    pub docs: Vec<u64>,
    pub chunks: Vec<Vec<u8>>,
}

/// One segment's postings in token order, read chunk after chunk.
struct Cursor<'a> {
    chunks: &'a [Vec<u8>],
    next_chunk: usize,
    current: Vec<(u32, Postings<'a>)>,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(chunks: &'a [Vec<u8>]) -> Self {
        Self {
            chunks,
            next_chunk: 0,
            current: Vec::new(),
            at: 0,
        }
    }

    fn peek(&mut self) -> Option<(u32, Postings<'a>)> {
        while self.at == self.current.len() {
            let chunk = self.chunks.get(self.next_chunk)?;
            self.next_chunk += 1;
            self.current = entries(chunk).collect();
            self.at = 0;
        }
        self.current.get(self.at).copied()
    }
}

/// One segment made of `parts`, keeping only the entries `keep` says are
/// still there. Reads the parts' chunks in token order side by side, so what
/// it holds beyond the parts is the segment it writes.
pub fn merge(parts: &[Segment], keep: impl Fn(u64) -> bool) -> Built {
    let mut docs: Vec<u64> = parts.iter().flat_map(|p| p.docs.iter().copied()).filter(|&id| keep(id)).collect();
    docs.sort_unstable();
    docs.dedup();
    // Each part's entry number → the new number (None: dropped).
    let renumber: Vec<Vec<Option<u32>>> = parts
        .iter()
        .map(|p| {
            p.docs
                .iter()
                .map(|id| docs.binary_search(id).ok().and_then(|n| u32::try_from(n).ok()))
                .collect()
        })
        .collect();
    let mut cursors: Vec<Cursor<'_>> = parts.iter().map(|p| Cursor::new(&p.chunks)).collect();
    let mut encoder = Encoder::new(docs.len());
    let mut locals = Vec::new();
    while let Some(token) = cursors.iter_mut().filter_map(|c| c.peek().map(|e| e.0)).min() {
        locals.clear();
        for (part, cursor) in cursors.iter_mut().enumerate() {
            if let Some((t, postings)) = cursor.peek()
                && t == token
            {
                let map = &renumber[part];
                locals.extend(postings.locals().iter().filter_map(|&n| map.get(n as usize).copied().flatten()));
                cursor.at += 1;
            }
        }
        locals.sort_unstable();
        locals.dedup();
        encoder.push(token, &locals);
    }
    encoder.finish(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(b: &Built) -> Segment {
        Segment {
            docs: b.doc_chunks.iter().flat_map(|c| doc_ids(c)).collect(),
            chunks: b.chunks.iter().map(|c| c.1.clone()).collect(),
        }
    }

    /// Every (token, id) pair a segment holds, by reading it back.
    fn pairs(b: &Built) -> Vec<(u32, u64)> {
        let s = stored(b);
        let mut out = Vec::new();
        for chunk in &s.chunks {
            for (t, p) in entries(chunk) {
                out.extend(p.locals().iter().map(|&n| (t, s.docs[n as usize])));
            }
        }
        out.sort_unstable();
        out
    }

    fn sample(n: u64, seed: u64) -> Vec<(u64, Vec<u32>)> {
        let mut x = seed;
        (0..n)
            .map(|i| {
                let mut tokens: Vec<u32> = (0..40)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        // Common tokens (0..8) and a long tail.
                        u32::try_from(if x.is_multiple_of(3) { x % 8 } else { x % 5_000 }).unwrap()
                    })
                    .collect();
                tokens.sort_unstable();
                tokens.dedup();
                ((i * 7 + 3) << 16, tokens)
            })
            .collect()
    }

    fn expected(docs: &[(u64, Vec<u32>)]) -> Vec<(u32, u64)> {
        let mut out: Vec<(u32, u64)> = docs.iter().flat_map(|(id, ts)| ts.iter().map(move |&t| (t, *id))).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn a_segment_reads_back_what_it_was_built_from() {
        let docs = sample(700, 9);
        let built = build(docs.clone());
        assert_eq!(pairs(&built), expected(&docs));
        assert_eq!(built.doc_chunks.len(), 2, "700 ids in chunks of 512");
        assert!(built.chunks.iter().all(|(_, c)| c.len() < CHUNK_TARGET + 1_100));
        // find() reaches every token through the chunk its first token says.
        for (t, id) in expected(&docs).into_iter().step_by(97) {
            let i = built.chunks.partition_point(|(first, _)| *first <= t) - 1;
            let locals = find(&built.chunks[i].1, t).expect("token found").locals();
            assert!(locals.iter().any(|&n| built.docs[n as usize] == id));
        }
        assert!(find(&built.chunks[0].1, 4_999_999).is_none());
    }

    #[test]
    fn merging_keeps_every_pair_of_the_entries_kept() {
        let docs = sample(300, 4);
        let parts: Vec<Built> = docs.chunks(64).map(|c| build(c.to_vec())).collect();
        let stored: Vec<Segment> = parts.iter().map(stored).collect();
        let gone = |id: u64| (id >> 16).is_multiple_of(5);
        let merged = merge(&stored, |id| !gone(id));
        let kept: Vec<(u64, Vec<u32>)> = docs.into_iter().filter(|d| !gone(d.0)).collect();
        assert_eq!(pairs(&merged), expected(&kept));
        assert_eq!(merged.docs.len(), kept.len());
        assert_eq!(merge(&stored, |_| false), Built::default());
    }

    #[test]
    fn postings_take_the_shorter_form() {
        // A token every entry holds is a bitmap: 64 entries in 8 bytes.
        let docs: Vec<(u64, Vec<u32>)> = (0..64).map(|i| (i, vec![1])).collect();
        let built = build(docs);
        assert_eq!(built.chunks[0].1.len(), 4 + 1 + 8);
        let gaps = intersect(&[1, 3, 5, 9], &[0, 3, 4, 9, 10]);
        assert_eq!(gaps, [3, 9]);
    }
}
