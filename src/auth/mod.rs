//! Credentials: argon2id passwords, random tokens and codes, sign-in
//! throttling, the TOTP second factor, OpenID Connect ID tokens and passkeys
//! (WebAuthn, with the bit of CBOR it needs).

pub mod cbor;
pub mod in_flight;
pub mod jwt;
pub mod password;
pub mod rate;
pub mod throttle;
pub mod tokens;
pub mod totp;
pub mod webauthn;
