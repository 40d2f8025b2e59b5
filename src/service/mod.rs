//! Operations shared by every edge (SMTP now, the portal later).

pub mod access;
pub mod accounts;
pub mod addresses;
pub mod admin;
pub mod admin_passkeys;
pub mod audit;
pub mod audit_export;
pub mod certificates;
pub mod correspondents;
pub mod dashboard;
pub mod directory;
pub mod drafts;
pub mod forward;
pub mod gone;
pub mod health;
pub mod indexing;
pub mod intake;
pub mod keys;
pub mod ldap_lookup;
pub mod ldap_sign_in;
pub mod listings;
pub mod mailbox;
pub mod monitor;
pub mod monitor_terms;
pub mod oidc_provider;
pub mod oidc_sign_in;
pub mod operator;
pub mod passkey_challenges;
pub mod passkeys;
pub mod preferences;
pub mod queue;
pub mod queue_ids;
pub mod records;
pub mod reply;
pub mod report;
pub mod retention;
pub mod rotation;
pub mod sealing;
pub mod search_index;
pub mod second_factor;
pub mod send;
pub mod send_error;
pub mod sign_in_codes;
pub mod stored;
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
    vault: Vault,
    /// Wraps each held message's data key (`stored`); outside the vault file.
    master: Arc<crate::crypto::Keyring>,
    /// Keys search's word hashes (derived from the master key).
    word_key: crate::mail::words::WordKey,
    /// Templates, branding and DKIM for the mail Cloister writes.
    pub notifier: Arc<Notifier>,
    /// Wakes the outbox worker after a commit that queued mail.
    pub outbox_wake: async_channel::Sender<()>,
    /// Queue ids for messages accepted over SMTP or sent from the portal.
    pub queue_ids: Arc<queue_ids::QueueIds>,
    /// Counters the metrics listener shows.
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Held while a master key rotation runs (one at a time).
    rotation: Arc<smol::lock::Mutex<()>>,
    /// Directory users being looked up again (one check per user at a time).
    pub directory_checks: Arc<crate::auth::in_flight::InFlight>,
    /// Users the directory could not be asked about, and until when (Unix
    /// seconds) it is not asked again.
    pub directory_backoff: Arc<std::sync::Mutex<std::collections::HashMap<String, i64>>>,
    /// Connections to the directory kept open between uses.
    pub ldap_pool: Arc<crate::net::ldap::Pool>,
    /// The OpenID provider's settings and keys, as last read.
    pub oidc_provider: Arc<oidc_provider::ProviderCache>,
    /// Sign-ins sent to the OpenID provider, waiting for its answer.
    pub oidc_flows: Arc<oidc_sign_in::Flows>,
}

impl Context {
    pub fn new(
        config: Arc<Config>,
        keys::Unsealed { vault, master, words }: keys::Unsealed,
        notifier: Arc<Notifier>,
        outbox_wake: async_channel::Sender<()>,
    ) -> Result<Self, StoreError> {
        Ok(Self {
            hostname: config.effective_hostname(),
            queue_ids: Arc::new(queue_ids::QueueIds::starting_after(vault.last_message_id()?)),
            config,
            vault,
            word_key: words,
            master,
            notifier,
            outbox_wake,
            metrics: Arc::default(),
            rotation: Arc::default(),
            directory_checks: crate::auth::in_flight::InFlight::new(1),
            directory_backoff: Arc::default(),
            ldap_pool: Arc::default(),
            oidc_provider: Arc::default(),
            oidc_flows: Arc::default(),
        })
    }

    /// What a master key rotation works on (`rotation::rotate`).
    pub fn rotator(&self) -> rotation::Rotator {
        rotation::Rotator {
            vault: self.vault.clone(),
            keys: Arc::clone(&self.master),
            config: Arc::clone(&self.config),
            one_at_a_time: Arc::clone(&self.rotation),
        }
    }

    /// A rotation was under way when the server last stopped.
    pub fn rotation_unfinished(&self) -> bool {
        self.master.retiring().is_some()
    }
}

/// Unix seconds now.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

pub use crate::model::utc_text;

/// The vault could not answer (storage failed, corrupt record, closing);
/// the detail is for the log, the edges show a generic error.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct StoreError(#[from] crate::vault::VaultError);
