//! argon2id hashes and generated passwords that satisfy the policy.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::config::Password as Policy;

/// An argon2id PHC string for `password`.
pub fn hash(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// True when `password` matches the PHC string `hash`.
pub fn verify(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Burns the same work as a real check, so timing does not reveal unknown accounts.
pub fn verify_dummy(password: &str) {
    if let Ok(salt) = SaltString::from_b64("Y2xvaXN0ZXJkdW1teXNhbHQ") {
        let _ = Argon2::default().hash_password(password.as_bytes(), &salt);
    }
}

const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGIT: &[u8] = b"23456789";
const SYMBOL: &[u8] = b"-_+=!%";

fn pick(set: &[u8]) -> u8 {
    loop {
        let mut b = [0u8; 1];
        getrandom::getrandom(&mut b).expect("OS random source");
        // Rejection sampling keeps every character equally likely.
        let limit = 256 - (256 % set.len());
        if usize::from(b[0]) < limit {
            return set[usize::from(b[0]) % set.len()];
        }
    }
}

/// A random one-time password of at least 16 characters that satisfies `policy`,
/// without look-alike characters (no 0/O, 1/l/I).
pub fn generate(policy: &Policy) -> String {
    let len = (policy.min_length as usize).max(16);
    let mut classes: Vec<&[u8]> = vec![LOWER, UPPER, DIGIT];
    if policy.require_symbol {
        classes.push(SYMBOL);
    }
    let all: Vec<u8> = classes.concat();
    let mut chars: Vec<u8> = classes.iter().map(|c| pick(c)).collect();
    while chars.len() < len {
        chars.push(pick(&all));
    }
    // Shuffle so the guaranteed classes are not always first (Fisher-Yates).
    for i in (1..chars.len()).rev() {
        let mut b = [0u8; 8];
        getrandom::getrandom(&mut b).expect("OS random source");
        let j = usize::try_from(u64::from_le_bytes(b) % (i as u64 + 1)).unwrap_or(0);
        chars.swap(i, j);
    }
    String::from_utf8(chars).expect("ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_meet_the_policy() {
        let mut policy = Policy {
            require_symbol: true,
            min_length: 20,
            ..Policy::default()
        };
        for _ in 0..200 {
            let p = generate(&policy);
            assert!(p.len() >= 20);
            assert!(p.bytes().any(|b| b.is_ascii_lowercase()));
            assert!(p.bytes().any(|b| b.is_ascii_uppercase()));
            assert!(p.bytes().any(|b| b.is_ascii_digit()));
            assert!(p.bytes().any(|b| SYMBOL.contains(&b)));
            assert!(!p.contains(['0', 'O', '1', 'l', 'I']));
        }
        policy.min_length = 8;
        assert_eq!(generate(&policy).len(), 16, "never shorter than 16");
        let a = generate(&policy);
        assert_ne!(a, generate(&policy));
    }

    #[test]
    fn hash_then_verify() {
        let h = hash("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(&h, "correct horse"));
        assert!(!verify(&h, "wrong"));
    }
}
