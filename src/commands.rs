//! What each subcommand does.

use std::io::Read as _;
use std::process::ExitCode;

use crate::cli::{AdminAction, Cli, Command, KeysAction, NotifyAction, OutboxAction, UserAction};
use crate::config::{self, Config, LoadedConfig, LogFormat};
use crate::control::{self, Request};
use crate::listing_command;

/// The documented sample, also what `cloister init` writes.
pub const SAMPLE_CONFIG: &str = include_str!("../appliance/cloister.toml");

pub fn dispatch(cli: Cli) -> ExitCode {
    let overrides = cli.global.overrides();
    let command = cli.command.unwrap_or(Command::Serve);
    match command {
        Command::Version => {
            println!("cloister {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Init { dir, force, config_only } => init(&dir, force, config_only, &overrides),
        Command::HashPassword => hash_password(),
        other => match config::load(&overrides) {
            Ok(loaded) => with_config(other, loaded),
            Err(errors) => config_errors(&errors),
        },
    }
}

fn config_errors(errors: &[config::ConfigError]) -> ExitCode {
    eprintln!("cloister: the configuration has {} problem(s):", errors.len());
    for e in errors {
        eprintln!("  - {e}");
    }
    ExitCode::from(2)
}

/// Commands that make keys or certificates in the data dir refuse to make
/// them where nobody meant: no config file found and no data dir named, and
/// the default `./cloister-data` not there.
fn nowhere_meant(command: &Command, loaded: &LoadedConfig) -> Option<String> {
    let makes_files = matches!(command, Command::Ca | Command::Dkim);
    let dir = &loaded.config.data_dir;
    (makes_files && loaded.file.is_none() && loaded.source_of("data_dir") == "default" && !dir.exists()).then(|| {
        let cwd = std::env::current_dir().map_or_else(|_| ".".into(), |d| d.display().to_string());
        format!(
            "no configuration found (no --config, no {} in {cwd}) and no data directory at {}: \
             run this where cloister.toml is, or pass --config FILE or --data-dir DIR \
             (nothing was created)",
            config::DEFAULT_FILE,
            dir.display()
        )
    })
}

fn with_config(command: Command, loaded: LoadedConfig) -> ExitCode {
    if let Some(why) = nowhere_meant(&command, &loaded) {
        return fail(&why);
    }
    match command {
        Command::Serve => {
            init_logging(&loaded.config);
            match crate::server::run(loaded) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("cloister: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::CheckConfig { offline } => crate::check_command::check_config(&loaded, !offline),
        Command::Ca => print_ca(&loaded.config),
        Command::Messages { json, list } => listing_command::messages(&loaded.config, &list, json),
        Command::Audit { json, list } => listing_command::audit(&loaded.config, &list, json),
        Command::Outbox {
            action: None | Some(OutboxAction::List),
            json,
            list,
        } => listing_command::outbox(&loaded.config, &list, json),
        Command::Outbox {
            action: Some(OutboxAction::Retry { id }),
            ..
        } => operator_query(&loaded.config, &Request::Retry { id }, true),
        Command::Dkim => print_dkim(&loaded.config),
        Command::Notify {
            action: NotifyAction::Preview { kind, html, language },
        } => preview(&loaded.config, &kind, html.as_deref(), language.as_deref()),
        Command::User {
            action: UserAction::List,
            json,
            list,
        } => listing_command::users(&loaded.config, &list, json),
        Command::User {
            action: UserAction::Add { address },
            ..
        } => add_user(&loaded.config, &address),
        Command::Backup { file } => match std::path::absolute(&file) {
            Ok(path) => operator_query(&loaded.config, &Request::Backup { path }, true),
            Err(e) => fail(&format!("{}: {e}", file.display())),
        },
        Command::Compact => operator_query(&loaded.config, &Request::Compact, true),
        Command::Keys {
            action: KeysAction::Rotate,
        } => operator_query(&loaded.config, &Request::RotateKey, true),
        Command::Keys {
            action: KeysAction::Export,
        } => export_key(&loaded.config),
        Command::Storage { json } => operator_query(&loaded.config, &Request::Storage, json),
        Command::Restore { file, check } => restore(&loaded.config, &file, check),
        Command::Purge { dry_run } => operator_query(&loaded.config, &Request::Purge { dry_run }, true),
        Command::Admin { action: AdminAction::List } => operator_query(&loaded.config, &Request::AdminList, true),
        Command::Admin {
            action: AdminAction::Remove { name },
        } => operator_query(
            &loaded.config,
            &Request::AdminRemove {
                name: name.trim().to_ascii_lowercase(),
            },
            true,
        ),
        Command::Admin {
            action: AdminAction::Add { name, password_stdin },
        } => crate::admin_command::add(&loaded.config, &name, password_stdin),
        Command::Show { id } => operator_query(&loaded.config, &Request::Show { message_id: id }, true),
        Command::Version | Command::Init { .. } | Command::HashPassword => unreachable!("handled before loading config"),
    }
}

/// `cloister ca`: the local CA's certificate (auto mode only).
fn print_ca(config: &Config) -> ExitCode {
    match config.tls.mode {
        config::TlsMode::Auto => match crate::tls::ca_pem(config) {
            Ok(pem) => {
                print!("{pem}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        },
        config::TlsMode::Files => fail("tls.mode is \"files\": the certificate authority is yours, not Cloister's"),
        config::TlsMode::Acme => fail(&format!(
            "tls.mode is \"acme\": the certificate comes from {} (trusted as that CA is); the local CA only stands in until it is issued",
            config.tls.acme.directory
        )),
    }
}

/// `cloister dkim`: the DNS record to publish (the key is made on first use).
fn print_dkim(config: &Config) -> ExitCode {
    match crate::notify::dkim::Dkim::load_or_create(config) {
        Ok(d) => {
            println!("; publish in the DNS zone of {} (key: {})", d.domain, d.key_path.display());
            println!("{}", d.dns_record());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

fn add_user(config: &Config, address: &str) -> ExitCode {
    let address = address.trim().to_ascii_lowercase();
    if address.len() > 254 || !crate::service::send::valid_address(&address) {
        return fail(&format!("{address:?} is not an email address like someone@example.org"));
    }
    let internal = config.is_internal(&address);
    let request = Request::UserAdd { address: address.clone() };
    match control::ask(config, &request) {
        Ok(_) => {
            let kind = if internal { "internal" } else { "external" };
            println!("created {kind} account {address}; no mail was sent.");
            println!(
                "They sign in at {} with an emailed sign-in code, or set a password with \"Forgot password?\".",
                config.public_url()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn restore(config: &Config, file: &std::path::Path, check_only: bool) -> ExitCode {
    match crate::service::operator::restore(config, file, check_only) {
        Ok(crate::service::operator::Restored { summary, kept, key }) => {
            let verb = if check_only { "backup is readable" } else { "restored" };
            println!(
                "{verb}: {} (schema {}, {} messages, {} accounts, {} events, {} bytes); {key}",
                summary.path, summary.schema, summary.messages, summary.accounts, summary.events, summary.bytes
            );
            if let Some(kept) = kept {
                println!("the previous vault is kept as {}", kept.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) if e.server_running() => fail("the server is running: stop it first (systemctl stop cloister), then restore"),
        Err(e) => fail(&format!("{}: {e}", file.display())),
    }
}

/// Prints the master key after checking it against the vault, with a warning.
fn export_key(config: &Config) -> ExitCode {
    let served = match control::query(&config.data_dir, &Request::KeyCheck) {
        Ok(Some(v)) => Some(crate::service::keys::Served {
            check_hex: v["check"].as_str().unwrap_or_default().to_string(),
            rotating: v["rotating"].as_bool().unwrap_or(false),
        }),
        Ok(None) => None,
        Err(e) => return fail(&e),
    };
    match crate::service::keys::export(config, served) {
        Ok((hex, place)) => {
            eprintln!(
                "cloister: this is the master key from {place}. With it, anyone holding the vault or a backup can read \
                 every held message. Keep this copy offline (a safe, a password manager), never beside the data or its backups."
            );
            println!("{hex}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Prints `message` as the command's error; the command failed.
pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("cloister: {message}");
    ExitCode::FAILURE
}

fn preview(config: &Config, kind: &str, html: Option<&std::path::Path>, language: Option<&str>) -> ExitCode {
    let Some(kind) = crate::notify::Kind::from_name(kind) else {
        let names: Vec<&str> = crate::notify::Kind::ALL.iter().map(|k| k.name()).collect();
        return fail(&format!("unknown kind {kind:?}; one of: {}", names.join(", ")));
    };
    let catalogues = match crate::i18n::Catalogues::load(&config.portal.default_language) {
        Ok(c) => std::sync::Arc::new(c),
        Err(e) => return fail(&e.to_string()),
    };
    let templates = match crate::notify::Templates::load(&config.notify.template_dir, &catalogues) {
        Ok(t) => t,
        Err(e) => return fail(&e.to_string()),
    };
    let lang = match language {
        None => catalogues.default_code(),
        Some(code) => match catalogues.languages().find(|(c, _)| *c == code) {
            Some((c, _)) => c,
            None => {
                return fail(&format!(
                    "no language {code:?}; one of: {}",
                    crate::i18n::shipped_codes().join(", ")
                ));
            }
        },
    };
    let sample = minijinja::value::merge_maps([minijinja::context! { lang }, kind.sample()]);
    match templates.render(kind, &sample) {
        Ok(r) => {
            println!("Subject: {}\n\n{}", r.subject, r.text);
            if let Some(path) = html {
                if let Err(e) = std::fs::write(path, r.html) {
                    return fail(&format!("{}: {e}", path.display()));
                }
                eprintln!("HTML part written to {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

fn operator_query(config: &Config, request: &Request, json: bool) -> ExitCode {
    match control::ask(config, request) {
        Ok(value) if json => {
            println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Ok(value) => {
            print_table(request, &value);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn print_table(request: &Request, value: &serde_json::Value) {
    if matches!(request, Request::Storage) {
        return print_storage(value);
    }
    let rows = value.as_array().cloned().unwrap_or_default();
    for row in &rows {
        println!("{row}");
    }
    println!("{} row(s)", rows.len());
}

fn init(dir: &std::path::Path, force: bool, config_only: bool, overrides: &config::Overrides) -> ExitCode {
    let path = dir.join("cloister.toml");
    if path.exists() && !force {
        return fail(&format!("{} exists; not overwriting it (use --force)", path.display()));
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(&format!("creating {}: {e}", dir.display()));
    }
    let absolute = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let data_dir = match &overrides.data_dir {
        Some(d) => std::path::absolute(d).unwrap_or_else(|_| d.clone()),
        None => absolute.join("cloister-data"),
    };
    let text = config::starter_file(SAMPLE_CONFIG, &data_dir.display().to_string());
    if let Err(e) = std::fs::write(&path, text) {
        return fail(&format!("writing {}: {e}", path.display()));
    }
    if config_only {
        println!("wrote {}", path.display());
        return ExitCode::SUCCESS;
    }
    let mut o = overrides.clone();
    o.config_file = Some(path.clone());
    match config::load(&o) {
        Ok(loaded) => {
            if let Err(e) = crate::server::ensure_data_dir(&loaded.config) {
                return fail(&format!("{e:#}"));
            }
            match crate::notify::dkim::Dkim::load_or_create(&loaded.config) {
                Ok(d) => println!("DKIM key {}; publish:\n{}", d.key_path.display(), d.dns_record()),
                Err(e) => return fail(&e.to_string()),
            }
            println!("wrote {}\ncreated {}", path.display(), loaded.config.data_dir.display());
            println!(
                "next: edit internal_domains and [relay], then `cloister serve --config {}`",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => config_errors(&errors),
    }
}

fn hash_password() -> ExitCode {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() || input.trim_end_matches(['\r', '\n']).is_empty() {
        return fail("give the password on standard input");
    }
    match crate::auth::password::hash(input.trim_end_matches(['\r', '\n'])) {
        Ok(h) => {
            println!("{h}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log.level).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colours only on a terminal: log files and journald get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    // Under systemd the journal stamps each line itself.
    let journald = std::env::var_os("JOURNAL_STREAM").is_some();
    match (config.log.format, journald) {
        (LogFormat::Json, _) => builder.json().init(),
        (LogFormat::Text, true) => builder.without_time().init(),
        (LogFormat::Text, false) => builder.init(),
    }
}

/// `cloister storage`: the file, then each table that holds anything, largest first.
#[allow(clippy::cast_precision_loss)] // megabytes to one decimal
fn print_storage(value: &serde_json::Value) {
    let n = |v: &serde_json::Value, k: &str| v[k].as_u64().unwrap_or(0);
    let mb = |b: u64| format!("{:.1} MB", b as f64 / 1e6);
    let (file, messages, raw) = (n(value, "file_bytes"), n(value, "messages"), n(value, "message_bytes"));
    println!("vault file {}; {messages} messages, {} as received", mb(file), mb(raw));
    if raw > 0 {
        println!("file / messages as received: {:.2}x", file as f64 / raw as f64);
    }
    println!("unused pages: {}", mb(n(value, "unused_bytes")));
    let mut tables = value["tables"].as_array().cloned().unwrap_or_default();
    tables.sort_by_key(|t| std::cmp::Reverse(n(t, "page_bytes")));
    println!(
        "{:<20} {:>10} {:>12} {:>12} {:>12}",
        "table", "rows", "stored", "pages", "fragmented"
    );
    for t in tables.iter().filter(|t| n(t, "rows") > 0) {
        println!(
            "{:<20} {:>10} {:>12} {:>12} {:>12}",
            t["table"].as_str().unwrap_or("?"),
            n(t, "rows"),
            mb(n(t, "stored_bytes")),
            mb(n(t, "page_bytes")),
            mb(n(t, "fragmented_bytes"))
        );
    }
}
