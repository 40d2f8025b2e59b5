//! What the vault stores, as plain serde types (JSON in redb values).

use serde::{Deserialize, Serialize};

/// A unix time as pages, mails and event logs write it: "2026-11-23 10:40 UTC".
pub fn utc_text(unix: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

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

/// A portal account, created on the first secure message to an address.
#[allow(clippy::struct_excessive_bools)] // independent account switches an admin sets
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Account {
    pub address: String,
    pub created_at: i64,
    pub internal: bool,
    /// argon2id PHC string; None until credentials are issued.
    pub password_hash: Option<String>,
    pub must_change_password: bool,
    pub allow_logon: bool,
    pub allow_sending: bool,
    /// When the password was last set (unix seconds; 0 = never), for `password.max_age_days`.
    #[serde(default)]
    pub password_changed_at: i64,
    /// SHA-256 of the only reset link that still works; a newer link replaces it.
    #[serde(default)]
    pub reset_token: Option<String>,
    #[serde(default)]
    pub last_sign_in: Option<SignInRecord>,
    /// The sign-in before the last one, which the user sees as "previous sign-in".
    #[serde(default)]
    pub previous_sign_in: Option<SignInRecord>,
    /// When a sign-in code was last asked for (unix seconds), so one request per minute is mailed.
    #[serde(default)]
    pub code_requested_at: i64,
    /// When a password reset was last mailed (unix seconds), so one request per minute is mailed.
    #[serde(default)]
    pub reset_requested_at: i64,
    /// The enrolled TOTP second factor, if any.
    #[serde(default)]
    pub totp: Option<Totp>,
    /// How the portal shows dates and what it adds to messages the user writes.
    #[serde(default)]
    pub preferences: Preferences,
}

/// A user's portal preferences; the service checks the values before they are stored.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Preferences {
    /// `iso` (2026-11-24), `dmy` (24/11/2026), `mdy` (11/24/2026) or `text` (24 Nov 2026).
    pub date_format: String,
    /// 24 or 12 (hour clock).
    pub clock_hours: u8,
    /// `monday`, `sunday` or `saturday`.
    pub week_starts: String,
    /// IANA time zone name, e.g. `Europe/London`.
    pub time_zone: String,
    /// Added under messages the user writes in the portal.
    pub signature: String,
    /// Language code of the pages (`en`).
    pub language: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            date_format: "iso".into(),
            clock_hours: 24,
            week_starts: "monday".into(),
            time_zone: "UTC".into(),
            signature: String::new(),
            language: "en".into(),
        }
    }
}

/// A TOTP second factor (RFC 6238, SHA-1, 6 digits, 30 s).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Totp {
    /// The shared secret, base32 as authenticator apps show it.
    pub secret: String,
    pub enrolled_at: i64,
    /// The last time step accepted; a code is never accepted twice.
    pub last_step: u64,
    /// SHA-256 (hex) of each unused recovery code.
    pub recovery: Vec<String>,
}

/// An emailed sign-in code, stored under the address it signs in (one per address).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SignInCode {
    /// SHA-256 (hex) of the salt, a colon and the code.
    pub code_hash: String,
    pub salt: String,
    pub created_at: i64,
    pub expires_at: i64,
    /// Wrong entries left before the code stops working.
    pub attempts_left: u32,
}

/// Where and when someone signed in.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SignInRecord {
    pub at: i64,
    pub ip: String,
    pub agent: String,
}

/// A signed-in browser, stored under the SHA-256 of its cookie token (never the token).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Session {
    pub address: String,
    pub created_at: i64,
    pub last_seen: i64,
    pub ip: String,
    pub agent: String,
    /// Token every form of this session carries.
    pub csrf: String,
    /// Nothing but the password change is allowed until this is cleared.
    pub must_change_password: bool,
    /// The password (or code) was right; the TOTP code is still to come.
    #[serde(default)]
    pub second_factor_pending: bool,
    /// `portal.require_totp` is on and the account has no second factor yet.
    #[serde(default)]
    pub must_enrol_totp: bool,
    /// A TOTP secret shown for enrolment, not yet confirmed with a code.
    #[serde(default)]
    pub totp_enrolling: Option<String>,
}

/// A password-reset link waiting to be used, stored under the SHA-256 of its token.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ResetToken {
    pub address: String,
    pub created_at: i64,
    pub expires_at: i64,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum OutboxKind {
    /// Ordinary mail passed on unchanged to the relay.
    Relay,
    /// "A secure message is waiting" to one recipient.
    Notification,
    /// First-contact credentials to a new recipient.
    FirstContact,
    /// "Your message could not be delivered" to the internal sender of a dead relay row.
    DeliveryFailure,
    /// Direct delivery over verified TLS to the recipient's mail server (`tls_first` routes).
    Direct,
    /// A password-reset link; the token is made (and its hash stored) when the mail is written.
    PasswordReset,
    /// A sign-in code; made (and its hash stored) when the mail is written.
    SignInCode,
    /// "Your message was opened by …" to the sender who asked for it.
    ReadReceipt,
    /// A copy of a message an internal user sent from the portal, to their own
    /// mailbox on the mail server (`messages.bcc_to_mail_server`).
    BccCopy,
}

impl OutboxKind {
    /// Stable code used in the outbox table key.
    pub fn code(self) -> u8 {
        match self {
            Self::Relay => 1,
            Self::Notification => 2,
            Self::FirstContact => 3,
            Self::DeliveryFailure => 4,
            Self::Direct => 5,
            Self::PasswordReset => 6,
            Self::SignInCode => 7,
            Self::ReadReceipt => 8,
            Self::BccCopy => 9,
        }
    }

    /// How the event log says a row of this kind was sent.
    pub fn sent_phrase(self) -> &'static str {
        match self {
            Self::Relay => "relayed to",
            Self::Notification => "notification sent to",
            Self::FirstContact => "first-contact credentials sent to",
            Self::DeliveryFailure => "delivery-failure notice sent to",
            Self::Direct => "delivered over verified TLS to",
            Self::PasswordReset => "password-reset link sent to",
            Self::SignInCode => "sign-in code sent to",
            Self::ReadReceipt => "read receipt sent to",
            Self::BccCopy => "copy for the sender's mailbox relayed to",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Self::Relay => "relay",
            Self::Notification => "notification",
            Self::FirstContact => "first-contact mail",
            Self::DeliveryFailure => "delivery-failure notice",
            Self::Direct => "direct TLS delivery",
            Self::PasswordReset => "password-reset link",
            Self::SignInCode => "sign-in code",
            Self::ReadReceipt => "read receipt",
            Self::BccCopy => "copy to the mail server",
        }
    }

    pub const ALL: [OutboxKind; 9] = [
        OutboxKind::Relay,
        OutboxKind::BccCopy,
        OutboxKind::Direct,
        OutboxKind::Notification,
        OutboxKind::FirstContact,
        OutboxKind::DeliveryFailure,
        OutboxKind::PasswordReset,
        OutboxKind::SignInCode,
        OutboxKind::ReadReceipt,
    ];
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    Pending,
    Dead,
}

/// Something Cloister must send; written in the transaction that caused it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OutboxRow {
    pub id: u64,
    pub kind: OutboxKind,
    pub message_id: u64,
    pub sender: String,
    pub recipients: Vec<String>,
    pub created_at: i64,
    pub attempts: u32,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub state: OutboxState,
    /// Key of the shared bytes in the outbox data table (relay rows), 0 for none.
    #[serde(default)]
    pub data_id: u64,
    /// Kind-specific detail, e.g. the failed recipients and reason of a delivery-failure notice.
    #[serde(default)]
    pub note: String,
}

/// One state change, kept for the monitor and the audit.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub seq: u64,
    pub message_id: u64,
    /// Unix milliseconds.
    pub at_ms: i64,
    pub actor: String,
    pub what: String,
}
