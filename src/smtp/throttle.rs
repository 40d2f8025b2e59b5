//! Failed SMTP AUTH attempts per client address: after too many within a
//! window, the address gets 421 without a password check until it cools down.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures tolerated within `WINDOW` before AUTH is refused.
const LIMIT: u32 = 5;
const WINDOW: Duration = Duration::from_mins(15);

#[derive(Default)]
pub struct AuthFailures {
    seen: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl AuthFailures {
    pub fn is_throttled(&self, ip: IpAddr) -> bool {
        let mut seen = self.seen.lock().expect("throttle lock");
        match seen.get(&ip) {
            Some((_, last)) if last.elapsed() > WINDOW => {
                seen.remove(&ip);
                false
            }
            Some((count, _)) => *count >= LIMIT,
            None => false,
        }
    }

    /// A success forgets the address; a failure counts (and restarts the window).
    pub fn record(&self, ip: IpAddr, ok: bool) {
        let mut seen = self.seen.lock().expect("throttle lock");
        if ok {
            seen.remove(&ip);
        } else {
            let entry = seen.entry(ip).or_insert((0, Instant::now()));
            entry.0 += 1;
            entry.1 = Instant::now();
        }
        // Bounded memory: drop stale entries when the map grows.
        if seen.len() > 10_000 {
            seen.retain(|_, (_, last)| last.elapsed() <= WINDOW);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_throttle_and_success_resets() {
        let t = AuthFailures::default();
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        for _ in 0..LIMIT {
            assert!(!t.is_throttled(ip));
            t.record(ip, false);
        }
        assert!(t.is_throttled(ip));
        assert!(!t.is_throttled("192.0.2.8".parse().unwrap()), "per address");
        t.record(ip, true);
        assert!(!t.is_throttled(ip));
    }
}
