//! Rows of the outbox: everything Cloister must send.

use serde::{Deserialize, Serialize};

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
