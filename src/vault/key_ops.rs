//! Writes of a master key rotation: its start and end in `vault_keys`, and
//! re-wrapped keys put in place only where the old wrapping is still there
//! (a message purged, or a relay copy sent, meanwhile is left alone).

use redb::ReadableTable;

use super::outcome::WriteResult;
use super::schema::Counters;
use super::tables::{Tables, add_event};
use super::{VaultError, decode, encode};
use crate::model::{MessageRecord, What};

/// Where a wrapped key is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrapPlace {
    /// `message_keys`: the data key of a held message's bytes.
    MessageKey(u64),
    /// A record's sealed subject and attachments (which carry their key).
    Record(u64),
    /// A relay copy waiting in the outbox (which carries its key).
    Copy(u64),
    /// A vault secret in `vault_keys` (the search key).
    Named(String),
    /// A draft's sealed part (which carries its key).
    Draft(u64),
    /// `draft_file_keys`: the data key of a draft's file.
    DraftFile(u64),
}

/// One wrapped value to replace: `new` goes in only where `old` still is.
#[derive(Debug, Clone)]
pub struct Rewrap {
    pub place: WrapPlace,
    pub old: Vec<u8>,
    pub new: Vec<u8>,
}

/// An older message sealed in place: its record's sealed part, its bytes
/// sealed, and the keyed filter of its words for every mailbox holding it.
#[derive(Debug, Clone)]
pub struct SealedOlder {
    pub id: u64,
    pub fields: Vec<u8>,
    pub bytes: super::Sealed,
    pub words: Vec<u8>,
}

#[derive(Debug)]
pub enum KeysWrite {
    /// Keys are now wrapped under the key whose check value is `next`.
    Begin {
        next: Vec<u8>,
        at: i64,
    },
    Rewrap(Vec<Rewrap>),
    /// Older messages sealed in place (left alone when gone or sealed
    /// meanwhile); messages up to id `through` are done.
    SealOlder {
        items: Vec<SealedOlder>,
        through: u64,
    },
    /// Every wrapped key is under `next`: it becomes the vault's master key.
    Finish {
        next: Vec<u8>,
        rewrapped: u64,
        at: i64,
    },
}

/// The name of the check value of the key a rotation moves to.
pub const NEXT: &str = "master_next";
/// The last message id older messages were sealed through (`u64::MAX`: all).
pub const SEALED_THROUGH: &str = "sealed_through";

pub(super) fn apply(t: &mut Tables<'_>, counters: &mut Counters, w: &KeysWrite) -> Result<WriteResult, VaultError> {
    match w {
        KeysWrite::Begin { next, at } => {
            t.vault_keys.insert(NEXT, next.as_slice())?;
            let what = What::KeyRotation {
                stage: "begun".into(),
                rewrapped: 0,
            };
            add_event(t, counters, 0, *at, "operator", what)?;
        }
        KeysWrite::Rewrap(items) => {
            for item in items {
                rewrap(t, item)?;
            }
        }
        KeysWrite::SealOlder { items, through } => {
            for item in items {
                seal_older(t, item)?;
            }
            t.vault_keys.insert(SEALED_THROUGH, through.to_be_bytes().as_slice())?;
        }
        KeysWrite::Finish { next, rewrapped, at } => {
            if t.vault_keys.get(NEXT)?.is_none_or(|v| v.value() != next.as_slice()) {
                return Ok(WriteResult::Gone);
            }
            t.vault_keys.insert("master", next.as_slice())?;
            t.vault_keys.remove(NEXT)?;
            let what = What::KeyRotation {
                stage: "finished".into(),
                rewrapped: *rewrapped,
            };
            add_event(t, counters, 0, *at, "operator", what)?;
        }
    }
    Ok(WriteResult::Done)
}

fn rewrap(t: &mut Tables<'_>, item: &Rewrap) -> Result<(), VaultError> {
    let (old, new) = (item.old.as_slice(), item.new.as_slice());
    match &item.place {
        WrapPlace::MessageKey(id) => {
            if t.message_keys.get(*id)?.is_some_and(|v| v.value() == old) {
                t.message_keys.insert(*id, new)?;
            }
        }
        WrapPlace::Copy(id) => {
            if t.outbox_data.get(*id)?.is_some_and(|v| v.value() == old) {
                t.outbox_data.insert(*id, new)?;
            }
        }
        WrapPlace::DraftFile(id) => {
            if t.draft_file_keys.get(*id)?.is_some_and(|v| v.value() == old) {
                t.draft_file_keys.insert(*id, new)?;
            }
        }
        WrapPlace::Draft(id) => {
            let draft: Option<crate::model::DraftRow> = t.drafts.get(*id)?.map(|v| decode("drafts", v.value())).transpose()?;
            if let Some(mut draft) = draft.filter(|d| d.sealed == old) {
                draft.sealed = new.to_vec();
                t.drafts.insert(*id, encode(&draft).as_slice())?;
            }
        }
        WrapPlace::Named(name) => {
            if t.vault_keys.get(name.as_str())?.is_some_and(|v| v.value() == old) {
                t.vault_keys.insert(name.as_str(), new)?;
            }
        }
        WrapPlace::Record(id) => {
            let Some(mut m) = t
                .messages
                .get(*id)?
                .map(|v| decode::<MessageRecord>("messages", v.value()))
                .transpose()?
            else {
                return Ok(());
            };
            if m.sealed == old {
                m.sealed = new.to_vec();
                t.messages.insert(*id, encode(&m).as_slice())?;
            }
        }
    }
    Ok(())
}

/// Seals one older message in place: record, bytes, words' filters; the
/// plain search text goes.
fn seal_older(t: &mut Tables<'_>, item: &SealedOlder) -> Result<(), VaultError> {
    let Some(mut m) = t.message(item.id)? else {
        return Ok(());
    };
    if !m.sealed.is_empty() {
        return Ok(());
    }
    m.subject.clear();
    m.attachments.clear();
    m.sealed.clone_from(&item.fields);
    t.put_message(&m)?;
    super::raw_store::remove(t, item.id)?;
    super::raw_store::put(t, item.id, &item.bytes)?;
    t.search_text.remove(item.id)?;
    for address in super::purge_ops::holders(&m) {
        if t.search_words.get((address.as_str(), item.id))?.is_some() {
            t.search_words.insert((address.as_str(), item.id), item.words.as_slice())?;
        }
    }
    Ok(())
}
