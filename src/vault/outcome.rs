//! What a write did: the answer the writer thread gives back for each write.

#[derive(Debug, PartialEq)]
pub enum WriteResult {
    /// The intake is stored (new accounts and their first-contact rows included).
    Intake,
    /// Nothing was stored: the sender has reached `limit` unique secure recipients this month.
    OverCap {
        limit: u32,
    },
    Outbox,
    /// The outbox row no longer exists (already handled); or the account, session
    /// or token an auth write names does not exist (or no longer works).
    Gone,
    /// An auth write took effect.
    Done,
    /// A sender's control changed nothing, for this reason.
    Refused(SenderRefusal),
    /// A draft changed since it was read: read it again and redo the change.
    Stale,
    /// The owner has as many drafts as allowed.
    Full,
}

/// Why a sender's write changed nothing (the service words it for the user).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderRefusal {
    Recalled,
    AlreadyExtended,
    NotLater,
    PastRetention,
    NotHeld,
    AlreadyRevoked,
    NotRevoked,
}
