//! The event log: one entry per state change.

use serde::{Deserialize, Serialize};

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
