//! Passwordless sign-in: a short code mailed to the address, valid for
//! `portal.sign_in_code_minutes`, with a few attempts. The code itself is made
//! by the outbox worker when it writes the mail, so it is never stored in clear.

use super::StoreError;
use super::accounts::{AccountError, Client, NewSession, SignedIn, new_session, normalise, refuse, wait_turn};
use crate::auth::throttle::SignInThrottle;
use crate::auth::tokens;
use crate::model::SignInCode;
use crate::service::{Context, now};
use crate::vault::{FactorWrite, WriteOp, WriteResult};

/// One mail per account per minute, however often the button is pressed.
const MIN_INTERVAL_SECS: i64 = 60;

/// Queues a code mail when the address has an account that may sign in; says nothing either way.
pub async fn request_code(ctx: &Context, address: &str, client: &Client) -> Result<(), AccountError> {
    let address = normalise(address);
    // Users of `oidc.domains` sign in at the organisation's provider only
    // (its groups and its leavers decide; a code would step round them).
    if !ctx.config.portal.sign_in_codes || ctx.config.oidc.covers(&address) {
        return Ok(());
    }
    let op = FactorWrite::RequestCode {
        address,
        ip: client.ip.to_string(),
        at: now(),
        min_interval: MIN_INTERVAL_SECS,
    };
    if ctx.vault.write(WriteOp::Factor(op)).await? == WriteResult::Done {
        let _ = ctx.outbox_wake.try_send(());
    }
    Ok(())
}

/// Makes the code for a queued mail and stores its hash (replacing older
/// codes); None when the account is gone.
pub async fn issue_code(ctx: &Context, address: &str) -> Result<Option<String>, StoreError> {
    let portal = &ctx.config.portal;
    let code = tokens::numeric_code(portal.sign_in_code_digits);
    let (salt, _) = tokens::new_token();
    let at = now();
    let stored = SignInCode {
        code_hash: tokens::salted_hash(&salt, &code),
        salt,
        created_at: at,
        expires_at: at + i64::from(portal.sign_in_code_minutes) * 60,
        attempts_left: portal.sign_in_code_attempts,
    };
    let op = FactorWrite::IssueCode {
        address: address.to_string(),
        code: stored,
    };
    Ok((ctx.vault.write(WriteOp::Factor(op)).await? == WriteResult::Done).then_some(code))
}

/// Signs in with an emailed code. Every failure is the same generic refusal,
/// throttled like a wrong password.
pub async fn sign_in_with_code(
    ctx: &Context,
    throttle: &SignInThrottle,
    address: &str,
    entered: &str,
    client: &Client,
) -> Result<SignedIn, AccountError> {
    let address = normalise(address);
    let checked = match wait_turn(throttle, &address, client.ip).await {
        Err(why) => Err(why),
        Ok(()) if ctx.config.oidc.covers(&address) => Err("signs in at the organisation's provider"),
        Ok(()) => check_code(ctx, &address, entered).await?,
    };
    let (account, code_hash) = match checked {
        Ok(found) => found,
        Err(why) => return Err(refuse(ctx, throttle, address, client, why).await),
    };
    // A directory user it no longer finds (left, disabled, out of the
    // portal's groups) gets no way in by code either; a directory that
    // cannot be asked leaves the code working.
    if !super::ldap_sign_in::still_there(ctx, &address).await {
        return Err(refuse(ctx, throttle, address, client, "not in the directory").await);
    }
    if super::passkeys::only_passkeys(ctx, &account) {
        return Err(super::passkeys::refuse_without_passkey(ctx, throttle, &address, client).await);
    }
    let NewSession {
        token_hash,
        session,
        signed,
    } = new_session(ctx, &account, client, false);
    let op = FactorWrite::CodeSignIn {
        address: address.clone(),
        code_hash,
        token_hash,
        session,
    };
    if ctx.vault.write(WriteOp::Factor(op)).await? != WriteResult::Done {
        return Err(refuse(ctx, throttle, address, client, "sign-in code used or replaced meanwhile").await);
    }
    throttle.succeeded(&address, client.ip);
    ctx.metrics.sign_in(false, true);
    tracing::info!(address = %address, client = %client.ip, "portal sign-in with an emailed code");
    Ok(signed)
}

/// The account and the matching code hash, or why the code does not open it.
/// A wrong guess at an existing code uses up one of its attempts.
async fn check_code(
    ctx: &Context,
    address: &str,
    entered: &str,
) -> Result<Result<(crate::model::Account, String), &'static str>, AccountError> {
    if !ctx.config.portal.sign_in_codes {
        return Ok(Err("sign-in codes are switched off"));
    }
    let entered: String = entered.chars().filter(char::is_ascii_digit).collect();
    let Some(code) = ctx.vault.sign_in_code(address)? else {
        return Ok(Err("no sign-in code waiting"));
    };
    let computed = tokens::salted_hash(&code.salt, &entered);
    if code.expires_at < now() || !tokens::same(&computed, &code.code_hash) {
        let op = FactorWrite::CodeFailed {
            address: address.to_string(),
        };
        ctx.vault.write(WriteOp::Factor(op)).await?;
        return Ok(Err("wrong or expired sign-in code"));
    }
    match ctx.vault.account(address)? {
        Some(account) if account.allow_logon => Ok(Ok((account, computed))),
        Some(_) => Ok(Err("logon not allowed for this account")),
        None => Ok(Err("no account")),
    }
}
