//! Answers to ACME challenges while an order is open: HTTP-01 key
//! authorizations for the plain-HTTP listener, TLS-ALPN-01 certificates
//! (RFC 8737) for the HTTPS listener.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use rustls::sign::CertifiedKey;

/// The ALPN protocol of a TLS-ALPN-01 validation.
pub const ACME_TLS_ALPN: &[u8] = b"acme-tls/1";
/// Path prefix of HTTP-01 validations.
pub const HTTP01_PREFIX: &str = "/.well-known/acme-challenge/";

#[derive(Default, Debug)]
pub struct Challenges {
    http: RwLock<HashMap<String, String>>,
    alpn: RwLock<HashMap<String, Arc<CertifiedKey>>>,
}

impl Challenges {
    /// The key authorization to answer for `token` (HTTP-01).
    pub fn http_answer(&self, token: &str) -> Option<String> {
        self.http.read().expect("challenges").get(token).cloned()
    }

    /// The validation certificate for `name` (TLS-ALPN-01).
    pub fn alpn_cert(&self, name: &str) -> Option<Arc<CertifiedKey>> {
        self.alpn.read().expect("challenges").get(&name.to_ascii_lowercase()).cloned()
    }

    pub fn put_http(&self, token: &str, key_authorization: &str) {
        self.http
            .write()
            .expect("challenges")
            .insert(token.to_string(), key_authorization.to_string());
    }

    pub fn put_alpn(&self, name: &str, cert: Arc<CertifiedKey>) {
        self.alpn.write().expect("challenges").insert(name.to_ascii_lowercase(), cert);
    }

    /// Forgets every answer (the order is finished, one way or the other).
    pub fn clear(&self) {
        self.http.write().expect("challenges").clear();
        self.alpn.write().expect("challenges").clear();
    }
}
