//! Rules a well-typed configuration must still obey.

use super::{Config, StartTls, TlsMode};

/// A rule broken by `key`; the loader adds where the value came from.
pub struct Problem {
    pub key: String,
    pub message: String,
}

fn problem(key: &str, message: impl Into<String>) -> Problem {
    Problem {
        key: key.into(),
        message: message.into(),
    }
}

pub fn validate(c: &Config) -> Vec<Problem> {
    let mut out = Vec::new();
    names(c, &mut out);
    listeners(c, &mut out);
    limits(c, &mut out);
    tls(c, &mut out);
    relay(c, &mut out);
    policy(c, &mut out);
    lifetimes(c, &mut out);
    notify(c, &mut out);
    delivery(c, &mut out);
    keys(c, &mut out);
    passkeys_required(c, &mut out);
    super::ldap::validate(c, &mut out);
    super::oidc::validate(c, &mut out);
    out
}

/// A setting that requires passkeys needs them offered: `portal.passkeys` on
/// and a portal address browsers give passkeys to (https and a host name).
fn passkeys_required(c: &Config, out: &mut Vec<Problem>) {
    let url = c.public_url();
    let no_name = c.public_host().parse::<std::net::IpAddr>().is_ok() || !url.starts_with("https://");
    let required = [
        ("admin.require_passkey", c.admin.require_passkey),
        ("portal.require_passkey_for_internal", c.portal.require_passkey_for_internal),
    ];
    for (key, _) in required.iter().filter(|(_, on)| *on) {
        if !c.portal.passkeys {
            out.push(problem(key, "needs portal.passkeys = true"));
        } else if no_name {
            let why = format!(
                "needs the portal at an https address with a host name (browsers give no passkeys to an IP address): \
                 web.public_url is {url}"
            );
            out.push(problem(key, why));
        }
    }
}

/// Names that end up in SMTP greetings, headers, URLs and logs: no control
/// characters or spaces (a CR/LF in `hostname` would inject lines into the greeting).
fn names(c: &Config, out: &mut Vec<Problem>) {
    let plain = |s: &str| !s.chars().any(|ch| ch.is_control() || ch.is_whitespace());
    let hostname_ok = plain(&c.hostname) && crate::mail::address::host_name(&c.hostname);
    if !c.hostname.is_empty() && !hostname_ok {
        out.push(problem(
            "hostname",
            "must be a host name like mail.example.org (letters, digits, hyphens and dots; no spaces or control characters), or \"\"",
        ));
    }
    if !plain(&c.web.public_url) {
        out.push(problem("web.public_url", "must not contain spaces or control characters"));
    }
    for (i, domain) in c.internal_domains.iter().enumerate() {
        if !crate::mail::address::host_name(domain) || !domain.contains('.') {
            out.push(problem(
                &format!("internal_domains.{i}"),
                "expected a bare domain like example.org (no wildcards, no @, no trailing dot)",
            ));
        }
    }
    if let Err(why) = log_level(&c.log.level) {
        out.push(problem("log.level", why));
    }
}

const LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

/// A level (`info`) or comma-separated directives (`info,cloister::smtp=debug`).
fn log_level(level: &str) -> Result<(), String> {
    let known = |l: &str| LEVELS.contains(&l.trim().to_ascii_lowercase().as_str());
    let bad = level.split(',').find(|directive| match directive.split_once('=') {
        Some((target, l)) => target.trim().is_empty() || !known(l),
        None => !known(directive),
    });
    match bad {
        Some(d) => Err(format!(
            "`{d}` is not a level; use one of {} or target=level directives like info,cloister::smtp=debug",
            LEVELS.join(", ")
        )),
        None => Ok(()),
    }
}

fn listeners(c: &Config, out: &mut Vec<Problem>) {
    if c.smtp.listen.port() == 0 {
        out.push(problem("smtp.listen", "port 0 is not allowed; use a port between 1 and 65535"));
    }
    if c.web.listen.port() == 0 {
        out.push(problem("web.listen", "port 0 is not allowed; use a port between 1 and 65535"));
    }
    if c.smtp.listen == c.web.listen {
        out.push(problem("web.listen", "must differ from smtp.listen"));
    }
    if !c.web.http_redirect_listen.is_empty() && c.web.http_redirect_listen.parse::<std::net::SocketAddr>().is_err() {
        out.push(problem(
            "web.http_redirect_listen",
            "expected an address like 0.0.0.0:8080, or \"\" for off",
        ));
    }
    if !c.metrics.listen.is_empty() && c.metrics.listen.parse::<std::net::SocketAddr>().is_err() {
        out.push(problem(
            "metrics.listen",
            "expected an address like 127.0.0.1:9325, or \"\" for off",
        ));
    }
    if !c.web.public_url.is_empty() && !c.web.public_url.starts_with("https://") {
        out.push(problem("web.public_url", "must start with https://, or be \"\" to derive it"));
    }
    if c.data_dir.as_os_str().is_empty() {
        out.push(problem("data_dir", "must name a directory"));
    }
}

fn limits(c: &Config, out: &mut Vec<Problem>) {
    let s = &c.smtp;
    let positive: [(&str, u64); 11] = [
        ("smtp.max_message_size", s.max_message_size),
        ("smtp.max_recipients", s.max_recipients.into()),
        ("smtp.max_connections", s.max_connections.into()),
        ("smtp.max_connections_per_client", s.max_connections_per_client.into()),
        ("smtp.command_timeout_secs", s.command_timeout_secs),
        ("smtp.data_timeout_secs", s.data_timeout_secs),
        ("smtp.transaction_timeout_secs", s.transaction_timeout_secs),
        ("web.max_connections", c.web.max_connections.into()),
        ("web.max_connections_per_client", c.web.max_connections_per_client.into()),
        ("smtp.max_errors", s.max_errors.into()),
        ("messages.attachment_limit", c.messages.attachment_limit),
    ];
    for (key, value) in positive {
        if value == 0 {
            out.push(problem(key, "must be greater than 0"));
        }
    }
    if s.reserved_trusted_connections >= s.max_connections {
        out.push(problem(
            "smtp.reserved_trusted_connections",
            "must be smaller than smtp.max_connections",
        ));
    }
    if s.max_line_length < 1000 {
        out.push(problem("smtp.max_line_length", "must be at least 1000 (RFC 5321 line limit)"));
    }
    for (i, user) in s.auth_users.iter().enumerate() {
        if !user.password_hash.starts_with("$argon2id$") {
            out.push(problem(
                &format!("smtp.auth_users.{i}.password_hash"),
                "must be an argon2id hash; create one with `cloister hash-password`",
            ));
        }
    }
    sign_in_limits(c, out);
}

/// Sessions, lockouts, passwords and sign-in codes.
fn sign_in_limits(c: &Config, out: &mut Vec<Problem>) {
    if c.portal.session_max_hours == 0 {
        out.push(problem("portal.session_max_hours", "must be greater than 0"));
    }
    let idle = c.portal.session_idle_minutes;
    if !(idle.is_finite() && (0.05..=10_080.0).contains(&idle)) {
        out.push(problem(
            "portal.session_idle_minutes",
            "must be between 0.05 (3 seconds) and 10080 (a week)",
        ));
    }
    if c.admin.session_max_hours == 0 {
        out.push(problem("admin.session_max_hours", "must be greater than 0"));
    }
    let idle = c.admin.session_idle_minutes;
    if !(idle.is_finite() && (0.05..=1_440.0).contains(&idle)) {
        out.push(problem(
            "admin.session_idle_minutes",
            "must be between 0.05 (3 seconds) and 1440 (a day)",
        ));
    }
    if c.admin.lockout_threshold == 0 {
        out.push(problem("admin.lockout_threshold", "must be at least 1"));
    }
    if c.password.reset_interval_secs == 0 {
        out.push(problem("password.reset_interval_secs", "must be at least 1"));
    }
    if c.portal.lockout_threshold == 0 {
        out.push(problem("portal.lockout_threshold", "must be at least 1"));
    }
    let shipped = crate::i18n::shipped_codes();
    if !shipped.contains(&c.portal.default_language.as_str()) {
        out.push(problem("portal.default_language", format!("must be one of {}", shipped.join(", "))));
    }
    let age = c.password.max_age_days;
    if !(age.is_finite() && (0.0..=3650.0).contains(&age)) {
        out.push(problem("password.max_age_days", "must be between 0 (never) and 3650"));
    }
    if !(1..=3650).contains(&c.portal.draft_keep_days) {
        out.push(problem("portal.draft_keep_days", "must be 1 to 3650 days"));
    }
    if !(6..=8).contains(&c.portal.sign_in_code_digits) {
        out.push(problem("portal.sign_in_code_digits", "must be 6, 7 or 8"));
    }
    if !(1..=60).contains(&c.portal.sign_in_code_minutes) {
        out.push(problem("portal.sign_in_code_minutes", "must be between 1 and 60"));
    }
    if !(5..=600).contains(&c.portal.passkey_timeout_secs) {
        out.push(problem("portal.passkey_timeout_secs", "must be between 5 and 600"));
    }
    if !(1..=10).contains(&c.portal.sign_in_code_attempts) {
        out.push(problem("portal.sign_in_code_attempts", "must be between 1 and 10"));
    }
    if c.password.min_length < 8 || c.password.min_length > 64 {
        out.push(problem("password.min_length", "must be between 8 and 64"));
    }
}

fn tls(c: &Config, out: &mut Vec<Problem>) {
    if c.tls.mode == TlsMode::Files {
        if c.tls.cert_file.as_os_str().is_empty() {
            out.push(problem("tls.cert_file", "required when tls.mode = \"files\""));
        }
        if c.tls.key_file.as_os_str().is_empty() {
            out.push(problem("tls.key_file", "required when tls.mode = \"files\""));
        }
        for (key, path) in [("tls.cert_file", &c.tls.cert_file), ("tls.key_file", &c.tls.key_file)] {
            if !path.as_os_str().is_empty() && std::fs::File::open(path).is_err() {
                out.push(problem(
                    key,
                    format!("{} cannot be read (missing, or no permission)", path.display()),
                ));
            }
        }
    }
    if c.tls.renew_before_days >= c.tls.cert_validity_days {
        out.push(problem("tls.renew_before_days", "must be smaller than tls.cert_validity_days"));
    }
    if c.tls.mode == TlsMode::Acme {
        acme(c, out);
    }
}

fn acme(c: &Config, out: &mut Vec<Problem>) {
    let acme = &c.tls.acme;
    if !acme.directory.starts_with("https://") {
        out.push(problem(
            "tls.acme.directory",
            "must be an https:// URL, e.g. the default Let's Encrypt directory",
        ));
    }
    if acme.challenge == super::AcmeChallenge::Http01 && c.web.http_redirect_listen.is_empty() {
        out.push(problem(
            "tls.acme.challenge",
            "\"http-01\" needs web.http_redirect_listen (reached on port 80 from outside); or use \"tls-alpn-01\"",
        ));
    }
    let host = c.public_host();
    if host.parse::<std::net::IpAddr>().is_ok() || host == "localhost" || !host.contains('.') {
        out.push(problem(
            "web.public_url",
            format!("tls.mode = \"acme\" needs a public DNS name in web.public_url (or hostname); {host:?} is not one"),
        ));
    }
    if !acme.contact.is_empty() && !acme.contact.starts_with("mailto:") {
        out.push(problem(
            "tls.acme.contact",
            "must be a mailto: address, e.g. \"mailto:admin@example.org\"",
        ));
    }
    if !acme.ca_file.as_os_str().is_empty() && std::fs::File::open(&acme.ca_file).is_err() {
        out.push(problem(
            "tls.acme.ca_file",
            format!("{} cannot be read (missing, or no permission)", acme.ca_file.display()),
        ));
    }
}

fn relay(c: &Config, out: &mut Vec<Problem>) {
    if c.relay.host.trim().is_empty() {
        out.push(problem("relay.host", "must name the host that takes outbound mail"));
    }
    if c.relay.port == 0 {
        out.push(problem("relay.port", "port 0 is not allowed; use a port between 1 and 65535"));
    }
    if !c.relay.username.is_empty() && c.relay.password_file.as_os_str().is_empty() {
        out.push(problem("relay.password_file", "required when relay.username is set"));
    }
    if !c.relay.username.is_empty() && c.relay.starttls == StartTls::Off {
        out.push(problem(
            "relay.starttls",
            "AUTH to the relay needs TLS; use opportunistic or required",
        ));
    }
    if c.relay.retry_initial_secs == 0 {
        out.push(problem("relay.retry_initial_secs", "must be greater than 0"));
    }
}

fn policy(c: &Config, out: &mut Vec<Problem>) {
    let needs_internal = c.policy.secure_mode_senders.iter().any(|s| s == "internal");
    if needs_internal && c.internal_domains.is_empty() {
        out.push(problem(
            "internal_domains",
            "is empty, but policy.secure_mode_senders uses \"internal\"; list your domains",
        ));
    }
    for (i, route) in c.policy.routes.iter().enumerate() {
        if route.name.trim().is_empty() {
            out.push(problem(
                &format!("policy.routes.{i}.name"),
                "every route needs a name (shown in the event log)",
            ));
        }
        if route.sender.is_empty() && route.recipient.is_empty() && route.recipient_domain.is_empty() {
            out.push(problem(
                &format!("policy.routes.{i}"),
                "matches nothing specific; set sender, recipient or recipient_domain (\"*\" for everything)",
            ));
        }
    }
    for (key, list) in [
        ("policy.subject_keywords", &c.policy.subject_keywords),
        ("policy.body_keywords", &c.policy.body_keywords),
    ] {
        if list.iter().any(|k| k.trim().is_empty()) {
            out.push(problem(key, "keywords must not be empty strings"));
        }
    }
}

fn notify(c: &Config, out: &mut Vec<Problem>) {
    let a = &c.notify.accent_colour;
    if !(a.len() == 7 && a.starts_with('#') && a[1..].chars().all(|ch| ch.is_ascii_hexdigit())) {
        out.push(problem("notify.accent_colour", "expected a colour like #1f5fbf"));
    }
    if !c.notify.sender.is_empty() && c.notify.sender.parse::<lettre::Address>().is_err() {
        out.push(problem(
            "notify.sender",
            "expected an email address like no-reply@example.org, or \"\"",
        ));
    }
    let s = &c.notify.dkim_selector;
    if s.is_empty() || !s.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '.') {
        out.push(problem("notify.dkim_selector", "expected a DNS label like cloister or mail2026"));
    }
}

fn delivery(c: &Config, out: &mut Vec<Problem>) {
    for (domain, target) in &c.delivery.transport {
        let ok = target
            .rsplit_once(':')
            .is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0));
        if !ok {
            out.push(problem(
                &super::sources::dotted(&["delivery", "transport", domain.as_str()]),
                "expected \"host:port\", e.g. \"mx1.partner.example:25\"",
            ));
        }
    }
    let dns = &c.delivery.dns_server;
    if !dns.is_empty() && dns.parse::<std::net::SocketAddr>().is_err() {
        out.push(problem(
            "delivery.dns_server",
            "expected \"ip:port\", e.g. \"192.0.2.53:53\", or \"\" for /etc/resolv.conf",
        ));
    }
    if c.delivery.timeout_secs == 0 {
        out.push(problem("delivery.timeout_secs", "must be greater than 0"));
    }
}

fn lifetimes(c: &Config, out: &mut Vec<Problem>) {
    let m = &c.messages;
    if m.expiry_default_days == 0 {
        out.push(problem("messages.expiry_default_days", "must be at least 1 day"));
    }
    if m.expiry_default_days > m.expiry_max_days {
        out.push(problem("messages.expiry_default_days", "must not exceed messages.expiry_max_days"));
    }
    if m.expiry_max_days > m.retention_days {
        out.push(problem("messages.expiry_max_days", "must not exceed messages.retention_days"));
    }
    let inbox = c.portal.inbox_days;
    if !(inbox.is_finite() && (0.00001..=36_500.0).contains(&inbox)) {
        out.push(problem("portal.inbox_days", "must be a number of days above 0 (at most 36500)"));
    }
    if !(c.portal.archive_search_days.is_finite() && c.portal.archive_search_days <= 36_500.0) || c.portal.archive_search_days < inbox {
        out.push(problem("portal.archive_search_days", "must be at least portal.inbox_days"));
    }
    if c.password.reset_link_hours == 0 {
        out.push(problem("password.reset_link_hours", "must be at least 1 hour"));
    }
}

/// The master key comes from one place; names of credentials and variables are plain.
fn keys(c: &Config, out: &mut Vec<Problem>) {
    let k = &c.keys;
    let set = [
        !k.master_key_file.as_os_str().is_empty(),
        !k.master_key_credential.is_empty(),
        !k.master_key_env.is_empty(),
    ];
    if set.iter().filter(|s| **s).count() > 1 {
        out.push(problem(
            "keys",
            "set at most one of master_key_file, master_key_credential and master_key_env",
        ));
    }
    let plain = |s: &str| s.chars().all(|ch| ch.is_ascii_alphanumeric() || "_-.@".contains(ch));
    if !plain(&k.master_key_credential) || k.master_key_credential.starts_with('.') {
        out.push(problem(
            "keys.master_key_credential",
            "must be a credential name (letters, digits, _ - . @)",
        ));
    }
    if !k.master_key_env.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_') {
        out.push(problem(
            "keys.master_key_env",
            "must be an environment variable name (letters, digits, _)",
        ));
    }
    if !(1..=10_000).contains(&k.batch) {
        out.push(problem("keys.batch", "must be between 1 and 10000"));
    }
}
