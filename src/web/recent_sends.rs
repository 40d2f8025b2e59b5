//! Sends from the portal in the last minute, by author and draft, with a
//! fingerprint of what was posted: a second post of the same form (a double
//! click without script) is answered as the first was — sent — and nothing
//! more goes; a post with other words goes its own way. Kept in memory: a
//! restart forgets them, as it should forget a click.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a send stands for the click that made it.
const WINDOW: Duration = Duration::from_mins(1);
/// Entries kept at most (older ones are dropped first when full).
const MOST: usize = 10_000;

/// (author, draft id) → when it was sent and the fingerprint of what was posted.
type Sent = HashMap<(String, u64), (Instant, [u8; 32])>;

#[derive(Default)]
pub struct RecentSends {
    sent: Mutex<Sent>,
}

impl RecentSends {
    /// `author` sent draft `id` with `fingerprint` just now.
    pub fn record(&self, author: &str, id: u64, fingerprint: [u8; 32]) {
        let mut sent = self.sent.lock().expect("recent sends lock");
        if sent.len() >= MOST {
            sent.retain(|_, (at, _)| at.elapsed() < WINDOW);
        }
        if sent.len() < MOST {
            sent.insert((author.to_string(), id), (Instant::now(), fingerprint));
        }
    }

    /// Whether `author` sent draft `id` with the same `fingerprint` within the minute.
    pub fn same_again(&self, author: &str, id: u64, fingerprint: &[u8; 32]) -> bool {
        let sent = self.sent.lock().expect("recent sends lock");
        sent.get(&(author.to_string(), id))
            .is_some_and(|(at, f)| at.elapsed() < WINDOW && f == fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::RecentSends;

    #[test]
    fn only_the_same_post_by_the_same_author_is_the_same_click() {
        let recent = RecentSends::default();
        recent.record("ann@x.org", 7, [1; 32]);
        assert!(recent.same_again("ann@x.org", 7, &[1; 32]));
        assert!(!recent.same_again("ann@x.org", 7, &[2; 32]), "other words");
        assert!(!recent.same_again("bob@x.org", 7, &[1; 32]), "another author");
        assert!(!recent.same_again("ann@x.org", 8, &[1; 32]), "another draft");
    }
}
