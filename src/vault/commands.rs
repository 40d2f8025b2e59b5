//! The writes the vault takes, as data: what the service asks for. The
//! writer thread applies them (`ops` and the `*_ops` files); nothing here
//! knows how.

use crate::model::{MailboxEntry, MessageRecord, OutboxKind, Payload, What};

/// Everything one accepted SMTP transaction (or portal send) stores.
#[derive(Debug, Default)]
pub struct IntakeWrite {
    /// Queue a welcome mail for each internal account this write makes.
    pub welcome: bool,
    pub message_id: u64,
    pub now: i64,
    pub sender: String,
    /// The copy every outbox row of the message sends, sealed by the service
    /// (empty when nothing is relayed).
    pub bytes: Vec<u8>,
    /// The message record, when it is kept in the vault (a recipient is held, or it was written in the portal).
    pub vaulted: Option<MessageRecord>,
    /// Mailbox entries of vaulted recipients (address, entry).
    pub mailbox: Vec<(String, MailboxEntry)>,
    /// Recipients to relay as ordinary mail.
    pub relay: Vec<String>,
    /// Recipients to deliver directly over verified TLS (`tls_first`).
    pub direct: Vec<String>,
    /// (actor, what) events to record for the message.
    pub events: Vec<(String, What)>,
    /// Mailbox addresses (lower case) in `internal_domains`: never mailed a password.
    pub internal: Vec<String>,
    /// The internal sender of a held message, or the author of a portal message:
    /// gets an account (if new) and a Sent copy.
    pub sender_account: Option<String>,
    /// Its bytes packed and its words' filter, for a held message (packed
    /// here from `bytes` when missing).
    pub kept: Option<Kept>,
    /// The author's own address at the mail server, for a copy (`bcc_to_mail_server`).
    pub bcc: Vec<String>,
    /// Refuse the whole write when the sender would reach more unique secure
    /// recipients this month than allowed.
    pub recipient_cap: Option<RecipientCap>,
    /// The message this one answers: its log gets a "replied to" event.
    pub parent: Option<u64>,
    /// The portal draft it was written in: removed in this same write.
    pub draft: Option<super::draft_ops::SentDraft>,
}

/// `messages.unique_recipients_per_month` as the writer checks it.
#[derive(Debug, Clone, Copy)]
pub struct RecipientCap {
    /// Calendar month (UTC) as yyyymm.
    pub month: u32,
    pub limit: u32,
}

/// Everything a TLS fallback stores (see `WriteOp::Fallback`).
#[derive(Debug)]
pub struct Fallback {
    pub id: u64,
    pub now: i64,
    pub recipient: String,
    pub reason: String,
    /// Used when the message is not in the vault yet.
    pub record: MessageRecord,
    pub entry: MailboxEntry,
    /// The sender is in `internal_domains` (gets an account and a Sent copy).
    pub sender_internal: bool,
    /// Its bytes packed and its words' filter.
    pub kept: Kept,
}

/// What the vault keeps of a held message besides its record, made by
/// whoever builds the write (compressing and sealing are not the writer
/// thread's work, and the vault never holds the plaintext).
#[derive(Debug, Clone, Default)]
pub struct Kept {
    pub sealed: super::raw_store::Sealed,
    /// The filter search checks an entry's words with (`mail::words`).
    pub words: Vec<u8>,
    /// The keyed tokens the admin monitor finds it by (its subject's words,
    /// its sender's and secure recipients' addresses and their words).
    pub terms: Vec<u64>,
}

/// A row to queue because of another row's outcome.
#[derive(Debug, Clone)]
pub struct FollowUp {
    pub kind: OutboxKind,
    pub to: String,
    pub payload: Payload,
}

#[derive(Debug, Clone)]
pub enum OutboxOutcome {
    Delivered { reply: String },
    Retry { error: String, next_attempt_at: i64 },
    Dead { error: String },
}

#[derive(Debug)]
pub enum WriteOp {
    Intake(Box<IntakeWrite>),
    Outbox {
        kind: OutboxKind,
        id: u64,
        now: i64,
        outcome: OutboxOutcome,
        /// Mail this outcome causes (a delivery-failure notice), queued in the same transaction.
        follow_up: Option<FollowUp>,
    },
    /// TLS to a `tls_first` recipient failed: hold the message for that recipient instead.
    Fallback(Box<Fallback>),
    /// Puts a dead-lettered row back in the queue (`cloister outbox retry`).
    Retry {
        id: u64,
        now: i64,
        actor: String,
    },
    /// Sign-in, sessions, password changes and resets.
    Auth(super::AuthWrite),
    /// Emailed sign-in codes and the TOTP second factor.
    Factor(super::FactorWrite),
    /// A user's own mailbox: open, mark, delete, restore, remove.
    Mailbox(super::MailboxWrite),
    /// The sender's controls over a held message: recall, extend, revoke, re-grant.
    Sender(super::SenderWrite),
    /// The admin console: admin accounts and sessions, and what admins do to portal accounts.
    Admin(super::AdminWrite),
    /// Passkeys: enrolment, renaming, removal, and the sign-in that moves a counter.
    Passkey(super::PasskeyWrite),
    /// A master key rotation: begin, re-wrapped keys, finish.
    Keys(super::KeysWrite),
    /// Messages being written in the portal.
    Draft(super::DraftWrite),
    /// Something Cloister did about no message and no account (a certificate
    /// issued or not): one event of message 0 by "cloister".
    SystemEvent {
        what: What,
        at: i64,
    },
    /// A message's stored bytes did not open: its event, unless it has one.
    Damaged {
        message_id: u64,
        part: String,
        now: i64,
    },
    /// Retention and expiry: applies (a chunk of) a plan, checking each item again.
    Purge {
        plan: Box<super::PurgePlan>,
        limits: super::PurgeLimits,
    },
    /// Messages kept before the monitor's index, indexed with their terms'
    /// tokens (left alone when gone or indexed meanwhile); messages up to id
    /// `through` are done (`u64::MAX`: all).
    IndexOlder {
        items: Vec<(u64, Vec<u64>)>,
        through: u64,
    },
    /// The search index's indexer: a segment made of what it read.
    SearchIndex(Box<super::search_index::IndexWrite>),
    /// A first-contact password's argon2id hash, stored before the mail goes out.
    InitialPassword {
        address: String,
        hash: String,
        message_id: u64,
        /// The user must choose their own at the next sign-in (false only
        /// when an admin's reset said so).
        must_change: bool,
        now: i64,
    },
}
