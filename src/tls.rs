//! Certificates for SMTP STARTTLS and HTTPS: an auto-provisioned local CA
//! (rcgen) or operator-supplied files. One rustls config serves both.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::crypto::CryptoProvider;
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::config::{Config, TlsMode};

const DAY: i64 = 86_400;
const CA_VALIDITY_DAYS: i64 = 3650;

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
#[derive(Debug)]
pub struct CertStore {
    current: RwLock<Arc<CertifiedKey>>,
}

impl ResolvesServerCert for CertStore {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(Arc::clone(&self.current.read().expect("cert lock")))
    }
}

/// The TLS side of the server: a rustls config plus what renewal needs.
pub struct Tls {
    pub server_config: Arc<rustls::ServerConfig>,
    store: Arc<CertStore>,
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

impl Tls {
    /// Loads or provisions certificates according to `tls.mode`.
    pub fn load(config: &Config) -> Result<Self, TlsError> {
        let key = current_key(config)?;
        let store = Arc::new(CertStore {
            current: RwLock::new(Arc::new(key)),
        });
        let server_config = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| TlsError::Generate(e.to_string()))?
            .with_no_client_auth()
            .with_cert_resolver(Arc::clone(&store) as Arc<dyn ResolvesServerCert>);
        Ok(Self {
            server_config: Arc::new(server_config),
            store,
        })
    }

    /// Re-checks the certificate (renewing an auto one that is due) and swaps it in.
    pub fn refresh(&self, config: &Config) -> Result<(), TlsError> {
        let key = current_key(config)?;
        *self.store.current.write().expect("cert lock") = Arc::new(key);
        Ok(())
    }

    /// A config for HTTPS: same certificates, ALPN for HTTP/1.1.
    pub fn https_config(&self) -> Arc<rustls::ServerConfig> {
        let mut c = (*self.server_config).clone();
        c.alpn_protocols = vec![b"http/1.1".to_vec()];
        Arc::new(c)
    }
}

fn current_key(config: &Config) -> Result<CertifiedKey, TlsError> {
    match config.tls.mode {
        TlsMode::Files => load_pair(&config.tls.cert_file, &config.tls.key_file),
        TlsMode::Auto => {
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
    }
}

fn load_pair(cert: &Path, key: &Path) -> Result<CertifiedKey, TlsError> {
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

/// File locations of the auto mode, under `<data_dir>/tls/`.
pub struct AutoPaths {
    pub dir: PathBuf,
    pub ca_cert: PathBuf,
    pub ca_key: PathBuf,
    pub server_cert: PathBuf,
    pub server_key: PathBuf,
}

impl AutoPaths {
    pub fn new(data_dir: &Path) -> Self {
        let dir = data_dir.join("tls");
        Self {
            ca_cert: dir.join("ca.pem"),
            ca_key: dir.join("ca-key.pem"),
            server_cert: dir.join("server.pem"),
            server_key: dir.join("server-key.pem"),
            dir,
        }
    }
}

/// Names the auto certificate must cover.
pub fn wanted_names(config: &Config) -> Vec<String> {
    let mut names = vec![
        config.effective_hostname(),
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "::1".to_string(),
    ];
    for n in &config.tls.names {
        if !names.iter().any(|m| m.eq_ignore_ascii_case(n)) {
            names.push(n.clone());
        }
    }
    names.dedup();
    names
}

fn ensure_auto(config: &Config, paths: &AutoPaths) -> Result<(), TlsError> {
    fs::create_dir_all(&paths.dir).map_err(|e| TlsError::Write {
        path: paths.dir.display().to_string(),
        detail: e.to_string(),
    })?;
    let _ = fs::set_permissions(&paths.dir, fs::Permissions::from_mode(0o700));
    if !paths.ca_cert.exists() || !paths.ca_key.exists() {
        create_ca(config, paths)?;
        tracing::info!(path = %paths.ca_cert.display(), "created local certificate authority");
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let names = wanted_names(config);
    let reason = match inspect(&paths.server_cert) {
        None => Some("no server certificate yet".to_string()),
        Some((not_after, _)) if not_after - now < i64::from(config.tls.renew_before_days) * DAY => {
            Some(format!("server certificate expires at unix {not_after}"))
        }
        Some((_, have)) if !names.iter().all(|n| have.iter().any(|h| h.eq_ignore_ascii_case(n))) => Some("host names changed".to_string()),
        Some(_) if !paths.server_key.exists() => Some("server key missing".to_string()),
        Some(_) => None,
    };
    if let Some(reason) = reason {
        issue_server_cert(config, paths, &names)?;
        tracing::info!(%reason, names = ?names, "issued server certificate from the local CA");
    }
    Ok(())
}

/// When the server certificate on disk (the configured file, or the one the
/// local CA issued) stops being valid, in unix seconds; None when unreadable.
pub fn certificate_expiry(config: &Config) -> Option<i64> {
    let path = match config.tls.mode {
        TlsMode::Files => config.tls.cert_file.clone(),
        TlsMode::Auto => AutoPaths::new(&config.data_dir).server_cert,
    };
    inspect(&path).map(|(not_after, _)| not_after)
}

/// (`not_after` unix seconds, subject alternative names) of a PEM certificate.
fn inspect(path: &Path) -> Option<(i64, Vec<String>)> {
    let bytes = fs::read(path).ok()?;
    let der = CertificateDer::from_pem_slice(&bytes).ok()?;
    let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).ok()?;
    let not_after = cert.validity().not_after.timestamp();
    let mut names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                x509_parser::extensions::GeneralName::DNSName(d) => names.push((*d).to_string()),
                x509_parser::extensions::GeneralName::IPAddress(ip) => match ip.len() {
                    4 => names.push(std::net::IpAddr::from(<[u8; 4]>::try_from(*ip).ok()?).to_string()),
                    16 => names.push(std::net::IpAddr::from(<[u8; 16]>::try_from(*ip).ok()?).to_string()),
                    _ => {}
                },
                _ => {}
            }
        }
    }
    Some((not_after, names))
}

#[allow(clippy::needless_pass_by_value)] // used as map_err(gen_err)
fn gen_err(e: rcgen::Error) -> TlsError {
    TlsError::Generate(e.to_string())
}

fn validity(params: &mut CertificateParams, days: i64) {
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::hours(1);
    params.not_after = now + time::Duration::days(days);
}

fn create_ca(config: &Config, paths: &AutoPaths) -> Result<(), TlsError> {
    let key = KeyPair::generate().map_err(gen_err)?;
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(gen_err)?;
    params
        .distinguished_name
        .push(DnType::CommonName, format!("Cloister local CA ({})", config.effective_hostname()));
    params
        .distinguished_name
        .push(DnType::OrganizationName, config.notify.organisation.clone());
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    validity(&mut params, CA_VALIDITY_DAYS);
    let cert = params.self_signed(&key).map_err(gen_err)?;
    write_private(&paths.ca_key, key.serialize_pem().as_bytes())?;
    write_public(&paths.ca_cert, cert.pem().as_bytes())
}

fn issue_server_cert(config: &Config, paths: &AutoPaths, names: &[String]) -> Result<(), TlsError> {
    let ca_key_pem = fs::read_to_string(&paths.ca_key).map_err(|e| TlsError::Read {
        path: paths.ca_key.display().to_string(),
        detail: e.to_string(),
    })?;
    let ca_pem = fs::read_to_string(&paths.ca_cert).map_err(|e| TlsError::Read {
        path: paths.ca_cert.display().to_string(),
        detail: e.to_string(),
    })?;
    let ca_key = KeyPair::from_pem(&ca_key_pem).map_err(gen_err)?;
    let issuer = Issuer::from_ca_cert_pem(&ca_pem, ca_key).map_err(gen_err)?;
    let key = KeyPair::generate().map_err(gen_err)?;
    let mut params = CertificateParams::new(names.to_vec()).map_err(gen_err)?;
    params.distinguished_name.push(DnType::CommonName, config.effective_hostname());
    params.use_authority_key_identifier_extension = true;
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    validity(&mut params, i64::from(config.tls.cert_validity_days));
    let cert = params.signed_by(&key, &issuer).map_err(gen_err)?;
    write_private(&paths.server_key, key.serialize_pem().as_bytes())?;
    let mut chain = cert.pem();
    chain.push_str(&ca_pem);
    write_public(&paths.server_cert, chain.as_bytes())
}

fn write_with_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<(), TlsError> {
    let err = |e: std::io::Error| TlsError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let mut nonce = [0u8; 6];
    getrandom::getrandom(&mut nonce).map_err(|e| TlsError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    let tmp = path.with_extension(format!(
        "tmp.{}.{}",
        std::process::id(),
        u64::from_le_bytes([nonce[0], nonce[1], nonce[2], nonce[3], nonce[4], nonce[5], 0, 0])
    ));
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(&tmp)
        .map_err(err)?;
    f.write_all(bytes).map_err(err)?;
    f.sync_all().map_err(err)?;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(mode)).map_err(err)?;
    fs::rename(&tmp, path).map_err(err)?;
    if let Some(dir) = path.parent() {
        fs::File::open(dir).and_then(|d| d.sync_all()).map_err(err)?;
    }
    Ok(())
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), TlsError> {
    write_with_mode(path, bytes, 0o600)
}

fn write_public(path: &Path, bytes: &[u8]) -> Result<(), TlsError> {
    write_with_mode(path, bytes, 0o644)
}

/// The CA certificate in PEM, provisioning it first if needed (`cloister ca`).
pub fn ca_pem(config: &Config) -> Result<String, TlsError> {
    let paths = AutoPaths::new(&config.data_dir);
    ensure_auto(config, &paths)?;
    fs::read_to_string(&paths.ca_cert).map_err(|e| TlsError::Read {
        path: paths.ca_cert.display().to_string(),
        detail: e.to_string(),
    })
}
