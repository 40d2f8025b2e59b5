//! Portal accounts, their sessions, second factors and reset links.

use serde::{Deserialize, Serialize};

use super::Passkey;

/// A portal account, created on the first secure message to an address.
#[allow(clippy::struct_excessive_bools)] // independent account switches an admin sets
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Account {
    pub address: String,
    pub created_at: i64,
    pub internal: bool,
    /// argon2id PHC string; None until credentials are issued.
    pub password_hash: Option<String>,
    pub must_change_password: bool,
    pub allow_logon: bool,
    pub allow_sending: bool,
    /// When the password was last set (unix seconds; 0 = never), for `password.max_age_days`.
    #[serde(default)]
    pub password_changed_at: i64,
    /// SHA-256 of the only reset link that still works; a newer link replaces it.
    #[serde(default)]
    pub reset_token: Option<String>,
    #[serde(default)]
    pub last_sign_in: Option<SignInRecord>,
    /// The sign-in before the last one, which the user sees as "previous sign-in".
    #[serde(default)]
    pub previous_sign_in: Option<SignInRecord>,
    /// When a sign-in code was last asked for (unix seconds), so one request per minute is mailed.
    #[serde(default)]
    pub code_requested_at: i64,
    /// When a password reset was last mailed (unix seconds), so one request per minute is mailed.
    #[serde(default)]
    pub reset_requested_at: i64,
    /// The enrolled TOTP second factor, if any.
    #[serde(default)]
    pub totp: Option<Totp>,
    /// How the portal shows dates and what it adds to messages the user writes.
    #[serde(default)]
    pub preferences: Preferences,
    /// The user as the organisation's directory knew them at the last sign-in or check.
    #[serde(default)]
    pub directory: Option<DirectoryLink>,
    /// Enrolled passkeys (at most `MOST_PASSKEYS`).
    #[serde(default)]
    pub passkeys: Vec<Passkey>,
    /// The WebAuthn user id given with this account's passkeys (base64url,
    /// random; empty until the first).
    #[serde(default)]
    pub passkey_user: String,
}

impl Account {
    /// A new account without a password; an external one must change the
    /// password it is about to be mailed.
    pub fn new(address: &str, created_at: i64, internal: bool) -> Self {
        Self {
            address: address.to_string(),
            created_at,
            internal,
            password_hash: None,
            must_change_password: !internal,
            allow_logon: true,
            allow_sending: true,
            password_changed_at: 0,
            reset_token: None,
            last_sign_in: None,
            previous_sign_in: None,
            code_requested_at: 0,
            reset_requested_at: 0,
            totp: None,
            preferences: Preferences::default(),
            directory: None,
            passkeys: Vec::new(),
            passkey_user: String::new(),
        }
    }
}

/// An internal user found in the directory (LDAP): their entry and groups,
/// and when the directory last said so.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct DirectoryLink {
    pub dn: String,
    /// The DNs of their groups.
    pub groups: Vec<String>,
    /// Unix seconds.
    pub checked_at: i64,
}

/// A user's portal preferences; the service checks the values before they are stored.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Preferences {
    /// `iso` (2026-11-24), `dmy` (24/11/2026), `mdy` (11/24/2026) or `text` (24 Nov 2026).
    pub date_format: String,
    /// 24 or 12 (hour clock).
    pub clock_hours: u8,
    /// `monday`, `sunday` or `saturday`.
    pub week_starts: String,
    /// IANA time zone name, e.g. `Europe/London`.
    pub time_zone: String,
    /// Added under messages the user writes in the portal.
    pub signature: String,
    /// The name shown beside the address on messages the user writes (empty:
    /// the name the other party used for them, if any).
    pub display_name: String,
    /// Language code of the pages (`en`).
    pub language: String,
    /// Saved by the user at least once (until then the form suggests the
    /// browser's time zone).
    pub saved: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            date_format: "iso".into(),
            clock_hours: 24,
            week_starts: "monday".into(),
            time_zone: "UTC".into(),
            signature: String::new(),
            display_name: String::new(),
            language: String::new(),
            saved: false,
        }
    }
}

/// A TOTP second factor (RFC 6238, SHA-1, 6 digits, 30 s).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Totp {
    /// The shared secret, base32 as authenticator apps show it.
    pub secret: String,
    pub enrolled_at: i64,
    /// The last time step accepted; a code is never accepted twice.
    pub last_step: u64,
    /// SHA-256 (hex) of each unused recovery code.
    pub recovery: Vec<String>,
}

/// An emailed sign-in code, stored under the address it signs in (one per address).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SignInCode {
    /// SHA-256 (hex) of the salt, a colon and the code.
    pub code_hash: String,
    pub salt: String,
    pub created_at: i64,
    pub expires_at: i64,
    /// Wrong entries left before the code stops working.
    pub attempts_left: u32,
}

/// Where and when someone signed in.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SignInRecord {
    pub at: i64,
    pub ip: String,
    pub agent: String,
}

/// A signed-in browser, stored under the SHA-256 of its cookie token (never the token).
#[allow(clippy::struct_excessive_bools)] // independent steps a new session may still owe
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Session {
    pub address: String,
    pub created_at: i64,
    pub last_seen: i64,
    pub ip: String,
    pub agent: String,
    /// Token every form of this session carries.
    pub csrf: String,
    /// Nothing but the password change is allowed until this is cleared.
    pub must_change_password: bool,
    /// The password (or code) was right; the TOTP code is still to come.
    #[serde(default)]
    pub second_factor_pending: bool,
    /// `portal.require_totp` is on and the account has no second factor yet.
    #[serde(default)]
    pub must_enrol_totp: bool,
    /// A TOTP secret shown for enrolment, not yet confirmed with a code.
    #[serde(default)]
    pub totp_enrolling: Option<String>,
    /// `portal.require_passkey_for_internal` is on and the account has no passkey yet.
    #[serde(default)]
    pub must_enrol_passkey: bool,
}

impl Session {
    /// Every sign-in step is done (second factor, forced password change,
    /// required enrolment): the session may do what a signed-in user does.
    pub fn steps_done(&self) -> bool {
        !self.second_factor_pending && !self.must_change_password && !self.must_enrol_totp && !self.must_enrol_passkey
    }
}

/// A password-reset link waiting to be used, stored under the SHA-256 of its token.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ResetToken {
    pub address: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// What an admin changes about a portal account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChange {
    /// A new one-time password, made and mailed by the outbox (first-contact
    /// mail); `must_change`: the user must choose their own at the next sign-in.
    ResetAndMail {
        must_change: bool,
    },
    /// A new password's hash: one made and shown to the admin, or one the
    /// admin chose (`chosen`).
    SetPassword {
        hash: String,
        chosen: bool,
        must_change: bool,
    },
    /// The user must choose a new password at the next sign-in (and in live sessions).
    ForceChange,
    AllowLogon(bool),
    AllowSending(bool),
    /// The sign-in lockout was lifted (it lives in memory; this records it).
    Unlock,
    /// The account, its sessions and its mailbox entries go; events stay.
    Delete,
}
