//! The open-file limit: raised from its soft value to the hard one at start
//! (systemd's `LimitNOFILE=` sets both; a shell often gives 1,024 soft), so
//! connection caps, not the kernel, decide who is turned away.

/// Descriptors set aside for everything but the two listeners' connections:
/// the vault, spool and upload files, outbox connections (8 pooled, 32 direct
/// deliveries), DNS, the control socket, the metrics listener, TLS files.
pub const RESERVED_DESCRIPTORS: u64 = 128;

/// `wanted` HTTPS connections, or fewer so they fit in `open_files` after
/// SMTP's `smtp_connections` and `RESERVED_DESCRIPTORS` are set aside.
pub fn https_connections_that_fit(wanted: u32, open_files: u64, smtp_connections: u32) -> u32 {
    let fits = open_files.saturating_sub(RESERVED_DESCRIPTORS + u64::from(smtp_connections));
    u32::try_from(u64::from(wanted).min(fits)).unwrap_or(wanted).max(1)
}

/// The soft limit after raising it as far as allowed (1,024 if it cannot be read).
pub fn raise_open_files() -> u64 {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: `limit` is a valid rlimit for the kernel to fill.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &raw mut limit) } != 0 {
        return 1024;
    }
    if limit.rlim_cur < limit.rlim_max {
        let raised = libc::rlimit {
            rlim_cur: limit.rlim_max,
            rlim_max: limit.rlim_max,
        };
        // SAFETY: `raised` is a valid rlimit; the kernel only reads it.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raw const raised) } == 0 {
            tracing::debug!(from = limit.rlim_cur, to = limit.rlim_max, "open-file limit raised");
            limit.rlim_cur = limit.rlim_max;
        } else {
            tracing::warn!(soft = limit.rlim_cur, hard = limit.rlim_max, "open-file limit could not be raised");
        }
    }
    limit.rlim_cur
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_connections_are_kept_within_the_open_file_limit() {
        assert_eq!(https_connections_that_fit(1000, 65_536, 200), 1000);
        assert_eq!(https_connections_that_fit(5_000, 1_024, 200), 1_024 - 128 - 200);
        assert_eq!(https_connections_that_fit(5_000, 100, 200), 1);
    }
}
