//! Writes of passkeys: enrolment, renaming, removal and the sign-in that
//! moves a passkey's counter. A passkey lives in its owner's record (portal
//! account or admin); `passkey_ids` says whose a credential id is, so a
//! sign-in that names no user finds its owner.

use redb::ReadableTable as _;

use super::auth_ops::{account, put_account, session, sign_in};
use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode, encode};
use crate::model::{AdminAccount, AdminSession, MOST_PASSKEYS, Passkey, PasskeyOwner, Session, What};

/// The session a passkey is enrolled from, by its token hash.
#[derive(Debug, Clone)]
pub enum EnrolledFrom {
    Portal(String),
    Admin(String),
}

/// The session a passkey sign-in starts.
#[derive(Debug)]
pub enum Start {
    Portal { token_hash: String, session: Session },
    Admin { token_hash: String, session: AdminSession },
}

#[derive(Debug)]
pub enum PasskeyWrite {
    /// A new passkey for the owner of the session it was enrolled from.
    /// Gone when the session ended, the credential is enrolled already or the
    /// owner keeps `MOST_PASSKEYS`. `user_handle`: the owner's WebAuthn user
    /// id, stored when it is their first. `replaces_password`: a first
    /// contact chose a passkey instead of a password (the mailed one stops working).
    Add {
        from: EnrolledFrom,
        passkey: Passkey,
        user_handle: String,
        replaces_password: bool,
    },
    Rename {
        owner: PasskeyOwner,
        id: String,
        name: String,
        at: i64,
    },
    /// Removes a passkey; `by`: the admin who did (None: its owner).
    Remove {
        owner: PasskeyOwner,
        id: String,
        by: Option<String>,
        at: i64,
    },
    /// A passkey signed in: its counter, backup state and last use stored,
    /// and the session started. Gone when it was removed meanwhile, or its
    /// counter moved to or past `sign_count` (the same answer used twice).
    SignIn {
        id: String,
        sign_count: u32,
        backed_up: bool,
        start: Start,
    },
}

pub fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &PasskeyWrite) -> Result<WriteResult, VaultError> {
    match w {
        PasskeyWrite::Add {
            from,
            passkey,
            user_handle,
            replaces_password,
        } => add(t, counters, from, passkey, user_handle, *replaces_password),
        PasskeyWrite::Rename { owner, id, name, at } => {
            let Some(mut keys) = Keys::load(t, owner)? else {
                return Ok(WriteResult::Gone);
            };
            let Some(key) = keys.list.iter_mut().find(|k| k.id == *id) else {
                return Ok(WriteResult::Gone);
            };
            let what = What::PasskeyRenamed {
                from: std::mem::replace(&mut key.name, name.clone()),
                to: name.clone(),
            };
            keys.store(t)?;
            add_event(t, counters, 0, *at, &owner.actor(), what)?;
            Ok(WriteResult::Done)
        }
        PasskeyWrite::Remove { owner, id, by, at } => {
            let Some(mut keys) = Keys::load(t, owner)? else {
                return Ok(WriteResult::Gone);
            };
            let Some(place) = keys.list.iter().position(|k| k.id == *id) else {
                return Ok(WriteResult::Gone);
            };
            let gone = keys.list.remove(place);
            keys.store(t)?;
            t.passkey_ids.remove(id.as_str())?;
            let what = What::PasskeyRemoved {
                name: gone.name,
                by: by.clone(),
            };
            add_event(t, counters, 0, *at, &owner.actor(), what)?;
            Ok(WriteResult::Done)
        }
        PasskeyWrite::SignIn {
            id,
            sign_count,
            backed_up,
            start,
        } => used(t, counters, id, (*sign_count, *backed_up), start),
    }
}

fn add(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    from: &EnrolledFrom,
    passkey: &Passkey,
    user_handle: &str,
    replaces_password: bool,
) -> Result<WriteResult, VaultError> {
    let owner = match from {
        EnrolledFrom::Portal(hash) => session(t, hash)?.map(|s| PasskeyOwner::Portal(s.address)),
        EnrolledFrom::Admin(hash) => admin_session(t, hash)?.map(|s| PasskeyOwner::Admin(s.name)),
    };
    let Some(owner) = owner else {
        return Ok(WriteResult::Gone);
    };
    let Some(mut keys) = Keys::load(t, &owner)? else {
        return Ok(WriteResult::Gone);
    };
    if keys.list.len() >= MOST_PASSKEYS || t.passkey_ids.get(passkey.id.as_str())?.is_some() {
        return Ok(WriteResult::Gone);
    }
    if keys.handle.is_empty() {
        keys.handle = user_handle.to_string();
    }
    keys.list.push(passkey.clone());
    keys.store(t)?;
    t.passkey_ids.insert(passkey.id.as_str(), encode(&owner).as_slice())?;
    if let EnrolledFrom::Portal(hash) = from {
        enrolled_in_session(t, hash, replaces_password)?;
    } else if let EnrolledFrom::Admin(hash) = from
        && let Some(mut s) = admin_session(t, hash)?
    {
        s.must_enrol_passkey = false;
        t.admin_sessions.insert(hash.as_str(), encode(&s).as_slice())?;
    }
    let what = What::PasskeyAdded {
        name: passkey.name.clone(),
        instead_of_password: replaces_password,
    };
    add_event(t, counters, 0, passkey.created_at, &owner.actor(), what)?;
    Ok(WriteResult::Done)
}

/// The portal session that enrolled a passkey has nothing more to enrol; a
/// first contact who chose it instead of a password has no password now.
fn enrolled_in_session(t: &mut Tables<'_>, hash: &str, replaces_password: bool) -> Result<(), VaultError> {
    let Some(mut s) = session(t, hash)? else {
        return Ok(());
    };
    s.must_enrol_passkey = false;
    if replaces_password && let Some(mut acc) = account(t, &s.address)? {
        acc.password_hash = None;
        acc.must_change_password = false;
        acc.reset_token = None;
        put_account(t, &acc)?;
        s.must_change_password = false;
    }
    t.sessions.insert(hash, encode(&s).as_slice())?;
    Ok(())
}

fn used(
    t: &mut Tables<'_>,
    counters: &mut Counters,
    id: &str,
    (count, backed_up): (u32, bool),
    start: &Start,
) -> Result<WriteResult, VaultError> {
    let Some(owner) = owner_of(t, id)? else {
        return Ok(WriteResult::Gone);
    };
    let same_owner = match (&owner, start) {
        (PasskeyOwner::Portal(a), Start::Portal { session, .. }) => *a == session.address,
        (PasskeyOwner::Admin(n), Start::Admin { session, .. }) => *n == session.name,
        _ => false,
    };
    let Some(mut keys) = Keys::load(t, &owner)?.filter(|_| same_owner) else {
        return Ok(WriteResult::Gone);
    };
    let Some(key) = keys.list.iter_mut().find(|k| k.id == id) else {
        return Ok(WriteResult::Gone);
    };
    if (count != 0 || key.sign_count != 0) && count <= key.sign_count {
        return Ok(WriteResult::Gone);
    }
    key.sign_count = count;
    key.backed_up = backed_up;
    let at = match start {
        Start::Portal { session, .. } => session.created_at,
        Start::Admin { session, .. } => session.created_at,
    };
    key.last_used_at = Some(at);
    keys.store(t)?;
    match start {
        Start::Portal { token_hash, session } => sign_in(t, counters, token_hash, session, PASSKEY_METHOD),
        Start::Admin { token_hash, session } => super::admin_ops::passkey_sign_in(t, counters, token_hash, session),
    }
}

/// How a passkey sign-in's event names the method.
pub const PASSKEY_METHOD: &str = "a passkey";

pub(super) fn owner_of(t: &Tables<'_>, id: &str) -> Result<Option<PasskeyOwner>, VaultError> {
    t.passkey_ids.get(id)?.map(|v| decode("passkey_ids", v.value())).transpose()
}

fn admin_session(t: &Tables<'_>, hash: &str) -> Result<Option<AdminSession>, VaultError> {
    t.admin_sessions.get(hash)?.map(|v| decode("admin_sessions", v.value())).transpose()
}

/// An owner's passkeys and WebAuthn user id, read from their record and
/// written back into it.
struct Keys {
    owner: Record,
    list: Vec<Passkey>,
    handle: String,
}

enum Record {
    Portal(crate::model::Account),
    Admin(AdminAccount),
}

impl Keys {
    fn load(t: &Tables<'_>, owner: &PasskeyOwner) -> Result<Option<Self>, VaultError> {
        Ok(match owner {
            PasskeyOwner::Portal(address) => account(t, address)?.map(|mut a| Self {
                list: std::mem::take(&mut a.passkeys),
                handle: std::mem::take(&mut a.passkey_user),
                owner: Record::Portal(a),
            }),
            PasskeyOwner::Admin(name) => {
                let admin = t
                    .admins
                    .get(name.as_str())?
                    .map(|v| decode::<AdminAccount>("admins", v.value()))
                    .transpose()?;
                admin.map(|mut a| Self {
                    list: std::mem::take(&mut a.passkeys),
                    handle: std::mem::take(&mut a.passkey_user),
                    owner: Record::Admin(a),
                })
            }
        })
    }

    fn store(self, t: &mut Tables<'_>) -> Result<(), VaultError> {
        match self.owner {
            Record::Portal(mut a) => {
                a.passkeys = self.list;
                a.passkey_user = self.handle;
                put_account(t, &a)
            }
            Record::Admin(mut a) => {
                a.passkeys = self.list;
                a.passkey_user = self.handle;
                t.admins.insert(a.name.as_str(), encode(&a).as_slice())?;
                Ok(())
            }
        }
    }
}

/// Forgets the credential ids of passkeys whose owner goes.
pub(super) fn forget(t: &mut Tables<'_>, passkeys: &[Passkey]) -> Result<(), VaultError> {
    for key in passkeys {
        t.passkey_ids.remove(key.id.as_str())?;
    }
    Ok(())
}
