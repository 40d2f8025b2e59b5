//! Passwords: argon2id hashing and generated one-time passwords.

pub mod password;
pub mod throttle;
pub mod tokens;
