//! Liveness, readiness and the scrape-time part of the metrics.

use super::{Context, now};
use crate::metrics::Snapshot;
use crate::vault::{OutboxHealth, VaultError};

/// A pending outbox row due longer ago than this means the worker is stuck.
pub const STUCK_AFTER_SECS: i64 = 300;

/// Ok when the vault answers (its writer alive and committing, its newest
/// records decoding) and the outbox keeps up; otherwise the reasons.
pub fn readiness(ctx: &Context) -> Result<(), Vec<String>> {
    if let Err(e) = ctx.vault.self_check() {
        return Err(vec![format!("vault not usable: {e}")]);
    }
    verdict(ctx.vault.outbox_health(now() - STUCK_AFTER_SECS))
}

fn verdict(outbox: Result<OutboxHealth, VaultError>) -> Result<(), Vec<String>> {
    match outbox {
        Ok(h) if h.overdue == 0 => Ok(()),
        Ok(h) => Err(vec![format!(
            "outbox stuck: {} row(s) due more than {STUCK_AFTER_SECS} s ago are not being sent",
            h.overdue
        )]),
        Err(e) => Err(vec![format!("vault not readable: {e}")]),
    }
}

/// The size of the vault file on disk (0 when it cannot be read).
pub fn vault_file_bytes(ctx: &Context) -> u64 {
    std::fs::metadata(ctx.config.data_dir.join("vault.redb")).map_or(0, |m| m.len())
}

/// What the metrics read from the vault and the disk.
pub fn snapshot(ctx: &Context) -> Snapshot {
    let h = ctx.vault.outbox_health(i64::MIN).unwrap_or_default();
    let vault_bytes = vault_file_bytes(ctx);
    Snapshot {
        outbox_pending: h.pending,
        outbox_dead: h.dead,
        outbox_oldest_secs: h.oldest_created.map_or(0, |t| u64::try_from(now() - t).unwrap_or(0)),
        vault_bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_unless_rows_wait_past_due_or_the_vault_fails() {
        let fine = OutboxHealth {
            pending: 3,
            dead: 1,
            oldest_created: Some(1),
            overdue: 0,
        };
        assert!(verdict(Ok(fine)).is_ok(), "pending and dead rows alone are no reason");
        let stuck = OutboxHealth { overdue: 2, ..fine };
        let why = verdict(Ok(stuck)).unwrap_err();
        assert!(why[0].starts_with("outbox stuck: 2 row(s)"), "{why:?}");
        let broken = verdict(Err(VaultError::WriterGone)).unwrap_err();
        assert!(broken[0].starts_with("vault not readable"), "{broken:?}");
    }
}
