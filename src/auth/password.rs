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

/// Longest password accepted (characters); keeps the hashing work bounded.
pub const MAX_LENGTH: usize = 256;

/// One rule of the password policy, as the checklist on the page names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Length,
    Lowercase,
    Uppercase,
    Digit,
    Symbol,
    NotAddress,
    NotCurrent,
}

impl Rule {
    /// The `data-rule` name in the page's checklist.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Length => "length",
            Rule::Lowercase => "lowercase",
            Rule::Uppercase => "uppercase",
            Rule::Digit => "digit",
            Rule::Symbol => "symbol",
            Rule::NotAddress => "not_address",
            Rule::NotCurrent => "not_current",
        }
    }

    /// The rules `policy` applies, in checklist order.
    pub fn all(policy: &Policy) -> Vec<Rule> {
        let mut rules = vec![Rule::Length];
        for (on, rule) in [
            (policy.require_lowercase, Rule::Lowercase),
            (policy.require_uppercase, Rule::Uppercase),
            (policy.require_digit, Rule::Digit),
            (policy.require_symbol, Rule::Symbol),
        ] {
            if on {
                rules.push(rule);
            }
        }
        rules.extend([Rule::NotAddress, Rule::NotCurrent]);
        rules
    }
}

/// The rules `new` breaks (Unicode aware: letters of any script count by case).
/// `current` is the account's current hash, checked last because it is slow.
pub fn broken_rules(policy: &Policy, address: &str, new: &str, current: Option<&str>) -> Vec<Rule> {
    let len = new.chars().count();
    let mut broken = Vec::new();
    for rule in Rule::all(policy) {
        let ok = match rule {
            Rule::Length => len >= policy.min_length as usize && len <= MAX_LENGTH,
            Rule::Lowercase => new.chars().any(char::is_lowercase),
            Rule::Uppercase => new.chars().any(char::is_uppercase),
            Rule::Digit => new.chars().any(|c| c.is_ascii_digit()),
            Rule::Symbol => new.chars().any(|c| !c.is_alphanumeric() && !c.is_whitespace()),
            Rule::NotAddress => !new.trim().eq_ignore_ascii_case(address.trim()),
            Rule::NotCurrent => true,
        };
        if !ok {
            broken.push(rule);
        }
    }
    if broken.is_empty() && current.is_some_and(|h| verify(h, new)) {
        broken.push(Rule::NotCurrent);
    }
    broken
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

/// A new one-time password and its argon2id hash (slow: call off the async threads).
pub fn generate_hashed(policy: &Policy) -> (String, Result<String, String>) {
    let secret = generate(policy);
    let hash = hash(&secret);
    (secret, hash)
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

    #[test]
    fn policy_rules_table() {
        let policy = Policy {
            min_length: 10,
            require_symbol: true,
            ..Policy::default()
        };
        let cases: &[(&str, &[Rule])] = &[
            ("Abcdefgh1-", &[]),
            ("Ab1-", &[Rule::Length]),
            ("abcdefgh1-", &[Rule::Uppercase]),
            ("ABCDEFGH1-", &[Rule::Lowercase]),
            ("Abcdefghi-", &[Rule::Digit]),
            ("Abcdefghi1", &[Rule::Symbol]),
            // Unicode letters count by case; length counts characters, not bytes.
            ("Ölçü-Şifre-9", &[]),
            ("Äöü1-", &[Rule::Length]),
            ("Pat@Partner.test9", &[]),
        ];
        for (pw, want) in cases {
            assert_eq!(broken_rules(&policy, "pat@partner.test", pw, None), *want, "{pw}");
        }
        let lax = Policy {
            min_length: 5,
            require_lowercase: false,
            require_uppercase: false,
            require_digit: false,
            ..Policy::default()
        };
        assert_eq!(
            broken_rules(&lax, "pat@partner.test", "PAT@partner.test", None),
            vec![Rule::NotAddress]
        );
        let long = "Aa1".repeat(100);
        assert_eq!(broken_rules(&lax, "p@q.test", &long, None), vec![Rule::Length]);
        let current = hash("Same-Old-Pass-1").unwrap();
        assert_eq!(
            broken_rules(&lax, "p@q.test", "Same-Old-Pass-1", Some(&current)),
            vec![Rule::NotCurrent]
        );
        assert!(broken_rules(&lax, "p@q.test", "Brand-New-Pass-2", Some(&current)).is_empty());
    }
}
