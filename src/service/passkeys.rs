//! Passkeys of portal accounts: what the browser is asked (the options of
//! `navigator.credentials.create()` / `.get()`), enrolment from a signed-in
//! session, renaming, removal, and the sign-in a passkey makes on its own
//! (user verification required: it is both factors). Refusals are events.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::accounts::{AccountError, Client, NewSession, SignedIn, new_session, wait_turn};
use super::passkey_challenges::{Busy, Challenges, Purpose};
use super::{Context, now};
use crate::auth::throttle::SignInThrottle;
use crate::auth::webauthn::{self, ALGORITHMS, Answer, Known, RelyingParty};
use crate::model::{Account, MOST_PASSKEYS, Passkey, PasskeyOwner, Session};
/// The session a passkey is enrolled from (what the handlers name, through this door).
pub use crate::vault::EnrolledFrom;
use crate::vault::{AuthWrite, PasskeyWrite, Start, WriteOp, WriteResult};

/// Longest name a passkey may be given.
pub const MOST_NAME_CHARS: usize = 60;

/// Why a passkey could not be enrolled, renamed or removed.
#[derive(Debug, thiserror::Error)]
pub enum PasskeyFailure {
    /// Passkeys are off, or the portal's address is not one browsers give passkeys to.
    #[error("passkeys are not available here")]
    Unavailable,
    #[error(transparent)]
    Busy(#[from] Busy),
    /// The browser's answer was refused (the words say why).
    #[error("the passkey was refused: {0}")]
    Refused(String),
    #[error("the account keeps {MOST_PASSKEYS} passkeys already")]
    Full,
    /// A setting requires the passkey (the last one, with a passkey required).
    #[error("required by the administrator")]
    Required,
    #[error("no such passkey")]
    Gone,
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

impl From<crate::vault::VaultError> for PasskeyFailure {
    fn from(e: crate::vault::VaultError) -> Self {
        Self::Store(e.into())
    }
}

/// The relying party, when passkeys are on and the portal's address can have them.
pub fn relying_party(ctx: &Context) -> Option<RelyingParty> {
    if !ctx.config.portal.passkeys {
        return None;
    }
    RelyingParty::of(&ctx.config.public_url())
}

/// Whether `address` may use passkeys here (not a user who signs in at the
/// organisation's OpenID provider: the provider decides who they are).
pub fn offered_to(ctx: &Context, address: &str) -> bool {
    relying_party(ctx).is_some() && !ctx.config.oidc.covers(address)
}

/// A first contact may choose a passkey instead of a password.
pub fn may_replace_password(ctx: &Context, account: &Account) -> bool {
    ctx.config.portal.passkey_replaces_password && !account.internal && offered_to(ctx, &account.address)
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A new WebAuthn user id (random, names nobody).
pub fn new_user_handle() -> String {
    let mut handle = [0u8; 16];
    getrandom::getrandom(&mut handle).expect("the system's random source");
    b64(&handle)
}

/// What `navigator.credentials.create()` is asked, for the signed-in session `token_hash`.
pub fn creation_options(
    ctx: &Context,
    challenges: &Challenges,
    token_hash: &str,
    session: &Session,
    client: &Client,
) -> Result<Value, PasskeyFailure> {
    let rp = relying_party(ctx)
        .filter(|_| offered_to(ctx, &session.address))
        .ok_or(PasskeyFailure::Unavailable)?;
    let account = ctx.vault.account(&session.address)?.ok_or(PasskeyFailure::Gone)?;
    if account.passkeys.len() >= MOST_PASSKEYS {
        return Err(PasskeyFailure::Full);
    }
    let challenge = challenges.give(token_hash, Purpose::Enrol, client.ip)?;
    let handle = if account.passkey_user.is_empty() {
        new_user_handle()
    } else {
        account.passkey_user.clone()
    };
    let display = if account.preferences.display_name.is_empty() {
        account.address.clone()
    } else {
        account.preferences.display_name.clone()
    };
    let timeout = ctx.config.portal.passkey_timeout_secs * 1000;
    Ok(creation_json(
        &rp,
        (organisation(ctx), timeout),
        challenge,
        (&handle, &account.address, &display),
        &account.passkeys,
    ))
}

/// The organisation's name, which the browser shows for the site.
pub fn organisation(ctx: &Context) -> &str {
    let name = ctx.config.notify.organisation.as_str();
    if name.is_empty() { "Cloister" } else { name }
}

/// The creation options: a discoverable credential, user verification
/// required, no attestation, none of the user's own passkeys again.
pub fn creation_json(
    rp: &RelyingParty,
    (rp_name, timeout): (&str, u64),
    challenge: [u8; 32],
    (handle, name, display): (&str, &str, &str),
    existing: &[Passkey],
) -> Value {
    let exclude: Vec<Value> = existing.iter().map(|p| json!({ "type": "public-key", "id": p.id })).collect();
    let params: Vec<Value> = ALGORITHMS.iter().map(|alg| json!({ "type": "public-key", "alg": alg })).collect();
    json!({
        "challenge": b64(&challenge),
        "rp": { "id": rp.id, "name": rp_name },
        "user": { "id": handle, "name": name, "displayName": display },
        "pubKeyCredParams": params,
        "timeout": timeout,
        "attestation": "none",
        "authenticatorSelection": { "residentKey": "required", "requireResidentKey": true, "userVerification": "required" },
        "excludeCredentials": exclude,
    })
}

/// What the browser sent back from `create()` (base64url fields of the enrolment form).
pub struct Created<'a> {
    pub name: &'a str,
    pub client_data: &'a str,
    pub attestation: &'a str,
    /// The user id the options gave (kept with the passkey).
    pub user_handle: &'a str,
}

/// A passkey's name as kept: trimmed, control characters dropped, at most `MOST_NAME_CHARS`.
pub fn clean_name(name: &str, fallback: &str) -> String {
    let name: String = name.trim().chars().filter(|c| !c.is_control()).take(MOST_NAME_CHARS).collect();
    if name.is_empty() { fallback.to_string() } else { name }
}

/// Checks the browser's new credential against the challenge `from` was given and stores it.
pub async fn enrol(
    ctx: &Context,
    challenges: &Challenges,
    from: EnrolledFrom,
    created: &Created<'_>,
    replaces_password: bool,
) -> Result<(), PasskeyFailure> {
    let (binding, purpose) = match &from {
        EnrolledFrom::Portal(hash) => (hash.as_str(), Purpose::Enrol),
        EnrolledFrom::Admin(hash) => (hash.as_str(), Purpose::AdminEnrol),
    };
    let rp = relying_party(ctx).ok_or(PasskeyFailure::Unavailable)?;
    let challenge = challenges
        .take(binding, purpose)
        .ok_or_else(|| PasskeyFailure::Refused("no enrolment under way here (expired or used)".into()))?;
    let bytes = |s: &str| {
        URL_SAFE_NO_PAD
            .decode(s.trim_end_matches('='))
            .map_err(|_| PasskeyFailure::Refused("malformed answer".into()))
    };
    let made = webauthn::register(&rp, &challenge, &bytes(created.client_data)?, &bytes(created.attestation)?)
        .map_err(|e| PasskeyFailure::Refused(e.to_string()))?;
    let handle = created.user_handle.trim();
    if handle.is_empty() || handle.len() > 88 {
        return Err(PasskeyFailure::Refused("malformed user handle".into()));
    }
    let passkey = Passkey {
        id: b64(&made.id),
        name: clean_name(created.name, "Passkey"),
        key: made.key,
        sign_count: made.sign_count,
        backup_eligible: made.backup_eligible,
        backed_up: made.backed_up,
        created_at: now(),
        last_used_at: None,
        user_handle: handle.to_string(),
    };
    let op = PasskeyWrite::Add {
        from,
        passkey,
        user_handle: handle.to_string(),
        replaces_password,
    };
    match ctx.vault.write(WriteOp::Passkey(op)).await? {
        WriteResult::Done => Ok(()),
        _ => Err(PasskeyFailure::Refused(
            "session ended, passkey enrolled already, or too many passkeys".into(),
        )),
    }
}

pub async fn rename(ctx: &Context, owner: PasskeyOwner, id: &str, name: &str) -> Result<(), PasskeyFailure> {
    let op = PasskeyWrite::Rename {
        owner,
        id: id.to_string(),
        name: clean_name(name, "Passkey"),
        at: now(),
    };
    match ctx.vault.write(WriteOp::Passkey(op)).await? {
        WriteResult::Done => Ok(()),
        _ => Err(PasskeyFailure::Gone),
    }
}

/// Removes a passkey (`by`: the admin who does); refused for a user's last
/// one while `portal.require_passkey_for_internal` requires it.
pub async fn remove(ctx: &Context, address: &str, id: &str, by: Option<String>) -> Result<(), PasskeyFailure> {
    let account = ctx.vault.account(address)?.ok_or(PasskeyFailure::Gone)?;
    if by.is_none() && account.passkeys.len() == 1 && required_for(ctx, &account) {
        return Err(PasskeyFailure::Required);
    }
    let op = PasskeyWrite::Remove {
        owner: PasskeyOwner::Portal(address.to_string()),
        id: id.to_string(),
        by,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Passkey(op)).await? {
        WriteResult::Done => Ok(()),
        _ => Err(PasskeyFailure::Gone),
    }
}

/// `portal.require_passkey_for_internal` applies to `account`.
pub fn required_for(ctx: &Context, account: &Account) -> bool {
    ctx.config.portal.require_passkey_for_internal && account.internal && offered_to(ctx, &account.address)
}

/// `account` has a passkey and `portal.require_passkey_for_internal` makes it their only way in.
pub fn only_passkeys(ctx: &Context, account: &Account) -> bool {
    !account.passkeys.is_empty() && required_for(ctx, account)
}

/// The right password or code of a user who must sign in with their
/// passkey: recorded, not counted as a failure; the error that says so.
pub async fn refuse_without_passkey(ctx: &Context, throttle: &SignInThrottle, address: &str, client: &Client) -> AccountError {
    throttle.released(address, client.ip);
    ctx.metrics.sign_in(false, false);
    tracing::info!(address = %address, client = %client.ip, "sign-in refused: a passkey is required");
    let op = AuthWrite::SignInFailed {
        address: address.to_string(),
        ip: client.ip.to_string(),
        why: "a passkey is required (portal.require_passkey_for_internal)".into(),
        locked: false,
        at: now(),
    };
    if let Err(e) = ctx.vault.write(WriteOp::Auth(op)).await {
        return e.into();
    }
    AccountError::PasskeyRequired
}

/// What `navigator.credentials.get()` is asked: any passkey of this site
/// (the user picks one; no address is looked up, so none is revealed).
pub fn request_options(
    ctx: &Context,
    challenges: &Challenges,
    binding: &str,
    purpose: Purpose,
    client: &Client,
) -> Result<Value, PasskeyFailure> {
    let rp = relying_party(ctx).ok_or(PasskeyFailure::Unavailable)?;
    let challenge = challenges.give(binding, purpose, client.ip)?;
    Ok(json!({
        "challenge": b64(&challenge),
        "rpId": rp.id,
        "timeout": ctx.config.portal.passkey_timeout_secs * 1000,
        "userVerification": "required",
        "allowCredentials": [],
    }))
}

/// What the browser sent back from `get()` (base64url fields of the sign-in form).
pub struct Asserted<'a> {
    pub credential: &'a str,
    pub client_data: &'a str,
    pub authenticator_data: &'a str,
    pub signature: &'a str,
    pub user_handle: &'a str,
}

/// A passkey of the console or the portal, found and its answer checked.
pub struct Checked {
    pub owner: PasskeyOwner,
    pub passkey: Passkey,
    pub sign_count: u32,
    pub backed_up: bool,
}

/// Checks a sign-in's answer against the browser's challenge and the passkey it names.
pub fn check_answer(
    ctx: &Context,
    challenges: &Challenges,
    (binding, purpose): (&str, Purpose),
    answer: &Asserted<'_>,
) -> Result<Checked, (Option<PasskeyOwner>, String)> {
    let refused = |owner: Option<&PasskeyOwner>, why: &str| (owner.cloned(), why.to_string());
    let rp = relying_party(ctx).ok_or_else(|| refused(None, "passkeys are off"))?;
    let challenge = challenges
        .take(binding, purpose)
        .ok_or_else(|| refused(None, "no passkey sign-in under way here (expired or used)"))?;
    let id = answer.credential.trim_end_matches('=');
    let owner = ctx
        .vault
        .passkey_owner(id)
        .ok()
        .flatten()
        .ok_or_else(|| refused(None, "an unknown passkey"))?;
    let stored = match &owner {
        PasskeyOwner::Portal(address) => ctx.vault.account(address).ok().flatten().map(|a| a.passkeys),
        PasskeyOwner::Admin(name) => ctx.vault.admin(name).ok().flatten().map(|a| a.passkeys),
    };
    let passkey = stored
        .and_then(|list| list.into_iter().find(|p| p.id == id))
        .ok_or_else(|| refused(Some(&owner), "an unknown passkey"))?;
    let handle = answer.user_handle.trim_end_matches('=');
    if !handle.is_empty() && handle != passkey.user_handle {
        return Err(refused(Some(&owner), "the passkey names another user"));
    }
    let bytes = |s: &str| URL_SAFE_NO_PAD.decode(s.trim_end_matches('=')).unwrap_or_default();
    let (client_data, auth_data, signature) = (bytes(answer.client_data), bytes(answer.authenticator_data), bytes(answer.signature));
    let known = Known {
        key: &passkey.key,
        sign_count: passkey.sign_count,
        backup_eligible: passkey.backup_eligible,
    };
    let answer = Answer {
        client_data_json: &client_data,
        authenticator_data: &auth_data,
        signature: &signature,
    };
    match webauthn::assert(&rp, &challenge, &answer, &known) {
        Ok(good) => Ok(Checked {
            owner,
            passkey,
            sign_count: good.sign_count,
            backed_up: good.backed_up,
        }),
        Err(e) => Err(refused(Some(&owner), &format!("passkey: {e}"))),
    }
}

/// A portal sign-in with a passkey (the browser is `binding`, the hash of
/// its sign-in form cookie). Failures are throttled per client address and recorded.
pub async fn sign_in(
    ctx: &Context,
    challenges: &Challenges,
    throttle: &SignInThrottle,
    binding: &str,
    answer: &Asserted<'_>,
    client: &Client,
) -> Result<SignedIn, AccountError> {
    let key = format!("passkey sign-in from {}", client.ip);
    if let Err(why) = wait_turn(throttle, &key, client.ip).await {
        return Err(refused(ctx, throttle, (&key, None), client, why.to_string()).await);
    }
    let checked = match check_answer(ctx, challenges, (binding, Purpose::SignIn), answer) {
        Ok(checked) => checked,
        Err((owner, why)) => return Err(refused(ctx, throttle, (&key, owner), client, why).await),
    };
    let PasskeyOwner::Portal(address) = &checked.owner else {
        return Err(refused(
            ctx,
            throttle,
            (&key, Some(checked.owner.clone())),
            client,
            "a console passkey on the portal".into(),
        )
        .await);
    };
    let account = ctx
        .vault
        .account(address)?
        .ok_or(AccountError::SignInRefused { why: "no account" })?;
    let why = if ctx.config.oidc.covers(address) {
        Some("signs in at the organisation's provider")
    } else if !account.allow_logon {
        Some("logon not allowed for this account")
    } else if !super::ldap_sign_in::still_there(ctx, address).await {
        Some("no longer in the directory")
    } else {
        None
    };
    if let Some(why) = why {
        let denied = refused(ctx, throttle, (&key, Some(checked.owner.clone())), client, why.into()).await;
        return Err(if account.allow_logon { denied } else { AccountError::LogonDenied });
    }
    let NewSession {
        token_hash,
        mut session,
        mut signed,
    } = new_session(ctx, &account, client, false);
    // User verification was required: the passkey is both factors.
    session.second_factor_pending = false;
    session.must_enrol_totp = false;
    signed.second_factor = false;
    let op = PasskeyWrite::SignIn {
        id: checked.passkey.id,
        sign_count: checked.sign_count,
        backed_up: checked.backed_up,
        start: Start::Portal { token_hash, session },
    };
    if ctx.vault.write(WriteOp::Passkey(op)).await? != WriteResult::Done {
        let why = "the passkey was removed, or its answer used twice".to_string();
        return Err(refused(ctx, throttle, (&key, Some(checked.owner)), client, why).await);
    }
    throttle.succeeded(&key, client.ip);
    ctx.metrics.sign_in(false, true);
    tracing::info!(address = %address, client = %client.ip, "portal sign-in with a passkey");
    Ok(signed)
}

/// Counts, logs and records a refused passkey sign-in under its owner (or
/// "unknown passkey"); the error every refusal gives.
async fn refused(
    ctx: &Context,
    throttle: &SignInThrottle,
    (key, owner): (&str, Option<PasskeyOwner>),
    client: &Client,
    why: String,
) -> AccountError {
    ctx.metrics.sign_in(false, false);
    let locked = throttle.failed(key, client.ip);
    let actor = owner.map_or_else(|| "unknown passkey".to_string(), |o| o.actor());
    tracing::info!(who = %actor, client = %client.ip, %why, "passkey sign-in refused");
    let op = AuthWrite::SignInFailed {
        address: actor,
        ip: client.ip.to_string(),
        why,
        locked,
        at: now(),
    };
    if let Err(e) = ctx.vault.write(WriteOp::Auth(op)).await {
        return e.into();
    }
    AccountError::SignInRefused { why: "passkey refused" }
}
