//! Random secrets for cookies and links, stored only as their SHA-256.

use base64::Engine as _;

/// A fresh random token (256 bits, URL-safe) and the hash to store for it.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).expect("OS random source");
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&token);
    (token, hash)
}

/// Hex SHA-256 of `token`: what the vault keeps. A random 256-bit token needs
/// no slow hash; reading the vault must not reveal working tokens.
pub fn hash(token: &str) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, token.as_bytes()).as_ref())
}

/// A random code of `digits` decimal digits (leading zeros kept), uniformly drawn.
pub fn numeric_code(digits: u32) -> String {
    let modulus = 10u64.pow(digits);
    // Reject the top of the range so every code is equally likely.
    let limit = u64::MAX - u64::MAX % modulus;
    loop {
        let mut bytes = [0u8; 8];
        getrandom::getrandom(&mut bytes).expect("OS random source");
        let n = u64::from_le_bytes(bytes);
        if n < limit {
            return format!("{:0width$}", n % modulus, width = digits as usize);
        }
    }
}

/// Hex SHA-256 of a short code with its per-code salt (a bare hash of a
/// 6-digit code would be reversed by trying them all).
pub fn salted_hash(salt: &str, code: &str) -> String {
    hash(&format!("{salt}:{code}"))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Compares secrets without leaking where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = new_token();
        let (b, hb) = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(ha, hash(&a));
        assert_ne!(ha, hb);
        assert_eq!(ha.len(), 64);
        assert!(same(&a, &a.clone()) && !same(&a, &b) && !same("x", "xy"));
    }

    #[test]
    fn numeric_codes_have_their_length() {
        for digits in 6..=8 {
            let code = numeric_code(digits);
            assert_eq!(code.len(), digits as usize);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
        assert_ne!(salted_hash("a", "123456"), salted_hash("b", "123456"));
    }
}
