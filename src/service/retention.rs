//! The retention and expiry job: run hourly by `serve` and on demand by
//! `cloister purge [--dry-run]`. Each run logs what it removed.

use std::time::Duration;

use serde_json::{Value, json};

use super::StoreError;
use crate::config::Config;
use crate::vault::{PurgeLimits, PurgePlan, Vault, WriteOp};

/// How often `serve` runs the job (and first, this long after start).
pub const EVERY: Duration = Duration::from_hours(1);
pub const FIRST_AFTER: Duration = Duration::from_mins(1);
/// How often `serve` marks expiries that came due.
pub const EXPIRE_EVERY: Duration = Duration::from_mins(1);
/// Messages handled per write transaction.
const CHUNK: usize = 200;

/// The limits `config` sets, as of `now`.
pub fn limits(config: &Config, now: i64) -> PurgeLimits {
    PurgeLimits {
        now,
        retention_secs: i64::from(config.messages.retention_days) * 86_400,
        // Kept a while after running out: a draft posted meanwhile is still saved (`accounts::lapsed_session`).
        portal_idle_secs: config.portal.idle_secs() + super::accounts::LAPSED_KEPT_SECS,
        portal_max_secs: i64::from(config.portal.session_max_hours) * 3600 + super::accounts::LAPSED_KEPT_SECS,
        admin_idle_secs: config.admin.idle_secs(),
        admin_max_secs: i64::from(config.admin.session_max_hours) * 3600,
    }
}

/// What a plan holds, as `cloister purge` prints it.
pub fn summary(plan: &PurgePlan, done: bool) -> Value {
    let ids = |v: &mut dyn Iterator<Item = u64>| v.map(super::intake::queue_id_text).collect::<Vec<_>>();
    json!({
        "done": done,
        "expired": ids(&mut plan.expire.iter().copied()),
        "purged": ids(&mut plan.purge.iter().map(|(id, _)| *id)),
        "purged_bytes": plan.purge.iter().map(|(_, size)| size).sum::<u64>(),
        "sessions": plan.sessions.len(),
        "admin_sessions": plan.admin_sessions.len(),
        "reset_links": plan.reset_tokens.len(),
        "sign_in_codes": plan.sign_in_codes.len(),
    })
}

/// Works out what is due and removes it (in chunks); returns what was due.
pub async fn run(vault: &Vault, limits: PurgeLimits) -> Result<PurgePlan, StoreError> {
    let plan = {
        let vault = vault.clone();
        smol::unblock(move || vault.purge_plan(&limits)).await?
    };
    for chunk in chunks(&plan) {
        vault
            .write(WriteOp::Purge {
                plan: Box::new(chunk),
                limits,
            })
            .await?;
    }
    if !plan.is_empty() {
        tracing::info!(
            expired = plan.expire.len(),
            purged = plan.purge.len(),
            purged_bytes = plan.purge.iter().map(|(_, s)| s).sum::<u64>(),
            sessions = plan.sessions.len(),
            admin_sessions = plan.admin_sessions.len(),
            reset_links = plan.reset_tokens.len(),
            sign_in_codes = plan.sign_in_codes.len(),
            "retention job removed what was due"
        );
    }
    Ok(plan)
}

/// The plan split so no transaction handles more than `CHUNK` messages.
fn chunks(plan: &PurgePlan) -> Vec<PurgePlan> {
    let mut out = vec![PurgePlan {
        sessions: plan.sessions.clone(),
        admin_sessions: plan.admin_sessions.clone(),
        reset_tokens: plan.reset_tokens.clone(),
        sign_in_codes: plan.sign_in_codes.clone(),
        ..PurgePlan::default()
    }];
    for part in plan.expire.chunks(CHUNK) {
        out.push(PurgePlan {
            expire: part.to_vec(),
            ..PurgePlan::default()
        });
    }
    for part in plan.purge.chunks(CHUNK) {
        out.push(PurgePlan {
            purge: part.to_vec(),
            ..PurgePlan::default()
        });
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Marks the expiries that came due (from the vault's index of them), so
/// the monitor shows a message expired within a minute; how many it marked.
pub async fn expire_due(vault: &Vault, limits: PurgeLimits) -> Result<usize, StoreError> {
    let mut marked = 0;
    // Each round marks or re-files what it read, so the next reads others;
    // the bound only guards against a vault that does not.
    for _ in 0..1000 {
        let due = {
            let vault = vault.clone();
            smol::unblock(move || vault.due_expiries(limits.now, CHUNK)).await?
        };
        if due.is_empty() {
            return Ok(marked);
        }
        marked += due.len();
        let plan = PurgePlan {
            expire: due,
            ..PurgePlan::default()
        };
        vault
            .write(WriteOp::Purge {
                plan: Box::new(plan),
                limits,
            })
            .await?;
    }
    Ok(marked)
}

/// Runs the whole job every `EVERY` and marks due expiries every
/// `EXPIRE_EVERY`, until the task is dropped.
pub async fn schedule(vault: Vault, config: std::sync::Arc<Config>) {
    let mut next_run = std::time::Instant::now() + FIRST_AFTER;
    loop {
        smol::Timer::after(EXPIRE_EVERY).await;
        let limits = limits(&config, super::now());
        if std::time::Instant::now() >= next_run {
            next_run += EVERY;
            if let Err(e) = run(&vault, limits).await {
                tracing::error!(error = %e, "retention job failed; it runs again in an hour");
            }
            if let Err(e) = super::drafts::expire(&vault, config.portal.draft_keep_days).await {
                tracing::error!(error = %e, "removing old drafts failed; tried again in an hour");
            }
        } else if let Err(e) = expire_due(&vault, limits).await {
            tracing::error!(error = %e, "marking due expiries failed; tried again in a minute");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_split_so_no_write_takes_too_many_messages() {
        let plan = PurgePlan {
            expire: (0..450).collect(),
            purge: (0..10).map(|i| (i, 1)).collect(),
            sessions: vec!["a".into()],
            ..PurgePlan::default()
        };
        let parts = chunks(&plan);
        assert_eq!(parts.len(), 1 + 3 + 1);
        assert!(parts.iter().all(|p| p.expire.len() + p.purge.len() <= CHUNK));
        assert_eq!(parts.iter().map(|p| p.expire.len()).sum::<usize>(), 450);
        assert!(chunks(&PurgePlan::default()).is_empty());
    }
}
