//! The organisation's OpenID provider as Cloister talks to it: its settings
//! read from discovery and its signing keys (both kept an hour; the keys
//! read again at once when a token names one not seen yet), and the code
//! exchanged for an ID token at its token endpoint.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use http_body_util::Full;
use hyper::body::Bytes;
use serde::Deserialize;

use crate::auth::jwt::JwkSet;
use crate::config::Oidc;
use crate::net::https::{self, Endpoint};

/// How long discovery and keys are trusted before they are read again.
const KEEP: Duration = Duration::from_hours(1);
/// After a failed read, how long the failure is the answer: while the
/// provider is down, strangers typing addresses do not each make a request
/// that waits `oidc.timeout_secs`.
const FAILED_PAUSE: Duration = Duration::from_secs(30);
/// Largest answer read from the provider.
const MOST_BYTES: usize = 512 * 1024;

/// What discovery says (only what the code flow needs).
#[derive(Debug, Clone, Deserialize)]
pub struct Discovered {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    /// The provider names itself in its answers (RFC 9207): an answer
    /// without `iss` is then refused.
    #[serde(default, rename = "authorization_response_iss_parameter_supported")]
    pub iss_parameter_supported: bool,
}

/// When the provider's settings and keys were read, and what they said.
type Known = (Instant, Arc<Discovered>, Arc<JwkSet>);

/// The provider's settings and keys, as last read.
#[derive(Default)]
pub struct ProviderCache {
    known: Mutex<Option<Known>>,
    /// The last failed read, when and why (see `FAILED_PAUSE`).
    failed: Mutex<Option<(Instant, String)>>,
    /// One read of the provider at a time; the others wait for its answer.
    reading: smol::lock::Mutex<()>,
}

/// What went wrong talking to the provider (logged; the user is told only
/// that sign-in there did not complete or is unavailable).
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("the provider could not be reached: {0}")]
    Unreachable(String),
    #[error("the provider answered {status} at {url}: {body}")]
    Refused { url: String, status: u16, body: String },
    #[error("the provider's answer at {url} could not be read: {why}")]
    Unreadable { url: String, why: String },
}

fn endpoint(o: &Oidc) -> Result<Endpoint, ProviderError> {
    let roots = https::roots_from("oidc.ca_file", &o.ca_file).map_err(ProviderError::Unreachable)?;
    Ok(Endpoint {
        roots,
        dns_server: String::new(),
        timeout: Duration::from_secs(o.timeout_secs),
        limit: MOST_BYTES,
    })
}

async fn get_json<T: for<'de> Deserialize<'de>>(end: &Endpoint, url: &str) -> Result<T, ProviderError> {
    let request = hyper::Request::get(url)
        .header(hyper::header::ACCEPT, "application/json")
        .body(Full::new(Bytes::new()))
        .map_err(|e| ProviderError::Unreachable(format!("{url}: {e}")))?;
    let response = https::exchange(end, request).await.map_err(ProviderError::Unreachable)?;
    read_json(url, response)
}

fn read_json<T: for<'de> Deserialize<'de>>(url: &str, response: hyper::Response<Bytes>) -> Result<T, ProviderError> {
    let status = response.status().as_u16();
    let body = response.into_body();
    if status != 200 {
        let body = super::oidc_sign_in::loggable(&String::from_utf8_lossy(&body), 300);
        return Err(ProviderError::Refused {
            url: url.into(),
            status,
            body,
        });
    }
    serde_json::from_slice(&body).map_err(|e| ProviderError::Unreadable {
        url: url.into(),
        why: e.to_string(),
    })
}

impl ProviderCache {
    /// The provider's settings and keys: as kept, or read again when older
    /// than an hour or when `fresh_keys` (a token named a key not known).
    /// A read that failed less than `FAILED_PAUSE` ago is the answer meanwhile.
    pub async fn get(&self, o: &Oidc, fresh_keys: bool) -> Result<(Arc<Discovered>, Arc<JwkSet>), ProviderError> {
        if let Some(kept) = self.kept(fresh_keys) {
            return Ok(kept);
        }
        let _turn = self.reading.lock().await;
        // Read by the task this one waited for.
        if let Some(kept) = self.kept(fresh_keys) {
            return Ok(kept);
        }
        if let Some((at, why)) = self.failed.lock().expect("provider cache").as_ref()
            && at.elapsed() < FAILED_PAUSE
        {
            return Err(ProviderError::Unreachable(format!(
                "{why} (asked {} s ago)",
                at.elapsed().as_secs()
            )));
        }
        match read(o).await {
            Ok((found, keys)) => {
                let (found, keys) = (Arc::new(found), Arc::new(keys));
                *self.known.lock().expect("provider cache") = Some((Instant::now(), Arc::clone(&found), Arc::clone(&keys)));
                *self.failed.lock().expect("provider cache") = None;
                Ok((found, keys))
            }
            Err(e) => {
                *self.failed.lock().expect("provider cache") = Some((Instant::now(), e.to_string()));
                Err(e)
            }
        }
    }

    /// What is kept, when it may still be used (`fresh_keys`: read less than a second ago).
    fn kept(&self, fresh_keys: bool) -> Option<(Arc<Discovered>, Arc<JwkSet>)> {
        let known = self.known.lock().expect("provider cache");
        let (at, found, keys) = known.as_ref()?;
        let young = if fresh_keys { Duration::from_secs(1) } else { KEEP };
        (at.elapsed() < young).then(|| (Arc::clone(found), Arc::clone(keys)))
    }
}

/// Discovery, checked, and the keys it names.
async fn read(o: &Oidc) -> Result<(Discovered, JwkSet), ProviderError> {
    let end = endpoint(o)?;
    let url = format!("{}/.well-known/openid-configuration", o.issuer.trim_end_matches('/'));
    let found: Discovered = get_json(&end, &url).await?;
    // OpenID Connect Discovery 4.3: exactly the configured issuer (the
    // tokens' `iss` is then compared with it, exactly too).
    if found.issuer != o.issuer {
        return Err(ProviderError::Unreadable {
            url,
            why: format!("it names issuer {:?}, not the configured one", found.issuer),
        });
    }
    for (name, u) in [
        ("authorization_endpoint", &found.authorization_endpoint),
        ("token_endpoint", &found.token_endpoint),
        ("jwks_uri", &found.jwks_uri),
    ] {
        if !u.starts_with("https://") {
            return Err(ProviderError::Unreadable {
                url,
                why: format!("{name} is not https://"),
            });
        }
    }
    let keys: JwkSet = get_json(&end, &found.jwks_uri).await?;
    Ok((found, keys))
}

#[derive(Deserialize)]
struct TokenAnswer {
    id_token: String,
}

/// Exchanges `code` (with its PKCE `verifier`) for the ID token.
pub async fn id_token(o: &Oidc, found: &Discovered, (code, verifier, redirect_uri): (&str, &str, &str)) -> Result<String, ProviderError> {
    let end = endpoint(o)?;
    let secret = client_secret(o).map_err(ProviderError::Unreachable)?;
    let form = {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("grant_type", "authorization_code")
            .append_pair("code", code)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("code_verifier", verifier);
        if secret.is_none() {
            form.append_pair("client_id", &o.client_id);
        }
        form.finish()
    };
    let mut request = hyper::Request::post(&found.token_endpoint)
        .header(hyper::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(hyper::header::ACCEPT, "application/json");
    if let Some(secret) = secret {
        // RFC 6749 §2.3.1: both parts form-encoded, then Basic.
        let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        let pair = format!("{}:{}", enc(&o.client_id), enc(&secret));
        let basic = base64::engine::general_purpose::STANDARD.encode(pair);
        request = request.header(hyper::header::AUTHORIZATION, format!("Basic {basic}"));
    }
    let request = request
        .body(Full::new(Bytes::from(form)))
        .map_err(|e| ProviderError::Unreachable(e.to_string()))?;
    let response = https::exchange(&end, request).await.map_err(ProviderError::Unreachable)?;
    let answer: TokenAnswer = read_json(&found.token_endpoint, response)?;
    Ok(answer.id_token)
}

/// The client secret from `oidc.client_secret_file` (None: a public client).
fn client_secret(o: &Oidc) -> Result<Option<String>, String> {
    if o.client_secret_file.as_os_str().is_empty() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&o.client_secret_file)
        .map_err(|e| format!("oidc.client_secret_file {}: {e}", o.client_secret_file.display()))?;
    let secret = text.lines().next().unwrap_or("").trim().to_string();
    if secret.is_empty() {
        return Err(format!("oidc.client_secret_file {}: empty", o.client_secret_file.display()));
    }
    Ok(Some(secret))
}
