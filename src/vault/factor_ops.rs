//! Writes for emailed sign-in codes and the TOTP second factor. Codes are
//! compared by the caller (the vault never hashes); the writes here re-check
//! that what was compared is still what is stored, so two racing requests
//! cannot both use one code or one TOTP step.

use redb::ReadableTable;

use super::auth_ops::{account, move_session, put_account, queue_account_mail, session, session_and_account, sign_in};
use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode, encode};
use crate::model::{OutboxKind, Session, SignInCode, Totp, What};

/// How a second factor was proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proof {
    /// A TOTP code of this time step.
    Step(u64),
    /// A recovery code with this hash.
    Recovery(String),
}

#[derive(Debug)]
pub enum FactorWrite {
    /// Queues a sign-in code mail, at most one per `min_interval` seconds per
    /// account. Gone when nothing was queued (no account, logon refused, too soon).
    RequestCode {
        address: String,
        ip: String,
        at: i64,
        min_interval: i64,
    },
    /// The outbox worker made a code: it replaces any older one.
    IssueCode { address: String, code: SignInCode },
    /// A wrong code was entered: one attempt fewer; the code goes at zero.
    /// (The refusal's event is written by the sign-in that follows.)
    CodeFailed { address: String },
    /// The right code: it is used up and the session starts. Gone when the code
    /// changed, expired or was used meanwhile.
    CodeSignIn {
        address: String,
        code_hash: String,
        token_hash: String,
        session: Session,
    },
    /// Remembers a TOTP secret shown for enrolment in the session.
    BeginTotp { token_hash: String, secret: String },
    /// The user proved the app has the secret: it becomes the account's second factor.
    ConfirmTotp {
        token_hash: String,
        step: u64,
        recovery: Vec<String>,
        at: i64,
    },
    /// The second sign-in step passed: the session moves to a new token. Gone
    /// for a replayed step or an unknown recovery code.
    SecondFactor {
        token_hash: String,
        new_token_hash: String,
        proof: Proof,
        at: i64,
    },
    /// Removes the second factor (the caller checked a current code).
    DisableTotp { token_hash: String, step: u64, at: i64 },
    /// Replaces every recovery code.
    NewRecoveryCodes {
        token_hash: String,
        recovery: Vec<String>,
        at: i64,
    },
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &FactorWrite) -> Result<WriteResult, VaultError> {
    match w {
        FactorWrite::RequestCode {
            address,
            ip,
            at,
            min_interval,
        } => request_code(t, counters, address, ip, *at, *min_interval),
        FactorWrite::IssueCode { address, code } => {
            if account(t, address)?.is_none() {
                return Ok(WriteResult::Gone);
            }
            t.sign_in_codes.insert(address.as_str(), encode(code).as_slice())?;
            Ok(WriteResult::Done)
        }
        FactorWrite::CodeFailed { address } => code_failed(t, address),
        FactorWrite::CodeSignIn {
            address,
            code_hash,
            token_hash,
            session,
        } => {
            let Some(code) = stored_code(t, address)? else {
                return Ok(WriteResult::Gone);
            };
            if code.code_hash != *code_hash || code.expires_at < session.created_at {
                return Ok(WriteResult::Gone);
            }
            t.sign_in_codes.remove(address.as_str())?;
            sign_in(t, counters, token_hash, session, "an emailed code")
        }
        FactorWrite::BeginTotp { token_hash, secret } => {
            let Some(mut s) = session(t, token_hash)? else {
                return Ok(WriteResult::Gone);
            };
            s.totp_enrolling = Some(secret.clone());
            t.sessions.insert(token_hash.as_str(), encode(&s).as_slice())?;
            Ok(WriteResult::Done)
        }
        FactorWrite::ConfirmTotp {
            token_hash,
            step,
            recovery,
            at,
        } => confirm_totp(t, counters, token_hash, *step, recovery, *at),
        FactorWrite::SecondFactor {
            token_hash,
            new_token_hash,
            proof,
            at,
        } => second_factor(t, counters, (token_hash, new_token_hash), proof, *at),
        FactorWrite::DisableTotp { token_hash, step, at } => disable_totp(t, counters, token_hash, *step, *at),
        FactorWrite::NewRecoveryCodes { token_hash, recovery, at } => {
            let Some((s, mut acc)) = session_and_account(t, token_hash)? else {
                return Ok(WriteResult::Gone);
            };
            let Some(totp) = acc.totp.as_mut() else {
                return Ok(WriteResult::Gone);
            };
            totp.recovery.clone_from(recovery);
            put_account(t, &acc)?;
            add_event(t, counters, 0, *at, &s.address, What::RecoveryCodesMade)?;
            Ok(WriteResult::Done)
        }
    }
}

fn stored_code(t: &Tables<'_>, address: &str) -> Result<Option<SignInCode>, VaultError> {
    t.sign_in_codes
        .get(address)?
        .map(|v| decode("sign_in_codes", v.value()))
        .transpose()
}

fn request_code(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    address: &str,
    ip: &str,
    at: i64,
    min_interval: i64,
) -> Result<WriteResult, VaultError> {
    let Some(mut acc) = account(t, address)? else {
        add_event(
            t,
            counters,
            0,
            at,
            address,
            What::CodeAsked {
                ip: ip.to_string(),
                refused: Some("no such account".into()),
            },
        )?;
        return Ok(WriteResult::Gone);
    };
    let refused = if !acc.allow_logon {
        Some("logon not allowed")
    } else if at - acc.code_requested_at < min_interval {
        Some("asked again too soon")
    } else {
        None
    };
    if let Some(why) = refused {
        add_event(
            t,
            counters,
            0,
            at,
            address,
            What::CodeAsked {
                ip: ip.to_string(),
                refused: Some(why.into()),
            },
        )?;
        return Ok(WriteResult::Gone);
    }
    acc.code_requested_at = at;
    put_account(t, &acc)?;
    queue_account_mail(t, counters, OutboxKind::SignInCode, address, at)?;
    add_event(
        t,
        counters,
        0,
        at,
        address,
        What::CodeAsked {
            ip: ip.to_string(),
            refused: None,
        },
    )?;
    Ok(WriteResult::Done)
}

fn code_failed(t: &mut Tables<'_>, address: &str) -> Result<WriteResult, VaultError> {
    match stored_code(t, address)? {
        Some(mut code) if code.attempts_left > 1 => {
            code.attempts_left -= 1;
            t.sign_in_codes.insert(address, encode(&code).as_slice())?;
        }
        Some(_) => {
            t.sign_in_codes.remove(address)?;
        }
        None => return Ok(WriteResult::Gone),
    }
    Ok(WriteResult::Done)
}

fn confirm_totp(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    token_hash: &str,
    step: u64,
    recovery: &[String],
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some(mut s) = session(t, token_hash)? else {
        return Ok(WriteResult::Gone);
    };
    let (Some(secret), Some(mut acc)) = (s.totp_enrolling.take(), account(t, &s.address)?) else {
        return Ok(WriteResult::Gone);
    };
    acc.totp = Some(Totp {
        secret,
        enrolled_at: at,
        last_step: step,
        recovery: recovery.to_vec(),
    });
    put_account(t, &acc)?;
    s.must_enrol_totp = false;
    t.sessions.insert(token_hash, encode(&s).as_slice())?;
    add_event(t, counters, 0, at, &s.address, What::TotpEnrolled)?;
    Ok(WriteResult::Done)
}

fn second_factor(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    (token_hash, new_token_hash): (&str, &str),
    proof: &Proof,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some((mut s, mut acc)) = session_and_account(t, token_hash)? else {
        return Ok(WriteResult::Gone);
    };
    let Some(totp) = acc.totp.as_mut() else {
        return Ok(WriteResult::Gone);
    };
    let what = match proof {
        Proof::Step(step) if *step > totp.last_step => {
            totp.last_step = *step;
            What::SecondFactorPassed { recovery_left: None }
        }
        Proof::Recovery(hash) if totp.recovery.contains(hash) => {
            totp.recovery.retain(|h| h != hash);
            What::SecondFactorPassed {
                recovery_left: Some(totp.recovery.len()),
            }
        }
        _ => return Ok(WriteResult::Gone),
    };
    put_account(t, &acc)?;
    s.second_factor_pending = false;
    s.last_seen = at;
    move_session(t, token_hash, new_token_hash, &s)?;
    add_event(t, counters, 0, at, &s.address, what)?;
    Ok(WriteResult::Done)
}

fn disable_totp(t: &mut Tables<'_>, counters: &mut Counters, token_hash: &str, step: u64, at: i64) -> Result<WriteResult, VaultError> {
    let Some((s, mut acc)) = session_and_account(t, token_hash)? else {
        return Ok(WriteResult::Gone);
    };
    if acc.totp.as_ref().is_none_or(|totp| step <= totp.last_step) {
        return Ok(WriteResult::Gone);
    }
    acc.totp = None;
    put_account(t, &acc)?;
    add_event(t, counters, 0, at, &s.address, What::TotpRemoved)?;
    Ok(WriteResult::Done)
}
