//! Connections to the directory kept open between sign-ins and checks: a
//! TLS handshake (and `StartTLS`) is the costly part of a sign-in, and every
//! use of a connection starts with a bind anyway (the service account, or
//! the user), so a connection is not tied to whom it last spoke for. At
//! most `MOST_IDLE` wait, each for at most `IDLE_FOR`; one that the server
//! closed meanwhile fails its first operation, and the caller tries once
//! more on a new one (`Pooled::reused`).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Conn, LdapError, Target};

/// Connections kept waiting at most.
const MOST_IDLE: usize = 4;
/// How long a connection waits for its next use (well under the idle
/// limits directories set: `OpenLDAP`'s is off by default, AD's 15 minutes).
const IDLE_FOR: Duration = Duration::from_mins(1);

#[derive(Default)]
pub struct Pool {
    idle: Mutex<Vec<(Instant, Conn)>>,
    /// Connections opened so far (for the logs).
    opened: std::sync::atomic::AtomicU64,
}

/// A connection out of the pool, and whether it was used before.
pub struct Pooled {
    pub conn: Conn,
    pub reused: bool,
}

impl Pool {
    /// A waiting connection, or a new one to `target`.
    pub async fn take(&self, target: &Target) -> Result<Pooled, LdapError> {
        let waiting = {
            let mut idle = self.idle.lock().expect("ldap pool");
            idle.retain(|(since, _)| since.elapsed() < IDLE_FOR);
            idle.pop()
        };
        if let Some((_, conn)) = waiting {
            return Ok(Pooled { conn, reused: true });
        }
        self.fresh(target).await
    }

    /// A new connection to `target`, never a waiting one.
    pub async fn fresh(&self, target: &Target) -> Result<Pooled, LdapError> {
        let conn = Conn::open(target).await?;
        let opened = self.opened.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        tracing::debug!(host = %target.host, opened, "new directory connection");
        Ok(Pooled { conn, reused: false })
    }

    /// Gives back a connection whose last operation went through (one that
    /// failed is dropped: its state is not known).
    pub fn give_back(&self, conn: Conn) {
        let mut idle = self.idle.lock().expect("ldap pool");
        if idle.len() < MOST_IDLE {
            idle.push((Instant::now(), conn));
        }
    }
}
