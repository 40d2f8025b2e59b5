//! Cloister: SMTP intake, the isolation vault, the portal and the notifier.
//! The binary (`main.rs`) runs `commands::dispatch`; the fuzz targets under
//! `tests/fuzz` call the entry points in `fuzzing`. Nothing else is exported.

mod admin_command;
mod auth;
mod check_command;
mod cli;
mod commands;
mod config;
mod connections;
mod control;
mod crypto;
mod fd_limit;
mod i18n;
mod listing_command;
mod mail;
mod memory;
mod metrics;
mod model;
mod net;
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

pub mod fuzzing;

pub use cli::Cli;
pub use commands::dispatch;
