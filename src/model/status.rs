//! How a secure message stands overall, as its sender and the admin monitor
//! see it: recalled and expired first, then read by anyone, then extended
//! (the product documents: "Extended" lists messages not yet read whose
//! expiry was extended), else sent. A message kept with no secure recipient
//! (written in the portal to internal recipients only, relayed as ordinary
//! mail) is "Ordinary": counted apart from the secure ones.

use super::MessageRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Sent,
    Read,
    Recalled,
    Extended,
    Expired,
    Ordinary,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Sent,
        Status::Read,
        Status::Recalled,
        Status::Extended,
        Status::Expired,
        Status::Ordinary,
    ];
    /// Every status of a secure message.
    pub const SECURE: [Status; 5] = [Status::Sent, Status::Read, Status::Recalled, Status::Extended, Status::Expired];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.label().eq_ignore_ascii_case(s))
    }

    /// As of `now`: past its expiry is expired even before the expiry job marks it.
    pub fn of(m: &MessageRecord, now: i64) -> Self {
        Self::with_expiry(m, m.expired_at.is_some() || m.expires_at <= now)
    }

    /// As the vault's monitor index keeps it: expired once the expiry job
    /// marked it (which it does within a minute of the expiry).
    pub fn stored(m: &MessageRecord) -> Self {
        Self::with_expiry(m, m.expired_at.is_some())
    }

    fn with_expiry(m: &MessageRecord, expired: bool) -> Self {
        if !m.recipients.iter().any(super::RecipientStatus::held) {
            Self::Ordinary
        } else if m.recalled_at.is_some() {
            Self::Recalled
        } else if expired {
            Self::Expired
        } else if m.recipients.iter().any(|r| r.held() && r.read_at.is_some()) {
            Self::Read
        } else if m.extended_at.is_some() {
            Self::Extended
        } else {
            Self::Sent
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sent => "Sent",
            Self::Read => "Read",
            Self::Recalled => "Recalled",
            Self::Extended => "Extended",
            Self::Expired => "Expired",
            Self::Ordinary => "Ordinary",
        }
    }

    /// Its code in the vault's monitor index (never reuse one).
    pub fn code(self) -> u8 {
        match self {
            Self::Sent => 0,
            Self::Read => 1,
            Self::Recalled => 2,
            Self::Extended => 3,
            Self::Expired => 4,
            Self::Ordinary => 5,
        }
    }
}
