//! The relay: where everything outbound goes (usually the organisation's mail server).

use std::sync::Arc;
use std::time::Duration;

use super::client::{ClientError, Target};
use super::pool::Pool;
use crate::config::Config;
use crate::net::https::roots;

/// A failed attempt; `permanent` when retrying cannot help.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

impl From<ClientError> for SendError {
    fn from(e: ClientError) -> Self {
        SendError {
            permanent: e.is_permanent(),
            message: e.to_string(),
        }
    }
}

/// The connection pool for `relay.*`; fails on unreadable credentials.
pub fn pool(config: &Config, hostname: &str) -> Result<Arc<Pool>, String> {
    let r = &config.relay;
    let auth = if r.username.is_empty() {
        None
    } else {
        let password =
            std::fs::read_to_string(&r.password_file).map_err(|e| format!("relay.password_file {}: {e}", r.password_file.display()))?;
        Some((r.username.clone(), password.trim_end().to_string()))
    };
    let roots = if r.verify_certificate { Some(Arc::new(roots(None)?)) } else { None };
    let target = Target {
        host: r.host.clone(),
        port: r.port,
        starttls: r.starttls,
        roots,
        auth,
        helo: hostname.to_string(),
        timeout: Duration::from_secs(r.timeout_secs),
        dns_server: config.delivery.dns_server.clone(),
    };
    // An unreachable relay is left alone (rows untouched, none even written)
    // and probed with a bare connection 1, 2, 4, then every 5 s: when it
    // answers again the rows waiting for it go at once (the worker's catch-up),
    // whatever their own retry delays had reached.
    Ok(Arc::new(Pool::new(target, PROBE_FIRST, PROBE_MAX)))
}

/// The first pause after the relay could not be reached, and the longest.
const PROBE_FIRST: Duration = Duration::from_secs(1);
const PROBE_MAX: Duration = Duration::from_secs(5);

/// Refuses addresses that cannot go into an SMTP command unchanged.
pub fn check_addresses(from: &str, to: &[String]) -> Result<(), SendError> {
    for a in std::iter::once(from).chain(to.iter().map(String::as_str)) {
        if a.contains(['\r', '\n', '<', '>']) || a.chars().any(char::is_control) {
            return Err(SendError {
                permanent: true,
                message: format!("unusable address {a:?}"),
            });
        }
    }
    if to.is_empty() {
        return Err(SendError {
            permanent: true,
            message: "no recipient".into(),
        });
    }
    Ok(())
}

/// Sends `bytes` from `from` (empty = null sender) to `to`; Ok holds the relay's reply.
pub async fn send(pool: &Pool, from: &str, to: &[String], bytes: Vec<u8>) -> Result<String, SendError> {
    check_addresses(from, to)?;
    Ok(pool.send(from, to, bytes).await?)
}
