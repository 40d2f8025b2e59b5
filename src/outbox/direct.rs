//! Direct delivery for `tls_first` routes: STARTTLS required, certificate verified;
//! when TLS cannot be had, the caller holds the message in the vault instead
//! (`policy.tls_fallback = true`) or keeps trying and finally bounces it.

use std::sync::Arc;
use std::time::Duration;

use super::client::{ClientError, Connection, Target, roots};
use super::relay::{SendError, check_addresses};
use crate::config::StartTls;
use crate::service::Context;

pub enum DirectOutcome {
    Delivered(String),
    /// No server of the domain offered STARTTLS with a certificate we trust.
    NoTls(String),
    Failed(SendError),
}

/// Where mail for `domain` goes: the transport map, else its MX hosts.
async fn targets(ctx: &Context, domain: &str) -> Result<Vec<(String, u16)>, String> {
    if let Some(target) = ctx.config.delivery.transport.get(&domain.to_ascii_lowercase()) {
        let (host, port) = target
            .rsplit_once(':')
            .ok_or_else(|| format!("delivery.transport.{domain}: expected host:port"))?;
        let port = port.parse().map_err(|_| format!("delivery.transport.{domain}: bad port {port}"))?;
        return Ok(vec![(host.trim_matches(['[', ']']).to_string(), port)]);
    }
    let (domain, dns) = (domain.to_string(), ctx.config.delivery.dns_server.clone());
    smol::unblock(move || super::mx::lookup(&domain, &dns)).await
}

fn trusted_roots(ctx: &Context) -> Result<Arc<rustls::RootCertStore>, String> {
    let ca = &ctx.config.delivery.ca_file;
    let extra = if ca.as_os_str().is_empty() {
        None
    } else {
        Some(std::fs::read(ca).map_err(|e| format!("delivery.ca_file {}: {e}", ca.display()))?)
    };
    roots(extra.as_deref())
        .map(Arc::new)
        .map_err(|e| format!("delivery.ca_file {}: {e}", ca.display()))
}

/// Tries each server of the recipient's domain in order.
pub async fn deliver(ctx: &Context, from: &str, to: &str, bytes: &[u8]) -> DirectOutcome {
    let failed = |message: String| DirectOutcome::Failed(SendError { permanent: false, message });
    let rcpts = [to.to_string()];
    if let Err(e) = check_addresses(from, &rcpts) {
        return DirectOutcome::Failed(e);
    }
    let domain = to.rsplit_once('@').map_or("", |(_, d)| d);
    let hosts = match targets(ctx, domain).await {
        Ok(h) => h,
        Err(e) => return failed(e),
    };
    let roots = match trusted_roots(ctx) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let mut tls_problems = Vec::new();
    let mut last = String::new();
    for (host, port) in hosts {
        let target = Target {
            host: host.clone(),
            port,
            starttls: StartTls::Required,
            roots: Some(Arc::clone(&roots)),
            auth: None,
            helo: ctx.hostname.clone(),
            timeout: Duration::from_secs(ctx.config.delivery.timeout_secs),
            dns_server: ctx.config.delivery.dns_server.clone(),
        };
        let sent = match Connection::open(&target).await {
            Ok(mut conn) => {
                let r = conn.send(from, &rcpts, bytes).await;
                conn.quit().await;
                r
            }
            Err(e) => Err(e),
        };
        match sent {
            Ok(reply) => return DirectOutcome::Delivered(format!("{host}:{port} {reply}")),
            Err(ClientError::Tls(e)) => tls_problems.push(format!("{host}:{port}: {e}")),
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
    failed(if last.is_empty() { "no mail server".into() } else { last })
}
