//! The directory of portal accounts as admins manage it: domains with
//! counts, the users of a domain, one user's state and sign-ins, and the
//! changes an admin makes (each an audit event naming the admin).

use super::StoreError;
use super::accounts::AccountError;
use super::{Context, now};
use crate::auth::password;
use crate::auth::throttle::SignInThrottle;
use crate::model::{Account, AccountChange, Event};
use crate::vault::{AdminWrite, AuthWrite, VaultError, WriteOp, WriteResult};

/// One domain of the directory.
pub struct Domain {
    pub name: String,
    pub users: u32,
    /// Users who may not sign in.
    pub denied: u32,
    /// Messages held for its addresses, and when the last one came (unix; 0: none).
    pub held: u64,
    pub last_held_at: i64,
    /// In `internal_domains`.
    pub internal: bool,
}

/// Domains shown per directory page at most.
pub const DOMAINS_MAX: usize = 200;

/// Users shown per directory page at most.
pub const USERS_MAX: usize = 500;
/// Sign-in events shown for one user.
const SIGN_INS_SHOWN: usize = 20;

/// The domain part of an address ("" without one).
pub fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or("", |(_, d)| d)
}

/// Up to `DOMAINS_MAX` domains seen in held mail or accounts, by name, after
/// `after`, whose name contains `query` (case-insensitive), with their counts.
pub fn domains(ctx: &Context, query: &str, after: &str) -> Result<Vec<Domain>, StoreError> {
    let query = query.trim().to_ascii_lowercase();
    Ok(ctx
        .vault
        .domains(&query, after, DOMAINS_MAX)?
        .into_iter()
        .map(|(name, row)| Domain {
            internal: ctx.config.is_internal_domain(&name),
            users: row.users,
            denied: row.denied,
            held: row.held,
            last_held_at: row.last_held_at,
            name,
        })
        .collect())
}

/// The accounts of `domain` (every domain when empty) whose address contains
/// `query` (case-insensitive), by address.
pub fn users(ctx: &Context, domain: &str, query: &str) -> Result<Vec<Account>, StoreError> {
    let query = query.trim().to_ascii_lowercase();
    Ok(ctx.vault.accounts_matching(domain, &query, USERS_MAX)?)
}

/// One account and its latest sign-ins (successful and refused), newest first.
pub fn user(ctx: &Context, address: &str) -> Result<Option<(Account, Vec<Event>)>, StoreError> {
    let Some(account) = ctx.vault.account(address)? else {
        return Ok(None);
    };
    let sign_ins = ctx
        .vault
        .recent_events(0, (SIGN_INS_SHOWN, i64::MIN), |e| e.actor == address && e.what.is_sign_in_attempt())?;
    Ok(Some((account, sign_ins)))
}

/// Applies an admin's change to `address`; false when there is no such
/// account, or the change is to a password the organisation's directory or
/// provider keeps (none of Cloister's would be used).
pub async fn change(ctx: &Context, admin: &str, address: &str, change: AccountChange) -> Result<bool, StoreError> {
    let of_password = matches!(
        change,
        AccountChange::SetPassword { .. } | AccountChange::ResetAndMail { .. } | AccountChange::ForceChange
    );
    if of_password && ctx.config.signs_in_elsewhere(address) {
        return Ok(false);
    }
    let op = AdminWrite::Account {
        admin: admin.to_string(),
        address: address.to_string(),
        change,
        at: now(),
    };
    let done = ctx.vault.write(WriteOp::Admin(op)).await? == WriteResult::Done;
    // A reset-and-mail queued a first-contact mail.
    let _ = ctx.outbox_wake.try_send(());
    Ok(done)
}

/// A new one-time password for `address`, stored (hashed) and returned to be
/// shown once to the admin; None when there is no such account.
pub async fn reset_shown(ctx: &Context, admin: &str, address: &str, must_change: bool) -> Result<Option<String>, StoreError> {
    let policy = ctx.config.password.clone();
    let (secret, hash) = smol::unblock(move || password::generate_hashed(&policy)).await;
    let hash = hash.map_err(VaultError::Storage)?;
    let set = AccountChange::SetPassword {
        hash,
        chosen: false,
        must_change,
    };
    Ok(change(ctx, admin, address, set).await?.then_some(secret))
}

/// Sets a password the admin chose for `address`, typed twice and held to
/// the policy like the user's own; false when there is no such account.
pub async fn set_chosen(
    ctx: &Context,
    admin: &str,
    address: &str,
    (new, confirm): (&str, &str),
    must_change: bool,
) -> Result<bool, AccountError> {
    let hash = super::accounts::new_password_hash(ctx, address, new, confirm, None).await?;
    let set = AccountChange::SetPassword {
        hash,
        chosen: true,
        must_change,
    };
    Ok(change(ctx, admin, address, set).await?)
}

/// Why an admin's new account was not made (the words are for the admin).
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("“{0}” is not an email address like someone@example.org.")]
    NotAnAddress(String),
    #[error(
        "{0} is in an internal domain: internal users sign in with a code mailed when they ask, so there is no password to mail. Leave the tick off."
    )]
    InternalHasNoPassword(String),
    #[error("There is already an account for {0}.")]
    Exists(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Makes an account for `address` (internal when its domain is one of
/// `internal_domains`), queueing a first-contact mail with a one-time
/// password when `mail_password` (external accounts only).
pub async fn add_user(ctx: &Context, admin: &str, address: &str, mail_password: bool) -> Result<String, AddError> {
    let address = address.trim().to_ascii_lowercase();
    if address.len() > 254 || !super::send::valid_address(&address) {
        return Err(AddError::NotAnAddress(address));
    }
    let internal = ctx.config.is_internal(&address);
    if internal && mail_password {
        return Err(AddError::InternalHasNoPassword(address));
    }
    let op = WriteOp::Auth(AuthWrite::AddAccount {
        address: address.clone(),
        internal,
        mail_password,
        welcome: ctx.config.notify.welcome_internal,
        at: now(),
        actor: format!("admin {admin}"),
    });
    if ctx.vault.write(op).await.map_err(StoreError::from)? != WriteResult::Done {
        return Err(AddError::Exists(address));
    }
    let _ = ctx.outbox_wake.try_send(());
    Ok(address)
}

/// Lifts the sign-in lockout of `address` (kept in memory by `throttle`) and records it.
pub async fn unlock(ctx: &Context, throttle: &SignInThrottle, admin: &str, address: &str) -> Result<bool, StoreError> {
    if !change(ctx, admin, address, AccountChange::Unlock).await? {
        return Ok(false);
    }
    throttle.unlock(address);
    Ok(true)
}

/// How a user signs in, and what their organisation's directory or
/// provider last said of them (the admin's user page shows it).
pub struct SignInSource {
    /// "password" (a Cloister password or an emailed code), "ldap" or "oidc".
    pub via: &'static str,
    /// The directory entry (LDAP DN, or the provider's issuer and subject).
    pub entry: Option<String>,
    pub groups: Vec<String>,
    /// When the directory or provider last said so (Unix seconds).
    pub checked_at: Option<i64>,
    /// Who decides secure sending: None = `policy.secure_mode_senders`;
    /// Some(group) = allowed as a member of that group; Some("") = in none of them.
    pub secure_by: Option<String>,
}

/// How `account` signs in (`ldap.domains`, `oidc.domains`, or neither).
pub fn sign_in_source(ctx: &Context, account: &Account) -> SignInSource {
    let c = &ctx.config;
    let via = c.sign_in_way(&account.address);
    let secure_groups = match via {
        "ldap" => &c.ldap.secure_groups,
        "oidc" => &c.oidc.secure_groups,
        _ => {
            return SignInSource {
                via: "password",
                entry: None,
                groups: Vec::new(),
                checked_at: None,
                secure_by: None,
            };
        }
    };
    let link = account.directory.clone();
    let groups = link.as_ref().map(|l| l.groups.clone()).unwrap_or_default();
    let secure_by = (!secure_groups.is_empty()).then(|| {
        secure_groups
            .iter()
            .find(|g| {
                let one = std::slice::from_ref(*g);
                if via == "oidc" {
                    super::oidc_sign_in::in_claim_groups(&groups, one)
                } else {
                    super::ldap_lookup::in_groups(&groups, one)
                }
            })
            .cloned()
            .unwrap_or_default()
    });
    SignInSource {
        via,
        entry: link.as_ref().map(|l| l.dn.clone()),
        groups,
        checked_at: link.map(|l| l.checked_at),
        secure_by,
    }
}
