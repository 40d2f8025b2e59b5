//! Operations shared by every edge (SMTP now, the portal later).

pub mod accounts;
pub mod admin;
pub mod audit;
pub mod directory;
pub mod health;
pub mod intake;
pub mod mailbox;
pub mod monitor;
pub mod preferences;
pub mod queue_ids;
pub mod reply;
pub mod report;
pub mod retention;
pub mod second_factor;
pub mod send;
pub mod sign_in_codes;
pub mod tracking;
pub mod views;

use std::sync::Arc;

use crate::config::Config;
use crate::notify::Notifier;
use crate::vault::Vault;

/// What every operation needs; passed explicitly, never global.
#[derive(Clone)]
pub struct Context {
    pub config: Arc<Config>,
    pub hostname: String,
    pub vault: Vault,
    /// Templates, branding and DKIM for the mail Cloister writes.
    pub notifier: Arc<Notifier>,
    /// Wakes the outbox worker after a commit that queued mail.
    pub outbox_wake: async_channel::Sender<()>,
    /// Queue ids for messages accepted over SMTP or sent from the portal.
    pub queue_ids: Arc<queue_ids::QueueIds>,
    /// Counters the metrics listener shows.
    pub metrics: Arc<crate::metrics::Metrics>,
}

/// Unix seconds now.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

pub use crate::model::utc_text;
