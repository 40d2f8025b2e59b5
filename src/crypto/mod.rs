//! Encryption at rest: the master key (outside the vault) and envelope
//! encryption with a data key per message. Pure functions over `ring`; the
//! service seals before the vault stores and opens after it reads, so the
//! vault only ever holds ciphertext and wrapped keys.

pub mod envelope;
pub mod keyring;
pub mod master;
pub mod spool;

pub use envelope::{Damaged, DataKey, unwrap_named, wrap_named};
pub use keyring::Keyring;
pub use master::{KeyError, KeySource, MasterKey};
pub use spool::SpoolKey;
