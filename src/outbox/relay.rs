//! Sending one relay row through lettre, bytes unchanged.

use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{Address, SmtpTransport, Transport};

use crate::config::StartTls;
use crate::service::Context;
use crate::vault::OutboxRow;

/// A failed attempt; `permanent` when retrying cannot help.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

pub fn transport(ctx: &Context) -> Result<SmtpTransport, String> {
    let r = &ctx.config.relay;
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
        .hello_name(ClientId::Domain(ctx.hostname.clone()));
    if !r.username.is_empty() {
        let password =
            std::fs::read_to_string(&r.password_file).map_err(|e| format!("relay.password_file {}: {e}", r.password_file.display()))?;
        builder = builder.credentials(Credentials::new(r.username.clone(), password.trim_end().to_string()));
    }
    Ok(builder.build())
}

/// Sends the stored bytes to the row's recipients; Ok holds the relay's reply.
pub fn send(transport: &SmtpTransport, row: &OutboxRow, bytes: &[u8]) -> Result<String, SendError> {
    let bad = |what: &str, a: &str| SendError {
        permanent: true,
        message: format!("invalid {what} address <{a}>"),
    };
    let from = if row.sender.is_empty() {
        None
    } else {
        Some(row.sender.parse::<Address>().map_err(|_| bad("sender", &row.sender))?)
    };
    let to = row
        .recipients
        .iter()
        .map(|r| r.parse::<Address>().map_err(|_| bad("recipient", r)))
        .collect::<Result<Vec<_>, _>>()?;
    let envelope = Envelope::new(from, to).map_err(|e| SendError {
        permanent: true,
        message: e.to_string(),
    })?;
    // lettre always ends DATA with CRLF.CRLF; give it the message without its own final
    // CRLF so the relay receives exactly the stored bytes.
    let body = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
    match transport.send_raw(&envelope, body) {
        Ok(response) => Ok(format!("{} {}", response.code(), response.message().collect::<Vec<_>>().join(" "))),
        Err(e) => Err(SendError {
            permanent: e.is_permanent(),
            message: e.to_string(),
        }),
    }
}
