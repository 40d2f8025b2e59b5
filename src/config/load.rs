//! Layering: built-in defaults → file → `CLOISTER_` environment → command-line flags.

use std::path::{Path, PathBuf};

use figment::error::Kind;
use figment::providers::{Env, Format, Serialized, Toml};
use figment::value::{Dict, Map, Value};
use figment::{Figment, Metadata, Profile, Provider};

use super::Config;
use super::error::ConfigError;
use super::sources::{self, DEFAULT_LAYER, ENV_PREFIX, FLAG_LAYER};
use super::words;

/// Config file used when `--config` is not given and it exists.
pub const DEFAULT_FILE: &str = "cloister.toml";

/// Values given on the command line.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub config_file: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// `--set key=value` pairs; values are parsed like environment values.
    pub set: Vec<String>,
}

/// A configuration together with where each of its values came from.
pub struct LoadedConfig {
    pub config: Config,
    pub figment: Figment,
    pub file: Option<PathBuf>,
}

impl LoadedConfig {
    /// Where the value of `key` came from: "default", "file <path>:<line>", "env …", "flag …".
    pub fn source_of(&self, key: &str) -> String {
        sources::describe(&self.figment, self.file.as_deref(), key)
    }
}

/// A provider with a fixed name, so `check-config` can say "default" or "flag".
struct Named<T> {
    name: &'static str,
    inner: Serialized<T>,
}

impl<T: serde::Serialize> Provider for Named<T> {
    fn metadata(&self) -> Metadata {
        Metadata::named(self.name)
    }
    fn data(&self) -> figment::Result<Map<Profile, Dict>> {
        self.inner.data()
    }
}

/// Builds the layered configuration and validates it.
pub fn load(overrides: &Overrides) -> Result<LoadedConfig, Vec<ConfigError>> {
    let file = config_file(overrides)?;
    let mut figment = Figment::new().merge(Named {
        name: DEFAULT_LAYER,
        inner: Serialized::defaults(Config::default()),
    });
    if let Some(path) = &file {
        super::file_check::check(path).map_err(|e| vec![e])?;
        figment = figment.merge(Toml::file_exact(path));
    }
    figment = figment.merge(Env::prefixed(ENV_PREFIX).split("__"));
    if let Some(dir) = &overrides.data_dir {
        figment = figment.merge(flag("data_dir", Value::from(dir.display().to_string())));
    }
    for pair in &overrides.set {
        let Some((key, raw)) = pair.split_once('=') else {
            return Err(vec![ConfigError {
                key: pair.clone(),
                source: "flag --set".into(),
                message: "expected KEY=VALUE, e.g. --set smtp.listen=127.0.0.1:2525".into(),
            }]);
        };
        let value: Value = raw.parse().unwrap_or_else(|_| Value::from(raw.to_string()));
        figment = figment.merge(flag(key.trim(), value));
    }
    let config: Config = figment.extract().map_err(|e| every_problem(&figment, file.as_deref(), e))?;
    let problems = invalid(&figment, file.as_deref(), &config);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(LoadedConfig { config, figment, file })
}

/// The values `validate` refuses, each with where it was set.
fn invalid(figment: &Figment, file: Option<&Path>, config: &Config) -> Vec<ConfigError> {
    super::validate::validate(config)
        .into_iter()
        .map(|p| ConfigError {
            source: sources::describe(figment, file, &p.key),
            key: p.key,
            message: p.message,
        })
        .collect()
}

/// Most bad values one run reports.
const MOST_PROBLEMS: usize = 64;

/// Every problem, not only the first: serde stops at the first value it
/// cannot read, so each one found is dropped from the merged settings (its
/// default takes its place) and the rest is read again; once everything
/// reads, the values are checked too. Sources come from the real layers.
fn every_problem(figment: &Figment, file: Option<&Path>, first: figment::Error) -> Vec<ConfigError> {
    let mut errors = extraction_errors(figment, file, first, true);
    let Ok(mut merged) = figment.extract::<Value>() else {
        return errors;
    };
    let mut dropped = 0;
    while errors.len() < MOST_PROBLEMS {
        for e in &errors[dropped..] {
            drop_key(&mut merged, &e.key);
        }
        dropped = errors.len();
        let again = Figment::from(Serialized::defaults(merged.clone()));
        match again.extract::<Config>() {
            Ok(config) => {
                errors.extend(invalid(figment, file, &config));
                break;
            }
            Err(e) => {
                let more: Vec<ConfigError> = extraction_errors(figment, file, e, false)
                    .into_iter()
                    .filter(|m| !errors.iter().any(|old| old.key == m.key))
                    .collect();
                if more.is_empty() {
                    break;
                }
                errors.extend(more);
            }
        }
    }
    errors
}

/// Removes the dotted `key` from `value` (nothing when it is not there).
fn drop_key(value: &mut Value, key: &str) {
    let mut parts = sources::segments(key);
    let Some(last) = parts.pop() else {
        return;
    };
    let mut at = value;
    for part in &parts {
        match at {
            Value::Dict(_, dict) => match dict.get_mut(part) {
                Some(next) => at = next,
                None => return,
            },
            _ => return,
        }
    }
    if let Value::Dict(_, dict) = at {
        dict.remove(&last);
    }
}

fn flag(key: &str, value: Value) -> Named<Value> {
    Named {
        name: FLAG_LAYER,
        inner: Serialized::default(key, value),
    }
}

fn config_file(overrides: &Overrides) -> Result<Option<PathBuf>, Vec<ConfigError>> {
    match &overrides.config_file {
        Some(path) if path.is_file() => Ok(Some(path.clone())),
        Some(path) => Err(vec![ConfigError {
            key: String::new(),
            source: format!("flag --config {}", path.display()),
            message: "config file not found or not a regular file".into(),
        }]),
        None => {
            let default = Path::new(DEFAULT_FILE);
            Ok(default.is_file().then(|| default.to_path_buf()))
        }
    }
}

/// `err` as problems; `own_metadata`: the error's layer names the source
/// (false when it came from re-reading, where only the real layers know).
fn extraction_errors(figment: &Figment, file: Option<&Path>, err: figment::Error, own_metadata: bool) -> Vec<ConfigError> {
    err.into_iter()
        .map(|e| {
            let mut path = e.path.clone();
            let message = match &e.kind {
                Kind::UnknownField(field, allowed) => {
                    if path.last() != Some(field) {
                        path.push(field.clone());
                    }
                    let guess = words::did_you_mean(field, allowed)
                        .map(|k| format!("did you mean `{k}`? "))
                        .unwrap_or_default();
                    format!("unknown key; {guess}allowed here: {}", allowed.join(", "))
                }
                Kind::InvalidType(actual, expected) | Kind::InvalidValue(actual, expected) => {
                    format!("must be {}; found {}", words::wanted(expected), words::found(actual))
                }
                Kind::UnknownVariant(found, allowed) => {
                    format!("`{found}` is not allowed; use one of: {}", allowed.join(", "))
                }
                other => other.to_string(),
            };
            let key = sources::dotted(&path);
            let source = match &e.metadata {
                Some(md) if own_metadata => sources::describe_metadata(md, file, &key),
                _ => sources::describe(figment, file, &key),
            };
            ConfigError { key, source, message }
        })
        .collect()
}
