//! WebAuthn (passkeys), the relying party's checks: a new credential from
//! `navigator.credentials.create()` and a sign-in from `.get()`. Signatures
//! are checked with ring: ES256 (P-256), EdDSA (Ed25519) and RS256.
//!
//! Attestation: Cloister asks for none (`attestation: "none"`) and does not
//! judge a statement a browser sends anyway. A statement names the maker of
//! the authenticator; Cloister keeps no list of makers to allow, and asking
//! for one makes browsers show a privacy prompt. The key is trusted because
//! a user who had just signed in enrolled it.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde::Deserialize;

use super::cbor::{self, Value};
use crate::model::PublicKey;

/// Flags of the authenticator data (WebAuthn §6.1).
const USER_PRESENT: u8 = 0x01;
const USER_VERIFIED: u8 = 0x04;
const BACKUP_ELIGIBLE: u8 = 0x08;
const BACKED_UP: u8 = 0x10;
const ATTESTED: u8 = 0x40;
const EXTENSIONS: u8 = 0x80;
/// The longest credential id the specification allows.
pub const MOST_ID_BYTES: usize = 1023;
/// COSE algorithm numbers offered to the browser, in order of preference.
pub const ALGORITHMS: [i64; 3] = [-8, -7, -257];
/// Largest `clientDataJSON` read (a browser's is a few hundred bytes).
const MOST_CLIENT_DATA: usize = 4096;

/// Who the browser must say it talks to: the host of `web.public_url` and its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelyingParty {
    pub id: String,
    pub origin: String,
}

impl RelyingParty {
    /// From the portal's public URL; None when its host is an IP address or
    /// it is not https (browsers offer passkeys to neither).
    pub fn of(public_url: &str) -> Option<Self> {
        let rest = public_url.strip_prefix("https://")?;
        let authority = rest.split(['/', '?', '#']).next()?;
        let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty() => (h, Some(p)),
            _ => (authority, None),
        };
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() || host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
            return None;
        }
        let origin = match port {
            Some(p) if p != "443" => format!("https://{host}:{p}"),
            _ => format!("https://{host}"),
        };
        Some(Self { id: host, origin })
    }

    fn id_hash(&self) -> ring::digest::Digest {
        ring::digest::digest(&ring::digest::SHA256, self.id.as_bytes())
    }
}

/// Why a passkey's answer was refused (the events say it in these words).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasskeyError {
    #[error("malformed {0}")]
    Malformed(&'static str),
    #[error("the browser answered a different request ({0})")]
    WrongType(String),
    #[error("the challenge is not the one given")]
    WrongChallenge,
    #[error("signed for another origin ({0})")]
    WrongOrigin(String),
    #[error("signed for another relying party id")]
    WrongRelyingParty,
    #[error("the user was not present")]
    NoUserPresence,
    #[error("the authenticator did not verify the user")]
    NoUserVerification,
    #[error("key algorithm {0} is not accepted")]
    Algorithm(i64),
    #[error("the signature does not verify")]
    Signature,
    #[error("the signature counter went back ({stored} then {now}): the authenticator may be cloned")]
    CounterWentBack { stored: u32, now: u32 },
    #[error("the backup eligibility changed")]
    BackupEligibility,
}

/// Whether `key` signed `signed` with `sig`.
fn verifies(key: &PublicKey, signed: &[u8], sig: &[u8]) -> bool {
    let b = |s: &str| URL_SAFE_NO_PAD.decode(s).unwrap_or_default();
    match key {
        PublicKey::ES256 { x, y } => {
            let point = [&[0x04][..], &b(x), &b(y)].concat();
            UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_ASN1, point)
                .verify(signed, sig)
                .is_ok()
        }
        PublicKey::EdDSA { x } => UnparsedPublicKey::new(&signature::ED25519, b(x)).verify(signed, sig).is_ok(),
        PublicKey::RS256 { n, e } => RsaPublicKeyComponents { n: b(n), e: b(e) }
            .verify(&signature::RSA_PKCS1_2048_8192_SHA256, signed, sig)
            .is_ok(),
    }
}

/// Reads a COSE key (RFC 9053) of one of the `ALGORITHMS`.
fn cose_key(key: &Value) -> Result<PublicKey, PasskeyError> {
    let int = |k| key.get_int(k).and_then(Value::as_int);
    let bytes = |k| key.get_int(k).and_then(Value::as_bytes).map(|b| URL_SAFE_NO_PAD.encode(b));
    let bad = || PasskeyError::Malformed("public key");
    let alg = int(3).ok_or_else(bad)?;
    let sized = |k, n: usize| key.get_int(k).and_then(Value::as_bytes).is_some_and(|b| b.len() == n);
    match (int(1), alg) {
        // EC2, P-256.
        (Some(2), -7) if int(-1) == Some(1) && sized(-2, 32) && sized(-3, 32) => Ok(PublicKey::ES256 {
            x: bytes(-2).ok_or_else(bad)?,
            y: bytes(-3).ok_or_else(bad)?,
        }),
        // OKP, Ed25519.
        (Some(1), -8) if int(-1) == Some(6) && sized(-2, 32) => Ok(PublicKey::EdDSA {
            x: bytes(-2).ok_or_else(bad)?,
        }),
        // RSA, 2048 bits or more.
        (Some(3), -257)
            if key
                .get_int(-1)
                .and_then(Value::as_bytes)
                .is_some_and(|n| (256..=1024).contains(&n.len())) =>
        {
            Ok(PublicKey::RS256 {
                n: bytes(-1).ok_or_else(bad)?,
                e: bytes(-2).ok_or_else(bad)?,
            })
        }
        (_, -7 | -8 | -257) => Err(bad()),
        (_, other) => Err(PasskeyError::Algorithm(other)),
    }
}

/// The authenticator data (WebAuthn §6.1), read.
struct AuthData {
    rp_id_hash: [u8; 32],
    flags: u8,
    sign_count: u32,
    /// The new credential (registration only): its id and key.
    attested: Option<(Vec<u8>, PublicKey)>,
}

fn auth_data(bytes: &[u8]) -> Result<AuthData, PasskeyError> {
    let bad = |what| PasskeyError::Malformed(what);
    if bytes.len() < 37 {
        return Err(bad("authenticator data"));
    }
    let flags = bytes[32];
    let mut rest = &bytes[37..];
    let attested = if flags & ATTESTED == 0 {
        None
    } else {
        // AAGUID (16), id length (2), id, COSE key.
        let length = rest.get(16..18).ok_or(bad("attested credential"))?;
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        if length > MOST_ID_BYTES {
            return Err(bad("credential id"));
        }
        let id = rest.get(18..18 + length).ok_or(bad("credential id"))?.to_vec();
        rest = &rest[18 + length..];
        let (key, used) = cbor::decode_prefix(rest).map_err(|_| bad("public key"))?;
        rest = &rest[used..];
        Some((id, cose_key(&key)?))
    };
    if flags & EXTENSIONS != 0 {
        let (_, used) = cbor::decode_prefix(rest).map_err(|_| bad("extensions"))?;
        rest = &rest[used..];
    }
    if !rest.is_empty() {
        return Err(bad("authenticator data (trailing bytes)"));
    }
    Ok(AuthData {
        rp_id_hash: bytes[..32].try_into().expect("32 bytes"),
        flags,
        sign_count: u32::from_be_bytes(bytes[33..37].try_into().expect("4 bytes")),
        attested,
    })
}

#[derive(Deserialize)]
struct ClientData {
    #[serde(rename = "type")]
    kind: String,
    challenge: String,
    origin: String,
    #[serde(rename = "crossOrigin", default)]
    cross_origin: Option<bool>,
}

/// Checks `clientDataJSON`: what was asked (`webauthn.create` / `.get`), the challenge, the origin.
fn client_data(json: &[u8], kind: &str, rp: &RelyingParty, challenge: &[u8]) -> Result<(), PasskeyError> {
    if json.len() > MOST_CLIENT_DATA {
        return Err(PasskeyError::Malformed("client data (too long)"));
    }
    let data: ClientData = serde_json::from_slice(json).map_err(|_| PasskeyError::Malformed("client data"))?;
    if data.kind != kind {
        return Err(PasskeyError::WrongType(data.kind.chars().take(40).collect()));
    }
    let given = URL_SAFE_NO_PAD.decode(data.challenge.trim_end_matches('='));
    if given.ok().as_deref() != Some(challenge) {
        return Err(PasskeyError::WrongChallenge);
    }
    if data.origin != rp.origin || data.cross_origin == Some(true) {
        return Err(PasskeyError::WrongOrigin(data.origin.chars().take(100).collect()));
    }
    Ok(())
}

/// The checks both ceremonies make of the authenticator data.
fn checked(data: &AuthData, rp: &RelyingParty) -> Result<(), PasskeyError> {
    if data.rp_id_hash[..] != *rp.id_hash().as_ref() {
        return Err(PasskeyError::WrongRelyingParty);
    }
    if data.flags & USER_PRESENT == 0 {
        return Err(PasskeyError::NoUserPresence);
    }
    if data.flags & USER_VERIFIED == 0 {
        return Err(PasskeyError::NoUserVerification);
    }
    if data.flags & BACKED_UP != 0 && data.flags & BACKUP_ELIGIBLE == 0 {
        return Err(PasskeyError::Malformed("flags (backed up but not eligible)"));
    }
    Ok(())
}

/// A credential the browser created, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCredential {
    pub id: Vec<u8>,
    pub key: PublicKey,
    pub sign_count: u32,
    pub backup_eligible: bool,
    pub backed_up: bool,
}

/// Checks what `navigator.credentials.create()` returned for `challenge`.
pub fn register(
    rp: &RelyingParty,
    challenge: &[u8],
    client_data_json: &[u8],
    attestation_object: &[u8],
) -> Result<NewCredential, PasskeyError> {
    client_data(client_data_json, "webauthn.create", rp, challenge)?;
    let object = cbor::decode(attestation_object).map_err(|_| PasskeyError::Malformed("attestation object"))?;
    let fmt = object.get_text("fmt").and_then(Value::as_text);
    let statement = object.get_text("attStmt");
    let bytes = object.get_text("authData").and_then(Value::as_bytes);
    let (Some(fmt), Some(Value::Map(statement)), Some(bytes)) = (fmt, statement, bytes) else {
        return Err(PasskeyError::Malformed("attestation object"));
    };
    if fmt == "none" && !statement.is_empty() {
        return Err(PasskeyError::Malformed("attestation statement"));
    }
    let data = auth_data(bytes)?;
    checked(&data, rp)?;
    let (id, key) = data.attested.ok_or(PasskeyError::Malformed("no attested credential"))?;
    Ok(NewCredential {
        id,
        key,
        sign_count: data.sign_count,
        backup_eligible: data.flags & BACKUP_ELIGIBLE != 0,
        backed_up: data.flags & BACKED_UP != 0,
    })
}

/// What the server knows of a credential when it signs in.
pub struct Known<'a> {
    pub key: &'a PublicKey,
    pub sign_count: u32,
    pub backup_eligible: bool,
}

/// A sign-in's answer.
pub struct Answer<'a> {
    pub client_data_json: &'a [u8],
    pub authenticator_data: &'a [u8],
    pub signature: &'a [u8],
}

/// What a good sign-in leaves to store: the new counter and backup state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asserted {
    pub sign_count: u32,
    pub backed_up: bool,
}

/// Checks what `navigator.credentials.get()` returned for `challenge`, signed by `known`.
pub fn assert(rp: &RelyingParty, challenge: &[u8], answer: &Answer<'_>, known: &Known<'_>) -> Result<Asserted, PasskeyError> {
    client_data(answer.client_data_json, "webauthn.get", rp, challenge)?;
    let data = auth_data(answer.authenticator_data)?;
    if data.attested.is_some() {
        return Err(PasskeyError::Malformed("authenticator data (a new credential in a sign-in)"));
    }
    checked(&data, rp)?;
    if (data.flags & BACKUP_ELIGIBLE != 0) != known.backup_eligible {
        return Err(PasskeyError::BackupEligibility);
    }
    let client_hash = ring::digest::digest(&ring::digest::SHA256, answer.client_data_json);
    let signed = [answer.authenticator_data, client_hash.as_ref()].concat();
    if !verifies(known.key, &signed, answer.signature) {
        return Err(PasskeyError::Signature);
    }
    // A counter of 0 on both sides: the authenticator keeps none (synced passkeys).
    if (data.sign_count != 0 || known.sign_count != 0) && data.sign_count <= known.sign_count {
        return Err(PasskeyError::CounterWentBack {
            stored: known.sign_count,
            now: data.sign_count,
        });
    }
    Ok(Asserted {
        sign_count: data.sign_count,
        backed_up: data.flags & BACKED_UP != 0,
    })
}

#[cfg(test)]
#[path = "webauthn_tests.rs"]
mod tests;
