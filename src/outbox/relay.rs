//! Sending one relay row through lettre, bytes unchanged.

use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{Address, SmtpTransport, Transport};

use crate::config::Config;
use crate::config::StartTls;

/// A failed attempt; `permanent` when retrying cannot help.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

/// The pooled SMTP client for `relay.*`; fails on unreadable credentials.
pub fn transport(config: &Config, hostname: &str) -> Result<SmtpTransport, String> {
    let r = &config.relay;
    let params = TlsParameters::builder(r.host.clone())
        .dangerous_accept_invalid_certs(!r.verify_certificate)
        .build_rustls()
        .map_err(|e| format!("relay TLS settings: {e}"))?;
    let tls = match r.starttls {
        StartTls::Opportunistic => Tls::Opportunistic(params),
        StartTls::Required => Tls::Required(params),
        StartTls::Off => Tls::None,
    };
    let mut builder = SmtpTransport::builder_dangerous(r.host.clone())
        .port(r.port)
        .tls(tls)
        .timeout(Some(Duration::from_secs(r.timeout_secs)))
        .hello_name(ClientId::Domain(hostname.to_string()));
    if !r.username.is_empty() {
        let password =
            std::fs::read_to_string(&r.password_file).map_err(|e| format!("relay.password_file {}: {e}", r.password_file.display()))?;
        builder = builder.credentials(Credentials::new(r.username.clone(), password.trim_end().to_string()));
    }
    Ok(builder.build())
}

/// SMTP envelope; an address lettre cannot use is a permanent failure.
pub fn envelope(from: &str, to: &[String]) -> Result<Envelope, SendError> {
    let bad = |what: &str, a: &str| SendError {
        permanent: true,
        message: format!("invalid {what} address <{a}>"),
    };
    let from = if from.is_empty() {
        None
    } else {
        Some(from.parse::<Address>().map_err(|_| bad("sender", from))?)
    };
    let to = to
        .iter()
        .map(|r| r.parse::<Address>().map_err(|_| bad("recipient", r)))
        .collect::<Result<Vec<_>, _>>()?;
    Envelope::new(from, to).map_err(|e| SendError {
        permanent: true,
        message: e.to_string(),
    })
}

/// Sends `bytes` from `from` (empty = null sender) to `to`; Ok holds the relay's reply.
pub fn send(transport: &SmtpTransport, from: &str, to: &[String], bytes: &[u8]) -> Result<String, SendError> {
    let bad = |what: &str, a: &str| SendError {
        permanent: true,
        message: format!("invalid {what} address <{a}>"),
    };
    let from = if from.is_empty() {
        None
    } else {
        Some(from.parse::<Address>().map_err(|_| bad("sender", from))?)
    };
    let to = to
        .iter()
        .map(|r| r.parse::<Address>().map_err(|_| bad("recipient", r)))
        .collect::<Result<Vec<_>, _>>()?;
    let envelope = Envelope::new(from, to).map_err(|e| SendError {
        permanent: true,
        message: e.to_string(),
    })?;
    // lettre always ends DATA with CRLF.CRLF; give it the message without its own final
    // CRLF so the relay receives exactly these bytes.
    let body = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
    match transport.send_raw(&envelope, body) {
        Ok(response) => Ok(format!("{} {}", response.code(), response.message().collect::<Vec<_>>().join(" "))),
        Err(e) => Err(SendError {
            permanent: e.is_permanent(),
            message: e.to_string(),
        }),
    }
}
