//! The admin console's own records: admin accounts and their sessions.

use serde::{Deserialize, Serialize};

use super::account::{Preferences, SignInRecord, Totp};
use super::passkey::Passkey;

/// An administrator of the appliance (not a portal account).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AdminAccount {
    /// Sign-in name (lower case).
    pub name: String,
    pub created_at: i64,
    /// argon2id PHC string.
    pub password_hash: String,
    /// TOTP secret, when one was set up (`admin.require_totp` demands it).
    pub totp: Option<Totp>,
    pub last_sign_in: Option<SignInRecord>,
    /// How the console shows dates to this admin (date format, clock, time
    /// zone; the portal's other preferences are unused here).
    #[serde(default)]
    pub preferences: Preferences,
    /// Enrolled passkeys (`admin.require_passkey` makes them the only way in).
    #[serde(default)]
    pub passkeys: Vec<Passkey>,
    /// The WebAuthn user id given with these passkeys (base64url, random).
    #[serde(default)]
    pub passkey_user: String,
}

/// A signed-in admin browser, stored under the SHA-256 of its cookie token.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AdminSession {
    pub name: String,
    pub created_at: i64,
    pub last_seen: i64,
    pub ip: String,
    pub agent: String,
    /// Token every admin form carries.
    pub csrf: String,
    /// `admin.require_passkey` is on and the admin has none yet: only the
    /// passkeys page until one is enrolled.
    #[serde(default)]
    pub must_enrol_passkey: bool,
}
