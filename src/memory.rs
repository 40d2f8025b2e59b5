//! The allocator gives freed memory back. glibc's malloc raises its mmap and
//! trim thresholds as a process frees large blocks (up to 32 MiB per arena),
//! so after a burst of mail each worker thread's arena kept what it had freed,
//! above all the 19 MiB of argon2id work memory of every first-contact
//! password it had hashed: 2,000 messages of 10 KB over 8 SMTP sessions left
//! the server at 470 MB resident, 1,200 to 120 new partners at 1.3 GB (idle:
//! 13 MB), for good. Fixed thresholds stop that growth: blocks over 4 MiB
//! (argon2's among them) are mapped and unmapped on their own, and free memory
//! over 4 MiB at the top of a heap is returned. On a 4 GB Raspberry Pi the
//! appliance shares with other services, that is the difference. Measured
//! (release, 2,000 messages to 40 new partners): 470 MB → 43 MB resident; the
//! intake benchmark showed no cost at 4 MiB (2.72–2.81 s per 5,000 against
//! 2.67–3.17 s without), where 128 KiB (glibc's starting value) cost ~20%.

/// Sets the thresholds (glibc only; other allocators manage their own).
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const THRESHOLD: libc::c_int = 4 * 1024 * 1024;
        // SAFETY: mallopt only sets allocator parameters; called at start,
        // before the worker threads exist.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, THRESHOLD);
        }
    }
}
