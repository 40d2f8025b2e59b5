//! MIME helpers: header surgery on raw bytes and a parsed summary for the vault.

pub mod headers;
pub mod summary;
