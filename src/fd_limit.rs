//! The open-file limit: raised from its soft value to the hard one at start
//! (systemd's `LimitNOFILE=` sets both; a shell often gives 1,024 soft), so
//! connection caps, not the kernel, decide who is turned away.

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
