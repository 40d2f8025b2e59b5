//! SMTP intake: a sans-IO session (`session`, `data`) driven by `server`.

pub mod auth;
pub mod data;
pub mod server;
pub mod session;
#[cfg(test)]
mod session_tests;
pub mod spool;
pub mod throttle;
