//! Internal users of the domains in `ldap.domains` sign in with their
//! directory password: found by the service account (or bound directly by
//! a DN template), bound as themselves, their groups read. A directory that
//! cannot be reached is "unavailable" (the emailed code still works), never
//! a wrong password.

use std::sync::Arc;
use std::time::Duration;

use super::accounts::{AccountError, Client, NewSession, SignedIn, new_session, record_sign_in, refuse, wait_turn};
use super::{Context, now};
use crate::auth::throttle::SignInThrottle;
use crate::config::{Config, Ldap};
use crate::model::DirectoryLink;
use crate::net::ldap::{self, Conn, Entry, LdapError, Security, Target, filter};
use crate::vault::{AuthWrite, WriteOp};

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

/// Signs `address` in with the directory password: throttled, refused and
/// recorded as any sign-in; a user new to Cloister gets an (internal) account.
pub async fn sign_in(
    ctx: &Context,
    throttle: &SignInThrottle,
    address: String,
    password: &str,
    client: &Client,
) -> Result<SignedIn, AccountError> {
    if let Err(why) = wait_turn(throttle, &address, client.ip).await {
        return Err(refuse(ctx, throttle, address, client, why).await);
    }
    let link = match verify(&ctx.config, &address, password).await {
        Verdict::Found(link) => link,
        Verdict::Refused(why) => return Err(refuse(ctx, throttle, address, client, why).await),
        Verdict::NotAllowed => {
            tracing::info!(address = %address, client = %client.ip, "directory sign-in refused: in none of ldap.portal_groups");
            return Err(AccountError::LogonDenied);
        }
        Verdict::Unavailable(detail) => {
            tracing::warn!(address = %address, error = %detail, "directory sign-in unavailable");
            return Err(AccountError::DirectoryUnavailable);
        }
    };
    let existing = ctx.vault.account(&address)?;
    if existing.as_ref().is_some_and(|a| !a.allow_logon) {
        return Err(refuse(ctx, throttle, address, client, "logon not allowed for this account").await);
    }
    throttle.succeeded(&address, client.ip);
    // The directory proved the password: nothing to change here.
    let mut account = existing.unwrap_or_else(|| crate::model::Account::new(&address, now(), true));
    account.must_change_password = false;
    let NewSession {
        token_hash,
        session,
        signed,
    } = new_session(ctx, &account, client, false);
    let op = AuthWrite::DirectorySignIn { token_hash, session, link };
    record_sign_in(ctx, op, &address, client).await?;
    Ok(signed)
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
    if !l.ca_file.as_os_str().is_empty() {
        use rustls_pki_types::pem::PemObject as _;
        let pem = std::fs::read(&l.ca_file).map_err(|e| format!("ldap.ca_file {}: {e}", l.ca_file.display()))?;
        if rustls_pki_types::CertificateDer::pem_slice_iter(&pem).next().is_none() {
            return Err(format!("ldap.ca_file {}: no PEM certificate in it", l.ca_file.display()));
        }
    }
    let roots = crate::net::https::roots_from("ldap.ca_file", &l.ca_file)?;
    Ok(Target {
        host,
        port,
        security,
        tls: ldap::tls_config(roots)?,
        timeout: Duration::from_secs(l.timeout_secs),
    })
}

/// `template` with `{address}`, `{user}` and `{domain}` filled by `escape`.
fn fill(template: &str, address: &str, escape: fn(&str) -> String) -> String {
    let (user, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    template
        .replace("{address}", &escape(address))
        .replace("{user}", &escape(user))
        .replace("{domain}", &escape(domain))
}

/// Checks `address` and `password` against the directory.
pub async fn verify(config: &Config, address: &str, password: &str) -> Verdict {
    let l = &config.ldap;
    let target = match target(config) {
        Ok(t) => t,
        Err(e) => return Verdict::Unavailable(e),
    };
    let mut conn = match Conn::open(&target).await {
        Ok(c) => c,
        Err(e) => return Verdict::Unavailable(e.to_string()),
    };
    let verdict = match check(&mut conn, l, address, password).await {
        Ok(Some(link)) if allowed(l, &link.groups) => Verdict::Found(link),
        Ok(Some(_)) => Verdict::NotAllowed,
        Ok(None) => Verdict::Refused("not in the directory"),
        Err(e) if e.is_refusal() => Verdict::Refused("wrong directory password"),
        Err(e) => Verdict::Unavailable(e.to_string()),
    };
    conn.close().await;
    verdict
}

/// The user found and bound as themselves; None when no (or no single) entry matches.
async fn check(conn: &mut Conn, l: &Ldap, address: &str, password: &str) -> Result<Option<DirectoryLink>, LdapError> {
    let entry = if l.bind_template.is_empty() {
        let Some(entry) = find(conn, l, address).await? else {
            return Ok(None);
        };
        conn.bind(&entry.dn, password).await?;
        entry
    } else {
        let dn = fill(&l.bind_template, address, filter::escape_dn_value);
        conn.bind(&dn, password).await?;
        // Bound as the user: their own entry, for its groups.
        let own = conn
            .search(
                &dn,
                &filter::parse("(objectClass=*)").expect("a fixed filter"),
                &[&l.group_attribute],
                1,
            )
            .await;
        own?.into_iter().next().unwrap_or(Entry {
            dn,
            attributes: Vec::new(),
        })
    };
    let groups = groups(conn, l, &entry).await?;
    Ok(Some(DirectoryLink {
        dn: entry.dn,
        groups,
        checked_at: crate::service::now(),
    }))
}

/// The service account's search for `address`: its entry, if exactly one.
async fn find(conn: &mut Conn, l: &Ldap, address: &str) -> Result<Option<Entry>, LdapError> {
    let password = service_password(l)?;
    conn.bind(&l.bind_dn, &password).await.map_err(|e| match e {
        LdapError::Result { code, message } => {
            LdapError::Protocol(format!("the service account ldap.bind_dn was refused ({code}: {message})"))
        }
        other => other,
    })?;
    let text = fill(&l.user_filter, address, filter::escape_value);
    let wanted = filter::parse(&text).map_err(|e| LdapError::Protocol(format!("ldap.user_filter: {e}")))?;
    let mut found = conn.search(&l.base_dn, &wanted, &[&l.group_attribute, "mail"], 2).await?;
    if found.len() > 1 {
        tracing::warn!(address, "ldap.user_filter finds more than one entry for this address: refused");
        return Ok(None);
    }
    Ok(found.pop())
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
    let found = conn.search(&l.group_base_dn, &wanted, &["cn"], 500).await?;
    Ok(found.into_iter().map(|g| g.dn).collect())
}

/// Whether `groups` (DNs) include one of `wanted` (DNs or bare cn values), any case.
pub fn in_groups(groups: &[String], wanted: &[String]) -> bool {
    wanted.iter().any(|w| {
        groups.iter().any(|g| {
            g.eq_ignore_ascii_case(w) || {
                let first = g.split(',').next().unwrap_or("");
                first
                    .split_once('=')
                    .is_some_and(|(_, cn)| cn.trim().eq_ignore_ascii_case(w.trim()))
            }
        })
    })
}

/// Whether the portal's groups (if any) admit a user with `groups`.
fn allowed(l: &Ldap, groups: &[String]) -> bool {
    l.portal_groups.is_empty() || in_groups(groups, &l.portal_groups)
}

/// The directory's word on a signed-in user now (the service account looks
/// them up): Some(link) still there and allowed, None gone; Err when it
/// cannot say (then nothing changes). Needs `ldap.bind_dn`.
pub async fn recheck(config: Arc<crate::config::Config>, address: String) -> Result<Option<DirectoryLink>, String> {
    let l = &config.ldap;
    let target = target(&config)?;
    let mut conn = Conn::open(&target).await.map_err(|e| e.to_string())?;
    let found = find(&mut conn, l, &address).await;
    let result = match found {
        Ok(Some(entry)) => match groups(&mut conn, l, &entry).await {
            Ok(groups) if allowed(l, &groups) => Ok(Some(DirectoryLink {
                dn: entry.dn,
                groups,
                checked_at: crate::service::now(),
            })),
            Ok(_) => Ok(None),
            Err(e) => Err(e.to_string()),
        },
        Ok(None) => Ok(None),
        Err(e) => Err(e.to_string()),
    };
    conn.close().await;
    result
}

/// What the directory says of a user now.
enum Word {
    /// Found (or not asked, or not answering): the stored word, or the new one.
    Stands(Option<DirectoryLink>),
    /// Asked again just now, and it no longer finds them.
    Gone,
}

/// The stored word while it is fresher than `ldap.recheck_minutes`, else the
/// directory asked again (service account) and its answer stored — a user
/// it no longer finds loses their sessions. When it cannot be asked, the
/// stored word stands.
async fn word(ctx: &Context, address: &str) -> Word {
    let l = &ctx.config.ldap;
    let stored = ctx.vault.account(address).ok().flatten().and_then(|a| a.directory);
    let fresh = stored.as_ref().is_some_and(|k| now() - k.checked_at < l.recheck_secs());
    if fresh || l.bind_dn.is_empty() {
        return Word::Stands(stored);
    }
    match recheck(std::sync::Arc::clone(&ctx.config), address.to_string()).await {
        Ok(link) => {
            let op = AuthWrite::DirectoryChecked {
                address: address.to_string(),
                link: link.clone(),
                at: now(),
            };
            if let Err(e) = ctx.vault.write(WriteOp::Auth(op)).await {
                tracing::warn!(address, error = %e, "the directory's answer was not stored");
            }
            if link.is_none() {
                tracing::info!(address, "no longer in the directory: sessions ended");
                return Word::Gone;
            }
            Word::Stands(link)
        }
        Err(e) => {
            tracing::warn!(address, error = %e, "the directory could not be asked again; its last answer stands");
            // Asked again in a minute, not at every request while it is down.
            if let Some(mut retry) = stored.clone() {
                retry.checked_at = now() - l.recheck_secs() + 60;
                let op = AuthWrite::DirectoryChecked {
                    address: address.to_string(),
                    link: Some(retry),
                    at: now(),
                };
                let _ = ctx.vault.write(WriteOp::Auth(op)).await;
            }
            Word::Stands(stored)
        }
    }
}

/// The directory's word on `address` (see `word`).
pub async fn current_link(ctx: &Context, address: &str) -> Option<DirectoryLink> {
    match word(ctx, address).await {
        Word::Stands(link) => link,
        Word::Gone => None,
    }
}

/// False when the directory, asked again, no longer finds a signed-in user
/// of one of its domains (their sessions have just ended).
pub async fn still_there(ctx: &Context, address: &str) -> bool {
    !ctx.config.ldap.covers(address) || !matches!(word(ctx, address).await, Word::Gone)
}

/// Whether `sender` may ask for secure delivery, by the directory's groups;
/// None when the directory does not decide (not its domain, or no `ldap.secure_groups`).
pub async fn secure_allowed(ctx: &Context, sender: &str) -> Option<bool> {
    let l = &ctx.config.ldap;
    if !l.covers(sender) || l.secure_groups.is_empty() {
        return None;
    }
    let link = current_link(ctx, sender).await;
    Some(link.is_some_and(|k| in_groups(&k.groups, &l.secure_groups)))
}

#[cfg(test)]
mod tests {
    use super::{fill, in_groups};
    use crate::net::ldap::filter;

    #[test]
    fn templates_are_filled_escaped() {
        assert_eq!(fill("(mail={address})", "a*b@x.org", filter::escape_value), "(mail=a\\2ab@x.org)");
        assert_eq!(
            fill("uid={user},ou=people", "ann,x@x.org", filter::escape_dn_value),
            "uid=ann\\,x,ou=people"
        );
        assert_eq!(fill("{user}@{domain}", "ann@x.org", filter::escape_dn_value), "ann@x.org");
    }

    #[test]
    fn groups_match_by_dn_or_name() {
        let groups = vec!["cn=Secure-Senders,ou=groups,dc=x".to_string()];
        assert!(in_groups(&groups, &["secure-senders".into()]));
        assert!(in_groups(&groups, &["CN=secure-senders,OU=groups,DC=x".into()]));
        assert!(!in_groups(&groups, &["senders".into()]));
        assert!(!in_groups(&[], &["x".into()]));
    }
}
