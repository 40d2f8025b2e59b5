//! Credentials: argon2id passwords, random tokens and codes, sign-in
//! throttling, the TOTP second factor and OpenID Connect ID tokens.

pub mod in_flight;
pub mod jwt;
pub mod password;
pub mod rate;
pub mod throttle;
pub mod tokens;
pub mod totp;
