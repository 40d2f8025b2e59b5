//! The documented sample is complete and agrees with the built-in defaults.

use figment::providers::Format as _;

use super::Config;
use crate::commands::SAMPLE_CONFIG;

fn keys(prefix: &str, value: &toml_edit::Item, out: &mut Vec<String>) {
    if let Some(table) = value.as_table_like() {
        for (k, v) in table.iter() {
            let key = if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            };
            keys(&key, v, out);
        }
    } else {
        out.push(prefix.to_string());
    }
}

#[test]
fn sample_config_shows_exactly_the_built_in_defaults() {
    let parsed: Config = figment::Figment::new()
        .merge(figment::providers::Toml::string(SAMPLE_CONFIG))
        .extract()
        .expect("appliance/cloister.toml parses with no unknown keys");
    assert_eq!(parsed, Config::default(), "every value in the sample equals the built-in default");
}

#[test]
fn sample_config_lists_every_key() {
    let sample: toml_edit::DocumentMut = SAMPLE_CONFIG.parse().unwrap();
    let mut in_sample = Vec::new();
    keys("", sample.as_item(), &mut in_sample);
    let defaults = toml_edit::ser::to_document(&Config::default()).unwrap();
    let mut all = Vec::new();
    keys("", defaults.as_item(), &mut all);
    for key in &all {
        assert!(in_sample.contains(key), "appliance/cloister.toml lacks `{key}`");
    }
    let lines: Vec<&str> = SAMPLE_CONFIG.lines().collect();
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| !l.starts_with('#') && l.contains(" = ")) {
        let above = lines[..i].last().copied().unwrap_or("");
        assert!(
            above.starts_with('#') || above.contains(" = "),
            "`{line}` needs a comment above it (or belongs to a commented group)"
        );
    }
}

#[test]
fn defaults_validate() {
    assert!(super::validate::validate(&Config::default()).is_empty());
}

#[test]
fn a_required_passkey_needs_passkeys_and_a_host_name() {
    let problems = |c: &Config| -> Vec<String> {
        super::validate::validate(c)
            .into_iter()
            .map(|p| format!("{}: {}", p.key, p.message))
            .collect()
    };
    let mut c = Config::default();
    c.web.public_url = "https://cloister.example.org".into();
    c.admin.require_passkey = true;
    c.portal.require_passkey_for_internal = true;
    assert!(problems(&c).is_empty(), "{:?}", problems(&c));
    c.web.public_url = "https://192.0.2.7:8443".into();
    let said = problems(&c);
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].starts_with("admin.require_passkey: needs the portal at an https address with a host name"));
    assert!(said[1].starts_with("portal.require_passkey_for_internal: needs"), "{said:?}");
    c.web.public_url = "https://[2001:db8::1]".into();
    assert_eq!(problems(&c).len(), 2);
    c.web.public_url = "https://cloister.example.org".into();
    c.portal.passkeys = false;
    assert_eq!(
        problems(&c),
        [
            "admin.require_passkey: needs portal.passkeys = true",
            "portal.require_passkey_for_internal: needs portal.passkeys = true"
        ]
    );
}
