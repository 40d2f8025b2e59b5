//! Settings of the portal, accounts, messages, notifications, direct delivery
//! and logging (the rest of `Config` is in `mod.rs`). Defaults live here too.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Direct delivery for `tls_first` routes.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Delivery {
    /// Domain → "host:port" used instead of the MX lookup (like Postfix's transport map).
    pub transport: std::collections::BTreeMap<String, String>,
    /// Extra CA certificates (PEM) trusted for recipients' servers; "" = the public roots only.
    pub ca_file: PathBuf,
    /// DNS server for MX lookups as "ip:port"; "" = the first nameserver in /etc/resolv.conf.
    pub dns_server: String,
    /// Seconds one direct delivery attempt may take.
    pub timeout_secs: u64,
    /// Honour the recipient domain's MTA-STS policy (RFC 8461) on MX delivery.
    pub mta_sts: bool,
}

impl Default for Delivery {
    fn default() -> Self {
        Self {
            transport: std::collections::BTreeMap::new(),
            ca_file: PathBuf::new(),
            dns_server: String::new(),
            timeout_secs: 60,
            mta_sts: true,
        }
    }
}

/// The recipient portal.
#[allow(clippy::struct_excessive_bools)] // independent switches, as the config file spells them
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Portal {
    /// Days of mail shown in the Inbox; older mail only through search (fractions allowed).
    pub inbox_days: f64,
    /// How far back search reaches, in days (fractions allowed).
    pub archive_search_days: f64,
    /// Minutes of inactivity before a session ends (fractions allowed).
    pub session_idle_minutes: f64,
    /// Hours after sign-in when a session ends however active it is.
    pub session_max_hours: u32,
    /// Days a draft nobody saves again is kept before it is removed.
    pub draft_keep_days: u32,
    /// Lite mode: external recipients may reply but not compose new messages.
    pub lite_mode: bool,
    /// Offer "email me a sign-in code" as a passwordless option.
    pub sign_in_codes: bool,
    /// Digits in an emailed sign-in code (6 to 8).
    pub sign_in_code_digits: u32,
    /// Minutes an emailed sign-in code stays valid.
    pub sign_in_code_minutes: u32,
    /// Wrong entries of one sign-in code before it stops working.
    pub sign_in_code_attempts: u32,
    /// Require every portal user to enrol a TOTP second factor.
    pub require_totp: bool,
    /// Offer passkeys (WebAuthn) for signing in; needs `web.public_url` with a
    /// host name (browsers give no passkeys to an IP address).
    pub passkeys: bool,
    /// A new external recipient may enrol a passkey instead of choosing a
    /// password (false: they choose a password, and may add passkeys too).
    pub passkey_replaces_password: bool,
    /// Internal users must sign in with a passkey: one without is asked to
    /// enrol one at the next sign-in; one with is refused a password or code.
    pub require_passkey_for_internal: bool,
    /// Seconds the browser has to answer a passkey request (5 to 600).
    pub passkey_timeout_secs: u64,
    /// Failed sign-ins per account before a progressive lockout starts.
    pub lockout_threshold: u32,
    /// Language of pages for a reader whose browser asks for none we ship, and
    /// of mails to a recipient who chose none (`en`, `de`, `fr`, `es`, `nl`).
    pub default_language: String,
}

impl Portal {
    /// `inbox_days` in whole seconds.
    pub fn inbox_secs(&self) -> i64 {
        seconds(self.inbox_days * 86_400.0)
    }

    /// `archive_search_days` in whole seconds.
    pub fn archive_secs(&self) -> i64 {
        seconds(self.archive_search_days * 86_400.0)
    }

    /// `session_idle_minutes` in whole seconds (at least one).
    pub fn idle_secs(&self) -> i64 {
        seconds(self.session_idle_minutes * 60.0)
    }
}

impl Password {
    /// `max_age_days` in whole seconds; 0 = passwords never expire.
    pub fn max_age_secs(&self) -> i64 {
        seconds(self.max_age_days * 86_400.0)
    }
}

/// Rounds a validated (finite, non-negative, bounded) number of seconds.
#[allow(clippy::cast_possible_truncation)] // validate.rs bounds these settings far below i64::MAX
fn seconds(secs: f64) -> i64 {
    secs.round() as i64
}

impl Default for Portal {
    fn default() -> Self {
        Self {
            inbox_days: 60.0,
            archive_search_days: 365.0,
            session_idle_minutes: 60.0,
            session_max_hours: 12,
            draft_keep_days: 30,
            lite_mode: false,
            sign_in_codes: true,
            sign_in_code_digits: 6,
            sign_in_code_minutes: 15,
            sign_in_code_attempts: 5,
            require_totp: false,
            passkeys: true,
            passkey_replaces_password: true,
            require_passkey_for_internal: false,
            passkey_timeout_secs: 300,
            lockout_threshold: 5,
            default_language: "en".into(),
        }
    }
}

/// The admin console (`/admin`): its own accounts, sessions and lockout.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Admin {
    /// Admins sign in with a TOTP code as well as their password.
    pub require_totp: bool,
    /// The console accepts only passkeys: an admin with one is refused a
    /// password; one without may sign in with the password (and code) only
    /// to enrol one (`cloister admin add` still makes the first admin).
    pub require_passkey: bool,
    /// Minutes of inactivity before an admin session ends (fractions allowed).
    pub session_idle_minutes: f64,
    /// Hours after sign-in when an admin session ends however active it is.
    pub session_max_hours: u32,
    /// Failed admin sign-ins per name before a progressive lockout starts.
    pub lockout_threshold: u32,
    /// The secure message monitor shows subjects (off: admins see only addresses and dates).
    pub monitor_shows_subject: bool,
}

impl Admin {
    /// `session_idle_minutes` in whole seconds.
    pub fn idle_secs(&self) -> i64 {
        seconds(self.session_idle_minutes * 60.0)
    }
}

impl Default for Admin {
    fn default() -> Self {
        Self {
            require_totp: true,
            require_passkey: false,
            session_idle_minutes: 15.0,
            session_max_hours: 8,
            lockout_threshold: 5,
            monitor_shows_subject: true,
        }
    }
}

/// Password complexity and lifetime for portal accounts.
#[allow(clippy::struct_excessive_bools)] // one switch per character class
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Password {
    pub min_length: u32,
    pub require_lowercase: bool,
    pub require_uppercase: bool,
    pub require_digit: bool,
    pub require_symbol: bool,
    /// Days before a password must be changed; 0 = never (fractions allowed).
    pub max_age_days: f64,
    /// Hours a password-reset link stays valid.
    pub reset_link_hours: u32,
    /// Seconds before another reset link is mailed to the same account (each
    /// new link voids the last, so a flood would keep a user from using any).
    pub reset_interval_secs: u32,
}

impl Default for Password {
    fn default() -> Self {
        Self {
            min_length: 10,
            require_lowercase: true,
            require_uppercase: true,
            require_digit: true,
            require_symbol: false,
            max_age_days: 0.0,
            reset_link_hours: 24,
            reset_interval_secs: 60,
        }
    }
}

/// Lifetime and limits of secure messages.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Messages {
    /// Days until a secure message expires, unless the sender chose otherwise.
    pub expiry_default_days: u32,
    /// Longest expiry a sender may choose, in days.
    pub expiry_max_days: u32,
    /// Days a message is kept before it is purged; expiry can never be extended past it.
    pub retention_days: u32,
    /// Total size of attachments on a message composed in the portal, in bytes.
    pub attachment_limit: u64,
    /// Unique secure recipients one sender may reach per calendar month (UTC), over
    /// SMTP and the portal together; a message that would pass it is refused whole. 0 = no limit.
    pub unique_recipients_per_month: u32,
    /// Send a copy of each message composed in the portal to the mail server for the sender's mailbox.
    pub bcc_to_mail_server: bool,
}

impl Default for Messages {
    fn default() -> Self {
        Self {
            expiry_default_days: 30,
            expiry_max_days: 90,
            retention_days: 365,
            attachment_limit: 50_000_000,
            unique_recipients_per_month: 500,
            bcc_to_mail_server: false,
        }
    }
}

/// Mail Cloister writes itself.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Notify {
    /// From address of notifications; empty = no-reply@<hostname>.
    pub sender: String,
    /// Organisation name shown in notifications and the portal.
    pub organisation: String,
    /// Who recipients contact for help, shown in every notification (e.g. "IT desk, +44 20 7946 0000").
    pub support_contact: String,
    /// Accent colour of HTML notifications and the portal, as #rrggbb.
    pub accent_colour: String,
    /// PNG logo embedded inline in HTML notifications and shown in the portal's
    /// and admin console's header; empty = no logo.
    pub logo_file: PathBuf,
    /// Directory whose files override the built-in templates; empty = built-in only.
    pub template_dir: PathBuf,
    /// DKIM selector; the DNS record goes at <selector>._domainkey.<domain>.
    pub dkim_selector: String,
    /// DKIM signing domain; empty = the domain of the notification sender.
    pub dkim_domain: String,
    /// "rsa" (RSA-2048, verified everywhere) or "ed25519".
    pub dkim_algorithm: DkimAlgorithm,
    /// PEM private key (PKCS#8); empty = generated in `<data_dir>/dkim/` on first start.
    pub dkim_key_file: PathBuf,
    /// Give up on a notice, credentials or failure mail older than this (dead letter).
    pub retry_max_age_hours: u64,
    /// Notices name the person who sent the secure message (off: the notice
    /// says only that a message waits, as the product documents advise, so a
    /// forged notice cannot borrow a colleague's name to look genuine).
    pub name_sender: bool,
    /// Mail an internal user once when their portal account is made (by
    /// sending a secure message, or by an admin): where the portal is and how
    /// to sign in.
    pub welcome_internal: bool,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DkimAlgorithm {
    Rsa,
    Ed25519,
}

impl Default for Notify {
    fn default() -> Self {
        Self {
            sender: String::new(),
            organisation: "Cloister".into(),
            support_contact: String::new(),
            accent_colour: "#1f5fbf".into(),
            logo_file: PathBuf::new(),
            template_dir: PathBuf::new(),
            dkim_selector: "cloister".into(),
            dkim_domain: String::new(),
            dkim_algorithm: DkimAlgorithm::Rsa,
            dkim_key_file: PathBuf::new(),
            retry_max_age_hours: 48,
            name_sender: false,
            welcome_internal: true,
        }
    }
}

/// The operations listener: Prometheus metrics and health checks over plain HTTP.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Metrics {
    /// Address for `/metrics`, `/healthz` and `/readyz`; "" = off. Loopback by default:
    /// it has no TLS and no sign-in.
    pub listen: String,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:9325".into(),
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Log {
    /// tracing filter, e.g. "info" or "cloister=debug".
    pub level: String,
    pub format: LogFormat,
}

impl Default for Log {
    fn default() -> Self {
        Self {
            level: "info".into(),
            format: LogFormat::Text,
        }
    }
}

/// Where the master key is: the key that wraps every message's data key
/// (encryption at rest). Kept outside the vault file; at most one of the
/// three is set.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
#[allow(clippy::struct_field_names, reason = "they read as keys.master_key_file … in cloister.toml")]
pub struct Keys {
    /// A file holding the key (64 hex digits); "" = `<data_dir>/keys/master.key`,
    /// made at the first start. It must not be readable by group or others.
    pub master_key_file: PathBuf,
    /// The name of a systemd credential (`LoadCredential=NAME:PATH`), read from
    /// `$CREDENTIALS_DIRECTORY/NAME`; "" = not used. Never made by Cloister.
    pub master_key_credential: String,
    /// The name of an environment variable holding the key; "" = not used.
    /// Never made by Cloister.
    pub master_key_env: String,
    /// Wrapped keys re-wrapped per write during `cloister keys rotate`, and
    /// older (plaintext) messages sealed per write after an upgrade: each
    /// batch is one short write between the server's others.
    pub batch: u32,
}

impl Default for Keys {
    fn default() -> Self {
        Self {
            master_key_file: PathBuf::new(),
            master_key_credential: String::new(),
            master_key_env: String::new(),
            batch: 500,
        }
    }
}
