//! A held message, its recipients and their mailbox entries.

use serde::{Deserialize, Serialize};

/// Per-recipient outcome of the policy.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Vault,
    Relay,
    /// Deliver directly over verified TLS; hold in the vault only if TLS fails.
    #[serde(rename = "tls_first")]
    TlsFirst,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vault => "vault",
            Self::Relay => "relay",
            Self::TlsFirst => "tls_first",
        }
    }
}

/// A message that has at least one recipient held in the vault.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MessageRecord {
    pub id: u64,
    /// Unix seconds.
    pub received_at: i64,
    pub client: String,
    pub helo: String,
    /// Envelope sender (MAIL FROM), empty for the null sender.
    pub envelope_from: String,
    /// Header From, To, Cc as written in the message.
    pub from: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    /// Subject as recipients see it (a matched policy keyword removed).
    pub subject: String,
    pub date: Option<i64>,
    pub size: u64,
    pub attachments: Vec<AttachmentInfo>,
    pub recipients: Vec<RecipientStatus>,
    /// Unix seconds after which recipients may no longer reply.
    pub expires_at: i64,
    /// The (internal) sender asked to be told when each recipient first opens it.
    #[serde(default)]
    pub read_receipt: bool,
    /// What the sender forbade recipients (printing, replying).
    #[serde(default)]
    pub restriction: Restriction,
    /// When its sender recalled it from every recipient (for good).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recalled_at: Option<i64>,
    /// When its sender extended the expiry (allowed once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_at: Option<i64>,
    /// When the purge job marked it expired (its "expired" event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<i64>,
    /// Written by someone outside `internal_domains` (a secure reply coming in),
    /// rather than by the organisation (outbound), for the daily report.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inbound: bool,
    /// The subject and attachments, sealed under the message's data key (it
    /// is wrapped inside); `subject` and `attachments` are empty meanwhile.
    /// Empty in records from before encryption at rest.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "base64_bytes")]
    pub sealed: Vec<u8>,
}

/// What a record keeps sealed: the words a stranger must not read from disk.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct SealedFields {
    pub subject: String,
    pub attachments: Vec<AttachmentInfo>,
}

impl MessageRecord {
    /// Takes the subject and attachments out (to be sealed).
    pub fn take_fields(&mut self) -> SealedFields {
        SealedFields {
            subject: std::mem::take(&mut self.subject),
            attachments: std::mem::take(&mut self.attachments),
        }
    }

    /// Puts opened fields back.
    pub fn put_fields(&mut self, fields: SealedFields) {
        self.subject = fields.subject;
        self.attachments = fields.attachments;
        self.sealed.clear();
    }
}

/// A record as the vault hands it out: its subject and attachments may still
/// be sealed. The service opens it (`service::records`); nothing else should
/// need what is inside unopened.
#[derive(Clone, Debug)]
pub struct Locked(MessageRecord);

impl Locked {
    pub fn new(record: MessageRecord) -> Self {
        Self(record)
    }

    /// The record as stored: subject and attachments empty when sealed.
    pub fn unopened(self) -> MessageRecord {
        self.0
    }
}

/// Bytes in JSON as standard base64 text.
mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        STANDARD.decode(text.as_bytes()).map_err(serde::de::Error::custom)
    }
}

/// What a sender may forbid the recipients of a message composed in the portal.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Restriction {
    #[default]
    None,
    NoPrint,
    NoPrintNoReply,
}

impl Restriction {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "" | "none" => Some(Self::None),
            "no_print" => Some(Self::NoPrint),
            "no_print_no_reply" => Some(Self::NoPrintNoReply),
            _ => None,
        }
    }

    pub fn may_print(self) -> bool {
        self == Self::None
    }

    pub fn may_reply(self) -> bool {
        self != Self::NoPrintNoReply
    }

    /// How the sender's Sent view and the event log describe it.
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::NoPrint => "no print",
            Self::NoPrintNoReply => "no print, no reply",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AttachmentInfo {
    pub name: String,
    pub content_type: String,
    pub size: u64,
    /// Its index among the message's MIME attachments (what downloads address);
    /// None in records from before inline images were left out of the list.
    #[serde(default)]
    pub part: Option<u32>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RecipientStatus {
    pub address: String,
    pub decision: Decision,
    /// The rule that decided, e.g. `keyword:[secure]` or `route:legal`.
    pub rule: String,
    /// `held`, `queued`, `relayed`, `failed`.
    pub state: String,
    /// When this (held) recipient first opened the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<i64>,
    /// The sender took this recipient's access away (until it is granted again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<Revoked>,
}

impl RecipientStatus {
    pub fn new(address: String, decision: Decision, rule: String, state: &str) -> Self {
        Self {
            address,
            decision,
            rule,
            state: state.into(),
            read_at: None,
            revoked: None,
        }
    }

    /// Held in the vault for this recipient (not relayed or delivered as ordinary mail).
    pub fn held(&self) -> bool {
        self.state == "held"
    }
}

/// A recipient's access taken away: when, and their mailbox entry as it was
/// (put back when access is granted again).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Revoked {
    pub at: i64,
    pub entry: Option<MailboxEntry>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Folder {
    Inbox,
    Sent,
    Deleted,
}

impl Folder {
    /// Stable code used in the folder index key.
    pub fn code(self) -> u8 {
        match self {
            Self::Inbox => 1,
            Self::Sent => 2,
            Self::Deleted => 3,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Inbox => "Inbox",
            Self::Sent => "Sent",
            Self::Deleted => "Deleted",
        }
    }

    pub const ALL: [Folder; 3] = [Folder::Inbox, Folder::Sent, Folder::Deleted];
}

/// One recipient's view of a vaulted message.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MailboxEntry {
    pub folder: Folder,
    pub read: bool,
    pub expires_at: i64,
    /// Where a deleted entry came from (Restore puts it back there).
    #[serde(default)]
    pub deleted_from: Option<Folder>,
    /// When the user first opened the message (unix seconds).
    #[serde(default)]
    pub opened_at: Option<i64>,
}

impl MailboxEntry {
    pub fn new(folder: Folder, read: bool, expires_at: i64) -> Self {
        Self {
            folder,
            read,
            expires_at,
            deleted_from: None,
            opened_at: None,
        }
    }
}

/// What a user does to entries of their own mailbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailboxAction {
    Read,
    Unread,
    Delete,
    Restore,
    /// Removes entries already in Deleted for this user only.
    Purge,
}

impl MailboxAction {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "read" => Self::Read,
            "unread" => Self::Unread,
            "delete" => Self::Delete,
            "restore" => Self::Restore,
            "purge" => Self::Purge,
            _ => return None,
        })
    }
}
