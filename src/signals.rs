//! Signals: SIGTERM and SIGINT stop; SIGHUP reloads the configuration and
//! certificates by checking the new configuration in a child process
//! (`check-config` with our own arguments) and, when it is good, stopping
//! gracefully and executing ourselves again in place (same PID, so systemd
//! and scripts keep track). A bad configuration is logged and ignored.

use std::os::unix::process::CommandExt as _;

/// Blocks SIGTERM, SIGINT and SIGHUP in every thread; `receiver` then takes them.
pub fn block() -> libc::sigset_t {
    // SAFETY: plain libc signal-mask calls on a zeroed, initialised sigset.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&raw mut set);
        libc::sigaddset(&raw mut set, libc::SIGTERM);
        libc::sigaddset(&raw mut set, libc::SIGINT);
        libc::sigaddset(&raw mut set, libc::SIGHUP);
        libc::pthread_sigmask(libc::SIG_BLOCK, &raw const set, std::ptr::null_mut());
        set
    }
}

/// Every blocked signal as it arrives.
pub fn receiver(set: libc::sigset_t) -> async_channel::Receiver<i32> {
    let (tx, rx) = async_channel::unbounded();
    std::thread::spawn(move || {
        loop {
            let mut sig = 0;
            // SAFETY: `set` is a valid sigset blocked in all threads.
            unsafe { libc::sigwait(&raw const set, &raw mut sig) };
            if tx.send_blocking(sig).is_err() {
                return;
            }
        }
    });
    rx
}

/// Waits for a reason to stop: false for SIGTERM/SIGINT, true for a SIGHUP
/// whose new configuration checked out.
pub async fn wait_for_stop(signals: &async_channel::Receiver<i32>) -> bool {
    loop {
        let sig = signals.recv().await.unwrap_or(libc::SIGTERM);
        if sig != libc::SIGHUP {
            return false;
        }
        match smol::unblock(check_new_config).await {
            Ok(()) => return true,
            Err(why) => {
                tracing::error!(%why, "SIGHUP: the configuration has problems; still running with the old one");
            }
        }
    }
}

/// Our arguments without the `serve` command (it is the default).
fn arguments() -> Vec<std::ffi::OsString> {
    std::env::args_os().skip(1).filter(|a| a != "serve").collect()
}

/// Runs `cloister check-config` with our arguments; Err with what it said.
fn check_new_config() -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find our own binary: {e}"))?;
    let out = std::process::Command::new(exe)
        .arg("check-config")
        .arg("--offline")
        .args(arguments())
        .output()
        .map_err(|e| format!("cannot run check-config: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// Replaces this process with a fresh `serve` (same PID); returns only on failure.
pub fn restart_in_place() -> anyhow::Error {
    // The mask is inherited across exec; the new process sets it up itself.
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return anyhow::anyhow!("restart after SIGHUP: cannot find our own binary: {e}"),
    };
    let err = std::process::Command::new(exe).arg("serve").args(arguments()).exec();
    anyhow::anyhow!("restart after SIGHUP failed: {err}")
}
