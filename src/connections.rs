//! How many connections a listener may hold: in total, per client address,
//! and with the last few places kept for trusted clients. A connection over a
//! cap is turned away as soon as it is accepted, so idle connections from
//! strangers cannot take the places (and descriptors) others need. SMTP intake
//! and the HTTPS listener each keep one.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

pub struct Connections {
    max_total: usize,
    max_per_client: usize,
    /// Of `max_total`, the places only trusted clients may take.
    reserved_for_trusted: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// Holds one connection's place; gives it back when dropped.
pub struct Place<'a> {
    connections: &'a Connections,
    ip: IpAddr,
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        let mut open = self.connections.open.lock().expect("connections lock");
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Why a connection was turned away.
#[derive(Debug, PartialEq, Eq)]
pub enum Full {
    Total,
    Client,
}

fn count(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl Connections {
    pub fn new(max_total: u32, max_per_client: u32, reserved_for_trusted: u32) -> Self {
        Self {
            max_total: count(max_total.max(1)),
            max_per_client: count(max_per_client),
            reserved_for_trusted: count(reserved_for_trusted),
            open: Mutex::new(HashMap::new()),
        }
    }

    pub fn max_total(&self) -> usize {
        self.max_total
    }

    /// Connections open right now.
    pub fn open(&self) -> usize {
        self.open.lock().expect("connections lock").values().sum()
    }

    /// A place for a new connection from `ip`, unless a cap is reached.
    pub fn admit(&self, ip: IpAddr, trusted: bool) -> Result<Place<'_>, Full> {
        let mut open = self.open.lock().expect("connections lock");
        let total: usize = open.values().sum();
        let open_to_all = self.max_total.saturating_sub(self.reserved_for_trusted);
        if total >= self.max_total || (!trusted && total >= open_to_all) {
            return Err(Full::Total);
        }
        let mine = open.entry(ip).or_insert(0);
        if *mine >= self.max_per_client {
            return Err(Full::Client);
        }
        *mine += 1;
        Ok(Place { connections: self, ip })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_per_client_in_total_and_places_kept_for_the_trusted() {
        let c = Connections::new(10, 3, 2);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let places: Vec<_> = (0..3).map(|_| c.admit(a, false).unwrap()).collect();
        assert_eq!(c.admit(a, false).err(), Some(Full::Client));
        drop(places);
        assert!(c.admit(a, false).is_ok(), "places come back");
        let held: Vec<_> = (1..=8u8)
            .map(|i| c.admit(IpAddr::from([198, 51, 100, i]), false).unwrap())
            .collect();
        assert_eq!(c.open(), 8);
        assert_eq!(c.admit(a, false).err(), Some(Full::Total), "the last two are kept");
        let trusted: Vec<_> = (0..2).map(|_| c.admit(a, true).unwrap()).collect();
        assert_eq!(c.admit(a, true).err(), Some(Full::Total));
        drop((held, trusted));
        assert_eq!(c.open(), 0);
    }
}
