//! One ACME order, start to end: the account (made once and kept), each
//! authorization answered by our own listeners, the order finalized with a
//! new key, and key and chain written in one file.

use std::sync::Arc;
use std::time::{Duration, Instant};

use instant_acme::{Account, AccountCredentials, AuthorizationStatus, ChallengeType, Identifier, NewAccount, NewOrder, Order, OrderStatus};
use rcgen::{CertificateParams, CustomExtension, DistinguishedName, KeyPair};
use rustls::sign::CertifiedKey;
use rustls_pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use serde::{Deserialize, Serialize};

use super::http::AcmeHttp;
use super::{AcmePaths, names};
use crate::config::{AcmeChallenge, Config};
use crate::net::https::Endpoint;
use crate::tls::Challenges;
use crate::tls::disk::write_private;

/// How long the CA may take to validate, and then to issue.
const PATIENCE: Duration = Duration::from_mins(2);

/// The account as kept in `account.json`: which CA it belongs to, and its key.
#[derive(Serialize, Deserialize)]
struct StoredAccount {
    directory: String,
    credentials: AccountCredentials,
}

/// Gets a certificate for [`names`] and writes it; the open challenges are
/// cleared whatever the outcome. The error says what failed, in the CA's words.
pub async fn obtain(config: &Config, challenges: &Challenges) -> Result<CertifiedKey, String> {
    let result = run(config, challenges).await;
    challenges.clear();
    result
}

async fn run(config: &Config, challenges: &Challenges) -> Result<CertifiedKey, String> {
    let paths = AcmePaths::new(&config.data_dir);
    std::fs::create_dir_all(&paths.dir).map_err(|e| format!("{}: {e}", paths.dir.display()))?;
    let _ = std::fs::set_permissions(&paths.dir, std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let account = account(config, &paths).await?;
    let names = names(config);
    let identifiers: Vec<Identifier> = names.iter().cloned().map(Identifier::Dns).collect();
    let mut order = account
        .new_order(&NewOrder::new(&identifiers))
        .await
        .map_err(|e| format!("new order for {}: {e}", names.join(", ")))?;
    answer(&mut order, config.tls.acme.challenge, challenges).await?;
    wait_ready(&mut order).await?;
    let key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut params = CertificateParams::new(names.clone()).map_err(|e| e.to_string())?;
    params.distinguished_name = DistinguishedName::new();
    let csr = params.serialize_request(&key).map_err(|e| e.to_string())?;
    order.finalize_csr(csr.der()).await.map_err(|e| format!("finalize: {e}"))?;
    let chain = wait_certificate(&mut order).await?;
    let mut pem = key.serialize_pem();
    pem.push_str(&chain);
    write_private(&paths.cert, pem.as_bytes()).map_err(|e| e.to_string())?;
    crate::tls::load_pair(&paths.cert, &paths.cert).map_err(|e| e.to_string())
}

/// The HTTPS client for the CA: the public roots plus `tls.acme.ca_file`.
fn endpoint(config: &Config) -> Result<Endpoint, String> {
    Ok(Endpoint {
        roots: crate::net::https::roots_from("tls.acme.ca_file", &config.tls.acme.ca_file)?,
        dns_server: config.delivery.dns_server.clone(),
        timeout: Duration::from_secs(30),
        limit: 1 << 20,
    })
}

/// The stored account for this CA, or a new one (kept 0600).
async fn account(config: &Config, paths: &AcmePaths) -> Result<Account, String> {
    let directory = config.tls.acme.directory.clone();
    let builder =
        || -> Result<instant_acme::AccountBuilder, String> { Ok(Account::builder_with_http(Box::new(AcmeHttp(endpoint(config)?)))) };
    let stored = std::fs::read(&paths.account)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<StoredAccount>(&bytes).ok())
        .filter(|s| s.directory == directory);
    if let Some(stored) = stored {
        return builder()?
            .from_credentials(stored.credentials)
            .await
            .map_err(|e| format!("account at {directory}: {e}"));
    }
    let contact: Vec<&str> = [config.tls.acme.contact.as_str()].into_iter().filter(|c| !c.is_empty()).collect();
    let new = NewAccount {
        contact: &contact,
        terms_of_service_agreed: true,
        only_return_existing: false,
    };
    let (account, credentials) = builder()?
        .create(&new, directory.clone(), None)
        .await
        .map_err(|e| format!("new account at {directory}: {e}"))?;
    let json = serde_json::to_vec(&StoredAccount { directory, credentials }).map_err(|e| e.to_string())?;
    write_private(&paths.account, &json).map_err(|e| e.to_string())?;
    tracing::info!(directory = %config.tls.acme.directory, "ACME account created");
    Ok(account)
}

/// Puts up the answer to each pending authorization and tells the CA to check.
async fn answer(order: &mut Order, how: AcmeChallenge, challenges: &Challenges) -> Result<(), String> {
    let kind = match how {
        AcmeChallenge::TlsAlpn01 => ChallengeType::TlsAlpn01,
        AcmeChallenge::Http01 => ChallengeType::Http01,
    };
    let mut authorizations = order.authorizations();
    while let Some(result) = authorizations.next().await {
        let mut authz = result.map_err(|e| format!("authorization: {e}"))?;
        let name = authz.identifier().to_string();
        match authz.status {
            AuthorizationStatus::Valid => continue,
            AuthorizationStatus::Pending => {}
            other => return Err(format!("authorization for {name} is {other:?}")),
        }
        let mut challenge = authz
            .challenge(kind.clone())
            .ok_or_else(|| format!("the CA offers no {kind:?} challenge for {name}"))?;
        let key_authorization = challenge.key_authorization();
        match how {
            AcmeChallenge::Http01 => challenges.put_http(&challenge.token, key_authorization.as_str()),
            AcmeChallenge::TlsAlpn01 => challenges.put_alpn(&name, Arc::new(validation_cert(&name, key_authorization.digest().as_ref())?)),
        }
        challenge.set_ready().await.map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

/// The self-signed certificate of a TLS-ALPN-01 answer (RFC 8737 §3): the
/// name, and the critical acmeIdentifier extension with the digest.
fn validation_cert(name: &str, digest: &[u8]) -> Result<CertifiedKey, String> {
    let key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut params = CertificateParams::new(vec![name.to_string()]).map_err(|e| e.to_string())?;
    params.custom_extensions = vec![CustomExtension::new_acme_identifier(digest)];
    let cert = params.self_signed(&key).map_err(|e| e.to_string())?;
    let private = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    // Not `CertifiedKey::from_der`: its key check parses the certificate and
    // refuses the critical acmeIdentifier extension it does not know.
    let signing = crate::tls::provider()
        .key_provider
        .load_private_key(private)
        .map_err(|e| e.to_string())?;
    Ok(CertifiedKey::new(vec![cert.der().clone()], signing))
}

/// Polls the order until the CA has checked every answer.
async fn wait_ready(order: &mut Order) -> Result<(), String> {
    let until = Instant::now() + PATIENCE;
    loop {
        let state = order.refresh().await.map_err(|e| format!("order: {e}"))?;
        match state.status {
            OrderStatus::Ready | OrderStatus::Valid => return Ok(()),
            OrderStatus::Invalid => return Err(why_invalid(order).await),
            OrderStatus::Pending | OrderStatus::Processing => {}
        }
        if Instant::now() > until {
            return Err(format!("the CA did not finish validating within {} s", PATIENCE.as_secs()));
        }
        smol::Timer::after(Duration::from_secs(1)).await;
    }
}

/// What the CA said about the answers it refused.
async fn why_invalid(order: &mut Order) -> String {
    let mut reasons = Vec::new();
    let mut authorizations = order.authorizations();
    while let Some(Ok(mut authz)) = authorizations.next().await {
        let name = authz.identifier().to_string();
        if let Ok(state) = authz.refresh().await {
            reasons.extend(
                state
                    .challenges
                    .iter()
                    .filter_map(|c| c.error.as_ref())
                    .map(|e| format!("{name}: {e}")),
            );
        }
    }
    if reasons.is_empty() {
        "the CA refused the order".into()
    } else {
        format!("the CA could not validate: {}", reasons.join("; "))
    }
}

async fn wait_certificate(order: &mut Order) -> Result<String, String> {
    let until = Instant::now() + PATIENCE;
    loop {
        match order.certificate().await {
            Ok(Some(chain)) => return Ok(chain),
            Ok(None) if Instant::now() < until => {
                smol::Timer::after(Duration::from_secs(1)).await;
            }
            Ok(None) => return Err(format!("the CA did not issue within {} s", PATIENCE.as_secs())),
            Err(e) => return Err(format!("certificate: {e}")),
        }
    }
}
