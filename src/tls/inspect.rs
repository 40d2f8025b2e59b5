//! What a certificate on disk says: when it expires and which names it covers.

use std::fs;
use std::path::Path;

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

use super::AutoPaths;
use crate::config::{Config, TlsMode};

/// When the server certificate on disk (the configured file, or the one the
/// local CA issued) stops being valid, in unix seconds; None when unreadable.
pub fn certificate_expiry(config: &Config) -> Option<i64> {
    let path = match config.tls.mode {
        TlsMode::Files => config.tls.cert_file.clone(),
        TlsMode::Auto => AutoPaths::new(&config.data_dir).server_cert,
        TlsMode::Acme => {
            let acme = super::acme::AcmePaths::new(&config.data_dir).cert;
            if acme.exists() {
                acme
            } else {
                AutoPaths::new(&config.data_dir).server_cert
            }
        }
    };
    inspect(&path).map(|(not_after, _)| not_after)
}

/// (`not_after` unix seconds, subject alternative names) of a PEM certificate.
pub(super) fn inspect(path: &Path) -> Option<(i64, Vec<String>)> {
    validity_and_names(path).map(|(_, not_after, names)| (not_after, names))
}

/// (`not_before`, `not_after` unix seconds, subject alternative names) of the
/// first certificate in a PEM file.
pub(super) fn validity_and_names(path: &Path) -> Option<(i64, i64, Vec<String>)> {
    let bytes = fs::read(path).ok()?;
    let der = CertificateDer::from_pem_slice(&bytes).ok()?;
    let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).ok()?;
    let not_before = cert.validity().not_before.timestamp();
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
    Some((not_before, not_after, names))
}

/// Checks a files-mode pair as `serve` loads it: a pair that cannot be read or
/// does not match is an error; an expired or soon-expiring certificate, or one
/// that does not cover the names people use, is a warning (serve still starts,
/// so mail intake does not stop over a certificate).
pub fn check_files(config: &Config) -> Result<Vec<String>, super::TlsError> {
    if config.tls.mode != TlsMode::Files {
        return Ok(Vec::new());
    }
    super::load_pair(&config.tls.cert_file, &config.tls.key_file)?;
    let cert = config.tls.cert_file.display();
    let Some((not_after, names)) = inspect(&config.tls.cert_file) else {
        return Ok(vec![format!(
            "{cert}: the first certificate could not be read for its dates and names"
        )]);
    };
    let mut warnings = Vec::new();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let when = time::OffsetDateTime::from_unix_timestamp(not_after)
        .map(|t| t.date().to_string())
        .unwrap_or_default();
    if not_after <= now {
        warnings.push(format!(
            "{cert}: the certificate expired on {when}; browsers and mail servers will refuse it"
        ));
    } else if not_after - now < i64::from(config.tls.renew_before_days) * super::DAY {
        warnings.push(format!("{cert}: the certificate expires on {when}; put a renewed one in place"));
    }
    for wanted in [config.public_host(), config.effective_hostname()] {
        if !names.iter().any(|n| crate::net::dns::name_covers(n, &wanted)) {
            warnings.push(format!(
                "{cert}: the certificate does not cover {wanted} (it names {})",
                if names.is_empty() {
                    "no host".to_string()
                } else {
                    names.join(", ")
                }
            ));
        }
    }
    warnings.dedup();
    Ok(warnings)
}
