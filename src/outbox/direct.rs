//! Direct delivery for `tls_first` routes: STARTTLS required, certificate verified;
//! when TLS cannot be had, the caller holds the message in the vault instead.

use std::time::Duration;

use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{SmtpTransport, Transport};

use super::relay::SendError;
use crate::service::Context;

pub enum DirectOutcome {
    Delivered(String),
    /// No server of the domain offered STARTTLS with a certificate we trust.
    NoTls(String),
    Failed(SendError),
}

/// Where mail for `domain` goes: the transport map, else its MX hosts.
fn targets(ctx: &Context, domain: &str) -> Result<Vec<(String, u16)>, String> {
    if let Some(target) = ctx.config.delivery.transport.get(&domain.to_ascii_lowercase()) {
        let (host, port) = target
            .rsplit_once(':')
            .ok_or_else(|| format!("delivery.transport.{domain}: expected host:port"))?;
        let port = port.parse().map_err(|_| format!("delivery.transport.{domain}: bad port {port}"))?;
        return Ok(vec![(host.trim_matches(['[', ']']).to_string(), port)]);
    }
    super::mx::lookup(domain, &ctx.config.delivery.dns_server)
}

fn transport(ctx: &Context, host: &str, port: u16) -> Result<SmtpTransport, String> {
    let mut params = TlsParameters::builder(host.to_string());
    let ca = &ctx.config.delivery.ca_file;
    if !ca.as_os_str().is_empty() {
        let pem = std::fs::read(ca).map_err(|e| format!("delivery.ca_file {}: {e}", ca.display()))?;
        let cert = Certificate::from_pem(&pem).map_err(|e| format!("delivery.ca_file {}: {e}", ca.display()))?;
        params = params.add_root_certificate(cert);
    }
    let params = params.build_rustls().map_err(|e| e.to_string())?;
    Ok(SmtpTransport::builder_dangerous(host)
        .port(port)
        .tls(Tls::Required(params))
        .timeout(Some(Duration::from_secs(ctx.config.delivery.timeout_secs)))
        .hello_name(ClientId::Domain(ctx.hostname.clone()))
        .build())
}

/// No STARTTLS offered, a failed handshake or an untrusted certificate (lettre
/// reports the latter as a network error wrapping the rustls error).
fn is_tls_failure(e: &lettre::transport::smtp::Error) -> bool {
    if e.is_tls() || e.to_string().contains("STARTTLS") {
        return true;
    }
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        let rustls_inside = err
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .is_some_and(<dyn std::error::Error + std::marker::Send + std::marker::Sync + 'static>::is::<rustls::Error>);
        if err.is::<rustls::Error>() || rustls_inside {
            return true;
        }
        source = err.source();
    }
    false
}

/// Tries each server of the recipient's domain in order (blocking; run off the reactor).
pub fn deliver(ctx: &Context, from: &str, to: &str, bytes: &[u8]) -> DirectOutcome {
    let domain = to.rsplit_once('@').map_or("", |(_, d)| d);
    let hosts = match targets(ctx, domain) {
        Ok(h) => h,
        Err(e) => {
            return DirectOutcome::Failed(SendError {
                permanent: false,
                message: e,
            });
        }
    };
    let mut tls_problems = Vec::new();
    let mut last = String::new();
    for (host, port) in hosts {
        tracing::debug!(%host, port, to, "direct delivery attempt");
        let t = match transport(ctx, &host, port) {
            Ok(t) => t,
            Err(e) => {
                return DirectOutcome::Failed(SendError {
                    permanent: false,
                    message: e,
                });
            }
        };
        let envelope = match super::relay::envelope(from, &[to.to_string()]) {
            Ok(env) => env,
            Err(e) => return DirectOutcome::Failed(e),
        };
        let body = bytes.strip_suffix(b"\r\n").unwrap_or(bytes);
        match t.send_raw(&envelope, body) {
            Ok(r) => return DirectOutcome::Delivered(format!("{host}:{port} {} {}", r.code(), r.message().collect::<Vec<_>>().join(" "))),
            Err(e) if is_tls_failure(&e) => tls_problems.push(format!("{host}:{port}: {e}")),
            Err(e) if e.is_permanent() => {
                return DirectOutcome::Failed(SendError {
                    permanent: true,
                    message: format!("{host}:{port}: {e}"),
                });
            }
            Err(e) => last = format!("{host}:{port}: {e}"),
        }
    }
    if !tls_problems.is_empty() && last.is_empty() {
        return DirectOutcome::NoTls(tls_problems.join("; "));
    }
    DirectOutcome::Failed(SendError {
        permanent: false,
        message: if last.is_empty() { "no mail server".into() } else { last },
    })
}
