//! `[oidc]`: internal users of some domains sign in at the organisation's
//! OpenID provider (Microsoft Entra ID, Google Workspace, Keycloak, …) with
//! its password and its second factor; its group claim says who may use
//! the portal and who may send secure messages.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Config;
use super::validate::Problem;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Oidc {
    /// Internal domains whose users sign in at the provider (none: nobody does).
    pub domains: Vec<String>,
    /// The provider's issuer URL (`https://…`); its settings are read from
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// The name of the provider on the sign-in page ("Microsoft", "Google").
    pub name: String,
    /// This appliance's client id at the provider.
    pub client_id: String,
    /// File holding the client secret (one line; readable by Cloister only);
    /// empty: a public client (PKCE only).
    pub client_secret_file: PathBuf,
    /// PEM file of the CA(s) that signed the provider's certificate, trusted besides the public roots.
    pub ca_file: PathBuf,
    /// Scopes asked for besides `openid` (the address comes from `email`).
    pub scopes: Vec<String>,
    /// The ID token claim that lists the user's groups (or roles).
    pub groups_claim: String,
    /// Members of these groups may send secure messages; empty: `policy.secure_mode_senders` decides.
    pub secure_groups: Vec<String>,
    /// Only members of these groups may use the portal; empty: everyone the provider signs in.
    pub portal_groups: Vec<String>,
    /// Members of these groups may sign in to the admin console at the
    /// provider (the local admins still can); empty: only local admins.
    pub admin_groups: Vec<String>,
    /// When not empty, the ID token's `amr` (how the user proved who they
    /// are, RFC 8176) must name one of these, e.g. `["mfa"]`: Cloister asks
    /// no second factor of the provider's users, so this makes sure the
    /// provider did. Empty: not checked (Google sends no `amr`).
    pub required_amr: Vec<String>,
    /// Seconds for each request to the provider.
    pub timeout_secs: u64,
    /// A signed-in user goes back to the provider after this many minutes
    /// (fractions allowed): one it no longer signs in loses the portal.
    pub recheck_minutes: f64,
}

impl Default for Oidc {
    fn default() -> Self {
        Self {
            domains: Vec::new(),
            issuer: String::new(),
            name: "your organisation".into(),
            client_id: String::new(),
            client_secret_file: PathBuf::new(),
            ca_file: PathBuf::new(),
            scopes: vec!["email".into(), "profile".into()],
            groups_claim: "groups".into(),
            secure_groups: Vec::new(),
            portal_groups: Vec::new(),
            admin_groups: Vec::new(),
            required_amr: Vec::new(),
            timeout_secs: 10,
            recheck_minutes: 60.0,
        }
    }
}

impl Oidc {
    /// `recheck_minutes` in whole seconds (at least one).
    pub fn recheck_secs(&self) -> i64 {
        super::ldap::whole_secs(self.recheck_minutes)
    }

    /// Whether `address`'s domain signs in at the provider.
    pub fn covers(&self, address: &str) -> bool {
        super::ldap::domain_in(&self.domains, address)
    }

    /// How long a session of `address` may last, at most `max` seconds: a
    /// user (or admin) of the provider goes back to it after `recheck_minutes`.
    pub fn session_max_secs(&self, address: &str, max: i64) -> i64 {
        if self.covers(address) { max.min(self.recheck_secs()) } else { max }
    }
}

pub(super) fn validate(c: &Config, out: &mut Vec<Problem>) {
    let o = &c.oidc;
    let problem = |key: &str, message: String| Problem {
        key: format!("oidc.{key}"),
        message,
    };
    for (i, d) in o.domains.iter().enumerate() {
        if !c.internal_domains.iter().any(|x| x.eq_ignore_ascii_case(d)) {
            out.push(problem(
                &format!("domains.{i}"),
                format!("{d:?} is not one of internal_domains: only internal users sign in at the provider"),
            ));
        }
        if c.ldap.domains.iter().any(|x| x.eq_ignore_ascii_case(d)) {
            out.push(problem(
                &format!("domains.{i}"),
                format!("{d:?} is in ldap.domains too: a domain signs in one way"),
            ));
        }
    }
    if o.domains.is_empty() {
        return;
    }
    if let Err(why) = issuer_url(&o.issuer) {
        out.push(problem("issuer", why));
    }
    if o.client_id.is_empty() {
        out.push(problem(
            "client_id",
            "is needed: the client id the provider gave this appliance".into(),
        ));
    }
    if o.groups_claim.is_empty() && !(o.secure_groups.is_empty() && o.portal_groups.is_empty() && o.admin_groups.is_empty()) {
        out.push(problem(
            "groups_claim",
            "is needed with oidc.secure_groups, oidc.portal_groups or oidc.admin_groups".into(),
        ));
    }
    for (key, path) in [("ca_file", &o.ca_file), ("client_secret_file", &o.client_secret_file)] {
        if !path.as_os_str().is_empty() && std::fs::File::open(path).is_err() {
            out.push(problem(
                key,
                format!("{} cannot be read (missing, or no permission)", path.display()),
            ));
        }
    }
    if !(1..=120).contains(&o.timeout_secs) {
        out.push(problem("timeout_secs", "must be 1 to 120 seconds".into()));
    }
    if !(o.recheck_minutes.is_finite() && (0.01..=1440.0).contains(&o.recheck_minutes)) {
        out.push(problem("recheck_minutes", "must be 0.01 to 1440 minutes (a day)".into()));
    }
}

/// The issuer as configured: `https://host[:port][/path]`, no query, no fragment.
pub fn issuer_url(issuer: &str) -> Result<hyper::Uri, String> {
    let uri: hyper::Uri = issuer.parse().map_err(|_| "expected https://host[/path]".to_string())?;
    if uri.scheme_str() != Some("https") || uri.host().is_none_or(str::is_empty) {
        return Err("expected https://host[/path] (the provider is reached over TLS)".into());
    }
    if uri.query().is_some() || issuer.contains('#') {
        return Err("expected https://host[/path], without query or fragment".into());
    }
    Ok(uri)
}
