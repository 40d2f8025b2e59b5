//! Writes of the admin console: admin accounts and sessions, and what an
//! admin does to a portal account. Every change is an event under message 0
//! (the audit), naming the admin.

use redb::ReadableTable as _;

use super::auth_ops::{account, end_sessions, put_account, queue_mail_about, update_sessions};
use super::domain_index::DomainChange;
use super::entry_ops::remove_entry;
use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode, encode};
use crate::model::{AccountChange, AdminAccount, AdminSession, OutboxKind, Payload, SignInRecord, What};

/// The outbox note that makes a first-contact mail say "new password" rather than "new account".

#[derive(Debug)]
pub enum AdminWrite {
    /// A new admin (Gone when the name is taken).
    Add {
        admin: Box<AdminAccount>,
        actor: String,
    },
    /// Removes an admin and ends their sessions (Gone when there is none).
    Remove {
        name: String,
        actor: String,
        at: i64,
    },
    /// A successful admin sign-in; `totp_step` is refused (Gone) when already
    /// used. `by_provider`: signed in at the OpenID provider, the admin is
    /// made when new (with no password: only the provider lets them in).
    SignIn {
        token_hash: String,
        session: AdminSession,
        totp_step: Option<u64>,
        by_provider: bool,
    },
    SignInFailed {
        name: String,
        ip: String,
        why: String,
        /// This failure locked the name out.
        locked: bool,
        at: i64,
    },
    Touch {
        token_hash: String,
        at: i64,
    },
    SignOut {
        token_hash: String,
        at: i64,
    },
    /// An admin saved how the console shows them dates (Gone when the admin is gone).
    SetPreferences {
        name: String,
        preferences: crate::model::Preferences,
        at: i64,
    },
    /// An admin changes a portal account.
    Account {
        admin: String,
        address: String,
        change: AccountChange,
        at: i64,
    },
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &AdminWrite) -> Result<WriteResult, VaultError> {
    match w {
        AdminWrite::Add { admin, actor } => {
            if t.admins.get(admin.name.as_str())?.is_some() {
                return Ok(WriteResult::Gone);
            }
            t.admins.insert(admin.name.as_str(), encode(admin).as_slice())?;
            let what = What::AdminCreated {
                name: admin.name.clone(),
                totp: admin.totp.is_some(),
            };
            add_event(t, counters, 0, admin.created_at, actor, what)?;
            Ok(WriteResult::Done)
        }
        AdminWrite::Remove { name, actor, at } => remove(t, counters, name, actor, *at),
        AdminWrite::SignIn {
            token_hash,
            session,
            totp_step,
            by_provider,
        } => sign_in(t, counters, (token_hash, session), *totp_step, *by_provider),
        AdminWrite::SignInFailed { name, ip, why, locked, at } => {
            let what = What::AdminSignInRefused {
                name: name.clone(),
                ip: ip.clone(),
                why: why.clone(),
                locked: *locked,
            };
            add_event(t, counters, 0, *at, &format!("admin {name}"), what)?;
            Ok(WriteResult::Done)
        }
        AdminWrite::Touch { token_hash, at } => {
            let Some(mut s) = admin_session(t, token_hash)? else {
                return Ok(WriteResult::Gone);
            };
            s.last_seen = s.last_seen.max(*at);
            t.admin_sessions.insert(token_hash.as_str(), encode(&s).as_slice())?;
            Ok(WriteResult::Done)
        }
        AdminWrite::SignOut { token_hash, at } => {
            let Some(s) = t
                .admin_sessions
                .remove(token_hash.as_str())?
                .map(|v| decode::<AdminSession>("admin_sessions", v.value()))
                .transpose()?
            else {
                return Ok(WriteResult::Gone);
            };
            add_event(t, counters, 0, *at, &format!("admin {}", s.name), What::AdminSignedOut)?;
            Ok(WriteResult::Done)
        }
        AdminWrite::Account {
            admin,
            address,
            change,
            at,
        } => change_account(t, counters, admin, address, change, *at),
        AdminWrite::SetPreferences { name, preferences, at } => set_preferences(t, counters, name, preferences, *at),
    }
}

fn set_preferences(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    name: &str,
    p: &crate::model::Preferences,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some(mut admin) = t
        .admins
        .get(name)?
        .map(|v| decode::<AdminAccount>("admins", v.value()))
        .transpose()?
    else {
        return Ok(WriteResult::Gone);
    };
    admin.preferences = p.clone();
    t.admins.insert(name, encode(&admin).as_slice())?;
    add_event(t, counters, 0, at, &format!("admin {name}"), What::preferences_saved(p))?;
    Ok(WriteResult::Done)
}

fn remove(t: &mut Tables<'_>, counters: &mut Counters, name: &str, actor: &str, at: i64) -> Result<WriteResult, VaultError> {
    let Some(gone) = t
        .admins
        .remove(name)?
        .map(|v| decode::<AdminAccount>("admins", v.value()))
        .transpose()?
    else {
        return Ok(WriteResult::Gone);
    };
    super::passkey_ops::forget(t, &gone.passkeys)?;
    let mut ended = Vec::new();
    for row in t.admin_sessions.iter()? {
        let (k, v) = row?;
        if decode::<AdminSession>("admin_sessions", v.value())?.name == name {
            ended.push(k.value().to_string());
        }
    }
    for k in &ended {
        t.admin_sessions.remove(k.as_str())?;
    }
    let what = What::AdminRemoved {
        name: name.to_string(),
        sessions_ended: ended.len(),
    };
    add_event(t, counters, 0, at, actor, what)?;
    Ok(WriteResult::Done)
}

fn admin_session(t: &Tables<'_>, token_hash: &str) -> Result<Option<AdminSession>, VaultError> {
    t.admin_sessions
        .get(token_hash)?
        .map(|v| decode("admin_sessions", v.value()))
        .transpose()
}

fn sign_in(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    (token_hash, session): (&str, &AdminSession),
    totp_step: Option<u64>,
    by_provider: bool,
) -> Result<WriteResult, VaultError> {
    let stored = t
        .admins
        .get(session.name.as_str())?
        .map(|v| decode::<AdminAccount>("admins", v.value()))
        .transpose()?;
    let mut admin = match stored {
        Some(admin) => admin,
        None if by_provider => AdminAccount {
            name: session.name.clone(),
            created_at: session.created_at,
            password_hash: String::new(),
            totp: None,
            last_sign_in: None,
            preferences: crate::model::Preferences::default(),
            passkeys: Vec::new(),
            passkey_user: String::new(),
        },
        None => return Ok(WriteResult::Gone),
    };
    if let (Some(step), Some(totp)) = (totp_step, admin.totp.as_mut()) {
        if step <= totp.last_step {
            return Ok(WriteResult::Gone);
        }
        totp.last_step = step;
    }
    admin.last_sign_in = Some(SignInRecord {
        at: session.created_at,
        ip: session.ip.clone(),
        agent: session.agent.clone(),
    });
    t.admins.insert(admin.name.as_str(), encode(&admin).as_slice())?;
    t.admin_sessions.insert(token_hash, encode(session).as_slice())?;
    let what = What::AdminSignedIn {
        ip: session.ip.clone(),
        agent: session.agent.clone(),
    };
    add_event(t, counters, 0, session.created_at, &format!("admin {}", session.name), what)?;
    Ok(WriteResult::Done)
}

fn change_account(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    admin: &str,
    address: &str,
    change: &AccountChange,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some(mut acc) = account(t, address)? else {
        return Ok(WriteResult::Gone);
    };
    let what = match change {
        AccountChange::ResetAndMail { must_change } => {
            let ended = end_sessions(t, address, None)?;
            let payload = Payload::AdminReset { must_change: *must_change };
            queue_mail_about(t, counters, OutboxKind::FirstContact, address, (0, payload), at)?;
            What::PasswordMailed {
                address: address.to_string(),
                sessions_ended: ended,
                must_change: *must_change,
            }
        }
        AccountChange::SetPassword { hash, chosen, must_change } => {
            acc.password_hash = Some(hash.clone());
            acc.must_change_password = *must_change;
            acc.password_changed_at = at;
            if let Some(old) = acc.reset_token.take() {
                t.reset_tokens.remove(old.as_str())?;
            }
            put_account(t, &acc)?;
            let (address, sessions_ended, must_change) = (address.to_string(), end_sessions(t, address, None)?, *must_change);
            if *chosen {
                What::PasswordChosen {
                    address,
                    sessions_ended,
                    must_change,
                }
            } else {
                What::PasswordShown {
                    address,
                    sessions_ended,
                    must_change,
                }
            }
        }
        AccountChange::ForceChange => {
            acc.must_change_password = true;
            put_account(t, &acc)?;
            update_sessions(t, address, |_, mut s| {
                s.must_change_password = true;
                Some(s)
            })?;
            What::MustChangePassword {
                address: address.to_string(),
            }
        }
        AccountChange::AllowLogon(allow) => {
            if acc.allow_logon != *allow {
                t.count_domain(address, DomainChange::Denied(if *allow { -1 } else { 1 }))?;
            }
            acc.allow_logon = *allow;
            put_account(t, &acc)?;
            let sessions_ended = if *allow { 0 } else { end_sessions(t, address, None)? };
            What::Logon {
                address: address.to_string(),
                allowed: *allow,
                sessions_ended,
            }
        }
        AccountChange::AllowSending(allow) => {
            acc.allow_sending = *allow;
            put_account(t, &acc)?;
            What::Sending {
                address: address.to_string(),
                allowed: *allow,
            }
        }
        AccountChange::Unlock => What::LockoutLifted {
            address: address.to_string(),
        },
        AccountChange::Delete => delete_account(t, address, at)?,
    };
    add_event(t, counters, 0, at, &format!("admin {admin}"), what)?;
    Ok(WriteResult::Done)
}

fn delete_account(t: &mut Tables<'_>, address: &str, at: i64) -> Result<What, VaultError> {
    let mut ids = Vec::new();
    for row in t.mailbox.range((address, 0)..=(address, u64::MAX))? {
        ids.push(row?.0.value().1);
    }
    for &id in &ids {
        remove_entry(t, address, id)?;
    }
    let ended = end_sessions(t, address, None)?;
    super::draft_ops::remove_all_of(t, address, at * 1000)?;
    if let Some(acc) = account(t, address)? {
        if let Some(token) = acc.reset_token {
            t.reset_tokens.remove(token.as_str())?;
        }
        super::passkey_ops::forget(t, &acc.passkeys)?;
        t.count_domain(address, DomainChange::Users(-1))?;
        if !acc.allow_logon {
            t.count_domain(address, DomainChange::Denied(-1))?;
        }
    }
    t.sign_in_codes.remove(address)?;
    t.accounts.remove(address)?;
    Ok(What::AccountDeleted {
        address: address.to_string(),
        entries: ids.len(),
        sessions_ended: ended,
    })
}

/// A passkey signed an admin in (its counter is stored by the caller).
pub(super) fn passkey_sign_in(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    token_hash: &str,
    session: &AdminSession,
) -> Result<WriteResult, VaultError> {
    sign_in(t, counters, (token_hash, session), None, false)
}
