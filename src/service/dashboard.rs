//! The admin console's home: the figures an admin looks at first, each read
//! from something kept (day counters, the monitor's day counts, table
//! lengths, a bounded walk back through the last day's audit) so the page
//! costs the same on a vault of 300,000 messages as on an empty one.

use super::audit::Kind;
use super::monitor::first_id_at;
use super::tracking::Status;
use super::{Context, StoreError};
use crate::vault::OutboxHealth;

/// Audit events walked back through the last 24 hours at most (past that the
/// sign-in figures are the least there were).
pub const AUDIT_WALK_CAP: usize = 20_000;
const DAY: i64 = 86_400;

/// Secure messages written by the organisation (held from mail) and by
/// partners (written in the portal).
#[derive(Debug, Default, Clone, Copy)]
pub struct Traffic {
    pub outbound: u64,
    pub inbound: u64,
}

/// Failed sign-ins and lockouts of the last 24 hours.
#[derive(Debug, Default, Clone, Copy)]
pub struct SignIns {
    pub failed: u64,
    pub admin_failed: u64,
    pub lockouts: u64,
    /// The walk stopped at `AUDIT_WALK_CAP`: the figures are the least there were.
    pub capped: bool,
}

#[derive(Debug, Default, Clone, Copy)]
/// The vault file and the file system it lives on, in bytes.
pub struct Disk {
    pub vault: u64,
    pub free: Option<u64>,
    pub total: Option<u64>,
}

pub struct Dashboard {
    /// UTC day numbers of today and of the first of the last seven days.
    pub today: i64,
    pub week_first: i64,
    pub traffic_today: Traffic,
    pub traffic_week: Traffic,
    /// Messages received in the last seven days, per status.
    pub week_status: Vec<(Status, u64)>,
    pub outbox: OutboxHealth,
    /// Unix time the server certificate stops being valid.
    pub cert_expires: Option<i64>,
    pub sign_ins: SignIns,
    pub disk: Disk,
}

/// Reads every figure of the dashboard at `at` (unix seconds).
pub fn read(ctx: &Context, at: i64) -> Result<Dashboard, StoreError> {
    let today = at.div_euclid(DAY);
    let week_first = today - 6;
    let report = super::report::report(ctx, week_first, today)?;
    let traffic_today = report.days.last().map_or_else(Traffic::default, |d| Traffic {
        outbound: u64::from(d.outbound),
        inbound: u64::from(d.inbound),
    });
    let traffic_week = Traffic {
        outbound: report.outbound,
        inbound: report.inbound,
    };
    let counts = ctx.vault.status_counts((first_id_at(week_first * DAY), u64::MAX))?;
    let week_status = Status::ALL.iter().map(|s| (*s, counts[usize::from(s.code())])).collect();
    Ok(Dashboard {
        today,
        week_first,
        traffic_today,
        traffic_week,
        week_status,
        outbox: super::monitor::outbox_waiting(ctx, at)?,
        cert_expires: crate::tls::certificate_expiry(&ctx.config),
        sign_ins: sign_ins_since(ctx, at - DAY)?,
        disk: disk(ctx),
    })
}

fn sign_ins_since(ctx: &Context, since: i64) -> Result<SignIns, StoreError> {
    let mut s = SignIns::default();
    s.capped = ctx
        .vault
        .walk_events_since(0, since.saturating_mul(1000), AUDIT_WALK_CAP, |e| match Kind::of(e) {
            Kind::SignInFailed => s.failed += 1,
            Kind::AdminSignInFailed => s.admin_failed += 1,
            Kind::Lockout => s.lockouts += 1,
            _ => {}
        })?;
    Ok(s)
}

fn disk(ctx: &Context) -> Disk {
    let (free, total) = file_system_space(&ctx.config.data_dir).unzip();
    Disk {
        vault: super::health::vault_file_bytes(ctx),
        free,
        total,
    }
}

/// (bytes free to an unprivileged user, total bytes) of the file system holding `dir`.
fn file_system_space(dir: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::ffi::OsStrExt as _;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: statvfs is plain data; zeroed is a valid value for it.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is NUL-terminated and `st` is valid for writes.
    if unsafe { libc::statvfs(path.as_ptr(), &raw mut st) } != 0 {
        return None;
    }
    // c_ulong and fsblkcnt_t are 32 bits wide on 32-bit targets.
    #[allow(clippy::useless_conversion)]
    let block = u64::from(st.f_frsize);
    #[allow(clippy::useless_conversion)]
    let (available, blocks) = (u64::from(st.f_bavail), u64::from(st.f_blocks));
    Some((available.saturating_mul(block), blocks.saturating_mul(block)))
}
