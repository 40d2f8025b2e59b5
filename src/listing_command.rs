//! `cloister messages`, `outbox`, `user list`, `audit`: listings streamed from the
//! running server (or the stopped vault) and printed row by row as they
//! arrive, as a table or as one JSON array, so a listing of any size holds
//! a few hundred rows at a time at either end.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use serde_json::Value;

use crate::cli::ListArgs;
use crate::commands::fail;
use crate::config::Config;
use crate::control::{self, Request};

/// Statuses each listing knows.
const MESSAGE_STATUSES: &[&str] = &["sent", "read", "recalled", "extended", "expired", "ordinary"];
const OUTBOX_STATES: &[&str] = &["pending", "dead"];

/// `cloister messages`.
pub fn messages(config: &Config, list: &ListArgs, json: bool) -> ExitCode {
    match wire_args(list, MESSAGE_STATUSES) {
        Ok(list) => run(config, &Request::Messages { list }, json),
        Err(e) => fail(&e),
    }
}

/// `cloister outbox` (and `outbox list`).
pub fn outbox(config: &Config, list: &ListArgs, json: bool) -> ExitCode {
    match wire_args(list, OUTBOX_STATES) {
        Ok(list) => run(config, &Request::Outbox { list }, json),
        Err(e) => fail(&e),
    }
}

/// Audit kinds `--status` may name.
fn audit_kinds() -> Vec<&'static str> {
    crate::service::audit::Kind::ALL.iter().map(|k| k.name()).collect()
}

/// `cloister audit`.
pub fn audit(config: &Config, list: &ListArgs, json: bool) -> ExitCode {
    match wire_args(list, &audit_kinds()) {
        Ok(list) => run(config, &Request::Audit { list }, json),
        Err(e) => fail(&e),
    }
}

/// `cloister user list`.
pub fn users(config: &Config, list: &ListArgs, json: bool) -> ExitCode {
    match wire_args(list, &[]) {
        Ok(list) => run(config, &Request::Users { list }, json),
        Err(e) => fail(&e),
    }
}

/// The wire form of `--since`, `--status`, `--limit`, or what is wrong with them.
fn wire_args(list: &ListArgs, statuses: &[&str]) -> Result<control::ListArgs, String> {
    let since = list
        .since
        .as_deref()
        .map(|text| crate::model::day_start(text).ok_or_else(|| format!("--since {text:?}: write a day as YYYY-MM-DD")))
        .transpose()?;
    let mut status = Vec::new();
    for s in list.status.iter().map(|s| s.trim().to_ascii_lowercase()).filter(|s| !s.is_empty()) {
        if !statuses.contains(&s.as_str()) {
            let allowed = if statuses.is_empty() {
                "none here".to_string()
            } else {
                statuses.join(", ")
            };
            return Err(format!("--status {s:?} is not one this listing knows (allowed: {allowed})"));
        }
        status.push(s);
    }
    Ok(control::ListArgs {
        since,
        status,
        limit: list.limit,
    })
}

/// Streams `request`'s rows to stdout.
fn run(config: &Config, request: &Request, json: bool) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    let mut broken = false;
    let mut each = |row: Value| {
        let written = if json {
            let lead = if first { "[\n" } else { ",\n" };
            write!(out, "{lead}{}", serde_json::to_string_pretty(&row).unwrap_or_default())
        } else {
            write!(out, "{}", table_row(request, &row))
        };
        first = false;
        broken |= written.is_err();
    };
    let result = control::stream(config, request, &mut each);
    let tail = match (&result, json) {
        (Ok(_), true) if first => writeln!(out, "[]"),
        (Ok(_), true) => writeln!(out, "\n]"),
        (Ok(rows), false) => writeln!(out, "{rows} row(s)"),
        (Err(_), _) => Ok(()),
    };
    let flushed = out.flush();
    match result {
        Err(e) => fail(&e),
        Ok(_) if broken || tail.is_err() || flushed.is_err() => ExitCode::FAILURE,
        Ok(_) => ExitCode::SUCCESS,
    }
}

/// One row as the table prints it (lines end with a newline).
fn table_row(request: &Request, row: &Value) -> String {
    let s = |v: &Value, k: &str| {
        v.get(k)
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .unwrap_or_default()
    };
    match request {
        Request::Messages { .. } => {
            let mut text = format!(
                "{}  {}  {}  {}  {:?}\n",
                s(row, "id"),
                s(row, "received_at"),
                s(row, "status"),
                s(row, "envelope_from"),
                s(row, "subject")
            );
            for r in row["recipients"].as_array().into_iter().flatten() {
                let _ = writeln!(
                    text,
                    "    {} {} ({}) {}",
                    s(r, "address"),
                    s(r, "decision"),
                    s(r, "rule"),
                    s(r, "state")
                );
            }
            text
        }
        Request::Users { .. } => {
            let flag = |k: &str, yes: &'static str, no: &'static str| if row[k].as_bool() == Some(true) { yes } else { no };
            format!(
                "{}  {}  {}  {}  last sign-in {}\n",
                s(row, "address"),
                flag("internal", "internal", "external"),
                flag("has_password", "password", "no-password"),
                flag("two_step", "two-step", "one-step"),
                row["last_sign_in"]["at"].as_str().unwrap_or("never"),
            )
        }
        Request::Audit { .. } => format!("{}  {}  {}  {}\n", s(row, "at"), s(row, "kind"), s(row, "who"), s(row, "what")),
        _ => format!("{row}\n"),
    }
}
