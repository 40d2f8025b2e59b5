//! A software passkey authenticator for protocol tests: a P-256 key (ring),
//! CBOR and WebAuthn structures written by hand here (apart from Cloister's
//! own reader), and knobs to break each part of an answer.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair as _};

use super::https::{Agent, Response};

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).unwrap()
}

/// CBOR head (major type, length or value), for the small values used here.
fn head(out: &mut Vec<u8>, major: u8, n: usize) {
    let m = major << 5;
    match u8::try_from(n) {
        Ok(small) if small < 24 => out.push(m | small),
        Ok(byte) => out.extend([m | 0x18, byte]),
        Err(_) => {
            out.push(m | 0x19);
            out.extend(u16::try_from(n).expect("under 64 KiB").to_be_bytes());
        }
    }
}

fn cbor_int(out: &mut Vec<u8>, i: i64) {
    let (major, n) = if i >= 0 { (0, i) } else { (1, -1 - i) };
    head(out, major, usize::try_from(n).expect("small"));
}

fn cbor_bytes(out: &mut Vec<u8>, b: &[u8]) {
    head(out, 2, b.len());
    out.extend(b);
}

fn cbor_text(out: &mut Vec<u8>, t: &str) {
    head(out, 3, t.len());
    out.extend(t.as_bytes());
}

/// What to break in an answer.
#[derive(Default, Clone)]
pub struct Faults {
    pub origin: Option<String>,
    pub rp_id: Option<String>,
    pub challenge: Option<Vec<u8>>,
    pub no_user_verification: bool,
    pub bad_signature: bool,
    /// The counter to report instead of the next one.
    pub counter: Option<u32>,
    pub user_handle: Option<String>,
    pub credential: Option<String>,
}

pub struct Authenticator {
    pair: EcdsaKeyPair,
    pub credential_id: Vec<u8>,
    pub user_handle: String,
    pub counter: u32,
}

/// The fields a form posts, by name.
pub type Fields = Vec<(&'static str, String)>;

impl Authenticator {
    pub fn new() -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).unwrap();
        let mut id = [0u8; 16];
        getrandom::getrandom(&mut id).unwrap();
        Self {
            pair,
            credential_id: id.to_vec(),
            user_handle: String::new(),
            counter: 0,
        }
    }

    fn cose_key(&self) -> Vec<u8> {
        let point = self.pair.public_key().as_ref();
        let mut out = Vec::new();
        head(&mut out, 5, 5);
        for (k, v) in [(1, 2), (3, -7), (-1, 1)] {
            cbor_int(&mut out, k);
            cbor_int(&mut out, v);
        }
        cbor_int(&mut out, -2);
        cbor_bytes(&mut out, &point[1..33]);
        cbor_int(&mut out, -3);
        cbor_bytes(&mut out, &point[33..]);
        out
    }

    fn auth_data(&self, rp_id: &str, flags: u8, attested: bool) -> Vec<u8> {
        let mut out = ring::digest::digest(&ring::digest::SHA256, rp_id.as_bytes()).as_ref().to_vec();
        out.push(flags | if attested { 0x40 } else { 0 });
        out.extend(self.counter.to_be_bytes());
        if attested {
            out.extend([0u8; 16]);
            out.extend(u16::try_from(self.credential_id.len()).unwrap().to_be_bytes());
            out.extend(&self.credential_id);
            out.extend(self.cose_key());
        }
        out
    }

    fn client_data(kind: &str, challenge: &[u8], origin: &str) -> Vec<u8> {
        format!(
            r#"{{"type":"{kind}","challenge":"{}","origin":"{origin}","crossOrigin":false}}"#,
            b64(challenge)
        )
        .into_bytes()
    }

    /// Answers creation `options` (the server's JSON) from `origin`: the enrolment form's fields.
    pub fn create(&mut self, options: &serde_json::Value, origin: &str, faults: &Faults) -> Fields {
        let challenge = faults
            .challenge
            .clone()
            .unwrap_or_else(|| unb64(options["challenge"].as_str().unwrap()));
        let rp_id = faults
            .rp_id
            .clone()
            .unwrap_or_else(|| options["rp"]["id"].as_str().unwrap().to_string());
        self.user_handle = options["user"]["id"].as_str().unwrap().to_string();
        let flags = if faults.no_user_verification { 0x01 } else { 0x05 };
        let client = Self::client_data("webauthn.create", &challenge, faults.origin.as_deref().unwrap_or(origin));
        let mut object = Vec::new();
        head(&mut object, 5, 3);
        cbor_text(&mut object, "fmt");
        cbor_text(&mut object, "none");
        cbor_text(&mut object, "attStmt");
        head(&mut object, 5, 0);
        cbor_text(&mut object, "authData");
        cbor_bytes(&mut object, &self.auth_data(&rp_id, flags, true));
        vec![
            ("client_data", b64(&client)),
            ("attestation", b64(&object)),
            ("user_handle", self.user_handle.clone()),
        ]
    }

    /// Answers request `options` from `origin`: the sign-in form's fields.
    pub fn get(&mut self, options: &serde_json::Value, origin: &str, faults: &Faults) -> Fields {
        let challenge = faults
            .challenge
            .clone()
            .unwrap_or_else(|| unb64(options["challenge"].as_str().unwrap()));
        let rp_id = faults
            .rp_id
            .clone()
            .unwrap_or_else(|| options["rpId"].as_str().unwrap().to_string());
        self.counter = faults.counter.unwrap_or(self.counter + 1);
        let flags = if faults.no_user_verification { 0x01 } else { 0x05 };
        let client = Self::client_data("webauthn.get", &challenge, faults.origin.as_deref().unwrap_or(origin));
        let data = self.auth_data(&rp_id, flags, false);
        let hash = ring::digest::digest(&ring::digest::SHA256, &client);
        let mut signature = self
            .pair
            .sign(&SystemRandom::new(), &[&data[..], hash.as_ref()].concat())
            .unwrap()
            .as_ref()
            .to_vec();
        if faults.bad_signature {
            let last = signature.len() - 1;
            signature[last] ^= 1;
        }
        vec![
            ("credential", faults.credential.clone().unwrap_or_else(|| b64(&self.credential_id))),
            ("client_data", b64(&client)),
            ("authenticator_data", b64(&data)),
            ("signature", b64(&signature)),
            (
                "user_handle",
                faults.user_handle.clone().unwrap_or_else(|| self.user_handle.clone()),
            ),
        ]
    }
}

/// Posts `path` with the form's token and reads the JSON options it answers.
pub fn options(agent: &mut Agent, path: &str, csrf: &str) -> serde_json::Value {
    let r = agent.post(path, &[("csrf", csrf)]);
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    assert!(r.header("content-type").unwrap_or("").starts_with("application/json"), "{r:?}");
    serde_json::from_str(&r.body).unwrap()
}

/// Posts `fixed` fields and an authenticator's `fields` to `path`.
pub fn post_fields(agent: &mut Agent, path: &str, fixed: &[(&str, &str)], fields: &Fields) -> Response {
    let mut all: Vec<(&str, &str)> = fixed.to_vec();
    all.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    agent.post(path, &all)
}
