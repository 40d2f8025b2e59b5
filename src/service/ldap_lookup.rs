//! Asking the organisation's directory (LDAP) about an internal user: how to
//! reach it, finding the user (service account, or a direct bind by
//! template), binding as them, reading their groups, and looking them up
//! again later. The sign-in and session rules built on it are in
//! `ldap_sign_in`.

use std::time::Duration;

use crate::config::{Config, Ldap};
use crate::model::DirectoryLink;
use crate::net::ldap::{self, Conn, Entry, LdapError, Pool, Scope, Security, Target, filter};

/// What the directory said about an address and password.
#[derive(Debug)]
pub enum Verdict {
    /// The right password: the user's entry and groups.
    Found(DirectoryLink),
    /// Unknown user, wrong password, or (ambiguous) more than one entry.
    Refused(&'static str),
    /// The password was right, but the user is in none of `ldap.portal_groups`.
    NotAllowed,
    /// The directory could not say (down, TLS, service account refused).
    Unavailable(String),
}

/// Attributes read of a user: their groups, and what names their address.
fn user_attributes(l: &Ldap) -> [&str; 3] {
    [l.group_attribute.as_str(), "mail", "userPrincipalName"]
}

/// How to reach the directory, from the settings.
pub fn target(config: &Config) -> Result<Target, String> {
    let l = &config.ldap;
    let (tls, host, port) = crate::config::parse_ldap_url(&l.url)?;
    let security = match (tls, l.allow_plaintext_loopback) {
        (true, _) => Security::Ldaps,
        (false, false) => Security::StartTls,
        (false, true) => Security::Plain,
    };
    let roots = crate::net::https::roots_from("ldap.ca_file", &l.ca_file)?;
    Ok(Target {
        host,
        port,
        security,
        tls: ldap::tls_config(roots)?,
        timeout: Duration::from_secs(l.timeout_secs),
    })
}

/// An address the directory may be asked about: one `@`, a local part and a
/// domain, no white space, control characters or braces (LDAP ignores
/// insignificant spaces, and braces are the templates' own).
pub fn askable(address: &str) -> bool {
    let Some((user, domain)) = address.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !address.chars().any(|c| c.is_whitespace() || c.is_control() || c == '{' || c == '}')
}

/// `template` with `{address}`, `{user}` and `{domain}` filled by `escape`,
/// in one pass (a value is never read as a placeholder).
pub fn fill(template: &str, address: &str, escape: fn(&str) -> String) -> String {
    let (user, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let mut out = String::with_capacity(template.len() + address.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let value = [("{address}", address), ("{user}", user), ("{domain}", domain)]
            .into_iter()
            .find(|(name, _)| after.starts_with(name));
        if let Some((name, v)) = value {
            out.push_str(&escape(v));
            rest = &after[name.len()..];
        } else {
            out.push('{');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Whether `entry` is the one for `address`: its `mail` or
/// `userPrincipalName` names it, when it has either.
fn names_address(entry: &Entry, address: &str) -> bool {
    let names: Vec<String> = ["mail", "userPrincipalName"].iter().flat_map(|a| entry.values(a)).collect();
    names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(address))
}

/// Whether `result` says the connection may have failed under it (then it
/// is not given back, and a reused one is tried once more on a new one).
fn broke<T>(result: &Result<T, LdapError>) -> bool {
    matches!(result, Err(e) if !e.is_refusal())
}

/// Checks `address` and `password` against the directory (over a
/// connection from `pool`).
pub async fn verify(config: &Config, pool: &Pool, address: &str, password: &str) -> Verdict {
    if !askable(address) {
        return Verdict::Refused("not an address the directory is asked about");
    }
    let l = &config.ldap;
    let target = match target(config) {
        Ok(t) => t,
        Err(e) => return Verdict::Unavailable(e),
    };
    let mut pooled = match pool.take(&target).await {
        Ok(p) => p,
        Err(e) => return Verdict::Unavailable(e.to_string()),
    };
    let mut result = check(&mut pooled.conn, l, address, password).await;
    if pooled.reused && broke(&result) {
        // Closed by the server while it waited: once more, on a new connection.
        pooled = match pool.fresh(&target).await {
            Ok(p) => p,
            Err(e) => return Verdict::Unavailable(e.to_string()),
        };
        result = check(&mut pooled.conn, l, address, password).await;
    }
    if !broke(&result) {
        pool.give_back(pooled.conn);
    }
    match result {
        Ok(Some(link)) if allowed(l, &link.groups) => Verdict::Found(link),
        Ok(Some(_)) => Verdict::NotAllowed,
        Ok(None) => Verdict::Refused("not in the directory"),
        Err(e) if e.is_refusal() => Verdict::Refused("wrong directory password"),
        Err(e) => Verdict::Unavailable(e.to_string()),
    }
}

/// The user found and bound as themselves; None when no (or no single) entry
/// is theirs. With a service account their groups are read by it before
/// the user's bind (as `recheck` reads them).
async fn check(conn: &mut Conn, l: &Ldap, address: &str, password: &str) -> Result<Option<DirectoryLink>, LdapError> {
    let (entry, groups) = if l.bind_template.is_empty() {
        let Some(entry) = find(conn, l, address).await? else {
            return Ok(None);
        };
        let groups = groups(conn, l, &entry).await?;
        conn.bind(&entry.dn, password).await?;
        (entry, groups)
    } else {
        let name = fill(&l.bind_template, address, filter::escape_dn_value);
        conn.bind(&name, password).await?;
        let Some(entry) = own_entry(conn, l, &name, address).await? else {
            return Ok(None);
        };
        let groups = groups(conn, l, &entry).await?;
        (entry, groups)
    };
    Ok(Some(DirectoryLink {
        dn: entry.dn,
        groups,
        checked_at: crate::service::now(),
    }))
}

/// Bound by template as `name`: the user's own entry. A DN is read as it is
/// (base scope); any other name (an AD `user@domain`) is searched under
/// `base_dn` with `user_filter`; with neither, the name stands for the entry.
async fn own_entry(conn: &mut Conn, l: &Ldap, name: &str, address: &str) -> Result<Option<Entry>, LdapError> {
    let attrs = user_attributes(l);
    let (found, by_user_only) = if name.contains('=') {
        let any = filter::parse("(objectClass=*)").expect("a fixed filter");
        let found = conn.search(name, Scope::Base, &any, &attrs, 1).await?;
        (found, !l.bind_template.contains("{address}"))
    } else if !l.base_dn.is_empty() {
        let wanted = user_filter(l, address)?;
        let found = conn.search(&l.base_dn, Scope::Subtree, &wanted, &attrs, 2).await?;
        (found, names_user_only(&l.user_filter) || names_user_only(&l.bind_template))
    } else {
        return Ok(Some(Entry {
            dn: name.to_string(),
            attributes: Vec::new(),
        }));
    };
    Ok(single(l, found, address, by_user_only))
}

/// Whether `template` names the user by `{user}` (the part before the @)
/// rather than the whole `{address}`.
fn names_user_only(template: &str) -> bool {
    template.contains("{user}") || !template.contains("{address}")
}

/// The one entry found that is `address`'s, if exactly one was found. When
/// the search named only the part before the @ and several domains sign in
/// with the directory, the entry's mail (or UPN) must name the address, so
/// `ann@a` and `ann@b` are not one person by accident.
fn single(l: &Ldap, mut found: Vec<Entry>, address: &str, by_user_only: bool) -> Option<Entry> {
    if found.len() > 1 {
        tracing::warn!(address, "the directory finds more than one entry for this address: refused");
        return None;
    }
    let entry = found.pop()?;
    if by_user_only && l.domains.len() > 1 && !names_address(&entry, address) {
        tracing::warn!(address, dn = %entry.dn, "the entry found names another address: refused");
        return None;
    }
    Some(entry)
}

fn user_filter(l: &Ldap, address: &str) -> Result<Vec<u8>, LdapError> {
    let text = fill(&l.user_filter, address, filter::escape_value);
    filter::parse(&text).map_err(|e| LdapError::Protocol(format!("ldap.user_filter: {e}")))
}

/// The service account's search for `address`: its entry, if exactly one and theirs.
async fn find(conn: &mut Conn, l: &Ldap, address: &str) -> Result<Option<Entry>, LdapError> {
    let password = service_password(l)?;
    conn.bind(&l.bind_dn, &password).await.map_err(|e| match e {
        LdapError::Result { code, message } => {
            LdapError::Protocol(format!("the service account ldap.bind_dn was refused ({code}: {message})"))
        }
        other => other,
    })?;
    let wanted = user_filter(l, address)?;
    let found = conn.search(&l.base_dn, Scope::Subtree, &wanted, &user_attributes(l), 2).await?;
    Ok(single(l, found, address, names_user_only(&l.user_filter)))
}

/// The service account's password, from `ldap.bind_password_file`.
fn service_password(l: &Ldap) -> Result<String, LdapError> {
    let text = std::fs::read_to_string(&l.bind_password_file)
        .map_err(|e| LdapError::Protocol(format!("ldap.bind_password_file {}: {e}", l.bind_password_file.display())))?;
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// The DNs of `entry`'s groups: by a group search when `group_base_dn` is set, else its `group_attribute`.
async fn groups(conn: &mut Conn, l: &Ldap, entry: &Entry) -> Result<Vec<String>, LdapError> {
    if l.group_base_dn.is_empty() {
        return Ok(entry.values(&l.group_attribute));
    }
    let text = l.group_filter.replace("{dn}", &filter::escape_value(&entry.dn));
    let wanted = filter::parse(&text).map_err(|e| LdapError::Protocol(format!("ldap.group_filter: {e}")))?;
    let found = conn.search(&l.group_base_dn, Scope::Subtree, &wanted, &["cn"], 500).await?;
    Ok(found.into_iter().map(|g| g.dn).collect())
}

/// Whether `groups` (DNs) include one of `wanted`: a DN, or a bare name
/// that is a group's `cn` (its first part), any case.
pub fn in_groups(groups: &[String], wanted: &[String]) -> bool {
    wanted.iter().any(|w| {
        let w = w.trim();
        groups.iter().any(|g| {
            g.eq_ignore_ascii_case(w) || {
                let first = g.split(',').next().unwrap_or("");
                first
                    .split_once('=')
                    .is_some_and(|(kind, cn)| kind.trim().eq_ignore_ascii_case("cn") && cn.trim().eq_ignore_ascii_case(w))
            }
        })
    })
}

/// Whether the portal's groups (if any) admit a user with `groups`.
pub fn allowed(l: &Ldap, groups: &[String]) -> bool {
    l.portal_groups.is_empty() || in_groups(groups, &l.portal_groups)
}

/// The directory's word on a signed-in user now (the service account looks
/// them up, all within three timeouts): Some(link) still there and allowed,
/// None gone; Err when it cannot say. Needs `ldap.bind_dn`.
pub async fn recheck(config: &Config, pool: &Pool, address: &str) -> Result<Option<DirectoryLink>, String> {
    let l = &config.ldap;
    let limit = Duration::from_secs(l.timeout_secs.saturating_mul(3));
    let work = async {
        let target = target(config)?;
        let mut pooled = pool.take(&target).await.map_err(|e| e.to_string())?;
        let mut result = lookup(&mut pooled.conn, l, address).await;
        if pooled.reused && broke(&result) {
            pooled = pool.fresh(&target).await.map_err(|e| e.to_string())?;
            result = lookup(&mut pooled.conn, l, address).await;
        }
        if !broke(&result) {
            pool.give_back(pooled.conn);
        }
        result.map_err(|e| e.to_string())
    };
    let late = async {
        smol::Timer::after(limit).await;
        Err(format!("no answer within {} s", limit.as_secs()))
    };
    futures_lite::future::or(work, late).await
}

/// Whether the directory answers as `config` says to reach it: connected,
/// its certificate checked (`StartTLS` done) and, with a service account,
/// bound as it. What `check-config` asks.
pub async fn probe(config: &Config) -> Result<(), String> {
    let l = &config.ldap;
    let target = target(config)?;
    let mut conn = Conn::open(&target).await.map_err(|e| e.to_string())?;
    if !l.bind_dn.is_empty() {
        let password = service_password(l).map_err(|e| e.to_string())?;
        conn.bind(&l.bind_dn, &password)
            .await
            .map_err(|e| format!("the service account {:?} could not bind: {e}", l.bind_dn))?;
    }
    Ok(())
}

async fn lookup(conn: &mut Conn, l: &Ldap, address: &str) -> Result<Option<DirectoryLink>, LdapError> {
    let Some(entry) = find(conn, l, address).await? else {
        return Ok(None);
    };
    let groups = groups(conn, l, &entry).await?;
    Ok(allowed(l, &groups).then(|| DirectoryLink {
        dn: entry.dn,
        groups,
        checked_at: crate::service::now(),
    }))
}

#[cfg(test)]
mod tests {
    use super::{Entry, askable, fill, in_groups, single};
    use crate::net::ldap::filter;

    #[test]
    fn templates_are_filled_escaped_in_one_pass() {
        assert_eq!(fill("(mail={address})", "a*b@x.org", filter::escape_value), "(mail=a\\2ab@x.org)");
        assert_eq!(
            fill("uid={user},ou=people", "ann,x@x.org", filter::escape_dn_value),
            "uid=ann\\,x,ou=people"
        );
        assert_eq!(fill("{user}@{domain}", "ann@x.org", filter::escape_dn_value), "ann@x.org");
        // A value that looks like a placeholder stays a value.
        assert_eq!(fill("({user}|{domain})", "{domain}@x.org", ToString::to_string), "({domain}|x.org)");
    }

    #[test]
    fn with_two_domains_an_entry_found_by_user_name_must_carry_the_address() {
        // A template "uid={user},…" once let ann@b.org in with ann@a.org's password.
        let l = crate::config::Ldap {
            domains: vec!["a.org".into(), "b.org".into()],
            ..crate::config::Ldap::default()
        };
        let ann = || Entry {
            dn: "uid=ann,ou=people,dc=a".into(),
            attributes: vec![("mail".into(), vec![b"ann@a.org".to_vec()])],
        };
        assert!(single(&l, vec![ann()], "ann@b.org", true).is_none());
        assert!(single(&l, vec![ann()], "ANN@a.org", true).is_some());
        assert!(single(&l, vec![ann()], "ann@b.org", false).is_some(), "found by the whole address");
        let one_domain = crate::config::Ldap {
            domains: vec!["a.org".into()],
            ..l.clone()
        };
        assert!(single(&one_domain, vec![ann()], "ann@b.org", true).is_some());
        assert!(single(&l, vec![ann(), ann()], "ann@a.org", true).is_none(), "two entries");
    }

    #[test]
    fn only_plain_addresses_are_asked_about() {
        assert!(askable("ann@example.org"));
        for bad in [
            "ann @example.org",
            "ann@",
            "@example.org",
            "a{user}@x.org",
            "ann",
            "a@b@c",
            "ann\t@x.org",
        ] {
            assert!(!askable(bad), "{bad:?}");
        }
    }

    #[test]
    fn groups_match_by_dn_or_cn() {
        let groups = vec!["cn=Secure-Senders,ou=groups,dc=x".to_string(), "ou=staff,dc=x".to_string()];
        assert!(in_groups(&groups, &["secure-senders".into()]));
        assert!(in_groups(&groups, &["CN=secure-senders,OU=groups,DC=x".into()]));
        assert!(!in_groups(&groups, &["senders".into()]));
        assert!(!in_groups(&groups, &["staff".into()]), "a bare name is a group's cn, not an ou");
        assert!(!in_groups(&[], &["x".into()]));
    }
}
