//! Admin accounts and sessions for the admin console. Admins are not portal
//! users: their own table, cookie, shorter idle timeout, lockout and (by
//! default) a TOTP code at every sign-in.

use super::StoreError;
use super::accounts::{Client, wait_turn};
use super::{Context, now};
use crate::auth::throttle::SignInThrottle;
use crate::auth::{password, tokens, totp};
use crate::model::{AdminAccount, AdminSession, Totp};
use crate::vault::{AdminWrite, VaultError, WriteOp, WriteResult};

/// An admin session moves its idle clock at most this often.
const TOUCH_EVERY_SECS: i64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// Every failure looks the same to the browser; `why` is for the audit.
    #[error("admin sign-in refused: {why}")]
    Refused { why: &'static str },
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

/// Admin names: 1 to 64 of a-z, 0-9, `.`, `_`, `-`.
pub fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
}

/// A new admin account (not stored): the password hashed, a TOTP secret when given.
pub fn new_admin(name: &str, password: &str, totp_secret: Option<String>) -> Result<AdminAccount, String> {
    let at = now();
    Ok(AdminAccount {
        name: name.to_string(),
        created_at: at,
        password_hash: password::hash(password)?,
        totp: totp_secret.map(|secret| Totp {
            secret,
            enrolled_at: at,
            last_step: 0,
            recovery: Vec::new(),
        }),
        last_sign_in: None,
        preferences: crate::model::Preferences::default(),
        passkeys: Vec::new(),
        passkey_user: String::new(),
    })
}

/// The stored preferences of admin `name`.
pub fn preferences(ctx: &Context, name: &str) -> Result<crate::model::Preferences, StoreError> {
    Ok(ctx.vault.admin(name)?.map(|a| a.preferences).unwrap_or_default())
}

/// Saves admin `name`'s preferences (checked by `preferences::check`); false when the admin is gone.
pub async fn save_preferences(ctx: &Context, name: &str, preferences: crate::model::Preferences) -> Result<bool, StoreError> {
    let op = AdminWrite::SetPreferences {
        name: name.to_string(),
        preferences,
        at: now(),
    };
    Ok(ctx.vault.write(WriteOp::Admin(op)).await? == crate::vault::WriteResult::Done)
}

/// Checks name, password and (when set up or required) the TOTP code; on
/// success returns the new session's cookie token.
pub async fn sign_in(
    ctx: &Context,
    throttle: &SignInThrottle,
    (name, password, code): (&str, &str, &str),
    client: &Client,
) -> Result<String, AdminError> {
    let name = name.trim().to_ascii_lowercase();
    let verdict = match wait_turn(throttle, &name, client.ip).await {
        Err(why) => Err(why),
        Ok(()) => check(ctx, &name, password, code).await?,
    };
    let step = match verdict {
        Ok(step) => step,
        Err(why) => return Err(refuse(ctx, throttle, &name, client, why).await),
    };
    let must_enrol_passkey = match super::admin_passkeys::without_passkey(ctx, &name) {
        Ok(must) => must,
        Err(AdminError::Refused { why }) => return Err(refuse(ctx, throttle, &name, client, why).await),
        Err(e) => return Err(e),
    };
    let (token, op) = new_session(&name, client, step, (false, must_enrol_passkey));
    if ctx.vault.write(WriteOp::Admin(op)).await? != WriteResult::Done {
        return Err(refuse(ctx, throttle, &name, client, "authenticator code already used").await);
    }
    throttle.succeeded(&name, client.ip);
    ctx.metrics.sign_in(true, true);
    tracing::info!(admin = %name, client = %client.ip, "admin sign-in");
    Ok(token)
}

/// Starts the console session of `address`, whom the OpenID provider signed
/// in as a member of `oidc.admin_groups` (made an admin, with no password,
/// when new); the session's cookie token.
pub async fn provider_sign_in(ctx: &Context, address: &str, client: &Client) -> Result<String, AdminError> {
    let must_enrol_passkey = match super::admin_passkeys::without_passkey(ctx, address) {
        Ok(must) => must,
        Err(AdminError::Refused { why }) => {
            tracing::info!(admin = %address, client = %client.ip, why, "admin sign-in at the OpenID provider refused");
            return Err(AdminError::Refused { why });
        }
        Err(e) => return Err(e),
    };
    let (token, op) = new_session(address, client, None, (true, must_enrol_passkey));
    if ctx.vault.write(WriteOp::Admin(op)).await? != WriteResult::Done {
        return Err(AdminError::Refused { why: "not stored" });
    }
    ctx.metrics.sign_in(true, true);
    tracing::info!(admin = %address, client = %client.ip, "admin sign-in at the OpenID provider");
    Ok(token)
}

/// A new session's cookie token and the write that starts it.
fn new_session(
    name: &str,
    client: &Client,
    totp_step: Option<u64>,
    (by_provider, must_enrol_passkey): (bool, bool),
) -> (String, AdminWrite) {
    let (token, token_hash) = tokens::new_token();
    let at = now();
    let session = AdminSession {
        name: name.to_string(),
        created_at: at,
        last_seen: at,
        ip: client.ip.to_string(),
        agent: client.agent.chars().take(200).collect(),
        csrf: tokens::new_token().0,
        must_enrol_passkey,
    };
    let op = AdminWrite::SignIn {
        token_hash,
        session,
        totp_step,
        by_provider,
    };
    (token, op)
}

/// Ok(Ok(step)) when the password (and the code, if any) are right.
async fn check(ctx: &Context, name: &str, password: &str, code: &str) -> Result<Result<Option<u64>, &'static str>, AdminError> {
    let admin = ctx.vault.admin(name)?;
    let require_totp = ctx.config.admin.require_totp;
    let (password, code) = (password.to_string(), code.to_string());
    Ok(smol::unblock(move || {
        let Some(admin) = admin else {
            password::verify_dummy(&password);
            return Err("no such admin");
        };
        if admin.password_hash.is_empty() {
            password::verify_dummy(&password);
            return Err("signs in at the organisation's provider (no password here)");
        }
        if !password::verify(&admin.password_hash, &password) {
            return Err("wrong password");
        }
        match admin.totp {
            Some(t) => totp::matching_step(&t.secret, &code, now())
                .map(Some)
                .ok_or("wrong authenticator code"),
            None if require_totp => Err("no TOTP set up but admin.require_totp is on (re-create the admin)"),
            None => Ok(None),
        }
    })
    .await)
}

async fn refuse(ctx: &Context, throttle: &SignInThrottle, name: &str, client: &Client, why: &'static str) -> AdminError {
    ctx.metrics.sign_in(true, false);
    let locked = throttle.failed(name, client.ip);
    let why_text = if locked { format!("{why}; now locked") } else { why.to_string() };
    tracing::warn!(admin = %name, client = %client.ip, why = %why_text, "admin sign-in refused");
    let op = AdminWrite::SignInFailed {
        name: name.chars().take(64).collect(),
        ip: client.ip.to_string(),
        why: why.to_string(),
        locked,
        at: now(),
    };
    if let Err(e) = ctx.vault.write(WriteOp::Admin(op)).await {
        return e.into();
    }
    AdminError::Refused { why }
}

/// The live admin session for a cookie token (with its hash): ended when idle or too old.
pub async fn session(ctx: &Context, token: &str) -> Result<Option<(String, AdminSession)>, StoreError> {
    let token_hash = tokens::hash(token);
    let Some(session) = ctx.vault.admin_session(&token_hash)? else {
        return Ok(None);
    };
    let at = now();
    let idle = ctx.config.admin.idle_secs();
    let admin_max = i64::from(ctx.config.admin.session_max_hours) * 3600;
    let max = ctx.config.oidc.session_max_secs(&session.name, admin_max);
    if session.last_seen + idle < at || session.created_at + max < at {
        ctx.vault.write(WriteOp::Admin(AdminWrite::SignOut { token_hash, at })).await?;
        return Ok(None);
    }
    if at - session.last_seen >= TOUCH_EVERY_SECS.min(idle / 4) {
        let op = AdminWrite::Touch {
            token_hash: token_hash.clone(),
            at,
        };
        ctx.vault.write(WriteOp::Admin(op)).await?;
    }
    Ok(Some((token_hash, session)))
}

pub async fn sign_out(ctx: &Context, token_hash: String) -> Result<(), StoreError> {
    ctx.vault
        .write(WriteOp::Admin(AdminWrite::SignOut { token_hash, at: now() }))
        .await?;
    Ok(())
}

impl From<VaultError> for AdminError {
    fn from(e: VaultError) -> Self {
        Self::Store(e.into())
    }
}
