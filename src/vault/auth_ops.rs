//! Writes for sign-in, sessions, password changes and reset links.

use redb::ReadableTable;

use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode, encode};
use crate::model::{Account, OutboxKind, OutboxRow, OutboxState, Payload, ResetToken, Session, SignInRecord, What};

#[derive(Debug)]
pub enum AuthWrite {
    /// A successful sign-in: the new session (under its token hash) and the account's last sign-in.
    SignIn {
        token_hash: String,
        session: Session,
        /// How the user proved who they are, for the event ("password", "emailed code").
        method: &'static str,
    },
    /// A sign-in with the directory's password: the account made if it is
    /// new (internal), the directory's word on the user kept, then as `SignIn`.
    DirectorySignIn {
        token_hash: String,
        session: Session,
        link: crate::model::DirectoryLink,
        /// How: "the directory password" or "the organisation's provider".
        method: &'static str,
    },
    /// The directory checked again (`Some`), or no longer knows the user
    /// (`None`: their sessions end), as of the stored word read at `read_at`
    /// (`Stale` when another check or sign-in stored a newer one). Gone
    /// when the account does not exist.
    DirectoryChecked {
        address: String,
        read_at: Option<i64>,
        link: Option<crate::model::DirectoryLink>,
        at: i64,
    },
    /// A refused sign-in, recorded as an event (the address may not exist).
    SignInFailed {
        address: String,
        ip: String,
        why: String,
        /// This failure locked the address out.
        locked: bool,
        at: i64,
    },
    /// The session was used: moves its idle clock.
    Touch {
        token_hash: String,
        at: i64,
    },
    SignOut {
        token_hash: String,
        at: i64,
    },
    /// Ends every session of `address` except `keep` (a token hash).
    EndSessions {
        address: String,
        keep: Option<String>,
        at: i64,
    },
    /// A signed-in user chose a new password; their other sessions end and
    /// this one moves to a new token.
    ChangePassword {
        token_hash: String,
        new_token_hash: String,
        password_hash: String,
        at: i64,
    },
    /// Queues a reset-link mail when `address` has an account (Gone otherwise; the caller says the same either way).
    RequestReset {
        address: String,
        ip: String,
        at: i64,
        /// Seconds that must pass since the last reset mail of this account.
        min_interval: i64,
    },
    /// The outbox worker made a link: its hash replaces (voids) every older one.
    IssueReset {
        address: String,
        token_hash: String,
        expires_at: i64,
        at: i64,
    },
    /// An operator creates an account without a password. Gone when it exists.
    AddAccount {
        address: String,
        internal: bool,
        /// Queue a first-contact mail with a one-time password (made when it goes).
        mail_password: bool,
        /// Queue a welcome mail (internal accounts).
        welcome: bool,
        at: i64,
        actor: String,
    },
    /// The user saved their preferences. Gone when the account does not exist.
    SetPreferences {
        address: String,
        preferences: crate::model::Preferences,
        at: i64,
    },
    /// A reset link was used: sets the password and ends every session. Gone when the link no longer works.
    UseReset {
        token_hash: String,
        password_hash: String,
        at: i64,
    },
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &AuthWrite) -> Result<WriteResult, VaultError> {
    match w {
        AuthWrite::SignIn {
            token_hash,
            session,
            method,
        } => sign_in(t, counters, token_hash, session, method),
        AuthWrite::DirectorySignIn { .. } | AuthWrite::DirectoryChecked { .. } => super::directory_ops::apply(t, counters, w),
        AuthWrite::SignInFailed {
            address,
            ip,
            why,
            locked,
            at,
        } => {
            let (ip, why, locked) = (ip.clone(), why.clone(), *locked);
            add_event(t, counters, 0, *at, address, What::SignInRefused { ip, why, locked }).map(|()| WriteResult::Done)
        }
        AuthWrite::Touch { token_hash, at } => touch(t, token_hash, *at),
        AuthWrite::SignOut { token_hash, at } => {
            let Some(session) = remove_session(t, token_hash)? else {
                return Ok(WriteResult::Gone);
            };
            add_event(t, counters, 0, *at, &session.address, What::SignedOut)?;
            Ok(WriteResult::Done)
        }
        AuthWrite::EndSessions { address, keep, at } => {
            let ended = end_sessions(t, address, keep.as_deref())?;
            add_event(t, counters, 0, *at, address, What::EndedOtherSessions { count: ended })?;
            Ok(WriteResult::Done)
        }
        AuthWrite::ChangePassword {
            token_hash,
            new_token_hash,
            password_hash,
            at,
        } => change_password(t, counters, (token_hash, new_token_hash), password_hash, *at),
        AuthWrite::RequestReset {
            address,
            ip,
            at,
            min_interval,
        } => request_reset(t, counters, address, ip, (*at, *min_interval)),
        AuthWrite::IssueReset {
            address,
            token_hash,
            expires_at,
            at,
        } => issue_reset(t, address, token_hash, *expires_at, *at),
        AuthWrite::UseReset {
            token_hash,
            password_hash,
            at,
        } => use_reset(t, counters, token_hash, password_hash, *at),
        AuthWrite::SetPreferences { address, preferences, at } => set_preferences(t, counters, address, preferences, *at),
        AuthWrite::AddAccount {
            address,
            internal,
            mail_password,
            welcome,
            at,
            actor,
        } => {
            if !super::tables::ensure_account(t, address, *at, *internal)? {
                return Ok(WriteResult::Gone);
            }
            if *mail_password {
                queue_mail_about(t, counters, OutboxKind::FirstContact, address, (0, Payload::None), *at)?;
            } else if *welcome && *internal {
                queue_mail_about(t, counters, OutboxKind::Welcome, address, (0, Payload::None), *at)?;
            }
            let what = What::AccountAdded {
                address: address.clone(),
                internal: *internal,
                mailed: *mail_password,
            };
            add_event(t, counters, 0, *at, actor, what)?;
            Ok(WriteResult::Done)
        }
    }
}

fn set_preferences(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    address: &str,
    p: &crate::model::Preferences,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some(mut account) = account(t, address)? else {
        return Ok(WriteResult::Gone);
    };
    account.preferences = p.clone();
    put_account(t, &account)?;
    add_event(t, counters, 0, at, address, What::preferences_saved(p))?;
    Ok(WriteResult::Done)
}

pub(super) fn account(t: &Tables<'_>, address: &str) -> Result<Option<Account>, VaultError> {
    t.accounts.get(address)?.map(|v| decode("accounts", v.value())).transpose()
}

pub(super) fn put_account(t: &mut Tables<'_>, account: &Account) -> Result<(), VaultError> {
    t.accounts.insert(account.address.as_str(), encode(account).as_slice())?;
    t.touched.push(account.address.clone());
    Ok(())
}

/// A new password: no forced change any more, and no reset link left working.
fn set_password(t: &mut Tables<'_>, acc: &mut Account, password_hash: &str, at: i64) -> Result<(), VaultError> {
    acc.password_hash = Some(password_hash.to_string());
    acc.must_change_password = false;
    acc.password_changed_at = at;
    if let Some(old) = acc.reset_token.take() {
        t.reset_tokens.remove(old.as_str())?;
    }
    put_account(t, acc)
}

/// The session under `token_hash` and its account, when both exist.
pub(super) fn session_and_account(t: &Tables<'_>, token_hash: &str) -> Result<Option<(Session, Account)>, VaultError> {
    let Some(s) = session(t, token_hash)? else {
        return Ok(None);
    };
    Ok(account(t, &s.address)?.map(|acc| (s, acc)))
}

pub(super) fn session(t: &Tables<'_>, token_hash: &str) -> Result<Option<Session>, VaultError> {
    t.sessions.get(token_hash)?.map(|v| decode("sessions", v.value())).transpose()
}

fn remove_session(t: &mut Tables<'_>, token_hash: &str) -> Result<Option<Session>, VaultError> {
    t.sessions.remove(token_hash)?.map(|v| decode("sessions", v.value())).transpose()
}

pub(super) fn sign_in(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    token_hash: &str,
    session: &Session,
    method: &str,
) -> Result<WriteResult, VaultError> {
    let Some(mut acc) = account(t, &session.address)? else {
        return Ok(WriteResult::Gone);
    };
    acc.previous_sign_in = acc.last_sign_in.take();
    acc.last_sign_in = Some(SignInRecord {
        at: session.created_at,
        ip: session.ip.clone(),
        agent: session.agent.clone(),
    });
    put_account(t, &acc)?;
    t.sessions.insert(token_hash, encode(session).as_slice())?;
    let what = What::SignedIn {
        method: method.to_string(),
        ip: session.ip.clone(),
        agent: session.agent.clone(),
        second_step_pending: session.second_factor_pending,
    };
    add_event(t, counters, 0, session.created_at, &session.address, what)?;
    Ok(WriteResult::Done)
}

/// Stores `s` under a new token hash; the old token stops working.
pub(super) fn move_session(t: &mut Tables<'_>, old: &str, new: &str, s: &Session) -> Result<(), VaultError> {
    t.sessions.remove(old)?;
    t.sessions.insert(new, encode(s).as_slice())?;
    Ok(())
}

fn touch(t: &mut Tables<'_>, token_hash: &str, at: i64) -> Result<WriteResult, VaultError> {
    let Some(mut s) = session(t, token_hash)? else {
        return Ok(WriteResult::Gone);
    };
    s.last_seen = s.last_seen.max(at);
    t.sessions.insert(token_hash, encode(&s).as_slice())?;
    Ok(WriteResult::Done)
}

/// Removes the sessions of `address` other than `keep`; returns how many.
pub(super) fn end_sessions(t: &mut Tables<'_>, address: &str, keep: Option<&str>) -> Result<usize, VaultError> {
    update_sessions(t, address, |hash, s| (Some(hash) == keep).then_some(s))
}

/// Passes each session of `address` (with its token hash) to `keep`: Some
/// stores what it returns, None ends the session. Returns how many ended.
pub(super) fn update_sessions(
    t: &mut Tables<'_>,
    address: &str,
    keep: impl Fn(&str, Session) -> Option<Session>,
) -> Result<usize, VaultError> {
    let mut found = Vec::new();
    for row in t.sessions.iter()? {
        let (k, v) = row?;
        let s: Session = decode("sessions", v.value())?;
        if s.address == address {
            found.push((k.value().to_string(), s));
        }
    }
    let mut ended = 0;
    for (hash, s) in found {
        if let Some(s) = keep(&hash, s) {
            t.sessions.insert(hash.as_str(), encode(&s).as_slice())?;
        } else {
            t.sessions.remove(hash.as_str())?;
            ended += 1;
        }
    }
    Ok(ended)
}

fn change_password(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    (token_hash, new_token_hash): (&str, &str),
    password_hash: &str,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some((mut s, mut acc)) = session_and_account(t, token_hash)? else {
        return Ok(WriteResult::Gone);
    };
    set_password(t, &mut acc, password_hash, at)?;
    let ended = end_sessions(t, &s.address, Some(token_hash))?;
    s.must_change_password = false;
    s.last_seen = at;
    move_session(t, token_hash, new_token_hash, &s)?;
    add_event(
        t,
        counters,
        0,
        at,
        &s.address,
        What::PasswordChanged {
            other_sessions_ended: ended,
        },
    )?;
    Ok(WriteResult::Done)
}

fn request_reset(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    address: &str,
    ip: &str,
    (at, min_interval): (i64, i64),
) -> Result<WriteResult, VaultError> {
    let Some(mut acc) = account(t, address)? else {
        return Ok(WriteResult::Gone);
    };
    if at - acc.reset_requested_at < min_interval {
        let what = What::ResetAsked {
            ip: ip.to_string(),
            too_soon: true,
        };
        add_event(t, counters, 0, at, address, what)?;
        return Ok(WriteResult::Gone);
    }
    acc.reset_requested_at = at;
    put_account(t, &acc)?;
    queue_account_mail(t, counters, OutboxKind::PasswordReset, address, at)?;
    add_event(
        t,
        counters,
        0,
        at,
        address,
        What::ResetAsked {
            ip: ip.to_string(),
            too_soon: false,
        },
    )?;
    Ok(WriteResult::Done)
}

/// Queues a mail about an account (its secret is made when the mail is written).
pub(super) fn queue_account_mail(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    kind: OutboxKind,
    address: &str,
    at: i64,
) -> Result<(), VaultError> {
    queue_mail_about(t, counters, kind, address, (0, Payload::None), at)
}

/// Queues a mail Cloister writes to `address` about message `about.0` (0: none), with a kind-specific note.
pub(super) fn queue_mail_about(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    kind: OutboxKind,
    address: &str,
    (message_id, payload): (u64, Payload),
    at: i64,
) -> Result<(), VaultError> {
    counters.outbox_seq += 1;
    let row = OutboxRow {
        id: counters.outbox_seq,
        kind,
        message_id,
        sender: String::new(),
        recipients: vec![address.to_string()],
        created_at: at,
        attempts: 0,
        next_attempt_at: at,
        last_error: None,
        state: OutboxState::Pending,
        data_id: 0,
        payload,
    };
    t.put_row(&row)?;
    Ok(())
}

fn issue_reset(t: &mut Tables<'_>, address: &str, token_hash: &str, expires_at: i64, at: i64) -> Result<WriteResult, VaultError> {
    let Some(mut acc) = account(t, address)? else {
        return Ok(WriteResult::Gone);
    };
    if let Some(old) = acc.reset_token.take() {
        t.reset_tokens.remove(old.as_str())?;
    }
    acc.reset_token = Some(token_hash.to_string());
    put_account(t, &acc)?;
    let token = ResetToken {
        address: address.to_string(),
        created_at: at,
        expires_at,
    };
    t.reset_tokens.insert(token_hash, encode(&token).as_slice())?;
    Ok(WriteResult::Done)
}

fn use_reset(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    token_hash: &str,
    password_hash: &str,
    at: i64,
) -> Result<WriteResult, VaultError> {
    let Some(token) = t
        .reset_tokens
        .remove(token_hash)?
        .map(|v| decode::<ResetToken>("reset_tokens", v.value()))
        .transpose()?
    else {
        return Ok(WriteResult::Gone);
    };
    let Some(mut acc) = account(t, &token.address)? else {
        return Ok(WriteResult::Gone);
    };
    if token.expires_at < at || acc.reset_token.as_deref() != Some(token_hash) {
        return Ok(WriteResult::Gone);
    }
    set_password(t, &mut acc, password_hash, at)?;
    let ended = end_sessions(t, &acc.address, None)?;
    add_event(
        t,
        counters,
        0,
        at,
        &acc.address,
        What::PasswordResetWithLink { sessions_ended: ended },
    )?;
    Ok(WriteResult::Done)
}
