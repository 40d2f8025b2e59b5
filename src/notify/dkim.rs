//! DKIM keys (generated on first start, or the operator's) and signing.

use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use mail_auth::common::crypto::{Ed25519Key, RsaKey, Sha256};
use mail_auth::common::headers::HeaderWriter as _;
use mail_auth::dkim::{DkimSigner, Done};
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use rustls_pki_types::PrivateKeyDer;
use rustls_pki_types::pem::PemObject as _;

use crate::config::{Config, DkimAlgorithm};

/// Headers covered by the signature.
const SIGNED_HEADERS: [&str; 8] = [
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "Auto-Submitted",
];

#[derive(Debug, thiserror::Error)]
pub enum DkimError {
    #[error("dkim key {path}: {detail}")]
    Key { path: String, detail: String },
    #[error("dkim signing failed: {0}")]
    Sign(String),
}

enum Key {
    Rsa(DkimSigner<RsaKey<Sha256>, Done>),
    Ed25519(DkimSigner<Ed25519Key, Done>),
}

pub struct Dkim {
    key: Key,
    pub domain: String,
    pub selector: String,
    /// The TXT record value to publish (v=DKIM1; k=…; p=…).
    pub record: String,
    pub key_path: PathBuf,
}

fn key_err(path: &Path, detail: impl std::fmt::Display) -> DkimError {
    DkimError::Key {
        path: path.display().to_string(),
        detail: detail.to_string(),
    }
}

/// Where the key lives: the configured file, or one generated in the data dir.
pub fn key_path(config: &Config) -> PathBuf {
    if config.notify.dkim_key_file.as_os_str().is_empty() {
        let alg = match config.notify.dkim_algorithm {
            DkimAlgorithm::Rsa => "rsa",
            DkimAlgorithm::Ed25519 => "ed25519",
        };
        config
            .data_dir
            .join("dkim")
            .join(format!("{}-{alg}.pem", config.notify.dkim_selector))
    } else {
        config.notify.dkim_key_file.clone()
    }
}

impl Dkim {
    /// Loads the key, generating it first when it is ours and missing.
    pub fn load_or_create(config: &Config) -> Result<Self, DkimError> {
        let path = key_path(config);
        let generated = config.notify.dkim_key_file.as_os_str().is_empty();
        if generated && !path.exists() {
            generate(config.notify.dkim_algorithm, &path)?;
            tracing::info!(path = %path.display(), "generated DKIM key; publish the record `cloister dkim` prints");
        }
        let pem = std::fs::read_to_string(&path).map_err(|e| key_err(&path, e))?;
        let (key, public) = match config.notify.dkim_algorithm {
            DkimAlgorithm::Rsa => {
                let parsed = rsa::RsaPrivateKey::from_pkcs8_pem(&pem).map_err(|e| key_err(&path, format!("not a PKCS#8 RSA key: {e}")))?;
                let spki = parsed.to_public_key().to_public_key_der().map_err(|e| key_err(&path, e))?;
                let der = PrivateKeyDer::from_pem_slice(pem.as_bytes()).map_err(|e| key_err(&path, e))?;
                let key = RsaKey::<Sha256>::from_key_der(der).map_err(|e| key_err(&path, e))?;
                (
                    Key::Rsa(signer(key, config)),
                    format!("v=DKIM1; k=rsa; p={}", B64.encode(spki.as_bytes())),
                )
            }
            DkimAlgorithm::Ed25519 => {
                let der = pem_body(&pem).ok_or_else(|| key_err(&path, "not a PEM PRIVATE KEY"))?;
                let key = Ed25519Key::from_pkcs8_maybe_unchecked_der(&der)
                    .map_err(|e| key_err(&path, format!("not a PKCS#8 Ed25519 key: {e}")))?;
                let public = B64.encode(key.public_key());
                (Key::Ed25519(signer(key, config)), format!("v=DKIM1; k=ed25519; p={public}"))
            }
        };
        Ok(Self {
            key,
            domain: config.dkim_domain(),
            selector: config.notify.dkim_selector.clone(),
            record: public,
            key_path: path,
        })
    }

    /// `message` with a DKIM-Signature header in front.
    /// An RSA signature costs most of a millisecond of CPU (Ed25519 about 1/20 of that).
    pub fn is_costly(&self) -> bool {
        matches!(self.key, Key::Rsa(_))
    }

    /// The key's algorithm as the record names it (`k=`).
    pub fn algorithm(&self) -> &'static str {
        match self.key {
            Key::Rsa(_) => "rsa",
            Key::Ed25519(_) => "ed25519",
        }
    }

    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, DkimError> {
        let header = match &self.key {
            Key::Rsa(s) => s.sign(message),
            Key::Ed25519(s) => s.sign(message),
        }
        .map_err(|e| DkimError::Sign(e.to_string()))?
        .to_header();
        let mut out = header.into_bytes();
        out.extend_from_slice(message);
        Ok(out)
    }

    /// The DNS record in zone-file form.
    pub fn dns_record(&self) -> String {
        let chunks: Vec<String> = self
            .record
            .as_bytes()
            .chunks(250)
            .map(|c| format!("\"{}\"", String::from_utf8_lossy(c)))
            .collect();
        format!("{}._domainkey.{}. IN TXT ( {} )", self.selector, self.domain, chunks.join(" "))
    }
}

fn signer<K: mail_auth::common::crypto::SigningKey>(key: K, config: &Config) -> DkimSigner<K, Done> {
    DkimSigner::from_key(key)
        .domain(config.dkim_domain())
        .selector(config.notify.dkim_selector.clone())
        .headers(SIGNED_HEADERS)
}

fn generate(alg: DkimAlgorithm, path: &Path) -> Result<(), DkimError> {
    let pem = match alg {
        DkimAlgorithm::Rsa => {
            let key = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 2048).map_err(|e| key_err(path, e))?;
            key.to_pkcs8_pem(LineEnding::LF).map_err(|e| key_err(path, e))?.to_string()
        }
        DkimAlgorithm::Ed25519 => {
            let der = Ed25519Key::generate_pkcs8().map_err(|e| key_err(path, e))?;
            to_pem(&der)
        }
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| key_err(path, e))?;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| key_err(path, e))?;
    std::io::Write::write_all(&mut f, pem.as_bytes()).map_err(|e| key_err(path, e))?;
    f.sync_all().map_err(|e| key_err(path, e))
}

fn to_pem(der: &[u8]) -> String {
    let b64 = B64.encode(der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n"))
}

fn pem_body(pem: &str) -> Option<Vec<u8>> {
    let start = pem.find("-----BEGIN PRIVATE KEY-----")? + "-----BEGIN PRIVATE KEY-----".len();
    let end = pem.find("-----END PRIVATE KEY-----")?;
    let body: String = pem[start..end].chars().filter(|c| !c.is_whitespace()).collect();
    B64.decode(body).ok()
}
