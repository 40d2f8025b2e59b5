//! How many HTTPS connections may be open: in total and per client address.
//! A connection over either cap is closed as soon as it is accepted, so idle
//! connections from strangers cannot take the descriptors SMTP intake and the
//! vault need. The total cap is also kept within the process's open-file
//! limit, after what SMTP and the rest of the appliance may need is set aside.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Descriptors set aside for everything but the two listeners' connections:
/// the vault, spool and upload files, outbox connections (8 pooled, 32 direct
/// deliveries), DNS, the control socket, the metrics listener, TLS files.
pub const RESERVED_DESCRIPTORS: u64 = 128;

pub struct Connections {
    max_total: usize,
    max_per_client: usize,
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

impl Connections {
    /// `open_files`: the process's open-file limit; `smtp_connections`: what SMTP may hold.
    pub fn new(max_total: u32, max_per_client: u32, open_files: u64, smtp_connections: u32) -> Self {
        let fits = open_files.saturating_sub(RESERVED_DESCRIPTORS + u64::from(smtp_connections));
        let max_total = u64::from(max_total).min(fits).max(1);
        Self {
            max_total: usize::try_from(max_total).unwrap_or(usize::MAX),
            max_per_client: usize::try_from(max_per_client).unwrap_or(usize::MAX),
            open: Mutex::new(HashMap::new()),
        }
    }

    pub fn max_total(&self) -> usize {
        self.max_total
    }

    /// A place for a new connection from `ip`, unless a cap is reached.
    pub fn admit(&self, ip: IpAddr) -> Result<Place<'_>, Full> {
        let mut open = self.open.lock().expect("connections lock");
        let total: usize = open.values().sum();
        if total >= self.max_total {
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
    fn caps_per_client_and_in_total_within_the_descriptor_budget() {
        let c = Connections::new(10, 3, 10_000, 200);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let places: Vec<_> = (0..3).map(|_| c.admit(a).unwrap()).collect();
        assert_eq!(c.admit(a).err(), Some(Full::Client));
        drop(places);
        assert!(c.admit(a).is_ok(), "places come back");
        let held: Vec<_> = (1..=10u8).map(|i| c.admit(IpAddr::from([198, 51, 100, i])).unwrap()).collect();
        assert_eq!(c.admit(a).err(), Some(Full::Total));
        drop(held);
        let tight = Connections::new(5_000, 64, 1_024, 200);
        assert_eq!(tight.max_total(), 1_024 - 128 - 200, "kept within the open-file limit");
    }
}
