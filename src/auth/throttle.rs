//! Failed portal sign-ins, counted per address (whether or not an account
//! exists, so a lock reveals nothing) and per client address. Failures slow
//! the answers down; enough of them lock the address for a while, longer at
//! each repeat. Kept in memory: a restart forgets them (events stay).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures are forgotten after this long without another one.
const WINDOW: Duration = Duration::from_mins(15);
/// The first lock; each later lock of the same key doubles, up to `MAX_LOCK`.
const FIRST_LOCK: Duration = Duration::from_mins(15);
const MAX_LOCK: Duration = Duration::from_hours(24);
/// A client address may fail this many times the per-account threshold.
const IP_FACTOR: u32 = 4;
/// A check still counted as in flight after this long is forgotten (its
/// request ended without reporting back, say on a storage error).
const FLIGHT_LIMIT: Duration = Duration::from_mins(1);

#[derive(Clone, Copy)]
struct Entry {
    failures: u32,
    last: Instant,
    locked_until: Option<Instant>,
    locks: u32,
    /// Checks let through and not yet reported as failed or succeeded: they
    /// count against the threshold, so concurrent tries cannot pass it.
    in_flight: u32,
    flight_at: Instant,
    /// Checks made during the current lock, to tell the right password it is
    /// locked (at most the threshold per lock).
    probes: u32,
}

impl Entry {
    fn new() -> Self {
        Self {
            failures: 0,
            last: Instant::now(),
            locked_until: None,
            locks: 0,
            in_flight: 0,
            flight_at: Instant::now(),
            probes: 0,
        }
    }

    /// Failures that still count (they are forgotten after `WINDOW` without another).
    fn recent_failures(&self) -> u32 {
        if self.last.elapsed() <= WINDOW { self.failures } else { 0 }
    }

    fn flights(&mut self) -> u32 {
        if self.flight_at.elapsed() > FLIGHT_LIMIT {
            self.in_flight = 0;
        }
        self.in_flight
    }

    /// Room for one more check under `threshold`, counting those in flight.
    fn has_room(&mut self, threshold: u32) -> bool {
        self.recent_failures() + self.flights() < threshold
    }

    fn take_flight(&mut self) {
        self.flights();
        self.in_flight += 1;
        self.flight_at = Instant::now();
    }

    fn land(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }

    fn locked(&self) -> bool {
        self.locked_until.is_some_and(|t| t > Instant::now())
    }

    fn fail(&mut self, threshold: u32) {
        self.land();
        if self.last.elapsed() > WINDOW && !self.locked() {
            self.failures = 0;
        }
        self.failures += 1;
        self.last = Instant::now();
        if self.failures >= threshold {
            let lock = FIRST_LOCK.saturating_mul(1 << self.locks.min(10)).min(MAX_LOCK);
            self.locked_until = Some(Instant::now() + lock);
            self.locks += 1;
            self.failures = 0;
            self.probes = 0;
        }
    }
}

pub struct SignInThrottle {
    threshold: u32,
    accounts: Mutex<HashMap<String, Entry>>,
    clients: Mutex<HashMap<IpAddr, Entry>>,
}

/// What to do before checking a password.
#[derive(Debug, PartialEq)]
pub enum Gate {
    /// Check it, after waiting this long (grows with recent failures).
    Check(Duration),
    /// Refuse without checking: the address or the client is locked.
    Locked,
    /// As many checks as failures may still be made are running: ask again
    /// when one of them has ended.
    Busy,
}

impl SignInThrottle {
    pub fn new(threshold: u32) -> Self {
        Self {
            threshold: threshold.max(1),
            accounts: Mutex::new(HashMap::new()),
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a check may run now. `Check` counts the check as in flight
    /// until `failed` or `succeeded` reports how it ended.
    pub fn gate(&self, address: &str, ip: IpAddr) -> Gate {
        let mut accounts = self.accounts.lock().expect("throttle lock");
        let mut clients = self.clients.lock().expect("throttle lock");
        if accounts.get(address).is_some_and(Entry::locked) || clients.get(&ip).is_some_and(Entry::locked) {
            return Gate::Locked;
        }
        let account = accounts.entry(address.to_string()).or_insert_with(Entry::new);
        let recent = account.recent_failures();
        if !account.has_room(self.threshold) {
            return Gate::Busy;
        }
        let client = clients.entry(ip).or_insert_with(Entry::new);
        if !client.has_room(self.threshold * IP_FACTOR) {
            return Gate::Busy;
        }
        client.take_flight();
        accounts.get_mut(address).expect("just inserted").take_flight();
        forget_quiet(&mut accounts);
        forget_quiet(&mut clients);
        // 0, 0, then 250 ms doubling up to 4 s.
        let delay = match recent {
            0 | 1 => Duration::ZERO,
            n => Duration::from_millis(250 << (n - 2).min(4)),
        };
        Gate::Check(delay)
    }

    /// True when this failure locked the address.
    pub fn failed(&self, address: &str, ip: IpAddr) -> bool {
        let mut accounts = self.accounts.lock().expect("throttle lock");
        let entry = accounts.entry(address.to_string()).or_insert_with(Entry::new);
        entry.fail(self.threshold);
        let locked = entry.locked();
        let mut clients = self.clients.lock().expect("throttle lock");
        clients.entry(ip).or_insert_with(Entry::new).fail(self.threshold * IP_FACTOR);
        forget_quiet(&mut accounts);
        forget_quiet(&mut clients);
        locked
    }

    /// While `address` (not the client) is locked: whether one more password
    /// check may be made to tell the right password that it is locked, and
    /// how long the lock still lasts. At most `threshold` such checks per
    /// lock, so the lock still bounds guessing (to twice the normal rate).
    pub fn probe(&self, address: &str, ip: IpAddr) -> Option<Duration> {
        if self.clients.lock().expect("throttle lock").get(&ip).is_some_and(Entry::locked) {
            return None;
        }
        let mut accounts = self.accounts.lock().expect("throttle lock");
        let entry = accounts.get_mut(address).filter(|e| e.locked())?;
        if entry.probes >= self.threshold {
            return None;
        }
        entry.probes += 1;
        entry.locked_until.map(|t| t.saturating_duration_since(Instant::now()))
    }

    /// Whether `address` is locked out right now.
    pub fn is_locked(&self, address: &str) -> bool {
        self.accounts.lock().expect("throttle lock").get(address).is_some_and(Entry::locked)
    }

    /// An admin lifts the lock of `address` and forgets its failures and lock history.
    pub fn unlock(&self, address: &str) {
        self.accounts.lock().expect("throttle lock").remove(address);
    }

    /// A check that could not decide (the directory unavailable, or the
    /// right password of a user it does not let in): its turn ends, and
    /// nothing is counted either way.
    pub fn released(&self, address: &str, ip: IpAddr) {
        if let Some(e) = self.accounts.lock().expect("throttle lock").get_mut(address) {
            e.land();
        }
        if let Some(e) = self.clients.lock().expect("throttle lock").get_mut(&ip) {
            e.land();
        }
    }

    /// A success clears the address's failures (its lock history stays).
    pub fn succeeded(&self, address: &str, ip: IpAddr) {
        if let Some(e) = self.accounts.lock().expect("throttle lock").get_mut(address) {
            e.failures = 0;
            e.land();
        }
        if let Some(e) = self.clients.lock().expect("throttle lock").get_mut(&ip) {
            e.land();
        }
    }
}

/// Bounded memory: forgets quiet, unlocked entries with nothing in flight when a map grows.
fn forget_quiet<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Entry>) {
    if map.len() > 50_000 {
        map.retain(|_, e| e.locked() || e.last.elapsed() <= WINDOW || e.flights() > 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_slow_down_then_lock_unknown_and_known_alike() {
        let t = SignInThrottle::new(5);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(t.gate("a@x.test", ip), Gate::Check(Duration::ZERO));
        for i in 0..4 {
            assert!(!t.failed("a@x.test", ip), "failure {i} does not lock yet");
        }
        assert_eq!(t.gate("a@x.test", ip), Gate::Check(Duration::from_secs(1)));
        assert!(t.failed("a@x.test", ip));
        assert_eq!(t.gate("a@x.test", ip), Gate::Locked);
        // Another address from another client is unaffected.
        assert_eq!(t.gate("b@x.test", "192.0.2.2".parse().unwrap()), Gate::Check(Duration::ZERO));
    }

    #[test]
    fn a_locked_address_gets_at_most_threshold_probes_per_lock() {
        let t = SignInThrottle::new(3);
        let ip: IpAddr = "192.0.2.9".parse().unwrap();
        assert_eq!(t.probe("a@x.test", ip), None, "not locked: no probe");
        for _ in 0..3 {
            t.failed("a@x.test", ip);
        }
        let left: Vec<bool> = (0..5)
            .map(|_| t.probe("a@x.test", ip).is_some_and(|d| d > Duration::from_mins(14)))
            .collect();
        assert_eq!(left, [true, true, true, false, false]);
    }

    #[test]
    fn concurrent_checks_cannot_pass_the_threshold() {
        let t = SignInThrottle::new(5);
        let ip: IpAddr = "192.0.2.3".parse().unwrap();
        let let_through = (0..40).filter(|_| matches!(t.gate("a@x.test", ip), Gate::Check(_))).count();
        assert_eq!(let_through, 5, "only as many checks as failures may still be made");
        assert_eq!(t.gate("a@x.test", ip), Gate::Busy);
        t.succeeded("a@x.test", ip);
        assert!(matches!(t.gate("a@x.test", ip), Gate::Check(_)), "a finished check makes room");
        for _ in 0..5 {
            t.failed("a@x.test", ip);
        }
        assert_eq!(t.gate("a@x.test", ip), Gate::Locked);
    }

    #[test]
    fn an_unlock_lifts_the_lock_of_that_address() {
        let t = SignInThrottle::new(2);
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        t.failed("a@x.test", ip);
        t.failed("a@x.test", ip);
        assert!(t.is_locked("a@x.test"));
        t.unlock("a@x.test");
        assert!(!t.is_locked("a@x.test"));
        assert_eq!(t.gate("a@x.test", ip), Gate::Check(Duration::ZERO));
    }

    #[test]
    fn one_client_trying_many_addresses_is_locked() {
        let t = SignInThrottle::new(3);
        let ip: IpAddr = "198.51.100.9".parse().unwrap();
        for i in 0..12 {
            t.failed(&format!("u{i}@x.test"), ip);
        }
        assert_eq!(t.gate("fresh@x.test", ip), Gate::Locked);
        assert_eq!(
            t.gate("fresh@x.test", "198.51.100.10".parse().unwrap()),
            Gate::Check(Duration::ZERO)
        );
    }
}
