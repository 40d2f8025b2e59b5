//! TOTP second factor (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), the
//! enrolment QR code (SVG, drawn here so no image leaves the server) and
//! one-time recovery codes.

use data_encoding::BASE32_NOPAD;
use ring::hmac;

use super::tokens;

const STEP_SECS: i64 = 30;
const DIGITS: u32 = 6;
/// Codes one step either side of now are accepted (clock drift of phones).
const WINDOW: i64 = 1;
/// Recovery codes issued at enrolment.
pub const RECOVERY_CODES: usize = 10;

/// A new random 160-bit secret, base32 as authenticator apps expect it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::getrandom(&mut bytes).expect("OS random source");
    BASE32_NOPAD.encode(&bytes)
}

/// The code for one time step (RFC 4226 dynamic truncation).
fn code_at(key: &[u8], step: u64) -> u32 {
    let key = hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, key);
    let mac = hmac::sign(&key, &step.to_be_bytes());
    let mac = mac.as_ref();
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    let binary = u32::from_be_bytes([mac[offset] & 0x7f, mac[offset + 1], mac[offset + 2], mac[offset + 3]]);
    binary % 10u32.pow(DIGITS)
}

/// The time step of a unix time.
pub fn step_of(unix_secs: i64) -> u64 {
    u64::try_from(unix_secs.max(0) / STEP_SECS).unwrap_or(0)
}

/// The step whose code `entered` is (within the window around `now`), if any.
/// The caller must still refuse a step it has accepted before.
pub fn matching_step(secret: &str, entered: &str, now: i64) -> Option<u64> {
    let entered: String = entered.chars().filter(|c| !c.is_whitespace()).collect();
    if entered.len() != DIGITS as usize || !entered.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let key = BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    let wanted: u32 = entered.parse().ok()?;
    (-WINDOW..=WINDOW)
        .map(|d| step_of(now + d * STEP_SECS))
        .find(|&step| code_at(&key, step) == wanted)
}

/// The current code for `secret`.
#[cfg(test)]
fn current_code(secret: &str, now: i64) -> Option<String> {
    let key = BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    Some(format!("{:06}", code_at(&key, step_of(now))))
}

/// The `otpauth://` URI an authenticator app reads from the QR code.
pub fn uri(issuer: &str, account: &str, secret: &str) -> String {
    let enc = |s: &str| -> String {
        form_urlencoded::byte_serialize(s.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

/// The QR code of `data` as an inline `<svg>` element (no XML prologue).
pub fn qr_svg(data: &str) -> Result<String, String> {
    let code = qrcode::QrCode::new(data.as_bytes()).map_err(|e| e.to_string())?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    Ok(svg.find("<svg").map_or(svg.clone(), |at| svg[at..].to_string()))
}

/// Fresh recovery codes (shown once) and their hashes (stored).
pub fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 8];
            getrandom::getrandom(&mut bytes).expect("OS random source");
            let text = BASE32_NOPAD.encode(&bytes).to_ascii_lowercase();
            let code = format!("{}-{}", &text[..5], &text[5..10]);
            let hash = recovery_hash(&code);
            (code, hash)
        })
        .unzip()
}

/// The stored form of a recovery code as a user may type it (any case, spaces or not).
pub fn recovery_hash(entered: &str) -> String {
    let clean: String = entered
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    tokens::hash(&clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 rows (the 8-digit values, truncated to our 6).
    #[test]
    fn rfc6238_vectors() {
        let key = b"12345678901234567890";
        for (time, code8) in [
            (59, 94_287_082),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
        ] {
            assert_eq!(code_at(key, step_of(time)), code8 % 1_000_000, "time {time}");
        }
    }

    #[test]
    fn window_accepts_neighbours_only() {
        let secret = new_secret();
        let now = 1_700_000_000;
        let code = current_code(&secret, now).unwrap();
        assert_eq!(matching_step(&secret, &code, now), Some(step_of(now)));
        assert_eq!(matching_step(&secret, &code, now + 30), Some(step_of(now)));
        assert_eq!(matching_step(&secret, &code, now + 95), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn recovery_codes_hash_as_typed() {
        let (codes, hashes) = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(recovery_hash(&codes[0].to_uppercase().replace('-', " ")), hashes[0]);
        assert_ne!(hashes[0], hashes[1]);
    }

    #[test]
    fn qr_is_inline_svg() {
        let svg = qr_svg(&uri("Example Org", "a@b.example", &new_secret())).unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{}", &svg[..40]);
    }
}
