//! Certificates for SMTP STARTTLS and HTTPS: an auto-provisioned local CA
//! (rcgen) or operator-supplied files. One rustls config serves both.

pub mod acme;
mod challenges;
pub(crate) mod disk;
mod inspect;
mod local_ca;

pub use challenges::{ACME_TLS_ALPN, Challenges, HTTP01_PREFIX};

pub use inspect::{certificate_expiry, check_files};
pub use local_ca::{AutoPaths, ca_pem, wanted_names};
use local_ca::{ensure_auto, issue_server_cert};

use std::fs;
use std::path::Path;
use std::sync::{Arc, RwLock};

use rustls::crypto::CryptoProvider;
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::config::{Config, TlsMode};

pub(crate) const DAY: i64 = 86_400;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("tls: cannot read {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("tls: cannot write {path}: {detail}")]
    Write { path: String, detail: String },
    #[error("tls: {path} holds no usable certificate or key: {detail}")]
    Invalid { path: String, detail: String },
    #[error("tls: the key in {key} does not belong to the certificate in {cert}")]
    Mismatch { cert: String, key: String },
    #[error("tls: certificate generation failed: {0}")]
    Generate(String),
}

/// Hands out the current certificate; renewal swaps it without a restart.
/// A TLS-ALPN-01 validation (ALPN `acme-tls/1`) gets its challenge certificate.
#[derive(Debug)]
pub struct CertStore {
    current: RwLock<Arc<CertifiedKey>>,
    challenges: Arc<Challenges>,
}

impl ResolvesServerCert for CertStore {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let validating = hello.alpn().is_some_and(|mut protocols| protocols.any(|p| p == ACME_TLS_ALPN));
        if validating {
            return self.challenges.alpn_cert(hello.server_name()?);
        }
        Some(Arc::clone(&self.current.read().expect("cert lock")))
    }
}

/// The TLS side of the server: a rustls config plus what renewal needs.
pub struct Tls {
    pub server_config: Arc<rustls::ServerConfig>,
    store: Arc<CertStore>,
    /// Open ACME challenges, answered by the listeners.
    pub challenges: Arc<Challenges>,
    acme: bool,
}

pub(crate) fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

impl Tls {
    /// Loads or provisions certificates according to `tls.mode`.
    pub fn load(config: &Config) -> Result<Self, TlsError> {
        let key = current_key(config)?;
        let challenges = Arc::new(Challenges::default());
        let store = Arc::new(CertStore {
            current: RwLock::new(Arc::new(key)),
            challenges: Arc::clone(&challenges),
        });
        let server_config = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| TlsError::Generate(e.to_string()))?
            .with_no_client_auth()
            .with_cert_resolver(Arc::clone(&store) as Arc<dyn ResolvesServerCert>);
        Ok(Self {
            server_config: Arc::new(server_config),
            store,
            challenges,
            acme: config.tls.mode == TlsMode::Acme,
        })
    }

    /// Re-checks the certificate (renewing an auto one that is due) and swaps it in.
    pub fn refresh(&self, config: &Config) -> Result<(), TlsError> {
        self.install(current_key(config)?);
        Ok(())
    }

    /// Serves `key` from now on (a refreshed certificate, or an ACME one just issued).
    pub fn install(&self, key: CertifiedKey) {
        *self.store.current.write().expect("cert lock") = Arc::new(key);
    }

    /// A config for HTTPS: same certificates, ALPN for HTTP/1.1 (and
    /// `acme-tls/1` for TLS-ALPN-01 validations in ACME mode).
    pub fn https_config(&self) -> Arc<rustls::ServerConfig> {
        let mut c = (*self.server_config).clone();
        c.alpn_protocols = vec![b"http/1.1".to_vec()];
        if self.acme {
            c.alpn_protocols.push(ACME_TLS_ALPN.to_vec());
        }
        Arc::new(c)
    }
}

fn current_key(config: &Config) -> Result<CertifiedKey, TlsError> {
    match config.tls.mode {
        TlsMode::Files => load_pair(&config.tls.cert_file, &config.tls.key_file),
        TlsMode::Acme => {
            let paths = acme::AcmePaths::new(&config.data_dir);
            match load_pair(&paths.cert, &paths.cert) {
                Ok(key) => Ok(key),
                Err(e) => {
                    // The portal stays up: the local CA's certificate until the CA answers.
                    if paths.cert.exists() {
                        tracing::error!(error = %e, "the stored ACME certificate cannot be used; serving the local CA's until a new one is issued");
                    } else {
                        tracing::warn!("no ACME certificate yet: serving the local CA's (browsers will warn) until one is issued");
                    }
                    auto_key(config)
                }
            }
        }
        TlsMode::Auto => auto_key(config),
    }
}

fn auto_key(config: &Config) -> Result<CertifiedKey, TlsError> {
    let paths = AutoPaths::new(&config.data_dir);
    ensure_auto(config, &paths)?;
    match load_pair(&paths.server_cert, &paths.server_key) {
        // A renewal cut short (power loss between the two renames) leaves a
        // pair that does not match: issue a fresh one rather than refuse to start.
        Err(TlsError::Mismatch { .. } | TlsError::Invalid { .. }) => {
            tracing::warn!("stored server certificate and key do not match; issuing a new pair");
            issue_server_cert(config, &paths, &wanted_names(config))?;
            load_pair(&paths.server_cert, &paths.server_key)
        }
        other => other,
    }
}

pub(crate) fn load_pair(cert: &Path, key: &Path) -> Result<CertifiedKey, TlsError> {
    let read_err = |p: &Path, e: &dyn std::fmt::Display| TlsError::Read {
        path: p.display().to_string(),
        detail: e.to_string(),
    };
    let bytes = fs::read(cert).map_err(|e| read_err(cert, &e))?;
    let chain: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(&bytes)
            .collect::<Result<_, _>>()
            .map_err(|e| TlsError::Invalid {
                path: cert.display().to_string(),
                detail: e.to_string(),
            })?;
    if chain.is_empty() {
        return Err(TlsError::Invalid {
            path: cert.display().to_string(),
            detail: "no CERTIFICATE block".into(),
        });
    }
    let key_bytes = fs::read(key).map_err(|e| read_err(key, &e))?;
    let private = PrivateKeyDer::from_pem_slice(&key_bytes).map_err(|e| TlsError::Invalid {
        path: key.display().to_string(),
        detail: e.to_string(),
    })?;
    CertifiedKey::from_der(chain, private, &provider()).map_err(|e| match e {
        rustls::Error::InconsistentKeys(_) => TlsError::Mismatch {
            cert: cert.display().to_string(),
            key: key.display().to_string(),
        },
        other => TlsError::Invalid {
            path: key.display().to_string(),
            detail: other.to_string(),
        },
    })
}
