//! Challenges given to browsers for passkey ceremonies, kept in memory: 32
//! random bytes, one per browser and purpose (a new one replaces the old),
//! bound to that browser (the hash of its session cookie, or before sign-in
//! of its sign-in form cookie), used once, `portal.passkey_timeout_secs` at most. Bounded in
//! all and per client address; a restart forgets them (the browser asks again).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Challenges kept at most, and from one client address.
const MOST: usize = 10_000;
const MOST_PER_CLIENT: usize = 20;

/// What a challenge is for: it answers nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    Enrol,
    SignIn,
    AdminEnrol,
    AdminSignIn,
}

struct Pending {
    challenge: [u8; 32],
    started: Instant,
    client: IpAddr,
}

pub struct Challenges {
    pending: Mutex<HashMap<(Purpose, String), Pending>>,
    /// How long a browser has to answer.
    life: Duration,
}

/// Too many challenges are waiting (in all, or from this client).
#[derive(Debug, thiserror::Error)]
#[error("too many passkey requests under way")]
pub struct Busy;

impl Challenges {
    pub fn new(life: Duration) -> Self {
        Self {
            pending: Mutex::default(),
            life,
        }
    }

    /// A new challenge for the browser `binding` names, replacing its last one for `purpose`.
    pub fn give(&self, binding: &str, purpose: Purpose, client: IpAddr) -> Result<[u8; 32], Busy> {
        let mut challenge = [0u8; 32];
        getrandom::getrandom(&mut challenge).expect("the system's random source");
        let mut pending = self.pending.lock().expect("passkey challenges");
        let key = (purpose, binding.to_string());
        pending.remove(&key);
        let full = |p: &HashMap<(Purpose, String), Pending>| {
            p.len() >= MOST || p.values().filter(|c| c.client == client).count() >= MOST_PER_CLIENT
        };
        if full(&pending) {
            pending.retain(|_, c| c.started.elapsed() < self.life);
        }
        if full(&pending) {
            return Err(Busy);
        }
        let started = Instant::now();
        pending.insert(
            key,
            Pending {
                challenge,
                started,
                client,
            },
        );
        Ok(challenge)
    }

    /// The browser's challenge for `purpose`, used up; None when it has none
    /// (never asked, used already, replaced) or it is older than its life.
    pub fn take(&self, binding: &str, purpose: Purpose) -> Option<[u8; 32]> {
        let mut pending = self.pending.lock().expect("passkey challenges");
        let found = pending.remove(&(purpose, binding.to_string()))?;
        (found.started.elapsed() < self.life).then_some(found.challenge)
    }
}

#[cfg(test)]
mod tests {
    use super::{Challenges, Purpose};

    #[test]
    fn a_challenge_answers_once_its_own_purpose_from_its_own_browser() {
        let c = Challenges::new(std::time::Duration::from_mins(5));
        let ip = "192.0.2.1".parse().unwrap();
        let given = c.give("browser-a", Purpose::SignIn, ip).unwrap();
        assert_eq!(c.take("browser-b", Purpose::SignIn), None);
        assert_eq!(c.take("browser-a", Purpose::Enrol), None);
        assert_eq!(c.take("browser-a", Purpose::SignIn), Some(given));
        assert_eq!(c.take("browser-a", Purpose::SignIn), None, "used once");
        let first = c.give("browser-a", Purpose::SignIn, ip).unwrap();
        let second = c.give("browser-a", Purpose::SignIn, ip).unwrap();
        assert_ne!(first, second);
        assert_eq!(c.take("browser-a", Purpose::SignIn), Some(second), "a new one replaces the old");
    }

    #[test]
    fn one_client_cannot_hold_more_than_its_share() {
        let c = Challenges::new(std::time::Duration::from_mins(5));
        let ip = "192.0.2.1".parse().unwrap();
        for n in 0..20 {
            c.give(&format!("b{n}"), Purpose::SignIn, ip).unwrap();
        }
        assert!(c.give("b20", Purpose::SignIn, ip).is_err());
        assert!(c.give("b20", Purpose::SignIn, "192.0.2.2".parse().unwrap()).is_ok());
    }
}
