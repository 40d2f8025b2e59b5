//! A change counter per address, kept in memory: every committed write that
//! touches an address's mailbox entries or account moves it on. Pages built
//! from a mailbox can be reused while its counter stands still.

use std::collections::HashMap;
use std::sync::Mutex;

/// Addresses held in memory at most; beyond it the map starts again (every
/// page cached before then is rebuilt once, which is only slower).
const MAX_ADDRESSES: usize = 100_000;

#[derive(Default)]
pub struct Versions {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Address → the batch that last changed it (below 2^63).
    map: HashMap<String, u64>,
    batches: u64,
    /// What an address missing from the map reads as: 0 until the map is
    /// first cleared, then a value (top bit set) no earlier answer had.
    unknown: u64,
}

impl Versions {
    /// Marks `touched` as changed by the batch just committed.
    pub fn bump(&self, touched: Vec<String>) {
        if touched.is_empty() {
            return;
        }
        let mut inner = self.inner.lock().expect("versions lock");
        inner.batches += 1;
        if inner.map.len() + touched.len() > MAX_ADDRESSES {
            inner.map.clear();
            inner.unknown = (1 << 63) | inner.batches;
        }
        let batch = inner.batches;
        for address in touched {
            inner.map.insert(address, batch);
        }
    }

    /// The counter of `address`: the same value means nothing of it changed.
    pub fn of(&self, address: &str) -> u64 {
        let inner = self.inner.lock().expect("versions lock");
        inner.map.get(address).copied().unwrap_or(inner.unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_moves_only_the_addresses_it_touched() {
        let v = Versions::default();
        let (a, b) = (v.of("a@x.test"), v.of("b@x.test"));
        v.bump(vec!["a@x.test".into()]);
        assert_ne!(v.of("a@x.test"), a);
        assert_eq!(v.of("b@x.test"), b);
        let a1 = v.of("a@x.test");
        v.bump(vec!["a@x.test".into()]);
        assert_ne!(v.of("a@x.test"), a1);
    }
}
