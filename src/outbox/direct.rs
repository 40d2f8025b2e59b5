//! Direct delivery for `tls_first` routes: STARTTLS required, certificate verified;
//! when TLS cannot be had, the caller holds the message in the vault instead
//! (`policy.tls_fallback = true`) or keeps trying and finally bounces it.

use std::sync::Arc;
use std::time::Duration;

use super::client::{ClientError, Connection, Target};
use super::mta_sts;
use super::relay::{SendError, check_addresses};
use crate::config::StartTls;
use crate::net::https::roots_from;
use crate::service::Context;

pub enum DirectOutcome {
    Delivered(String),
    /// No server of the domain offered STARTTLS with a certificate we trust.
    NoTls(String),
    Failed(SendError),
}

/// Where mail for `domain` goes: the transport map (true: the admin's own
/// choice), else its MX hosts (false).
async fn targets(ctx: &Context, domain: &str) -> Result<(Vec<(String, u16)>, bool), String> {
    if let Some(target) = ctx.config.delivery.transport.get(&domain.to_ascii_lowercase()) {
        let (host, port) = target
            .rsplit_once(':')
            .ok_or_else(|| format!("delivery.transport.{domain}: expected host:port"))?;
        let port = port.parse().map_err(|_| format!("delivery.transport.{domain}: bad port {port}"))?;
        return Ok((vec![(host.trim_matches(['[', ']']).to_string(), port)], true));
    }
    let (domain, dns) = (domain.to_string(), ctx.config.delivery.dns_server.clone());
    Ok((smol::unblock(move || crate::net::dns::lookup(&domain, &dns)).await?, false))
}

/// The MX hosts the domain's MTA-STS policy lets us use, and a note for the
/// delivery event; Err (as no TLS) when an `enforce` policy names none of them.
async fn mta_sts_hosts(
    ctx: &Context,
    cache: &mta_sts::Cache,
    domain: &str,
    hosts: Vec<(String, u16)>,
    roots: &Arc<rustls::RootCertStore>,
) -> Result<(Vec<(String, u16)>, String), String> {
    let how = mta_sts::Lookup {
        dns_server: &ctx.config.delivery.dns_server,
        roots: Arc::clone(roots),
        timeout: Duration::from_secs(ctx.config.delivery.timeout_secs),
        now: crate::service::now(),
    };
    let Some((policy, id)) = cache.policy(domain, &how).await else {
        return Ok((hosts, String::new()));
    };
    let outside = hosts
        .iter()
        .filter(|(h, _)| !policy.allows(h))
        .map(|(h, _)| h.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match policy.mode {
        mta_sts::Mode::Enforce if outside.is_empty() => Ok((hosts, format!(" (MTA-STS enforce, policy {id})"))),
        mta_sts::Mode::Enforce => {
            // Only the hosts the policy names, in their MX order.
            let inside: Vec<(String, u16)> = hosts.into_iter().filter(|(h, _)| policy.allows(h)).collect();
            if inside.is_empty() {
                return Err(format!(
                    "MTA-STS policy of {domain} (enforce, id {id}) names mx {}; its MX hosts ({outside}) are not among them",
                    policy.mx.join(", ")
                ));
            }
            Ok((inside, format!(" (MTA-STS enforce, policy {id})")))
        }
        mta_sts::Mode::Testing => {
            if !outside.is_empty() {
                tracing::warn!(%domain, hosts = %outside, "MX hosts outside the domain's MTA-STS policy (testing mode: used anyway)");
            }
            Ok((hosts, format!(" (MTA-STS testing, policy {id})")))
        }
        mta_sts::Mode::None => Ok((hosts, String::new())),
    }
}

fn trusted_roots(ctx: &Context) -> Result<Arc<rustls::RootCertStore>, String> {
    roots_from("delivery.ca_file", &ctx.config.delivery.ca_file)
}

/// Tries each server of the recipient's domain in order.
pub async fn deliver(ctx: &Context, cache: &mta_sts::Cache, from: &str, to: &str, bytes: &[u8]) -> DirectOutcome {
    let failed = |message: String| DirectOutcome::Failed(SendError { permanent: false, message });
    let rcpts = [to.to_string()];
    if let Err(e) = check_addresses(from, &rcpts) {
        return DirectOutcome::Failed(e);
    }
    let domain = to.rsplit_once('@').map_or("", |(_, d)| d);
    let (hosts, chosen) = match targets(ctx, domain).await {
        Ok(h) => h,
        Err(e) => return failed(e),
    };
    let roots = match trusted_roots(ctx) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let (hosts, note) = if chosen || !ctx.config.delivery.mta_sts {
        (hosts, String::new())
    } else {
        match mta_sts_hosts(ctx, cache, domain, hosts, &roots).await {
            Ok(allowed) => allowed,
            Err(refused) => return DirectOutcome::NoTls(refused),
        }
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
            Ok(reply) => return DirectOutcome::Delivered(format!("{host}:{port} {reply}{note}")),
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
