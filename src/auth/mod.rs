//! Passwords: argon2id hashing and generated one-time passwords.

pub mod password;
