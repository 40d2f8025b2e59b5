//! HTTPS listener. So far it serves only `/healthz`; the portal and admin
//! pages arrive with their own issues. Every response carries the security
//! headers the portal will rely on.

use std::sync::Arc;
use std::time::Duration;

use futures_rustls::TlsAcceptor;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use smol::net::TcpListener;
use smol_hyper::rt::{FuturesIo, SmolTimer};

const SECURITY_HEADERS: [(&str, &str); 5] = [
    (
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("strict-transport-security", "max-age=31536000"),
    ("x-frame-options", "DENY"),
];

pub async fn serve(listener: TcpListener, tls: Arc<rustls::ServerConfig>) {
    let acceptor = TlsAcceptor::from(tls);
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            smol::Timer::after(Duration::from_millis(100)).await;
            continue;
        };
        let acceptor = acceptor.clone();
        smol::spawn(async move {
            let handshake = futures_lite::future::or(async { Some(acceptor.accept(stream).await) }, async {
                smol::Timer::after(Duration::from_secs(10)).await;
                None
            });
            let Some(Ok(tls)) = handshake.await else {
                tracing::debug!(client = %peer, "https handshake failed or timed out");
                return;
            };
            let service = hyper::service::service_fn(|req| async move { Ok::<_, std::convert::Infallible>(route(&req)) });
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(SmolTimer::new())
                .header_read_timeout(Duration::from_secs(10))
                .serve_connection(FuturesIo::new(tls), service);
            if let Err(e) = conn.await {
                tracing::debug!(client = %peer, error = %e, "https connection ended with an error");
            }
        })
        .detach();
    }
}

fn route(req: &Request<Incoming>) -> Response<Full<Bytes>> {
    match (req.method().as_str(), req.uri().path()) {
        ("GET" | "HEAD", "/healthz") => respond(StatusCode::OK, "ok\n"),
        _ => respond(StatusCode::NOT_FOUND, "not found\n"),
    }
}

fn respond(status: StatusCode, body: &'static str) -> Response<Full<Bytes>> {
    let mut builder = Response::builder()
        .status(status)
        .header("content-type", "text/plain; charset=utf-8")
        .header("cache-control", "no-store");
    for (k, v) in SECURITY_HEADERS {
        builder = builder.header(k, v);
    }
    builder
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("static response")
}
