//! The operator's commands (`cloister messages`, `outbox retry`, `user add`,
//! `admin add/remove`, `backup`, `purge`, `storage`, `compact`): one home,
//! used by the control socket of a running server and, on a stopped vault,
//! by the command itself. The admin console's Retry is `retry` too.

use std::path::Path;
use std::sync::Arc;

use serde_json::{Value, json};

use super::StoreError;
use super::{Context, now, retention, views};
use crate::config::Config;
use crate::vault::{AdminWrite, AuthWrite, Vault, VaultError, WriteOp, WriteResult};

/// Why an operator's command changed nothing; the text is for the operator.
#[derive(Debug, thiserror::Error)]
pub enum OperatorError {
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Vault(#[from] VaultError),
    #[error("{0}")]
    Store(#[from] super::StoreError),
}

/// What the operator's commands work on: the vault and the settings that
/// bound them (retention for `purge`).
#[derive(Clone)]
pub struct Desk {
    vault: Vault,
    master: Arc<crate::crypto::Keyring>,
    config: Arc<Config>,
    rotation: super::rotation::Rotator,
}

impl Desk {
    /// The desk of a running server.
    pub fn of(ctx: &Context) -> Self {
        Self {
            vault: ctx.vault.clone(),
            master: Arc::clone(&ctx.master),
            config: Arc::clone(&ctx.config),
            rotation: ctx.rotator(),
        }
    }

    /// A stopped vault opened for one command; `None` when there is none yet
    /// and `create` is false (a listing of nothing needs no new vault).
    pub fn open(config: Arc<Config>, create: bool) -> Result<Option<Self>, OperatorError> {
        if !create && !config.data_dir.join("vault.redb").exists() {
            return Ok(None);
        }
        let keys = super::keys::open_vault(&config).map_err(|e| OperatorError::Refused(e.to_string()))?;
        let rotation = super::rotation::Rotator {
            vault: keys.vault.clone(),
            keys: Arc::clone(&keys.master),
            config: Arc::clone(&config),
            one_at_a_time: Arc::default(),
        };
        Ok(Some(Self {
            vault: keys.vault,
            master: keys.master,
            config,
            rotation,
        }))
    }

    /// Hands the rows of `listing` to `each` a batch at a time (see `listings`).
    pub fn each_row(
        &self,
        listing: super::listings::Listing,
        filter: &super::listings::ListFilter,
        each: &mut dyn FnMut(Value) -> bool,
    ) -> Result<u64, OperatorError> {
        Ok(super::listings::each_row(&self.vault, &self.master, listing, filter, each)?)
    }

    pub fn admins(&self) -> Result<Value, OperatorError> {
        Ok(views::admins(&self.vault)?)
    }

    /// One message's whole story, by its queue id.
    pub fn show(&self, queue_id: &str) -> Result<Value, OperatorError> {
        let id = u64::from_str_radix(queue_id, 16).map_err(|_| OperatorError::Refused(format!("not a queue id: {queue_id}")))?;
        Ok(views::show(&self.vault, &self.master, id)?)
    }

    pub fn storage(&self) -> Result<Value, OperatorError> {
        Ok(json!(self.vault.storage()?))
    }

    pub fn compact(&self) -> Result<Value, OperatorError> {
        Ok(json!(self.vault.compact()?))
    }

    pub fn backup(&self, path: &Path) -> Result<Value, OperatorError> {
        Ok(json!(self.vault.backup_to(path)?))
    }

    /// Runs the retention job now, or only says what it would do.
    pub async fn purge(&self, dry_run: bool) -> Result<Value, OperatorError> {
        let limits = retention::limits(&self.config, now());
        let plan = if dry_run {
            self.vault.purge_plan(&limits)?
        } else {
            retention::run(&self.vault, limits).await?
        };
        Ok(retention::summary(&plan, !dry_run))
    }

    pub async fn retry(&self, id: u64) -> Result<Value, OperatorError> {
        if retry(&self.vault, id, "operator (cloister outbox retry)".into()).await? {
            Ok(json!({ "retried": id }))
        } else {
            Err(OperatorError::Refused(format!(
                "outbox row {id} does not exist or is not dead-lettered"
            )))
        }
    }

    /// An account made by hand; an internal one is mailed a welcome (`notify.welcome_internal`).
    pub async fn add_user(&self, address: &str) -> Result<Value, OperatorError> {
        let op = WriteOp::Auth(AuthWrite::AddAccount {
            address: address.to_string(),
            internal: self.config.is_internal(address),
            mail_password: false,
            welcome: self.config.notify.welcome_internal,
            at: now(),
            actor: "operator (cloister user add)".into(),
        });
        self.done(op, json!({ "created": address }), || {
            format!("an account for {address} already exists")
        })
        .await
    }

    /// A new admin of the console; the password is hashed here.
    pub async fn add_admin(&self, name: &str, password: &str, totp_secret: Option<String>) -> Result<Value, OperatorError> {
        if !super::admin::valid_name(name) {
            return Err(OperatorError::Refused(format!("{name:?} is not a valid admin name")));
        }
        let admin = super::admin::new_admin(name, password, totp_secret).map_err(OperatorError::Refused)?;
        let op = WriteOp::Admin(AdminWrite::Add {
            admin: Box::new(admin),
            actor: "operator (cloister admin add)".into(),
        });
        self.done(op, json!({ "created": name }), || format!("an admin named {name} already exists"))
            .await
    }

    /// The check value of the key new data keys are wrapped under (hex), and
    /// whether a rotation is under way.
    pub fn key_check(&self) -> Value {
        let check = self.master.current().check_value().iter().fold(String::new(), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        });
        json!({"check": check, "rotating": self.master.retiring().is_some()})
    }

    /// Rotates the master key (or finishes a rotation under way).
    pub async fn rotate_key(&self) -> Result<Value, OperatorError> {
        let done = super::rotation::rotate(&self.rotation)
            .await
            .map_err(|e| OperatorError::Refused(e.to_string()))?;
        Ok(serde_json::json!({
            "rewrapped": done.rewrapped,
            "key_file": done.key_file.display().to_string(),
            "retired": done.retired.display().to_string(),
        }))
    }

    pub async fn remove_admin(&self, name: &str) -> Result<Value, OperatorError> {
        let op = WriteOp::Admin(AdminWrite::Remove {
            name: name.to_string(),
            actor: "operator (cloister admin remove)".into(),
            at: now(),
        });
        self.done(op, json!({ "removed": name }), || format!("there is no admin named {name}"))
            .await
    }

    /// Applies a write: `done` when it took effect, what `gone` says when it
    /// changed nothing (the name is taken, or nothing is there).
    async fn done(&self, op: WriteOp, done: Value, gone: impl Fn() -> String) -> Result<Value, OperatorError> {
        match self.vault.write(op).await? {
            WriteResult::Done => Ok(done),
            _ => Err(OperatorError::Refused(gone())),
        }
    }
}

/// Puts dead-lettered outbox row `id` back in the queue; false when it is
/// not dead-lettered. `actor` names who asked (operator or admin).
pub(super) async fn retry(vault: &Vault, id: u64, actor: String) -> Result<bool, StoreError> {
    let op = WriteOp::Retry { id, now: now(), actor };
    Ok(vault.write(op).await? == WriteResult::Outbox)
}

/// What `cloister restore [--check]` did: the backup's summary and, after a
/// restore, where the vault it replaced was kept.
pub struct Restored {
    pub summary: crate::vault::BackupSummary,
    pub kept: Option<std::path::PathBuf>,
    /// What the master key said of the backup.
    pub key: super::keys::BackupKey,
}

/// Checks a backup file, and unless `check_only` puts it in place of the
/// stopped server's vault (the old one is kept beside it).
pub fn restore(config: &Config, file: &Path, check_only: bool) -> Result<Restored, OperatorError> {
    let summary = crate::vault::check_backup(file)?;
    let key = super::keys::opens_backup(config, &summary).map_err(|e| OperatorError::Refused(e.to_string()))?;
    if check_only {
        return Ok(Restored { summary, kept: None, key });
    }
    let (summary, kept) = crate::vault::restore(file, &config.data_dir, now())?;
    Ok(Restored { summary, kept, key })
}

impl OperatorError {
    /// The server holds the vault (a restore needs it stopped).
    pub fn server_running(&self) -> bool {
        matches!(self, Self::Vault(VaultError::Locked { .. }))
    }
}
