//! Retention and expiry: what is due (a read), and removing it (a write that
//! checks each item again). Messages past retention go with their stored
//! bytes, search text, mailbox entries and unsent notices; their events stay
//! (with a "purged" event), as do the daily report counts. Expired messages
//! get an "expired" event once. Sessions, reset links and sign-in codes past
//! their time are removed.

use redb::{ReadableDatabase as _, ReadableTable as _};
use serde::Serialize;

use super::auth_ops::session;
use super::entry_ops::remove_entry;
use super::outcome::WriteResult;
use super::schema::{ADMIN_SESSIONS, MESSAGES, RESET_TOKENS, SESSIONS, SIGN_IN_CODES};
use super::sender_ops::drop_pending_notices;
use super::tables::{Tables, add_event};
use super::{Vault, VaultError, decode};
use crate::model::{AdminSession, MessageRecord, ResetToken, Session, SignInCode, What};

/// The times that decide what is due.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize)]
pub struct PurgeLimits {
    pub now: i64,
    /// Messages received this long ago (seconds) are purged.
    pub retention_secs: i64,
    pub portal_idle_secs: i64,
    pub portal_max_secs: i64,
    pub admin_idle_secs: i64,
    pub admin_max_secs: i64,
}

impl PurgeLimits {
    fn session_over(&self, created: i64, last_seen: i64, (idle, max): (i64, i64)) -> bool {
        last_seen + idle < self.now || created + max < self.now
    }
}

/// What is due now (message ids, token hashes, addresses).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PurgePlan {
    /// Past their expiry and not yet marked expired.
    pub expire: Vec<u64>,
    /// Past the retention period: (id, stored size).
    pub purge: Vec<(u64, u64)>,
    pub sessions: Vec<String>,
    pub admin_sessions: Vec<String>,
    pub reset_tokens: Vec<String>,
    pub sign_in_codes: Vec<String>,
}

impl PurgePlan {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

impl Vault {
    /// Everything the retention and expiry rules make due at `limits.now`.
    pub fn purge_plan(&self, limits: &PurgeLimits) -> Result<PurgePlan, VaultError> {
        let txn = self.db()?.begin_read()?;
        let mut plan = PurgePlan::default();
        for row in txn.open_table(MESSAGES)?.iter()? {
            let m: MessageRecord = decode("messages", row?.1.value())?;
            if m.received_at + limits.retention_secs <= limits.now {
                plan.purge.push((m.id, m.size));
            } else if m.expires_at <= limits.now && m.expired_at.is_none() {
                plan.expire.push(m.id);
            }
        }
        let portal = (limits.portal_idle_secs, limits.portal_max_secs);
        for row in txn.open_table(SESSIONS)?.iter()? {
            let (k, v) = row?;
            let s: Session = decode("sessions", v.value())?;
            if limits.session_over(s.created_at, s.last_seen, portal) {
                plan.sessions.push(k.value().to_string());
            }
        }
        let admin = (limits.admin_idle_secs, limits.admin_max_secs);
        for row in txn.open_table(ADMIN_SESSIONS)?.iter()? {
            let (k, v) = row?;
            let s: AdminSession = decode("admin_sessions", v.value())?;
            if limits.session_over(s.created_at, s.last_seen, admin) {
                plan.admin_sessions.push(k.value().to_string());
            }
        }
        for row in txn.open_table(RESET_TOKENS)?.iter()? {
            let (k, v) = row?;
            let token: ResetToken = decode("reset_tokens", v.value())?;
            if token.expires_at < limits.now {
                plan.reset_tokens.push(k.value().to_string());
            }
        }
        for row in txn.open_table(SIGN_IN_CODES)?.iter()? {
            let (k, v) = row?;
            let code: SignInCode = decode("sign_in_codes", v.value())?;
            if code.expires_at < limits.now {
                plan.sign_in_codes.push(k.value().to_string());
            }
        }
        Ok(plan)
    }
}

/// Applies (part of) a plan, checking each item against `limits` again.
pub fn apply(
    t: &mut Tables<'_>,
    counters: &mut super::schema::Counters,
    plan: &PurgePlan,
    limits: &PurgeLimits,
) -> Result<WriteResult, VaultError> {
    for &id in &plan.expire {
        let Some(mut m) = t.message(id)? else {
            t.unindex_message(id)?;
            continue;
        };
        if m.expires_at <= limits.now && m.expired_at.is_none() {
            m.expired_at = Some(limits.now);
            t.put_message(&m)?;
            let what = What::Expired;
            add_event(t, counters, id, limits.now, "cloister", what)?;
        } else {
            // Not due after all: its place in the expiry index follows the record.
            t.reindex_message(&m)?;
        }
    }
    for &(id, _) in &plan.purge {
        let Some(m) = t.message(id)? else { continue };
        if m.received_at + limits.retention_secs <= limits.now {
            purge_message(t, counters, &m, limits)?;
        }
    }
    for hash in &plan.sessions {
        let over = session(t, hash)?
            .is_some_and(|s| limits.session_over(s.created_at, s.last_seen, (limits.portal_idle_secs, limits.portal_max_secs)));
        if over {
            t.sessions.remove(hash.as_str())?;
        }
    }
    for hash in &plan.admin_sessions {
        let s: Option<AdminSession> = t
            .admin_sessions
            .get(hash.as_str())?
            .map(|v| decode("admin_sessions", v.value()))
            .transpose()?;
        if s.is_some_and(|s| limits.session_over(s.created_at, s.last_seen, (limits.admin_idle_secs, limits.admin_max_secs))) {
            t.admin_sessions.remove(hash.as_str())?;
        }
    }
    for hash in &plan.reset_tokens {
        let token: Option<ResetToken> = t
            .reset_tokens
            .get(hash.as_str())?
            .map(|v| decode("reset_tokens", v.value()))
            .transpose()?;
        if token.is_some_and(|tk| tk.expires_at < limits.now) {
            t.reset_tokens.remove(hash.as_str())?;
        }
    }
    for address in &plan.sign_in_codes {
        let code: Option<SignInCode> = t
            .sign_in_codes
            .get(address.as_str())?
            .map(|v| decode("sign_in_codes", v.value()))
            .transpose()?;
        if code.is_some_and(|c| c.expires_at < limits.now) {
            t.sign_in_codes.remove(address.as_str())?;
        }
    }
    Ok(WriteResult::Done)
}

fn purge_message(
    t: &mut Tables<'_>,
    counters: &mut super::schema::Counters,
    m: &MessageRecord,
    limits: &PurgeLimits,
) -> Result<(), VaultError> {
    let mut entries = 0;
    for address in &holders(m) {
        entries += usize::from(remove_entry(t, address, m.id)?.is_some());
    }
    drop_pending_notices(t, m.id)?;
    t.remove_message(m.id)?;
    super::raw_store::remove(t, m.id)?;
    t.search_text.remove(m.id)?;
    let what = What::Purged {
        days: limits.retention_secs / 86_400,
        bytes: m.size,
        entries,
    };
    add_event(t, counters, m.id, limits.now, "cloister", what)
}

/// Every address whose mailbox may hold message `m`: its recipients and sender (lower case).
pub(super) fn holders(m: &MessageRecord) -> Vec<String> {
    let mut holders: Vec<String> = m.recipients.iter().map(|r| r.address.to_ascii_lowercase()).collect();
    holders.push(m.envelope_from.to_ascii_lowercase());
    holders.sort();
    holders.dedup();
    holders.retain(|a| !a.is_empty());
    holders
}
