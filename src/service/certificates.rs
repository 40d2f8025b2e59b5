//! Keeps an ACME certificate (`tls.mode = "acme"`): obtained once the
//! listeners answer, renewed ahead of expiry, each outcome an event. A failure
//! never takes the portal down: the certificate served stays until a new one
//! is in hand, and the next try backs off (1 min, doubling, at most 6 h).

use std::sync::Arc;
use std::time::Duration;

use super::{Context, now};
use crate::model::What;
use crate::tls::{Tls, acme};
use crate::vault::WriteOp;

/// Longest time between two looks at a certificate that is not due (the
/// names may change with a reload; a CA may revoke).
const CHECK_EVERY: Duration = Duration::from_hours(6);
/// Longest wait after failures, in minutes.
const MOST_BACKOFF_MINUTES: u64 = 360;

/// Runs for as long as the server does.
pub async fn keep(ctx: Context, tls: Arc<Tls>) {
    let mut failures: u32 = 0;
    loop {
        let mut wait = None;
        if let Some(reason) = acme::due(&ctx.config, now()) {
            match attempt(&ctx, &tls, &reason).await {
                Ok(()) => failures = 0,
                Err(error) => {
                    failures = failures.saturating_add(1);
                    let minutes = backoff_minutes(failures);
                    tracing::error!(%error, retry_minutes = minutes, "could not get a certificate from the ACME CA; the current one keeps serving");
                    record(
                        &ctx,
                        What::CertificateFailed {
                            error,
                            retry_minutes: minutes,
                        },
                    )
                    .await;
                    wait = Some(Duration::from_secs(minutes * 60));
                }
            }
        }
        // Otherwise until it is due (a short-lived certificate soon), at most CHECK_EVERY.
        let wait = wait.unwrap_or_else(|| Duration::from_secs(acme::seconds_until_due(&ctx.config, now()).max(1)).min(CHECK_EVERY));
        smol::Timer::after(wait).await;
    }
}

/// Minutes before the next try after `failures` failures in a row.
fn backoff_minutes(failures: u32) -> u64 {
    (1u64 << failures.saturating_sub(1).min(16)).min(MOST_BACKOFF_MINUTES)
}

/// One order: the new certificate installed and its event written.
async fn attempt(ctx: &Context, tls: &Tls, reason: &str) -> Result<(), String> {
    tracing::info!(%reason, directory = %ctx.config.tls.acme.directory, "asking the ACME CA for a certificate");
    let key = acme::obtain(&ctx.config, &tls.challenges).await?;
    tls.install(key);
    let not_after = crate::tls::certificate_expiry(&ctx.config).unwrap_or_default();
    let names = acme::names(&ctx.config);
    tracing::info!(names = %names.join(", "), not_after, "ACME certificate installed; served from now on");
    let reason = reason.to_string();
    record(ctx, What::CertificateIssued { names, not_after, reason }).await;
    Ok(())
}

async fn record(ctx: &Context, what: What) {
    if let Err(e) = ctx.vault.write(WriteOp::SystemEvent { what, at: now() }).await {
        tracing::error!(error = %e, "recording a certificate event failed");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tries_back_off_from_a_minute_to_six_hours() {
        let waits: Vec<u64> = (1..=12).map(super::backoff_minutes).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
    }
}
