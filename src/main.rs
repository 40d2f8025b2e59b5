//! Cloister: one binary for SMTP intake, the isolation vault, the portal and the notifier.

mod admin_command;
mod auth;
mod cli;
mod commands;
mod config;
mod control;
mod fd_limit;
mod mail;
mod metrics;
mod notify;
mod outbox;
mod policy;
mod server;
mod service;
mod signals;
mod smtp;
mod systemd;
mod tls;
mod vault;
mod web;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    if std::env::var_os("SMOL_THREADS").is_none() {
        let n = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        // SAFETY: no other thread exists yet.
        unsafe { std::env::set_var("SMOL_THREADS", n.to_string()) };
    }
    let cli = cli::Cli::parse();
    commands::dispatch(cli)
}
