//! Credentials: argon2id passwords, random tokens and codes, sign-in
//! throttling and the TOTP second factor.

pub mod in_flight;
pub mod password;
pub mod rate;
pub mod throttle;
pub mod tokens;
pub mod totp;
