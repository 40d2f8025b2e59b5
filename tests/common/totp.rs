//! An independent RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30 s) for tests.

/// The code of `secret` (base32) for the time step `offset` steps from now.
pub fn code(secret: &str, offset: i64) -> String {
    let key = data_encoding::BASE32_NOPAD.decode(secret.as_bytes()).expect("base32 secret");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let step = u64::try_from(i64::try_from(now / 30).unwrap() + offset).unwrap();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, &key);
    let mac = ring::hmac::sign(&key, &step.to_be_bytes());
    let mac = mac.as_ref();
    let o = usize::from(mac[19] & 0x0f);
    let n = u32::from_be_bytes([mac[o] & 0x7f, mac[o + 1], mac[o + 2], mac[o + 3]]) % 1_000_000;
    format!("{n:06}")
}
