//! ID tokens (JWS compact, RFC 7515/7519) checked with ring: the signature
//! by a key of the issuer's JWK set (RS256 or ES256 only; `none` and HMAC
//! never), then the claims an OpenID Connect sign-in relies on (issuer,
//! audience, expiry, nonce, verified email).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde::Deserialize;

/// Longest token read (a few kB in practice).
const MOST_TOKEN_BYTES: usize = 64 * 1024;
/// Clock difference tolerated with the issuer, in seconds.
pub const SKEW_SECS: i64 = 120;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    #[error("not a signed token: {0}")]
    Malformed(&'static str),
    #[error("algorithm {0:?} is not accepted (RS256 or ES256)")]
    Algorithm(String),
    #[error("no key {0:?} in the issuer's key set")]
    UnknownKey(String),
    #[error("the signature does not match")]
    Signature,
    #[error("claim {claim}: {why}")]
    Claim { claim: &'static str, why: String },
}

/// One key of a JWK set (only what RS256 and ES256 need).
#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: String,
    #[serde(default)]
    pub alg: String,
    #[serde(default, rename = "use")]
    pub usage: String,
    #[serde(default)]
    pub n: String,
    #[serde(default)]
    pub e: String,
    #[serde(default)]
    pub crv: String,
    #[serde(default)]
    pub x: String,
    #[serde(default)]
    pub y: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JwkSet {
    pub keys: Vec<Jwk>,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: String,
    /// Extensions the reader must understand (RFC 7515 4.1.11): none are.
    #[serde(default)]
    crit: Option<serde_json::Value>,
}

/// The claims Cloister reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub iss: String,
    /// The user at the provider (stable; the address may change).
    pub sub: String,
    /// One audience or several.
    pub aud: Audience,
    #[serde(default)]
    pub azp: Option<String>,
    pub exp: i64,
    #[serde(default)]
    pub iat: Option<i64>,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub email_verified: Option<serde_json::Value>,
    /// Every other claim (groups, roles …), looked up by name.
    #[serde(flatten)]
    pub rest: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    fn contains(&self, wanted: &str) -> bool {
        match self {
            Self::One(a) => a == wanted,
            Self::Many(all) => all.iter().any(|a| a == wanted),
        }
    }

    fn count(&self) -> usize {
        match self {
            Self::One(_) => 1,
            Self::Many(all) => all.len(),
        }
    }
}

fn decode(part: &str, what: &'static str) -> Result<Vec<u8>, JwtError> {
    URL_SAFE_NO_PAD.decode(part).map_err(|_| JwtError::Malformed(what))
}

/// The token's claims when a key of `keys` signed it; nothing about the claims is checked yet.
pub fn verify_signature(token: &str, keys: &JwkSet) -> Result<Claims, JwtError> {
    if token.len() > MOST_TOKEN_BYTES {
        return Err(JwtError::Malformed("too long"));
    }
    let mut parts = token.split('.');
    let (Some(head), Some(body), Some(sig), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(JwtError::Malformed("not three parts"));
    };
    let header: Header = serde_json::from_slice(&decode(head, "header")?).map_err(|_| JwtError::Malformed("header"))?;
    if header.crit.is_some() {
        return Err(JwtError::Malformed("header (crit: an extension not understood here)"));
    }
    let signature = decode(sig, "signature")?;
    let signed = &token.as_bytes()[..head.len() + 1 + body.len()];
    let candidates: Vec<&Jwk> = keys
        .keys
        .iter()
        .filter(|k| header.kid.is_empty() || k.kid == header.kid)
        .filter(|k| k.usage.is_empty() || k.usage == "sig")
        .filter(|k| k.alg.is_empty() || k.alg == header.alg)
        .collect();
    if candidates.is_empty() {
        return Err(JwtError::UnknownKey(header.kid));
    }
    let ok = match header.alg.as_str() {
        "RS256" => candidates.iter().filter(|k| k.kty == "RSA").any(|k| rsa_ok(k, signed, &signature)),
        "ES256" => candidates
            .iter()
            .filter(|k| k.kty == "EC" && k.crv == "P-256")
            .any(|k| ec_ok(k, signed, &signature)),
        other => return Err(JwtError::Algorithm(other.to_string())),
    };
    if !ok {
        return Err(JwtError::Signature);
    }
    serde_json::from_slice(&decode(body, "payload")?).map_err(|_| JwtError::Malformed("payload"))
}

fn rsa_ok(key: &Jwk, signed: &[u8], signature: &[u8]) -> bool {
    let (Ok(n), Ok(e)) = (URL_SAFE_NO_PAD.decode(&key.n), URL_SAFE_NO_PAD.decode(&key.e)) else {
        return false;
    };
    RsaPublicKeyComponents { n: &n, e: &e }
        .verify(&signature::RSA_PKCS1_2048_8192_SHA256, signed, signature)
        .is_ok()
}

fn ec_ok(key: &Jwk, signed: &[u8], signature: &[u8]) -> bool {
    let (Ok(x), Ok(y)) = (URL_SAFE_NO_PAD.decode(&key.x), URL_SAFE_NO_PAD.decode(&key.y)) else {
        return false;
    };
    if x.len() != 32 || y.len() != 32 {
        return false;
    }
    let point = [&[0x04][..], &x, &y].concat();
    UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, point)
        .verify(signed, signature)
        .is_ok()
}

/// What the sign-in expects of the claims.
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
    pub now: i64,
}

/// Checks issuer, audience (and `azp` when there are several), expiry, issue
/// time, nonce and a verified email; the email (lower case) when all hold.
pub fn check_claims(c: &Claims, want: &Expected<'_>) -> Result<String, JwtError> {
    let bad = |claim: &'static str, why: String| Err(JwtError::Claim { claim, why });
    if c.iss != want.issuer {
        return bad("iss", format!("{:?} is not the configured issuer", c.iss));
    }
    if !c.aud.contains(want.client_id) {
        return bad("aud", "not issued for this client".into());
    }
    match c.azp.as_deref() {
        None if c.aud.count() > 1 => return bad("azp", "several audiences and not authorised for this client".into()),
        Some(azp) if azp != want.client_id => return bad("azp", "authorised for another client".into()),
        _ => {}
    }
    if c.exp.saturating_add(SKEW_SECS) < want.now {
        return bad("exp", "expired".into());
    }
    match c.iat {
        None => return bad("iat", "missing".into()),
        Some(iat) if iat > want.now.saturating_add(SKEW_SECS) => return bad("iat", "issued in the future".into()),
        Some(_) => {}
    }
    if c.nonce.as_deref() != Some(want.nonce) {
        return bad("nonce", "not the one this sign-in sent".into());
    }
    // Entra ID sends no email_verified: its `xms_edov` (optional claim "email
    // domain owner verified") says the tenant owns the address's domain.
    let verified = matches!(&c.email_verified, Some(serde_json::Value::Bool(true)))
        || matches!(&c.email_verified, Some(serde_json::Value::String(s)) if s == "true")
        || matches!(c.rest.get("xms_edov"), Some(serde_json::Value::Bool(true)));
    let Some(email) = c.email.as_deref().filter(|e| e.contains('@')) else {
        return bad("email", "missing".into());
    };
    if !verified {
        return bad("email_verified", "the provider has not verified this address".into());
    }
    Ok(email.to_ascii_lowercase())
}

/// The values of claim `name` (a string or a list of strings).
pub fn strings(c: &Claims, name: &str) -> Vec<String> {
    match c.rest.get(name) {
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Array(all)) => all.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use ring::rand::SystemRandom;
    use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair as _};

    use super::*;

    /// A P-256 key: its signer and its JWK.
    fn es256_key(kid: &str) -> (EcdsaKeyPair, Jwk) {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng).unwrap();
        let point = pair.public_key().as_ref().to_vec();
        let jwk = Jwk {
            kty: "EC".into(),
            kid: kid.into(),
            alg: "ES256".into(),
            usage: "sig".into(),
            n: String::new(),
            e: String::new(),
            crv: "P-256".into(),
            x: URL_SAFE_NO_PAD.encode(&point[1..33]),
            y: URL_SAFE_NO_PAD.encode(&point[33..]),
        };
        (pair, jwk)
    }

    fn token(pair: &EcdsaKeyPair, header: &serde_json::Value, claims: &serde_json::Value) -> String {
        let head = URL_SAFE_NO_PAD.encode(header.to_string());
        let body = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signed = format!("{head}.{body}");
        let sig = pair.sign(&SystemRandom::new(), signed.as_bytes()).unwrap();
        format!("{signed}.{}", URL_SAFE_NO_PAD.encode(sig.as_ref()))
    }

    fn claims(now: i64) -> serde_json::Value {
        serde_json::json!({
            "iss": "https://id.example.org", "sub": "u-1", "aud": "cloister", "exp": now + 300, "iat": now,
            "nonce": "n-1", "email": "Ann@Example.org", "email_verified": true, "groups": ["staff", "secure"]
        })
    }

    fn expected(now: i64) -> Expected<'static> {
        Expected {
            issuer: "https://id.example.org",
            client_id: "cloister",
            nonce: "n-1",
            now,
        }
    }

    #[test]
    fn a_token_signed_by_the_issuers_key_is_read_and_any_change_is_refused() {
        let (pair, jwk) = es256_key("k1");
        let keys = JwkSet { keys: vec![jwk] };
        let now = 1_800_000_000;
        let good = token(&pair, &serde_json::json!({"alg": "ES256", "kid": "k1"}), &claims(now));
        let read = verify_signature(&good, &keys).unwrap();
        assert_eq!(check_claims(&read, &expected(now)).unwrap(), "ann@example.org");
        assert_eq!(strings(&read, "groups"), ["staff", "secure"]);

        let mut parts: Vec<String> = good.split('.').map(str::to_string).collect();
        let mut forged = claims(now);
        forged["email"] = "boss@example.org".into();
        parts[1] = URL_SAFE_NO_PAD.encode(forged.to_string());
        assert_eq!(verify_signature(&parts.join("."), &keys).unwrap_err(), JwtError::Signature);

        let (other, _) = es256_key("k1");
        let by_stranger = token(&other, &serde_json::json!({"alg": "ES256", "kid": "k1"}), &claims(now));
        assert_eq!(verify_signature(&by_stranger, &keys).unwrap_err(), JwtError::Signature);
        let unknown = token(&pair, &serde_json::json!({"alg": "ES256", "kid": "k9"}), &claims(now));
        assert!(matches!(verify_signature(&unknown, &keys), Err(JwtError::UnknownKey(_))));
        for alg in ["none", "HS256", "RS512"] {
            let t = token(&pair, &serde_json::json!({"alg": alg, "kid": "k1"}), &claims(now));
            let keys_any = JwkSet {
                keys: vec![Jwk {
                    alg: String::new(),
                    ..keys.keys[0].clone()
                }],
            };
            assert!(matches!(verify_signature(&t, &keys_any), Err(JwtError::Algorithm(_))), "{alg}");
        }
        for broken in ["", "a.b", "a.b.c.d", "!!.??.##"] {
            assert!(matches!(verify_signature(broken, &keys), Err(JwtError::Malformed(_))), "{broken:?}");
        }
    }

    #[test]
    fn claims_a_sign_in_relies_on_are_each_checked() {
        let now = 1_800_000_000;
        let (pair, jwk) = es256_key("k1");
        let keys = JwkSet { keys: vec![jwk] };
        let cases: Vec<(&str, serde_json::Value)> = vec![
            ("iss", serde_json::json!("https://evil.example")),
            ("aud", serde_json::json!("someone-else")),
            ("azp", serde_json::json!(["cloister", "other"])),
            ("exp", serde_json::json!(now - 3600)),
            ("iat", serde_json::json!(now + 3600)),
            ("nonce", serde_json::json!("replayed")),
            ("email_verified", serde_json::json!(false)),
            ("exp", serde_json::json!(i64::MIN)),
            ("iat", serde_json::Value::Null),
        ];
        for (claim, value) in cases {
            let mut c = claims(now);
            let field = if claim == "azp" { "aud" } else { claim };
            if value.is_null() {
                c.as_object_mut().unwrap().remove(field);
            } else {
                c[field] = value;
            }
            let t = token(&pair, &serde_json::json!({"alg": "ES256", "kid": "k1"}), &c);
            let read = verify_signature(&t, &keys).unwrap();
            match check_claims(&read, &expected(now)) {
                Err(JwtError::Claim { claim: got, .. }) => assert_eq!(got, claim),
                other => panic!("{claim}: {other:?}"),
            }
        }
    }

    #[test]
    fn an_expiry_at_the_end_of_time_a_foreign_azp_and_a_crit_header_are_refused() {
        let now = 1_800_000_000;
        let (pair, jwk) = es256_key("k1");
        let keys = JwkSet { keys: vec![jwk] };
        let mut c = claims(now);
        c["exp"] = serde_json::json!(i64::MAX);
        let t = token(&pair, &serde_json::json!({"alg": "ES256", "kid": "k1"}), &c);
        assert!(
            check_claims(&verify_signature(&t, &keys).unwrap(), &expected(now)).is_ok(),
            "no overflow"
        );
        c["azp"] = serde_json::json!("another-client");
        let t = token(&pair, &serde_json::json!({"alg": "ES256", "kid": "k1"}), &c);
        let read = verify_signature(&t, &keys).unwrap();
        assert!(matches!(
            check_claims(&read, &expected(now)),
            Err(JwtError::Claim { claim: "azp", .. })
        ));
        let head = serde_json::json!({"alg": "ES256", "kid": "k1", "crit": ["b64"]});
        let t = token(&pair, &head, &claims(now));
        assert!(matches!(verify_signature(&t, &keys), Err(JwtError::Malformed(_))));
    }

    #[test]
    fn entra_ids_domain_owner_claim_verifies_the_address() {
        let now = 1_800_000_000;
        let (pair, jwk) = es256_key("k1");
        let keys = JwkSet { keys: vec![jwk] };
        let mut c = claims(now);
        c.as_object_mut().unwrap().remove("email_verified");
        for (edov, ok) in [(None, false), (Some(false), false), (Some(true), true)] {
            if let Some(v) = edov {
                c["xms_edov"] = serde_json::json!(v);
            }
            let t = token(&pair, &serde_json::json!({"alg": "ES256", "kid": "k1"}), &c);
            let read = verify_signature(&t, &keys).unwrap();
            assert_eq!(check_claims(&read, &expected(now)).is_ok(), ok, "xms_edov {edov:?}");
        }
    }
}
