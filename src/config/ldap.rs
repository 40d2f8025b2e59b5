//! `[ldap]`: internal users of some domains sign in with their directory
//! password (`OpenLDAP`, Active Directory, Samba AD), and the directory's
//! groups say who may send secure messages and who may use the portal.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Config;
use super::validate::Problem;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Ldap {
    /// Internal domains whose users sign in with the directory (none: nobody does).
    pub domains: Vec<String>,
    /// `ldaps://host[:636]`, or `ldap://host[:389]` (then `StartTLS` before anything else).
    pub url: String,
    /// Allow `ldap://` without `StartTLS`, to a loopback address only (a test server).
    pub allow_plaintext_loopback: bool,
    /// PEM file of the CA(s) that signed the directory's certificate, trusted besides the public roots.
    pub ca_file: PathBuf,
    /// Service account that finds users (search, then bind as the user found); empty: `bind_template`.
    pub bind_dn: String,
    /// File holding the service account's password (one line; keep it readable by Cloister only).
    pub bind_password_file: PathBuf,
    /// Where users are searched (whole subtree).
    pub base_dn: String,
    /// Finds the user: `{address}` (the address typed), `{user}` (before the @) and `{domain}`, escaped.
    pub user_filter: String,
    /// Direct bind without a service account: `uid={user},ou=people,dc=example,dc=org`, or `{user}@example.org` for AD.
    pub bind_template: String,
    /// The attribute of a user that lists their groups' DNs.
    pub group_attribute: String,
    /// Search groups here instead (`group_filter`, `{dn}` = the user's DN); empty: `group_attribute`.
    pub group_base_dn: String,
    pub group_filter: String,
    /// Members of these groups (DN or cn, any case) may send secure messages; empty: `policy.secure_mode_senders` decides.
    pub secure_groups: Vec<String>,
    /// Only members of these groups may use the portal; empty: everyone the filter finds.
    pub portal_groups: Vec<String>,
    /// Seconds for connecting and for each operation.
    pub timeout_secs: u64,
    /// A signed-in directory user is looked up again after this many minutes (fractions allowed); gone or disabled, their sessions end.
    pub recheck_minutes: f64,
}

impl Default for Ldap {
    fn default() -> Self {
        Self {
            domains: Vec::new(),
            url: String::new(),
            allow_plaintext_loopback: false,
            ca_file: PathBuf::new(),
            bind_dn: String::new(),
            bind_password_file: PathBuf::new(),
            base_dn: String::new(),
            user_filter: "(&(objectClass=person)(mail={address}))".into(),
            bind_template: String::new(),
            group_attribute: "memberOf".into(),
            group_base_dn: String::new(),
            group_filter: "(member={dn})".into(),
            secure_groups: Vec::new(),
            portal_groups: Vec::new(),
            timeout_secs: 5,
            recheck_minutes: 15.0,
        }
    }
}

impl Ldap {
    /// `recheck_minutes` in whole seconds (at least one).
    pub fn recheck_secs(&self) -> i64 {
        whole_secs(self.recheck_minutes)
    }

    /// Whether `address`'s domain signs in with the directory.
    pub fn covers(&self, address: &str) -> bool {
        domain_in(&self.domains, address)
    }
}

/// `minutes` (validated: at most a day) in whole seconds, at least one.
pub(super) fn whole_secs(minutes: f64) -> i64 {
    #[allow(clippy::cast_possible_truncation)] // at most a day
    let secs = (minutes * 60.0).round() as i64;
    secs.max(1)
}

/// Whether `address`'s domain is one of `domains` (any case).
pub(super) fn domain_in(domains: &[String], address: &str) -> bool {
    let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
    domains.iter().any(|d| d.eq_ignore_ascii_case(domain))
}

/// The URL's parts: scheme is TLS from the start, host, port.
pub fn parse_url(url: &str) -> Result<(bool, String, u16), String> {
    let (tls, rest) = if let Some(rest) = url.strip_prefix("ldaps://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("ldap://") {
        (false, rest)
    } else {
        return Err("expected ldaps://host[:port] or ldap://host[:port]".into());
    };
    let rest = rest.trim_end_matches('/');
    let (host, port) = match rest.rsplit_once(':').filter(|(h, _)| !h.ends_with(']') || rest.starts_with('[')) {
        Some((host, port)) if !host.contains(':') || host.starts_with('[') => {
            (host, port.parse::<u16>().map_err(|_| format!("bad port {port:?}"))?)
        }
        _ => (rest, if tls { 636 } else { 389 }),
    };
    let host = host.trim_matches(['[', ']']);
    if host.is_empty() || host.contains(['/', '?', '@', ' ']) {
        return Err("expected ldaps://host[:port] or ldap://host[:port] (no path, user or query)".into());
    }
    Ok((tls, host.to_string(), port))
}

pub(super) fn validate(c: &Config, out: &mut Vec<Problem>) {
    let l = &c.ldap;
    let problem = |key: &str, message: String| Problem {
        key: format!("ldap.{key}"),
        message,
    };
    for (i, d) in l.domains.iter().enumerate() {
        if !c.internal_domains.iter().any(|x| x.eq_ignore_ascii_case(d)) {
            out.push(problem(
                &format!("domains.{i}"),
                format!("{d:?} is not one of internal_domains: only internal users sign in with the directory"),
            ));
        }
    }
    if l.domains.is_empty() {
        return;
    }
    match parse_url(&l.url) {
        Err(why) => out.push(problem("url", why)),
        Ok((false, host, _)) if l.allow_plaintext_loopback && !is_loopback(&host) => out.push(problem(
            "allow_plaintext_loopback",
            format!("allows plain LDAP only to a loopback address, and {host} is not one"),
        )),
        Ok(_) => {}
    }
    if l.base_dn.is_empty() && l.bind_template.is_empty() {
        out.push(problem(
            "base_dn",
            "is needed to find users (or set ldap.bind_template for a direct bind)".into(),
        ));
    }
    if l.bind_template.is_empty() && l.bind_dn.is_empty() {
        out.push(problem(
            "bind_dn",
            "is needed to find users (a service account), or set ldap.bind_template for a direct bind".into(),
        ));
    }
    if !l.bind_dn.is_empty() && l.bind_password_file.as_os_str().is_empty() {
        out.push(problem(
            "bind_password_file",
            "is needed with ldap.bind_dn (a file holding its password)".into(),
        ));
    }
    let names_user = |t: &str| t.contains("{address}") || t.contains("{user}");
    let filter_used = l.bind_template.is_empty() || !l.base_dn.is_empty() || !l.bind_dn.is_empty();
    if filter_used && !names_user(&l.user_filter) {
        out.push(problem("user_filter", "must name the user: {address} or {user}".into()));
    }
    if !l.bind_template.is_empty() && !names_user(&l.bind_template) {
        out.push(problem("bind_template", "must name the user: {address} or {user}".into()));
    }
    if !l.group_base_dn.is_empty() && !l.group_filter.contains("{dn}") {
        out.push(problem("group_filter", "must name the user's entry: {dn}".into()));
    }
    for (key, filter) in [("user_filter", &l.user_filter), ("group_filter", &l.group_filter)] {
        let filled = filter.replace(['{', '}'], "");
        if let Err(e) = crate::net::ldap::filter::parse(&filled) {
            out.push(problem(key, e.to_string()));
        }
    }
    for (key, path) in [("ca_file", &l.ca_file), ("bind_password_file", &l.bind_password_file)] {
        if !path.as_os_str().is_empty() && std::fs::File::open(path).is_err() {
            out.push(problem(
                key,
                format!("{} cannot be read (missing, or no permission)", path.display()),
            ));
        }
    }
    if l.timeout_secs == 0 || l.timeout_secs > 120 {
        out.push(problem("timeout_secs", "must be 1 to 120".into()));
    }
    if !(l.recheck_minutes > 0.0 && l.recheck_minutes <= 1440.0) {
        out.push(problem("recheck_minutes", "must be more than 0 and at most 1440 (a day)".into()));
    }
}

fn is_loopback(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::parse_url;

    #[test]
    fn urls_give_their_parts_and_default_ports() {
        assert_eq!(parse_url("ldaps://dc1.example.org").unwrap(), (true, "dc1.example.org".into(), 636));
        assert_eq!(
            parse_url("ldap://dc1.example.org:3389/").unwrap(),
            (false, "dc1.example.org".into(), 3389)
        );
        assert_eq!(parse_url("ldap://127.0.0.1:1389").unwrap(), (false, "127.0.0.1".into(), 1389));
        assert_eq!(parse_url("ldaps://[::1]:636").unwrap(), (true, "::1".into(), 636));
        for bad in ["", "http://x", "ldap://", "ldap://x:port", "ldap://u@x", "ldap://x/dc=a"] {
            assert!(parse_url(bad).is_err(), "{bad}");
        }
    }
}
