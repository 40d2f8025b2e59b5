//! A small HTTPS client for what Cloister fetches itself (MTA-STS policies,
//! the ACME CA): the certificate verified against the given roots, one
//! connection per request, no redirects followed, size and time bounded.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Bytes;
use rustls_pki_types::ServerName;
use smol::net::TcpStream;
use smol_hyper::rt::FuturesIo;

/// Whom to trust and how long and how much to accept.
#[derive(Clone)]
pub struct Endpoint {
    pub roots: Arc<rustls::RootCertStore>,
    /// DNS server as "ip:port"; "" = `/etc/resolv.conf`.
    pub dns_server: String,
    pub timeout: Duration,
    /// Largest response body accepted, in bytes.
    pub limit: usize,
}

/// The public roots plus the PEM certificates in `extra` (when given).
pub fn roots(extra: Option<&[u8]>) -> Result<rustls::RootCertStore, String> {
    let mut store = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(pem) = extra {
        use rustls_pki_types::pem::PemObject;
        for cert in rustls_pki_types::CertificateDer::pem_slice_iter(pem) {
            store.add(cert.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
        }
    }
    Ok(store)
}

/// The public roots plus the certificates of the PEM file `path` set by the
/// setting `key` (none when `path` is empty; a file without one is an
/// error); errors name the setting and file.
pub fn roots_from(key: &str, path: &std::path::Path) -> Result<Arc<rustls::RootCertStore>, String> {
    use rustls_pki_types::pem::PemObject as _;
    let at = |e: &dyn std::fmt::Display| format!("{key} {}: {e}", path.display());
    let extra = if path.as_os_str().is_empty() {
        None
    } else {
        let pem = std::fs::read(path).map_err(|e| at(&e))?;
        if rustls_pki_types::CertificateDer::pem_slice_iter(&pem).next().is_none() {
            return Err(at(&"no PEM certificate in it"));
        }
        Some(pem)
    };
    roots(extra.as_deref()).map(Arc::new).map_err(|e| at(&e))
}

/// What a GET came back with: status, `Content-Type` and the body.
pub struct Fetched {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// GETs `https://host/path` (port 443).
pub async fn get(endpoint: &Endpoint, host: &str, path: &str) -> Result<Fetched, String> {
    let request = hyper::Request::get(format!("https://{host}{path}"))
        .body(Full::new(Bytes::new()))
        .map_err(|e| format!("https://{host}{path}: {e}"))?;
    let response = exchange(endpoint, request).await?;
    let content_type = response
        .headers()
        .get(hyper::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    Ok(Fetched {
        status: response.status().as_u16(),
        content_type,
        body: response.into_body().to_vec(),
    })
}

/// Sends `request` (an absolute https:// URI) and reads the whole response,
/// within `endpoint.timeout` for everything; an error names the URL.
pub async fn exchange(endpoint: &Endpoint, request: hyper::Request<Full<Bytes>>) -> Result<hyper::Response<Bytes>, String> {
    let url = request.uri().to_string();
    let work = send(endpoint, request);
    let late = async {
        smol::Timer::after(endpoint.timeout).await;
        Err(format!("{url}: no answer within {} s", endpoint.timeout.as_secs()))
    };
    futures_lite::future::or(work, late).await
}

async fn send(endpoint: &Endpoint, mut request: hyper::Request<Full<Bytes>>) -> Result<hyper::Response<Bytes>, String> {
    let url = request.uri().clone();
    let at = |e: &dyn std::fmt::Display| format!("{url}: {e}");
    if url.scheme_str() != Some("https") {
        return Err(at(&"only https:// is fetched"));
    }
    let host = url.host().ok_or_else(|| at(&"no host"))?.trim_matches(['[', ']']).to_string();
    let port = url.port_u16().unwrap_or(443);
    let (name, dns) = (host.clone(), endpoint.dns_server.clone());
    let addrs = smol::unblock(move || super::resolve::socket_addrs(&name, port, &dns)).await?;
    let tcp = TcpStream::connect(&addrs[..]).await.map_err(|e| at(&e))?;
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| at(&e))?
        .with_root_certificates(Arc::clone(&endpoint.roots))
        .with_no_client_auth();
    let server_name = ServerName::try_from(host.clone()).map_err(|e| at(&e))?;
    let tls = futures_rustls::TlsConnector::from(Arc::new(config))
        .connect(server_name, tcp)
        .await
        .map_err(|e| at(&e))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(FuturesIo::new(tls))
        .await
        .map_err(|e| at(&e))?;
    let driver = smol::spawn(async move {
        let _ = connection.await;
    });
    // HTTP/1.1 over one connection: the request names its host, the path only.
    let authority = url.authority().map_or(host, ToString::to_string);
    let headers = request.headers_mut();
    headers.insert(hyper::header::HOST, authority.parse().map_err(|e| at(&e))?);
    headers.insert(
        hyper::header::USER_AGENT,
        hyper::header::HeaderValue::from_static(concat!("cloister/", env!("CARGO_PKG_VERSION"))),
    );
    let path = url.path_and_query().map_or("/", |p| p.as_str());
    *request.uri_mut() = path.parse().map_err(|e| at(&e))?;
    let response = sender.send_request(request).await.map_err(|e| at(&e))?;
    let (parts, body) = response.into_parts();
    let body = Limited::new(body, endpoint.limit)
        .collect()
        .await
        .map_err(|e| at(&format!("{e} (more than {} bytes?)", endpoint.limit)))?
        .to_bytes();
    driver.cancel().await;
    Ok(hyper::Response::from_parts(parts, body))
}
