//! Writes for users who sign in with the organisation's directory: the
//! account made on first sign-in and the directory's word on them kept; a
//! user the directory no longer finds loses their sessions.

use super::VaultError;
use super::auth_ops::AuthWrite;
use super::auth_ops::{account, end_sessions, put_account, sign_in as signed_in};
use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event, ensure_account};
use crate::model::{DirectoryLink, Session, What};

/// `DirectorySignIn` and `DirectoryChecked` (other writes are not ours: Gone).
pub(super) fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &AuthWrite) -> Result<WriteResult, VaultError> {
    match w {
        AuthWrite::DirectorySignIn {
            token_hash,
            session,
            link,
            method,
        } => sign_in(t, counters, (token_hash, session, method), link),
        AuthWrite::DirectoryChecked {
            address,
            read_at,
            link,
            at,
        } => checked(t, counters, address, (*read_at, link.as_ref()), *at),
        _ => Ok(WriteResult::Gone),
    }
}

fn sign_in(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    (token_hash, session, method): (&str, &Session, &'static str),
    link: &DirectoryLink,
) -> Result<WriteResult, VaultError> {
    ensure_account(t, &session.address, session.created_at, true)?;
    let Some(mut acc) = account(t, &session.address)? else {
        return Ok(WriteResult::Gone);
    };
    acc.directory = Some(link.clone());
    put_account(t, &acc)?;
    signed_in(t, counters, token_hash, session, method)
}

fn checked(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    address: &str,
    (read_at, link): (Option<i64>, Option<&DirectoryLink>),
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some(mut acc) = account(t, address)? else {
        return Ok(WriteResult::Gone);
    };
    if acc.directory.as_ref().map(|k| k.checked_at) != read_at {
        return Ok(WriteResult::Stale);
    }
    if let Some(link) = link {
        acc.directory = Some(link.clone());
        put_account(t, &acc)?;
        return Ok(WriteResult::Done);
    }
    acc.directory = None;
    put_account(t, &acc)?;
    let ended = end_sessions(t, address, None)?;
    let what = What::DirectoryLeft {
        address: address.to_string(),
        sessions_ended: ended,
    };
    add_event(t, counters, 0, at, "directory", what)?;
    Ok(WriteResult::Done)
}
