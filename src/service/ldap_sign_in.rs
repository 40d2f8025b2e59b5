//! Internal users of the domains in `ldap.domains` sign in with their
//! directory password (`ldap_lookup` asks the directory). A directory that
//! cannot be reached is "unavailable" — the emailed code still works and no
//! one is locked out — never a wrong password. A signed-in user is looked
//! up again now and then; one the directory no longer finds loses their
//! sessions, and the directory's groups say who may send secure messages.

use super::accounts::{AccountError, Client, NewSession, SignedIn, new_session, record_sign_in, refuse, wait_turn};
use super::ldap_lookup::{self, Verdict, in_groups};
use super::{Context, now};
use crate::auth::throttle::SignInThrottle;
use crate::model::DirectoryLink;
use crate::vault::{AuthWrite, WriteOp, WriteResult};

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
    let link = match ldap_lookup::verify(&ctx.config, &ctx.ldap_pool, &address, password).await {
        Verdict::Found(link) => link,
        Verdict::Refused(why) => return Err(refuse(ctx, throttle, address, client, why).await),
        Verdict::NotAllowed => {
            // The right password: no failure counted, the turn given back.
            throttle.released(&address, client.ip);
            ctx.metrics.sign_in(false, false);
            tracing::info!(address = %address, client = %client.ip, "directory sign-in refused: in none of ldap.portal_groups");
            return Err(AccountError::LogonDenied);
        }
        Verdict::Unavailable(detail) => {
            throttle.released(&address, client.ip);
            tracing::warn!(address = %address, error = %detail, "directory sign-in unavailable");
            return Err(AccountError::DirectoryUnavailable);
        }
    };
    let existing = ctx.vault.account(&address)?;
    if existing.as_ref().is_some_and(|a| !a.allow_logon) {
        throttle.released(&address, client.ip);
        tracing::info!(address = %address, client = %client.ip, "directory sign-in refused: logon not allowed for this account");
        return Err(AccountError::LogonDenied);
    }
    if let Some(account) = existing.as_ref().filter(|a| super::passkeys::only_passkeys(ctx, a)) {
        return Err(super::passkeys::refuse_without_passkey(ctx, throttle, &account.address, client).await);
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
    let op = AuthWrite::DirectorySignIn {
        token_hash,
        session,
        link,
        method: "the directory password",
    };
    record_sign_in(ctx, op, &address, client).await?;
    Ok(signed)
}

/// What the directory says of a user now.
enum Word {
    /// Found (or not asked, or not answering): the stored word, or the new one.
    Stands(Option<DirectoryLink>),
    /// Asked again just now, and it no longer finds them.
    Gone,
}

/// The stored word while it is fresher than `ldap.recheck_minutes`, else the
/// directory asked again (service account; one check per user at a time, the
/// others go on with the stored word) and its answer stored — a user it no
/// longer finds loses their sessions. When it cannot be asked, the stored
/// word stands and it is asked again in a minute.
async fn word(ctx: &Context, address: &str) -> Word {
    let l = &ctx.config.ldap;
    let stored = ctx.vault.account(address).ok().flatten().and_then(|a| a.directory);
    let read_at = stored.as_ref().map(|k| k.checked_at);
    let fresh = read_at.is_some_and(|at| now() - at < l.recheck_secs());
    if fresh || l.bind_dn.is_empty() {
        return Word::Stands(stored);
    }
    let waiting = ctx
        .directory_backoff
        .lock()
        .expect("backoff lock")
        .get(address)
        .is_some_and(|until| now() < *until);
    if waiting {
        return Word::Stands(stored);
    }
    let Some(_turn) = ctx.directory_checks.enter(address) else {
        return Word::Stands(stored);
    };
    let (link, gone) = match ldap_lookup::recheck(&ctx.config, &ctx.ldap_pool, address).await {
        Ok(Some(link)) => (Some(link), false),
        Ok(None) => (None, true),
        Err(e) => {
            tracing::warn!(address, error = %e, "the directory could not be asked again; its last answer stands");
            // Asked again in a minute, not at every request while it is down.
            let mut backoff = ctx.directory_backoff.lock().expect("backoff lock");
            if backoff.len() > 10_000 {
                let at = now();
                backoff.retain(|_, until| *until > at);
            }
            if backoff.len() < 10_000 {
                backoff.insert(address.to_string(), now() + 60);
            }
            return Word::Stands(stored);
        }
    };
    let op = AuthWrite::DirectoryChecked {
        address: address.to_string(),
        read_at,
        link: link.clone(),
        at: now(),
    };
    match ctx.vault.write(WriteOp::Auth(op)).await {
        Ok(WriteResult::Done) if gone => {
            tracing::info!(address, "no longer in the directory: sessions ended");
            Word::Gone
        }
        // No account (an SMTP sender who never signed in): the answer still counts.
        Ok(WriteResult::Gone) if gone => Word::Gone,
        Ok(WriteResult::Done | WriteResult::Gone) => Word::Stands(link.or(stored)),
        // Another check or sign-in stored a newer word meanwhile: it stands.
        Ok(_) => Word::Stands(ctx.vault.account(address).ok().flatten().and_then(|a| a.directory)),
        Err(e) => {
            tracing::warn!(address, error = %e, "the directory's answer was not stored");
            if gone { Word::Gone } else { Word::Stands(link.or(stored)) }
        }
    }
}

/// False when the directory, asked again, no longer finds a user of one of
/// its domains (their sessions have just ended): a session of theirs ends,
/// an emailed code does not let them in.
pub async fn still_there(ctx: &Context, address: &str) -> bool {
    !ctx.config.ldap.covers(address) || !matches!(word(ctx, address).await, Word::Gone)
}

/// Whether `sender` may ask for secure delivery, by the directory's (or the OpenID provider's) groups;
/// None when the directory does not decide (not its domain, or no `ldap.secure_groups`).
pub async fn secure_allowed(ctx: &Context, sender: &str) -> Option<bool> {
    if ctx.config.oidc.covers(sender) {
        return super::oidc_sign_in::secure_allowed(ctx, sender);
    }
    let l = &ctx.config.ldap;
    if !l.covers(sender) || l.secure_groups.is_empty() {
        return None;
    }
    let link = match word(ctx, sender).await {
        Word::Stands(link) => link,
        Word::Gone => None,
    };
    Some(link.is_some_and(|k| in_groups(&k.groups, &l.secure_groups)))
}
