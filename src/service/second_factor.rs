//! The optional TOTP second factor: enrolment (QR code, confirmation with a
//! first code, recovery codes), the second sign-in step, removal and new
//! recovery codes. `portal.require_totp` makes enrolment compulsory.

use super::accounts::{AccountError, Client, refuse, wait_turn};
use crate::auth::throttle::SignInThrottle;
use crate::auth::{tokens, totp};
use crate::model::Session;
use crate::service::{Context, now};
use crate::vault::{FactorWrite, Proof, WriteOp, WriteResult};

/// What the enrolment page shows for a secret not yet confirmed.
pub struct Enrolment {
    pub secret: String,
    pub qr_svg: String,
}

/// Makes a new secret for this session to enrol (shown until confirmed or replaced).
pub async fn begin_enrolment(ctx: &Context, token_hash: String) -> Result<(), AccountError> {
    let op = FactorWrite::BeginTotp {
        token_hash,
        secret: totp::new_secret(),
    };
    ctx.vault.write(WriteOp::Factor(op)).await?;
    Ok(())
}

/// The pending secret and its QR code, when this session began enrolling.
pub fn enrolment(ctx: &Context, session: &Session) -> Result<Option<Enrolment>, AccountError> {
    let Some(secret) = session.totp_enrolling.clone() else {
        return Ok(None);
    };
    let issuer = if ctx.config.notify.organisation.is_empty() {
        "Cloister"
    } else {
        ctx.config.notify.organisation.as_str()
    };
    let uri = totp::uri(issuer, &session.address, &secret);
    let qr_svg = totp::qr_svg(&uri).map_err(AccountError::Hash)?;
    Ok(Some(Enrolment { secret, qr_svg }))
}

/// Confirms enrolment with a code from the app; returns the recovery codes to show once.
pub async fn confirm_enrolment(ctx: &Context, token_hash: String, session: &Session, code: &str) -> Result<Vec<String>, AccountError> {
    let secret = session.totp_enrolling.as_deref().ok_or(AccountError::SessionGone)?;
    let step = totp::matching_step(secret, code, now()).ok_or(AccountError::WrongCode)?;
    let (codes, hashes) = totp::new_recovery_codes();
    let op = FactorWrite::ConfirmTotp {
        token_hash,
        step,
        recovery: hashes,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Factor(op)).await? {
        WriteResult::Done => Ok(codes),
        _ => Err(AccountError::SessionGone),
    }
}

/// The second sign-in step: an authenticator code or a recovery code. The
/// session continues under a new token (returned for the cookie). Failures
/// are throttled and recorded like wrong passwords.
pub async fn pass(
    ctx: &Context,
    throttle: &SignInThrottle,
    token_hash: String,
    session: &Session,
    entered: &str,
    client: &Client,
) -> Result<String, AccountError> {
    let address = session.address.clone();
    let why = match wait_turn(throttle, &address, client.ip).await {
        Err(why) => why,
        Ok(()) => match proof(ctx, &address, entered)? {
            Some(proof) => {
                let (token, new_token_hash) = tokens::new_token();
                let op = FactorWrite::SecondFactor {
                    token_hash,
                    new_token_hash,
                    proof,
                    at: now(),
                };
                if ctx.vault.write(WriteOp::Factor(op)).await? == WriteResult::Done {
                    throttle.succeeded(&address, client.ip);
                    return Ok(token);
                }
                "second-factor code already used"
            }
            None => "wrong second-factor code",
        },
    };
    Err(refuse(ctx, throttle, address, client, why).await)
}

/// What `entered` would prove: a TOTP step (six digits) or a recovery code.
fn proof(ctx: &Context, address: &str, entered: &str) -> Result<Option<Proof>, AccountError> {
    let Some(enrolled) = ctx.vault.account(address)?.and_then(|a| a.totp) else {
        return Ok(None);
    };
    let digits = entered.chars().filter(|c| !c.is_whitespace()).count();
    Ok(if digits == 6 {
        totp::matching_step(&enrolled.secret, entered, now()).map(Proof::Step)
    } else {
        Some(Proof::Recovery(totp::recovery_hash(entered)))
    })
}

/// The step of a current code for the signed-in account's own factor.
fn current_step(ctx: &Context, session: &Session, code: &str) -> Result<u64, AccountError> {
    let enrolled = ctx.vault.account(&session.address)?.and_then(|a| a.totp);
    enrolled
        .and_then(|t| totp::matching_step(&t.secret, code, now()))
        .ok_or(AccountError::WrongCode)
}

/// Removes the second factor after a current code; refused while `portal.require_totp` is on.
pub async fn remove(ctx: &Context, token_hash: String, session: &Session, code: &str) -> Result<(), AccountError> {
    if ctx.config.portal.require_totp {
        return Err(AccountError::Required);
    }
    let step = current_step(ctx, session, code)?;
    let op = FactorWrite::DisableTotp {
        token_hash,
        step,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Factor(op)).await? {
        WriteResult::Done => Ok(()),
        _ => Err(AccountError::WrongCode),
    }
}

/// Replaces the recovery codes after a current code; returns the new ones to show once.
pub async fn renew_recovery_codes(ctx: &Context, token_hash: String, session: &Session, code: &str) -> Result<Vec<String>, AccountError> {
    current_step(ctx, session, code)?;
    let (codes, hashes) = totp::new_recovery_codes();
    let op = FactorWrite::NewRecoveryCodes {
        token_hash,
        recovery: hashes,
        at: now(),
    };
    match ctx.vault.write(WriteOp::Factor(op)).await? {
        WriteResult::Done => Ok(codes),
        _ => Err(AccountError::SessionGone),
    }
}
