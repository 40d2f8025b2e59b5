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
    /// To an internal user whose account was just made: where the portal is and how to sign in.
    Welcome,
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
            Self::Welcome => 10,
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
            Self::Welcome => "welcome mail sent to",
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
            Self::Welcome => "welcome mail",
        }
    }

    pub const ALL: [OutboxKind; 10] = [
        OutboxKind::Relay,
        OutboxKind::BccCopy,
        OutboxKind::Direct,
        OutboxKind::Notification,
        OutboxKind::FirstContact,
        OutboxKind::DeliveryFailure,
        OutboxKind::PasswordReset,
        OutboxKind::SignInCode,
        OutboxKind::ReadReceipt,
        OutboxKind::Welcome,
    ];
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    Pending,
    Dead,
}

impl OutboxState {
    /// As operators read and filter it (the same word as stored).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Dead => "dead",
        }
    }
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
    /// What a mail of this kind needs besides its row (stored under `note`).
    #[serde(default, rename = "note", deserialize_with = "note_or_text")]
    pub payload: Payload,
}

/// The kind-specific part of an outbox row.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payload {
    #[default]
    None,
    /// A first-contact mail an admin's reset queued: it says "new password";
    /// `must_change`: the user must choose their own at the next sign-in.
    AdminReset {
        #[serde(default = "forced")]
        must_change: bool,
    },
    /// A read receipt: who opened the message, and when.
    ReadReceipt { reader: String, read_at: i64 },
    /// A delivery-failure notice: which recipients, and the last reply.
    DeliveryFailure { recipients: Vec<String>, reason: String },
}

/// Resets queued before the choice existed always forced a change.
fn forced() -> bool {
    true
}

/// Reads a row's payload as stored now, or as the text of rows written
/// before payloads were typed (`""`, `"admin_reset"`, or a JSON object).
fn note_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Payload, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Typed(Payload),
        Text(String),
    }
    #[derive(Deserialize)]
    struct Old {
        reader: Option<String>,
        read_at: Option<i64>,
        recipients: Option<Vec<String>>,
        reason: Option<String>,
    }
    let text = match Stored::deserialize(d)? {
        Stored::Typed(payload) => return Ok(payload),
        Stored::Text(text) => text,
    };
    if text == "admin_reset" {
        return Ok(Payload::AdminReset { must_change: true });
    }
    Ok(match serde_json::from_str::<Old>(&text) {
        Ok(Old {
            reader: Some(reader),
            read_at,
            ..
        }) => Payload::ReadReceipt {
            reader,
            read_at: read_at.unwrap_or(0),
        },
        Ok(Old {
            recipients: Some(recipients),
            reason,
            ..
        }) => Payload::DeliveryFailure {
            recipients,
            reason: reason.unwrap_or_default(),
        },
        _ => Payload::None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_with(note: &str) -> OutboxRow {
        let json = format!(
            r#"{{"id":1,"kind":"read_receipt","message_id":2,"sender":"","recipients":["a@x.test"],"created_at":0,
               "attempts":0,"next_attempt_at":0,"last_error":null,"state":"pending","data_id":0,"note":{note}}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    /// Rows written before payloads were typed kept them as text.
    #[test]
    fn notes_stored_as_text_read_back_as_typed_payloads() {
        let receipt = row_with(r#""{\"reader\":\"bob@x.test\",\"read_at\":77}""#);
        assert_eq!(
            receipt.payload,
            Payload::ReadReceipt {
                reader: "bob@x.test".into(),
                read_at: 77
            }
        );
        let failure = row_with(r#""{\"recipients\":[\"c@y.test\"],\"reason\":\"550 no\"}""#);
        assert_eq!(
            failure.payload,
            Payload::DeliveryFailure {
                recipients: vec!["c@y.test".into()],
                reason: "550 no".into()
            }
        );
        assert_eq!(row_with(r#""admin_reset""#).payload, Payload::AdminReset { must_change: true });
        assert_eq!(row_with(r#""""#).payload, Payload::None);
    }

    /// Resets queued before "force change" was a choice forced it.
    #[test]
    fn an_admin_reset_queued_before_the_choice_still_forces_a_change() {
        assert_eq!(
            row_with(r#"{"kind":"admin_reset"}"#).payload,
            Payload::AdminReset { must_change: true }
        );
        let kept = row_with(r#"{"kind":"admin_reset","must_change":false}"#);
        assert_eq!(kept.payload, Payload::AdminReset { must_change: false });
    }

    #[test]
    fn typed_payloads_round_trip() {
        let mut row = row_with(r#""""#);
        row.payload = Payload::ReadReceipt {
            reader: "bob@x.test".into(),
            read_at: 5,
        };
        let back: OutboxRow = serde_json::from_slice(&serde_json::to_vec(&row).unwrap()).unwrap();
        assert_eq!(back, row);
    }
}
