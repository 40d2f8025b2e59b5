//! Command-line interface.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::Overrides;

#[derive(Parser, Debug)]
#[command(
    name = "cloister",
    version,
    about = "Secure-message appliance: SMTP intake, isolation vault, HTTPS portal"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args, Debug, Clone)]
pub struct Global {
    /// Config file (default: ./cloister.toml when it exists).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Override `data_dir`.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Override any setting, e.g. `--set smtp.listen=127.0.0.1:2526` (repeatable).
    #[arg(long = "set", global = true, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
}

impl Global {
    pub fn overrides(&self) -> Overrides {
        Overrides {
            config_file: self.config.clone(),
            data_dir: self.data_dir.clone(),
            set: self.set.clone(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the appliance (the default).
    Serve,
    /// Write a commented cloister.toml (defaults commented out) and create the data directory.
    Init {
        /// Directory for cloister.toml (its data dir goes beside it unless --data-dir says otherwise).
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Replace an existing cloister.toml.
        #[arg(long)]
        force: bool,
        /// Write only cloister.toml: no data directory, no DKIM key (for installers).
        #[arg(long)]
        config_only: bool,
    },
    /// Validate the configuration and print every effective setting with its
    /// source; the directory and the OpenID provider, when configured, are
    /// asked once (a warning for one that does not answer).
    CheckConfig {
        /// Ask no server (a reload's check: a directory down must not delay it).
        #[arg(long)]
        offline: bool,
    },
    /// Print the version.
    Version,
    /// Print the local CA certificate (tls.mode = "auto") for mail servers and browsers to trust.
    Ca,
    /// List messages held in the vault, oldest first (streamed as read).
    Messages {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        list: ListArgs,
    },
    /// List outbox rows (pending and dead-lettered).
    Outbox {
        #[command(subcommand)]
        action: Option<OutboxAction>,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        list: ListArgs,
    },
    /// List the audit (events about no message: sign-ins and refusals,
    /// lockouts, passwords, admin changes), oldest first (streamed as read).
    Audit {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one message (held or relayed): its record, event log and stored bytes, as JSON.
    Show {
        /// Queue id as printed by `messages`.
        id: String,
    },
    /// Read a password on stdin and print its argon2id hash (for `smtp.auth_users`).
    HashPassword,
    /// Print the DKIM DNS record to publish (generates the key on first use).
    Dkim,
    /// Notification templates.
    Notify {
        #[command(subcommand)]
        action: NotifyAction,
    },
    /// Enforce expiry and retention now (serve does it hourly): mark expired
    /// messages, remove messages past `messages.retention_days`, stale sessions,
    /// reset links and sign-in codes.
    Purge {
        /// Only print what is due.
        #[arg(long)]
        dry_run: bool,
    },
    /// Where the vault file's bytes go: rows, stored and page bytes per table.
    Storage {
        #[arg(long)]
        json: bool,
    },
    /// Give the vault file's free pages back (works while serving: reads and
    /// writes wait until it is done, so pick a quiet time).
    Compact,
    /// Write a consistent copy of the vault to FILE (works while serving).
    Backup {
        /// The new file (must not exist).
        file: PathBuf,
    },
    /// Put a backup in place of the vault (stop the server first); the current
    /// vault is kept beside it. With --check, only read the backup and report.
    Restore {
        file: PathBuf,
        #[arg(long)]
        check: bool,
    },
    /// The master key that wraps every message's key.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Admin console accounts.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Portal accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
        /// Print JSON instead of a table.
        #[arg(long, global = true)]
        json: bool,
        #[command(flatten)]
        list: ListArgs,
    },
}

/// Which rows a listing prints (all by default). Rows are streamed as they
/// are read: a listing of any size holds a few hundred rows at a time.
#[derive(Args, Debug, Clone, Default)]
pub struct ListArgs {
    /// Only rows from this day on (YYYY-MM-DD, UTC): messages accepted,
    /// outbox rows and accounts made, audit events.
    #[arg(long, value_name = "DATE", global = true)]
    pub since: Option<String>,
    /// Only these statuses; repeat or separate with commas. Messages: sent,
    /// read, recalled, extended, expired, ordinary. Outbox rows: pending, dead.
    /// Audit events, by kind: sign-in, sign-in-failed, lockout, password,
    /// admin-sign-in, admin-sign-in-failed, admin-change, account.
    #[arg(long, value_name = "STATUS", value_delimiter = ',', global = true)]
    pub status: Vec<String>,
    /// At most this many rows.
    #[arg(long, value_name = "N", global = true)]
    pub limit: Option<u64>,
}

#[derive(Subcommand, Debug)]
pub enum UserAction {
    /// List accounts.
    List,
    /// Create an account without a password (no mail is sent). The user signs
    /// in with an emailed sign-in code, or sets a password with "Forgot password".
    Add {
        /// The user's email address.
        address: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminAction {
    /// List admins.
    List,
    /// Create an admin: prints a generated password (or reads one line from
    /// stdin with --password-stdin) and the TOTP secret to add to an authenticator app.
    Add {
        /// Sign-in name: a-z, 0-9, `.`, `_`, `-`.
        name: String,
        /// Read the password from the first line of stdin instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove an admin and end their sessions (e.g. one who lost their
    /// authenticator: remove, then add again).
    Remove { name: String },
}

#[derive(Subcommand, Debug)]
pub enum KeysAction {
    /// Print the master key (64 hex digits) for an escrow copy kept offline,
    /// after checking that it is the key the vault is sealed under.
    Export,
    /// Make a new master key and re-wrap every message's key under it, while
    /// the server runs (or on a stopped vault). The old key file is kept as
    /// `<file>.retired-<time>`: backups made before need it. Needs the key in
    /// a file (`keys.master_key_file`).
    Rotate,
}

#[derive(Subcommand, Debug)]
pub enum OutboxAction {
    /// List pending and dead-lettered rows (the default).
    List,
    /// Put a dead-lettered row back in the queue.
    Retry {
        /// Row id as printed by `outbox`.
        id: u64,
    },
}

#[derive(Subcommand, Debug)]
pub enum NotifyAction {
    /// Render a template with sample data: text to stdout, HTML to a file.
    Preview {
        /// `secure_message`, `first_contact`, `password_reset`, `sign_in_code`, `read_receipt`, `delivery_failure`
        kind: String,
        /// Also write the HTML part to this file.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// In this language (`en`, `de`, `fr`, `es`, `nl`; default: `portal.default_language`).
        #[arg(long, value_name = "CODE")]
        language: Option<String>,
    },
}
