//! Every setting Cloister has, with its built-in default.
//!
//! This file is the one source of truth for defaults: `appliance/cloister.toml`
//! is checked against `Config::default()` by a test, and `check-config`
//! reports where each effective value came from.

mod accounts;
mod error;
mod file_check;
mod ldap;
mod load;
mod oidc;
mod sources;
mod starter;
mod validate;
mod warnings;
mod words;

use std::net::SocketAddr;
use std::path::PathBuf;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

pub use accounts::{Admin, Delivery, DkimAlgorithm, Keys, Log, LogFormat, Messages, Metrics, Notify, Password, Portal};
pub use error::ConfigError;
pub use ldap::{Ldap, parse_url as parse_ldap_url};
pub use load::{DEFAULT_FILE, LoadedConfig, Overrides, load};
pub use oidc::{Oidc, issuer_url as oidc_issuer_url};
pub use sources::effective_settings;
pub use starter::starter_file;
pub use warnings::warnings;

/// The whole configuration, as `cloister.toml` spells it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Directory for the vault file, certificates and the control socket.
    pub data_dir: PathBuf,
    /// Name used in SMTP greetings, Received headers and certificates; empty = the machine's host name.
    pub hostname: String,
    /// Domains of the organisation; their recipients get ordinary mail unless a sender asks otherwise.
    pub internal_domains: Vec<String>,
    pub smtp: Smtp,
    pub web: Web,
    pub tls: Tls,
    pub relay: Relay,
    pub policy: Policy,
    pub portal: Portal,
    pub admin: Admin,
    pub password: Password,
    pub messages: Messages,
    pub notify: Notify,
    pub delivery: Delivery,
    pub metrics: Metrics,
    pub log: Log,
    pub keys: Keys,
    pub ldap: Ldap,
    pub oidc: Oidc,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./cloister-data"),
            hostname: String::new(),
            internal_domains: Vec::new(),
            smtp: Smtp::default(),
            web: Web::default(),
            tls: Tls::default(),
            relay: Relay::default(),
            policy: Policy::default(),
            portal: Portal::default(),
            admin: Admin::default(),
            password: Password::default(),
            messages: Messages::default(),
            notify: Notify::default(),
            delivery: Delivery::default(),
            metrics: Metrics::default(),
            log: Log::default(),
            keys: Keys::default(),
            ldap: Ldap::default(),
            oidc: Oidc::default(),
        }
    }
}

/// SMTP intake, where the organisation's mail server hands over outbound mail.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Smtp {
    pub listen: SocketAddr,
    /// Clients in these networks may send without AUTH.
    pub trusted_networks: Vec<IpNet>,
    /// Largest message accepted, in bytes (announced with SIZE).
    pub max_message_size: u64,
    pub max_recipients: u32,
    /// Longest command or message line, in bytes, CRLF included.
    pub max_line_length: u32,
    pub max_connections: u32,
    pub max_connections_per_client: u32,
    /// Of `max_connections`, how many only `trusted_networks` may use.
    pub reserved_trusted_connections: u32,
    /// Seconds to wait for the next command.
    pub command_timeout_secs: u64,
    /// Seconds allowed between two chunks of message data.
    pub data_timeout_secs: u64,
    /// Seconds one transaction (MAIL to the end of DATA) may take in all.
    pub transaction_timeout_secs: u64,
    /// Protocol errors tolerated before the connection is closed.
    pub max_errors: u32,
    /// Refuse MAIL until the client has started TLS.
    pub require_tls: bool,
    /// Accounts that may AUTH (PLAIN/LOGIN, over TLS only); hashes from `cloister hash-password`.
    pub auth_users: Vec<SmtpUser>,
}

impl Default for Smtp {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 2525)),
            trusted_networks: vec!["127.0.0.0/8".parse().expect("valid net"), "::1/128".parse().expect("valid net")],
            max_message_size: 73_400_320,
            max_recipients: 100,
            max_line_length: 4096,
            max_connections: 200,
            max_connections_per_client: 20,
            reserved_trusted_connections: 20,
            command_timeout_secs: 300,
            data_timeout_secs: 600,
            transaction_timeout_secs: 1800,
            max_errors: 10,
            require_tls: false,
            auth_users: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SmtpUser {
    pub username: String,
    pub password_hash: String,
}

/// The HTTPS portal and admin UI.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Web {
    pub listen: SocketAddr,
    /// Address people use to reach the portal; empty = https://<hostname>:<port>.
    pub public_url: String,
    /// Optional plain-HTTP listener that only redirects to HTTPS; empty = off.
    pub http_redirect_listen: String,
    /// Directory whose files override the built-in portal pages; empty = built-in only.
    pub template_dir: PathBuf,
    /// Simultaneous HTTPS connections in total (kept within the open-file limit).
    pub max_connections: u32,
    /// Simultaneous HTTPS connections from one client address.
    pub max_connections_per_client: u32,
}

impl Default for Web {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8443)),
            public_url: String::new(),
            http_redirect_listen: String::new(),
            template_dir: PathBuf::new(),
            max_connections: 1000,
            max_connections_per_client: 64,
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TlsMode {
    Auto,
    Files,
    Acme,
}

/// How the ACME server checks that we hold the names.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum AcmeChallenge {
    /// On the HTTPS listener (RFC 8737); the listener must be reachable on port 443.
    #[serde(rename = "tls-alpn-01")]
    TlsAlpn01,
    /// On the plain-HTTP listener `web.http_redirect_listen` (port 80 from outside).
    #[serde(rename = "http-01")]
    Http01,
}

/// Certificates from an ACME CA (`tls.mode = "acme"`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Acme {
    /// The CA's directory URL.
    pub directory: String,
    /// Contact for the CA's expiry and policy mail, e.g. "mailto:admin@example.org"; "" = none.
    pub contact: String,
    /// Extra CA certificates (PEM) trusted for the ACME server itself (a private CA); "" = public roots.
    pub ca_file: PathBuf,
    pub challenge: AcmeChallenge,
}

impl Default for Acme {
    fn default() -> Self {
        Self {
            directory: LETS_ENCRYPT.into(),
            contact: String::new(),
            ca_file: PathBuf::new(),
            challenge: AcmeChallenge::TlsAlpn01,
        }
    }
}

/// Let's Encrypt's production directory.
pub const LETS_ENCRYPT: &str = "https://acme-v02.api.letsencrypt.org/directory";

/// Certificates for SMTP STARTTLS and HTTPS.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Tls {
    /// `auto` = local CA in the data dir; `files` = `cert_file` + `key_file`; `acme` = from an ACME CA.
    pub mode: TlsMode,
    /// Extra DNS names or IPs for the auto certificate (hostname, localhost, 127.0.0.1 are always in).
    pub names: Vec<String>,
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
    /// Lifetime of an auto server certificate.
    pub cert_validity_days: u32,
    /// Renew the auto (or ACME) server certificate when fewer days than this remain.
    pub renew_before_days: u32,
    pub acme: Acme,
}

impl Default for Tls {
    fn default() -> Self {
        Self {
            mode: TlsMode::Auto,
            names: Vec::new(),
            cert_file: PathBuf::new(),
            key_file: PathBuf::new(),
            cert_validity_days: 397,
            renew_before_days: 30,
            acme: Acme::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum StartTls {
    Opportunistic,
    Required,
    Off,
}

/// Where Cloister sends everything outbound.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Relay {
    pub host: String,
    pub port: u16,
    pub starttls: StartTls,
    /// Verify the relay's certificate (turn off only for a relay with a self-signed cert).
    pub verify_certificate: bool,
    /// AUTH user at the relay; empty = no AUTH.
    pub username: String,
    /// File holding the AUTH password (kept out of the config file).
    pub password_file: PathBuf,
    /// Seconds before one delivery attempt gives up.
    pub timeout_secs: u64,
    /// First retry delay; doubles per attempt.
    pub retry_initial_secs: u64,
    /// Longest retry delay.
    pub retry_max_interval_secs: u64,
    /// Give up (dead letter) when a row is older than this.
    pub retry_max_age_hours: u64,
}

impl Default for Relay {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 25,
            starttls: StartTls::Opportunistic,
            verify_certificate: true,
            username: String::new(),
            password_file: PathBuf::new(),
            timeout_secs: 60,
            retry_initial_secs: 60,
            retry_max_interval_secs: 3600,
            retry_max_age_hours: 120,
        }
    }
}

/// Which mail is held in the vault.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Phrases (case-insensitive) in the subject that make a message secure.
    pub subject_keywords: Vec<String>,
    /// Phrases (case-insensitive) in the body text that make a message secure.
    pub body_keywords: Vec<String>,
    /// Remove a matched subject keyword from the subject recipients see.
    pub strip_subject_keyword: bool,
    /// Senders whose `X-Cloister-Secure` header is honoured: patterns, or "internal".
    pub secure_mode_senders: Vec<String>,
    /// `tls_first` routes: when TLS cannot be had, hold in the vault (true) or retry with TLS required and then bounce (false).
    pub tls_fallback: bool,
    /// Route rules: a message matching every field given is held for the matched recipients.
    pub routes: Vec<Route>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            subject_keywords: vec!["[secure]".into()],
            body_keywords: Vec::new(),
            strip_subject_keyword: true,
            secure_mode_senders: vec!["*".into()],
            tls_fallback: false,
            routes: Vec::new(),
        }
    }
}

/// One route rule. Empty fields match anything; patterns use `*` wildcards, case-insensitive.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Route {
    pub name: String,
    pub sender: String,
    pub recipient: String,
    pub recipient_domain: String,
    /// `vault` (hold it) or `tls_first` (deliver directly over verified TLS, hold only if TLS fails).
    pub action: RouteAction,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum RouteAction {
    #[default]
    Vault,
    TlsFirst,
}

impl Config {
    /// Host name used on the wire: the configured one, else the machine's.
    pub fn effective_hostname(&self) -> String {
        if self.hostname.is_empty() {
            system_hostname()
        } else {
            self.hostname.clone()
        }
    }

    /// Portal address people are sent to.
    /// Whether `address` signs in with its organisation's directory or
    /// OpenID provider (no password of Cloister's).
    pub fn signs_in_elsewhere(&self, address: &str) -> bool {
        !self.sign_in_way(address).is_empty()
    }

    /// "ldap" or "oidc" for an address whose organisation's directory or
    /// provider signs it in; "" for Cloister's own password or code.
    pub fn sign_in_way(&self, address: &str) -> &'static str {
        if self.ldap.covers(address) {
            "ldap"
        } else if self.oidc.covers(address) {
            "oidc"
        } else {
            ""
        }
    }

    pub fn public_url(&self) -> String {
        if self.web.public_url.is_empty() {
            format!("https://{}:{}", self.effective_hostname(), self.web.listen.port())
        } else {
            self.web.public_url.trim_end_matches('/').to_string()
        }
    }

    /// The host name (or IP) of the portal address, without port or brackets.
    pub fn public_host(&self) -> String {
        let url = self.public_url();
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
        if let Some(v6) = authority.strip_prefix('[') {
            return v6.split(']').next().unwrap_or("").to_string();
        }
        authority.split(':').next().unwrap_or("").to_ascii_lowercase()
    }

    /// From address of notifications.
    pub fn notify_sender(&self) -> String {
        if self.notify.sender.is_empty() {
            format!("no-reply@{}", self.effective_hostname())
        } else {
            self.notify.sender.clone()
        }
    }

    /// Domain that signs with DKIM.
    pub fn dkim_domain(&self) -> String {
        if self.notify.dkim_domain.is_empty() {
            self.notify_sender()
                .rsplit_once('@')
                .map_or_else(|| self.effective_hostname(), |(_, d)| d.to_string())
        } else {
            self.notify.dkim_domain.clone()
        }
    }

    pub fn is_internal(&self, address: &str) -> bool {
        self.is_internal_domain(address.rsplit_once('@').map_or("", |(_, d)| d))
    }

    /// Whether `domain` is one of `internal_domains` (case-insensitive).
    pub fn is_internal_domain(&self, domain: &str) -> bool {
        self.internal_domains.iter().any(|d| d.eq_ignore_ascii_case(domain))
    }
}

fn system_hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: buf is valid for buf.len() bytes; gethostname NUL-terminates on success.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "localhost".into();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    let name = String::from_utf8_lossy(&buf[..end]).into_owned();
    if name.is_empty() { "localhost".into() } else { name }
}

#[cfg(test)]
mod tests;
