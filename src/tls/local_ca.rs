//! The local certificate authority of `tls.mode = "auto"`: a CA made once in
//! `<data_dir>/tls/` and a server certificate it issues and renews.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};

use super::disk::{write_private, write_public};
use super::inspect::inspect;
use super::{DAY, TlsError};
use crate::config::Config;

const CA_VALIDITY_DAYS: i64 = 3650;

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

pub(super) fn ensure_auto(config: &Config, paths: &AutoPaths) -> Result<(), TlsError> {
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

pub(super) fn issue_server_cert(config: &Config, paths: &AutoPaths, names: &[String]) -> Result<(), TlsError> {
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

/// The CA certificate in PEM, provisioning it first if needed (`cloister ca`).
pub fn ca_pem(config: &Config) -> Result<String, TlsError> {
    let paths = AutoPaths::new(&config.data_dir);
    ensure_auto(config, &paths)?;
    fs::read_to_string(&paths.ca_cert).map_err(|e| TlsError::Read {
        path: paths.ca_cert.display().to_string(),
        detail: e.to_string(),
    })
}
