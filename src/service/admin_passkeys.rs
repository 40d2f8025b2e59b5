//! Passkeys of admins: enrolment from a console session, the console's
//! sign-in with a passkey alone (user verification required: both factors),
//! and `admin.require_passkey`, which makes passkeys the console's only way
//! in once an admin has one (an admin with none may still sign in with the
//! password and code, to enrol one, and do nothing else until then).

use serde_json::Value;

use super::accounts::{Client, wait_turn};
use super::admin::AdminError;
use super::passkey_challenges::{Challenges, Purpose};
use super::passkeys::{Asserted, PasskeyFailure, check_answer, creation_json, new_user_handle, organisation, relying_party};
use super::{Context, now};
use crate::auth::throttle::SignInThrottle;
use crate::auth::tokens;
use crate::model::{AdminSession, MOST_PASSKEYS, PasskeyOwner};
use crate::vault::{AdminWrite, PasskeyWrite, Start, WriteOp, WriteResult};

/// Whether admin `name` may use passkeys on the console: not an admin of the
/// OpenID provider (named by an address of `oidc.domains`), whom only the
/// provider and `oidc.admin_groups` let in, at every sign-in.
pub fn offered_to(ctx: &Context, name: &str) -> bool {
    relying_party(ctx).is_some() && !ctx.config.oidc.covers(name)
}

/// Admin `name`'s passkeys (None: no such admin).
pub fn list(ctx: &Context, name: &str) -> Result<Option<Vec<crate::model::Passkey>>, super::StoreError> {
    Ok(ctx.vault.admin(name)?.map(|a| a.passkeys))
}

/// What `navigator.credentials.create()` is asked for the admin of console session `token_hash`.
pub fn creation_options(
    ctx: &Context,
    challenges: &Challenges,
    token_hash: &str,
    session: &AdminSession,
    client: &Client,
) -> Result<Value, PasskeyFailure> {
    let rp = relying_party(ctx).ok_or(PasskeyFailure::Unavailable)?;
    if !offered_to(ctx, &session.name) {
        return Err(PasskeyFailure::Unavailable);
    }
    let admin = ctx.vault.admin(&session.name)?.ok_or(PasskeyFailure::Gone)?;
    if admin.passkeys.len() >= MOST_PASSKEYS {
        return Err(PasskeyFailure::Full);
    }
    let challenge = challenges.give(token_hash, Purpose::AdminEnrol, client.ip)?;
    let handle = if admin.passkey_user.is_empty() {
        new_user_handle()
    } else {
        admin.passkey_user.clone()
    };
    // The name the browser's passkey list shows: apart from a portal address.
    let name = format!("{} (admin)", admin.name);
    let timeout = ctx.config.portal.passkey_timeout_secs * 1000;
    Ok(creation_json(
        &rp,
        (organisation(ctx), timeout),
        challenge,
        (&handle, &name, &name),
        &admin.passkeys,
    ))
}

/// Removes one of admin `name`'s own passkeys; refused for the last one while
/// `admin.require_passkey` is on.
pub async fn remove(ctx: &Context, name: &str, id: &str) -> Result<(), PasskeyFailure> {
    let admin = ctx.vault.admin(name)?.ok_or(PasskeyFailure::Gone)?;
    if ctx.config.admin.require_passkey && admin.passkeys.len() == 1 && admin.passkeys[0].id == id {
        return Err(PasskeyFailure::Required);
    }
    let op = PasskeyWrite::Remove {
        owner: PasskeyOwner::Admin(name.to_string()),
        id: id.to_string(),
        by: None,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Passkey(op)).await? {
        WriteResult::Done => Ok(()),
        _ => Err(PasskeyFailure::Gone),
    }
}

/// A console sign-in with a passkey (the browser is `binding`, the hash of
/// its sign-in form cookie); the new session's cookie token. Failures are
/// throttled per client address and recorded as refused admin sign-ins.
pub async fn sign_in(
    ctx: &Context,
    challenges: &Challenges,
    throttle: &SignInThrottle,
    binding: &str,
    answer: &Asserted<'_>,
    client: &Client,
) -> Result<String, AdminError> {
    let key = format!("passkey sign-in from {}", client.ip);
    if let Err(why) = wait_turn(throttle, &key, client.ip).await {
        return Err(refused(ctx, throttle, (&key, "unknown passkey"), client, why.to_string()).await);
    }
    let checked = match check_answer(ctx, challenges, (binding, Purpose::AdminSignIn), answer) {
        Ok(checked) => checked,
        Err((owner, why)) => {
            let who = owner.map_or_else(|| "unknown passkey".to_string(), |o| owner_name(&o).to_string());
            return Err(refused(ctx, throttle, (&key, &who), client, why).await);
        }
    };
    let PasskeyOwner::Admin(name) = &checked.owner else {
        let why = "a portal passkey on the console".to_string();
        return Err(refused(ctx, throttle, (&key, owner_name(&checked.owner)), client, why).await);
    };
    if !offered_to(ctx, name) {
        let why = "an admin of the OpenID provider signs in there".to_string();
        return Err(refused(ctx, throttle, (&key, name), client, why).await);
    }
    let (token, token_hash) = tokens::new_token();
    let at = now();
    let session = AdminSession {
        name: name.clone(),
        created_at: at,
        last_seen: at,
        ip: client.ip.to_string(),
        agent: client.agent.chars().take(200).collect(),
        csrf: tokens::new_token().0,
        must_enrol_passkey: false,
    };
    let op = PasskeyWrite::SignIn {
        id: checked.passkey.id,
        sign_count: checked.sign_count,
        backed_up: checked.backed_up,
        start: Start::Admin { token_hash, session },
    };
    if ctx.vault.write(WriteOp::Passkey(op)).await? != WriteResult::Done {
        let why = "the passkey was removed, or its answer used twice".to_string();
        return Err(refused(ctx, throttle, (&key, name), client, why).await);
    }
    throttle.succeeded(&key, client.ip);
    ctx.metrics.sign_in(true, true);
    tracing::info!(admin = %name, client = %client.ip, "admin sign-in with a passkey");
    Ok(token)
}

/// An admin's name, or a portal account's address.
fn owner_name(owner: &PasskeyOwner) -> &str {
    match owner {
        PasskeyOwner::Portal(address) => address,
        PasskeyOwner::Admin(name) => name,
    }
}

/// Counts, logs and records a refused console passkey sign-in under `who`.
async fn refused(ctx: &Context, throttle: &SignInThrottle, (key, who): (&str, &str), client: &Client, why: String) -> AdminError {
    ctx.metrics.sign_in(true, false);
    let locked = throttle.failed(key, client.ip);
    tracing::warn!(admin = %who, client = %client.ip, %why, "admin passkey sign-in refused");
    let op = AdminWrite::SignInFailed {
        name: who.chars().take(64).collect(),
        ip: client.ip.to_string(),
        why,
        locked,
        at: now(),
    };
    if let Err(e) = ctx.vault.write(WriteOp::Admin(op)).await {
        return e.into();
    }
    AdminError::Refused { why: "passkey refused" }
}

/// What `admin.require_passkey` says of a sign-in without a passkey by
/// `name`: Err when they have passkeys (only those let them in now), else
/// whether the session may do nothing but enrol one.
pub fn without_passkey(ctx: &Context, name: &str) -> Result<bool, AdminError> {
    if !ctx.config.admin.require_passkey || !offered_to(ctx, name) {
        return Ok(false);
    }
    let has = ctx.vault.admin(name)?.is_some_and(|a| !a.passkeys.is_empty());
    if has {
        return Err(AdminError::Refused {
            why: "admin.require_passkey: this admin signs in with a passkey",
        });
    }
    Ok(true)
}
