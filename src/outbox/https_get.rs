//! A small HTTPS GET for what Cloister fetches itself (MTA-STS policies):
//! the certificate verified, no redirects followed, size and time bounded.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Empty, Limited};
use hyper::body::Bytes;
use rustls_pki_types::ServerName;
use smol::net::TcpStream;
use smol_hyper::rt::FuturesIo;

/// What came back: status, `Content-Type` and the body (within the limit).
pub struct Fetched {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// Where to fetch from and within which bounds.
pub struct Request<'a> {
    pub host: &'a str,
    pub port: u16,
    pub path: &'a str,
    pub roots: Arc<rustls::RootCertStore>,
    pub dns_server: &'a str,
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub limit: usize,
}

/// GETs `https://host:port/path`; an error names the host and what failed.
pub async fn get(req: &Request<'_>) -> Result<Fetched, String> {
    let host = req.host;
    let work = fetch(req);
    let late = async {
        smol::Timer::after(req.timeout).await;
        Err(format!("https://{host}: no answer within {} s", req.timeout.as_secs()))
    };
    futures_lite::future::or(work, late).await
}

async fn fetch(req: &Request<'_>) -> Result<Fetched, String> {
    let at = |e: &dyn std::fmt::Display| format!("https://{}{}: {e}", req.host, req.path);
    let (host, port, dns) = (req.host.to_string(), req.port, req.dns_server.to_string());
    let addrs = smol::unblock(move || super::resolve::socket_addrs(&host, port, &dns)).await?;
    let tcp = TcpStream::connect(&addrs[..]).await.map_err(|e| at(&e))?;
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| at(&e))?
        .with_root_certificates(Arc::clone(&req.roots))
        .with_no_client_auth();
    let name = ServerName::try_from(req.host.to_string()).map_err(|e| at(&e))?;
    let tls = futures_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| at(&e))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(FuturesIo::new(tls))
        .await
        .map_err(|e| at(&e))?;
    let driver = smol::spawn(async move {
        let _ = connection.await;
    });
    let request = hyper::Request::get(req.path)
        .header(hyper::header::HOST, req.host)
        .header(hyper::header::USER_AGENT, concat!("cloister/", env!("CARGO_PKG_VERSION")))
        .body(Empty::<Bytes>::new())
        .map_err(|e| at(&e))?;
    let response = sender.send_request(request).await.map_err(|e| at(&e))?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = Limited::new(response.into_body(), req.limit)
        .collect()
        .await
        .map_err(|e| at(&format!("{e} (more than {} bytes?)", req.limit)))?
        .to_bytes()
        .to_vec();
    driver.cancel().await;
    Ok(Fetched {
        status,
        content_type,
        body,
    })
}
