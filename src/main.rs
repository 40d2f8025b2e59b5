//! Cloister: one binary for SMTP intake, the isolation vault, the portal and the notifier.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    if std::env::var_os("SMOL_THREADS").is_none() {
        let n = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        // SAFETY: no other thread exists yet.
        unsafe { std::env::set_var("SMOL_THREADS", n.to_string()) };
    }
    explain_storage_panics();
    let cli = cloister::Cli::parse();
    cloister::dispatch(cli)
}

/// A panic inside the storage engine means a damaged vault file: say so, and
/// how to come back, before the usual panic message (release builds abort).
fn explain_storage_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.location().is_some_and(|l| l.file().contains("redb")) {
            eprintln!(
                "cloister: the vault file (vault.redb in the data directory) is damaged: the storage engine \
                 stopped on it. Put a backup in its place with `cloister restore FILE` (the damaged file is \
                 kept beside it); `cloister restore --check FILE` tells whether a backup is usable."
            );
        }
        default(info);
    }));
}
