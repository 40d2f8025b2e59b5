//! Rate limits for what a stranger (or a signed-in user) can make us do that
//! costs work or sends mail: at most `max` actions per key in a sliding
//! window. Kept in memory like the sign-in throttle; a restart forgets them.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys kept at most; beyond this, keys with nothing in the window are forgotten
/// (and if every key is busy, new keys are refused rather than memory grown).
const MAX_KEYS: usize = 50_000;

pub struct RateLimit<K> {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<K, VecDeque<Instant>>>,
}

impl<K: Hash + Eq + Clone> RateLimit<K> {
    pub fn new(max: u32, window: Duration) -> Self {
        Self {
            max: usize::try_from(max.max(1)).unwrap_or(usize::MAX),
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one action for `key`; Err(how long until it may act again)
    /// (and not counted) when the key has had `max` actions within the window.
    pub fn check(&self, key: &K) -> Result<(), Duration> {
        let now = Instant::now();
        let mut seen = self.seen.lock().expect("rate lock");
        if !seen.contains_key(key) && seen.len() >= MAX_KEYS {
            seen.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < self.window));
            if seen.len() >= MAX_KEYS {
                return Err(self.window);
            }
        }
        let times = seen.entry(key.clone()).or_default();
        while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.max {
            let oldest = times[times.len() - self.max];
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_max_per_window_per_key() {
        let limit = RateLimit::new(3, Duration::from_millis(200));
        assert_eq!((0..10).filter(|_| limit.check(&"a").is_ok()).count(), 3);
        assert!(
            limit
                .check(&"a")
                .is_err_and(|wait| wait > Duration::ZERO && wait <= Duration::from_millis(200))
        );
        assert!(limit.check(&"b").is_ok(), "another key has its own budget");
        std::thread::sleep(Duration::from_millis(220));
        assert!(limit.check(&"a").is_ok(), "the window moved on");
    }
}
