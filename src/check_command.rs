//! `cloister check-config`: every problem `serve` would refuse to start with,
//! the warnings it would log, then each effective setting with its source.

use std::process::ExitCode;
use std::sync::Arc;

use crate::config::{self, Config, ConfigError, LoadedConfig};
use crate::tls::TlsError;

pub fn check_config(loaded: &LoadedConfig, ask_servers: bool) -> ExitCode {
    let config = &loaded.config;
    // The certificate pair is read once: its errors are problems, the rest warnings.
    let pair = crate::tls::check_files(config);
    let problems = files_problems(loaded, pair.as_ref().err());
    if !problems.is_empty() {
        eprintln!("cloister: the configuration has {} problem(s):", problems.len());
        for e in &problems {
            eprintln!("  - {e}");
        }
        return ExitCode::from(2);
    }
    let mut said = warnings_with(config, pair.unwrap_or_default());
    if ask_servers {
        said.extend(unreachable(config));
    }
    for (key, message) in said {
        let source = loaded.source_of(&key);
        eprintln!("cloister: warning: `{key}` (from {source}): {message}");
    }
    let file = loaded
        .file
        .as_ref()
        .map_or_else(|| "(none; built-in defaults)".to_string(), |p| p.display().to_string());
    println!("# configuration OK; file: {file}");
    for (key, value, source) in config::effective_settings(&loaded.figment, loaded.file.as_deref(), config) {
        println!("{key} = {value}    # {source}");
    }
    ExitCode::SUCCESS
}

/// The directory and the OpenID provider asked once, as a sign-in would
/// (each within its `timeout_secs`): a warning for each that does not answer
/// (the settings may be right and the server down for now).
fn unreachable(config: &Config) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !config.ldap.domains.is_empty()
        && let Err(e) = smol::block_on(crate::service::ldap_lookup::probe(config))
    {
        out.push(("ldap.url".to_string(), format!("the directory did not answer as configured: {e}")));
    }
    if !config.oidc.domains.is_empty() {
        let cache = crate::service::oidc_provider::ProviderCache::default();
        if let Err(e) = smol::block_on(cache.get(&config.oidc, false)) {
            out.push(("oidc.issuer".to_string(), format!("the provider did not answer as configured: {e}")));
        }
    }
    out
}

/// What `serve` logs as warnings at start: settings and the certificate pair.
pub fn warnings(config: &Config) -> Vec<(String, String)> {
    warnings_with(config, crate::tls::check_files(config).unwrap_or_default())
}

/// The settings' warnings, then those of the certificate pair (`pair`).
fn warnings_with(config: &Config, pair: Vec<String>) -> Vec<(String, String)> {
    let settings = config::warnings(config).into_iter().map(|w| (w.key, w.message));
    settings.chain(pair.into_iter().map(|w| ("tls.cert_file".to_string(), w))).collect()
}

/// The files the settings name, loaded as `serve` loads them; every one that
/// fails (`pair`: what loading the certificate pair refused).
fn files_problems(loaded: &LoadedConfig, pair: Option<&TlsError>) -> Vec<ConfigError> {
    let config = &loaded.config;
    let mut found: Vec<(&str, String)> = Vec::new();
    match crate::i18n::Catalogues::load(&config.portal.default_language) {
        Ok(catalogues) => {
            let catalogues = Arc::new(catalogues);
            if let Err(e) = crate::notify::Templates::load(&config.notify.template_dir, &catalogues) {
                found.push(("notify.template_dir", e.to_string()));
            }
            if let Err(e) = crate::web::pages::Pages::load(config, None, &catalogues) {
                found.push(("web.template_dir", e.to_string()));
            }
        }
        Err(e) => found.push(("portal.default_language", e.to_string())),
    }
    if let Err(e) = crate::notify::load_logo(config) {
        found.push(("notify.logo_file", e.to_string()));
    }
    // The directory's CA file read as a sign-in reads it (a file that is no PEM).
    let ldap_ca = !config.ldap.domains.is_empty() && !config.ldap.ca_file.as_os_str().is_empty();
    if ldap_ca && let Err(e) = crate::service::ldap_lookup::target(config) {
        found.push(("ldap.ca_file", e));
    }
    let oidc_ca = !config.oidc.domains.is_empty() && !config.oidc.ca_file.as_os_str().is_empty();
    if oidc_ca && let Err(e) = crate::net::https::roots_from("oidc.ca_file", &config.oidc.ca_file) {
        found.push(("oidc.ca_file", e));
    }
    if let Some(e) = pair {
        let key_file = config.tls.key_file.display().to_string();
        let key = match e {
            TlsError::Mismatch { .. } => "tls.key_file",
            TlsError::Read { path, .. } | TlsError::Invalid { path, .. } if *path == key_file => "tls.key_file",
            _ => "tls.cert_file",
        };
        found.push((key, e.to_string()));
    }
    found
        .into_iter()
        .map(|(key, message)| ConfigError {
            key: key.to_string(),
            source: loaded.source_of(key),
            message,
        })
        .collect()
}
