//! The event log: one entry per state change, stored as a kind and its
//! fields (`What`); the words are made when it is shown (`event_text`).

use serde::{Deserialize, Deserializer, Serialize};

use super::message::Folder;
use super::outbox::OutboxKind;

/// One state change, kept for the monitor and the audit.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub seq: u64,
    pub message_id: u64,
    /// Unix milliseconds.
    pub at_ms: i64,
    pub actor: String,
    /// What happened; an event written before events were typed reads back
    /// as `What::Legacy` with its words.
    #[serde(deserialize_with = "what_or_words")]
    pub what: What,
}

/// What an event records. Stored as `{"kind": "...", fields}`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum What {
    // A message arrives and the policy decides.
    Received {
        client: String,
        helo: String,
        sender: String,
        size: u64,
        auth: Option<String>,
    },
    Held {
        recipient: String,
        rule: String,
    },
    Ordinary {
        recipient: String,
        rule: String,
    },
    WrittenInPortal {
        author: String,
        client: String,
        mode: String,
        expiry_days: u32,
        restriction: String,
        read_receipt: bool,
        bcc: bool,
    },
    SecureHeaderIgnored {
        header: String,
        sender: String,
    },
    AccountCreated {
        address: String,
        internal: bool,
    },
    SenderAccountCreated {
        address: String,
    },
    RepliedTo {
        by: String,
        reply: u64,
    },
    // The outbox.
    Queued {
        outbox: OutboxKind,
        row: u64,
        to: String,
    },
    TlsFailedRecalled {
        recipient: String,
        reason: String,
    },
    TlsFailedHeld {
        recipient: String,
        reason: String,
    },
    Sent {
        outbox: OutboxKind,
        to: Vec<String>,
        attempt: u32,
        reply: String,
    },
    AttemptFailed {
        outbox: OutboxKind,
        attempt: u32,
        error: String,
        next_at: i64,
    },
    FailedForGood {
        outbox: OutboxKind,
        attempts: u32,
        error: String,
    },
    OneTimePasswordIssued {
        address: String,
    },
    FollowUpQueued {
        outbox: OutboxKind,
        to: String,
    },
    PutBack {
        outbox: OutboxKind,
        row: u64,
    },
    // Readers and senders.
    ReadBy {
        reader: String,
        ip: String,
        agent: String,
    },
    ReadReceiptQueued {
        sender: String,
    },
    RemovedFromMailbox {
        address: String,
    },
    Marked {
        read: bool,
        by: String,
    },
    MovedToDeleted {
        by: String,
    },
    Restored {
        folder: Folder,
        by: String,
    },
    Recalled {
        by: String,
        cancelled: Vec<String>,
    },
    Extended {
        from: i64,
        until: i64,
        by: String,
    },
    AccessGranted {
        to: String,
        by: String,
    },
    AccessRevoked {
        of: String,
        by: String,
    },
    /// Its stored bytes (`part`) did not open: changed on disk, or another
    /// master key. Written once, when first found.
    Damaged {
        part: String,
    },
    // Retention.
    Expired,
    Purged {
        days: i64,
        bytes: u64,
        entries: usize,
    },
    // Portal accounts (message 0).
    SignedIn {
        method: String,
        ip: String,
        agent: String,
        second_step_pending: bool,
    },
    SignInRefused {
        ip: String,
        why: String,
        locked: bool,
    },
    SignedOut,
    EndedOtherSessions {
        count: usize,
    },
    AccountAdded {
        address: String,
        internal: bool,
        /// A first-contact mail with a one-time password was queued with it.
        #[serde(default)]
        mailed: bool,
    },
    PreferencesSaved {
        date_format: String,
        clock_hours: u8,
        week_starts: String,
        time_zone: String,
        language: String,
        signature_chars: usize,
    },
    PasswordChanged {
        other_sessions_ended: usize,
    },
    ResetAsked {
        ip: String,
        too_soon: bool,
    },
    PasswordResetWithLink {
        sessions_ended: usize,
    },
    CodeAsked {
        ip: String,
        refused: Option<String>,
    },
    RecoveryCodesMade,
    TotpEnrolled,
    SecondFactorPassed {
        recovery_left: Option<usize>,
    },
    TotpRemoved,
    /// A passkey was enrolled; `instead_of_password`: a first contact chose
    /// it in place of a password (the mailed one no longer works).
    PasskeyAdded {
        name: String,
        #[serde(default)]
        instead_of_password: bool,
    },
    PasskeyRenamed {
        from: String,
        to: String,
    },
    /// `by`: the admin who removed it (None: its owner).
    PasskeyRemoved {
        name: String,
        by: Option<String>,
    },
    // The admin console (message 0).
    /// A master key rotation began (`stage` "begun") or every data key is
    /// now wrapped under the new key ("finished", with how many were re-wrapped).
    KeyRotation {
        stage: String,
        rewrapped: u64,
    },
    /// A certificate from the ACME CA, served from now on (`not_after` unix seconds).
    CertificateIssued {
        names: Vec<String>,
        not_after: i64,
        reason: String,
    },
    /// Getting a certificate from the ACME CA failed; the one served stays.
    CertificateFailed {
        error: String,
        retry_minutes: u64,
    },
    AdminCreated {
        name: String,
        totp: bool,
    },
    AdminRemoved {
        name: String,
        sessions_ended: usize,
    },
    AdminSignedIn {
        ip: String,
        agent: String,
    },
    AdminSignInRefused {
        name: String,
        ip: String,
        why: String,
        locked: bool,
    },
    AdminSignedOut,
    PasswordMailed {
        address: String,
        sessions_ended: usize,
        /// Written before resets could leave the password: always forced then.
        #[serde(default = "forced")]
        must_change: bool,
    },
    PasswordShown {
        address: String,
        sessions_ended: usize,
        #[serde(default = "forced")]
        must_change: bool,
    },
    /// An admin set a password they chose (typed twice).
    PasswordChosen {
        address: String,
        sessions_ended: usize,
        must_change: bool,
    },
    MustChangePassword {
        address: String,
    },
    Logon {
        address: String,
        allowed: bool,
        sessions_ended: usize,
    },
    Sending {
        address: String,
        allowed: bool,
    },
    LockoutLifted {
        address: String,
    },
    /// The directory no longer finds the user (left, disabled, out of the
    /// portal's groups): their sessions ended.
    DirectoryLeft {
        address: String,
        sessions_ended: usize,
    },
    AccountDeleted {
        address: String,
        entries: usize,
        sessions_ended: usize,
    },
    /// An event stored as words, before events had kinds.
    Legacy {
        text: String,
    },
}

impl What {
    /// The event of saved preferences (the signature counted, not kept).
    pub fn preferences_saved(p: &super::Preferences) -> Self {
        Self::PreferencesSaved {
            date_format: p.date_format.clone(),
            clock_hours: p.clock_hours,
            week_starts: p.week_starts.clone(),
            time_zone: p.time_zone.clone(),
            language: p.language.clone(),
            signature_chars: p.signature.chars().count(),
        }
    }

    /// A portal sign-in, or a refused one.
    pub fn is_sign_in_attempt(&self) -> bool {
        match self {
            Self::SignedIn { .. } | Self::SignInRefused { .. } => true,
            Self::Legacy { text } => text.starts_with("signed in") || text.starts_with("sign-in refused"),
            _ => false,
        }
    }
}

/// The default of `must_change` in events written before it was a choice.
fn forced() -> bool {
    true
}

/// Reads an event's `what` as stored now (kind and fields) or before (words).
fn what_or_words<'de, D: Deserializer<'de>>(d: D) -> Result<What, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Typed(What),
        Words(String),
    }
    Ok(match Stored::deserialize(d)? {
        Stored::Typed(what) => what,
        Stored::Words(text) => What::Legacy { text },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_events_round_trip_and_words_read_back_as_legacy() {
        let event = Event {
            seq: 3,
            message_id: 9,
            at_ms: 1000,
            actor: "outbox".into(),
            what: What::Sent {
                outbox: OutboxKind::Notification,
                to: vec!["bob@x.test".into()],
                attempt: 1,
                reply: "250 ok".into(),
            },
        };
        let json = serde_json::to_string(&event).unwrap();
        assert!(json.contains(r#""what":{"kind":"sent","outbox":"notification""#), "{json}");
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
        assert_eq!(event.what.to_string(), "notification sent to bob@x.test (attempt 1): 250 ok");
        let old = r#"{"seq":1,"message_id":0,"at_ms":0,"actor":"bob@x.test","what":"signed out"}"#;
        let old: Event = serde_json::from_str(old).unwrap();
        assert_eq!(old.what, What::Legacy { text: "signed out".into() });
        assert_eq!(old.what.to_string(), What::SignedOut.to_string());
    }
}
