//! The relying party's checks against a software authenticator (ring keys,
//! CBOR written by hand): each check refuses what it must.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, Ed25519KeyPair, KeyPair as _};

use super::{Answer, Known, PasskeyError, RelyingParty, assert, register};
use crate::auth::cbor::{Value, encode};

const UP_UV: u8 = 0x05;

enum Pair {
    Ec(EcdsaKeyPair),
    Ed(Ed25519KeyPair),
}

impl Pair {
    fn es256() -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        Self::Ec(EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).unwrap())
    }

    fn ed25519() -> Self {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
        Self::Ed(Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap())
    }

    fn cose(&self) -> Vec<u8> {
        let i = Value::Int;
        let key = match self {
            Self::Ec(p) => {
                let point = p.public_key().as_ref();
                Value::Map(vec![
                    (i(1), i(2)),
                    (i(3), i(-7)),
                    (i(-1), i(1)),
                    (i(-2), Value::Bytes(point[1..33].to_vec())),
                    (i(-3), Value::Bytes(point[33..].to_vec())),
                ])
            }
            Self::Ed(p) => Value::Map(vec![
                (i(1), i(1)),
                (i(3), i(-8)),
                (i(-1), i(6)),
                (i(-2), Value::Bytes(p.public_key().as_ref().to_vec())),
            ]),
        };
        let mut out = Vec::new();
        encode(&key, &mut out);
        out
    }

    fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            Self::Ec(p) => p.sign(&SystemRandom::new(), message).unwrap().as_ref().to_vec(),
            Self::Ed(p) => p.sign(message).as_ref().to_vec(),
        }
    }
}

fn rp() -> RelyingParty {
    RelyingParty::of("https://portal.example.org:8443/").unwrap()
}

fn client(kind: &str, challenge: &[u8], origin: &str) -> Vec<u8> {
    let c = URL_SAFE_NO_PAD.encode(challenge);
    format!(r#"{{"type":"{kind}","challenge":"{c}","origin":"{origin}","crossOrigin":false}}"#).into_bytes()
}

fn data(rp_id: &str, flags: u8, count: u32, attested: Option<(&[u8], &Pair)>) -> Vec<u8> {
    let mut out = ring::digest::digest(&ring::digest::SHA256, rp_id.as_bytes()).as_ref().to_vec();
    out.push(flags | if attested.is_some() { 0x40 } else { 0 });
    out.extend(count.to_be_bytes());
    if let Some((id, pair)) = attested {
        out.extend([0u8; 16]);
        out.extend(u16::try_from(id.len()).unwrap().to_be_bytes());
        out.extend(id);
        out.extend(pair.cose());
    }
    out
}

fn attestation(auth_data: Vec<u8>) -> Vec<u8> {
    let object = Value::Map(vec![
        (Value::Text("fmt".into()), Value::Text("none".into())),
        (Value::Text("attStmt".into()), Value::Map(vec![])),
        (Value::Text("authData".into()), Value::Bytes(auth_data)),
    ]);
    let mut out = Vec::new();
    encode(&object, &mut out);
    out
}

#[test]
fn the_relying_party_is_the_public_hosts_name_never_an_address() {
    let rp = rp();
    assert_eq!(
        (rp.id.as_str(), rp.origin.as_str()),
        ("portal.example.org", "https://portal.example.org:8443")
    );
    assert_eq!(
        RelyingParty::of("https://Portal.Example.org:443").unwrap().origin,
        "https://portal.example.org"
    );
    assert!(RelyingParty::of("https://127.0.0.1:8443").is_none());
    assert!(RelyingParty::of("https://[::1]:8443").is_none());
    assert!(RelyingParty::of("http://portal.example.org").is_none());
}

#[test]
fn a_new_credential_is_read_and_each_check_refuses_its_fault() {
    let rp = rp();
    let pair = Pair::es256();
    let challenge = [7u8; 32];
    let good_client = client("webauthn.create", &challenge, &rp.origin);
    let good = attestation(data(&rp.id, UP_UV | 0x08, 0, Some((b"cred-1", &pair))));
    let made = register(&rp, &challenge, &good_client, &good).unwrap();
    assert_eq!(made.id, b"cred-1");
    assert!(matches!(made.key, crate::model::PublicKey::ES256 { .. }));
    assert!(made.backup_eligible && !made.backed_up);

    let refused = |client: &[u8], object: &[u8]| register(&rp, &challenge, client, object).unwrap_err();
    assert_eq!(
        refused(&client("webauthn.create", &[8; 32], &rp.origin), &good),
        PasskeyError::WrongChallenge
    );
    assert!(matches!(
        refused(&client("webauthn.get", &challenge, &rp.origin), &good),
        PasskeyError::WrongType(_)
    ));
    assert!(matches!(
        refused(&client("webauthn.create", &challenge, "https://portal.example.org.evil"), &good),
        PasskeyError::WrongOrigin(_)
    ));
    let other_rp = attestation(data("evil.example", UP_UV, 0, Some((b"c", &pair))));
    assert_eq!(refused(&good_client, &other_rp), PasskeyError::WrongRelyingParty);
    let no_uv = attestation(data(&rp.id, 0x01, 0, Some((b"c", &pair))));
    assert_eq!(refused(&good_client, &no_uv), PasskeyError::NoUserVerification);
    let absent = attestation(data(&rp.id, 0x04, 0, Some((b"c", &pair))));
    assert_eq!(refused(&good_client, &absent), PasskeyError::NoUserPresence);
    let backed_not_eligible = attestation(data(&rp.id, UP_UV | 0x10, 0, Some((b"c", &pair))));
    assert!(matches!(refused(&good_client, &backed_not_eligible), PasskeyError::Malformed(_)));
    let no_credential = attestation(data(&rp.id, UP_UV, 0, None));
    assert!(matches!(refused(&good_client, &no_credential), PasskeyError::Malformed(_)));
    let mut trailing = data(&rp.id, UP_UV, 0, Some((b"c", &pair)));
    trailing.push(0);
    assert!(matches!(refused(&good_client, &attestation(trailing)), PasskeyError::Malformed(_)));
    assert!(matches!(refused(&good_client, b"\xa1"), PasskeyError::Malformed(_)));
}

#[test]
fn a_sign_in_verifies_es256_and_ed25519_and_refuses_every_fault() {
    let rp = rp();
    for pair in [Pair::es256(), Pair::ed25519()] {
        let made = register(
            &rp,
            &[1; 32],
            &client("webauthn.create", &[1; 32], &rp.origin),
            &attestation(data(&rp.id, UP_UV, 3, Some((b"id", &pair)))),
        )
        .unwrap();
        let challenge = [2u8; 32];
        let known = Known {
            key: &made.key,
            sign_count: made.sign_count,
            backup_eligible: made.backup_eligible,
        };
        let try_with = |client: &[u8], auth: &[u8], sign_with: &Pair| {
            let hash = ring::digest::digest(&ring::digest::SHA256, client);
            let signature = sign_with.sign(&[auth, hash.as_ref()].concat());
            let answer = Answer {
                client_data_json: client,
                authenticator_data: auth,
                signature: &signature,
            };
            assert(&rp, &challenge, &answer, &known)
        };
        let good_client = client("webauthn.get", &challenge, &rp.origin);
        let signed_in = try_with(&good_client, &data(&rp.id, UP_UV, 4, None), &pair).unwrap();
        assert_eq!(signed_in.sign_count, 4);

        let stranger = Pair::es256();
        assert_eq!(
            try_with(&good_client, &data(&rp.id, UP_UV, 4, None), &stranger).unwrap_err(),
            PasskeyError::Signature
        );
        assert_eq!(
            try_with(&good_client, &data(&rp.id, UP_UV, 3, None), &pair).unwrap_err(),
            PasskeyError::CounterWentBack { stored: 3, now: 3 }
        );
        assert_eq!(
            try_with(&good_client, &data(&rp.id, 0x01, 4, None), &pair).unwrap_err(),
            PasskeyError::NoUserVerification
        );
        assert_eq!(
            try_with(&good_client, &data("example.org", UP_UV, 4, None), &pair).unwrap_err(),
            PasskeyError::WrongRelyingParty
        );
        assert_eq!(
            try_with(&good_client, &data(&rp.id, UP_UV | 0x08, 4, None), &pair).unwrap_err(),
            PasskeyError::BackupEligibility
        );
        let replayed = client("webauthn.get", &[1; 32], &rp.origin);
        assert_eq!(
            try_with(&replayed, &data(&rp.id, UP_UV, 4, None), &pair).unwrap_err(),
            PasskeyError::WrongChallenge
        );
        let framed = String::from_utf8(good_client.clone())
            .unwrap()
            .replace("\"crossOrigin\":false", "\"crossOrigin\":true");
        assert!(matches!(
            try_with(framed.as_bytes(), &data(&rp.id, UP_UV, 4, None), &pair).unwrap_err(),
            PasskeyError::WrongOrigin(_)
        ));
    }
}
