//! A small LDAP client for signing internal users in against the
//! organisation's directory (`OpenLDAP`, Active Directory, Samba AD): simple
//! bind and search over `LDAPS` or `StartTLS`. Our own, on smol and rustls
//! (ring): the LDAP client crates need tokio or bring a second crypto stack,
//! and the part of LDAP used here — five operations — is small enough to
//! read whole and to fuzz.

pub mod ber;
mod conn;
pub mod filter;
mod pool;

use std::sync::Arc;
use std::time::Duration;

pub use conn::{Conn, decode_answers};
pub use pool::Pool;

/// The result code of a wrong password (or a DN that does not exist).
pub const INVALID_CREDENTIALS: i64 = 49;

/// Where the directory is and how to speak to it.
#[derive(Clone)]
pub struct Target {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Whom to trust (public roots plus the configured CA).
    pub tls: Arc<rustls::ClientConfig>,
    /// For connecting, and for each operation.
    pub timeout: Duration,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (`ldaps://`, port 636).
    Ldaps,
    /// Plain, then the `StartTLS` operation before anything else (`ldap://`, port 389).
    StartTls,
    /// No TLS at all: only for a test server on loopback, when configured.
    Plain,
}

/// How far below its base a search looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The base entry only.
    Base,
    /// The base and everything under it.
    Subtree,
}

/// One entry a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub dn: String,
    pub attributes: Vec<(String, Vec<Vec<u8>>)>,
}

impl Entry {
    /// The values of attribute `name` (any case) as text.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.attributes
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .flat_map(|(_, vs)| vs.iter().map(|v| String::from_utf8_lossy(v).into_owned()))
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LdapError {
    #[error("cannot reach the directory: {0}")]
    Unreachable(String),
    #[error("the directory did not answer in time")]
    Timeout,
    #[error("TLS with the directory failed: {0}")]
    Tls(String),
    /// The server refused: a result code and its message.
    #[error("the directory answered {code}: {message}")]
    Result { code: i64, message: String },
    #[error("the directory sent something unreadable: {0}")]
    Protocol(String),
}

impl From<ber::BerError> for LdapError {
    fn from(e: ber::BerError) -> Self {
        Self::Protocol(e.to_string())
    }
}

impl LdapError {
    /// The credentials were wrong (not: the directory is unwell).
    pub fn is_refusal(&self) -> bool {
        matches!(self, Self::Result { code, .. } if *code == INVALID_CREDENTIALS)
    }
}

/// Trust for a directory: the public roots plus the CA certificates in the
/// PEM file `ca_file` (none when empty), ring only.
pub fn tls_config(roots: Arc<rustls::RootCertStore>) -> Result<Arc<rustls::ClientConfig>, String> {
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}
