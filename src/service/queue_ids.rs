//! Queue ids: unique, and increasing with time so vault keys append at the
//! right edge of the B-trees (a group commit then touches few pages).

use std::sync::atomic::{AtomicU64, Ordering};

/// Hands out ids `unix_ms << 16 | n`; strictly increasing within a process.
#[derive(Debug, Default)]
pub struct QueueIds {
    last: AtomicU64,
}

impl QueueIds {
    /// Ids strictly greater than `last` (the highest one already stored).
    pub fn starting_after(last: u64) -> Self {
        Self {
            last: AtomicU64::new(last),
        }
    }

    pub fn next(&self) -> u64 {
        let now_ms = u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
        let floor = now_ms << 16;
        let mut last = self.last.load(Ordering::Relaxed);
        loop {
            let next = floor.max(last + 1);
            match self.last.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => return next,
                Err(seen) => last = seen,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::QueueIds;

    #[test]
    fn increasing_and_unique_across_threads() {
        let ids = std::sync::Arc::new(QueueIds::default());
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let ids = std::sync::Arc::clone(&ids);
                std::thread::spawn(move || (0..10_000).map(|_| ids.next()).collect::<Vec<u64>>())
            })
            .collect();
        let mut all = Vec::new();
        for h in handles {
            let v = h.join().unwrap();
            assert!(v.windows(2).all(|w| w[0] < w[1]), "increasing per thread");
            all.extend(v);
        }
        let n = all.len();
        let later = QueueIds::starting_after(u64::MAX / 2);
        assert!(later.next() > u64::MAX / 2, "never below a stored id, whatever the clock says");
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "unique");
    }
}
