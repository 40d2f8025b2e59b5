//! Where a configuration value came from: default, <file:line>, environment or flag.

use std::path::Path;

use figment::value::{Dict, Value};
use figment::{Figment, Metadata, Source};

/// Prefix of environment variables that set configuration keys.
pub const ENV_PREFIX: &str = "CLOISTER_";
/// Names of the layers that are neither a file nor the environment.
pub(super) const DEFAULT_LAYER: &str = "default";
pub(super) const FLAG_LAYER: &str = "flag";

/// Human description of the source of `key` (dotted, map keys quoted when they
/// hold a dot: `delivery.transport."partner.example"`) in the merged configuration.
pub fn describe(figment: &Figment, file: Option<&Path>, key: &str) -> String {
    // figment does not look inside arrays: ask for the array itself.
    let path: Vec<String> = segments(key).into_iter().take_while(|seg| seg.parse::<usize>().is_err()).collect();
    // Walk down the merged value by hand: a merged table keeps the tag of the
    // layer that made it first (the defaults), its entries the tags of theirs.
    let mut found = None;
    if let Some(first) = path.first()
        && let Ok(mut value) = figment.find_value(first)
    {
        found = Some(value.tag());
        for seg in &path[1..] {
            match value.into_dict().and_then(|mut d| d.remove(seg)) {
                Some(v) => {
                    found = Some(v.tag());
                    value = v;
                }
                None => break,
            }
        }
    }
    match found.and_then(|tag| figment.get_metadata(tag)) {
        Some(md) => describe_metadata(md, file, key),
        None => DEFAULT_LAYER.to_string(),
    }
}

/// The segments of a dotted key; a segment in double quotes may hold dots.
pub fn segments(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in key.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => out.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    out.push(current);
    out
}

/// Segments joined with dots, each that is not a bare TOML key in double quotes.
pub fn dotted<S: AsRef<str>>(segments: &[S]) -> String {
    let bare = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let parts: Vec<String> = segments
        .iter()
        .map(|s| {
            let s = s.as_ref();
            if bare(s) { s.to_string() } else { format!("{s:?}") }
        })
        .collect();
    parts.join(".")
}

pub fn describe_metadata(md: &Metadata, file: Option<&Path>, key: &str) -> String {
    match &md.source {
        Some(Source::File(path)) => match line_of(path, key) {
            Some(line) => format!("file {}:{line}", path.display()),
            None => format!("file {}", path.display()),
        },
        _ if md.name == DEFAULT_LAYER => DEFAULT_LAYER.to_string(),
        _ if md.name == FLAG_LAYER => {
            if key == "data_dir" {
                "flag --data-dir".into()
            } else {
                format!("flag --set {key}")
            }
        }
        _ if md.name.contains("environment") => format!("env {}", env_name(key)),
        _ => match file {
            Some(path) => format!("{} ({})", md.name, path.display()),
            None => md.name.to_string(),
        },
    }
}

/// The environment variable that sets `key`, e.g. `CLOISTER_SMTP__LISTEN`.
pub fn env_name(key: &str) -> String {
    let upper: Vec<String> = key.split('.').map(str::to_ascii_uppercase).collect();
    format!("{ENV_PREFIX}{}", upper.join("__"))
}

/// 1-based line of `key` (dotted, quoted segments allowed) in a TOML file, when it can be found.
fn line_of(path: &Path, key: &str) -> Option<usize> {
    let text = std::fs::read_to_string(path).ok()?;
    let doc = toml_edit::ImDocument::parse(text.as_str()).ok()?;
    let mut table: &dyn toml_edit::TableLike = doc.as_table();
    let mut span = None;
    for segment in segments(key) {
        let (k, item) = table.get_key_value(&segment)?;
        span = k.span().or_else(|| item.span());
        match item {
            toml_edit::Item::Table(t) => table = t,
            toml_edit::Item::Value(toml_edit::Value::InlineTable(t)) => table = t,
            _ => break,
        }
    }
    let offset = span?.start;
    Some(text[..offset].bytes().filter(|&b| b == b'\n').count() + 1)
}

/// Every leaf setting of the merged configuration as (dotted key, value, source).
pub fn effective_settings(figment: &Figment, file: Option<&Path>, config: &super::Config) -> Vec<(String, String, String)> {
    let value = Value::serialize(config).unwrap_or_else(|_| Value::from(Dict::new()));
    let mut rows = Vec::new();
    walk(&mut Vec::new(), &value, &mut |path, value| {
        let key = dotted(path);
        let source = describe(figment, file, &key);
        rows.push((key, render(value), source));
    });
    rows
}

/// Visits each leaf; an empty table is a leaf (`delivery.transport = {}`), so
/// every setting has a row.
fn walk(path: &mut Vec<String>, value: &Value, visit: &mut dyn FnMut(&[String], &Value)) {
    match value {
        Value::Dict(_, dict) if !dict.is_empty() => {
            for (k, v) in dict {
                path.push(k.clone());
                walk(path, v, visit);
                path.pop();
            }
        }
        _ => visit(path, value),
    }
}

/// A value rendered the way it would be written in `cloister.toml`.
/// A number as the config file spells it: `60`, `-3`, `0.5` (a whole float prints without `.0`).
fn number(n: figment::value::Num) -> String {
    n.to_u128()
        .map(|u| u.to_string())
        .or_else(|| n.to_i128().map(|i| i.to_string()))
        .or_else(|| n.to_f64().map(|f| f.to_string()))
        .unwrap_or_else(|| format!("{n:?}"))
}

pub fn render(value: &Value) -> String {
    match value {
        Value::String(_, s) => format!("{s:?}"),
        Value::Char(_, c) => format!("\"{c}\""),
        Value::Bool(_, b) => b.to_string(),
        Value::Num(_, n) => number(*n),
        Value::Empty(_, _) => "\"\"".into(),
        Value::Array(_, items) => {
            let parts: Vec<String> = items.iter().map(render).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Dict(_, dict) if dict.is_empty() => "{}".into(),
        Value::Dict(_, dict) => {
            let parts: Vec<String> = dict.iter().map(|(k, v)| format!("{k} = {}", render(v))).collect();
            format!("{{ {} }}", parts.join(", "))
        }
    }
}
