//! Certificates from an ACME CA (RFC 8555): which names, where they are kept,
//! when one is due, and getting one (`order`). Scheduling, backoff and events
//! are the service's (`service::certificates`).

mod http;
mod order;

use std::path::{Path, PathBuf};

use crate::config::Config;

pub use order::obtain;

/// Files of the ACME mode, under `<data_dir>/tls/acme/` (0700).
pub struct AcmePaths {
    pub dir: PathBuf,
    /// The account key and URL at the CA (0600).
    pub account: PathBuf,
    /// The private key and the certificate chain in one file (0600), so a
    /// renewal replaces both in one rename (read as both cert and key).
    pub cert: PathBuf,
}

impl AcmePaths {
    pub fn new(data_dir: &Path) -> Self {
        let dir = data_dir.join("tls").join("acme");
        Self {
            account: dir.join("account.json"),
            cert: dir.join("certificate.pem"),
            dir,
        }
    }
}

/// The names the certificate must cover: the portal's host, then `tls.names`
/// (DNS names only: an ACME CA checks each).
pub fn names(config: &Config) -> Vec<String> {
    let mut names = vec![config.public_host()];
    for n in &config.tls.names {
        let n = n.to_ascii_lowercase();
        if n.parse::<std::net::IpAddr>().is_err() && n != "localhost" && !names.contains(&n) {
            names.push(n);
        }
    }
    names
}

/// Why a new certificate is needed now, or None while the current one is good.
/// Due when fewer than `tls.renew_before_days` remain, or less than a third of
/// its lifetime (short-lived certificates renew at two thirds).
pub fn due(config: &Config, now: i64) -> Option<String> {
    let paths = AcmePaths::new(&config.data_dir);
    let Some((not_before, not_after, have)) = super::inspect::validity_and_names(&paths.cert) else {
        return Some("no ACME certificate yet".into());
    };
    let wanted = names(config);
    if !wanted.iter().all(|n| have.iter().any(|h| h.eq_ignore_ascii_case(n))) {
        return Some(format!(
            "the names changed (wanted {}; it has {})",
            wanted.join(", "),
            have.join(", ")
        ));
    }
    (now >= renew_at(config, not_before, not_after)).then(|| format!("it expires at {}", crate::model::utc_text(not_after)))
}

/// When a certificate valid from `not_before` to `not_after` becomes due.
fn renew_at(config: &Config, not_before: i64, not_after: i64) -> i64 {
    not_after - (i64::from(config.tls.renew_before_days) * super::DAY).min((not_after - not_before) / 3)
}

/// Seconds until the stored certificate becomes due (0 when it is, or there is none).
pub fn seconds_until_due(config: &Config, now: i64) -> u64 {
    let paths = AcmePaths::new(&config.data_dir);
    super::inspect::validity_and_names(&paths.cert).map_or(0, |(not_before, not_after, _)| {
        u64::try_from(renew_at(config, not_before, not_after) - now).unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a certificate for `names` valid from `from` for `days` days where the ACME one goes.
    fn stored(config: &Config, names: &[&str], from: i64, days: i64) {
        let mut params = rcgen::CertificateParams::new(names.iter().map(ToString::to_string).collect::<Vec<_>>()).unwrap();
        params.not_before = time::OffsetDateTime::from_unix_timestamp(from).unwrap();
        params.not_after = time::OffsetDateTime::from_unix_timestamp(from + days * crate::tls::DAY).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        let paths = AcmePaths::new(&config.data_dir);
        std::fs::create_dir_all(&paths.dir).unwrap();
        std::fs::write(&paths.cert, format!("{}{}", key.serialize_pem(), cert.pem())).unwrap();
    }

    #[test]
    fn a_certificate_is_due_before_renew_before_days_or_at_two_thirds_of_a_short_life() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config {
            data_dir: dir.path().to_path_buf(),
            hostname: "portal.example.org".into(),
            ..Config::default()
        };
        let start = 1_800_000_000;
        assert_eq!(due(&config, start).as_deref(), Some("no ACME certificate yet"));
        // 90 days, renew_before_days = 30: due from day 60 on.
        stored(&config, &["portal.example.org"], start, 90);
        assert_eq!(due(&config, start + 59 * crate::tls::DAY), None);
        assert!(due(&config, start + 61 * crate::tls::DAY).is_some_and(|r| r.starts_with("it expires at 2027-")));
        assert_eq!(seconds_until_due(&config, start + 59 * crate::tls::DAY), 86_400);
        // 6 days (a short-lived certificate): due after two thirds, not at once.
        stored(&config, &["portal.example.org"], start, 6);
        assert_eq!(due(&config, start + 3 * crate::tls::DAY), None);
        assert!(due(&config, start + 5 * crate::tls::DAY).is_some());
        // A name added to tls.names: due now.
        config.tls.names = vec!["mail.example.org".into(), "10.0.0.1".into()];
        assert!(
            due(&config, start).is_some_and(|r| r.contains("mail.example.org")),
            "{:?}",
            due(&config, start)
        );
        assert_eq!(
            names(&config),
            ["portal.example.org", "mail.example.org"],
            "IP addresses are not asked for"
        );
    }
}
