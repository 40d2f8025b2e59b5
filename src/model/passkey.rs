//! Passkeys (WebAuthn credentials) of portal accounts and admins.

use serde::{Deserialize, Serialize};

/// Most passkeys one account or admin keeps.
pub const MOST_PASSKEYS: usize = 10;

/// A credential's public key as stored (base64url, no padding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "alg")]
pub enum PublicKey {
    ES256 { x: String, y: String },
    EdDSA { x: String },
    RS256 { n: String, e: String },
}

/// An enrolled passkey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passkey {
    /// The credential id, base64url (no padding).
    pub id: String,
    /// What its owner calls it ("Work laptop").
    pub name: String,
    pub key: PublicKey,
    /// The authenticator's signature counter at its last use (0: it keeps none).
    pub sign_count: u32,
    /// It may be synced to other devices (fixed for the credential's life).
    pub backup_eligible: bool,
    /// It was synced, as of its last use.
    pub backed_up: bool,
    pub created_at: i64,
    #[serde(default)]
    pub last_used_at: Option<i64>,
    /// The WebAuthn user id it was made for (its sign-ins must name it).
    #[serde(default)]
    pub user_handle: String,
}

/// Whose passkey a credential id is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasskeyOwner {
    /// A portal account, by address.
    Portal(String),
    /// An admin of the console, by name.
    Admin(String),
}

impl PasskeyOwner {
    /// Who the owner's events name: the address, or "admin <name>".
    pub fn actor(&self) -> String {
        match self {
            Self::Portal(address) => address.clone(),
            Self::Admin(name) => format!("admin {name}"),
        }
    }
}
