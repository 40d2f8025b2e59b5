//! Portal accounts: sign-in, sessions, password changes and reset links.
//! Handlers call these; every change goes through the vault writer.

use std::net::IpAddr;

use crate::auth::password::{self, Rule};
use crate::auth::throttle::{Gate, SignInThrottle};
use crate::auth::tokens;
use crate::model::{Account, Session};
use crate::service::{Context, StoreError, now};
use crate::vault::{AuthWrite, VaultError, WriteOp, WriteResult};

/// Who is asking, as the session list and the events show it.
#[derive(Clone, Debug)]
pub struct Client {
    pub ip: IpAddr,
    pub agent: String,
}

/// A session moves its idle clock in the vault at most this often.
const TOUCH_EVERY_SECS: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Every sign-in failure looks the same to the user; `why` is for the log and events.
    #[error("sign-in refused: {why}")]
    SignInRefused { why: &'static str },
    /// The right password for an address locked after failures: it may be
    /// told so, and until when (unix seconds).
    #[error("locked until {until}")]
    Locked { until: i64 },
    /// The right password for an account the organisation does not let sign in.
    #[error("logon not allowed")]
    LogonDenied,
    /// The right password or code of an internal user who has a passkey while
    /// `portal.require_passkey_for_internal` is on: only the passkey signs them in.
    #[error("a passkey is required")]
    PasskeyRequired,
    /// The organisation's directory could not be asked (the detail is logged).
    #[error("the directory is unavailable")]
    DirectoryUnavailable,
    #[error("password rules broken")]
    Rules(Vec<Rule>),
    #[error("the two new passwords differ")]
    Mismatch,
    /// The link is unknown, used, replaced by a newer one, or expired.
    #[error("reset link no longer works")]
    LinkGone,
    #[error("session ended")]
    SessionGone,
    /// An authenticator code that is wrong, too old or already used.
    #[error("wrong authenticator code")]
    WrongCode,
    /// A setting requires what the user tried to remove.
    #[error("required by the administrator")]
    Required,
    #[error(transparent)]
    Store(#[from] super::StoreError),
    #[error("hashing failed: {0}")]
    Hash(String),
}

/// A new session: the cookie token (never stored) and what the user must do first.
#[allow(clippy::struct_excessive_bools)] // independent steps, each its own page
pub struct SignedIn {
    pub token: String,
    pub must_change_password: bool,
    pub password_expired: bool,
    /// The account has a TOTP second factor still to be entered.
    pub second_factor: bool,
    /// A first contact who signed in with an emailed code, still without a
    /// password of their own: a passkey is suggested before anything else.
    pub offer_passkey: bool,
}

/// A session about to start for `account`, with its cookie token and hash.
pub(super) struct NewSession {
    pub token_hash: String,
    pub session: Session,
    pub signed: SignedIn,
}

/// Builds the session a successful first step starts (not yet stored).
pub(super) fn new_session(ctx: &Context, account: &Account, client: &Client, with_password: bool) -> NewSession {
    let at = now();
    let max_age = ctx.config.password.max_age_secs();
    let password_expired = with_password && max_age > 0 && account.password_changed_at > 0 && account.password_changed_at + max_age < at;
    // A code proves the mailbox, not the password: a forced change waits for the next password sign-in.
    let must_change_password = with_password && (account.must_change_password || password_expired);
    let second_factor = account.totp.is_some();
    let (token, token_hash) = tokens::new_token();
    let (csrf, _) = tokens::new_token();
    let session = Session {
        address: account.address.clone(),
        created_at: at,
        last_seen: at,
        ip: client.ip.to_string(),
        agent: client.agent.chars().take(200).collect(),
        csrf,
        must_change_password,
        second_factor_pending: second_factor,
        must_enrol_totp: ctx.config.portal.require_totp && !second_factor,
        totp_enrolling: None,
        must_enrol_passkey: account.passkeys.is_empty() && super::passkeys::required_for(ctx, account),
    };
    let offer_passkey = !with_password
        && account.must_change_password
        && account.passkeys.is_empty()
        && super::passkeys::may_replace_password(ctx, account);
    NewSession {
        token_hash,
        session,
        signed: SignedIn {
            token,
            must_change_password,
            password_expired,
            second_factor,
            offer_passkey,
        },
    }
}

pub fn normalise(address: &str) -> String {
    address.trim().to_ascii_lowercase()
}

/// Checks a password; failures are throttled, recorded and indistinguishable.
pub async fn sign_in(
    ctx: &Context,
    throttle: &SignInThrottle,
    address: &str,
    password: &str,
    client: &Client,
) -> Result<SignedIn, AccountError> {
    let address = normalise(address);
    if ctx.config.ldap.covers(&address) {
        return super::ldap_sign_in::sign_in(ctx, throttle, address, password, client).await;
    }
    if ctx.config.oidc.covers(&address) {
        // Signs in at the organisation's provider: no password here.
        return Err(refuse(ctx, throttle, address, client, "signs in at the organisation's provider").await);
    }
    let verdict = if let Err(why) = wait_turn(throttle, &address, client.ip).await {
        if let Some(left) = throttle.probe(&address, client.ip) {
            return Err(locked_probe(ctx, &address, password, client, left).await);
        }
        Err(why)
    } else {
        let account = ctx.vault.account(&address)?;
        check_password(account.clone(), password.to_string())
            .await
            .and_then(|()| account.ok_or("no account"))
    };
    let account = match verdict {
        Ok(account) => account,
        Err(why) => {
            let refused = refuse(ctx, throttle, address, client, why).await;
            return Err(if why == LOGON_DENIED { AccountError::LogonDenied } else { refused });
        }
    };
    if super::passkeys::only_passkeys(ctx, &account) {
        return Err(super::passkeys::refuse_without_passkey(ctx, throttle, &address, client).await);
    }
    throttle.succeeded(&address, client.ip);
    let NewSession {
        token_hash,
        session,
        signed,
    } = new_session(ctx, &account, client, true);
    let op = AuthWrite::SignIn {
        token_hash,
        session,
        method: "a password",
    };
    record_sign_in(ctx, op, &address, client).await?;
    Ok(signed)
}

/// Stores a sign-in (`op` starts the session), counts and logs it.
pub(super) async fn record_sign_in(ctx: &Context, op: AuthWrite, address: &str, client: &Client) -> Result<(), AccountError> {
    match ctx.vault.write(WriteOp::Auth(op)).await? {
        WriteResult::Done => {}
        _ => {
            return Err(AccountError::SignInRefused {
                why: "account removed meanwhile",
            });
        }
    }
    ctx.metrics.sign_in(false, true);
    tracing::info!(address = %address, client = %client.ip, "portal sign-in");
    Ok(())
}

/// Waits out the delay earlier failures earned for this address and client;
/// Err (the reason, for the refusal) while they are locked out. While as many
/// checks are running as failures may still be made, waits for one to end
/// (so concurrent tries cannot pass the lockout threshold).
pub(super) async fn wait_turn(throttle: &SignInThrottle, address: &str, ip: IpAddr) -> Result<(), &'static str> {
    for _ in 0..BUSY_TRIES {
        match throttle.gate(address, ip) {
            Gate::Locked => return Err("locked after repeated failures"),
            Gate::Busy => smol::Timer::after(BUSY_PAUSE).await,
            Gate::Check(delay) => {
                if !delay.is_zero() {
                    smol::Timer::after(delay).await;
                }
                return Ok(());
            }
        };
    }
    Err("too many tries at once")
}

/// How long, and how often, a try waits for a running check to end (10 s in all).
const BUSY_PAUSE: std::time::Duration = std::time::Duration::from_millis(100);
const BUSY_TRIES: u32 = 100;

/// Counts, logs and records a refused sign-in; the error every refusal gives.
pub(super) async fn refuse(ctx: &Context, throttle: &SignInThrottle, address: String, client: &Client, why: &'static str) -> AccountError {
    ctx.metrics.sign_in(false, false);
    let locked = throttle.failed(&address, client.ip);
    let why_text = if locked { format!("{why}; now locked") } else { why.to_string() };
    tracing::info!(address = %address, client = %client.ip, why = %why_text, "portal sign-in refused");
    let op = AuthWrite::SignInFailed {
        address,
        ip: client.ip.to_string(),
        why: why.to_string(),
        locked,
        at: now(),
    };
    if let Err(e) = ctx.vault.write(WriteOp::Auth(op)).await {
        return e.into();
    }
    AccountError::SignInRefused { why }
}

/// The reason a right password for an account with logon denied is refused.
const LOGON_DENIED: &str = "logon not allowed for this account";

/// A password tried while the address is locked (one of the few checks a
/// lock allows): the right one is told it is locked until when; any other
/// gets the same refusal as ever. Neither counts as a new failure.
async fn locked_probe(ctx: &Context, address: &str, password: &str, client: &Client, left: std::time::Duration) -> AccountError {
    let account = ctx.vault.account(address).ok().flatten();
    let check = smol::Timer::after(std::time::Duration::from_secs(4));
    let right = check_password(account, password.to_string()).await;
    check.await;
    let (why, answer) = match right {
        Ok(()) => (
            "locked after repeated failures; the right password",
            AccountError::Locked {
                until: now() + i64::try_from(left.as_secs()).unwrap_or(i64::MAX / 2) + 1,
            },
        ),
        Err(LOGON_DENIED) => ("locked after repeated failures; logon not allowed", AccountError::LogonDenied),
        Err(_) => (
            "locked after repeated failures",
            AccountError::SignInRefused {
                why: "locked after repeated failures",
            },
        ),
    };
    ctx.metrics.sign_in(false, false);
    tracing::info!(address = %address, client = %client.ip, %why, "portal sign-in refused");
    let op = AuthWrite::SignInFailed {
        address: address.to_string(),
        ip: client.ip.to_string(),
        why: why.to_string(),
        locked: false,
        at: now(),
    };
    if let Err(e) = ctx.vault.write(WriteOp::Auth(op)).await {
        return e.into();
    }
    answer
}

/// Ok(()) when `password` opens `account`; the same argon2 work is done when
/// there is no account or no password, so timing does not tell them apart.
async fn check_password(account: Option<Account>, password: String) -> Result<(), &'static str> {
    smol::unblock(move || {
        let Some(account) = account else {
            password::verify_dummy(&password);
            return Err("no account");
        };
        let Some(hash) = account.password_hash.as_deref() else {
            password::verify_dummy(&password);
            return Err("no password issued yet");
        };
        if !password::verify(hash, &password) {
            return Err("wrong password");
        }
        if !account.allow_logon {
            return Err(LOGON_DENIED);
        }
        Ok(())
    })
    .await
}

/// How long a session that ran out (idle or too old) is still known, so
/// that what its browser was writing is kept as a draft (`lapsed_session`);
/// it signs nobody in. Signing out or ending sessions removes it at once.
pub const LAPSED_KEPT_SECS: i64 = 12 * 3600;

/// Seconds until `session` runs out (idle or too old), as of `at`.
pub fn seconds_left(ctx: &Context, session: &Session, at: i64) -> i64 {
    let idle = ctx.config.portal.idle_secs();
    let portal_max = i64::from(ctx.config.portal.session_max_hours) * 3600;
    let max = ctx.config.oidc.session_max_secs(&session.address, portal_max);
    (session.last_seen + idle).min(session.created_at + max) - at
}

/// The live session for a cookie token: none when it ran out (idle or too old).
pub async fn session(ctx: &Context, token: &str) -> Result<Option<(String, Session)>, AccountError> {
    let token_hash = tokens::hash(token);
    let Some(session) = ctx.vault.session(&token_hash)? else {
        return Ok(None);
    };
    let at = now();
    let idle = ctx.config.portal.idle_secs();
    if seconds_left(ctx, &session, at) < 0 {
        return Ok(None);
    }
    // A directory user who left (or was disabled) is out at the next check.
    if !super::ldap_sign_in::still_there(ctx, &session.address).await {
        return Ok(None);
    }
    if at - session.last_seen >= TOUCH_EVERY_SECS.min(idle / 4) {
        ctx.vault
            .write(WriteOp::Auth(AuthWrite::Touch {
                token_hash: token_hash.clone(),
                at,
            }))
            .await?;
        // As stored now: the seconds a page is told it has left count from here.
        return Ok(Some((token_hash, Session { last_seen: at, ..session })));
    }
    Ok(Some((token_hash, session)))
}

/// Marks the session used now (the user asked to stay signed in); the seconds it has left.
pub async fn keep_alive(ctx: &Context, token_hash: String, session: &Session) -> Result<i64, AccountError> {
    let at = now();
    ctx.vault.write(WriteOp::Auth(AuthWrite::Touch { token_hash, at })).await?;
    let touched = Session {
        last_seen: at,
        ..session.clone()
    };
    Ok(seconds_left(ctx, &touched, at))
}

pub async fn sign_out(ctx: &Context, token_hash: String) -> Result<(), AccountError> {
    ctx.vault.write(WriteOp::Auth(AuthWrite::SignOut { token_hash, at: now() })).await?;
    Ok(())
}

pub async fn end_other_sessions(ctx: &Context, token_hash: String, address: String) -> Result<(), AccountError> {
    let op = AuthWrite::EndSessions {
        address,
        keep: Some(token_hash),
        at: now(),
    };
    ctx.vault.write(WriteOp::Auth(op)).await?;
    Ok(())
}

/// Checks the new password against the policy and hashes it.
pub(super) async fn new_password_hash(
    ctx: &Context,
    address: &str,
    new: &str,
    confirm: &str,
    current: Option<String>,
) -> Result<String, AccountError> {
    if new != confirm {
        return Err(AccountError::Mismatch);
    }
    let (policy, address, new) = (ctx.config.password.clone(), address.to_string(), new.to_string());
    smol::unblock(move || {
        let broken = password::broken_rules(&policy, &address, &new, current.as_deref());
        if !broken.is_empty() {
            return Err(AccountError::Rules(broken));
        }
        password::hash(&new).map_err(AccountError::Hash)
    })
    .await
}

/// A signed-in user sets a new password; their other sessions end and this
/// one continues under a new token (returned for the cookie).
pub async fn change_password(
    ctx: &Context,
    token_hash: String,
    session: &Session,
    new: &str,
    confirm: &str,
) -> Result<String, AccountError> {
    if ctx.config.signs_in_elsewhere(&session.address) {
        // The directory (or the provider) keeps this password.
        return Err(AccountError::Required);
    }
    let current = ctx.vault.account(&session.address)?.and_then(|a| a.password_hash);
    let password_hash = new_password_hash(ctx, &session.address, new, confirm, current).await?;
    let (token, new_token_hash) = tokens::new_token();
    let op = AuthWrite::ChangePassword {
        token_hash,
        new_token_hash,
        password_hash,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Auth(op)).await? {
        WriteResult::Done => Ok(token),
        _ => Err(AccountError::SessionGone),
    }
}

/// Queues a reset link when the address has an account; says nothing either way.
pub async fn request_reset(ctx: &Context, address: &str, client: &Client) -> Result<(), AccountError> {
    if ctx.config.signs_in_elsewhere(address) {
        return Ok(());
    }
    let op = AuthWrite::RequestReset {
        address: normalise(address),
        ip: client.ip.to_string(),
        at: now(),
        // One reset mail per account per interval, however often the form is posted.
        min_interval: i64::from(ctx.config.password.reset_interval_secs),
    };
    if ctx.vault.write(WriteOp::Auth(op)).await? == WriteResult::Done {
        let _ = ctx.outbox_wake.try_send(());
    }
    Ok(())
}

/// The address a reset link is for, while the link still works (a GET never uses it up).
pub fn reset_link_address(ctx: &Context, token: &str) -> Result<Option<String>, AccountError> {
    let token = ctx.vault.reset_token(&tokens::hash(token))?;
    // A link made before the address's domain moved to the directory or the
    // provider no longer sets a password: theirs is kept there.
    Ok(token
        .filter(|t| t.expires_at >= now() && !ctx.config.signs_in_elsewhere(&t.address))
        .map(|t| t.address))
}

/// Uses a reset link: sets the password and ends every session of the account.
pub async fn use_reset_link(ctx: &Context, token: &str, new: &str, confirm: &str) -> Result<(), AccountError> {
    let address = reset_link_address(ctx, token)?.ok_or(AccountError::LinkGone)?;
    let current = ctx.vault.account(&address)?.and_then(|a| a.password_hash);
    let password_hash = new_password_hash(ctx, &address, new, confirm, current).await?;
    let op = AuthWrite::UseReset {
        token_hash: tokens::hash(token),
        password_hash,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Auth(op)).await? {
        WriteResult::Done => Ok(()),
        _ => Err(AccountError::LinkGone),
    }
}

impl From<VaultError> for AccountError {
    fn from(e: VaultError) -> Self {
        Self::Store(e.into())
    }
}

/// The account of `address`, if there is one.
pub fn account(ctx: &Context, address: &str) -> Result<Option<Account>, StoreError> {
    Ok(ctx.vault.account(address)?)
}

/// Every signed-in browser of `address`: (hash of its cookie token, session).
pub fn sessions_of(ctx: &Context, address: &str) -> Result<Vec<(String, Session)>, StoreError> {
    let at = now();
    let mut sessions = ctx.vault.sessions_of(address)?;
    sessions.retain(|(_, s)| seconds_left(ctx, s, at) >= 0);
    Ok(sessions)
}

/// Whether `token` is the CSRF token of one of `address`'s sessions, live or
/// run out in the last `LAPSED_KEPT_SECS` (a page of an older session of the
/// same user, whose post is then kept as a draft). Read only when the current
/// session's token did not match.
pub fn is_own_session_token(ctx: &Context, address: &str, token: &str) -> bool {
    let at = now();
    ctx.vault.sessions_of(address).is_ok_and(|sessions| {
        sessions.iter().any(|(_, s)| {
            s.steps_done() && seconds_left(ctx, s, at) >= -LAPSED_KEPT_SECS && !s.csrf.is_empty() && tokens::same(&s.csrf, token)
        })
    })
}

/// A session for a cookie token that ran out less than `LAPSED_KEPT_SECS`
/// ago (a live one is not lapsed): only to keep what its browser posted as
/// a draft, never to show or do anything else.
pub fn lapsed_session(ctx: &Context, token: &str) -> Result<Option<Session>, StoreError> {
    let Some(session) = ctx.vault.session(&tokens::hash(token))? else {
        return Ok(None);
    };
    let left = seconds_left(ctx, &session, now());
    Ok(((-LAPSED_KEPT_SECS..0).contains(&left) && session.steps_done()).then_some(session))
}
