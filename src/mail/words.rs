//! The words search matches, and the small filter kept per mailbox entry that
//! says which words a message may contain.
//!
//! A word is a run of letters and digits, lower case, cut to `WORD_MAX`
//! bytes; each character of a script written without spaces (Chinese,
//! Japanese kana and kanji) is a word of its own, so such text is found
//! character by character. A query matches a message when every word of the
//! query is one of the message's words.
//!
//! The filter is a blocked Bloom filter over the message's distinct words:
//! 64-byte blocks, about 16 bits per word; a word's hash picks one block and
//! sets 8 bits in it, so checking a word touches one cache line. A word the
//! message lacks passes about 1 time in 2,000 by the formula (more often when
//! words every message shares cover its bits; 12 bits per word left a p99 of
//! 23-33 ms for a 10,000-message mailbox, 16 bits 7 ms, for 1.3x the bytes). Search reads only the filters of
//! a mailbox and opens a message only when its filter passes every word of
//! the query; the words themselves are then checked exactly.
//!
//! A word's hash is keyed (SipHash-2-4 under a key derived from the master
//! key, `WordKey`): someone holding the disk but not the key cannot test
//! whether a filter holds a word they guess. Filters made before the key
//! (whole blocks, no leading tag byte) are still read, with the old unkeyed
//! hash, until they are rewritten.

use std::collections::HashSet;

/// Longest word, in bytes (longer ones are cut, in messages and queries alike).
pub const WORD_MAX: usize = 100;
/// Bits per distinct word, probes per word, and bytes per block.
const BITS_PER_WORD: usize = 16;
const PROBES: u32 = 8;
const _: () = assert!(PROBES == 8, "probes: 7 positions from the second mix, 1 from the hash");
const BLOCK: usize = 64;
/// A filter of one message has at most this many bytes (texts are cut at 64 KiB).
const FILTER_MAX: usize = 64 * 1024;

/// Characters that each make a word of their own.
fn stands_alone(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x3FFFF) // CJK extensions B and later
}

/// Calls `each` with every word of `text` (which must be lower case already,
/// as search text is), in order, repeats included, until it returns false.
/// No allocation: words are slices of `text`.
pub fn each_word<'t>(text: &'t str, mut each: impl FnMut(&'t str) -> bool) {
    let mut start = None;
    for (at, c) in text.char_indices() {
        let alone = stands_alone(c);
        if c.is_alphanumeric() && !alone {
            start.get_or_insert(at);
            continue;
        }
        if let Some(from) = start.take()
            && !each(cut(&text[from..at]))
        {
            return;
        }
        if alone && !each(&text[at..at + c.len_utf8()]) {
            return;
        }
    }
    if let Some(from) = start {
        each(cut(&text[from..]));
    }
}

/// A word cut to `WORD_MAX` bytes (at a character boundary).
fn cut(word: &str) -> &str {
    let mut end = word.len().min(WORD_MAX);
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// The words of `text` in lower case, in order (repeats included).
pub fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    each_word(&lower, |w| {
        out.push(w.to_string());
        true
    });
    out
}

/// Whether lower-case `text` holds every one of `terms` (at most 64) as a word.
pub fn holds_all(text: &str, terms: &[String]) -> bool {
    // A word of the text is a piece of it: most messages a filter let through
    // by chance fail this (fast, vectorised) check.
    if !terms.iter().all(|t| text.contains(t.as_str())) {
        return false;
    }
    let all = if terms.len() >= 64 { u64::MAX } else { (1u64 << terms.len()) - 1 };
    let mut found = 0u64;
    each_word(text, |w| {
        if let Some(i) = terms.iter().position(|t| t == w) {
            found |= 1 << i.min(63);
        }
        found & all != all
    });
    found & all == all
}

/// The secret a word's hash is keyed with (derived from the master key).
#[derive(Clone)]
pub struct WordKey {
    k0: u64,
    k1: u64,
}

impl WordKey {
    pub fn new(bytes: [u8; 16]) -> Self {
        let (a, b) = bytes.split_at(8);
        Self {
            k0: u64::from_le_bytes(a.try_into().unwrap_or_default()),
            k1: u64::from_le_bytes(b.try_into().unwrap_or_default()),
        }
    }

    /// A word's keyed 64-bit hash (SipHash-2-4, a keyed pseudo-random function).
    pub fn hash(&self, word: &str) -> u64 {
        use std::hash::Hasher as _;
        let mut h = siphasher::sip::SipHasher24::new_with_keys(self.k0, self.k1);
        h.write(word.as_bytes());
        h.finish()
    }
}

/// A word's token in the search index (`vault::postings`): the low half of
/// its keyed hash.
pub fn token(key: &WordKey, word: &str) -> u32 {
    u32::try_from(key.hash(word) & u64::from(u32::MAX)).unwrap_or(0)
}

/// The distinct tokens of the words of lower-case `text`, ascending.
pub fn tokens_of(key: &WordKey, text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    each_word(text, |w| {
        out.push(token(key, w));
        true
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// First byte of a filter made with keyed hashes (older filters are whole blocks).
const KEYED: u8 = 1;

/// What a query word is looked for with: its keyed hash (filters made with
/// the key) and its unkeyed one (filters made before).
#[derive(Debug, Clone, Copy)]
pub struct Probe {
    keyed: u64,
    unkeyed: u64,
}

/// The probes of the query words `terms`.
pub fn probes_of(key: &WordKey, terms: &[String]) -> Vec<Probe> {
    terms
        .iter()
        .map(|t| Probe {
            keyed: key.hash(t),
            unkeyed: unkeyed_hash(t),
        })
        .collect()
}

/// A word's unkeyed 64-bit hash (FNV-1a, then fmix64), as filters made before
/// the word key were built: fixed for ever, since such filters are stored.
fn unkeyed_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // FNV's bits are poorly mixed for short, similar words: finish with
    // MurmurHash3's fmix64 so every bit depends on every byte.
    fmix64(h)
}

/// The 64-bit finaliser of `MurmurHash3`.
fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The byte offsets and bit masks a word sets in a filter of `blocks` blocks:
/// all in the one block the hash picks, at positions drawn independently
/// (9 bits each) from a second mix of the hash. (Double hashing, h1 + i*h2,
/// put a word's bits in an arithmetic progression; a few words whose
/// progressions other words' bits covered passed every filter.)
fn probes(hash: u64, blocks: usize) -> impl Iterator<Item = (usize, u8)> {
    // The block from the high half (multiply-shift).
    let block = usize::try_from(((hash >> 32) * blocks as u64) >> 32).unwrap_or(0);
    let more = fmix64(hash.wrapping_add(0x9E37_79B9_7F4A_7C15));
    (0..PROBES).map(move |i| {
        let bit = if i < 7 { (more >> (9 * i)) & 511 } else { hash & 511 };
        let bit = usize::try_from(bit).unwrap_or(0);
        (block * BLOCK + bit / 8, 1u8 << (bit % 8))
    })
}

/// The filter of a message whose searchable text (lower case) is `text`:
/// the tag byte, then the blocks.
pub fn filter_of(key: &WordKey, text: &str) -> Vec<u8> {
    let mut set = HashSet::new();
    each_word(text, |w| {
        set.insert(w);
        true
    });
    let blocks = (set.len() * BITS_PER_WORD).div_ceil(BLOCK * 8).clamp(1, FILTER_MAX / BLOCK);
    let mut filter = vec![0u8; 1 + blocks * BLOCK];
    filter[0] = KEYED;
    for word in &set {
        for (byte, mask) in probes(key.hash(word), blocks) {
            filter[1 + byte] |= mask;
        }
    }
    filter
}

/// Whether a message with this filter may contain every query word of
/// `query` (false means it certainly does not). An empty filter (none kept),
/// or one of no known shape, passes.
pub fn may_contain_all(filter: &[u8], query: &[Probe]) -> bool {
    let (blocks, hashes): (&[u8], Vec<u64>) = match filter.len() % BLOCK {
        1 if filter[0] == KEYED => (&filter[1..], query.iter().map(|p| p.keyed).collect()),
        0 => (filter, query.iter().map(|p| p.unkeyed).collect()),
        _ => return true,
    };
    if blocks.is_empty() {
        return true;
    }
    let count = blocks.len() / BLOCK;
    hashes
        .iter()
        .all(|&h| probes(h, count).all(|(byte, mask)| blocks[byte] & mask != 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits_in_lower_case() {
        assert_eq!(
            words("Re: Invoice #42 from ÅSA@Example.org!"),
            ["re", "invoice", "42", "from", "åsa", "example", "org"]
        );
        assert_eq!(words("見積書の件"), ["見", "積", "書", "の", "件"]);
        assert_eq!(words("--  \n"), Vec::<String>::new());
        let long = "x".repeat(300);
        assert_eq!(words(&long)[0].len(), WORD_MAX);
    }

    #[test]
    fn holds_all_finds_whole_words_only() {
        let text = "re: invoices for bob@example.org 見積";
        let t = |q: &str| words(q);
        assert!(holds_all(text, &t("BOB example")));
        assert!(holds_all(text, &t("見")));
        assert!(!holds_all(text, &t("invoice")), "a word, not a prefix");
        assert!(!holds_all(text, &t("bob elephant")));
        assert!(holds_all(text, &[]));
    }

    fn key() -> WordKey {
        WordKey::new(*b"sixteen byte key")
    }

    fn one(word: &str) -> Vec<Probe> {
        probes_of(&key(), &[word.to_string()])
    }

    #[test]
    fn a_filter_made_under_one_key_tells_nothing_under_another() {
        let text = (0..200).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" ");
        let filter = filter_of(&key(), &text);
        let other = WordKey::new(*b"another 16 bytes");
        let passed = (0..200)
            .filter(|i| may_contain_all(&filter, &probes_of(&other, &[format!("word{i}")])))
            .count();
        assert!(passed < 10, "{passed} of 200 words found without the key");
        assert!((0..200).all(|i| may_contain_all(&filter, &one(&format!("word{i}")))));
    }

    #[test]
    fn filters_made_before_the_key_are_read_with_the_unkeyed_hash() {
        // An unkeyed filter as stored before: whole blocks, bits of unkeyed hashes.
        let mut old = vec![0u8; BLOCK];
        for (byte, mask) in probes(unkeyed_hash("invoice"), 1) {
            old[byte] |= mask;
        }
        assert!(may_contain_all(&old, &one("invoice")));
        assert!(!may_contain_all(&old, &one("elephant")));
    }

    #[test]
    fn filter_passes_every_word_it_holds_and_few_others() {
        let text = (0..500).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" ");
        let filter = filter_of(&key(), &text);
        assert!((0..500).all(|i| may_contain_all(&filter, &one(&format!("word{i}")))));
        let passed = (0..10_000).filter(|i| may_contain_all(&filter, &one(&format!("other{i}")))).count();
        assert!(passed < 100, "false positives {passed} of 10,000");
        // Regression: with double hashing one query word in 400 passed every
        // filter of a mailbox (a 10,000-entry search then took 370 ms).
        // Texts like prose: 100 words every text has, 600 drawn at random.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut draw = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % 30_000
        };
        let texts: Vec<String> = (0..300)
            .map(|_| {
                let common = (0..100).map(|i| format!("c{i}"));
                common.chain((0..600).map(|_| format!("r{}", draw()))).collect::<Vec<_>>().join(" ")
            })
            .collect();
        let filters: Vec<Vec<u8>> = texts.iter().map(|t| filter_of(&key(), t)).collect();
        let worst = (0..400)
            .map(|q| filters.iter().filter(|f| may_contain_all(f, &one(&format!("zzqx{q}")))).count())
            .max()
            .unwrap();
        // (Words every text shares make some query words pass more often than
        // the mean 0.3%: 30 of 300 at worst here.)
        assert!(worst < 60, "a word passed {worst} of 300 filters");
        let short = filter_of(&key(), "one word");
        assert_eq!(short.len(), 1 + BLOCK, "tag and one block at least");
        assert!(may_contain_all(&[], &one("anything")), "no filter kept: always a candidate");
    }
}
